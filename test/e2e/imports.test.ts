import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AS_OF } from '../support/app.js';
import { DESK, SHOTS, loginPage, shot, startE2E, type E2E } from './browser.js';

const dataDir = mkdtempSync(join(tmpdir(), 'guanhu-e2e-imports-'));
const files = mkdtempSync(join(tmpdir(), 'guanhu-e2e-files-'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ config: { dataDir } });
}, 300_000);
afterAll(async () => e?.close());

const TABLE = '[data-testid="imports-table"]';

/** cells whose content spills past their own edge (the overlap the issue was about) */
const spilling = (page: Page) =>
  page.evaluate((sel) => {
    const out: string[] = [];
    for (const td of document.querySelectorAll<HTMLElement>(`${sel} td, ${sel} th`)) {
      if (td.classList.contains('ant-table-cell-ellipsis')) continue;
      if (td.scrollWidth > td.clientWidth + 1)
        out.push(`${td.textContent ?? ''} (${td.scrollWidth} > ${td.clientWidth})`);
    }
    return out;
  }, TABLE);

const input = '[data-testid="import-upload"] input[type="file"]';

describe('the imports page', () => {
  it('an admin uploads a day’s file, follows it to its result row, downloads the rejects and runs the batch', async () => {
    const page = await loginPage(e, 'admin', DESK);
    await page.goto(`${e.url}/admin/imports`);
    // the seeded demo has its history
    await page.waitForSelector(`${TABLE} [data-testid="import-row"]`);
    expect(await page.locator(`${TABLE} [data-testid="import-row"]`).count()).toBe(9);
    await expect.poll(() => page.locator(`${TABLE} td`).filter({ hasText: '持仓' }).count()).toBeGreaterThan(0);

    // a name that is not a contract file is named, in Chinese, before anything is sent
    const notes = join(files, 'notes.txt');
    writeFileSync(notes, 'hello');
    await page.setInputFiles(input, notes);
    await page.waitForSelector('text=以下文件名不符合约定');
    expect(await page.locator('[data-testid="import-start"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="import-upload"] .ant-upload-list-item').hover();
    await page.locator('[data-testid="import-upload"] .ant-upload-list-item button').first().click();

    const contacts = join(files, 'contacts_20261117.csv');
    writeFileSync(contacts, readFileSync('test/fixtures/ingest/rows/contacts_20261117.csv'));
    await page.setInputFiles(input, contacts);
    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="job-import"][data-status="succeeded"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="import-job-files"] [data-testid="import-rejects-download"]');

    const row = page.locator(`${TABLE} [data-testid="import-row"]`).filter({ hasText: 'contacts_20261117.csv' });
    await row.waitFor();
    expect(
      Number((await row.locator('[data-testid="import-rejected"]').innerText()).replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    // the reasons read Chinese (the server's English stays in the rejects file)
    const reasons = await row.locator('[data-testid="import-reason"]').allInnerTexts();
    expect(reasons.join('\n')).toContain('staff_id: 员工不存在');
    expect(reasons.join('\n')).not.toContain('unknown staff');
    await shot(page, 'imports-desk-1440');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('[data-testid="import-rejects-download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts_20261117.rejects.csv');
    const saved = `${SHOTS}/contacts_20261117.rejects.csv`;
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv.split('\n')[0]).toContain('reason');
    expect(csv).toContain('S99999');

    // a contacts file leaves no date to process: the page says so, in Chinese
    await page.click('[data-testid="batch-run"]');
    await page.waitForSelector('[data-testid="job-batch"][data-status="succeeded"]', { timeout: 120_000 });
    expect(await page.locator('[data-testid="job-message-batch"]').innerText()).toContain('没有待处理的日期');
    // the data date picked, the batch runs that day again and its steps are logged
    await page.click('[data-testid="batch-date"]');
    await page.keyboard.type(AS_OF);
    await page.keyboard.press('Enter');
    await page.click('[data-testid="batch-run"]');
    await page.waitForSelector('[data-testid="job-message-batch"]:has-text("已处理业务日期")', { timeout: 120_000 });
    expect(await page.locator('[data-testid="job-message-batch"]').innerText()).toContain(AS_OF);
    await page.waitForSelector('[data-testid="batch-runs-table"] [data-testid="batch-step-aum"]');
    await shot(page, 'imports-batch-1440');
    await page.context().close();
  }, 240_000);

  for (const width of [1440, 1024, 768]) {
    it(`columns do not overlap at ${width}px`, async () => {
      const page = await loginPage(e, 'admin', { width, height: 900 });
      await page.goto(`${e.url}/admin/imports`);
      await page.waitForSelector(`${TABLE} [data-testid="import-row"]`);
      expect(await spilling(page)).toEqual([]);
      // the page itself does not scroll sideways; a wide table scrolls inside its card
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `imports-${width}`);
      await page.context().close();
    });
  }
});
