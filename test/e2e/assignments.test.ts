/**
 * The reassignment review in the browser (issue 11): an outlet head plans for their outlet, reads
 * the proposals with their explanations in Chinese, approves some, rejects one with a reason, and
 * the approved customers' relationships move to the proposed RMs. One test, one login, desk width
 * (layout.test.ts walks the menu pages at phone and PAD widths).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { DESK, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(async () => e?.close());

const openRm = async (customerId: string) =>
  (
    await query<{ staff_id: string }>(
      e.bank.ctx.db,
      sql`SELECT staff_id FROM relationships WHERE customer_id = ${customerId} AND ended_on IS NULL`,
    )
  )[0]?.staff_id ?? null;

describe('reassignment review', () => {
  it('an outlet head plans, approves two proposals, rejects one with a reason, and the book changes', async () => {
    const page = await loginPage(e, 'ob01', DESK);
    await page.click('a[href="/assignments"]');
    await page.waitForSelector('[data-testid="assignments-page"]');
    await page.click('[data-testid="plan-run"]');
    await page.waitForSelector('[data-testid="batch-page"]');
    await page.waitForSelector('[data-testid="proposal-row"]');
    expect(await page.locator('[data-testid="batch-status"]').innerText()).toBe('待审批');
    // the explanation in words, in Chinese, none left as a raw code
    const explain = await page.locator('[data-testid="proposal-explain"]').first().innerText();
    expect(explain).toMatch(/名额|管户/);
    expect(explain).not.toMatch(/[a-z]+_[a-z]+/);
    expect(await page.locator('[data-testid="objective-aum"]').innerText()).toContain('¥');
    await shot(page, 'assign-batch-desk');

    const rows = page.locator('[data-testid="proposal-row"]');
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const ids = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getAttribute('data-customer-id')));
    const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const to = (await query<{ customer_id: string; to_staff_id: string }>(
      e.bank.ctx.db,
      sql`SELECT customer_id, to_staff_id FROM assignment_proposals WHERE batch_id = ${batchId} AND customer_id IN (${ids[0]}, ${ids[1]}, ${ids[2]})`,
    )) as { customer_id: string; to_staff_id: string }[];
    const toOf = new Map(to.map((r) => [r.customer_id, r.to_staff_id]));

    // reject the third with a reason (the modal refuses an empty one)
    await rows.nth(2).locator('input[type="checkbox"]').check();
    await page.click('[data-testid="reject-selected"]');
    await page.click('[data-testid="reject-ok"]');
    await page.waitForSelector('text=请填写驳回原因');
    await page.fill('[data-testid="reject-reason"]', '客户本人要求保留原网点');
    await page.click('[data-testid="reject-ok"]');
    await page.waitForSelector(`[data-customer-id="${ids[2]}"] [data-testid="proposal-status"]:has-text("已驳回")`);

    // approve the first two
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await page.click('[data-testid="approve-selected"]');
    for (const id of ids.slice(0, 2))
      await page.waitForSelector(`[data-customer-id="${id}"] [data-testid="proposal-status"]:has-text("已生效")`);
    await shot(page, 'assign-batch-decided-desk');

    expect(await openRm(ids[0]!)).toBe(toOf.get(ids[0]!));
    expect(await openRm(ids[1]!)).toBe(toOf.get(ids[1]!));
    expect(await openRm(ids[2]!)).not.toBe(toOf.get(ids[2]!));
    const [rej] = await query<{ status: string; reject_reason: string }>(
      e.bank.ctx.db,
      sql`SELECT status::text AS status, reject_reason FROM assignment_proposals WHERE batch_id = ${batchId} AND customer_id = ${ids[2]}`,
    );
    expect(rej).toMatchObject({ status: 'rejected', reject_reason: '客户本人要求保留原网点' });
    await page.context().close();
  }, 60_000);
});
