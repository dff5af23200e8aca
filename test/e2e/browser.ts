/**
 * End-to-end harness: the real app (built web UI + API) over a seeded XS bank on in-memory
 * PGlite, listening on a random loopback port, driven by Debian's Chromium through playwright-core.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { ensureWebBuilt } from '../../src/cli/web-build.js';
import { seededBank, type TestBank } from '../support/app.js';
import type { AppConfig } from '../../src/platform/config.js';

export const SHOTS = 'test-artifacts/screenshots';
export const PHONE = { width: 375, height: 812 };
export const DESK = { width: 1440, height: 900 };

export interface E2E {
  bank: TestBank;
  app: FastifyInstance;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(opts: { config?: Partial<AppConfig> } = {}): Promise<E2E> {
  mkdirSync(SHOTS, { recursive: true });
  await ensureWebBuilt();
  const bank = await seededBank({ config: opts.config });
  const url = await bank.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    bank,
    app: bank.app,
    url,
    browser,
    async close() {
      await browser.close();
      await bank.close();
    },
  };
}

/** Signs in through the login form; `timezoneId` runs the browser in another zone than the machine's. */
export async function loginPage(
  e: E2E,
  username: string,
  viewport = DESK,
  opts: { timezoneId?: string } = {},
): Promise<Page> {
  const context = await e.browser.newContext({ viewport, locale: 'zh-CN', ...opts });
  const page = await context.newPage();
  await page.goto(`${e.url}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', 'guanhu-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
  return page;
}

/**
 * Opens `path` inside the already loaded app, as a click on a link would (the router follows the
 * history change), without reloading the bundle: a walk over many pages stays fast. It returns
 * once React has rendered the new location (two frames later); the caller waits for its data.
 */
export async function spaGoto(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((u) => u.pathname + u.search === path);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** One demo login per staff role (the role's first active username), for walking every role. */
export function loginPerRole(e: E2E): Promise<{ role: string; username: string }[]> {
  return query<{ role: string; username: string }>(
    e.bank.ctx.db,
    sql`SELECT DISTINCT ON (s.role) s.role::text AS role, u.username FROM users u JOIN staff s USING (staff_id)
        WHERE s.status = 'active' AND NOT u.disabled ORDER BY s.role, u.username`,
  );
}

/**
 * One role per distinct home and menu: the wealth RM and the private advisor have the RM's
 * pages, the sub-branch and branch managers the outlet head's over a wider scope. The browser
 * tests that walk roles walk these, so that the browser tier stays inside CI's 30 minutes.
 */
export const DISTINCT_ROLES = ['rm', 'lobby_manager', 'outlet_head', 'head_office', 'admin'] as const;
