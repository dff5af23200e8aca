/**
 * Exports a whole near-threshold list (same scope and order as the screen) to xlsx and audits
 * the export with its row count: a list of customers leaving the system is a PIPL event.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { orgNodeScope } from '../../platform/auth/scope.js';
import { currentAumDate } from '../../platform/db/state.js';
import { loadSettings } from '../../platform/settings-store.js';
import { writeAudit } from '../../platform/audit.js';
import { query } from '../../platform/db/query.js';
import { toItem, type Band } from './list-near-threshold.js';
import { nearConditions, nearRows } from './near-threshold-queries.js';
import { BAND_ZH } from '../../domain/tier-names.js';
import { attachmentHeader, nearThresholdWorkbook } from './near-threshold-xlsx.js';

export async function exportNearThreshold(
  ctx: Ctx,
  actor: Actor,
  input: { band: Band; orgId?: string },
  ip?: string,
): Promise<{ body: Buffer; contentDisposition: string; rows: number }> {
  const [{ value: s }, asOf] = await Promise.all([loadSettings(ctx.db), currentAumDate(ctx.db)]);
  const floor = s.tiers.floorsFen[input.band];
  const rows = await nearRows(ctx.db, nearConditions(actor, input.band, input.orgId), asOf);
  const items = rows.map((r) => toItem(r, floor));
  const [org] = await query<{ name: string }>(
    ctx.db,
    sql`SELECT o.name FROM org_units o WHERE o.org_id = ${input.orgId ?? actor.orgId} AND ${orgNodeScope(actor)}`,
  );
  const scopeName = org?.name ?? actor.orgName;
  const body = await nearThresholdWorkbook({ band: input.band, orgName: scopeName, asOf, items });
  await writeAudit(ctx.db, {
    action: 'export',
    entityType: 'near_threshold',
    entityId: input.orgId ? `${input.band}:${input.orgId}` : input.band,
    reason: `${BAND_ZH[input.band]} xlsx`,
    rows: items.length,
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip,
  });
  const date = asOf ?? 'latest';
  return {
    body,
    rows: items.length,
    contentDisposition: attachmentHeader(
      `${BAND_ZH[input.band]}客户_${scopeName}_${date}.xlsx`,
      `near-threshold-${input.band}-${date}.xlsx`,
    ),
  };
}
