/**
 * Client-side column sorters for small tables that hold all their rows (org tree, a customer's
 * holdings, a dashboard's child units). Nulls sort last in either direction is not something antd
 * offers, so they sort as the smallest value. Lists paged on the server sort there instead.
 */
import { toFen } from './money';

type Cmp<T> = (a: T, b: T) => number;

export const byNumber =
  <T>(get: (row: T) => number | null | undefined): Cmp<T> =>
  (a, b) =>
    (get(a) ?? Number.NEGATIVE_INFINITY) - (get(b) ?? Number.NEGATIVE_INFINITY);

/** Money as the API's decimal strings, compared exactly in fen. */
export const byMoney =
  <T>(get: (row: T) => string | null | undefined): Cmp<T> =>
  (a, b) => {
    const x = toFen(get(a)) ?? -(2n ** 63n);
    const y = toFen(get(b)) ?? -(2n ** 63n);
    return x < y ? -1 : x > y ? 1 : 0;
  };

const collator = new Intl.Collator('zh-CN', { numeric: true });
export const byText =
  <T>(get: (row: T) => string | null | undefined): Cmp<T> =>
  (a, b) =>
    collator.compare(get(a) ?? '', get(b) ?? '');
