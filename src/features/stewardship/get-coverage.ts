/**
 * Coverage dashboard of an org node on a processed date (DOMAIN.md §3, §9): the node's figures,
 * its children's, and the trend over the stored days. Org roles only (an RM's view is their own
 * book, get-rm-book.ts). Rates are coverageRates' (src/domain/stewardship.ts).
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ORG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { breadcrumb, childrenOf, resolveNode } from '../../platform/auth/org-node.js';
import { AppError } from '../../platform/errors.js';
import { coverageRates } from '../../domain/stewardship.js';
import { nodeRows, stewardshipDates, trendRows, type OrgCounts } from './coverage-queries.js';

const KEYS = ['eligible', 'managed', 'idle', 'unmanaged', 'orphaned', 'wrongRole', 'release', 'overCapRms'] as const;

export function sumFigures(rows: readonly OrgCounts[]) {
  const sum = Object.fromEntries(
    KEYS.map((k) => [k, rows.reduce((n, r) => n + Number(r[k]), 0)]),
  ) as unknown as OrgCounts;
  return { ...sum, ...coverageRates(sum) };
}

export async function getCoverage(ctx: Ctx, actor: Actor, input: { orgId?: string; date?: string }) {
  requireRole(actor, ORG_ROLES, 'the coverage dashboard');
  const node = await resolveNode(ctx.db, actor, input.orgId);
  const dates = await stewardshipDates(ctx.db);
  const date = input.date ?? dates[0];
  if (!date || !dates.includes(date))
    throw new AppError('NOT_FOUND', `no stewardship figures for ${date ?? 'any date'}`, {
      userMessage: date ? `No stewardship figures for ${date}` : 'No stewardship figures yet: run the nightly batch',
    });
  const [rows, trend, crumbs, children] = await Promise.all([
    nodeRows(ctx.db, node.path, date),
    trendRows(ctx.db, node.path, date),
    breadcrumb(ctx.db, actor, node),
    childrenOf(ctx.db, node),
  ]);
  const strip = <T extends { path: string }>({ path: _p, ...rest }: T) => rest;
  return {
    org: strip(node),
    breadcrumb: crumbs.map(strip),
    date,
    dates,
    totals: sumFigures(rows),
    children: children.map((c) => ({ ...strip(c), ...sumFigures(rows.filter((r) => r.path.startsWith(c.path))) })),
    trend: trend.map((t) => ({
      date: t.date,
      eligible: Number(t.eligible),
      managed: Number(t.managed),
      idle: Number(t.idle),
      ...coverageRates({ eligible: Number(t.eligible), managed: Number(t.managed), idle: Number(t.idle) }),
    })),
  };
}
