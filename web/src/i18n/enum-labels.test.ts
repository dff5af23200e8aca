import { describe, expect, it } from 'vitest';
import * as enums from '../../../src/domain/enums';
import { ENUM_LABELS, type EnumListName } from './enum-labels';
import { testI18n } from './instance.test-helper';

const lists = (Object.entries(enums) as [string, unknown][]).filter((e): e is [EnumListName, readonly string[]] =>
  Array.isArray(e[1]),
);

describe('enum labels', () => {
  it('knows every list of src/domain/enums.ts', () => {
    expect(lists.length).toBeGreaterThan(20);
    for (const [name] of lists) expect(Object.keys(ENUM_LABELS), name).toContain(name);
  });

  it.each(['zh-CN', 'en'] as const)('gives every value a label of its own in %s', async (lng) => {
    const i = await testI18n(lng);
    for (const [name, values] of lists) {
      for (const v of values) {
        const key = `${(ENUM_LABELS as Record<string, string>)[name]}.${v}`;
        expect(i.exists(key, { fallbackLng: [] }), `${name} ${key}`).toBe(true);
        const label = i.t(key);
        expect(label, key).not.toBe(v);
        if (lng === 'zh-CN' && !/^[A-Z]+$/.test(label)) expect(label, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
