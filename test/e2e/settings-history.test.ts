import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK, PHONE, loginPage, shot, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('settings history in the browser', () => {
  it('a saved tier change shows as a new version with who, the note and the difference, on desk and phone', async () => {
    const page = await loginPage(e, 'hq01', DESK);
    await page.goto(`${e.url}/admin/tier-settings`);
    await page.waitForSelector('[data-testid="tier-settings-form"]');
    const before = Number((await page.locator('[data-testid="tier-settings-version"]').innerText()).replace(/\D/g, ''));
    await page.fill('[data-testid="floor-premium"]', '60000');
    await page.fill('[data-testid="settings-note"]', '优质门槛提高到 6 万');
    await page.click('[data-testid="tier-settings-save"]');
    await page.waitForSelector('[data-testid="tier-settings-saved"]');

    await page.click('[data-testid="settings-history-link"]');
    const card = page.locator(`[data-testid="settings-version-${before + 1}"]`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('优质门槛提高到 6 万');
    expect(text).toContain('hq01');
    const changes = card.locator('[data-testid="settings-change"]');
    expect(await changes.count()).toBe(1);
    const change = await changes.innerText();
    expect(change).toContain('优质');
    expect(change).toContain('50,000.00');
    expect(change).toContain('60,000.00');
    // the versions before it are listed too, the first as the first
    expect(await page.locator(`[data-testid="settings-version-1"]`).innerText()).toContain('初始版本');
    await shot(page, 'settings-history-desk');
    await page.context().close();

    const phone = await loginPage(e, 'hq01', PHONE);
    await phone.goto(`${e.url}/admin/tier-settings/history`);
    await phone.locator(`[data-testid="settings-version-${before + 1}"]`).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'settings-history-phone');
    await phone.context().close();
  }, 180_000);
});
