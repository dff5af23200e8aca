/**
 * A home tile and the list it opens show the same number, for every demo role: each tile is
 * clicked and its figure compared with the list's total. Also: the list sorts by a clicked
 * column, exports what it shows, the org chart keeps 未管 visible and the header names the org once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { query } from '../../src/platform/db/query.js';
import { STAFF_ROLES } from '../../src/domain/enums.js';
import { ownsBook } from '../../src/domain/roles.js';
import { DESK, DISTINCT_ROLES, loginPage, loginPerRole, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
/** one demo login per staff role (the first username of the role) */
let users: { role: string; username: string }[];
beforeAll(async () => {
  e = await startE2E();
  users = await loginPerRole(e);
});
afterAll(async () => e?.close());

const listTotal = async (page: Page) =>
  Number((await page.locator('[data-testid="customer-total"]').first().innerText()).replace(/\D/g, ''));

interface Tile {
  testId: string;
  href: string;
  count: number;
  text: string;
}

/** The home's tiles once the summary has loaded (every tile then carries its figure). */
async function homeTiles(page: Page, expected: number): Promise<Tile[]> {
  await page.waitForFunction((n) => document.querySelectorAll('a[data-tile-count]').length >= n, expected, {
    timeout: 15_000,
  });
  return page.$$eval('a[data-tile-count]', (els) =>
    els.map((el) => ({
      testId: el.getAttribute('data-testid') ?? '',
      href: el.getAttribute('href') ?? '',
      count: Number(el.getAttribute('data-tile-count')),
      text: (el as HTMLElement).innerText,
    })),
  );
}

describe('home tiles and the lists they open', () => {
  it('the demo bank has a login for every staff role', () => {
    expect(users.map((u) => u.role).sort()).toEqual([...STAFF_ROLES].sort());
  });

  it.each(DISTINCT_ROLES)(
    'every home tile of %s opens a list whose total is the tile’s number',
    async (role) => {
      const username = users.find((u) => u.role === role)!.username;
      const page = await loginPage(e, username, DESK);
      await page.goto(`${e.url}/`);
      // managers: customers, eligible, coverage (managed), unmanaged; RMs: the book; both: 5 tiers and 4 bands
      const expected = ownsBook(role) ? 1 + 5 + 4 : 4 + 5 + 4;
      const tiles = await homeTiles(page, expected);
      expect(tiles.map((t) => t.testId).filter(Boolean)).toHaveLength(expected);
      for (let i = 0; i < tiles.length; i++) {
        const tile = tiles[i]!;
        // the figure on the tile is the one it carries
        expect(tile.text.replace(/\s/g, ''), `${username} ${tile.testId}`).toContain(
          tile.count.toLocaleString('zh-CN'),
        );
        await page.locator('a[data-tile-count]').nth(i).click();
        await page.waitForURL((u) => `${u.pathname}${u.search}` === tile.href);
        await page.waitForSelector('[data-testid="customer-total"]');
        expect(await listTotal(page), `${username} (${role}) ${tile.testId} → ${tile.href}`).toBe(tile.count);
        await page.goBack();
        await homeTiles(page, expected);
      }
      if (role === 'outlet_head') await shot(page, 'tiles-outlet-head-home');
      await page.context().close();
    },
    180_000,
  );
});

describe('the customer list', () => {
  it('sorts by a clicked column on the server, ties by customer number', async () => {
    const page = await loginPage(e, 'ob01', DESK);
    await page.goto(`${e.url}/customers?pageSize=50`);
    await page.waitForSelector('[data-testid="customer-row"]');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/customers?') && r.url().includes('sort=aum')),
      page.locator('th', { hasText: '最新资产' }).click(),
    ]);
    await page.waitForURL(/sort=aum/);
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    const ids = await page.$$eval('[data-testid="customer-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-customer-id')!),
    );
    const top = await query<{ customer_id: string }>(
      e.bank.ctx.db,
      sql`SELECT d.customer_id FROM customer_aum_daily d JOIN customers c USING (customer_id)
          WHERE d.as_of_date = '2026-11-20' AND c.home_org_id = 'OT0001' ORDER BY d.aum_fen DESC, d.customer_id LIMIT 50`,
    );
    expect(ids).toEqual(top.map((r) => r.customer_id));
    await page.context().close();
  });

  it('exports the list being looked at as an xlsx download', async () => {
    const page = await loginPage(e, 'ob01', DESK);
    await page.goto(`${e.url}/customers?managed=false`);
    await page.waitForSelector('[data-testid="customer-total"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="customer-export"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^客户清单_.+_2026-11-20\.xlsx$/);
    const [audit] = await query<{ entity_id: string }>(
      e.bank.ctx.db,
      sql`SELECT entity_id FROM audit_log WHERE action = 'export' AND entity_type = 'customer_list' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.entity_id).toBe('OT0001?managed=false');
    await page.context().close();
  });
});

describe('org page and header', () => {
  it('stacks 未管 first in the org chart, and the header names the org once (head office: 总行)', async () => {
    // a sub-branch has three outlets to compare (head office's one branch draws no chart)
    const page = await loginPage(e, 'sb01', DESK);
    await page.goto(`${e.url}/org`);
    await page.waitForSelector('[data-testid="org-bar-chart"]');
    const series = (await page.getAttribute('[data-testid="org-bar-chart"]', 'data-series'))!.split('|');
    expect(series[0]).toContain('未管户');
    expect(series).toHaveLength(3);
    await page.waitForTimeout(300);
    await shot(page, 'tiles-sub-branch-org');
    await page.context().close();

    const hq = await loginPage(e, 'hq01', DESK);
    expect((await hq.locator('.gh-header').innerText()).split('总行')).toHaveLength(2);
    expect((await hq.locator('[data-testid="greeting-role"]').innerText()).trim()).toBe('总行');
    await hq.context().close();

    const ob = await loginPage(e, 'ob01', DESK);
    const orgName = (await ob.locator('[data-testid="header-org"]').innerText()).trim();
    expect(orgName.length).toBeGreaterThan(0);
    expect((await ob.locator('.gh-header').innerText()).split(orgName)).toHaveLength(2);
    await ob.context().close();
  });
});
