/** @jest-environment jsdom */
// Offline checks of manifest.xml. `office-addin-manifest validate` needs Microsoft's online service
// and no npm package ships the XSDs, so this suite checks what the schema and the Office docs require:
// element order, required elements, types, https URLs, resid → resource, icon files, GUID Id.
// jsdom's DOMParser parses the XML (namespace-aware; elements are matched by localName).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const DEV_ORIGIN = 'https://localhost:3000';

/** OfficeApp children in the order the schema's sequence requires (toolchain.md). */
const TOP_LEVEL_ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED_TOP_LEVEL = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'DefaultSettings',
  'Permissions',
];

const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const root = doc.documentElement;

const children = (el: Element, name?: string) =>
  Array.from(el.children).filter((c) => name === undefined || c.localName === name);
const child = (el: Element, name: string): Element => {
  const found = children(el, name);
  if (found.length !== 1) throw new Error(`<${el.localName}> should have exactly one <${name}>, has ${found.length}`);
  return found[0];
};
const descendants = (el: Element, name?: string) =>
  Array.from(el.getElementsByTagName('*')).filter((c) => name === undefined || c.localName === name);
const xsiType = (el: Element) => el.getAttributeNS(XSI, 'type');
const versionOverrides = () => child(root, 'VersionOverrides');
const resources = () => child(versionOverrides(), 'Resources');

/** [localName of the Resources group, localName of its items] per kind of resid. */
const RESOURCE_GROUPS = {
  image: ['Images', 'Image'],
  url: ['Urls', 'Url'],
  short: ['ShortStrings', 'String'],
  long: ['LongStrings', 'String'],
} as const;
type ResourceKind = keyof typeof RESOURCE_GROUPS;

function resourceItems(kind: ResourceKind): Element[] {
  const [group, item] = RESOURCE_GROUPS[kind];
  return children(resources(), group).flatMap((g) => children(g, item));
}

/** Which kind of resource an element's resid must name, by the element it sits on. */
function residKind(el: Element): ResourceKind {
  switch (el.localName) {
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'url';
    case 'Label':
    case 'Title':
      return 'short';
    case 'Description':
      return 'long';
    default:
      throw new Error(`no rule for resid on <${el.localName}>`);
  }
}

/** Every URL in the manifest: attribute values and text that look like one. */
function allUrls(): string[] {
  const urls: string[] = [];
  for (const el of [root, ...descendants(root)]) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:') || attr.namespaceURI === XSI) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) urls.push(attr.value);
    }
    for (const node of Array.from(el.childNodes)) {
      const t = node.nodeType === node.TEXT_NODE ? (node.textContent ?? '').trim() : '';
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) urls.push(t);
    }
  }
  return urls;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-32.png → <repo>/assets/icon-32.png */
function localFileFor(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  return path.join(ROOT, new URL(url).pathname);
}

describe('manifest.xml: document', () => {
  test('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  });

  test('is a TaskPaneApp in the OfficeApp 1.1 namespace', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(NS_APP);
    expect(xsiType(root)).toBe('TaskPaneApp');
  });

  test('top-level elements follow the schema order, each at most once', () => {
    const names = children(root).map((c) => c.localName);
    for (const n of names) expect(TOP_LEVEL_ORDER).toContain(n);
    const positions = names.map((n) => TOP_LEVEL_ORDER.indexOf(n));
    for (let i = 1; i < positions.length; i++) {
      if (positions[i] <= positions[i - 1]) {
        throw new Error(`<${names[i]}> must not come after <${names[i - 1]}> (order: ${TOP_LEVEL_ORDER.join(', ')})`);
      }
    }
  });

  test('required top-level elements are present', () => {
    for (const n of [...REQUIRED_TOP_LEVEL, 'Hosts', 'Requirements', 'VersionOverrides']) {
      expect(children(root, n)).toHaveLength(1);
    }
  });
});

describe('manifest.xml: identity and settings', () => {
  test('Id is a GUID and Version has one to four numeric parts', () => {
    expect(child(root, 'Id').textContent?.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(root, 'Version').textContent?.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });

  test('ProviderName is not empty', () => {
    expect(child(root, 'ProviderName').textContent?.trim()).not.toBe('');
  });

  test('default locale zh-CN, with en-US overrides for DisplayName and Description', () => {
    expect(child(root, 'DefaultLocale').textContent?.trim()).toBe('zh-CN');
    const displayName = child(root, 'DisplayName');
    const description = child(root, 'Description');
    expect(displayName.getAttribute('DefaultValue')).toBe('算盘 Suanpan');
    for (const [el, max] of [
      [displayName, 125],
      [description, 250],
    ] as const) {
      const values = [el.getAttribute('DefaultValue') ?? '', ...children(el, 'Override').map((o) => o.getAttribute('Value') ?? '')];
      for (const v of values) {
        expect(v.trim()).not.toBe('');
        expect(v.length).toBeLessThanOrEqual(max);
      }
      const overrides = children(el, 'Override');
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      expect(overrides[0].getAttribute('Value')).toMatch(/^[\x20-\x7e]+$/); // the English text is English
    }
  });

  test('the only host is Workbook', () => {
    const hosts = children(child(root, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
  });

  test('requires ExcelApi 1.7 or later', () => {
    const sets = child(child(root, 'Requirements'), 'Sets');
    const excel = children(sets, 'Set').filter((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(excel).toHaveLength(1);
    const [major, minor] = (excel[0].getAttribute('MinVersion') ?? '').split('.').map(Number);
    expect(major === 1 && minor >= 7).toBe(true);
  });

  test('Permissions is ReadWriteDocument', () => {
    expect(child(root, 'Permissions').textContent?.trim()).toBe('ReadWriteDocument');
  });

  test('the pane opens from https://localhost:3000/taskpane.html', () => {
    const source = child(child(root, 'DefaultSettings'), 'SourceLocation');
    expect(source.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test('every URL is https', () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/[^\s/]+\//);
  });

  test('every URL is on the origin `npm start` serves for Excel (https, the same host and port)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const start = require('../scripts/start.js') as {
      manifestOrigin(xml: string): { protocol: string; hostname: string; port: number };
      plan(input: { platform: string; excel: string | null; origin: { protocol: string; hostname: string; port: number } }): {
        serve: { protocol: string; port: number } | null;
      };
    };
    const origin = start.manifestOrigin(xml);
    for (const u of allUrls()) {
      const url = new URL(u);
      expect({ protocol: url.protocol, hostname: url.hostname, port: Number(url.port) }).toEqual({
        protocol: `${origin.protocol}:`,
        hostname: origin.hostname,
        port: origin.port,
      });
    }
    for (const [platform, excel] of [
      ['win32', 'C:\\Office\\EXCEL.EXE'],
      ['darwin', '/Applications/Microsoft Excel.app'],
    ]) {
      expect(start.plan({ platform, excel, origin }).serve).toMatchObject({ protocol: 'https', port: Number(new URL(DEV_ORIGIN).port) });
    }
  });
});

describe('manifest.xml: VersionOverrides', () => {
  test('is VersionOverridesV1_0 in the task pane overrides namespace', () => {
    const vo = versionOverrides();
    expect(vo.namespaceURI).toBe(NS_OV);
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
    expect(children(vo).map((c) => c.localName)).toEqual(['Hosts', 'Resources']);
  });

  test('a Workbook host with a desktop form factor: FunctionFile before ExtensionPoint', () => {
    const hosts = children(child(versionOverrides(), 'Hosts'), 'Host');
    expect(hosts.map(xsiType)).toEqual(['Workbook']);
    const desktop = child(hosts[0], 'DesktopFormFactor');
    const order = ['GetStarted', 'FunctionFile', 'ExtensionPoint'];
    const names = children(desktop).map((c) => c.localName);
    expect(names.filter((n) => !order.includes(n))).toEqual([]);
    const idx = names.map((n) => order.indexOf(n));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(names).toContain('FunctionFile');
    expect(names).toContain('ExtensionPoint');
  });

  test('a ribbon button on the Home tab opens the task pane', () => {
    const point = descendants(versionOverrides(), 'ExtensionPoint');
    expect(point.map(xsiType)).toEqual(['PrimaryCommandSurface']);
    const tab = child(point[0], 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = child(tab, 'Group');
    const controls = children(group, 'Control');
    expect(controls).toHaveLength(1);
    expect(xsiType(controls[0])).toBe('Button');
    const action = child(controls[0], 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId').textContent?.trim()).not.toBe('');
    // the button opens the same page as DefaultSettings
    const resid = child(action, 'SourceLocation').getAttribute('resid');
    const url = resourceItems('url').find((u) => u.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test('ids of groups and controls are unique and at most 125 characters', () => {
    const ids = descendants(versionOverrides())
      .filter((e) => ['Group', 'Control'].includes(e.localName))
      .map((e) => e.getAttribute('id') ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });

  test('Resources groups come in schema order with unique ids of at most 32 characters', () => {
    const groups = children(resources()).map((c) => c.localName);
    const order = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
    expect(groups).toEqual(order.filter((g) => groups.includes(g)));
    for (const g of children(resources())) expect(g.namespaceURI).toBe(NS_BT);
    const ids = (Object.keys(RESOURCE_GROUPS) as ResourceKind[]).flatMap((k) => resourceItems(k)).map((e) => e.getAttribute('id') ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^.{1,32}$/);
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    const used = new Set<string>();
    const withResid = descendants(versionOverrides()).filter((e) => e.hasAttribute('resid'));
    expect(withResid.length).toBeGreaterThan(0);
    for (const el of withResid) {
      const resid = el.getAttribute('resid') ?? '';
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind = residKind(el);
      const ids = resourceItems(kind).map((r) => r.getAttribute('id'));
      if (!ids.includes(resid)) throw new Error(`<${el.localName} resid="${resid}"> names no ${RESOURCE_GROUPS[kind][0]} entry`);
      used.add(resid);
    }
    const defined = (Object.keys(RESOURCE_GROUPS) as ResourceKind[]).flatMap((k) => resourceItems(k)).map((e) => e.getAttribute('id') ?? '');
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  test('strings have a default and an en-US override within the length limits', () => {
    for (const [kind, max] of [
      ['short', 125],
      ['long', 250],
    ] as const) {
      for (const s of resourceItems(kind)) {
        const def = s.getAttribute('DefaultValue') ?? '';
        expect(def.trim()).not.toBe('');
        expect(def.length).toBeLessThanOrEqual(max);
        const overrides = children(s, 'Override');
        expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
        expect((overrides[0].getAttribute('Value') ?? '').length).toBeLessThanOrEqual(max);
      }
    }
  });

  test('every Icon has the required 16, 32 and 80 px images, in supported sizes only', () => {
    const icons = descendants(versionOverrides(), 'Icon');
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const sizes = children(icon, 'Image').map((i) => Number(i.getAttribute('size')));
      for (const s of [16, 32, 80]) expect(sizes).toContain(s);
      for (const s of sizes) expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(s);
    }
  });
});

describe('manifest.xml: files it points at', () => {
  test('every icon URL names a PNG in assets/ of the size its name says', () => {
    const iconUrls = allUrls().filter((u) => /\.png$/i.test(u));
    expect(iconUrls.length).toBeGreaterThanOrEqual(4);
    for (const url of iconUrls) {
      const file = localFileFor(url);
      expect(path.dirname(file)).toBe(path.join(ROOT, 'assets'));
      if (!fs.existsSync(file)) throw new Error(`${url} → ${file} does not exist`);
      const m = /icon-(\d+)\.png$/.exec(file);
      expect(m).not.toBeNull();
      expect(pngSize(file)).toEqual({ width: Number(m![1]), height: Number(m![1]) });
    }
  });

  test('each ribbon image resource is as large as the size it is used at', () => {
    for (const img of descendants(versionOverrides(), 'Image').filter((e) => e.hasAttribute('size'))) {
      const res = resourceItems('image').find((r) => r.getAttribute('id') === img.getAttribute('resid'))!;
      const { width } = pngSize(localFileFor(res.getAttribute('DefaultValue') ?? ''));
      expect(width).toBe(Number(img.getAttribute('size')));
    }
  });

  test('IconUrl is 32 px and HighResolutionIconUrl 64 px', () => {
    expect(pngSize(localFileFor(child(root, 'IconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFileFor(child(root, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({
      width: 64,
      height: 64,
    });
  });

  test('every page it opens is built by webpack.config.js, and every icon is copied to build/assets', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require('../webpack.config.js') as ((env: unknown, argv: { mode: string }) => {
      plugins: { constructor: { name: string }; userOptions?: { filename?: string } }[];
    }) & { STATIC_FILES: [string, string][] };
    const config = makeConfig({}, { mode: 'production' });
    const pages = config.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => p.userOptions?.filename);
    const htmlUrls = allUrls().filter((u) => /\.html$/i.test(u));
    expect(htmlUrls.length).toBeGreaterThanOrEqual(2);
    for (const u of htmlUrls) expect(pages).toContain(new URL(u).pathname.slice(1));
    const copied = makeConfig.STATIC_FILES.map(([, to]) => to);
    expect(copied).toContain('office.js');
    expect(copied).toContain('o15apptofilemappingtable.js'); // without it onReady never answers outside Office
    for (const u of allUrls().filter((x) => /\.png$/i.test(x))) expect(copied).toContain(new URL(u).pathname.slice(1));
  });
});

// office-addin-manifest's reader. jest maps the package name to lib/officeApp.js (which only exports
// the OfficeApp helpers), and its lib/manifestOperations.js pulls in uuid 14, which is ESM-only and
// cannot be loaded by jest's CommonJS runtime. So the reader runs in a child Node process; that needs
// require(esm) (Node ≥ 20.19 / 22.12). On an older Node the test is skipped, not failed.
const READER = `
const { OfficeAddinManifest } = require('office-addin-manifest/lib/manifestOperations');
OfficeAddinManifest.readManifestFile(process.argv[1]).then(
  (info) => { process.stdout.write(JSON.stringify(info)); },
  (err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); },
);`;
const reader = spawnSync(process.execPath, ['-e', READER, MANIFEST], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
const readerUnavailable = /ERR_REQUIRE_ESM/.test(reader.stderr ?? '');

(readerUnavailable ? test.skip : test)('office-addin-manifest readManifestFile parses it offline', () => {
  if (reader.status !== 0) throw new Error(`readManifestFile failed:\n${reader.stderr}`);
  const info = JSON.parse(reader.stdout) as {
    id?: string;
    officeAppType?: string;
    defaultLocale?: string;
    displayName?: string;
    hosts?: string[];
    permissions?: string;
    defaultSettings?: { sourceLocation?: string };
  };
  expect(info.id).toBe(child(root, 'Id').textContent?.trim());
  expect(info.officeAppType).toBe('TaskPaneApp');
  expect(info.defaultLocale).toBe('zh-CN');
  expect(info.displayName).toBe('算盘 Suanpan');
  expect(info.hosts).toEqual(['Workbook']);
  expect(info.permissions).toBe('ReadWriteDocument');
  expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
});
