/**
 * Rows in the daily file contract (shared/data-format.md): money as yuan with 2 decimals,
 * booleans 0/1, lists ';'-separated, empty field for "no value".
 */
import { formatYuan } from '../domain/money.js';
import type { Activity } from './activity-window.js';
import type { Bank } from './bank.js';
import type { BuiltCustomer } from './book.js';
import { line as csvLine, type Cell } from './csv.js';
import { isoOf, timeOf } from './days.js';
import { PRODUCTS } from './products.js';

export const HEADERS = {
  org: ['org_id', 'parent_id', 'level', 'name'],
  staff: ['staff_id', 'org_id', 'name', 'role', 'status', 'phone'],
  products: ['product_id', 'name', 'category', 'asset_class', 'risk_rating', 'min_purchase', 'term_days', 'is_key'],
  customers: [
    'customer_id',
    'name',
    'id_number',
    'phone',
    'birth_date',
    'gender',
    'home_org_id',
    'open_date',
    'risk_level',
    'risk_assessed_on',
    'tags',
  ],
  relationships: ['customer_id', 'staff_id', 'since'],
  holdings: ['as_of_date', 'customer_id', 'account_id', 'product_id', 'balance', 'maturity_date'],
  transactions: ['txn_id', 'customer_id', 'txn_time', 'direction', 'amount', 'channel', 'product_id'],
  contacts: [
    'contact_id',
    'staff_id',
    'customer_id',
    'channel',
    'started_at',
    'duration_seconds',
    'connected',
    'outcome',
    'topics',
  ],
  complaints: ['complaint_id', 'customer_id', 'received_at', 'severity', 'category', 'summary', 'owner_staff_id'],
} as const;
export type FileKind = keyof typeof HEADERS;
export const DAILY_KINDS = ['holdings', 'transactions', 'contacts', 'complaints'] as const;
export type DailyKind = (typeof DAILY_KINDS)[number];

export const headerLine = (kind: FileKind) => `${HEADERS[kind].join(',')}\n`;
const line = (cells: readonly Cell[]) => fileLine(cells);
/** In the files an empty value is an empty field (no "" as COPY would need for empty text). */
export const fileLine = (cells: readonly Cell[]): string => csvLine(cells.map((c) => (c === '' ? null : c)));
const bit = (b: boolean | null) => (b === null ? null : b ? '1' : '0');

export function fixedFileRows(bank: Bank): Record<'org' | 'staff' | 'products', string[]> {
  return {
    org: bank.org.units.map((u) => line([u.orgId, u.parentId, u.level, u.name])),
    staff: bank.staff.members.map((s) => line([s.staffId, s.orgId, s.name, s.role, s.status, s.phone])),
    products: PRODUCTS.map((p) =>
      line([
        p.productId,
        p.name,
        p.category,
        p.assetClass,
        `R${p.risk}`,
        p.minPurchaseFen === null ? null : formatYuan(p.minPurchaseFen),
        p.termDays,
        p.isKey ? '1' : '0',
      ]),
    ),
  };
}

export function customerFileRow(bank: Bank, b: BuiltCustomer): string {
  const c = b.profile;
  return line([
    c.customerId,
    c.name,
    c.idNumber,
    c.phone,
    isoOf(c.birthDay),
    c.gender,
    bank.org.outlets[c.outlet]!.orgId,
    isoOf(c.openDay),
    c.risk ? `C${c.risk}` : null,
    c.riskDay === null ? null : isoOf(c.riskDay),
    c.tags.join(';'),
  ]);
}

export function relationshipFileRow(bank: Bank, b: BuiltCustomer): string | null {
  if (!b.rel) return null;
  return line([b.profile.customerId, bank.staff.members[b.rel.staff]!.staffId, isoOf(b.rel.startDay)]);
}

export function activityFileRows(
  bank: Bank,
  b: BuiltCustomer,
  act: Activity,
  add: (kind: DailyKind, day: number, row: string) => void,
): void {
  const id = b.profile.customerId;
  const staffId = (i: number) => bank.staff.members[i]!.staffId;
  for (const t of act.transactions)
    add(
      'transactions',
      t.day,
      line([t.txnId, id, timeOf(t.day, t.second), t.direction, formatYuan(t.amountFen), t.channel, t.productId]),
    );
  for (const k of act.contacts)
    add(
      'contacts',
      k.day,
      line([
        k.contactId,
        staffId(k.staff),
        id,
        k.channel,
        timeOf(k.day, k.second),
        k.durationSeconds,
        bit(k.connected),
        k.outcome,
        k.topics.join(';'),
      ]),
    );
  for (const q of act.complaints)
    add(
      'complaints',
      q.day,
      line([q.complaintId, id, timeOf(q.day, q.second), q.severity, q.category, q.summary, staffId(q.owner)]),
    );
}
