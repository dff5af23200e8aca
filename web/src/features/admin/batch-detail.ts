/**
 * A nightly step as people read it: its name's label (i18n `batch.step.<name>`) and what it did,
 * translated from its detail code and parameters (`batch.detail.<code>`), numbers in the
 * language's format. Only a code the web does not know falls back to the server's English text.
 */
import type { i18n as I18n } from 'i18next';
import type { BatchRun } from '../../api/tiers';
import { formatInt } from '../../lib/format';

type Step = BatchRun['steps'][number];

export function stepLabel(i18n: I18n, name: string): string {
  const key = `batch.step.${name}`;
  return i18n.exists(key) ? i18n.t(key) : name;
}

export function stepDetail(i18n: I18n, step: Step): string | null {
  const key = `batch.detail.${step.detailCode ?? ''}`;
  if (step.detailCode && i18n.exists(key)) {
    const params = Object.fromEntries(
      Object.entries(step.detailParams ?? {}).map(([k, v]) => [
        k,
        typeof v === 'number' ? formatInt(v, i18n.language) : v,
      ]),
    );
    const text: unknown = i18n.t(key, { ...params, returnObjects: true });
    if (typeof text === 'string') return text;
  }
  return step.detail;
}
