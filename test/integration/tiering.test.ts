/**
 * The nightly batch on a seeded XS bank over three months of constructed days (2026-09-02 …
 * 2026-11-30, then December): the SQL steps agree with domain/tiering.ts evaluateTier for every
 * customer every day; re-runs, killed runs, a missing previous day and a settings change.
 * Each day's holdings are the seeded day's, scaled per customer group so customers cross
 * floors, sit below them for three month ends, or are missing from a day's file.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { settingsToJson, type Settings } from '../../src/domain/settings.js';
import type { Tier } from '../../src/domain/enums.js';
import { evaluateTier, type TierChange } from '../../src/domain/tiering.js';
import { runBatch, type RunBatchOptions } from '../../src/platform/jobs/run-batch.js';
import { nightlySteps } from '../../src/modules.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { ensureDayPartition } from '../../src/platform/db/partitions.js';
import { query } from '../../src/platform/db/query.js';
import { loadSettings, saveSettings } from '../../src/platform/settings-store.js';
import { seedDatabase } from '../../src/synth/index.js';
import { freshDb, type TestDb } from '../support/db.js';

const SEEDED = '2026-09-01';
let t: TestDb;
let db: AppDb;
/**
 * the batch as the CLI runs it: on PostgreSQL several sessions build a day (3 here: uneven ranges).
 * Tiering's steps only: this file runs 91 nights, and the stewardship step after them has its own
 * tests (stewardship-state.test.ts; pipeline.test.ts runs the whole night).
 */
const tieringSteps = nightlySteps.filter((s) => s.name !== 'stewardship');
const batch = (o: RunBatchOptions = {}) =>
  runBatch(db, tieringSteps, { workers: t.handle.kind === 'postgres' ? 3 : 1, ...o });

/** balance multiplier (numerator/denominator) for a customer group (last digit of the id) on a date */
function factor(group: number, date: string): [number, number] | null {
  const dayIndex = (Date.parse(date) - Date.parse(SEEDED)) / 86_400_000;
  if (group <= 1) return [1, 5]; // falls far below its floor: downgrade after three month ends
  if (group === 2) return date >= '2026-10-15' ? [3, 1] : [1, 1]; // upgrade mid-October
  if (group === 3) return date.startsWith('2026-10') ? [1, 5] : [1, 1]; // one bad month: no downgrade
  if (group === 4) return [30 + dayIndex, 30]; // growing: upgrades on various days
  if (group === 5) return dayIndex % 7 === 0 ? null : [1, 1]; // missing from every 7th day's file
  if (group === 6) return [9, 10];
  return [1, 1];
}

async function makeHoldingsDay(date: string): Promise<void> {
  await ensureDayPartition(db, 'holdings', date);
  const arms = Array.from({ length: 10 }, (_, g) => {
    const f = factor(g, date);
    return f ? sql`WHEN ${String(g)} THEN balance_fen * ${f[0]} / ${f[1]}` : sql`WHEN ${String(g)} THEN NULL`;
  });
  await db.execute(sql`
    INSERT INTO holdings (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)
    SELECT * FROM (
      SELECT ${date}::date AS d, customer_id, account_id, product_id,
             (CASE right(customer_id, 1) ${sql.join(arms, sql` `)} END)::bigint AS b, maturity_date
      FROM holdings WHERE as_of_date = ${SEEDED}::date) x
    WHERE b IS NOT NULL`);
}

/** What the test expects, kept in TypeScript alongside the database. */
const model = {
  tier: new Map<string, Tier>(), // latest tier_history row (absent: never above mass)
  accum: new Map<string, bigint>(),
  months: new Map<string, Map<string, bigint>>(), // customer → month start → month average
};
const stats = { days: 0, initial: 0, upgrade: 0, downgrade: 0, missing: 0, bands: 0 };

async function loadModel(): Promise<void> {
  for (const r of await query<{ customer_id: string; to_tier: Tier }>(
    db,
    sql`SELECT DISTINCT ON (customer_id) customer_id, to_tier::text FROM tier_history
        WHERE changed_on <= ${SEEDED}::date ORDER BY customer_id, changed_on DESC, id DESC`,
  ))
    model.tier.set(r.customer_id, r.to_tier);
  for (const r of await query<{ customer_id: string; month: string; avg: string }>(
    db,
    sql`SELECT customer_id, month::text, avg_aum_fen::text AS avg FROM customer_aum_monthly`,
  )) {
    if (!model.months.has(r.customer_id)) model.months.set(r.customer_id, new Map());
    model.months.get(r.customer_id)!.set(r.month, BigInt(r.avg));
  }
  for (const r of await query<{ customer_id: string; accum: string }>(
    db,
    sql`SELECT customer_id, accum_fen::text AS accum FROM customer_aum_daily WHERE as_of_date = ${SEEDED}::date`,
  ))
    model.accum.set(r.customer_id, BigInt(r.accum));
}

const monthBefore = (monthStart: string, k: number) => {
  const d = new Date(`${monthStart}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - k);
  return d.toISOString().slice(0, 10);
};

/** Checks D's rows, history and customers against evaluateTier; returns a list of mismatches. */
async function checkDay(date: string, tiers: Settings['tiers'], latest = true): Promise<string[]> {
  const bad: string[] = [];
  const days = Number(date.slice(8));
  const monthStart = `${date.slice(0, 8)}01`;
  const monthEnd = addDays(date, 1).endsWith('-01');
  const rows = await query<{
    customer_id: string;
    aum: string;
    accum: string;
    days: number;
    avg: string;
    tier: Tier;
    band: Tier | null;
    held: string | null;
    c_tier: Tier;
    c_band: Tier | null;
  }>(
    db,
    sql`SELECT d.customer_id, d.aum_fen::text AS aum, d.accum_fen::text AS accum, d.days, d.avg_fen::text AS avg,
               d.tier::text, d.band::text, h.s::text AS held, c.tier::text AS c_tier, c.band::text AS c_band
        FROM customer_aum_daily d JOIN customers c USING (customer_id)
        LEFT JOIN (SELECT customer_id, sum(balance_fen) AS s FROM holdings WHERE as_of_date = ${date}::date GROUP BY 1) h USING (customer_id)
        WHERE d.as_of_date = ${date}::date`,
  );
  const history = new Map(
    (
      await query<{ customer_id: string; from_tier: Tier | null; to_tier: Tier; reason: string }>(
        db,
        sql`SELECT customer_id, from_tier::text, to_tier::text, reason FROM tier_history WHERE changed_on = ${date}::date`,
      )
    ).map((r) => [r.customer_id, r]),
  );
  const customers = Number((await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM customers`))[0]!.n);
  if (rows.length !== customers) bad.push(`${date}: ${rows.length} day rows for ${customers} customers`);
  for (const r of rows) {
    const id = r.customer_id;
    const aum = BigInt(r.held ?? '0');
    if (r.held === null) stats.missing++;
    const accum = (days === 1 ? 0n : (model.accum.get(id) ?? 0n)) + aum;
    model.accum.set(id, accum);
    const avg = accum / BigInt(days);
    if (BigInt(r.aum) !== aum || BigInt(r.accum) !== accum || r.days !== days || BigInt(r.avg) !== avg)
      bad.push(`${date} ${id}: aum/accum/avg ${r.aum}/${r.accum}/${r.avg}, expected ${aum}/${accum}/${avg}`);
    const months = model.months.get(id);
    const earlier = Array.from({ length: tiers.downgradeMonths - 1 }, (_, k) =>
      months?.get(monthBefore(monthStart, k + 1)),
    );
    const previousMonthAvgsFen: bigint[] = [];
    for (const m of earlier) {
      if (m === undefined) break;
      previousMonthAvgsFen.push(m);
    }
    const previous = model.tier.get(id) ?? null;
    const want = evaluateTier({ previous, avgFen: avg, isMonthEnd: monthEnd, previousMonthAvgsFen }, tiers);
    if (r.tier !== want.tier || r.band !== want.band)
      bad.push(`${date} ${id}: ${r.tier}/${r.band}, evaluateTier says ${want.tier}/${want.band} (from ${previous})`);
    if (latest && (r.c_tier !== r.tier || r.c_band !== r.band)) bad.push(`${date} ${id}: customers row not updated`);
    const h = history.get(id);
    const got: TierChange | null = (h?.reason as TierChange | undefined) ?? null;
    if (got !== want.change || (h && (h.from_tier !== previous || h.to_tier !== want.tier)))
      bad.push(`${date} ${id}: history ${JSON.stringify(h)}, expected ${want.change}`);
    if (want.change) {
      stats[want.change]++;
      model.tier.set(id, want.tier);
    }
    if (want.band) stats.bands++;
    if (monthEnd) {
      if (!model.months.has(id)) model.months.set(id, new Map());
      model.months.get(id)!.set(monthStart, avg);
    }
  }
  stats.days++;
  return bad;
}

/** Saves the settings in force with `change` to their tiers, as the admin user. */
async function saveTiers(change: Partial<Settings['tiers']>, reason: string) {
  const current = await loadSettings(db);
  const [admin] = await query<{ user_id: number; staff_id: string }>(
    db,
    sql`SELECT user_id, staff_id FROM users WHERE username = 'admin'`,
  );
  const value = { ...current.value, tiers: { ...current.value.tiers, ...change } };
  return saveSettings(db, settingsToJson(value), { userId: admin!.user_id, staffId: admin!.staff_id }, reason);
}

/** A digest of everything the batch writes, to compare runs. */
async function digest(): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    daily: `SELECT as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band, home_org_id, prev_tier, prev_band
            FROM customer_aum_daily`,
    customers: `SELECT customer_id, tier, band, tier_since FROM customers`,
    history: `SELECT customer_id, changed_on, from_tier, to_tier, reason FROM tier_history`,
    monthly: `SELECT customer_id, month, avg_aum_fen, end_aum_fen FROM customer_aum_monthly`,
    org: `SELECT * FROM org_tier_daily`,
    state: `SELECT key, value FROM system_state`,
  };
  const out: Record<string, string> = {};
  for (const [k, q] of Object.entries(tables)) {
    const [r] = await query<{ h: string; n: number }>(
      db,
      sql.raw(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h, count(*)::int AS n FROM (${q}) x`),
    );
    out[k] = `${r!.n}:${r!.h}`;
  }
  return out;
}

beforeAll(async () => {
  t = await freshDb();
  db = t.handle.db;
  await seedDatabase(t.handle, { scale: 'XS', seed: 1, asOf: SEEDED });
  await loadModel();
});
afterAll(async () => t?.drop());

describe('nightly batch over three months', () => {
  it('agrees with evaluateTier for every customer on every day', async () => {
    const tiers = (await loadSettings(db)).value.tiers;
    const bad: string[] = [];
    for (let d = addDays(SEEDED, 1); d <= '2026-11-30'; d = addDays(d, 1)) {
      await makeHoldingsDay(d);
      const [r] = await batch({ date: d });
      expect(r!.steps.map((s) => s.name)).toEqual(
        addDays(d, 1).endsWith('-01') ? ['aum', 'tiers', 'monthly', 'org-tier'] : ['aum', 'tiers', 'org-tier'],
      );
      bad.push(...(await checkDay(d, tiers)));
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(stats.days).toBe(90);
    // the constructed days exercise every rule
    expect(stats.upgrade).toBeGreaterThan(20);
    expect(stats.initial).toBeGreaterThan(0);
    expect(stats.downgrade).toBeGreaterThan(20);
    expect(stats.missing).toBeGreaterThan(100);
    expect(stats.bands).toBeGreaterThan(100);
    const downs = await query<{ d: string; n: number }>(
      db,
      sql`SELECT changed_on::text AS d, count(*)::int AS n FROM tier_history WHERE reason = 'downgrade' AND changed_on > ${SEEDED}::date GROUP BY 1 ORDER BY 1`,
    );
    // downgrades happen only on month ends; the falling groups' come at the third month end
    expect(downs.every((x) => ['2026-09-30', '2026-10-31', '2026-11-30'].includes(x.d))).toBe(true);
    expect(downs.find((x) => x.d === '2026-11-30')!.n).toBeGreaterThan(20);
  }, 600_000);

  it('gives a customer missing from the day’s holdings AUM 0 that day', async () => {
    const rows = await query<{ aum: string; accum: string; prev: string }>(
      db,
      sql`SELECT d.aum_fen::text AS aum, d.accum_fen::text AS accum, p.accum_fen::text AS prev
          FROM customer_aum_daily d JOIN customer_aum_daily p ON p.customer_id = d.customer_id AND p.as_of_date = '2026-11-09'
          WHERE d.as_of_date = '2026-11-10' AND right(d.customer_id, 1) = '5'
            AND NOT EXISTS (SELECT 1 FROM holdings h WHERE h.as_of_date = '2026-11-10' AND h.customer_id = d.customer_id)`,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.aum).toBe('0');
      expect(r.accum).toBe(r.prev);
    }
  });

  it('writes per-outlet tier counts that add up', async () => {
    const [o] = await query<{ customers: number; up: number; down: number; near: number }>(
      db,
      sql`SELECT sum(customers)::int AS customers, sum(upgrades)::int AS up, sum(downgrades)::int AS down, sum(near_threshold)::int AS near
          FROM org_tier_daily WHERE as_of_date = '2026-11-30'`,
    );
    const [h] = await query<{ up: number; down: number; near: number; n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM customers)::int AS n,
                 (SELECT count(*) FROM tier_history WHERE changed_on = '2026-11-30' AND reason = 'upgrade')::int AS up,
                 (SELECT count(*) FROM tier_history WHERE changed_on = '2026-11-30' AND reason = 'downgrade')::int AS down,
                 (SELECT count(*) FROM customer_aum_daily WHERE as_of_date = '2026-11-30' AND band IS NOT NULL)::int AS near`,
    );
    expect(o).toEqual({ customers: h!.n, up: h!.up, down: h!.down, near: h!.near });
    const [seeded] = await query<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM org_tier_daily WHERE as_of_date = ${SEEDED}::date`,
    );
    expect(seeded!.n).toBeGreaterThan(0);
  });

  it('re-running a date (and so every later one) gives identical results', async () => {
    const before = await digest();
    const runs = await batch({ date: '2026-11-29' });
    expect(runs.map((r) => r.runId)).toEqual(['batch-2026-11-29-2', 'batch-2026-11-30-2']);
    expect(await digest()).toEqual(before);
  });

  it('a run killed part-way is repaired by running again', async () => {
    const before = await digest();
    await expect(batch({ date: '2026-11-30', failAfter: 'tiers' })).rejects.toThrow(/injected failure/);
    const [failed] = await query<{ status: string; steps: unknown }>(
      db,
      sql`SELECT status::text, steps FROM batch_runs WHERE run_id = 'batch-2026-11-30-3'`,
    );
    expect(failed!.status).toBe('failed');
    // without --date the failed date is pending again
    const again = await batch();
    expect(again.map((r) => r.date)).toEqual(['2026-11-30']);
    expect(await digest()).toEqual(before);
    await expect(batch({ date: '2026-11-28', failAfter: 'aum' })).rejects.toThrow(/injected failure/);
    expect((await batch()).map((r) => r.date)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(await digest()).toEqual(before);
  });

  it('clears the staging tables a killed AUM step left behind', async () => {
    const before = await digest();
    // as if a run of 11-30 had been killed while its sessions were filling their parts
    await db.execute(sql.raw(`CREATE TABLE customer_aum_daily_s20261130 (LIKE customer_aum_daily)`));
    await db.execute(sql.raw(`CREATE TABLE customer_aum_daily_s20261130_2 (LIKE customer_aum_daily)`));
    await db.execute(sql.raw(`INSERT INTO customer_aum_daily_s20261130_2 SELECT * FROM customer_aum_daily LIMIT 5`));
    expect((await batch({ date: '2026-11-30' })).map((r) => r.date)).toEqual(['2026-11-30']);
    const [left] = await query<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'customer_aum_daily_s%'`,
    );
    expect(left!.n).toBe(0);
    expect(await digest()).toEqual(before);
  });

  it('fails clearly when the previous day is missing', async () => {
    await makeHoldingsDay('2026-12-02');
    await expect(batch({ date: '2026-12-02' })).rejects.toThrow(/previous day 2026-12-01 has no customer_aum_daily/);
  });

  it('a settings change takes effect from the next batch', async () => {
    const current = await loadSettings(db);
    const saved = await saveTiers(
      { floorsFen: { ...current.value.tiers.floorsFen, premium: 4_000_000n }, bandLowPct: 90 },
      'test: premium from 40,000',
    );
    await makeHoldingsDay('2026-12-01');
    // pending: 12-01 (never run) and 12-02 (failed before), in order
    const runs = await batch();
    expect(runs.map((r) => [r.date, r.settingsVersion])).toEqual([
      ['2026-12-01', saved.version],
      ['2026-12-02', saved.version],
    ]);
    const recorded = await query<{ v: number }>(
      db,
      sql`SELECT DISTINCT settings_version AS v FROM batch_runs WHERE business_date = '2026-11-30'`,
    );
    expect(recorded.map((r) => r.v)).toEqual([current.version]);
    const bad = [
      ...(await checkDay('2026-12-01', saved.value.tiers, false)),
      ...(await checkDay('2026-12-02', saved.value.tiers)),
    ];
    expect(bad.slice(0, 10)).toEqual([]);
    const [moved] = await query<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM tier_history WHERE changed_on = '2026-12-01' AND to_tier = 'premium'`,
    );
    expect(moved!.n).toBeGreaterThan(0);
    // nothing is left to do
    expect(await batch()).toEqual([]);
  });

  it('re-running earlier dates under other settings leaves every customer at the latest day’s tier', async () => {
    // 12-01 and 12-02 ran with premium from 40,000; back to the defaults and run them again: the
    // customers that premium floor lifted fall back although their tier did not move on 12-02
    const current = await loadSettings(db);
    const lifted = await query<{ customer_id: string }>(
      db,
      sql`SELECT h.customer_id FROM tier_history h
          WHERE h.changed_on = '2026-12-01' AND h.to_tier = 'premium' AND h.from_tier IS DISTINCT FROM 'premium'
            AND (SELECT max(avg_fen) FROM customer_aum_daily d
                 WHERE d.customer_id = h.customer_id AND d.as_of_date IN ('2026-12-01', '2026-12-02')) < 5000000`,
    );
    await saveTiers(
      { floorsFen: { ...current.value.tiers.floorsFen, premium: 5_000_000n }, bandLowPct: 80 },
      'test: back to the defaults',
    );
    const runs = await batch({ date: '2026-12-01' });
    expect(runs.map((r) => r.steps.find((x) => x.name === 'tiers')!.detail)).toEqual([
      expect.stringContaining('every customer compared'),
      expect.stringContaining('moved rows'),
    ]);
    const [stale] = await query<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM customers c JOIN customer_aum_daily d
            ON d.customer_id = c.customer_id AND d.as_of_date = '2026-12-02'
          WHERE c.tier IS DISTINCT FROM d.tier OR c.band IS DISTINCT FROM d.band`,
    );
    expect(stale!.n).toBe(0);
    const back = await query<{ tier: string }>(
      db,
      sql`SELECT tier::text FROM customers WHERE customer_id IN (${sql.join(
        lifted.map((r) => sql`${r.customer_id}`),
        sql`, `,
      )})`,
    );
    expect(lifted.length).toBeGreaterThan(0);
    expect(back.every((r) => r.tier === 'mass')).toBe(true);
  });

  it('refuses a date whose previous day’s last run did not finish', async () => {
    await expect(batch({ date: '2026-12-02', failAfter: 'aum' })).rejects.toThrow(/injected failure/);
    await makeHoldingsDay('2026-12-03');
    await expect(batch({ date: '2026-12-03' })).rejects.toThrow(
      /previous day 2026-12-02 did not finish \(failed\); run `guanhu batch run`/,
    );
    // the plain run finishes the failed day first, then the new one
    expect((await batch()).map((r) => r.date)).toEqual(['2026-12-02', '2026-12-03']);
  });
});
