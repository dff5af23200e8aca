/**
 * The solver's explanation codes (src/domain/assignment/explain.ts) in the reader's language:
 * each code is a key under `assign.explain`, its params interpolated; a staff id is shown as the
 * RM's name when the page knows it, a role by its label. A code the web does not know yet is
 * shown as itself rather than hidden.
 */
import type { i18n as I18n } from 'i18next';
import type { Explanation } from '../../api/assignments';

export const EXPLAIN_CODES = [
  'idle_rm_excluded',
  'home_outlet_capacity',
  'sub_branch_capacity',
  'branch_capacity',
  'nearer_full',
  'nearer_role_not_allowed',
  'nearer_only_idle_rm',
  'no_rm_nearer',
  'load_after',
  'rm_score',
] as const;

export function explainText(i18n: I18n, e: Explanation, staffName: (id: string) => string): string {
  const p = e.params ?? {};
  const vars: Record<string, string | number> = { ...p };
  if (typeof p.staffId === 'string') vars.staff = p.staffId ? staffName(p.staffId) : '—';
  if (typeof p.role === 'string') vars.role = i18n.t(`role.${p.role}`);
  if (typeof p.score === 'number') vars.score = Math.round(p.score * 10) / 10;
  const key = `assign.explain.${e.code}`;
  return i18n.exists(key) ? i18n.t(key, vars) : i18n.t('assign.explain.unknown', { code: e.code });
}

/** fen (integer, decimal string) to the yuan string money.ts formats */
export function fenToYuan(fen: string): string {
  const neg = fen.startsWith('-');
  const d = (neg ? fen.slice(1) : fen).padStart(3, '0');
  return `${neg ? '-' : ''}${d.slice(0, -2)}.${d.slice(-2)}`;
}
