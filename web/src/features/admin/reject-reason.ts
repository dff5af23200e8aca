/**
 * A reject reason as people read it. The server writes its reasons in English (the rejects CSV
 * stays English for engineers); each template the importer can produce (src/features/ingest/:
 * validate-sql.ts, value-rules.ts, ceiling.ts, sql-text.ts, holdings-rows.ts, record-splitter.ts,
 * merge-org.ts, merge-holdings.ts, reject-summary.ts) is matched here with its parameters and
 * shown from i18n `ingestWeb.reason.<key>`. Only a text no template matches falls back to the
 * server's words. reject-reason.test.ts checks every server reason against these patterns.
 */
import type { i18n as I18n } from 'i18next';

/** how a captured parameter is shown: a nested reason, an org level, a role, a list of roles, a branch */
type ParamKind = 'reason' | 'level' | 'role' | 'roles' | 'branch';

interface Template {
  key: string;
  re: RegExp;
  /** parameters shown as labels: the raw value stays under its name, the label under `<name>Label` */
  kinds?: Record<string, ParamKind>;
}

export const REASON_TEMPLATES: readonly Template[] = [
  // value checks (validate-sql.ts columnChecks, value-rules.ts, ceiling.ts, sql-text.ts; holdings-rows.ts)
  { key: 'empty', re: /^required value is empty$/ },
  { key: 'tooLong', re: /^longer than (?<max>\d+) characters$/ },
  { key: 'invisible', re: /^invisible character U\+(?<cp>[0-9A-F]{4,6}) in an id$/ },
  { key: 'notBusinessDate', re: /^as_of_date is not the file's business date (?<date>\S+)$/ },
  { key: 'notOneOf', re: /^not one of: (?<values>.*)$/ },
  { key: 'notDate', re: /^not a real date YYYY-MM-DD$/ },
  { key: 'notTime', re: /^not an ISO 8601 time$/ },
  { key: 'notBool', re: /^must be 0 or 1$/ },
  { key: 'notAmount', re: /^not an amount with at most 2 decimals$/ },
  { key: 'tooLarge', re: /^amount too large \(at most (?<digits>\d+) digits before the decimal point\)$/ },
  { key: 'negative', re: /^must not be negative$/ },
  { key: 'notPositive', re: /^must be greater than 0$/ },
  { key: 'aboveCeiling', re: /^(?<column>\S+) above the ceiling of (?<ceiling>[\d,]+(?:\.\d{2})?) yuan$/ },
  { key: 'notInt', re: /^not a whole number$/ },
  { key: 'atLeast', re: /^must be at least (?<min>-?\d+)$/ },
  // references (validate-sql.ts REF_TABLE)
  { key: 'unknownCustomer', re: /^unknown customer$/ },
  { key: 'unknownProduct', re: /^unknown product$/ },
  { key: 'unknownStaff', re: /^unknown staff$/ },
  { key: 'unknownOrg', re: /^unknown org unit$/ },
  { key: 'unknownOutlet', re: /^unknown outlet$/ },
  // duplicates (validate-sql.ts, merge-holdings.ts)
  { key: 'duplicateKey', re: /^duplicate key \((?<columns>[^)]*)\), first seen on line (?<line>\d+)$/ },
  // the org tree (validate-sql.ts orgRules, merge-org.ts)
  { key: 'parentOnlyHeadOffice', re: /^only the head office has no parent$/ },
  { key: 'unknownParent', re: /^unknown parent org unit$/ },
  { key: 'secondHeadOffice', re: /^a second head office: (?<id>.+) is the head office$/ },
  {
    key: 'levelOrder',
    re: /^(?<level>\w+) (?<org>.+?) cannot be under (?<parentLevel>\w+) (?<parent>.+?) \(a unit is under a higher level\)$/,
    kinds: { level: 'level', parentLevel: 'level' },
  },
  {
    key: 'outletHasCustomers',
    re: /^outlet (?<org>.+?) still has (?<n>\d+) customers: it cannot become a (?<level>\w+)$/,
    kinds: { level: 'level' },
  },
  { key: 'notReachHead', re: /^parent chain does not reach the head office$/ },
  // relationships (validate-sql.ts relationshipRules)
  {
    key: 'primaryRole',
    re: /^a primary RM must be one of (?<roles>.+), not (?<role>\w+) \((?<staff>.+)\)$/,
    kinds: { roles: 'roles', role: 'role' },
  },
  {
    key: 'outsideBranch',
    re: /^the RM works outside the customer's branch: (?<staff>.+?) is in (?<staffBranch>.+?), the customer's outlet (?<outlet>.+?) in (?<customerBranch>.+)$/,
    kinds: { staffBranch: 'branch', customerBranch: 'branch' },
  },
  // the file's records (record-splitter.ts)
  { key: 'truncated', re: /^truncated last line$/ },
  { key: 'truncatedWhy', re: /^truncated last line \((?<why>.+)\)$/, kinds: { why: 'reason' } },
  { key: 'unclosedQuote', re: /^unclosed quote$/ },
  { key: 'columnCount', re: /^expected (?<expected>\d+) columns, found (?<found>\d+)$/ },
  { key: 'nul', re: /^NUL byte \(0x00\) in the value$/ },
  { key: 'cr', re: /^carriage return \(CR\) inside the value$/ },
  { key: 'notUtf8', re: /^bytes that are not UTF-8 in the value$/ },
];

/** reject-summary.ts: `products.csv line 2 was rejected: term_days must be at least 0` */
const CAUSE = /^(?<file>.+?) line (?<line>\d+) was rejected: (?<column>\S+) (?<reason>.+)$/;

/** the column splitter rejects carry when a whole record is wrong (validate-staged.ts) */
export const ROW_COLUMN = '(row)';

/** the template a server reason matches, with its parameters, or null */
export function matchReason(reason: string): { key: string; params: Record<string, string> } | null {
  for (const t of REASON_TEMPLATES) {
    const m = t.re.exec(reason);
    if (m) return { key: t.key, params: { ...m.groups } };
  }
  return null;
}

const label = (i18n: I18n, key: string, value: string) => (i18n.exists(key) ? i18n.t(key) : value);

function paramLabel(i18n: I18n, kind: ParamKind, value: string): string {
  switch (kind) {
    case 'reason':
      return rejectReason(i18n, value);
    case 'level':
      return label(i18n, `level.${value}`, value);
    case 'role':
      return label(i18n, `role.${value}`, value);
    case 'roles':
      return value
        .split(', ')
        .map((r) => label(i18n, `role.${r}`, r))
        .join(i18n.t('ingestWeb.reason.listSeparator'));
    case 'branch':
      return value === 'no branch' ? i18n.t('ingestWeb.reason.noBranch') : value;
  }
}

/** a reason in the page's language; the server's text for a template the web does not know */
export function rejectReason(i18n: I18n, reason: string): string {
  for (const t of REASON_TEMPLATES) {
    const m = t.re.exec(reason);
    if (!m) continue;
    const params: Record<string, string> = { ...m.groups };
    for (const [name, kind] of Object.entries(t.kinds ?? {}))
      params[`${name}Label`] = paramLabel(i18n, kind, params[name] ?? '');
    return i18n.t(`ingestWeb.reason.${t.key}`, params);
  }
  return reason;
}

/** a reject's column as shown: the whole record for the splitter's `(row)` */
export function rejectColumn(i18n: I18n, column: string): string {
  return column === ROW_COLUMN ? i18n.t('ingestWeb.reason.row') : column;
}

/** the earlier rejection behind a reference reject, in the page's language */
export function rejectCause(i18n: I18n, cause: string): string {
  const g = CAUSE.exec(cause)?.groups;
  if (!g?.reason || !matchReason(g.reason)) return cause;
  const { file, line, column = '', reason } = g;
  return i18n.t('ingestWeb.reason.cause', {
    file,
    line,
    column: rejectColumn(i18n, column),
    reason: rejectReason(i18n, reason),
  });
}
