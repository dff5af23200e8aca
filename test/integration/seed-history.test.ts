/**
 * The demo bank's history is what the nightly batch would have written (src/synth/day-history.ts):
 *  - a freshly seeded bank has a year of daily trend and 13 closed months that obey the tier
 *    rules (test/support/history-rules.ts);
 *  - the last days, run again by the real batch steps on the same days' holdings as the file
 *    generator writes them and the real importer loads them, give back the seeded rows exactly:
 *    the day rows, tier_history, customer_aum_monthly (a month end is in the window),
 *    org_tier_daily and the customers' tiers.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../src/features/ingest/import-path.js';
import { nightlySteps } from '../../src/modules.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { dayPartitions } from '../../src/platform/db/partitions.js';
import { query } from '../../src/platform/db/query.js';
import { currentAumDate } from '../../src/platform/db/state.js';
import { runBatch } from '../../src/platform/jobs/run-batch.js';
import { loadSettings } from '../../src/platform/settings-store.js';
import { generateFiles, seedDatabase } from '../../src/synth/index.js';
import { historyFacts } from '../support/history-rules.js';
import { freshDb, type TestDb } from '../support/db.js';

const AS_OF = '2026-12-02';
const SEED = 2;
// run again: across the November month end (month close, downgrades) and the 1st (积数 restarts)
const RERUN = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'];

let t: TestDb;
let db: AppDb;
let dir: string;

/** what the batch writes, as the seed left it, in tables of their own */
const TABLES = {
  daily: `SELECT as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band, home_org_id, prev_tier, prev_band
          FROM customer_aum_daily`,
  history: `SELECT customer_id, changed_on, from_tier, to_tier, reason FROM tier_history`,
  monthly: `SELECT customer_id, month, avg_aum_fen, end_aum_fen FROM customer_aum_monthly`,
  org: `SELECT as_of_date, org_id, tier, customers, aum_fen, near_threshold, upgrades, downgrades FROM org_tier_daily`,
  customers: `SELECT customer_id, tier, band, tier_since FROM customers`,
};

/** rows in one and not the other, both ways (a few of each, to read on failure) */
async function differences(name: keyof typeof TABLES): Promise<{ n: number; sample: string[] }> {
  const q = TABLES[name];
  const rows = await query<{ side: string; r: string }>(
    db,
    sql.raw(`SELECT 'seeded only' AS side, x::text AS r FROM (SELECT * FROM seeded_${name} EXCEPT ALL ${q}) x
             UNION ALL SELECT 'batch only', y::text FROM (${q} EXCEPT ALL SELECT * FROM seeded_${name}) y`),
  );
  return { n: rows.length, sample: rows.slice(0, 6).map((r) => `${r.side}: ${r.r}`) };
}

beforeAll(async () => {
  t = await freshDb();
  db = t.handle.db;
  // customer day rows for the re-run days and the day before them
  await seedDatabase(t.handle, { scale: 'XS', seed: SEED, asOf: AS_OF, keepDays: RERUN.length + 1 });
}, 180_000);
afterAll(async () => {
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a freshly seeded bank', () => {
  it('has a daily trend from 13 months back and 13 closed months, obeying the tier rules', async () => {
    const facts = await historyFacts(db, AS_OF, (await loadSettings(db)).value.tiers);
    expect(facts.firstDay).toBe('2025-11-01');
    expect(facts.lastDay).toBe(AS_OF);
    expect(facts.trendDays).toBe(397);
    expect(facts.closedMonths).toBe(13);
    expect(facts.problems).toEqual(Object.fromEntries(Object.keys(facts.problems).map((k) => [k, 0])));
    const [h] = await query<{ initial: number; upgrade: number; downgrade: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE reason = 'initial')::int AS initial,
                 count(*) FILTER (WHERE reason = 'upgrade')::int AS upgrade,
                 count(*) FILTER (WHERE reason = 'downgrade')::int AS downgrade FROM tier_history`,
    );
    expect(h!.upgrade).toBeGreaterThan(20);
    expect(h!.downgrade).toBeGreaterThan(20);
    expect(await dayPartitions(db, 'customer_aum_daily')).toEqual(['2026-11-27', ...RERUN]);
    expect(await currentAumDate(db)).toBe(AS_OF);
  });
});

describe('the last days run again by the real batch', () => {
  it('give back exactly the seeded rows', async () => {
    for (const name of Object.keys(TABLES) as (keyof typeof TABLES)[])
      await db.execute(sql.raw(`CREATE TABLE seeded_${name} AS ${TABLES[name]}`));

    dir = mkdtempSync(join(tmpdir(), 'guanhu-seed-history-'));
    await generateFiles({ scale: 'XS', seed: SEED, asOf: AS_OF, days: RERUN.length, outDir: dir });
    const holdings = readdirSync(dir)
      .filter((f) => f.startsWith('holdings_'))
      .sort();
    expect(holdings).toEqual(RERUN.map((d) => `holdings_${d.replaceAll('-', '')}.csv`));
    for (const f of holdings) {
      const r = await importPath(t.handle, join(dir, f), { reportDir: join(dir, 'reports') });
      expect(r.files.map((x) => [x.status, x.rejected])).toEqual([['loaded', 0]]);
    }
    const runs = await runBatch(db, nightlySteps, { workers: t.handle.kind === 'postgres' ? 3 : 1 });
    expect(runs.map((r) => r.date)).toEqual(RERUN);
    expect(runs.find((r) => r.date === '2026-11-30')!.steps.map((s) => s.name)).toContain('monthly');

    const bad: Record<string, { n: number; sample: string[] }> = {};
    for (const name of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const d = await differences(name);
      if (d.n) bad[name] = d;
    }
    expect(bad).toEqual({});

    // the window exercised the rules: changes of every kind, and November closed again
    const moved = await query<{ reason: string; n: number }>(
      db,
      sql`SELECT reason, count(*)::int AS n FROM tier_history WHERE changed_on >= ${RERUN[0]}::date GROUP BY 1 ORDER BY 1`,
    );
    expect(moved.map((m) => m.reason)).toEqual(['downgrade', 'initial', 'upgrade']);
    const [bands] = await query<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM customer_aum_daily WHERE as_of_date >= ${RERUN[0]}::date
          AND band IS DISTINCT FROM prev_band`,
    );
    expect(bands!.n).toBeGreaterThan(0);
  });
});
