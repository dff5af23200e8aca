/**
 * Builds the one statement that finds every bad staged row with its FIRST failing check, as
 * (line_no, column_name, value, reason), from the kind's rules in file-kinds.ts. Checks run in
 * column order, then references (anti-joins against the real tables, which already hold the
 * earlier files of the run), then duplicate keys (the later occurrences of a key are rejected).
 */
import { OWNER_ROLES, ORG_LEVELS } from '../../domain/enums.js';
import type { ColSpec, KindSpec, Ref } from './file-kinds.js';
import { ceilingReason, overCeilingSql } from './ceiling.js';
import { invisibleReasonSql, invisibleSql, tooLong, trimSql } from './value-rules.js';
import { MONEY, MONEY_INT_DIGITS, TOO_LARGE, dateOk, isEmpty, lit, timestampOk } from './sql-text.js';

interface Check {
  when: string;
  column: string;
  value: string;
  reason: string;
}

const REF_TABLE: Record<Ref, { table: string; id: string; extra?: string; reason: string }> = {
  customer: { table: 'customers', id: 'customer_id', reason: 'unknown customer' },
  product: { table: 'products', id: 'product_id', reason: 'unknown product' },
  staff: { table: 'staff', id: 'staff_id', reason: 'unknown staff' },
  org: { table: 'org_units', id: 'org_id', reason: 'unknown org unit' },
  outlet: { table: 'org_units', id: 'org_id', extra: `AND level = 'outlet'`, reason: 'unknown outlet' },
};

export function rejectStatement(
  spec: KindSpec,
  present: Set<string>,
  stage: string,
  into: string,
  opts: { date: string | null; unlogged: boolean; ceilingFen: bigint },
): string {
  // Column checks are computed in the innermost scan, which PostgreSQL runs in parallel workers;
  // references and duplicates, which need joins and a sort, are checked above it.
  const colChecks: Check[] = [];
  for (const c of spec.columns) if (present.has(c.name)) colChecks.push(...columnChecks(c, `s0.${c.name}`, opts));
  const checks: Check[] = [];
  const joins: string[] = [];
  spec.columns.forEach((c, i) => {
    if (!c.ref || !present.has(c.name)) return;
    const r = REF_TABLE[c.ref];
    joins.push(`LEFT JOIN ${r.table} r${i} ON r${i}.${r.id} = s.${c.name} ${r.extra ?? ''}`);
    checks.push(check(`NOT ${isEmpty(`s.${c.name}`)} AND r${i}.${r.id} IS NULL`, c.name, `s.${c.name}`, lit(r.reason)));
  });
  if (spec.kind === 'org') {
    // a parent may be an existing unit or a unit of this file (merged together, paths via a recursive CTE)
    joins.push(
      `LEFT JOIN (SELECT org_id FROM org_units UNION SELECT org_id FROM ${stage}) rp ON rp.org_id = s.parent_id`,
    );
    checks.push(
      check(
        `(${isEmpty('s.parent_id')}) <> (s.level = 'head_office')`,
        'parent_id',
        's.parent_id',
        lit('only the head office has no parent'),
      ),
      check(
        `NOT ${isEmpty('s.parent_id')} AND rp.org_id IS NULL`,
        'parent_id',
        's.parent_id',
        lit('unknown parent org unit'),
      ),
    );
  }
  if (spec.kind === 'org') orgRules(stage, joins, checks);
  if (spec.kind === 'relationships') relationshipRules(joins, checks);
  const scan = `(SELECT s0.*, ${caseOf(colChecks)} AS f0 FROM ${stage} s0)`;
  let from = `${scan} s`;
  // Duplicates: byte-wise (COLLATE "C") sort, several times faster than a locale's collation.
  if (spec.key.length) {
    const key = spec.key.map((k) => `s.${k}`).join(', ');
    from = `(SELECT s1.*, row_number() OVER w AS dup_rn, min(s1.line_no) OVER w AS dup_first FROM ${scan} s1
      WINDOW w AS (PARTITION BY ${spec.key.map((k) => `s1.${k} COLLATE "C"`).join(', ')} ORDER BY s1.line_no)) s`;
    const value = spec.key.length === 1 ? key : `concat_ws(',', ${key})`;
    const reason = `'duplicate key (${spec.key.join(', ')}), first seen on line ' || s.dup_first`;
    checks.push(check('s.dup_rn > 1', spec.key.join(','), value, reason));
  }
  return `CREATE ${opts.unlogged ? 'UNLOGGED ' : ''}TABLE ${into} AS
    SELECT line_no, f[1] AS column_name, f[2] AS value, f[3] AS reason FROM (
      SELECT s.line_no, coalesce(s.f0, ${caseOf(checks)}) AS f
      FROM ${from} ${joins.join(' ')}) x
    WHERE f IS NOT NULL`;
}

function caseOf(checks: Check[]): string {
  if (!checks.length) return 'NULL::text[]';
  const whens = checks.map((k) => `WHEN ${k.when} THEN ARRAY[${lit(k.column)}, ${k.value}, ${k.reason}]`);
  return `CASE ${whens.join('\n      ')} END`;
}

const check = (when: string, column: string, value: string, reason: string): Check => ({ when, column, value, reason });

function columnChecks(c: ColSpec, e: string, opts: { date: string | null; ceilingFen: bigint }): Check[] {
  const date = opts.date;
  const out: Check[] = [];
  const bad = (cond: string, reason: string) =>
    out.push(check(`NOT ${isEmpty(e)} AND ${cond}`, c.name, e, lit(reason)));
  if (c.notEmpty) out.push(check(isEmpty(e), c.name, e, lit('required value is empty')));
  if (c.maxLength) bad(`length(${e}) > ${c.maxLength}`, tooLong(c.maxLength));
  if (c.id) out.push(check(`NOT ${isEmpty(e)} AND ${invisibleSql(e)}`, c.name, e, invisibleReasonSql(e)));
  // holdings: every row carries the file's business date (a cheap comparison instead of a date check)
  if (c.name === 'as_of_date' && date) {
    bad(`${e} <> ${lit(date)}`, `as_of_date is not the file's business date ${date}`);
    return out;
  }
  const t = c.type;
  if (t.t === 'enum')
    bad(`${e} <> ALL (${lit(`{${t.values.join(',')}}`)}::text[])`, `not one of: ${t.values.join(', ')}`);
  else if (t.t === 'date') bad(`NOT ${dateOk(e)}`, 'not a real date YYYY-MM-DD');
  else if (t.t === 'timestamp') bad(`NOT ${timestampOk(e)}`, 'not an ISO 8601 time');
  else if (t.t === 'bool') bad(`${e} NOT IN ('0', '1')`, 'must be 0 or 1');
  else if (t.t === 'money') {
    bad(`(${e} !~ ${MONEY} OR length(${e}) > 20)`, 'not an amount with at most 2 decimals');
    bad(`length(split_part(ltrim(${e}, '-'), '.', 1)) > ${MONEY_INT_DIGITS}`, TOO_LARGE);
    if (t.sign === 'nonneg') bad(`left(${e}, 1) = '-' AND ${e} ~ '[1-9]'`, 'must not be negative');
    else bad(`(left(${e}, 1) = '-' OR ${e} !~ '[1-9]')`, 'must be greater than 0');
    bad(overCeilingSql(e, opts.ceilingFen), ceilingReason(c.name, opts.ceilingFen));
  } else if (t.t === 'int') {
    bad(`(${e} !~ '^-?[0-9]+$' OR length(${e}) > 9)`, 'not a whole number');
    // the cast sits in its own CASE so it is reached only for non-empty whole numbers
    bad(`(CASE WHEN ${isEmpty(e)} THEN false ELSE ${e}::int < ${t.min} END)`, `must be at least ${t.min}`);
  }
  return out;
}

/**
 * Trims surrounding whitespace off every staged contract value (the contract's rule), so checks,
 * references, duplicate keys and merges all see " C001 " as "C001". Rewrites only the rows that
 * change; a value left empty is then a required value that is empty.
 */
export function trimStatement(spec: KindSpec, present: Set<string>, stage: string): string | null {
  const cols = spec.columns.filter((c) => present.has(c.name)).map((c) => c.name);
  if (!cols.length) return null;
  return `UPDATE ${stage} SET ${cols.map((c) => `${c} = ${trimSql(c)}`).join(', ')}
    WHERE ${cols.map((c) => `${c} <> ${trimSql(c)}`).join(' OR ')}`;
}

/** an org level's rank, head office 0 … outlet 3 (NULL for a value that is not a level) */
const levelRank = (e: string) => `array_position(${lit(`{${ORG_LEVELS.join(',')}}`)}::text[], ${e}::text)`;

/**
 * The org tree's shape: one head office; a unit sits under a unit of a higher level (no outlet
 * under an outlet), both as the parent is and as the file has it (its row may itself be rejected);
 * an outlet that still has customers stays an outlet.
 */
function orgRules(stage: string, joins: string[], checks: Check[]): void {
  joins.push(
    `LEFT JOIN (SELECT DISTINCT ON (org_id) org_id, level FROM ${stage} ORDER BY org_id, line_no) pf
      ON pf.org_id = s.parent_id`,
    `LEFT JOIN org_units pe ON pe.org_id = s.parent_id`,
    `LEFT JOIN org_units eo ON eo.org_id = s.org_id`,
    `LEFT JOIN LATERAL (SELECT count(*) AS n FROM customers cu WHERE cu.home_org_id = s.org_id
      AND eo.level = 'outlet' AND s.level <> 'outlet') oc ON true`,
    `LEFT JOIN LATERAL (SELECT min(org_id) AS id FROM (
        SELECT org_id FROM org_units WHERE level = 'head_office' AND org_id <> s.org_id
          AND NOT EXISTS (SELECT 1 FROM ${stage} d WHERE d.org_id = org_units.org_id AND d.level <> 'head_office')
        UNION ALL SELECT org_id FROM ${stage} x WHERE x.level = 'head_office' AND x.org_id <> s.org_id
          AND x.line_no < s.line_no) h) ho ON s.level = 'head_office'`,
  );
  checks.push(
    check(
      `s.level = 'head_office' AND ho.id IS NOT NULL`,
      'level',
      's.level',
      `'a second head office: ' || ho.id || ' is the head office'`,
    ),
    check(
      `(${levelRank('pe.level')} >= ${levelRank('s.level')} OR ${levelRank('pf.level')} >= ${levelRank('s.level')})`,
      'parent_id',
      's.parent_id',
      `s.level || ' ' || s.org_id || ' cannot be under ' || (CASE WHEN ${levelRank('pe.level')} >= ${levelRank('s.level')}
        THEN pe.level::text ELSE pf.level END) || ' ' || s.parent_id || ' (a unit is under a higher level)'`,
    ),
    check(
      `oc.n > 0`,
      'level',
      's.level',
      `'outlet ' || s.org_id || ' still has ' || oc.n || ' customers: it cannot become a ' || s.level`,
    ),
  );
}

/**
 * A primary RM owns a book (rm, wealth_rm, private_advisor: roles.ts ownsBook, never a lobby
 * manager or the admin) and works in the customer's branch (the home outlet's branch, by the
 * materialised path: /<head office>/<branch>/…).
 */
function relationshipRules(joins: string[], checks: Check[]): void {
  const owners = OWNER_ROLES.join(', ');
  const branchOf = (path: string) => `nullif(split_part(${path}, '/', 3), '')`;
  joins.push(
    `LEFT JOIN staff rs ON rs.staff_id = s.staff_id`,
    `LEFT JOIN org_units rso ON rso.org_id = rs.org_id`,
    `LEFT JOIN customers rc ON rc.customer_id = s.customer_id`,
    `LEFT JOIN org_units rco ON rco.org_id = rc.home_org_id`,
  );
  checks.push(
    check(
      `rs.staff_id IS NOT NULL AND rs.role::text <> ALL (${lit(`{${OWNER_ROLES.join(',')}}`)}::text[])`,
      'staff_id',
      's.staff_id',
      `'a primary RM must be one of ${owners}, not ' || rs.role::text || ' (' || s.staff_id || ')'`,
    ),
    check(
      `rs.staff_id IS NOT NULL AND rc.customer_id IS NOT NULL
        AND ${branchOf('rso.path')} IS DISTINCT FROM ${branchOf('rco.path')}`,
      'staff_id',
      's.staff_id',
      `'the RM works outside the customer''s branch: ' || s.staff_id || ' is in ' || coalesce(${branchOf('rso.path')}, 'no branch')
        || ', the customer''s outlet ' || rc.home_org_id || ' in ' || coalesce(${branchOf('rco.path')}, 'no branch')`,
    ),
  );
}
