/**
 * Every page of every role in Chinese, in a browser whose time zone is UTC: no raw enum code, no
 * untranslated server message, counts with thousands separators, times in Shanghai's zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import * as enums from '../../src/domain/enums.js';
import { nightlySteps } from '../../src/modules.js';
import { runBatchDay } from '../../src/platform/jobs/run-batch.js';
import { query } from '../../src/platform/db/query.js';
import { AS_OF, DEMO_PASSWORD } from '../support/app.js';
import { DESK, DISTINCT_ROLES, PHONE, loginPage, loginPerRole, shot, spaGoto, startE2E, type E2E } from './browser.js';

let e: E2E;
/** one login of every staff role */
let users: { username: string; role: string }[];
/** 10:57 in Shanghai, 02:57 in UTC */
const CALL_AT = '2026-11-20T02:57:00Z';
const CALL_SHOWN = '2026-11-20 10:57';
let callCustomer: string;
/** the web's pages (web/src/modules.ts, the composition root of the UI): route and who may open it */
let pages: { path: string; allow?: (me: unknown) => boolean }[];
const WEB_MODULES = '../../web/src/modules'; // bundler-resolved TSX: loaded by vitest, not typechecked here

beforeAll(async () => {
  ({ pages } = (await import(WEB_MODULES)) as { pages: typeof pages });
  e = await startE2E();
  const db = e.bank.ctx.db;
  users = await loginPerRole(e);
  // a night's batch, so the batch page has steps with detail codes to show
  await runBatchDay(db, nightlySteps, AS_OF);
  // a file the importer read, imported at 10:57 Shanghai time
  await db.execute(
    sql`INSERT INTO import_files (run_id, file_name, kind, business_date, checksum, encoding, rows_read, rows_loaded, status, created_at)
        VALUES ('import-e2e', 'contacts_20261120.csv', 'contacts', ${AS_OF}::date, 'abc123', 'utf-8', 12345, 12345, 'loaded', ${CALL_AT}::timestamptz)`,
  );
  // the newest contact of one customer happened at 10:57 Shanghai time
  const [c] = await query<{ contact_id: string; customer_id: string }>(
    db,
    sql`SELECT contact_id, customer_id FROM contacts ORDER BY started_at DESC LIMIT 1`,
  );
  callCustomer = c!.customer_id;
  await db.execute(sql`UPDATE contacts SET started_at = ${CALL_AT}::timestamptz WHERE contact_id = ${c!.contact_id}`);
}, 180_000);
afterAll(async () => e?.close());

/** Every value of src/domain/enums.ts that would be unambiguous as a whole word on a Chinese page. */
const RAW_CODES = [
  ...new Set(
    Object.entries(enums)
      .filter(([name, v]) => Array.isArray(v) && name !== 'RISK_RATINGS' && name !== 'RISK_LEVELS') // R3, C3 are the labels' own prefix
      .flatMap(([, v]) => v as readonly string[])
      .filter((v) => v.length >= 3),
  ),
];
// (a file name such as relationships.csv is a name, not a code)
const rawCode = new RegExp(`(?<![A-Za-z0-9_-])(${RAW_CODES.join('|')})(?![A-Za-z0-9_-]|\\.csv)`);
const english = /not found|invalid|error|too big|undefined|NaN|\{\{/i;
/** a count of 1,000 or more without separators (ids, dates, times and versions aside) */
const ungrouped = /(?<![\w.,:/*-])\d{4,}(?![\w.,:/*年-])/;

const LOADING = '[role="status"], .ant-spin-spinning, .ant-skeleton';
/** Nothing is loading, and still nothing a moment later (a query that starts after another). */
async function settled(page: Page) {
  for (let i = 0; i < 2; i++) {
    await page.waitForFunction((sel) => !document.querySelector(sel), LOADING, { timeout: 30_000 });
    await page.waitForTimeout(200);
  }
}

/** A UTC browser signed in through the API (the login form itself is tested elsewhere): quicker. */
async function signedIn(username: string): Promise<Page> {
  const context = await e.browser.newContext({ viewport: DESK, locale: 'zh-CN', timezoneId: 'UTC' });
  const r = await context.request.post(`${e.url}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
    headers: { origin: e.url },
  });
  expect(r.status(), username).toBe(200);
  return context.newPage();
}

/** Opens a page of the app and reads what it shows once it has loaded. */
async function visibleText(page: Page, path: string, opts: { load?: boolean } = {}) {
  // the first page loads the app; the next ones are opened inside it, as a click on a link would
  // (a URL typed in, `load`, is read by the page as it starts)
  if (!opts.load && page.url().startsWith('http')) await spaGoto(page, `/${path}`);
  else await page.goto(`${e.url}/${path}`);
  // a page in the shell shows the signed-in user; a bare one (changing one's password) its title
  await page.waitForSelector('[data-testid="current-user"], [data-testid="change-password-title"]');
  await settled(page);
  // ids, usernames, file names and checksums (.gh-mono) are data, not the page's words
  return page.evaluate(() => {
    const hide = document.createElement('style');
    hide.textContent = '.gh-mono { display: none !important; }';
    document.head.appendChild(hide);
    const text = document.body.innerText;
    hide.remove();
    return text;
  });
}

/** the match with some text around it, so a failure says where it is */
function found(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  return m ? `${m[0]} in "${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}"` : undefined;
}

function expectChinese(text: string, where: string) {
  expect(found(text, rawCode), `raw code on ${where}`).toBeUndefined();
  expect(found(text, english), `English message on ${where}`).toBeUndefined();
  expect(found(text, ungrouped), `count without separators on ${where}`).toBeUndefined();
}

const apiJson = <T>(page: Page, url: string) =>
  page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).json(), url) as Promise<T>;

describe('every page in Chinese', () => {
  // one test per role, each with its own time: a loaded machine takes seconds a page
  it.each(DISTINCT_ROLES)(
    '%s: no raw code, no English message, no ungrouped count',
    { timeout: 120_000 },
    async (role) => {
      const u = users.find((x) => x.role === role);
      expect(u, `a login with role ${role} in the demo bank`).toBeDefined();
      const page = await signedIn(u!.username);
      const get = async (path: string) => (await page.request.get(`${e.url}${path}`)).json() as Promise<unknown>;
      const me = await get('/api/me');
      const list = (await get('/api/customers?pageSize=1')) as { items: { customerId: string }[] };
      let visited = 0;
      for (const p of pages.filter((p) => !p.allow || p.allow(me))) {
        if (p.path.includes(':id') && !list.items[0]) continue;
        const path = p.path.replace(':id', list.items[0]?.customerId ?? '');
        expectChinese(await visibleText(page, path), `/${path} as ${u!.username}`);
        visited++;
      }
      expect(visited).toBeGreaterThanOrEqual(4);
      // a refused parameter and an unknown org: translated states, not the server's English
      const tooBig = await visibleText(page, 'customers?page=99999999', { load: true });
      expect(tooBig).toContain('参数错误：page');
      expectChinese(tooBig, `a page number too big as ${u!.username}`);
      if (pages.find((p) => p.path === 'tiers')!.allow!(me)) {
        const org = await visibleText(page, 'tiers?orgId=NOPE', { load: true });
        expect(org).toContain('未找到相关数据');
        expectChinese(org, `an unknown org as ${u!.username}`);
      }
      await page.context().close();
    },
  );

  it('shows a customer id with a NUL byte as not found, not a crash or JSON', { timeout: 120_000 }, async () => {
    const page = await loginPage(e, 'hq01', PHONE);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/customers/C00033470%00', { credentials: 'same-origin' });
      return { status: r.status, body: (await r.json()) as { details: { issues: { field: string }[] } } };
    });
    expect(api.status).toBe(400);
    expect(api.body.details.issues[0]!.field).toBe('customerId');
    await page.goto(`${e.url}/customers/C00033470%00`);
    await page.waitForSelector('[data-testid="not-found"]');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('未找到该客户');
    expectChinese(text, 'a NUL customer id');
    await shot(page, 'zh-customer-nul-phone');
    await page.context().close();
  });
});

describe('times in Shanghai whatever the browser zone', () => {
  it(
    'shows a 10:57 call and import at 10:57 in a UTC browser, and the batch steps translated',
    { timeout: 120_000 },
    async () => {
      const page = await loginPage(e, 'admin', DESK, { timezoneId: 'UTC' });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');

      await visibleText(page, `customers/${callCustomer}`);
      const contact = page.locator('[data-testid="contact-item"]').first();
      expect(await contact.innerText()).toContain(CALL_SHOWN);
      await shot(page, 'zh-c360-contact-utc-desk');

      const text = await visibleText(page, 'admin/imports');
      // (the seeded demo has its own contacts_20261120.csv: this one is told by its 12,345 rows)
      const file = page
        .locator('[data-testid="imports-table"] tbody tr', { hasText: 'contacts_20261120.csv' })
        .filter({ hasText: '12,345' });
      const row = await file.innerText();
      expect(row).toContain(CALL_SHOWN);
      expect(row).toContain('联系记录');
      expect(row).toContain('12,345');
      const runs = await apiJson<{
        items: { steps: { name: string; detail: string | null; detailCode: string | null }[] }[];
      }>(page, '/api/admin/batch-runs');
      const steps = runs.items[0]!.steps;
      expect(steps.map((s) => s.detailCode)).toEqual(expect.arrayContaining(['aum.built']));
      for (const s of steps) {
        const el = page.locator(`[data-testid="batch-step-${s.name}"]`).first();
        expect(await el.locator('b').innerText(), s.name).toMatch(/^[\u4e00-\u9fff]+$/);
        const shown = await el.innerText();
        if (s.detail) expect(shown, s.name).not.toContain(s.detail);
        if (s.detailCode) expect(shown, s.name).toMatch(/[\u4e00-\u9fff].*[\u4e00-\u9fff]/);
      }
      expectChinese(text, '/admin/imports');
      await shot(page, 'zh-imports-utc-desk');
      await page.context().close();
    },
  );
});
