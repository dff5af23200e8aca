/**
 * What a person reads when a request fails: a message of their language for the error's code
 * (src/domain/enums.ts ERROR_CODES, labels in i18n `errors`), never the server's English text.
 * A refused parameter names the field ("参数错误：page"); a code the web does not know gets a
 * generic message with the HTTP status.
 */
import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../../src/domain/enums';
import { isApiError } from './client';

const isKnown = (code: string): code is ErrorCode | 'NETWORK' =>
  code === 'NETWORK' || (ERROR_CODES as readonly string[]).includes(code);

/** The first refused field of a VALIDATION error (`details.issues[0].field`), if the server named one. */
export function invalidField(details: unknown): string | null {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  const first: unknown = Array.isArray(issues) ? issues[0] : undefined;
  const field = (first as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' && field ? field : null;
}

export function errorText(t: TFunction, e: unknown): string {
  if (!isApiError(e)) return t('errors.INTERNAL');
  if (e.status === 0) return t('errors.NETWORK');
  if (e.code === 'VALIDATION') {
    const field = invalidField(e.details);
    return field ? t('errors.validationField', { field }) : t('errors.VALIDATION');
  }
  if (isKnown(e.code)) return t(`errors.${e.code}`);
  return t('errors.generic', { status: e.status });
}
