/**
 * Stewardship coverage in the browser: an outlet head's dashboard figures are the stored ones and
 * open the release list, which downloads as xlsx; an RM's home shows their book against capacity.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../src/platform/db/query.js';
import { DESK, PHONE, SHOTS, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await query<T>(e.bank.ctx.db, q))[0]!;
const digits = (s: string) => Number(s.replace(/\D/g, ''));

describe('stewardship coverage in the browser', () => {
  it('an outlet head sees the stored figures, opens the release list and downloads it', async () => {
    const want = await one<{ eligible: number; release: number }>(
      sql`SELECT d.eligible, d.release FROM org_stewardship_daily d JOIN staff s ON s.org_id = d.org_id
          JOIN users u ON u.staff_id = s.staff_id WHERE u.username = 'ob01'`,
    );
    expect(want.release).toBeGreaterThan(0);
    const page = await loginPage(e, 'ob01', DESK);
    await page.goto(`${e.url}/stewardship`);
    await page.waitForSelector('[data-testid="cov-trend"]');
    expect(digits(await page.locator('[data-testid="cov-tile-eligible"] .gh-cov-value').innerText())).toBe(
      want.eligible,
    );
    await shot(page, 'coverage-outlet-head-desk');
    await page.click('[data-testid="cov-tile-release"]');
    await page.waitForSelector('[data-testid="release-total"]');
    // 共 N 条 · 数据日期 …: the first number is the total
    const total = (await page.locator('[data-testid="release-total"]').innerText()).match(/[\d,]+/)![0];
    expect(digits(total)).toBe(want.release);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="release-export"]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = `${SHOTS}/release-list.xlsx`;
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount - 2).toBe(want.release);
    await page.context().close();
  });

  it('an RM’s home on a phone shows their book against capacity and their idle customers', async () => {
    const want = await one<{ load: number; idle: number }>(
      sql`SELECT count(*)::int AS load, count(*) FILTER (WHERE c.state = 'idle')::int AS idle
          FROM customer_stewardship c JOIN users u ON u.staff_id = c.staff_id WHERE u.username = 'rm0001'`,
    );
    const page = await loginPage(e, 'rm0001', PHONE);
    await page.waitForSelector('[data-testid="book-load-value"]');
    expect(await page.locator('[data-testid="book-load-value"]').innerText()).toBe(`${want.load} / 400`);
    expect(digits(await page.locator('[data-testid="book-idle"] b').innerText())).toBe(want.idle);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'coverage-rm-home-phone');
    await page.context().close();
  });
});
