import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { DESK, PHONE, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
let book: Set<string>;
let names: Map<string, string>;
beforeAll(async () => {
  e = await startE2E();
  const rows = await query<{ customer_id: string }>(
    e.bank.ctx.db,
    sql`SELECT r.customer_id FROM relationships r JOIN users u ON u.staff_id = r.staff_id WHERE u.username = 'rm0001' AND r.ended_on IS NULL`,
  );
  book = new Set(rows.map((r) => r.customer_id));
  const all = await query<{ customer_id: string; name: string }>(
    e.bank.ctx.db,
    sql`SELECT customer_id, name FROM customers`,
  );
  names = new Map(all.map((r) => [r.customer_id, r.name]));
});
afterAll(async () => e?.close());

const total = async (page: import('playwright-core').Page) =>
  Number((await page.locator('[data-testid="customer-total"]').first().innerText()).replace(/\D/g, ''));

describe('in the browser', () => {
  it('an RM signs in on a phone and sees only their own book, with names masked', async () => {
    const page = await loginPage(e, 'rm0001', PHONE);
    await page.goto(`${e.url}/customers`);
    await page.waitForSelector('[data-testid="customer-row"]');
    expect(await total(page)).toBe(book.size);
    const rows = page.locator('[data-testid="customer-row"]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const id = (await row.getAttribute('data-customer-id'))!;
      expect(book.has(id)).toBe(true);
      const shown = (await row.locator('[data-testid="customer-name"]').innerText()).trim();
      expect(shown).toContain('*');
      expect(shown).not.toBe(names.get(id));
    }
    // Nothing sticks out sideways on a 375 px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'rm-customers-phone');
    await page.context().close();
  });

  it('head office sees the whole bank', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/customers`);
    await page.waitForSelector('[data-testid="customer-row"]');
    expect(await total(page)).toBe(names.size);
    await shot(page, 'hq-customers-desk');
    await page.goto(`${e.url}/org`);
    await page.waitForSelector('[data-testid="org-tree"]');
    await page.waitForTimeout(300);
    await shot(page, 'hq-org-desk');
    await page.context().close();
  });

  it("shows an RM 'not found' for another RM's customer", async () => {
    const other = [...names.keys()].find((id) => !book.has(id))!;
    const page = await loginPage(e, 'rm0001', PHONE);
    await page.goto(`${e.url}/customers/${other}`);
    await page.waitForSelector('[data-testid="not-found"]');
    expect(await page.locator('[data-testid="customer-360"]').count()).toBe(0);
    expect(await page.content()).not.toContain(names.get(other)!);
    await page.context().close();
  });

  it('masks PII on the 360 page until the owning RM reveals it with a reason', async () => {
    const id = [...book].sort()[0]!;
    const [c] = await query<{ name: string; phone: string }>(
      e.bank.ctx.db,
      sql`SELECT name, phone FROM customers WHERE customer_id = ${id}`,
    );
    const page = await loginPage(e, 'rm0001', PHONE);
    await page.goto(`${e.url}/customers/${id}`);
    await page.waitForSelector('[data-testid="customer-360"]');
    const name = page.locator('[data-testid="c360-name"]');
    expect(await name.innerText()).toContain('*');
    expect(await page.locator('[data-testid="c360-phone"]').innerText()).toContain('****');
    expect(await page.content()).not.toContain(c!.phone);
    await shot(page, 'rm-360-phone');
    await page.click('[data-testid="reveal-button"]');
    await page.fill('[data-testid="reveal-reason"]', '客户来电核实');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (full) => document.querySelector('[data-testid="c360-name"]')?.textContent?.includes(full),
      c!.name,
    );
    expect(await page.locator('[data-testid="c360-phone"]').innerText()).toContain(c!.phone);
    const audit = await query(
      e.bank.ctx.db,
      sql`SELECT 1 FROM audit_log WHERE action = 'pii_reveal' AND entity_id = ${id}`,
    );
    expect(audit).toHaveLength(1);
    await page.context().close();
  });

  it('an outlet head cannot reveal PII and sees only their outlet', async () => {
    const page = await loginPage(e, 'ob01', DESK);
    const id = [...book].sort()[0]!;
    await page.goto(`${e.url}/customers/${id}`);
    await page.waitForSelector('[data-testid="customer-360"]');
    expect(await page.locator('[data-testid="reveal-button"]').count()).toBe(0);
    await shot(page, 'ob-360-desk');
    await page.context().close();
  });

  it('switches the interface to English', async () => {
    const page = await loginPage(e, 'hq01', PHONE);
    await page.goto(`${e.url}/customers`);
    await page.waitForSelector('[data-testid="customer-row"]');
    expect(await page.locator('body').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => /Customers|Customer/.test(document.body.innerText));
    await shot(page, 'hq-customers-phone-en');
    await page.context().close();
  });
});
