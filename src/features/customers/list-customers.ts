/**
 * The customer list: scoped, filtered, paged on the server, sorted by month-average AUM.
 * Names are always masked here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { customerScope, likePrefix, orgSubtreeCondition } from '../../platform/auth/scope.js';
import { seesOwnBookOnly } from '../../platform/auth/actor.js';
import { maskName } from '../../domain/mask.js';
import { formatYuan } from '../../domain/money.js';
import type { Band, Tier } from '../../domain/enums.js';
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
  managed?: boolean;
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

export function listConditions(actor: Actor, f: Omit<ListCustomersInput, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [customerScope(actor)];
  if (f.tier) conds.push(sql`c.tier = ${f.tier}`);
  if (f.band) conds.push(sql`c.band = ${f.band}`);
  if (f.orgId)
    conds.push(
      sql`c.home_org_id IN (SELECT so.org_id FROM org_units so, org_units fo WHERE fo.org_id = ${f.orgId} AND so.path LIKE fo.path || '%')`,
    );
  if (f.rmId) conds.push(openRel(f.rmId));
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
function dayConditions(actor: Actor, f: Omit<ListCustomersInput, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [seesOwnBookOnly(actor) ? sql`TRUE` : orgSubtreeCondition(actor, sql`d.home_org_id`)];
  if (f.tier) conds.push(sql`d.tier = ${f.tier}`);
  if (f.band) conds.push(sql`d.band = ${f.band}`);
  if (f.orgId)
    conds.push(
      sql`d.home_org_id IN (SELECT so.org_id FROM org_units so, org_units fo WHERE fo.org_id = ${f.orgId} AND so.path LIKE fo.path || '%')`,
    );
  return sql.join(conds, sql` AND `);
}

export async function listCustomers(
  ctx: Ctx,
  actor: Actor,
  input: ListCustomersInput,
): Promise<{ items: CustomerRow[]; total: number }> {
  const where = listConditions(actor, input);
  const offset = (input.page - 1) * input.pageSize;
  const asOf = await currentAumDate(ctx.db);
  // Sorted by month-average AUM of the current business date (customer_aum_daily); before any
  // AUM exists, by customer number.
  const page = asOf
    ? sql`SELECT d.customer_id, d.aum_fen, d.avg_fen, d.tier, d.band FROM customer_aum_daily d JOIN customers c ON c.customer_id = d.customer_id
          WHERE d.as_of_date = ${asOf} AND ${dayConditions(actor, input)} AND ${where}
          ORDER BY d.avg_fen DESC NULLS LAST, d.customer_id LIMIT ${input.pageSize} OFFSET ${offset}`
    : sql`SELECT c.customer_id, 0::bigint AS aum_fen, 0::bigint AS avg_fen, c.tier, c.band FROM customers c WHERE ${where}
          ORDER BY c.customer_id LIMIT ${input.pageSize} OFFSET ${offset}`;
  const pageQuery = query<Record<string, string | null>>(
    ctx.db,
    sql`
      SELECT c.customer_id, c.name, p.tier, p.band, p.aum_fen::text AS aum, p.avg_fen::text AS avg,
             r.staff_id AS rm_id, s.name AS rm_name, c.home_org_id, o.name AS org_name
      FROM (${page}) p
      JOIN customers c ON c.customer_id = p.customer_id
      JOIN org_units o ON o.org_id = c.home_org_id
      LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
      LEFT JOIN staff s ON s.staff_id = r.staff_id
      ORDER BY p.avg_fen DESC NULLS LAST, p.customer_id`,
  );
  const [rows, total] = await Promise.all([pageQuery, countCustomers(ctx, actor, input, where)]);
  const items = rows.map((r) => ({
    customerId: r.customer_id!,
    name: maskName(r.name!),
    tier: r.tier as Tier,
    band: (r.band as Band | null) ?? null,
    aum: formatYuan(BigInt(r.aum!)),
    monthAvgAum: formatYuan(BigInt(r.avg!)),
    rmId: r.rm_id ?? null,
    rmName: r.rm_name ?? null,
    orgId: r.home_org_id!,
    orgName: r.org_name!,
  }));
  return { items, total };
}

async function countCustomers(ctx: Ctx, actor: Actor, f: ListCustomersInput, where: SQL): Promise<number> {
  if (groupsCanAnswer(actor, f)) {
    return selectGroups(await populationGroups(ctx.db), actor, f).reduce((n, g) => n + g.customers, 0);
  }
  const [row] = await query<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM customers c WHERE ${where}`);
  return Number(row?.n ?? 0);
}
