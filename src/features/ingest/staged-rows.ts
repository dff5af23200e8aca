/**
 * Names and SQL for one file's staged rows: the staging table, its rejects table, and the
 * "valid rows" relation every merge reads (staged rows without a reject).
 */
import type { ColSpec, KindSpec } from './file-kinds.js';
import { toBool, toDate, toEnum, toFen, toInt, toList, toTimestamp } from './sql-text.js';

export interface Staged {
  spec: KindSpec;
  stage: string;
  rejects: string;
  /** contract columns present in the file's header */
  present: Set<string>;
  businessDate: string | null;
}

export const stageTables = (runId: string, index: number) => ({
  stage: `import_stage_${runId}_${index}`,
  rejects: `import_rej_${runId}_${index}`,
  day: `import_day_${runId}_${index}`,
});

/** `FROM <valid> v` */
export const validRows = (s: Staged) =>
  `(SELECT * FROM ${s.stage} s WHERE NOT EXISTS (SELECT 1 FROM ${s.rejects} r WHERE r.line_no = s.line_no))`;

/** the value of a contract column of valid row v, NULL when the file lacks the column */
export const colOf = (s: Staged, name: string) => (s.present.has(name) ? `v.${name}` : 'NULL::text');

/** Target column in the database: money columns are stored as fen. */
export const targetOf = (c: ColSpec) => (c.type.t === 'money' ? `${c.name}_fen` : c.name);

/** The exact conversion of a validated text value to its column's type. */
export function converted(c: ColSpec, e: string): string {
  const t = c.type;
  switch (t.t) {
    case 'text':
      return `nullif(${e}, '')`;
    case 'enum':
      return toEnum(e, t.pgType);
    case 'date':
      return toDate(e);
    case 'timestamp':
      return toTimestamp(e);
    case 'money':
      return toFen(e);
    case 'int':
      // (term_days: 0 is how warehouses write "no fixed term")
      return t.zeroIsNull ? `nullif(${toInt(e)}, 0)` : toInt(e);
    case 'bool':
      return toBool(e);
    case 'list':
      return toList(e);
  }
}
