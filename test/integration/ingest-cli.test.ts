import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const guanhu = (args: string[], env: Record<string, string>) =>
  run('node', ['bin/guanhu.mjs', ...args], { env: { ...process.env, ...env }, timeout: 180_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// Starts the CLI as a user would, on its own embedded database: runs once (not again on PostgreSQL).
// Runs in the PGlite project only (vitest.config.ts): the command uses its own embedded database.
describe('guanhu import (command line)', () => {
  it('loads a folder, prints one line per file, exits 0; exits 1 with the reason when a file fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanhu-import-cli-'));
    const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(dir, 'data') };
    const seed = await guanhu(['seed', '--scale', 'XS', '--as-of', '2026-11-20'], env);
    expect(seed.code).toBe(0);

    const ok = await guanhu(['import', 'test/fixtures/ingest/clean', '--report-dir', join(dir, 'r1')], env);
    expect(ok.code).toBe(0);
    const lines = ok.stdout.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(`org.csv: read 2, loaded 2, rejected 0 (report: ${join(dir, 'r1', 'org.csv.report.json')})`);
    expect(lines[5]).toMatch(/^holdings_20261120\.csv: read 4, loaded 4, rejected 0 \(report: .*\)$/);
    expect(ok.stderr).toContain('notes.txt: not a contract file name, skipped');

    const bad = await guanhu(
      ['import', 'test/fixtures/ingest/missing-column/holdings_20261116.csv', '--report-dir', join(dir, 'r2')],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim()).toBe('holdings_20261116.csv: failed: missing required column `balance`');
  });

  it("runs the README's day in the life on a fresh database: generate, import, batch, export", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanhu-day-cli-'));
    const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(dir, 'data') };
    const files = join(dir, 'files');
    const gen = await guanhu(
      ['generate', '--scale', 'XS', '--days', '2', '--as-of', '2026-11-22', '--out', files],
      env,
    );
    expect(gen.code).toBe(0);
    const imp = await guanhu(['import', files, '--report-dir', join(dir, 'r')], env);
    expect(imp.code, imp.stderr).toBe(0);
    // the bank's first day of data is the 21st: nothing before it to carry 积数 from
    const run = await guanhu(['batch', 'run'], env);
    expect(run.code, run.stderr).toBe(0);
    const exported = async (date: string) => {
      const r = await guanhu(['tiers', 'export', '--date', date], env);
      expect(r.code, r.stderr).toBe(0);
      const [header, ...rows] = r.stdout.trim().split('\n');
      expect(header).toBe('customer_id,tier,band,month_avg_aum,daily_aum');
      const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
      return new Map(rows.map((l) => l.split(',')).map((f) => [f[0]!, { avg: fen(f[3]!), daily: fen(f[4]!) }]));
    };
    const first = await exported('2026-11-21');
    const second = await exported('2026-11-22');
    expect(first.size).toBeGreaterThan(100);
    // the first day's month so far is taken at its own balance; the next day carries it on
    for (const [id, d] of first) {
      expect(d.avg, id).toBe(d.daily);
      const next = second.get(id)!;
      expect(next.avg, id).toBe((d.daily * 21n + next.daily) / 22n);
    }
  });
});
