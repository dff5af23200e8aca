/**
 * The demo bank's import history: import_files rows for the files the seed stands for, as if
 * `guanhu import` had loaded the reference files and then the last business day's dated files
 * the morning after it, every row accepted. Counts are the rows the database holds for each file
 * (a dated file: that day's rows); checksums are stable stand-ins, so a real file for the same day
 * is never taken for one already loaded.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../platform/db/client.js';

const DAY_OF = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;

export async function recordSeedImports(db: AppDb, asOf: string): Promise<void> {
  const compact = asOf.replace(/-/g, '');
  const runId = `r${compact}230000_seed00`;
  const files: { kind: string; name: string; dated: boolean; count: string; ms: number }[] = [
    { kind: 'org', name: 'org.csv', dated: false, count: 'SELECT count(*) FROM org_units', ms: 40 },
    { kind: 'staff', name: 'staff.csv', dated: false, count: 'SELECT count(*) FROM staff', ms: 60 },
    { kind: 'products', name: 'products.csv', dated: false, count: 'SELECT count(*) FROM products', ms: 30 },
    { kind: 'customers', name: 'customers.csv', dated: false, count: 'SELECT count(*) FROM customers', ms: 900 },
    {
      kind: 'relationships',
      name: 'relationships.csv',
      dated: false,
      count: 'SELECT count(*) FROM relationships',
      ms: 400,
    },
    {
      kind: 'holdings',
      name: `holdings_${compact}.csv`,
      dated: true,
      count: `SELECT count(*) FROM holdings WHERE as_of_date = '${asOf}'`,
      ms: 1500,
    },
    {
      kind: 'transactions',
      name: `transactions_${compact}.csv`,
      dated: true,
      count: `SELECT count(*) FROM transactions WHERE ${DAY_OF('txn_time')} = '${asOf}'`,
      ms: 200,
    },
    {
      kind: 'contacts',
      name: `contacts_${compact}.csv`,
      dated: true,
      count: `SELECT count(*) FROM contacts WHERE ${DAY_OF('started_at')} = '${asOf}'`,
      ms: 120,
    },
    {
      kind: 'complaints',
      name: `complaints_${compact}.csv`,
      dated: true,
      count: `SELECT count(*) FROM complaints WHERE ${DAY_OF('received_at')} = '${asOf}'`,
      ms: 50,
    },
  ];
  for (const [i, f] of files.entries()) {
    const checksum = createHash('sha256').update(`guanhu demo seed ${f.name}`).digest('hex');
    // the morning after the business day (never later than now), one file after another
    const at = `${asOf} 23:00:00+00`;
    await db.execute(sql`
      INSERT INTO import_files (run_id, file_name, kind, business_date, checksum, encoding, rows_read, rows_loaded,
        rows_rejected, duration_ms, status, top_reasons, created_at)
      SELECT ${runId}, ${f.name}, ${f.kind}::import_kind, ${f.dated ? asOf : null}::date, ${checksum}, 'utf8', n, n,
        0, ${f.ms}, 'loaded', '[]'::jsonb,
        least(${at}::timestamptz, now() - interval '1 hour') + ${`${i * 2} seconds`}::interval
      FROM (${sql.raw(f.count)}) c(n)`);
  }
}
