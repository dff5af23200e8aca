/**
 * What a person needs to act on a file's rejects: its top reasons with counts, and, when rows
 * were rejected because a row they refer to (a product, a customer, a staff member, an org unit)
 * was itself rejected earlier in the same import, which row that was and why. Without the
 * second, "2,245 unknown product" hides that one bad product line emptied everyone's AUM.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { SPECS, type Kind, type Ref } from './file-kinds.js';

export interface ReasonCount {
  column: string;
  reason: string;
  count: number;
  /** the referenced id, when the row it refers to was rejected earlier in this import */
  value?: string;
  /** that earlier rejection: `products.csv line 2 was rejected: term_days must be at least 0` */
  cause?: string;
}

export interface RejectedRow {
  file: string;
  line: number;
  column: string;
  reason: string;
}

/** Rejected rows of this import by kind and key, for explaining later files' reference rejects. */
export type RejectedKeys = Map<Kind, Map<string, RejectedRow>>;

const REF_KIND: Record<Ref, Kind> = {
  customer: 'customers',
  product: 'products',
  staff: 'staff',
  org: 'org',
  outlet: 'org',
};

/** kept per kind: enough to name the cause of any realistic cascade, bounded memory */
const MAX_KEYS = 200_000;
/** distinct referenced values looked at per reference column */
const MAX_VALUES = 1_000;

export const TOP = 3;

/** Remembers a file's rejected keys (kinds other rows refer to). */
export async function rememberRejectedKeys(
  db: AppDb,
  kind: Kind,
  file: string,
  stage: string,
  rejects: string,
  into: RejectedKeys,
): Promise<void> {
  if (!Object.values(REF_KIND).includes(kind)) return;
  const key = SPECS[kind].key[0]!;
  // the first reject of each line (a line can fail several checks; the rejects file lists one)
  const rows = await query<{ id: string; line_no: number; column_name: string; reason: string }>(
    db,
    sql.raw(`SELECT DISTINCT ON (r.line_no) s.${key} AS id, r.line_no, r.column_name, r.reason
      FROM ${rejects} r JOIN ${stage} s USING (line_no)
      WHERE s.${key} IS NOT NULL AND s.${key} <> ''
      ORDER BY r.line_no, r.column_name LIMIT ${MAX_KEYS}`),
  );
  let m = into.get(kind);
  if (!m) into.set(kind, (m = new Map()));
  for (const r of rows)
    if (!m.has(r.id)) m.set(r.id, { file, line: r.line_no, column: r.column_name, reason: r.reason });
}

/** A file's top reasons, a reference to a row rejected earlier in the import counted on its own. */
export async function topReasons(
  db: AppDb,
  kind: Kind,
  rejects: string,
  earlier: RejectedKeys,
): Promise<ReasonCount[]> {
  const groups = await query<{ column_name: string; reason: string; n: number }>(
    db,
    sql.raw(`SELECT column_name, reason, count(*)::int AS n FROM ${rejects}
      GROUP BY column_name, reason ORDER BY n DESC, column_name, reason LIMIT 50`),
  );
  const out: ReasonCount[] = [];
  for (const g of groups) {
    const ref = SPECS[kind].columns.find((c) => c.name === g.column_name)?.ref;
    const known = ref ? earlier.get(REF_KIND[ref]) : undefined;
    if (!known?.size) {
      out.push({ column: g.column_name, reason: g.reason, count: g.n });
      continue;
    }
    const values = await query<{ value: string; n: number }>(
      db,
      sql`SELECT value, count(*)::int AS n FROM ${sql.raw(rejects)}
          WHERE column_name = ${g.column_name} AND reason = ${g.reason}
          GROUP BY value ORDER BY n DESC, value LIMIT ${MAX_VALUES}`,
    );
    let rest = g.n;
    for (const v of values) {
      const cause = known.get(v.value);
      if (!cause) continue;
      rest -= v.n;
      out.push({
        column: g.column_name,
        reason: g.reason,
        count: v.n,
        value: v.value,
        cause: `${cause.file} line ${cause.line} was rejected: ${cause.column} ${cause.reason}`,
      });
    }
    if (rest > 0) out.push({ column: g.column_name, reason: g.reason, count: rest });
  }
  return out.sort((a, b) => b.count - a.count).slice(0, TOP);
}

/** `2245 unknown product P_DD: products.csv line 2 was rejected: …` or `12 balance: not an amount…` */
export function reasonText(r: ReasonCount): string {
  if (r.value !== undefined) return `${r.count} ${r.reason} ${r.value}: ${r.cause}`;
  return `${r.count} ${r.column}: ${r.reason}`;
}
