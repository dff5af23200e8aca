/**
 * The over-cap and release lists as xlsx (src/platform/http/xlsx-list.ts), the same scope and
 * order as the screen, names masked, at most `maxRows` rows (a longer list is refused, not cut
 * short), audited with the row count: customer lists leaving the system are PIPL events.
 * Managers only, like the customer-list export.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ORG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { orgNodeScope } from '../../platform/auth/scope.js';
import { writeAudit } from '../../platform/audit.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { AppError } from '../../platform/errors.js';
import { attachmentHeader } from '../../platform/http/attachment.js';
import { listWorkbook, sheetMoney, type SheetColumn } from '../../platform/http/xlsx-list.js';
import { loadSettings } from '../../platform/settings-store.js';
import { ownsBook } from '../../domain/roles.js';
import { BAND_ZH, OWNER_ROLE_ZH, RELEASE_ACTION_ZH, TIER_ZH } from '../../domain/tier-names.js';
import { releaseCount, releaseRows, stewardshipAsOf } from './book-queries.js';
import { listOverCap } from './list-over-cap.js';
import { releaseWhere, toReleaseItem } from './list-release.js';

interface ExportOpts {
  maxRows: number;
  ip?: string;
}
interface Exported {
  body: Buffer;
  contentDisposition: string;
  rows: number;
}

function refuseLarge(total: number, maxRows: number) {
  if (total > maxRows)
    throw new AppError('EXPORT_TOO_LARGE', `export of ${total} rows refused (limit ${maxRows})`, {
      userMessage: `清单共 ${total} 条，超过导出上限 ${maxRows} 条，请缩小范围`,
      details: { rows: total, limit: maxRows },
    });
}

async function scopeName(ctx: Ctx, actor: Actor, orgId?: string): Promise<string> {
  const [org] = await query<{ name: string }>(
    ctx.db,
    sql`SELECT o.name FROM org_units o WHERE o.org_id = ${orgId ?? actor.orgId} AND ${orgNodeScope(actor)}`,
  );
  return org?.name ?? actor.orgName;
}

async function audit(
  ctx: Ctx,
  actor: Actor,
  what: string,
  orgId: string | undefined,
  label: string,
  rows: number,
  ip?: string,
) {
  await writeAudit(ctx.db, {
    action: 'export',
    entityType: what,
    entityId: orgId ?? actor.orgId,
    reason: `${label} xlsx`,
    rows,
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip,
  });
}

const OVER_CAP_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7 },
  { header: '经理工号', width: 12 },
  { header: '客户经理', width: 12 },
  { header: '岗位', width: 12 },
  { header: '所属机构', width: 22 },
  { header: '管户数', width: 10 },
  { header: '容量上限', width: 10 },
  { header: '超出户数', width: 10 },
  { header: '挂而不管', width: 10 },
];

export async function exportOverCap(
  ctx: Ctx,
  actor: Actor,
  input: { orgId?: string },
  opts: ExportOpts,
): Promise<Exported> {
  requireRole(actor, ORG_ROLES, 'the over-capacity export');
  const { asOf, items } = await listOverCap(ctx, actor, input);
  refuseLarge(items.length, opts.maxRows);
  const name = await scopeName(ctx, actor, input.orgId);
  const body = await listWorkbook({
    sheet: '超容量客户经理',
    title: `超容量客户经理清单  ${name}  数据日期：${asOf ?? '—'}  共 ${items.length} 人`,
    columns: OVER_CAP_COLUMNS,
    rows: items.map((r, i) => [
      i + 1,
      r.staffId,
      r.name,
      ownsBook(r.role) ? OWNER_ROLE_ZH[r.role] : r.role,
      r.orgName,
      r.load,
      r.cap,
      r.excess,
      r.idle,
    ]),
  });
  await audit(ctx, actor, 'stewardship_over_cap', input.orgId, '超容量客户经理清单', items.length, opts.ip);
  const date = asOf ?? 'latest';
  return {
    body,
    rows: items.length,
    contentDisposition: attachmentHeader(`超容量客户经理_${name}_${date}.xlsx`, `over-capacity-${date}.xlsx`),
  };
}

const RELEASE_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7 },
  { header: '客户号', width: 14 },
  { header: '客户姓名', width: 12 },
  { header: '当前层级', width: 12 },
  { header: '临界', width: 10 },
  { header: '月日均资产（元）', width: 18, money: true },
  { header: '管户经理', width: 12 },
  { header: '经理工号', width: 12 },
  { header: '归属网点', width: 22 },
  { header: '管户起始日', width: 12 },
  { header: '最近有效联系', width: 14 },
  { header: '建议处理', width: 20 },
];

export async function exportRelease(
  ctx: Ctx,
  actor: Actor,
  input: { orgId?: string },
  opts: ExportOpts,
): Promise<Exported> {
  requireRole(actor, ORG_ROLES, 'the release-list export');
  const where = await releaseWhere(ctx, actor, input.orgId);
  const total = await releaseCount(ctx.db, where);
  refuseLarge(total, opts.maxRows);
  const [{ value: s }, aumAsOf, asOf, name] = await Promise.all([
    loadSettings(ctx.db),
    currentAumDate(ctx.db),
    stewardshipAsOf(ctx.db),
    scopeName(ctx, actor, input.orgId),
  ]);
  const items = (await releaseRows(ctx.db, where, aumAsOf, { limit: opts.maxRows, offset: 0 })).map((r) =>
    toReleaseItem(r, s.stewardship),
  );
  const body = await listWorkbook({
    sheet: '管户资产过低客户',
    title: `管户资产过低客户清单  ${name}  数据日期：${asOf ?? '—'}  共 ${items.length} 户`,
    columns: RELEASE_COLUMNS,
    rows: items.map((it, i) => [
      i + 1,
      it.customerId,
      it.name,
      TIER_ZH[it.tier],
      it.band ? BAND_ZH[it.band] : '',
      sheetMoney(it.monthAvgAum),
      it.rmName,
      it.rmId,
      it.orgName,
      it.since ?? '',
      it.lastValidContactOn ?? '',
      RELEASE_ACTION_ZH[it.action],
    ]),
  });
  await audit(ctx, actor, 'stewardship_release', input.orgId, '管户资产过低客户清单', items.length, opts.ip);
  const date = asOf ?? 'latest';
  return {
    body,
    rows: items.length,
    contentDisposition: attachmentHeader(`管户资产过低客户_${name}_${date}.xlsx`, `release-list-${date}.xlsx`),
  };
}
