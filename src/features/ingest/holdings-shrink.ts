/**
 * A holdings file is the whole day, so a file that loaded much less than the bank holds replaces
 * the day with it: a header-only file once turned a day of 5,886 rows into 0 with exit 0. Before
 * the swap, the built day is compared with the latest earlier day that has holdings (settings
 * imports.shrink): fewer than `minCustomersPct`% of its customers, or more than `maxRejectedPct`%
 * of the file's rows and at least `minRejectedRows` rows rejected, and the file is refused with the
 * figures (the day stays as it was) unless the operator passes --accept-shrink, which is audited.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { dayPartitions, partitionName } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import type { ImportRules } from './types.js';

export interface Shrink {
  /** what is wrong, with the figures (the refusal's message and the audit's reason) */
  why: string;
  figures: {
    date: string;
    customers: number;
    rows: number;
    rejected: number;
    previousDate: string | null;
    previousCustomers: number | null;
  };
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** The shrink of the built day `dayTable` (not yet swapped in), or null when it is fine. */
export async function holdingsShrink(
  db: AppDb,
  file: string,
  date: string,
  /** distinct customers with a loaded row, counted by the holdings pass */
  customers: number,
  read: number,
  rejected: number,
  rules: ImportRules['shrink'],
): Promise<Shrink | null> {
  // the latest earlier day from the catalog (a max() over the partitioned table read every day)
  const previousDate = (await dayPartitions(db, 'holdings')).filter((d) => d < date).pop() ?? null;
  let previousCustomers: number | null = null;
  if (previousDate) {
    // counted when that day was imported; a day loaded otherwise (the seed) is counted here
    const [known] = await query<{ n: number | null }>(
      db,
      sql`SELECT customers AS n FROM import_files
          WHERE kind = 'holdings' AND business_date = ${previousDate}::date AND status = 'loaded'
          ORDER BY id DESC LIMIT 1`,
    );
    if (known?.n != null) previousCustomers = Number(known.n);
    else {
      const [p] = await query<{ n: number }>(
        db,
        sql.raw(`SELECT count(DISTINCT customer_id)::int AS n FROM ${partitionName('holdings', previousDate)}`),
      );
      previousCustomers = p?.n ?? 0;
    }
  }
  const figures = { date, customers, rows: read, rejected, previousDate, previousCustomers };
  if (
    previousCustomers !== null &&
    previousCustomers > 0 &&
    customers * 100 < previousCustomers * rules.minCustomersPct
  )
    return {
      why:
        `${file} holds ${plural(customers, 'customer', 'customers')}, the previous day ` +
        `${n(previousCustomers)} (fewer than ${rules.minCustomersPct === 50 ? 'half' : `${rules.minCustomersPct}%`})`,
      figures,
    };
  if (rejected >= rules.minRejectedRows && rejected * 100 > read * rules.maxRejectedPct)
    return {
      why:
        `${file} had ${n(rejected)} of its ${plural(read, 'row', 'rows')} rejected ` +
        `(more than ${rules.maxRejectedPct}% and at least ${n(rules.minRejectedRows)})`,
      figures,
    };
  return null;
}

export const refusal = (s: Shrink) => `${s.why}: refused, the day was kept; pass --accept-shrink to load it anyway`;
