/**
 * A file's report: `<file>.rejects.csv` (file,line,column,value,reason, by line) and
 * `<file>.report.json` (what was read, loaded and rejected, checksum, encoding, warnings).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import type { FileResult } from './types.js';

export const reportPaths = (dir: string, file: string) => ({
  reportPath: join(dir, `${file}.report.json`),
  rejectsPath: join(dir, `${file}.rejects.csv`),
});

export async function writeRejects(db: AppDb, rejectsTable: string, f: FileResult): Promise<void> {
  const rows = await query<{ line_no: number; column_name: string; value: string | null; reason: string }>(
    db,
    sql.raw(`SELECT line_no, column_name, value, reason FROM ${rejectsTable} ORDER BY line_no`),
  );
  const body = stringify(
    rows.map((r) => [f.file, r.line_no, r.column_name, r.value ?? '', r.reason]),
    { header: true, columns: ['file', 'line', 'column', 'value', 'reason'] },
  );
  await writeFile(f.rejectsPath!, body);
}

export async function writeReport(f: FileResult): Promise<void> {
  const report = {
    file: f.file,
    path: f.path,
    kind: f.kind,
    businessDate: f.businessDate,
    status: f.status,
    checksum: f.checksum,
    encoding: f.encoding,
    rowsRead: f.read,
    rowsLoaded: f.loaded,
    rowsRejected: f.rejected,
    rejectsLeftOut: f.rejectsLeftOut,
    durationMs: f.durationMs,
    phasesMs: f.phasesMs,
    rejectsFile: f.rejectsPath,
    message: f.message,
    warnings: f.warnings,
    topReasons: f.topReasons,
  };
  await writeFile(f.reportPath!, `${JSON.stringify(report, null, 2)}\n`);
}
