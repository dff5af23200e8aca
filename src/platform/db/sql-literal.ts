/** A string as an SQL literal, for the DDL and bounds that cannot take bound parameters. */
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
