import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { query } from '../../src/platform/db/query.js';
import { DESK, PHONE, SHOTS, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
let book: Set<string>;
beforeAll(async () => {
  e = await startE2E();
  const rows = await query<{ customer_id: string }>(
    e.bank.ctx.db,
    sql`SELECT r.customer_id FROM relationships r JOIN users u ON u.staff_id = r.staff_id WHERE u.username = 'rm0001' AND r.ended_on IS NULL`,
  );
  book = new Set(rows.map((r) => r.customer_id));
});
afterAll(async () => e?.close());

const apiJson = <T>(page: Page, url: string) =>
  page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).json(), url) as Promise<T>;
const digits = async (page: Page, selector: string) =>
  Number((await page.locator(selector).first().innerText()).replace(/\D/g, ''));

describe('tiers in the browser', () => {
  it('head office: a tier card count equals the API and clicks through to the same customer total', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/tiers`);
    await page.waitForSelector('[data-testid="tier-dashboard"]');
    await page.waitForSelector('[data-testid="tier-trend"] canvas');
    const api = await apiJson<{ tiers: { tier: string; customers: number }[] }>(page, '/api/tiers/dashboard');
    const premium = api.tiers.find((t) => t.tier === 'premium')!.customers;
    expect(premium).toBeGreaterThan(0);
    const card = '[data-testid="tier-card-premium"] [data-testid="tier-card-count"]';
    expect(await digits(page, card)).toBe(premium);
    await shot(page, 'hq-tiers-desk');
    await page.click(card);
    await page.waitForSelector('[data-testid="customer-row"]');
    expect(page.url()).toContain('tier=premium');
    expect(await digits(page, '[data-testid="customer-total"]')).toBe(premium);
    await page.context().close();
  });

  it('an RM on a phone sees only their own near-threshold customers, with nothing overflowing', async () => {
    const [best] = await query<{ band: string }>(
      e.bank.ctx.db,
      sql`SELECT c.band FROM customers c JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
          JOIN users u ON u.staff_id = r.staff_id WHERE u.username = 'rm0001' AND c.band IS NOT NULL
          GROUP BY c.band ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(best).toBeDefined();
    const page = await loginPage(e, 'rm0001', PHONE);
    await page.goto(`${e.url}/tiers/near-threshold?band=${best!.band}`);
    await page.waitForSelector('[data-testid="near-threshold-row"]');
    const rows = page.locator('[data-testid="near-threshold-row"]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      expect(book.has((await rows.nth(i).getAttribute('data-customer-id'))!)).toBe(true);
      expect(await rows.nth(i).locator('[data-testid="customer-name"]').innerText()).toContain('*');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'rm-near-threshold-phone');
    await page.context().close();
  });

  it('head office downloads the near-threshold list as a valid xlsx', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/tiers/near-threshold?band=affluent`);
    await page.waitForSelector('[data-testid="near-threshold-row"]');
    await shot(page, 'hq-near-threshold-desk');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="near-threshold-export"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = `${SHOTS}/near-threshold-affluent.xlsx`;
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const [{ n }] = (await query<{ n: number }>(
      e.bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM customers WHERE band = 'affluent'`,
    )) as [{ n: number }];
    expect(wb.worksheets[0]!.rowCount - 2).toBe(n);
    await page.context().close();
  });

  it('head office saves tier settings and sees the new version', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/admin/tier-settings`);
    await page.waitForSelector('[data-testid="tier-settings-form"]');
    const before = await apiJson<{ version: number }>(page, '/api/settings/tiers');
    await page.fill('[data-testid="band-low-pct"]', '85');
    await page.fill('[data-testid="settings-note"]', '临界带调整为 85%');
    await page.click('[data-testid="tier-settings-save"]');
    await page.waitForSelector('[data-testid="tier-settings-saved"]');
    expect(await page.locator('[data-testid="tier-settings-saved"]').innerText()).toContain(`v${before.version + 1}`);
    expect(await page.locator('[data-testid="tier-settings-version"]').innerText()).toContain(`v${before.version + 1}`);
    await shot(page, 'hq-tier-settings-desk');
    await page.context().close();
  });

  it('a save over a colleague’s newer version is refused, explained, and the newer version shown', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/admin/tier-settings`);
    await page.waitForSelector('[data-testid="tier-settings-form"]');
    const read = await apiJson<{ version: number; floors: object; downgradeMonths: number; basis: string }>(
      page,
      '/api/settings/tiers',
    );
    // a colleague saves while this page is open
    const other = await page.evaluate(
      async (body) =>
        (
          await fetch('/api/settings/tiers', {
            method: 'PUT',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
      { ...read, bandLowPct: 75, note: '同事的修改' },
    );
    expect(other).toBe(200);
    await page.fill('[data-testid="band-low-pct"]', '90');
    await page.click('[data-testid="tier-settings-save"]');
    await page.waitForSelector('[data-testid="tier-settings-conflict"]');
    expect(await page.locator('[data-testid="tier-settings-conflict"]').innerText()).toContain(`v${read.version + 1}`);
    // the page now shows the colleague's version, not the refused edit
    await page.waitForFunction(
      (v) => document.querySelector('[data-testid="tier-settings-version"]')?.textContent?.includes(`v${v}`),
      read.version + 1,
    );
    expect(await page.inputValue('[data-testid="band-low-pct"]')).toBe('75');
    expect((await apiJson<{ version: number }>(page, '/api/settings/tiers')).version).toBe(read.version + 1);
    await shot(page, 'hq-tier-settings-conflict-desk');
    await page.context().close();
  });

  it('head office reads the import and batch logs, rejected rows highlighted', async () => {
    await e.bank.ctx.db.execute(
      sql`INSERT INTO import_files (run_id, file_name, kind, business_date, checksum, encoding, rows_read, rows_loaded, rows_rejected, duration_ms, status, message)
          VALUES ('imp-e2e', 'holdings_2026-11-20.csv', 'holdings', '2026-11-20', 'ab12cd34ef56ab12', 'gb18030', 1200, 1195, 5, 842, 'loaded', '5 rows rejected: unknown product')`,
    );
    await e.bank.ctx.db.execute(
      sql`INSERT INTO batch_runs (run_id, business_date, status, finished_at, settings_version, steps)
          VALUES ('batch-e2e', '2026-11-20', 'succeeded', now(), 1, '[{"name":"aum","rows":1000,"ms":420,"detail":"2 sessions: rows and 4 indexes 380 ms, swap 9 ms"},{"name":"tiers","rows":12,"ms":80,"detail":"12 changes, 30 customers updated (moved rows)"}]')`,
    );
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/admin/imports`);
    await page.waitForSelector('[data-testid="imports-table"] [data-testid="import-rejected"]');
    expect(await page.locator('.gh-rejected').count()).toBe(1);
    // each batch step says what it did
    expect(await page.locator('[data-testid="batch-step-tiers"]').innerText()).toContain(
      '12 changes, 30 customers updated (moved rows)',
    );
    await shot(page, 'hq-imports-desk');
    await page.context().close();
  });
});
