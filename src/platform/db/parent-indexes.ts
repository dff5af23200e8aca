/**
 * The indexes of a partitioned parent, as statements that build the same index on a staging
 * table: ATTACH PARTITION then adopts them instead of building its own (one build per index,
 * after the bulk insert, rather than index maintenance row by row).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { query } from './query.js';

export interface StagingIndex {
  /** name suffix: the staging index is `<table>_<suffix>` */
  suffix: string;
  create(table: string): string;
}

export async function parentIndexes(db: AppDb, parent: string): Promise<StagingIndex[]> {
  const rows = await query<{ name: string; def: string; primary: boolean; cols: string | null }>(
    db,
    sql`SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def, x.indisprimary AS primary,
               pg_get_constraintdef(k.oid) AS cols
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.contype = 'p'
        WHERE x.indrelid = ${parent}::regclass ORDER BY x.indisprimary DESC, i.relname`,
  );
  return rows.map((r) => {
    if (r.primary) {
      // e.g. "PRIMARY KEY (as_of_date, customer_id)"
      return { suffix: 'pkey', create: (t: string) => `ALTER TABLE ${t} ADD CONSTRAINT ${t}_pkey ${r.cols}` };
    }
    const suffix = r.name.startsWith(`${parent}_`) ? r.name.slice(parent.length + 1) : r.name;
    const using = r.def.slice(r.def.indexOf(' USING '));
    const unique = /^CREATE UNIQUE INDEX/.test(r.def) ? 'UNIQUE ' : '';
    return { suffix, create: (t: string) => `CREATE ${unique}INDEX ${t}_${suffix} ON ${t}${using}` };
  });
}
