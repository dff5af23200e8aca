/**
 * Renders a near-threshold list as the kind of sheet branches circulate: a title row, a frozen
 * header, money as numbers with #,##0.00, fixed column widths, one sheet. Labels are Chinese on
 * purpose: the file leaves the app and is read by people who never chose a UI language.
 */
import ExcelJS from 'exceljs';
import type { Band } from '../../domain/enums.js';
import { BAND_ZH, TIER_ZH } from '../../domain/tier-names.js';
import type { NearThresholdItem } from './list-near-threshold.js';

const COLUMNS = [
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

// Excel stores numbers as doubles anyway; converting here at the very edge is exact for any
// realistic balance (< 2^53 fen) and lets the sheet sum and sort the columns.
const money = (yuan: string) => Number(yuan);

export async function nearThresholdWorkbook(opts: {
  band: Band;
  orgName: string;
  asOf: string | null;
  items: NearThresholdItem[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Guanhu';
  const ws = wb.addWorksheet(BAND_ZH[opts.band], { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${BAND_ZH[opts.band]}客户清单  ${opts.orgName}  数据日期：${opts.asOf ?? '—'}  共 ${opts.items.length} 户`;
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 26;

  const header = ws.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E9C' } };
  });
  header.height = 20;

  opts.items.forEach((it, i) => {
    ws.addRow([
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
    ]);
  });
  COLUMNS.forEach((c, i) => {
    if (c.money) ws.getColumn(i + 1).numFmt = '#,##0.00';
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { attachmentHeader } from '../../platform/http/attachment.js';
