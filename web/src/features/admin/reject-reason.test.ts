import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testI18n } from '../../i18n/instance.test-helper';
import { REASON_TEMPLATES, matchReason, rejectCause, rejectColumn, rejectReason } from './reject-reason';

const INGEST = 'src/features/ingest/';

/**
 * Every reject reason the importer writes: the server file that writes it, the fixed text it
 * writes it from (as it stands in that file), and a real example (from the integration tests and
 * fixtures: test/integration/ingest-*.test.ts, test/fixtures/ingest) with its column.
 */
const REASONS: { source: string; needle: string; column: string; reason: string }[] = [
  {
    source: 'validate-sql.ts',
    needle: `'required value is empty'`,
    column: 'customer_id',
    reason: 'required value is empty',
  },
  {
    source: 'holdings-rows.ts',
    needle: `'required value is empty'`,
    column: 'balance',
    reason: 'required value is empty',
  },
  {
    source: 'value-rules.ts',
    needle: '`longer than ${max} characters`',
    column: 'name',
    reason: 'longer than 200 characters',
  },
  {
    source: 'value-rules.ts',
    needle: '`invisible character U+${hex(cp)} in an id`',
    column: 'customer_id',
    reason: 'invisible character U+200B in an id',
  },
  {
    source: 'value-rules.ts',
    needle: `'invisible character U+' || lpad(`,
    column: 'staff_id',
    reason: 'invisible character U+FEFF in an id',
  },
  {
    source: 'value-rules.ts',
    needle: `' in an id'`,
    column: 'product_id',
    reason: 'invisible character U+000A in an id',
  },
  {
    source: 'validate-sql.ts',
    needle: "`as_of_date is not the file's business date ${date}`",
    column: 'as_of_date',
    reason: "as_of_date is not the file's business date 2026-11-20",
  },
  {
    source: 'holdings-rows.ts',
    needle: "`as_of_date is not the file's business date ${this.date}`",
    column: 'as_of_date',
    reason: "as_of_date is not the file's business date 2026-11-21",
  },
  {
    source: 'validate-sql.ts',
    needle: "`not one of: ${t.values.join(', ')}`",
    column: 'channel',
    reason: 'not one of: phone, visit, wechat, sms, video, event',
  },
  {
    source: 'validate-sql.ts',
    needle: `'not a real date YYYY-MM-DD'`,
    column: 'open_date',
    reason: 'not a real date YYYY-MM-DD',
  },
  {
    source: 'holdings-rows.ts',
    needle: `'not a real date YYYY-MM-DD'`,
    column: 'maturity_date',
    reason: 'not a real date YYYY-MM-DD',
  },
  {
    source: 'validate-sql.ts',
    needle: `'not an ISO 8601 time'`,
    column: 'contacted_at',
    reason: 'not an ISO 8601 time',
  },
  { source: 'validate-sql.ts', needle: `'must be 0 or 1'`, column: 'connected', reason: 'must be 0 or 1' },
  {
    source: 'validate-sql.ts',
    needle: `'not an amount with at most 2 decimals'`,
    column: 'amount',
    reason: 'not an amount with at most 2 decimals',
  },
  {
    source: 'holdings-rows.ts',
    needle: `'not an amount with at most 2 decimals'`,
    column: 'balance',
    reason: 'not an amount with at most 2 decimals',
  },
  {
    source: 'sql-text.ts',
    needle: '`amount too large (at most ${MONEY_INT_DIGITS} digits before the decimal point)`',
    column: 'balance',
    reason: 'amount too large (at most 16 digits before the decimal point)',
  },
  {
    source: 'validate-sql.ts',
    needle: `'must not be negative'`,
    column: 'min_purchase',
    reason: 'must not be negative',
  },
  { source: 'holdings-rows.ts', needle: `'must not be negative'`, column: 'balance', reason: 'must not be negative' },
  { source: 'validate-sql.ts', needle: `'must be greater than 0'`, column: 'amount', reason: 'must be greater than 0' },
  {
    source: 'ceiling.ts',
    needle: '`${column} above the ceiling of ${yuan}',
    column: 'balance',
    reason: 'balance above the ceiling of 1,000,000,000,000 yuan',
  },
  { source: 'ceiling.ts', needle: ' yuan`', column: 'amount', reason: 'amount above the ceiling of 2,000.50 yuan' },
  { source: 'validate-sql.ts', needle: `'not a whole number'`, column: 'term_days', reason: 'not a whole number' },
  {
    source: 'validate-sql.ts',
    needle: '`must be at least ${t.min}`',
    column: 'term_days',
    reason: 'must be at least 0',
  },
  {
    source: 'validate-sql.ts',
    needle: `reason: 'unknown customer'`,
    column: 'customer_id',
    reason: 'unknown customer',
  },
  { source: 'validate-sql.ts', needle: `reason: 'unknown product'`, column: 'product_id', reason: 'unknown product' },
  { source: 'validate-sql.ts', needle: `reason: 'unknown staff'`, column: 'staff_id', reason: 'unknown staff' },
  { source: 'validate-sql.ts', needle: `reason: 'unknown org unit'`, column: 'org_id', reason: 'unknown org unit' },
  { source: 'validate-sql.ts', needle: `reason: 'unknown outlet'`, column: 'home_org_id', reason: 'unknown outlet' },
  { source: 'holdings-rows.ts', needle: `'unknown customer'`, column: 'customer_id', reason: 'unknown customer' },
  { source: 'holdings-rows.ts', needle: `'unknown product'`, column: 'product_id', reason: 'unknown product' },
  {
    source: 'validate-sql.ts',
    needle: "`'duplicate key (${spec.key.join(', ')}), first seen on line ' || s.dup_first`",
    column: 'customer_id',
    reason: 'duplicate key (customer_id), first seen on line 2',
  },
  {
    source: 'merge-holdings.ts',
    needle: "`'duplicate key (account_id, product_id), first seen on line ' || ${first}`",
    column: 'account_id,product_id',
    reason: 'duplicate key (account_id, product_id), first seen on line 2',
  },
  {
    source: 'validate-sql.ts',
    needle: `lit('only the head office has no parent')`,
    column: 'parent_id',
    reason: 'only the head office has no parent',
  },
  {
    source: 'validate-sql.ts',
    needle: `lit('unknown parent org unit')`,
    column: 'parent_id',
    reason: 'unknown parent org unit',
  },
  {
    source: 'validate-sql.ts',
    needle: "`'a second head office: ' || ho.id || ' is the head office'`",
    column: 'level',
    reason: 'a second head office: HO0000001 is the head office',
  },
  {
    source: 'validate-sql.ts',
    needle: "' cannot be under '",
    column: 'parent_id',
    reason: 'outlet OT7900001 cannot be under outlet OT0100001 (a unit is under a higher level)',
  },
  {
    source: 'validate-sql.ts',
    needle: "' (a unit is under a higher level)'",
    column: 'parent_id',
    reason: 'sub_branch SB0100002 cannot be under sub_branch SB0100001 (a unit is under a higher level)',
  },
  {
    source: 'validate-sql.ts',
    needle: "`'outlet ' || s.org_id || ' still has ' || oc.n || ' customers: it cannot become a ' || s.level`",
    column: 'level',
    reason: 'outlet OT0100001 still has 12 customers: it cannot become a branch',
  },
  {
    source: 'merge-org.ts',
    needle: `'parent chain does not reach the head office'`,
    column: 'parent_id',
    reason: 'parent chain does not reach the head office',
  },
  {
    source: 'validate-sql.ts',
    needle: "`'a primary RM must be one of ${owners}, not ' || rs.role::text || ' (' || s.staff_id || ')'`",
    column: 'staff_id',
    reason: 'a primary RM must be one of rm, wealth_rm, private_advisor, not lobby_manager (S0003)',
  },
  {
    source: 'validate-sql.ts',
    needle: "`'the RM works outside the customer''s branch: ' || s.staff_id || ' is in '",
    column: 'staff_id',
    reason: "the RM works outside the customer's branch: S0107 is in BR02, the customer's outlet OT0100001 in BR01",
  },
  {
    source: 'validate-sql.ts',
    needle: "', the customer''s outlet ' || rc.home_org_id || ' in '",
    column: 'staff_id',
    reason: "the RM works outside the customer's branch: S0107 is in BR02, the customer's outlet OT0200001 in BR01",
  },
  {
    source: 'validate-sql.ts',
    needle: ", 'no branch')",
    column: 'staff_id',
    reason:
      "the RM works outside the customer's branch: S0107 is in no branch, the customer's outlet OT0100001 in BR01",
  },
  { source: 'record-splitter.ts', needle: `'truncated last line'`, column: 'name', reason: 'truncated last line' },
  {
    source: 'record-splitter.ts',
    needle: '`truncated last line (${why})`',
    column: '(row)',
    reason: 'truncated last line (expected 6 columns, found 3)',
  },
  { source: 'record-splitter.ts', needle: `'unclosed quote'`, column: 'name', reason: 'unclosed quote' },
  {
    source: 'record-splitter.ts',
    needle: '`expected ${this.expected} columns, found ${fields}`',
    column: '(row)',
    reason: 'expected 7 columns, found 5',
  },
  {
    source: 'record-splitter.ts',
    needle: `'NUL byte (0x00) in the value'`,
    column: 'name',
    reason: 'NUL byte (0x00) in the value',
  },
  {
    source: 'record-splitter.ts',
    needle: `'carriage return (CR) inside the value'`,
    column: 'name',
    reason: 'carriage return (CR) inside the value',
  },
  {
    source: 'record-splitter.ts',
    needle: `'bytes that are not UTF-8 in the value'`,
    column: 'name',
    reason: 'bytes that are not UTF-8 in the value',
  },
];

/** reject-summary.ts: the earlier rejection behind a reference reject */
const CAUSES = [
  {
    needle: '`${cause.file} line ${cause.line} was rejected: ${cause.column} ${cause.reason}`',
    cause: 'products.csv line 2 was rejected: risk_rating not one of: R1, R2, R3, R4, R5',
  },
  { needle: '', cause: 'products.csv line 2 was rejected: term_days must be at least 0' },
  { needle: '', cause: 'customers.csv line 7 was rejected: (row) expected 7 columns, found 5' },
  { needle: '', cause: 'staff.csv line 3 was rejected: staff_id invisible character U+200B in an id' },
];

/**
 * Text the reject-producing files hold that reads like English prose but is no reject reason.
 * A new literal in these files is either a reason (add it to REASONS and the translator) or
 * listed here; either way someone decides.
 */
const NOT_REASONS = [
  // a whole file's failure (ImportFileError, the file's message), not a row's reject
  'no business date: none in the file name, no --date, and no valid as_of_date on the first row',
  'the lines end with CR only (no line feed): save the file with LF or CRLF line ends',
  // an internal error
  ' columns mapped, header has ',
];

const SOURCES = [
  'validate-sql.ts',
  'value-rules.ts',
  'ceiling.ts',
  'sql-text.ts',
  'holdings-rows.ts',
  'record-splitter.ts',
  'merge-org.ts',
  'merge-holdings.ts',
  'reject-summary.ts',
];

const source = (file: string) => readFileSync(`${INGEST}${file}`, 'utf8');

/**
 * The texts of a TypeScript file's string literals (comments dropped), template literals split at
 * ${…}; of a literal holding a SQL statement, its SQL string constants.
 */
function literals(code: string): string[] {
  const out: string[] = [];
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of noComments.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g))
    for (const part of m[0].slice(1, -1).split(/\$\{[^}]*\}/)) {
      if (!/\b(SELECT|JOIN|INSERT|UPDATE|CREATE)\b/.test(part)) out.push(part);
      else for (const q of part.matchAll(/'(?:[^']|'')*'/g)) out.push(q[0].slice(1, -1));
    }
  return out;
}

/** reads like an English phrase: two lower-case words in a row */
const prose = (s: string) => /(?:^|[^\w.])[a-z]{2,} [a-z]{2,}(?![\w(])/.test(s);

/** the words a Chinese reason may keep: its column, the values it names, the notation it cites */
function keptWords(column: string, reason: string): Set<string> {
  const words = new Set(['YYYY', 'MM', 'DD', 'ISO', 'UTF', 'CR', 'U', 'x00']);
  const add = (s: string) => s.match(/[A-Za-z][\w]*/g)?.forEach((w) => words.add(w));
  add(column);
  const m = matchReason(reason);
  const kinds = REASON_TEMPLATES.find((t) => t.key === m?.key)?.kinds ?? {};
  for (const [name, value] of Object.entries(m?.params ?? {}))
    if (kinds[name] !== 'reason' && value !== 'no branch') add(value);
  return words;
}
const englishWords = (s: string) => s.match(/[A-Za-z][\w]*/g) ?? [];

describe('reject reasons', async () => {
  const zh = await testI18n('zh-CN');
  const en = await testI18n('en');

  it.each(REASONS)('$reason ($source) reads Chinese in zh-CN, the server text in en', (r) => {
    expect(matchReason(r.reason), 'a template matches').not.toBeNull();
    const text = rejectReason(zh, r.reason);
    const kept = keptWords(r.column, r.reason);
    expect(englishWords(`${rejectColumn(zh, r.column)}: ${text}`).filter((w) => !kept.has(w))).toEqual([]);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(rejectReason(en, r.reason)).toBe(r.reason);
  });

  it('read as one would say them', () => {
    expect(rejectReason(zh, 'not one of: phone, visit, wechat, sms, video, event')).toBe(
      '不在可选值之内：phone, visit, wechat, sms, video, event',
    );
    expect(rejectReason(zh, 'expected 7 columns, found 5')).toBe('应为 7 列，实际 5 列');
    expect(rejectReason(zh, 'truncated last line (expected 6 columns, found 3)')).toBe(
      '最后一行不完整（应为 6 列，实际 3 列）',
    );
    expect(
      rejectReason(zh, 'a primary RM must be one of rm, wealth_rm, private_advisor, not lobby_manager (S0003)'),
    ).toBe('主管户客户经理须为理财经理、财富理财经理、私行顾问之一，S0003 是大堂经理');
    expect(rejectReason(zh, 'outlet OT7900001 cannot be under outlet OT0100001 (a unit is under a higher level)')).toBe(
      '网点 OT7900001 不能隶属于网点 OT0100001（机构只能隶属于更高层级）',
    );
    expect(
      rejectReason(
        zh,
        "the RM works outside the customer's branch: S0107 is in no branch, the customer's outlet OT1 in BR01",
      ),
    ).toBe('客户经理与客户不在同一分行：S0107 属于 无分行，客户所属网点 OT1 属于 BR01');
    expect(rejectReason(zh, 'balance above the ceiling of 1,000,000,000,000 yuan')).toBe(
      'balance 超过上限 1,000,000,000,000 元',
    );
    expect(rejectColumn(zh, '(row)')).toBe('整行');
  });

  it.each(CAUSES)('the cause $cause reads Chinese in zh-CN', (c) => {
    const text = rejectCause(zh, c.cause);
    const [, file, column, reason] = /^(\S+) line \d+ was rejected: (\S+) (.+)$/.exec(c.cause)!;
    const kept = keptWords(`${file} ${column}`, reason!);
    expect(englishWords(text).filter((w) => !kept.has(w))).toEqual([]);
    expect(rejectCause(en, c.cause)).toBe(c.cause);
  });

  it('a cause in Chinese names the file, line and column', () => {
    expect(rejectCause(zh, 'products.csv line 2 was rejected: term_days must be at least 0')).toBe(
      'products.csv 第 2 行已被拒绝：term_days 不能小于 0',
    );
  });

  it('fall back to the server text only for a template the web does not know', () => {
    expect(rejectReason(zh, 'a reason from a newer server')).toBe('a reason from a newer server');
    expect(rejectCause(zh, 'products.csv line 2 was rejected: name something new')).toBe(
      'products.csv line 2 was rejected: name something new',
    );
    expect(rejectCause(zh, 'not a cause at all')).toBe('not a cause at all');
  });

  it('every template has a real example and a text in both languages', () => {
    const used = new Set(REASONS.map((r) => matchReason(r.reason)?.key));
    expect(REASON_TEMPLATES.map((t) => t.key).filter((k) => !used.has(k))).toEqual([]);
    for (const t of REASON_TEMPLATES) {
      expect(zh.exists(`ingestWeb.reason.${t.key}`), t.key).toBe(true);
      expect(en.exists(`ingestWeb.reason.${t.key}`), t.key).toBe(true);
    }
  });

  it('the server still writes each reason from the text listed here', () => {
    for (const r of REASONS) expect(source(r.source), `${r.source}: ${r.needle}`).toContain(r.needle);
    for (const c of CAUSES) expect(source('reject-summary.ts')).toContain(c.needle);
  });

  it('every English phrase in the reject-producing files is a listed reason (a new one needs a translation)', () => {
    const unlisted: string[] = [];
    for (const file of SOURCES) {
      const needles = [...REASONS.filter((r) => r.source === file).map((r) => r.needle)];
      if (file === 'reject-summary.ts') needles.push(CAUSES[0]!.needle);
      for (const lit of literals(source(file))) {
        if (!prose(lit) || NOT_REASONS.includes(lit)) continue;
        const covered = needles.some((n) => n.includes(lit) || lit.includes(n.replace(/^[`']|[`']$/g, '')));
        if (!covered) unlisted.push(`${file}: ${lit}`);
      }
    }
    expect(unlisted).toEqual([]);
  });
});
