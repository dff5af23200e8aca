import { describe, expect, it } from 'vitest';
import { testI18n } from '../../i18n/instance.test-helper';
import { stepDetail, stepLabel } from './batch-detail';

const step = (detailCode: string | null, detailParams: Record<string, number> | null, detail: string | null) => ({
  name: 'tiers',
  rows: 12,
  ms: 40,
  detail,
  detailCode,
  detailParams,
});

describe('batch step details', async () => {
  const zh = await testI18n('zh-CN');
  const en = await testI18n('en');

  it('are translated from their code and parameters, numbers grouped', () => {
    const s = step('tiers.moved', { changes: 1234, updated: 40 }, '1234 changes, 40 customers updated (moved rows)');
    expect(stepDetail(zh, s)).toBe('1,234 条层级变动，更新 40 位客户（仅变动客户）');
    expect(stepDetail(en, s)).toBe('1,234 changes, 40 customers updated (moved rows)');
    expect(stepDetail(zh, step('tiers.compared', { changes: 3, updated: 2000 }, 'x'))).toBe(
      '3 条层级变动，更新 2,000 位客户（全量比对）',
    );
    expect(stepDetail(zh, step('aum.built', { sessions: 1, indexes: 4, buildMs: 1520, swapMs: 12 }, 'english'))).toBe(
      '1 个会话：写入数据及 4 个索引 1,520 毫秒，切换 12 毫秒',
    );
  });

  it('fall back to the English text only for a code the web does not know', () => {
    expect(stepDetail(zh, step('coverage.done', { n: 1 }, '1 covered'))).toBe('1 covered');
    expect(stepDetail(zh, step('aum', null, 'half a code'))).toBe('half a code');
    expect(stepDetail(zh, step(null, null, null))).toBeNull();
  });

  it('name the steps in the language', () => {
    expect(['aum', 'tiers', 'monthly', 'org-tier'].map((n) => stepLabel(zh, n))).toEqual([
      '资产汇总',
      '层级判定',
      '月末结转',
      '机构层级汇总',
    ]);
    expect(stepLabel(en, 'org-tier')).toBe('Org tier summary');
    expect(stepLabel(zh, 'coverage')).toBe('coverage');
  });
});
