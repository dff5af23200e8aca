/**
 * A manager's notice reaches an RM's phone live: the unread badge in the header and the
 * notifications page update without a reload. Screenshots of the page at phone, PAD and desk widths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESK, PHONE, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const unreadOf = async (page: Page) =>
  Number(await page.getAttribute('[data-testid="notification-bell"]', 'data-unread'));
const waitUnread = (page: Page, n: number) =>
  page.waitForFunction(
    (want) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === String(want),
    n,
    { timeout: 10_000 },
  );

async function sendFromManager(mgr: Page, title: string, body: string) {
  await mgr.click('[data-testid="notice-new"]');
  await mgr.fill('[data-testid="notice-title"]', title);
  await mgr.fill('[data-testid="notice-body"]', body);
  await mgr.click('[data-testid="notice-submit"]');
  await mgr.waitForSelector('.ant-message-success');
  await mgr.waitForSelector('.ant-modal', { state: 'detached' });
}

describe('notifications in the browser', () => {
  it('a notice sent by an outlet head shows up live on an RM’s phone, with the unread badge', async () => {
    const rm = await loginPage(e, 'rm0001', PHONE);
    await rm.waitForSelector('[data-testid="notification-bell"]');
    expect(await unreadOf(rm)).toBe(0);

    const mgr = await loginPage(e, 'ob01', DESK);
    await mgr.goto(`${e.url}/notifications`);
    await mgr.waitForSelector('[data-testid="notifications-page"]');
    await mgr.click('[data-testid="notice-new"]');
    await mgr.waitForSelector('[data-testid="notice-title"]');
    await mgr.fill('[data-testid="notice-title"]', '明早晨会');
    await mgr.fill('[data-testid="notice-body"]', '明早 8:30 在二楼会议室开晨会，请带上本周临界客户名单。');
    await shot(mgr, 'notice-compose-desk-1440');
    await mgr.click('[data-testid="notice-submit"]');
    await mgr.waitForSelector('.ant-message-success');
    expect(await mgr.locator('.ant-message-success').innerText()).toMatch(/已发送给 4 位员工/);

    // No reload on the phone: the badge and a pop-up come over the WebSocket.
    await waitUnread(rm, 1);
    await rm.waitForSelector('.ant-notification-notice');
    expect(await rm.locator('.ant-notification-notice').innerText()).toContain('明早晨会');
    await shot(rm, 'notify-rm-phone-375-popup');

    await rm.click('[data-testid="notification-bell"]');
    await rm.waitForSelector('[data-testid="notification-item"]');
    const first = rm.locator('[data-testid="notification-item"]').first();
    expect(await first.getAttribute('data-unread')).toBe('true');
    const text = await first.innerText();
    expect(text).toContain('明早晨会');
    expect(text).toContain('网点负责人');
    // the frozen clock says 01:00 UTC: shown in the bank's time, whatever the browser's
    expect(text).toContain('2026-11-21 09:00');

    // a second notice while the page is open: the list grows by itself
    await mgr.waitForSelector('.ant-modal', { state: 'detached' });
    await sendFromManager(mgr, '系统升级', '今晚 22:00 起核心系统升级，预计 30 分钟。');
    await rm.waitForFunction(() => document.querySelectorAll('[data-testid="notification-item"]').length === 2, null, {
      timeout: 10_000,
    });
    await waitUnread(rm, 2);
    expect(await rm.locator('[data-testid="notification-item"]').first().innerText()).toContain('系统升级');

    const overflow = await rm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(rm, 'notifications-rm-375');

    // opening one marks it read and the badge follows
    await rm.locator('[data-testid="notification-item"]').nth(1).click();
    await waitUnread(rm, 1);
    expect(await rm.locator('[data-testid="notification-item"]').nth(1).getAttribute('data-unread')).toBe('false');
    await shot(rm, 'notifications-rm-375-read');

    for (const [w, h] of [
      [768, 1024],
      [1024, 768],
      [1440, 900],
    ] as const) {
      await rm.setViewportSize({ width: w, height: h });
      await rm.waitForTimeout(300);
      const over = await rm.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(over, `overflow at ${w}px`).toBeLessThanOrEqual(0);
      await shot(rm, `notifications-rm-${w}`);
    }

    await mgr.setViewportSize(PHONE);
    await mgr.waitForTimeout(300);
    await shot(mgr, 'notifications-ob-375');
    await mgr.context().close();
    await rm.context().close();
  });

  it('shows the inbox in English, and an empty unread list after “mark all read”', async () => {
    const page = await loginPage(e, 'rm0002', PHONE);
    await page.goto(`${e.url}/notifications`);
    await page.waitForSelector('[data-testid="notification-item"]');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction(() => document.body.innerText.includes('Mark all read'));
    await page.click('text=Mark all read');
    await waitUnread(page, 0);
    await page.click('[data-testid="notifications-filter"] >> text=Unread');
    await page.waitForSelector('text=No unread notifications');
    await shot(page, 'notifications-rm-375-en');
    await page.context().close();
  });
});
