/**
 * The customer list: scoped, filtered, paged on the server, sorted by month-average AUM unless a
 * whitelisted column is asked for (ties broken by customer number). Names are always masked here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { customerScope, likePrefix, orgSubtreeCondition } from '../../platform/auth/scope.js';
import { seesOwnBookOnly } from '../../platform/auth/actor.js';
import { maskName, maskPhone } from '../../domain/mask.js';
import { formatYuan } from '../../domain/money.js';
import type { Band, Tier } from '../../domain/enums.js';
import { eligibleTiers } from '../../domain/stewardship.js';
import { loadSettings } from '../../platform/settings-store.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { groupsCanAnswer, populationGroups, selectGroups } from './population-groups.js';

export interface ListCustomersInput {
  page: number;
  pageSize: number;
  tier?: Tier;
  band?: Band;
  orgId?: string;
  rmId?: string;
  q?: string;
  /**
   * Stewardship among the eligible tiers (DOMAIN.md §3): true = eligible with an open primary RM,
   * false = eligible without one. Mass customers are in neither, so the list counts what the
   * home's 已管户 / 未管户 figures count.
   */
  managed?: boolean;
  /** only customers of the tiers that must have a primary RM */
  eligible?: boolean;
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
}

/** The columns the list may be sorted by (the API's whitelist). */
export const CUSTOMER_SORTS = ['monthAvgAum', 'aum', 'tier', 'name', 'customerId', 'rm'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
/** Money and tiers read best largest first, names and numbers A–Z. */
export const defaultOrder = (sort: CustomerSort): 'asc' | 'desc' =>
  sort === 'monthAvgAum' || sort === 'aum' || sort === 'tier' ? 'desc' : 'asc';

/** The filter as listConditions takes it: the eligible tiers already decided by the domain rule. */
export type ListFilter = Omit<ListCustomersInput, 'page' | 'pageSize' | 'sort' | 'order'> & { eligibleTiers?: Tier[] };

/** Adds the eligible tiers from the settings in force when the filter needs them. */
export async function withEligibleTiers<F extends ListFilter>(ctx: Ctx, f: F): Promise<F> {
  if (f.managed === undefined && !f.eligible) return f;
  const { value: s } = await loadSettings(ctx.db);
  return { ...f, eligibleTiers: eligibleTiers(s.stewardship) };
}

export interface CustomerRow {
  customerId: string;
  name: string;
  tier: Tier;
  band: Band | null;
  aum: string;
  monthAvgAum: string;
  rmId: string | null;
  rmName: string | null;
  orgId: string;
  orgName: string;
}

const openRel = (staff?: string) =>
  sql`EXISTS (SELECT 1 FROM relationships fr WHERE fr.customer_id = c.customer_id AND fr.ended_on IS NULL${staff ? sql` AND fr.staff_id = ${staff}` : sql``})`;

const CUSTOMER_NUMBER = /^[A-Za-z]?\d+$/;
const FULL_PHONE = /^1\d{10}$/;

/**
 * `q` for a viewer who may see full names (the owning RM: an own-book actor sees only customers
 * they may reveal): a customer number prefix, a full phone number, a masked name such as 张*明
 * (each * one character) or any part of a name.
 *
 * Everyone else sees names masked, and a pattern or a part of a name would let them confirm the
 * hidden characters one guess at a time (q=徐鹏 finds 徐*立): they find a customer by customer
 * number (prefix: it is not personal data), the full name exactly, or the full phone number.
 */
export function searchCondition(q: string, ownBook: boolean): SQL {
  const byNumber = CUSTOMER_NUMBER.test(q) ? sql`c.customer_id LIKE ${likePrefix(q.toUpperCase())}` : null;
  if (FULL_PHONE.test(q)) return sql`(c.phone = ${q} OR ${byNumber ?? sql`FALSE`})`;
  if (byNumber) return byNumber;
  if (!ownBook) return sql`c.name = ${q}`;
  const escaped = q.replace(/[\\%_]/g, (m) => `\\${m}`);
  if (q.includes('*')) return sql`c.name LIKE ${escaped.replace(/\*/g, '_')}`;
  return sql`c.name LIKE ${`%${escaped}%`}`;
}

const tierList = (tiers: Tier[]) =>
  tiers.length
    ? sql.join(
        tiers.map((t) => sql`${t}::tier`),
        sql`, `,
      )
    : sql`NULL`;

export function listConditions(actor: Actor, f: ListFilter): SQL {
  const conds: SQL[] = [customerScope(actor)];
  if (f.tier) conds.push(sql`c.tier = ${f.tier}`);
  if (f.band) conds.push(sql`c.band = ${f.band}`);
  if (f.orgId)
    conds.push(
      sql`c.home_org_id IN (SELECT so.org_id FROM org_units so, org_units fo WHERE fo.org_id = ${f.orgId} AND so.path LIKE fo.path || '%')`,
    );
  if (f.rmId) conds.push(openRel(f.rmId));
  if (f.managed !== undefined || f.eligible) {
    if (!f.eligibleTiers) throw new Error('listConditions: the stewardship filter needs eligibleTiers');
    conds.push(sql`c.tier IN (${tierList(f.eligibleTiers)})`);
  }
  if (f.managed === true) conds.push(openRel());
  if (f.managed === false) conds.push(sql`NOT ${openRel()}`);
  if (f.q) conds.push(searchCondition(f.q, seesOwnBookOnly(actor)));
  return sql.join(conds, sql` AND `);
}

/**
 * The same filters on the day's customer_aum_daily row (d), which carries that day's tier, band
 * and home outlet: they let PostgreSQL walk one partition index in AUM order instead of joining
 * customers row by row. The customers conditions still apply, so a customer who moved outlet
 * since the batch is shown to neither outlet until the next batch, never to both.
 */
function dayConditions(actor: Actor, f: ListFilter): SQL {
  const conds: SQL[] = [seesOwnBookOnly(actor) ? sql`TRUE` : orgSubtreeCondition(actor, sql`d.home_org_id`)];
  if (f.tier) conds.push(sql`d.tier = ${f.tier}`);
  if (f.band) conds.push(sql`d.band = ${f.band}`);
  if (f.orgId)
    conds.push(
      sql`d.home_org_id IN (SELECT so.org_id FROM org_units so, org_units fo WHERE fo.org_id = ${f.orgId} AND so.path LIKE fo.path || '%')`,
    );
  return sql.join(conds, sql` AND `);
}

const rmNameOf = sql`(SELECT rs.name FROM relationships rr JOIN staff rs ON rs.staff_id = rr.staff_id
  WHERE rr.customer_id = c.customer_id AND rr.ended_on IS NULL)`;

/** ORDER BY for the page (inner, on d and c) and for the joined rows (outer, on p, c and s). */
function orderBy(sort: CustomerSort, order: 'asc' | 'desc', hasDay: boolean): { inner: SQL; outer: SQL } {
  const dir = sql.raw(order === 'asc' ? 'ASC' : 'DESC');
  const key = (inner: SQL | null, outer: SQL | null) =>
    inner && outer
      ? { inner: sql`${inner} ${dir} NULLS LAST, c.customer_id`, outer: sql`${outer} ${dir} NULLS LAST, p.customer_id` }
      : { inner: sql`c.customer_id ${dir}`, outer: sql`p.customer_id ${dir}` };
  switch (sort) {
    case 'monthAvgAum':
      return hasDay ? key(sql`d.avg_fen`, sql`p.avg_fen`) : key(null, null);
    case 'aum':
      return hasDay ? key(sql`d.aum_fen`, sql`p.aum_fen`) : key(null, null);
    case 'tier':
      return key(hasDay ? sql`d.tier` : sql`c.tier`, sql`p.tier`);
    case 'name':
      return key(sql`c.name`, sql`c.name`);
    case 'rm':
      return key(rmNameOf, sql`s.name`);
    case 'customerId':
      return key(null, null);
  }
}

export interface CustomerPageOptions {
  limit: number;
  offset: number;
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
}

/**
 * One page of the list in its order, with the RM and outlet joined; `phone` is the masked phone
 * (the export carries it, the screen does not).
 */
export async function customerRows(
  ctx: Ctx,
  actor: Actor,
  f: ListFilter,
  opts: CustomerPageOptions,
): Promise<(CustomerRow & { phone: string | null })[]> {
  const where = listConditions(actor, f);
  const asOf = await currentAumDate(ctx.db);
  const sort = opts.sort ?? 'monthAvgAum';
  const ord = orderBy(sort, opts.order ?? defaultOrder(sort), asOf !== null);
  // The current business date's customer_aum_daily row carries the AUM; before any AUM exists,
  // every amount is 0.
  const page = asOf
    ? sql`SELECT d.customer_id, d.aum_fen, d.avg_fen, d.tier, d.band FROM customer_aum_daily d JOIN customers c ON c.customer_id = d.customer_id
          WHERE d.as_of_date = ${asOf} AND ${dayConditions(actor, f)} AND ${where}
          ORDER BY ${ord.inner} LIMIT ${opts.limit} OFFSET ${opts.offset}`
    : sql`SELECT c.customer_id, 0::bigint AS aum_fen, 0::bigint AS avg_fen, c.tier, c.band FROM customers c WHERE ${where}
          ORDER BY ${ord.inner} LIMIT ${opts.limit} OFFSET ${opts.offset}`;
  const rows = await query<Record<string, string | null>>(
    ctx.db,
    sql`
      SELECT c.customer_id, c.name, c.phone, p.tier, p.band, p.aum_fen::text AS aum, p.avg_fen::text AS avg,
             r.staff_id AS rm_id, s.name AS rm_name, c.home_org_id, o.name AS org_name
      FROM (${page}) p
      JOIN customers c ON c.customer_id = p.customer_id
      JOIN org_units o ON o.org_id = c.home_org_id
      LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
      LEFT JOIN staff s ON s.staff_id = r.staff_id
      ORDER BY ${ord.outer}`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id!,
    name: maskName(r.name!),
    phone: maskPhone(r.phone ?? null),
    tier: r.tier as Tier,
    band: (r.band as Band | null) ?? null,
    aum: formatYuan(BigInt(r.aum!)),
    monthAvgAum: formatYuan(BigInt(r.avg!)),
    rmId: r.rm_id ?? null,
    rmName: r.rm_name ?? null,
    orgId: r.home_org_id!,
    orgName: r.org_name!,
  }));
}

export async function listCustomers(
  ctx: Ctx,
  actor: Actor,
  input: ListCustomersInput,
): Promise<{ items: CustomerRow[]; total: number }> {
  const f = await withEligibleTiers(ctx, input);
  const opts = {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    sort: input.sort,
    order: input.order,
  };
  const [rows, total] = await Promise.all([customerRows(ctx, actor, f, opts), countCustomers(ctx, actor, f)]);
  const items = rows.map(({ phone: _phone, ...row }) => row);
  return { items, total };
}

/** The list's total for the filter (`f` with its eligible tiers, see withEligibleTiers). */
export async function countCustomers(ctx: Ctx, actor: Actor, f: ListFilter): Promise<number> {
  if (groupsCanAnswer(actor, f)) {
    return selectGroups(await populationGroups(ctx.db), actor, f).reduce((n, g) => n + g.customers, 0);
  }
  const [row] = await query<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM customers c WHERE ${listConditions(actor, f)}`,
  );
  return Number(row?.n ?? 0);
}
