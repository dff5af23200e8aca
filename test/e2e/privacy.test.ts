/**
 * The customer 360 in the browser for a viewer who may not reveal (an outlet head) and for the
 * owning RM: the outlet head sees the age but no birth date and the ID number's last 4 only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { DESK, PHONE, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
let c: { customer_id: string; id_number: string; birth_date: string };
beforeAll(async () => {
  e = await startE2E();
  [c] = (await query<typeof c>(
    e.bank.ctx.db,
    sql`SELECT c.customer_id, c.id_number, c.birth_date::text AS birth_date FROM customers c
        JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
        JOIN users u ON u.staff_id = r.staff_id AND u.username = 'rm0001'
        WHERE c.home_org_id = 'OT0001' AND c.birth_date IS NOT NULL AND c.id_number IS NOT NULL
        ORDER BY c.customer_id LIMIT 1`,
  )) as [typeof c];
});
afterAll(async () => e?.close());

describe('the customer 360 in the browser', () => {
  it('an outlet head sees the age, no birth date, and the ID number’s last 4 only; on phone and desk', async () => {
    for (const [viewport, name] of [
      [PHONE, 'phone'],
      [DESK, 'desk'],
    ] as const) {
      const page = await loginPage(e, 'ob01', viewport);
      await page.goto(`${e.url}/customers/${c.customer_id}`);
      await page.waitForSelector('[data-testid="c360-id-number"]');
      expect(await page.locator('[data-testid="c360-id-number"]').innerText()).toBe(
        `${'*'.repeat(c.id_number.length - 4)}${c.id_number.slice(-4)}`,
      );
      expect(await page.locator('[data-testid="c360-birth-date"]').count()).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text).toMatch(/\d+岁/);
      expect(text).not.toContain(c.birth_date);
      await shot(page, `c360-non-owner-${name}`);
      await page.context().close();
    }
  }, 180_000);

  it('the owning RM sees the birth date', async () => {
    const page = await loginPage(e, 'rm0001', DESK);
    await page.goto(`${e.url}/customers/${c.customer_id}`);
    await page.waitForSelector('[data-testid="c360-birth-date"]');
    expect(await page.locator('[data-testid="c360-birth-date"]').innerText()).toContain(c.birth_date.slice(0, 4));
    await shot(page, 'c360-owner-desk');
    await page.context().close();
  });
});
