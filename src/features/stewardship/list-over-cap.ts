/** RMs whose book exceeds their role's capacity (DOMAIN.md §3), in the actor's scope. */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { resolveNode } from '../../platform/auth/org-node.js';
import { loadSettings } from '../../platform/settings-store.js';
import { excessOverCapacity } from '../../domain/stewardship.js';
import { overCapRows, stewardshipAsOf } from './book-queries.js';

export async function listOverCap(ctx: Ctx, actor: Actor, input: { orgId?: string }) {
  const [{ value: s }, asOf] = await Promise.all([loadSettings(ctx.db), stewardshipAsOf(ctx.db)]);
  const node = input.orgId ? await resolveNode(ctx.db, actor, input.orgId) : undefined;
  const rows = await overCapRows(ctx.db, actor, s.stewardship, node?.path);
  return {
    asOf,
    items: rows.map((r) => ({
      ...r,
      load: Number(r.load),
      cap: Number(r.cap),
      idle: Number(r.idle),
      excess: excessOverCapacity(Number(r.load), Number(r.cap)),
    })),
  };
}
