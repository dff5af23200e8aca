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
import { partitionName } from '../../platform/db/partitions.js';
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
  dayTable: string,
  read: number,
  rejected: number,
  rules: ImportRules['shrink'],
): Promise<Shrink | null> {
  const [cur] = await query<{ n: number }>(
    db,
    sql.raw(`SELECT count(DISTINCT customer_id)::int AS n FROM ${dayTable}`),
  );
  const customers = cur?.n ?? 0;
  const [prev] = await query<{ d: string }>(
    db,
    sql`SELECT max(as_of_date)::text AS d FROM holdings WHERE as_of_date < ${date}::date`,
  );
  const previousDate = prev?.d ?? null;
  let previousCustomers: number | null = null;
  if (previousDate) {
    const [p] = await query<{ n: number }>(
      db,
      sql.raw(`SELECT count(DISTINCT customer_id)::int AS n FROM ${partitionName('holdings', previousDate)}`),
    );
    previousCustomers = p?.n ?? 0;
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
