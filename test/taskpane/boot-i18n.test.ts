import { bootPane, silenceOfficeTelemetry, type OfficeLike, type PaneEnvironment } from '../../src/taskpane/boot';
import { format, LOCALES, messages, pickLocale } from '../../src/taskpane/i18n';

describe('i18n', () => {
  test('every locale has the same non-empty keys', () => {
    const keys = Object.keys(messages['zh-CN']).sort();
    for (const l of LOCALES) {
      expect(Object.keys(messages[l]).sort()).toEqual(keys);
      for (const k of keys) expect(messages[l][k as keyof (typeof messages)['en']].trim()).not.toBe('');
    }
  });

  test.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['en_AU', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['eng', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
  ])('pickLocale(%p) → %s', (lang, want) => {
    expect(pickLocale(lang)).toBe(want);
  });

  test('format fills known placeholders and keeps unknown ones', () => {
    expect(format('扫描失败：{error}', { error: 'x' })).toBe('扫描失败：x');
    expect(format('{a} {b}', { a: '1' })).toBe('1 {b}');
    expect(format('{error}', { error: '$& {error}' })).toBe('$& {error}');
  });
});

describe('bootPane', () => {
  afterEach(() => jest.useRealTimers());

  test('without office.js it renders at once, outside Excel', async () => {
    const seen: PaneEnvironment[] = [];
    await bootPane(undefined, (env) => seen.push(env));
    expect(seen).toEqual([{ inExcel: false }]);
  });

  test('in a plain browser onReady gives host null', async () => {
    const seen: PaneEnvironment[] = [];
    const office: OfficeLike = { onReady: async () => ({ host: null }) };
    await bootPane(office, (env) => seen.push(env));
    expect(seen).toEqual([{ inExcel: false, displayLanguage: undefined }]);
  });

  test('in Excel it passes the display language on', async () => {
    const seen: PaneEnvironment[] = [];
    const office: OfficeLike = {
      onReady: async () => ({ host: 'Excel' }),
      context: { displayLanguage: 'en-US' },
      HostType: { Excel: 'Excel' },
    };
    await bootPane(office, (env) => seen.push(env));
    expect(seen).toEqual([{ inExcel: true, displayLanguage: 'en-US' }]);
  });

  test('another Office app is not Excel', async () => {
    const seen: PaneEnvironment[] = [];
    const office: OfficeLike = { onReady: async () => ({ host: 'Word' }), HostType: { Excel: 'Excel' } };
    await bootPane(office, (env) => seen.push(env));
    expect(seen).toEqual([{ inExcel: false, displayLanguage: undefined }]);
  });

  test('a context that throws does not stop the pane', async () => {
    const seen: PaneEnvironment[] = [];
    const office = {
      onReady: async () => ({ host: 'Excel' }),
      get context(): { displayLanguage?: string } {
        throw new Error('Office.context is not available');
      },
    };
    await bootPane(office, (env) => seen.push(env));
    expect(seen).toEqual([{ inExcel: true, displayLanguage: undefined }]);
  });

  test('if onReady never answers, it renders outside Excel after the timeout', () => {
    jest.useFakeTimers();
    const seen: PaneEnvironment[] = [];
    const office: OfficeLike = { onReady: () => new Promise(() => {}) };
    void bootPane(office, (env) => seen.push(env), 1000);
    jest.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual([{ inExcel: false }]);
  });

  test('a late onReady renders again, in Excel', async () => {
    jest.useFakeTimers();
    const seen: PaneEnvironment[] = [];
    let ready!: (v: { host: unknown }) => void;
    const office: OfficeLike = { onReady: () => new Promise((r) => (ready = r)) };
    const done = bootPane(office, (env) => seen.push(env), 1000);
    jest.advanceTimersByTime(1000);
    ready({ host: 'Excel' });
    await done;
    expect(seen).toEqual([{ inExcel: false }, { inExcel: true, displayLanguage: undefined }]);
  });

  test('onReady rejecting renders outside Excel and no timer fires later', async () => {
    jest.useFakeTimers();
    const seen: PaneEnvironment[] = [];
    const office: OfficeLike = { onReady: () => Promise.reject(new Error('boom')) };
    await bootPane(office, (env) => seen.push(env), 1000);
    jest.advanceTimersByTime(5000);
    expect(seen).toEqual([{ inExcel: false }]);
  });
});

describe('silenceOfficeTelemetry', () => {
  test('switches off office.js’s telemetry frame loader outside Office', () => {
    const load = jest.fn();
    const win = { OSF: { Logger: { ulsEndpoint: { loadProxyFrame: load } } } };
    expect(silenceOfficeTelemetry(win)).toBe(true);
    win.OSF.Logger.ulsEndpoint.loadProxyFrame();
    expect(load).not.toHaveBeenCalled();
  });

  test('does nothing when office.js is missing or differs', () => {
    expect(silenceOfficeTelemetry(undefined)).toBe(false);
    expect(silenceOfficeTelemetry({})).toBe(false);
    expect(silenceOfficeTelemetry({ OSF: { Logger: {} } })).toBe(false);
  });
});
