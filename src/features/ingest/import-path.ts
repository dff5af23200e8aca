/**
 * The import use case: load a contract file, or every contract file of a folder in contract
 * order, each file on its own (one file failing does not stop the others). Leftover staging
 * tables of a killed run are dropped first, so at most one import should run at a time.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { loadSettings } from '../../platform/settings-store.js';
import { compareFiles, parseFileName, type NamedFile } from './file-name.js';
import { importFile } from './import-file.js';
import type { RejectedKeys } from './reject-summary.js';
import type { ImportOptions, ImportProgress, ImportResult } from './types.js';

export async function importPath(
  h: DbHandle,
  path: string,
  opts: ImportOptions = {},
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportResult> {
  const runId = newRunId();
  const reportDir = resolve(opts.reportDir ?? join(opts.reportRoot ?? join('.guanhu', 'imports'), runId));
  const { files, skipped } = listFiles(path);
  mkdirSync(reportDir, { recursive: true });
  await dropLeftovers(h);
  const result: ImportResult = { runId, reportDir, files: [], skipped };
  // the limits in force (ceiling on a position, holdings shrink) for the whole run
  const rules = (await loadSettings(h.db)).value.imports;
  let index = 0;
  const rejectedKeys: RejectedKeys = new Map();
  for (const f of files) {
    const ctx = {
      runId,
      index: index++,
      reportDir,
      opts,
      rules,
      size: statSync(f.path).size,
      onProgress,
      rejectedKeys,
    };
    const done = await importFile(h, ctx, f.path, f);
    result.files.push(done);
    await opts.onFile?.(done);
  }
  return result;
}

type Listed = NamedFile & { name: string; path: string };

function listFiles(path: string): { files: Listed[]; skipped: string[] } {
  const isDir = statSync(path).isDirectory();
  const names = isDir ? readdirSync(path).filter((n) => statSync(join(path, n)).isFile()) : [basename(path)];
  const files: Listed[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const named = parseFileName(name);
    if (named) files.push({ ...named, name, path: isDir ? join(path, name) : path });
    else skipped.push(name);
  }
  return { files: files.sort(compareFiles), skipped };
}

/** r<UTC yyyymmddhhmmss>_<hex>: sortable, and safe inside table names */
function newRunId(): string {
  const ts = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `r${ts}_${randomBytes(3).toString('hex')}`;
}

async function dropLeftovers(h: DbHandle): Promise<void> {
  const rows = await query<{ t: string }>(
    h.db,
    sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()
        AND (tablename LIKE 'import\\_stage\\_%' OR tablename LIKE 'import\\_rej\\_%' OR tablename LIKE 'import\\_day\\_%')`,
  );
  for (const r of rows) await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${r.t}`));
}
