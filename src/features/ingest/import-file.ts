/**
 * Imports one contract file: stage (Node pass + COPY) → date and idempotency → validate in SQL
 * → build (holdings' day table) → merge + bookkeeping in one transaction → reports. Any error
 * fails the file as a whole and leaves the database as it was; staging tables are always dropped.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { detectEncoding } from './detect-encoding.js';
import { isRealDate, type NamedFile } from './file-name.js';
import { errorMessage } from './error-message.js';
import { ImportFileError } from './import-error.js';
import { loadStage } from './load-stage.js';
import { buildHoldingsDay } from './merge-holdings.js';
import { mergeFile } from './merge-file.js';
import { alreadyLoaded, recordFile } from './record-import.js';
import { stageTables } from './staged-rows.js';
import type { FileResult, ImportOptions, ImportProgress } from './types.js';
import { validateStaged } from './validate-staged.js';
import { reportPaths, writeRejects, writeReport } from './write-report.js';

export interface FileContext {
  runId: string;
  index: number;
  reportDir: string;
  opts: ImportOptions;
  size: number;
  onProgress: (p: ImportProgress) => void;
}

export async function importFile(h: DbHandle, ctx: FileContext, path: string, named: NamedFile): Promise<FileResult> {
  const started = performance.now();
  const file = basename(path);
  const f: FileResult = {
    file,
    path,
    kind: named.kind,
    businessDate: named.date ?? ctx.opts.date ?? null,
    status: 'failed',
    encoding: ctx.opts.encoding ?? '',
    checksum: '',
    read: 0,
    loaded: 0,
    rejected: 0,
    durationMs: 0,
    ...reportPaths(ctx.reportDir, file),
    message: null,
    warnings: [],
    phasesMs: {},
  };
  const t = stageTables(ctx.runId, ctx.index);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (f.businessDate && !isRealDate(f.businessDate)) throw new ImportFileError(`bad date ${f.businessDate}`);
    if (!ctx.opts.encoding) {
      const det = await detectEncoding(path);
      f.encoding = det.encoding;
      if (det.warning) f.warnings.push(det.warning);
    }
    const phase = `${file}`;
    let mark = performance.now();
    const lap = (name: string) => {
      f.phasesMs[name] = Math.round(performance.now() - mark);
      mark = performance.now();
    };
    const { staged, read, warnings } = await loadStage(h, {
      path,
      kind: f.kind,
      encoding: f.encoding as 'utf8' | 'gbk',
      stage: t.stage,
      rejects: t.rejects,
      onBytes: (done) => ctx.onProgress({ phase, done, total: ctx.size }),
    });
    lap('stage');
    f.warnings.push(...warnings);
    f.read = read.splitter.read;
    f.checksum = read.checksum!;
    if (f.kind === 'holdings' && !f.businessDate) f.businessDate = await dateOfFirstRow(h.db, t.stage);
    staged.businessDate = f.businessDate;
    if (await alreadyLoaded(h.db, f)) {
      f.status = 'unchanged';
      f.rejectsPath = null;
      f.durationMs = elapsed();
      await recordFile(h.db, ctx.runId, f);
      await writeReport(f);
      return f;
    }
    f.rejected = await validateStaged(h, staged, read.splitter);
    f.loaded = f.read - f.rejected;
    lap('validate');
    if (f.kind === 'holdings') await buildHoldingsDay(h, staged, t.day);
    lap('build');
    f.status = 'loaded';
    await h.db.transaction(async (txDb) => {
      const tx = txDb as unknown as AppDb;
      await mergeFile(tx, staged, t.day);
      lap('merge');
      f.durationMs = elapsed();
      await recordFile(tx, ctx.runId, f);
      await ctx.opts.beforeCommit?.(f);
    });
    await writeRejects(h.db, t.rejects, f);
    await writeReport(f);
    return f;
  } catch (err) {
    Object.assign(f, { status: 'failed', loaded: 0, message: errorMessage(err), durationMs: elapsed() });
    f.checksum ||= await sha256Of(path).catch(() => '');
    f.encoding ||= 'unknown';
    f.rejectsPath = null;
    await recordFile(h.db, ctx.runId, f).catch(() => undefined);
    await writeReport(f).catch(() => undefined);
    return f;
  } finally {
    for (const table of [t.stage, t.rejects, t.day])
      await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${table}`)).catch(() => undefined);
  }
}

/** Holdings without a date in the name or --date take the first row's as_of_date. */
async function dateOfFirstRow(db: AppDb, stage: string): Promise<string> {
  const [row] = await query<{ d: string | null }>(
    db,
    sql.raw(`SELECT as_of_date AS d FROM ${stage} ORDER BY line_no LIMIT 1`),
  );
  const d = row?.d ?? '';
  if (!isRealDate(d))
    throw new ImportFileError(
      'no business date: none in the file name, no --date, and no valid as_of_date on the first row',
    );
  return d;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
