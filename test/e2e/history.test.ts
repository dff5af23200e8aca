/**
 * What a bank sees on day one (issue 10): every role's home page says the business date of its
 * figures, in both languages, and the tier dashboard draws the 90 days up to that date from the
 * seeded history. Screenshots of the homes, the dashboard and a customer 360 at phone, tablet,
 * laptop and desk widths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { query } from '../../src/platform/db/query.js';
import { AS_OF } from '../support/app.js';
import { DESK, loginPage, shot, startE2E, type E2E } from './browser.js';

const WIDTHS = [375, 768, 1024, 1440] as const;
const viewport = (width: number) => ({ width, height: width < 768 ? 812 : 900 });
const ROLES = ['admin', 'hq01', 'br01', 'sb01', 'ob01', 'lm0001', 'rm0001'] as const;

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const dataDate = async (page: Page) => {
  await page.waitForSelector('[data-testid="data-as-of"]');
  return (await page.locator('[data-testid="data-as-of"]').innerText()).trim();
};
/** ECharts draws its lines left to right over about a second: let them finish before a screenshot */
const chartsDrawn = (page: Page) => page.waitForTimeout(1500);
/**
 * A full-page screenshot resizes the viewport to the page's height, and the charts start their
 * animation again on that resize: so grow the viewport first, let them draw, then take it.
 */
async function tallShot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await chartsDrawn(page);
  await shot(page, name);
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the data date', () => {
  it.each(ROLES)('%s: the home page says 数据截至 and the business date', async (user) => {
    const page = await loginPage(e, user, DESK);
    expect(await dataDate(page)).toBe(`数据截至 ${AS_OF}`);
    await page.context().close();
  });

  it('in English: Data as of', async () => {
    const page = await loginPage(e, 'ob01', DESK);
    await page.evaluate(() => localStorage.setItem('guanhu.lang', 'en'));
    await page.reload();
    expect(await dataDate(page)).toBe(`Data as of ${AS_OF}`);
    await page.context().close();
  });
});

describe('the tier dashboard trend', () => {
  it('draws one point a day for the 90 days up to the data date', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/tiers`);
    await page.waitForSelector('[data-testid="tier-trend"] canvas');
    const range = page.locator('[data-testid="tier-trend-range"]');
    expect(await range.getAttribute('data-points')).toBe('90');
    expect(await range.getAttribute('aria-label')).toBe(`2026-08-23 – ${AS_OF}`);
    const api = (await page.evaluate(async () => (await fetch('/api/tiers/dashboard')).json())) as {
      trend: { date: string; customers: Record<string, number> }[];
    };
    expect(api.trend).toHaveLength(90);
    // the seeded days are real history: the premium count moves over the quarter
    expect(new Set(api.trend.map((p) => p.customers.premium)).size).toBeGreaterThan(1);
    // the canvas draws that range: the tooltip at the chart's right edge is the data date
    const box = (await page.locator('[data-testid="tier-trend"] canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    await page.waitForFunction(
      (d) => [...document.querySelectorAll('[data-testid="tier-trend"] div')].some((n) => n.textContent?.includes(d)),
      AS_OF.slice(5),
    );
    await page.context().close();
  });
});

describe('screenshots at 375, 768, 1024 and 1440 px', () => {
  it.each(WIDTHS)('%i px: homes, the tier dashboard and a customer 360 fit the width', async (width) => {
    // the RM's customer with the most tier changes: the 360 shows a history, not one row
    const [top] = await query<{ customer_id: string }>(
      e.bank.ctx.db,
      sql`SELECT r.customer_id FROM relationships r JOIN users u ON u.staff_id = r.staff_id
          JOIN customer_aum_daily d ON d.customer_id = r.customer_id AND d.as_of_date = ${AS_OF}
          WHERE u.username = 'rm0001' AND r.ended_on IS NULL
          ORDER BY (SELECT count(*) FROM tier_history h WHERE h.customer_id = r.customer_id) DESC, d.avg_fen DESC
          LIMIT 1`,
    );
    const hq = await loginPage(e, 'hq01', viewport(width));
    await dataDate(hq);
    await hq.waitForSelector('[data-testid="tier-count-premium"]');
    expect(await overflow(hq)).toBeLessThanOrEqual(0);
    await shot(hq, `history-hq-home-${width}`);
    await hq.goto(`${e.url}/tiers`);
    await hq.waitForSelector('[data-testid="tier-trend"] canvas');
    expect(await overflow(hq)).toBeLessThanOrEqual(0);
    await tallShot(hq, `history-hq-tiers-${width}`);
    await hq.context().close();

    const rm = await loginPage(e, 'rm0001', viewport(width));
    await dataDate(rm);
    await rm.waitForSelector('[data-testid="book-customers"]');
    expect(await overflow(rm)).toBeLessThanOrEqual(0);
    await shot(rm, `history-rm-home-${width}`);
    await rm.goto(`${e.url}/customers/${top!.customer_id}`);
    // both charts (allocation, AUM history) are lazy: wait for the second before their animations
    await rm.waitForFunction(() => document.querySelectorAll('canvas').length >= 2);
    await tallShot(rm, `history-rm-360-${width}`);
    await rm.context().close();
  });
});
