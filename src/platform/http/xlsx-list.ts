/**
 * A list as the kind of sheet branches circulate: a title row, a frozen coloured header, money
 * as numbers with #,##0.00 (and rates with 0.0%), fixed column widths, an autofilter, one sheet.
 * Every list export (customers, near-threshold, stewardship) renders through it, so they look
 * alike. Labels are the caller's (Chinese: the file leaves the app and is read by people who never
 * chose a UI language).
 */
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  width: number;
  /** yuan as a number, #,##0.00 */
  money?: boolean;
  /** a ratio in [0, 1], 0.0% */
  percent?: boolean;
}

export type SheetCell = string | number | null;

/**
 * Excel stores numbers as doubles anyway; converting a decimal yuan string here at the very edge
 * is exact for any realistic balance (< 2^53 fen) and lets the sheet sum and sort the column.
 */
export const sheetMoney = (yuan: string): number => Number(yuan);

export async function listWorkbook(opts: {
  sheet: string;
  title: string;
  columns: readonly SheetColumn[];
  rows: readonly SheetCell[][];
}): Promise<Buffer> {
  const { columns } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Guanhu';
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, columns.length);
  const title = ws.getCell(1, 1);
  title.value = opts.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 26;

  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E9C' } };
  });
  header.height = 20;

  for (const r of opts.rows) ws.addRow(r);
  columns.forEach((c, i) => {
    if (c.money) ws.getColumn(i + 1).numFmt = '#,##0.00';
    if (c.percent) ws.getColumn(i + 1).numFmt = '0.0%';
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
