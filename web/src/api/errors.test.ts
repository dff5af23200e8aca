import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/domain/enums';
import { testI18n } from '../i18n/instance.test-helper';
import { ApiError } from './client';
import { errorText } from './errors';

describe('errorText', async () => {
  const zh = await testI18n('zh-CN');
  const en = await testI18n('en');
  const zt = zh.t.bind(zh);

  it('never shows the server English on a zh page, for every code the server answers with', () => {
    const seen = new Set<string>();
    for (const code of ERROR_CODES) {
      const text = errorText(zt, new ApiError(400, { code, message: 'Org unit not found' }));
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).not.toMatch(/[A-Za-z]{3,}/);
      seen.add(text);
    }
    expect(seen.size).toBe(ERROR_CODES.length);
  });

  it('names the refused field of a validation error', () => {
    const e = new ApiError(400, {
      code: 'VALIDATION',
      message: 'invalid querystring: page: Too big: expected number to be <=100000',
      details: { issues: [{ field: 'page', message: 'Too big: expected number to be <=100000' }] },
    });
    expect(errorText(zt, e)).toBe('参数错误：page');
    expect(errorText(en.t.bind(en), e)).toBe('Input not valid: page');
    expect(errorText(zt, new ApiError(400, { code: 'VALIDATION', message: 'bad' }))).toBe('参数错误，请检查后重试。');
  });

  it('falls back to a translated generic message with the status, and says so when offline', () => {
    expect(errorText(zt, new ApiError(502, { code: 'HTTP_502', message: 'Bad Gateway' }))).toBe(
      '请求失败（502），请稍后再试。',
    );
    expect(errorText(zt, new ApiError(0, { code: 'NETWORK', message: 'Failed to fetch' }))).toBe(
      '无法连接服务器，请检查网络后重试。',
    );
    expect(errorText(zt, new TypeError('x is undefined'))).toBe('系统内部错误，请稍后再试。');
    expect(errorText(en.t.bind(en), new ApiError(404, { code: 'NOT_FOUND', message: 'Org unit not found' }))).toBe(
      'Nothing was found, or it is outside your scope.',
    );
  });
});
