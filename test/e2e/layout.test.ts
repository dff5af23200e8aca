/**
 * Every role's main pages at phone, PAD portrait and PAD landscape widths: screenshots into
 * test-artifacts/screenshots/layout-<role>-<page>-<width>.png, no sideways scrolling of the page,
 * no card sticking out of the viewport (wide tables scroll inside their card), and at PAD widths
 * a menu whose entries have labels. The desk width (1440) is where every other browser test runs;
 * with the menu beside the page, 1024 leaves the content narrower than 768 does. Each role's home
 * says the business date of its figures (数据截至).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AS_OF } from '../support/app.js';
import { DISTINCT_ROLES, loginPage, loginPerRole, shot, spaGoto, startE2E, type E2E } from './browser.js';

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];
const DESK_VP = { width: 1440, height: 900 };

let e: E2E;
let users: { role: string; username: string }[];
beforeAll(async () => {
  e = await startE2E();
  users = await loginPerRole(e);
});
afterAll(async () => e?.close());

/** What sticks out sideways: the body's overflow and any card or page head past the right edge. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.scrollWidth - document.body.clientWidth;
    const sticking = [...document.querySelectorAll('.ant-card, .gh-page-head, .ant-table-wrapper')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => el.className.toString().slice(0, 60));
    return { body, sticking };
  });

async function settle(page: Page) {
  await page.waitForSelector('.gh-page, [data-testid="not-found"]', { timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(100); // charts draw after their container's size is known
}

const slug = (path: string) => (path === '/' ? 'home' : path.slice(1).replace(/[/?=&]+/g, '-'));

describe('layouts at 375, 768 and 1024 px', () => {
  it.each(DISTINCT_ROLES)(
    'the main pages of %s fit every width, with a labelled menu on a PAD',
    async (role) => {
      const failures: string[] = [];
      {
        const username = users.find((u) => u.role === role)!.username;
        const page = await loginPage(e, username, DESK_VP);
        await page.waitForSelector('[data-testid="data-as-of"]');
        expect((await page.locator('[data-testid="data-as-of"]').innerText()).trim()).toBe(`数据截至 ${AS_OF}`);
        // The pages this role's menu offers, plus a customer's 360 view.
        const paths = await page.$$eval('.gh-sider .ant-menu a[href]', (as) => as.map((a) => a.getAttribute('href')!));
        expect(paths.length, username).toBeGreaterThan(1);
        await page.goto(`${e.url}/customers`);
        await page.waitForSelector('[data-testid="customer-row"]');
        const first = await page.getAttribute('[data-testid="customer-row"]', 'data-customer-id');
        const all = [...paths, `/customers/${first}`];
        for (const vp of WIDTHS) {
          await page.setViewportSize(vp);
          for (const path of all) {
            await spaGoto(page, path);
            await settle(page);
            const o = await overflow(page);
            if (o.body > 0 || o.sticking.length)
              failures.push(`${role} ${path} @${vp.width}: body +${o.body}px ${o.sticking.join(', ')}`);
            await shot(
              page,
              `layout-${role}-${slug(path.startsWith('/customers/') ? '/customer-360' : path)}-${vp.width}`,
            );
          }
          if (vp.width === 768 || vp.width === 1024) {
            // The menu shows words, not bare icons: in a drawer at 768, beside the page at 1024.
            if (vp.width === 768) await page.click('[data-testid="nav-drawer-open"]');
            const labels = await page.$$eval('.ant-menu-item', (els) =>
              els
                .filter((el) => (el as HTMLElement).offsetParent !== null)
                .map((el) => (el as HTMLElement).innerText.trim()),
            );
            expect(labels.length, `${username} @${vp.width}`).toBe(paths.length);
            expect(
              labels.every((l) => l.length > 0),
              `${username} @${vp.width}: ${labels.join('|')}`,
            ).toBe(true);
            if (vp.width === 768) {
              await shot(page, `layout-${role}-menu-${vp.width}`);
              await page.keyboard.press('Escape');
            }
          }
        }
        await page.context().close();
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );
});
