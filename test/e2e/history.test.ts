/**
 * What a bank sees on day one (issue 10): the home page says the business date of its figures in
 * English too (every role's home says it in Chinese: layout.test.ts), and the tier dashboard
 * draws the 90 days up to that date from the seeded history, with a screenshot of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AS_OF } from '../support/app.js';
import { DESK, loginPage, shot, startE2E, type E2E } from './browser.js';

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

describe('the data date', () => {
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
    await page.mouse.move(0, 0);
    await tallShot(page, 'history-hq-tiers-1440');
    await page.context().close();
  });
});
