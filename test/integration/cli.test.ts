import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const guanhu = (args: string[], env: Record<string, string> = {}) =>
  run('node', ['bin/guanhu.mjs', ...args], { env: { ...process.env, ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// These tests start the CLI as a user would, on its own embedded database (vitest.config.ts runs
// this file in the PGlite project only).
describe('the guanhu command', () => {
  it('has --help on every command', async () => {
    for (const cmd of [[], ['db'], ['db', 'migrate'], ['seed'], ['generate'], ['serve'], ['start']]) {
      const r = await guanhu([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: guanhu');
    }
  });

  it('lists the nightly steps in the order they run, and refuses an unknown --only step', async () => {
    const r = await guanhu(['batch', 'steps']);
    expect(r.code).toBe(0);
    const names = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[1]);
    expect(names).toEqual(['aum', 'tiers', 'monthly', 'org-tier', 'stewardship']);
    expect(r.stdout).toMatch(/monthly .*\(after aum; month end only\)/);
    const bad = await guanhu(['batch', 'run', '--only', 'nope']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--only.*nope.*Allowed choices are aum, tiers, monthly, org-tier/s);
    const help = await guanhu(['tiers', 'export', '--help']);
    expect(help.stdout).toContain('--date');
  });

  it('says clearly when the PostgreSQL server is not there, without a stack trace', async () => {
    const r = await guanhu(['db', 'migrate'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^guanhu: cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad option value by name', async () => {
    const r = await guanhu(['seed', '--scale', 'XL']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--scale');
  });

  it('seeds an embedded database, refuses to seed it twice, and writes the bank as files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanhu-cli-'));
    const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(dir, 'data') };
    const first = await guanhu(['seed', '--scale', 'XS', '--seed', '3', '--as-of', '2026-11-20'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).customers).toBe(2000);
    const again = await guanhu(['seed', '--scale', 'XS', '--seed', '3', '--as-of', '2026-11-20'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^guanhu: .*(not empty|already)/m);

    const out = join(dir, 'files');
    const gen = await guanhu(['generate', '--scale', 'XS', '--days', '2', '--as-of', '2026-11-20', '--out', out]);
    expect(gen.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'org.csv',
        'staff.csv',
        'products.csv',
        'customers.csv',
        'relationships.csv',
        'holdings_20261119.csv',
        'holdings_20261120.csv',
      ]),
    );
    expect(readFileSync(join(out, 'holdings_20261120.csv'), 'utf8').split('\n')[0]).toMatch(
      /as_of_date.*customer_id.*account_id.*product_id.*balance/,
    );
  });
});
