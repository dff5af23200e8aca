/**
 * Imports one contract file: stage (Node pass + COPY) → date and idempotency → validate in SQL
 * → merge + bookkeeping in one transaction → reports. Holdings take the fast path instead: Node
 * validates and COPYs the typed rows into the day table → idempotency → the day's indexes (the
 * unique one is the duplicate check) → swap. Any error
 * fails the file as a whole and leaves the database as it was; staging tables are always dropped.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/query.js';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { detectEncoding } from './detect-encoding.js';
import { isRealDate, type NamedFile } from './file-name.js';
import { errorMessage } from './error-message.js';
import { ImportFileError } from './import-error.js';
import { loadStage } from './load-stage.js';
import { SPECS } from './file-kinds.js';
import { loadHoldingsDay } from './holdings-load.js';
import { indexHoldingsDay } from './merge-holdings.js';
import { mergeFile } from './merge-file.js';
import { leftStaffStatement } from './merge-relationships.js';
import { holdingsShrink, refusal } from './holdings-shrink.js';
import { writeAudit } from '../../platform/audit.js';
import type { RecordSplitter } from './record-splitter.js';
import { rememberRejectedKeys, topReasons, type RejectedKeys } from './reject-summary.js';
import { alreadyLoaded, recordFile } from './record-import.js';
import { stageTables, type Staged } from './staged-rows.js';
import type { FileResult, ImportOptions, ImportProgress, ImportRules } from './types.js';
import { countRows, validateStaged } from './validate-staged.js';
import { reportPaths, writeRejects, writeReport } from './write-report.js';

/** rows with bytes that are not UTF-8 that a UTF-8 file may have (or 1% of its rows) */
const MAX_BAD_UTF8_ROWS = 3;

export interface FileContext {
  runId: string;
  index: number;
  reportDir: string;
  opts: ImportOptions;
  rules: ImportRules;
  size: number;
  onProgress: (p: ImportProgress) => void;
  /** rows rejected by earlier files of this import, by kind and key */
  rejectedKeys: RejectedKeys;
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
    rejectsLeftOut: 0,
    durationMs: 0,
    ...reportPaths(ctx.reportDir, file),
    message: null,
    warnings: [],
    topReasons: [],
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
    const onBytes = (done: number) => ctx.onProgress({ phase, done, total: ctx.size });
    let staged: Staged;
    let holdingsSplit: RecordSplitter | undefined;
    let otherSplit: RecordSplitter | undefined;
    let finish: () => Promise<number>;
    if (f.kind === 'holdings') {
      // fast path: validated in Node, COPYed straight into the day table (docs/ingest.md)
      const load = await loadHoldingsDay(h, {
        path,
        encoding: f.encoding as 'utf8' | 'gbk',
        date: f.businessDate,
        day: t.day,
        rejects: t.rejects,
        ceilingFen: ctx.rules.positionCeilingFen,
        onBytes,
      });
      lap('stage');
      f.warnings.push(...load.warnings);
      f.read = load.scan.read;
      holdingsSplit = load.scan;
      f.customers = load.customers;
      f.checksum = load.read.checksum!;
      f.businessDate = load.date;
      staged = {
        spec: SPECS.holdings,
        stage: t.stage,
        rejects: t.rejects,
        present: load.present,
        businessDate: f.businessDate,
      };
      finish = async () => {
        await indexHoldingsDay(h, t.day, t.rejects, load.keys);
        const n = (await countRows(h.db, t.rejects)) + load.scan.rejectedBeyondCap;
        lap('build');
        return n;
      };
    } else {
      const stage = await loadStage(h, {
        path,
        kind: f.kind,
        encoding: f.encoding as 'utf8' | 'gbk',
        stage: t.stage,
        rejects: t.rejects,
        onBytes,
      });
      lap('stage');
      staged = stage.staged;
      f.warnings.push(...stage.warnings);
      f.read = stage.read.splitter.read;
      otherSplit = stage.read.splitter;
      f.checksum = stage.read.checksum!;
      staged.businessDate = f.businessDate;
      finish = async () => {
        const n = await validateStaged(h, staged, stage.read.splitter, ctx.rules);
        lap('validate');
        return n;
      };
    }
    if (await alreadyLoaded(h.db, f)) {
      f.status = 'unchanged';
      f.rejectsPath = null;
      f.durationMs = elapsed();
      await recordFile(h.db, ctx.runId, f);
      await writeReport(f);
      return f;
    }
    const split = f.kind === 'holdings' ? holdingsSplit! : otherSplit!;
    // The encoding was decided from the file's start: a UTF-8 file with many rows of bytes that
    // are not UTF-8 was not UTF-8 after all (a few such rows are rejected as damaged).
    if (
      !ctx.opts.encoding &&
      f.encoding === 'utf8' &&
      split.notUtf8 > MAX_BAD_UTF8_ROWS &&
      split.notUtf8 * 100 > f.read
    )
      throw new ImportFileError(
        `not UTF-8: ${split.notUtf8} of ${f.read} rows hold bytes that are not UTF-8 (is it GBK? try --encoding gbk)`,
      );
    f.rejected = await finish();
    f.loaded = f.read - f.rejected;
    // the rejects file keeps the first rows that could not be split (memory stays bounded): say how many it leaves out
    const splitter = holdingsSplit ?? otherSplit;
    f.rejectsLeftOut = splitter?.rejectedBeyondCap ?? 0;
    if (f.rejectsLeftOut)
      f.warnings.push(
        `${f.rejectsLeftOut} more rejected ${f.rejectsLeftOut === 1 ? 'row is' : 'rows are'} not in the rejects file ` +
          `(it lists the first ${splitter!.rejects.length.toLocaleString('en-US')} rows that could not be split)`,
      );
    if (f.rejected) {
      f.topReasons = await topReasons(h.db, f.kind, t.rejects, ctx.rejectedKeys);
      if (f.kind !== 'holdings') await rememberRejectedKeys(h.db, f.kind, file, t.stage, t.rejects, ctx.rejectedKeys);
    }
    // A holdings file is the whole day: one whose every row is bad would replace the day with
    // nothing (everyone at AUM 0). Refuse it and keep the day as it was.
    if (f.kind === 'holdings' && f.read > 0 && f.loaded === 0) {
      throw new ImportFileError(`all ${f.read} rows were rejected; the day's holdings were kept as they were`);
    }
    if (f.kind === 'relationships') {
      const [l] = await query<{ n: number; staff: string | null }>(h.db, sql.raw(leftStaffStatement(staged)));
      if (l && l.n > 0)
        f.warnings.push(
          `${l.n} ${l.n === 1 ? 'relationship names' : 'relationships name'} staff who have left (${l.staff}): ` +
            `loaded as ended, so ${l.n === 1 ? 'that customer needs' : 'those customers need'} an RM`,
        );
    }
    // ... and one much smaller than the latest earlier day is refused unless the operator means it
    const shrink =
      f.kind === 'holdings'
        ? await holdingsShrink(h.db, file, f.businessDate!, f.customers ?? 0, f.read, f.rejected, ctx.rules.shrink)
        : null;
    if (shrink && !ctx.opts.acceptShrink) throw new ImportFileError(refusal(shrink));
    if (shrink) f.warnings.push(`${shrink.why}: loaded anyway (--accept-shrink)`);
    f.status = 'loaded';
    await h.db.transaction(async (txDb) => {
      const tx = txDb as unknown as AppDb;
      await mergeFile(tx, staged, t.day);
      if (shrink)
        await writeAudit(tx, {
          action: 'import_shrink_accepted',
          entityType: 'import_file',
          entityId: file,
          reason: `${shrink.why}: loaded with --accept-shrink`,
          before: { date: shrink.figures.previousDate, customers: shrink.figures.previousCustomers },
          after: shrink.figures,
          runId: ctx.runId,
        });
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

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
