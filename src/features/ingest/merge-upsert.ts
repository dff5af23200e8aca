/**
 * Idempotent upsert of a file's valid rows into its table (staff, products, customers,
 * transactions, contacts, complaints): insert new keys, update existing rows only where a value
 * changed, and touch only columns the file has (a file without `phone` keeps the phones).
 * Columns not in the contract (customers' tier and band) are never written.
 */
import type { Kind } from './file-kinds.js';
import { colOf, converted, targetOf, validRows, type Staged } from './staged-rows.js';

const TABLE: Partial<Record<Kind, string>> = {
  staff: 'staff',
  products: 'products',
  customers: 'customers',
  transactions: 'transactions',
  contacts: 'contacts',
  complaints: 'complaints',
};

/** NOT NULL columns with a default, for files that leave the column out */
const DEFAULTS: Record<string, string> = { is_key: 'false' };

export function upsertStatement(s: Staged): string {
  const table = TABLE[s.spec.kind];
  if (!table) throw new Error(`no upsert for ${s.spec.kind}`);
  const key = s.spec.key[0]!;
  const cols = s.spec.columns;
  const targets = cols.map(targetOf);
  const values = cols.map((c) => {
    const v = converted(c, colOf(s, c.name));
    const d = DEFAULTS[c.name];
    return d ? `coalesce(${v}, ${d})` : v;
  });
  const updated = cols.filter((c) => c.name !== key && s.present.has(c.name)).map(targetOf);
  const onConflict = updated.length
    ? `DO UPDATE SET ${updated.map((t) => `${t} = EXCLUDED.${t}`).join(', ')}
       WHERE (${updated.map((t) => `${table}.${t}`).join(', ')}) IS DISTINCT FROM (${updated.map((t) => `EXCLUDED.${t}`).join(', ')})`
    : 'DO NOTHING';
  return `INSERT INTO ${table} (${targets.join(', ')})
    SELECT ${values.join(', ')} FROM ${validRows(s)} v
    ON CONFLICT (${key}) ${onConflict}`;
}
