import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALITIES, NEED_REASONS, UNASSIGNED_REASONS } from '../../../../src/domain/assignment/types';
import { testI18n } from '../../i18n/instance.test-helper';
import { EXPLAIN_CODES, explainText, fenToYuan } from './words';

const source = (p: string) => readFileSync(new URL(`../../../../src/${p}`, import.meta.url), 'utf8');
/** every code the solver can write: the `code: '…'` literals and the capacity codes by locality */
const solverCodes = () => {
  const s = source('domain/assignment/explain.ts');
  return new Set([...s.matchAll(/code: '([a-z_]+)'/g), ...s.matchAll(/: '([a-z_]+_capacity)'/g)].map((m) => m[1]!));
};
const staleChanges = () =>
  [
    ...source('features/stewardship/stale-check.ts')
      .match(/STALE_CHANGES = \[([^\]]+)\]/)![1]!
      .matchAll(/'([a-z_]+)'/g),
  ].map((m) => m[1]!);

describe('reassignment words', () => {
  it('knows every explanation code the solver writes', () => {
    expect(solverCodes().size).toBeGreaterThanOrEqual(10);
    expect([...solverCodes()].sort()).toEqual([...EXPLAIN_CODES].sort());
  });

  it.each(['zh-CN', 'en'] as const)('words every code, reason, locality and stale change in %s', async (lng) => {
    const i = await testI18n(lng);
    const keys = [
      ...EXPLAIN_CODES.map((c) => `assign.explain.${c}`),
      ...UNASSIGNED_REASONS.map((r) => `assign.unassignedReason.${r}`),
      ...[...NEED_REASONS, 'transfer'].map((r) => `assign.reason.${r}`),
      ...LOCALITIES.map((l) => `assign.locality.${l}`),
      ...staleChanges().map((c) => `assign.changed.${c}`),
    ];
    for (const k of keys) {
      expect(i.exists(k, { fallbackLng: [] }), k).toBe(true);
      if (lng === 'zh-CN') expect(i.t(k), k).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('puts names for staff ids and labels for roles, and shows an unknown code as itself', async () => {
    const i = await testI18n('zh-CN');
    const name = (id: string) => (id === 'S1' ? '张三' : id);
    expect(explainText(i, { code: 'nearer_role_not_allowed', params: { staffId: 'S1', role: 'rm' } }, name)).toBe(
      `更近的客户经理（如张三，${i.t('role.rm')}）的岗位不能管该层级客户`,
    );
    expect(explainText(i, { code: 'load_after', params: { load: 70, cap: 250 } }, name)).toBe('分配后管户 70/250');
    expect(explainText(i, { code: 'brand_new' }, name)).toBe('其他依据（brand_new）');
  });

  it('turns fen into yuan', () => {
    expect(fenToYuan('1787541421')).toBe('17875414.21');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan('0')).toBe('0.00');
  });
});
