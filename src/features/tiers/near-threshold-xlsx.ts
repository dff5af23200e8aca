/**
 * Renders a near-threshold list as a branch sheet (src/platform/http/xlsx-list.ts): title row,
 * frozen header, money as numbers with #,##0.00, one sheet.
 */
import type { Band } from '../../domain/enums.js';
import { BAND_ZH, TIER_ZH } from '../../domain/tier-names.js';
import { listWorkbook, sheetMoney as money, type SheetColumn } from '../../platform/http/xlsx-list.js';
import type { NearThresholdItem } from './list-near-threshold.js';

const COLUMNS: SheetColumn[] = [
  { header: '序号', width: 7 },
  { header: '客户号', width: 14 },
  { header: '客户姓名', width: 12 },
  { header: '当前层级', width: 14 },
  { header: '月日均资产（元）', width: 18, money: true },
  { header: '门槛（元）', width: 18, money: true },
  { header: '距门槛差额（元）', width: 18, money: true },
  { header: '管户经理', width: 12 },
  { header: '经理工号', width: 12 },
  { header: '归属网点', width: 22 },
];

export function nearThresholdWorkbook(opts: {
  band: Band;
  orgName: string;
  asOf: string | null;
  items: NearThresholdItem[];
}): Promise<Buffer> {
  return listWorkbook({
    sheet: BAND_ZH[opts.band],
    title: `${BAND_ZH[opts.band]}客户清单  ${opts.orgName}  数据日期：${opts.asOf ?? '—'}  共 ${opts.items.length} 户`,
    columns: COLUMNS,
    rows: opts.items.map((it, i) => [
      i + 1,
      it.customerId,
      it.name,
      TIER_ZH[it.tier],
      money(it.monthAvgAum),
      money(it.floor),
      money(it.gap),
      it.rmName ?? '未管户',
      it.rmId ?? '',
      it.orgName,
    ]),
  });
}

export { attachmentHeader } from '../../platform/http/attachment.js';
