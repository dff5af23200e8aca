/**
 * The ceiling on a single balance or amount (settings `imports.positionCeilingFen`, by default
 * 1,000,000,000,000 yuan): a file row above it is rejected, in the SQL path (validate-sql.ts)
 * and on the holdings fast path (holdings-rows.ts) with the same reason. Such a value once
 * overflowed the nightly batch's bigint sums for the whole bank.
 */
import { isEmpty, toFen } from './sql-text.js';

const MINUS = 0x2d;
const DOT = 0x2e;
const D0 = 0x30;

/** "balance above the ceiling of 1,000,000,000,000 yuan" */
export function ceilingReason(column: string, ceilingFen: bigint): string {
  const yuan = (ceilingFen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fen = ceilingFen % 100n;
  return `${column} above the ceiling of ${yuan}${fen ? `.${fen.toString().padStart(2, '0')}` : ''} yuan`;
}

/** SQL: true when the (validated, ≤ 16 integer digits) amount e is above the ceiling */
export const overCeilingSql = (e: string, ceilingFen: bigint) =>
  `(CASE WHEN ${isEmpty(e)} THEN false ELSE ${toFen(e)} > ${ceilingFen.toString()} END)`;

/**
 * Whether the amount in b[s, e) — already checked as `-?digits[.d[d]]` with at most 16 integer
 * digits — is above the ceiling, in fen. Integer arithmetic: exact in a double up to 15 digits,
 * through BigInt beyond (rare).
 */
export function overCeiling(b: Buffer, s: number, e: number, ceilingFen: bigint): boolean {
  if (b[s] === MINUS) return false;
  let v = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === DOT) decimals = 0;
    else {
      v = v * 10 + (c - D0);
      digits++;
      if (decimals >= 0) decimals++;
    }
  }
  const scale = decimals <= 0 ? 2 : 2 - decimals;
  if (digits + scale <= 15) return v * 10 ** scale > Number(ceilingFen);
  const text = b.toString('latin1', s, e).replace('.', '') + '0'.repeat(scale);
  return BigInt(text) > ceilingFen;
}
