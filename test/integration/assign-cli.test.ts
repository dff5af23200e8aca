/**
 * `guanhu assign plan|export|apply` as an operator runs them, on the command's own embedded
 * database (PGlite only, vitest.config.ts). The output shapes are read by tools outside the repo.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { query } from '../../src/platform/db/query.js';
import { ensureDefaultSettings } from '../../src/platform/settings-store.js';
import { seedDatabase } from '../../src/synth/index.js';

const run = promisify(execFile);
const guanhu = (args: string[], env: Record<string, string>) =>
  run('node', ['bin/guanhu.mjs', ...args], { env: { ...process.env, ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('guanhu assign', () => {
  it(
    'plans (JSON), exports (CSV) and applies a batch once; a second apply changes nothing',
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'guanhu-assign-cli-'));
      const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(dir, 'data') };
      const help = await guanhu(['assign', 'apply', '--help'], env);
      const text = help.stdout.replace(/\s+/g, ' ');
      expect(text).toMatch(/approved by the CLI operator/);
      expect(text).toMatch(/rejected and stale ones never apply/);
      expect((await guanhu(['assign', 'plan', '--help'], env)).stdout).toMatch(/--from-staff/);

      // seeded in-process (one open of the data directory instead of a CLI start per step)
      const h = await openDatabase({ dataDir: env.GUANHU_DATA_DIR });
      try {
        await migrateDatabase(h);
        await ensureDefaultSettings(h.db);
        // the seed runs the nightly stewardship step on its data date
        await seedDatabase(h, { scale: 'XS', seed: 7, asOf: '2026-11-20' });
      } finally {
        await h.close();
      }

      const planned = await guanhu(['assign', 'plan', '--org', 'OT0001', '--date', '2026-11-20'], env);
      expect(planned.code).toBe(0);
      const plan = JSON.parse(planned.stdout) as {
        batchId: string;
        proposals: { customerId: string; fromStaffId: string | null; toStaffId: string; reason: string }[];
        unassigned: { customerId: string; reason: string }[];
        objective: { covered: number };
      };
      expect(plan.batchId).toMatch(/^ab-20261120-/);
      expect(plan.proposals.length).toBeGreaterThan(0);
      expect(plan.objective.covered).toBe(plan.proposals.length);
      for (const u of plan.unassigned) expect(typeof u.reason).toBe('string');

      const exported = await guanhu(['assign', 'export', '--batch', plan.batchId], env);
      expect(exported.code).toBe(0);
      const lines = exported.stdout.trim().split('\n');
      expect(lines[0]).toBe('customer_id,from_staff_id,to_staff_id,reason');
      expect(lines).toHaveLength(plan.proposals.length + 1);
      const first = [...plan.proposals].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))[0]!;
      expect(lines[1]).toBe([first.customerId, first.fromStaffId ?? '', first.toStaffId, first.reason].join(','));

      const applied = await guanhu(['assign', 'apply', '--batch', plan.batchId], env);
      expect(applied.code).toBe(0);
      expect(JSON.parse(applied.stdout)).toEqual({
        batchId: plan.batchId,
        status: 'applied',
        approved: plan.proposals.length,
        applied: plan.proposals.length,
      });
      const again = await guanhu(['assign', 'apply', '--batch', plan.batchId], env);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ approved: 0, applied: 0, status: 'applied' });
      const missing = await guanhu(['assign', 'apply', '--batch', 'nope'], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/batch nope not found/);

      const db = await openDatabase({ dataDir: env.GUANHU_DATA_DIR });
      try {
        const [decided] = await query<{ n: number; by: string }>(
          db.db,
          sql`SELECT count(*)::int AS n, min(after->>'by') AS by FROM audit_log WHERE action = 'assignment_decided'`,
        );
        expect(decided).toMatchObject({ n: 1, by: expect.stringMatching(/^cli:/) });
        const [moved] = await query<{ n: number }>(
          db.db,
          sql`SELECT count(*)::int AS n FROM relationships WHERE started_on = '2026-11-20' AND ended_on IS NULL
            AND staff_id = ${first.toStaffId} AND customer_id = ${first.customerId}`,
        );
        expect(moved!.n).toBe(1);
      } finally {
        await db.close();
      }
    },
  );
});
