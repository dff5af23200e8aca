/**
 * Exports the customer list a manager is looking at (the same filters, scope and order as the
 * screen) to xlsx: names and phones masked as on the screen, at most `maxRows` rows (a longer
 * list is refused rather than cut short), and audited with its filters and row count — a list
 * of customers leaving the system is a PIPL event.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { seesOwnBookOnly } from '../../platform/auth/actor.js';
import { orgNodeScope } from '../../platform/auth/scope.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { attachmentHeader } from '../../platform/http/attachment.js';
import { listWorkbook, sheetMoney, type SheetColumn } from '../../platform/http/xlsx-list.js';
import { BAND_ZH, TIER_ZH } from '../../domain/tier-names.js';
import { countCustomers, customerRows, withEligibleTiers, type ListCustomersInput } from './list-customers.js';

export type ExportCustomersInput = Omit<ListCustomersInput, 'page' | 'pageSize'>;

const COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7 },
  { header: '客户号', width: 14 },
  { header: '客户姓名', width: 12 },
  { header: '手机号', width: 16 },
  { header: '客户层级', width: 14 },
  { header: '临界', width: 10 },
  { header: '月日均资产（元）', width: 18, money: true },
  { header: '最新资产（元）', width: 18, money: true },
  { header: '管户经理', width: 12 },
  { header: '经理工号', width: 12 },
  { header: '归属网点', width: 22 },
];

/** The filters in a stable order, for the audit row and the sheet's title. */
export function describeFilters(f: ExportCustomersInput): string {
  const keys = ['tier', 'band', 'orgId', 'rmId', 'q', 'managed', 'eligible', 'sort', 'order'] as const;
  return keys
    .filter((k) => f[k] !== undefined)
    .map((k) => `${k}=${String(f[k])}`)
    .join('&');
}

export async function exportCustomers(
  ctx: Ctx,
  actor: Actor,
  input: ExportCustomersInput,
  opts: { maxRows: number; ip?: string },
): Promise<{ body: Buffer; contentDisposition: string; rows: number }> {
  if (seesOwnBookOnly(actor))
    throw new AppError('FORBIDDEN', 'customer export is for managers', { userMessage: '仅管理人员可导出客户清单' });
  const f = await withEligibleTiers(ctx, input);
  const total = await countCustomers(ctx, actor, f);
  if (total > opts.maxRows)
    throw new AppError('EXPORT_TOO_LARGE', `export of ${total} rows refused (limit ${opts.maxRows})`, {
      userMessage: `清单共 ${total} 户，超过导出上限 ${opts.maxRows} 户，请缩小筛选范围`,
      details: { rows: total, limit: opts.maxRows },
    });
  const [asOf, rows] = await Promise.all([
    currentAumDate(ctx.db),
    customerRows(ctx, actor, f, { limit: opts.maxRows, offset: 0, sort: input.sort, order: input.order }),
  ]);
  const [org] = await query<{ name: string }>(
    ctx.db,
    sql`SELECT o.name FROM org_units o WHERE o.org_id = ${input.orgId ?? actor.orgId} AND ${orgNodeScope(actor)}`,
  );
  const scopeName = org?.name ?? actor.orgName;
  const filters = describeFilters(input);

  // Money as numbers so the sheet can sum and sort them (exact below 2^53 fen).
  const body = await listWorkbook({
    sheet: '客户清单',
    title: `客户清单  ${scopeName}  数据日期：${asOf ?? '—'}  共 ${rows.length} 户${filters ? `  筛选：${filters}` : ''}`,
    columns: COLUMNS,
    rows: rows.map((r, i) => [
      i + 1,
      r.customerId,
      r.name,
      r.phone ?? '',
      TIER_ZH[r.tier],
      r.band ? BAND_ZH[r.band] : '',
      sheetMoney(r.monthAvgAum),
      sheetMoney(r.aum),
      r.rmName ?? (r.tier === 'mass' ? '' : '未管户'),
      r.rmId ?? '',
      r.orgName,
    ]),
  });

  await writeAudit(ctx.db, {
    action: 'export',
    entityType: 'customer_list',
    entityId: `${input.orgId ?? actor.orgId}${filters ? `?${filters}` : ''}`,
    reason: '客户清单 xlsx',
    rows: rows.length,
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip: opts.ip,
  });
  const date = asOf ?? 'latest';
  return {
    body,
    rows: rows.length,
    contentDisposition: attachmentHeader(`客户清单_${scopeName}_${date}.xlsx`, `customers-${date}.xlsx`),
  };
}
