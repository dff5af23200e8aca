/**
 * SQL fragments over staged text values: the format checks (safe on any text: a cast is only
 * reached after the pattern matched, so no statement can fail on a bad row) and the exact
 * conversions to the tables' types. Patterns use [0-9] and no bounded repeats ({1,16}):
 * PostgreSQL's regex engine is 2–3× slower with \d or {m,n} on millions of rows; lengths and
 * ranges are checked with plain comparisons instead.
 */
import { lit } from '../../platform/db/sql-literal.js';

export { lit };
export const isEmpty = (e: string) => `(${e} IS NULL OR ${e} = '')`;

const DATE = `'^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'`;
const TIME = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4])(:?[0-5][0-9])?)?$'`;
/** with length ≤ 20 and at most 16 integer digits (both checked apart), so fen fits a bigint */
export const MONEY = `'^-?[0-9]+(\\.[0-9][0-9]?)?$'`;
/** money with more integer digits does not fit a bigint of fen */
export const MONEY_INT_DIGITS = 16;
export const TOO_LARGE = `amount too large (at most ${MONEY_INT_DIGITS} digits before the decimal point)`;
const ZONE = `'(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'`;

/** true when e (non-null) is a real calendar date YYYY-MM-DD; month lengths checked arithmetically */
export function dateOk(e: string): string {
  const y = `substr(${e}, 1, 4)::int`;
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  return `(CASE WHEN ${e} !~ ${DATE} OR substr(${e}, 1, 4) = '0000' THEN false
    WHEN substr(${e}, 6, 2) NOT BETWEEN '01' AND '12' OR substr(${e}, 9, 2) = '00' THEN false
    ELSE substr(${e}, 9, 2)::int <= CASE substr(${e}, 6, 2) WHEN '02' THEN CASE WHEN ${leap} THEN 29 ELSE 28 END
      WHEN '04' THEN 30 WHEN '06' THEN 30 WHEN '09' THEN 30 WHEN '11' THEN 30 ELSE 31 END END)`;
}

export const timestampOk = (e: string) => `(${e} ~ ${TIME} AND ${dateOk(`substr(${e}, 1, 10)`)})`;

// Conversions, used only on rows that passed validation.
/** yuan text → fen, integer arithmetic only (faster than numeric on millions of rows, and exact) */
export const toFen = (e: string) => `(CASE WHEN ${isEmpty(e)} THEN NULL
  WHEN strpos(${e}, '.') = 0 THEN ${e}::bigint * 100
  WHEN length(${e}) - strpos(${e}, '.') = 1 THEN replace(${e}, '.', '')::bigint * 10
  ELSE replace(${e}, '.', '')::bigint END)`;
export const toDate = (e: string) => `nullif(${e}, '')::date`;
export const toInt = (e: string) => `nullif(${e}, '')::int`;
export const toBool = (e: string) => `(CASE ${e} WHEN '1' THEN true WHEN '0' THEN false END)`;
export const toEnum = (e: string, pgType: string) => `nullif(${e}, '')::${pgType}`;
export const toList = (e: string) => `coalesce(array_remove(string_to_array(nullif(${e}, ''), ';'), ''), '{}')`;
/** ISO 8601 with an offset as given; without one, local time in Asia/Shanghai (the contract) */
export const toTimestamp = (e: string) =>
  `(CASE WHEN ${e} ~ ${ZONE} THEN ${e}::timestamptz ELSE ${e}::timestamp AT TIME ZONE 'Asia/Shanghai' END)`;
