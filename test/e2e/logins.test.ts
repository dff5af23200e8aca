/**
 * A first login in the browser: an administrator creates a login for a staff member and reads
 * its one-time password once; the new user signs in with it, is sent to change it before
 * anything else, then reaches their home page; when the administrator disables the login, the
 * user's session ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { DESK, PHONE, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // a staff member as staff.csv brings one, without a login yet
  await e.bank.ctx.db.execute(
    sql`INSERT INTO staff (staff_id, org_id, name, role, status) VALUES ('S_E2E01', 'OT0001', '测试大堂经理', 'lobby_manager', 'active')`,
  );
});
afterAll(async () => e?.close());

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${e.url}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('[data-testid="login-submit"]');
}

describe('logins in the browser', () => {
  it('admin creates a login; the new user must change the one-time password, then reaches home; a disable ends the session', async () => {
    const admin = await loginPage(e, 'admin', DESK);
    await admin.click('a[href="/admin/logins"]');
    await admin.waitForSelector('[data-testid="logins-table"]');
    await shot(admin, 'logins-desk');
    await admin.click('[data-testid="create-login"]');
    await admin.click('[data-testid="create-login-staff"]');
    await admin.keyboard.type('测试大堂');
    const option = admin.locator('.ant-select-item-option', { hasText: 'S_E2E01' });
    await option.waitFor();
    await option.click();
    await admin.fill('[data-testid="create-login-username"]', 'newlm01');
    await admin.click('[data-testid="create-login-ok"]');
    const otpEl = admin.locator('[data-testid="one-time-password"]');
    await otpEl.waitFor();
    const otp = (await otpEl.locator('code').innerText()).trim();
    expect(otp).toMatch(/^[A-Za-z0-9]{12}$/);
    await shot(admin, 'logins-one-time-password-desk');
    await admin.click('[data-testid="one-time-done"]');
    await otpEl.waitFor({ state: 'detached' });
    // the list shows it, waiting for the one-time password to be changed; it is shown nowhere any more
    const row = admin.locator('[data-testid="login-newlm01"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('待修改一次性密码');
    expect(await admin.locator('body').innerText()).not.toContain(otp);
    await admin.click('[data-testid="logout"]');
    await admin.waitForSelector('[data-testid="login-submit"]');

    // the new user, on a phone: the one-time password opens only the change-password page
    const userCtx = await e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const user = await userCtx.newPage();
    await signIn(user, 'newlm01', otp);
    await user.waitForSelector('[data-testid="password-forced"]');
    expect(new URL(user.url()).pathname).toBe('/account/password');
    // typing another address leads back to it
    await user.goto(`${e.url}/customers`);
    await user.waitForSelector('[data-testid="password-forced"]');
    expect(new URL(user.url()).pathname).toBe('/account/password');
    await shot(user, 'change-password-forced-phone');
    await user.fill('[data-testid="current-password"]', otp);
    await user.fill('[data-testid="new-password"]', 'short1');
    await user.fill('[data-testid="confirm-password"]', 'short1');
    await user.click('[data-testid="change-password-submit"]');
    await user.waitForSelector('.ant-form-item-explain-error');
    await user.fill('[data-testid="new-password"]', 'Datang2026ok');
    await user.fill('[data-testid="confirm-password"]', 'Datang2026ok');
    await user.click('[data-testid="change-password-submit"]');
    await user.waitForSelector('[data-testid="current-user"]');
    expect(new URL(user.url()).pathname).toBe('/');
    expect(await user.locator('[data-testid="current-user"]').innerText()).toContain('测试大堂经理');
    // a lobby manager's home: their outlet's overview, as of the data date
    await user.waitForSelector('[data-testid="home-overview"] [data-testid="data-as-of"]');
    await shot(user, 'home-after-password-change-phone');

    // the administrator disables the login: the user's session ends
    await signIn(admin, 'admin', 'guanhu-demo');
    await admin.waitForSelector('[data-testid="current-user"]');
    await admin.goto(`${e.url}/admin/logins`);
    await admin.click('[data-testid="disable-newlm01"]');
    await admin.click('[data-testid="disable-ok"]');
    await admin.locator('[data-testid="login-newlm01"] [data-testid="login-disabled"]').waitFor();
    await user.reload();
    await user.waitForSelector('[data-testid="login-submit"]');
    expect(new URL(user.url()).pathname).toBe('/login');
    await signIn(user, 'newlm01', 'Datang2026ok');
    await user.waitForSelector('[data-testid="login-error"]');
    await userCtx.close();
    await admin.context().close();
  }, 240_000);

  it('a user changes their own password from the user menu and can sign in with it', async () => {
    const page = await loginPage(e, 'lm0001', DESK);
    await page.click('[data-testid="current-user"]');
    await page.click('[data-testid="user-menu-password"]');
    await page.waitForSelector('[data-testid="change-password-title"]');
    expect(await page.locator('[data-testid="password-forced"]').count()).toBe(0);
    await shot(page, 'change-password-desk');
    await page.fill('[data-testid="current-password"]', 'guanhu-demo');
    await page.fill('[data-testid="new-password"]', 'Lobby2026new');
    await page.fill('[data-testid="confirm-password"]', 'Lobby2026new');
    await page.click('[data-testid="change-password-submit"]');
    await page.waitForSelector('[data-testid="current-user"]');
    await page.context().close();
    const again = await e.browser.newPage({ viewport: DESK, locale: 'zh-CN' });
    await signIn(again, 'lm0001', 'Lobby2026new');
    await again.waitForSelector('[data-testid="current-user"]');
    await again.context().close();
  }, 120_000);

  it('the logins page on a phone lists logins as cards, and is not for head office', async () => {
    const admin = await loginPage(e, 'admin', PHONE);
    await admin.goto(`${e.url}/admin/logins`);
    await admin.waitForSelector('[data-testid="logins-list"]');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(admin, 'logins-phone');
    await admin.context().close();
    const hq = await loginPage(e, 'hq01', DESK);
    expect(await hq.locator('a[href="/admin/logins"]').count()).toBe(0);
    await hq.context().close();
  }, 120_000);
});
