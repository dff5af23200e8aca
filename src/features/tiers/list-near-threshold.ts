/**
 * The near-threshold list for one band (临界优质 / 临界理财 / 临界财富 / 临界私行): the upgrade
 * campaign list. RMs get their own book (customerScope); names are masked here.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { currentAumDate } from '../../platform/db/state.js';
import { loadSettings } from '../../platform/settings-store.js';
import { maskName } from '../../domain/mask.js';
import { formatYuan } from '../../domain/money.js';
import type { Band, Tier } from '../../domain/enums.js';
import { nearConditions, nearCount, nearRows, type NearRow } from './near-threshold-queries.js';

export type { Band } from '../../domain/enums.js';

export interface NearThresholdItem {
  customerId: string;
  name: string;
  tier: Tier;
  monthAvgAum: string;
  floor: string;
  gap: string;
  rmId: string | null;
  rmName: string | null;
  orgId: string;
  orgName: string;
}

export function toItem(r: NearRow, floorFen: bigint): NearThresholdItem {
  const avg = BigInt(r.avg);
  return {
    customerId: r.customer_id,
    name: maskName(r.name),
    tier: r.tier,
    monthAvgAum: formatYuan(avg),
    floor: formatYuan(floorFen),
    gap: formatYuan(floorFen - avg),
    rmId: r.rm_id,
    rmName: r.rm_name,
    orgId: r.org_id,
    orgName: r.org_name,
  };
}

export async function listNearThreshold(
  ctx: Ctx,
  actor: Actor,
  input: { band: Band; orgId?: string; page: number; pageSize: number },
) {
  const [{ value: s }, asOf] = await Promise.all([loadSettings(ctx.db), currentAumDate(ctx.db)]);
  const floor = s.tiers.floorsFen[input.band];
  const where = nearConditions(actor, input.band, input.orgId);
  const [rows, total] = await Promise.all([
    nearRows(ctx.db, where, asOf, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    nearCount(ctx.db, where),
  ]);
  return {
    band: input.band,
    floor: formatYuan(floor),
    asOf,
    items: rows.map((r) => toItem(r, floor)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
