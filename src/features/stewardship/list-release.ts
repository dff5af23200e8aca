/**
 * The low-asset release list (管户资产过低客户清单): customers below managedFromTier held by an
 * RM, names masked, with the suggested action of releaseAction (src/domain/stewardship.ts).
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { resolveNode } from '../../platform/auth/org-node.js';
import { currentAumDate } from '../../platform/db/state.js';
import { loadSettings } from '../../platform/settings-store.js';
import { maskName } from '../../domain/mask.js';
import { formatYuan } from '../../domain/money.js';
import type { Settings } from '../../domain/settings.js';
import { releaseAction } from '../../domain/stewardship.js';
import { releaseConditions, releaseCount, releaseRows, stewardshipAsOf, type ReleaseRow } from './book-queries.js';

export const toReleaseItem = (r: ReleaseRow, s: Settings['stewardship']) => ({
  customerId: r.customer_id,
  name: maskName(r.name),
  tier: r.tier,
  band: r.band,
  monthAvgAum: formatYuan(BigInt(r.avg)),
  rmId: r.rm_id,
  rmName: r.rm_name,
  orgId: r.org_id,
  orgName: r.org_name,
  since: r.since,
  lastValidContactOn: r.last_valid,
  action: releaseAction(r.band, s),
});
export type ReleaseItem = ReturnType<typeof toReleaseItem>;

/** Where the list looks: the actor's scope, narrowed to an org node when one is named. */
export async function releaseWhere(ctx: Ctx, actor: Actor, orgId?: string) {
  const node = orgId ? await resolveNode(ctx.db, actor, orgId) : undefined;
  return releaseConditions(actor, node?.path);
}

export async function listRelease(ctx: Ctx, actor: Actor, input: { orgId?: string; page: number; pageSize: number }) {
  const [{ value: s }, aumAsOf, asOf, where] = await Promise.all([
    loadSettings(ctx.db),
    currentAumDate(ctx.db),
    stewardshipAsOf(ctx.db),
    releaseWhere(ctx, actor, input.orgId),
  ]);
  const [rows, total] = await Promise.all([
    releaseRows(ctx.db, where, aumAsOf, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    releaseCount(ctx.db, where),
  ]);
  return {
    asOf,
    items: rows.map((r) => toReleaseItem(r, s.stewardship)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
