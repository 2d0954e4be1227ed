// `suanpan check FILE|DIR`: findings for people (grouped by table, most severe first) or as JSON.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { worstSeverity, type Finding } from '../core/findings';
import { checkWorkbook } from '../core/rules';
import { annotationEdits } from '../core/annotate';
import { writeWorkbookWithEdits } from '../xlsx';
import type { Lang } from './labels';
import { kindLabel } from './labels';
import { recognitionJson } from './report';
import type { Io } from './main';
import { readInput } from './input';

export function findingJson(f: Finding, i: number, lang: Lang) {
  return {
    id: `F${i + 1}`,
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    range: f.range,
    ...(f.table ? { table: f.table } : {}),
    ...(f.form ? { form: f.form } : {}),
    message: lang === 'en' ? f.message.en : f.message.zh,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    related: [...f.related],
    ...(f.rowLabel ? { row: f.rowLabel } : {}),
    ...(f.columnLabel ? { column: f.columnLabel } : {}),
    ...(f.details ? { details: f.details } : {}),
  };
}

const SEV = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

export function exitCodeFor(findings: readonly Finding[]): number {
  return worstSeverity(findings) === 'error' ? 1 : 0;
}

function counts(findings: readonly Finding[]) {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}

async function checkOne(file: string, io: Io) {
  const snapshot = await readInput(file, io);
  return snapshot ? { ok: true as const, ...checkWorkbook(snapshot) } : { ok: false as const };
}

export async function checkFile(file: string, json: boolean, lang: Lang, io: Io, annotateOut?: string): Promise<number> {
  const r = await checkOne(file, io);
  if (!r.ok) return 2;
  if (annotateOut) {
    if (path.resolve(annotateOut) === path.resolve(file)) {
      io.err(`suanpan: --annotate must name a new file, not ${file}\n`);
      return 2;
    }
    await writeWorkbookWithEdits({ path: file }, annotationEdits(r.findings, lang), annotateOut);
    io.err(lang === 'en' ? `annotated copy written to ${annotateOut}\n` : `已写出带标注的副本：${annotateOut}\n`);
  }
  if (json) {
    const doc = recognitionJson(file, r.recognition);
    io.out(JSON.stringify({ ...doc, findings: r.findings.map((f, i) => findingJson(f, i, lang)) }, null, 2) + '\n');
    return exitCodeFor(r.findings);
  }
  const zh = lang === 'zh-CN';
  const c = counts(r.findings);
  io.out(`${file}\n`);
  io.out(
    zh
      ? `识别到 ${r.recognition.tables.length} 张表、${r.recognition.forms.length} 张绩效目标表；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}\n`
      : `${r.recognition.tables.length} tables, ${r.recognition.forms.length} forms; ${c.error} errors, ${c.warning} warnings, ${c.info} infos\n`,
  );
  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const k = f.table ?? f.form ?? '';
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const t of r.recognition.tables) {
    const list = groups.get(t.id);
    if (!list) continue;
    io.out(`\n${t.sheet} · ${kindLabel(t.kind, lang)} (${t.id})\n`);
    for (const f of list) {
      const sev = SEV[lang][f.severity];
      io.out(`  [${sev}] ${f.cell.padEnd(6)} ${f.rule.padEnd(14)} ${zh ? f.message.zh : f.message.en}\n`);
    }
  }
  for (const form of r.recognition.forms) {
    const list = groups.get(form.id);
    if (!list) continue;
    io.out(`\n${form.sheet} · ${form.id} 《${form.name}》\n`);
    for (const f of list) io.out(`  [${SEV[lang][f.severity]}] ${f.cell.padEnd(6)} ${f.rule.padEnd(16)} ${zh ? f.message.zh : f.message.en}\n`);
  }
  const rest = groups.get('');
  if (rest) for (const f of rest) io.out(`  [${SEV[lang][f.severity]}] ${f.sheet}!${f.cell} ${zh ? f.message.zh : f.message.en}\n`);
  return exitCodeFor(r.findings);
}

async function listXlsx(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listXlsx(p)));
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$')) out.push(p);
  }
  return out.sort();
}

export async function checkDir(dir: string, json: boolean, lang: Lang, io: Io): Promise<number> {
  const files = await listXlsx(dir);
  const zh = lang === 'zh-CN';
  let worst = 0;
  const total = { error: 0, warning: 0, info: 0, unreadable: 0 };
  const docs = [];
  for (const file of files) {
    const r = await checkOne(file, io);
    if (!r.ok) {
      worst = 2;
      total.unreadable++;
      if (!json) io.out(`${file}\t${zh ? '无法读取' : 'unreadable'}\n`);
      continue;
    }
    const c = counts(r.findings);
    total.error += c.error;
    total.warning += c.warning;
    total.info += c.info;
    worst = Math.max(worst, exitCodeFor(r.findings));
    if (json) docs.push({ ...recognitionJson(file, r.recognition), findings: r.findings.map((f, i) => findingJson(f, i, lang)) });
    else
      io.out(
        zh
          ? `${file}\t表 ${r.recognition.tables.length}\t绩效表 ${r.recognition.forms.length}\t错误 ${c.error}\t警告 ${c.warning}\t提示 ${c.info}\n`
          : `${file}\ttables ${r.recognition.tables.length}\tforms ${r.recognition.forms.length}\terrors ${c.error}\twarnings ${c.warning}\tinfos ${c.info}\n`,
      );
  }
  if (json) io.out(JSON.stringify({ workbooks: docs, totals: { files: files.length, ...total } }, null, 2) + '\n');
  else
    io.out(
      zh
        ? `共 ${files.length} 个工作簿：错误 ${total.error}，警告 ${total.warning}，提示 ${total.info}，无法读取 ${total.unreadable}\n`
        : `${files.length} workbooks: ${total.error} errors, ${total.warning} warnings, ${total.info} infos, ${total.unreadable} unreadable\n`,
    );
  return worst;
}
