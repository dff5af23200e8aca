/**
 * Runs validation over a staged file: the one reject statement (validate-sql.ts), the splitter's
 * structural rejects added to the same table, and for org the units that hang under no root.
 * Returns the number of rejected rows.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { orgUnreachableStatement } from './merge-org.js';
import type { RecordSplitter } from './record-splitter.js';
import type { Staged } from './staged-rows.js';
import type { ImportRules } from './types.js';
import { rejectStatement, trimStatement } from './validate-sql.js';

export async function validateStaged(
  h: DbHandle,
  s: Staged,
  splitter: RecordSplitter,
  rules: ImportRules,
): Promise<number> {
  const statement = rejectStatement(s.spec, s.present, s.stage, s.rejects, {
    date: s.businessDate,
    unlogged: h.kind === 'postgres',
    ceilingFen: rules.positionCeilingFen,
  });
  await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${s.rejects}`));
  const trim = trimStatement(s.spec, s.present, s.stage);
  if (trim) await h.db.execute(sql.raw(trim));
  await h.db.transaction(async (tx) => {
    // The duplicate-key window sorts the whole file: give it memory so it sorts in RAM.
    // JIT compiling this wide CASE costs more (≈2 s) than it saves.
    if (h.kind === 'postgres') {
      await tx.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
      await tx.execute(sql.raw(`SET LOCAL jit = off`));
    }
    await tx.execute(sql.raw(statement));
  });
  if (splitter.rejects.length) {
    const csv = stringify(splitter.rejects.map((r) => [r.line, r.column ?? '(row)', r.raw, r.reason]));
    await h.copyFrom(`${s.rejects} (line_no, column_name, value, reason)`, Readable.from([csv]));
  }
  if (s.spec.kind === 'org') await h.db.execute(sql.raw(orgUnreachableStatement(s)));
  return (await countRows(h.db, s.rejects)) + splitter.rejectedBeyondCap;
}

export async function countRows(db: AppDb, table: string): Promise<number> {
  const [r] = await query<{ n: number | string }>(db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
  return Number(r?.n ?? 0);
}
