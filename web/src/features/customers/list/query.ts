import { BANDS, TIERS } from '../../../api/types';
import type { Band, CustomerQuery, Tier } from '../../../api/types';

export const PAGE_SIZES = [10, 20, 50, 100];

export type ListQuery = Required<Pick<CustomerQuery, 'page' | 'pageSize'>> & CustomerQuery;

/** Sets (or with undefined / '', clears) URL params; resets to page 1 unless `keepPage`. */
export type UpdateQuery = (
  patch: Partial<Record<keyof CustomerQuery, string | number | undefined>>,
  keepPage?: boolean,
) => void;

const asTier = (v: string | null): Tier | undefined =>
  v && (TIERS as readonly string[]).includes(v) ? (v as Tier) : undefined;
/** The columns the server sorts by (its whitelist, from the generated API types). */
export type SortKey = NonNullable<CustomerQuery['sort']>;
export const SORT_KEYS: readonly SortKey[] = ['monthAvgAum', 'aum', 'tier', 'name', 'customerId', 'rm'];
/** Money and tiers largest first, names and numbers A–Z (the server's default too). */
export const defaultOrder = (s: SortKey): 'asc' | 'desc' =>
  s === 'monthAvgAum' || s === 'aum' || s === 'tier' ? 'desc' : 'asc';

const asBand = (v: string | null): Band | undefined =>
  v && (BANDS as readonly string[]).includes(v) ? (v as Band) : undefined;

/** Reads the list query from the URL search params (the URL is the source of truth for filters). */
export function parseQuery(sp: URLSearchParams): ListQuery {
  const page = Math.max(1, Number.parseInt(sp.get('page') ?? '1', 10) || 1);
  const ps = Number.parseInt(sp.get('pageSize') ?? '20', 10);
  const managed = sp.get('managed');
  const sort = sp.get('sort');
  const order = sp.get('order');
  return {
    page,
    pageSize: PAGE_SIZES.includes(ps) ? ps : 20,
    tier: asTier(sp.get('tier')),
    band: asBand(sp.get('band')),
    orgId: sp.get('orgId') || undefined,
    rmId: sp.get('rmId') || undefined,
    q: sp.get('q')?.trim() || undefined,
    managed: managed === 'true' || managed === 'false' ? managed : undefined,
    eligible: sp.get('eligible') === 'true' ? 'true' : undefined,
    sort: sort && (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
  };
}
