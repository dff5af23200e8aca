/**
 * Rows for PostgreSQL COPY (FORMAT csv), one function per table, in the column order of
 * TARGETS. Money is integer fen, dates ISO, booleans t/f, arrays as {a,b} literals.
 */
import type { Bank } from './bank.js';
import type { BuiltCustomer } from './book.js';
import type { Activity } from './activity-window.js';
import { CsvChunk, field, line, pgArray } from './csv.js';
import { isoOf, timeOf } from './days.js';
import { PRODUCTS } from './products.js';

export const TARGETS = {
  org_units: 'org_units (org_id, parent_id, level, name, path, depth)',
  staff: 'staff (staff_id, org_id, name, role, status, phone)',
  users: 'users (username, password_hash, staff_id, disabled)',
  products: 'products (product_id, name, category, asset_class, risk_rating, min_purchase_fen, term_days, is_key)',
  customers:
    'customers (customer_id, name, id_number, phone, birth_date, gender, home_org_id, open_date, risk_level, risk_assessed_on, tags, tier, band, tier_since)',
  customer_aum_daily:
    'customer_aum_daily (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band, home_org_id, prev_tier, prev_band)',
  customer_aum_monthly: 'customer_aum_monthly (customer_id, month, avg_aum_fen, end_aum_fen)',
  tier_history: 'tier_history (customer_id, changed_on, from_tier, to_tier, reason)',
  holdings: 'holdings (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)',
  relationships: 'relationships (customer_id, staff_id, started_on, ended_on, end_reason)',
  contacts:
    'contacts (contact_id, staff_id, customer_id, channel, started_at, duration_seconds, connected, outcome, topics)',
  transactions: 'transactions (txn_id, customer_id, txn_time, direction, amount_fen, channel, product_id)',
  complaints: 'complaints (complaint_id, customer_id, received_at, severity, category, summary, owner_staff_id)',
  org_tier_daily: 'org_tier_daily (as_of_date, org_id, tier, customers, aum_fen, near_threshold, upgrades, downgrades)',
} as const;
export type Table = keyof typeof TARGETS;
export const CUSTOMER_TABLES = [
  'customers',
  'customer_aum_daily',
  'customer_aum_monthly',
  'tier_history',
  'holdings',
  'relationships',
  'contacts',
  'transactions',
  'complaints',
] as const;
export type CustomerTable = (typeof CUSTOMER_TABLES)[number];

export function fixedRows(
  bank: Bank,
  passwordHash: string,
): Record<'org_units' | 'staff' | 'users' | 'products', CsvChunk> {
  const org = new CsvChunk();
  for (const u of bank.org.units) org.add(line([u.orgId, u.parentId, u.level, u.name, u.path, u.depth]));
  const staff = new CsvChunk();
  const users = new CsvChunk();
  for (const s of bank.staff.members) {
    staff.add(line([s.staffId, s.orgId, s.name, s.role, s.status, s.phone]));
    if (s.username) users.add(line([s.username, passwordHash, s.staffId, false]));
  }
  const products = new CsvChunk();
  for (const p of PRODUCTS)
    products.add(
      line([p.productId, p.name, p.category, p.assetClass, `R${p.risk}`, p.minPurchaseFen, p.termDays, p.isKey]),
    );
  return { org_units: org, staff, users, products };
}

const opt = (v: string | number | bigint | null | undefined) => (v === null || v === undefined ? '' : String(v));
const optDay = (d: number | null) => (d === null ? '' : isoOf(d));
const bool = (b: boolean | null) => (b === null ? '' : b ? 't' : 'f');

/**
 * All rows of one customer. Hand-written templates rather than line(): this runs for ~20 rows
 * per customer, a million customers at scale M. Only free text goes through field().
 */
export function customerRows(bank: Bank, b: BuiltCustomer, act: Activity, out: Record<CustomerTable, CsvChunk>): void {
  const { profile: c, now, history: h } = b;
  if (!h) throw new Error('seed rows need the AUM history');
  const id = c.customerId;
  const members = bank.staff.members;
  const asOf = isoOf(bank.asOf);
  const risk = c.risk ? `C${c.risk}` : '';
  const org = bank.org.outlets[c.outlet]!.orgId;
  out.customers.add(
    `${id},${field(c.name)},${c.idNumber},${c.phone},${isoOf(c.birthDay)},${c.gender},${org},${isoOf(c.openDay)},${risk},` +
      `${optDay(c.riskDay)},${field(pgArray(c.tags))},${now.tier},${opt(now.band)},${isoOf(h.tierSince)}\n`,
  );
  for (const d of h.dayRows)
    out.customer_aum_daily.add(
      `${isoOf(d.day)},${id},${d.aumFen},${d.accumFen},${d.days},${d.avgFen},${d.tier},${opt(d.band)},${org},${opt(d.prevTier)},${opt(d.prevBand)}\n`,
    );
  for (const m of h.months) out.customer_aum_monthly.add(`${id},${isoOf(m.month)},${m.avgFen},${m.endFen}\n`);
  for (const t of h.tiers) out.tier_history.add(`${id},${isoOf(t.day)},${opt(t.from)},${t.to},${t.reason}\n`);
  for (const p of b.positions)
    out.holdings.add(`${asOf},${id},${p.accountId},${p.product.productId},${p.amountFen},${optDay(p.maturityDay)}\n`);
  const cl = b.closed;
  if (cl)
    out.relationships.add(
      `${id},${members[cl.staff]!.staffId},${isoOf(cl.startDay)},${isoOf(cl.endDay)},${field(cl.reason)}\n`,
    );
  if (b.rel) out.relationships.add(`${id},${members[b.rel.staff]!.staffId},${isoOf(b.rel.startDay)},,\n`);
  for (const k of act.contacts)
    out.contacts.add(
      `${k.contactId},${members[k.staff]!.staffId},${id},${k.channel},${timeOf(k.day, k.second)},${opt(k.durationSeconds)},${bool(k.connected)},${field(k.outcome)},${field(pgArray(k.topics))}\n`,
    );
  for (const t of act.transactions)
    out.transactions.add(
      `${t.txnId},${id},${timeOf(t.day, t.second)},${t.direction},${t.amountFen},${t.channel},${opt(t.productId)}\n`,
    );
  for (const q of act.complaints)
    out.complaints.add(
      `${q.complaintId},${id},${timeOf(q.day, q.second)},${q.severity},${field(q.category)},${field(q.summary)},${members[q.owner]!.staffId}\n`,
    );
}
