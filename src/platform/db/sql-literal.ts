import { sql } from 'drizzle-orm';
/** A string as an SQL literal, for the DDL and bounds that cannot take bound parameters. */
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SQL text of a timestamptz column as ISO 8601 in Asia/Shanghai (`…T09:31:05+08:00`), the bank's time. */
export const isoLocal = (col: string) =>
  sql.raw(`to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`);
