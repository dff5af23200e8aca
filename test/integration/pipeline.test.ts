/**
 * The open nightly pipeline: a step that a module declares is ordered by its `after` list, runs
 * with the others and is recorded like them; `only` re-runs one step and its dependents on a
 * processed date without making the date pending; a failed partial run leaves the date to be
 * run whole.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightlySteps } from '../../src/modules.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { ensureDayPartition } from '../../src/platform/db/partitions.js';
import { query } from '../../src/platform/db/query.js';
import { defineStep, type BatchStepDefinition } from '../../src/platform/jobs/batch-step.js';
import { planPending } from '../../src/platform/jobs/plan-batch.js';
import { runBatch } from '../../src/platform/jobs/run-batch.js';
import { seedDatabase } from '../../src/synth/index.js';
import { freshDb, type TestDb } from '../support/db.js';

const SEEDED = '2026-11-27';
const DAY = '2026-11-28';
let t: TestDb;
let db: AppDb;
const seen: string[] = [];

/** a later capability's step: counts the day's premium customers into a table of its own */
const premiumCount = defineStep({
  name: 'premium-count',
  description: 'test: premium customers of the day',
  after: ['tiers'],
  run: async (c) => {
    seen.push(`${c.date}:${c.settings.version}`);
    await c.db.execute(sql`DELETE FROM test_premium_daily WHERE as_of_date = ${c.date}::date`);
    const [r] = await query<{ n: number }>(
      c.db,
      sql`INSERT INTO test_premium_daily SELECT ${c.date}::date, count(*)::int FROM customer_aum_daily
          WHERE as_of_date = ${c.date}::date AND tier = 'premium' RETURNING n`,
    );
    return { rows: 1, detail: { code: 'test.premium', params: { n: r!.n }, text: `${r!.n} premium` } };
  },
});
const monthEndOnly = defineStep({
  name: 'month-end-only',
  description: 'test: never on the 28th',
  after: ['aum'],
  when: (d) => d.endsWith('-30'),
  run: () => Promise.reject(new Error('must not run on the 28th')),
});
const steps: BatchStepDefinition[] = [monthEndOnly, ...nightlySteps, premiumCount];

beforeAll(async () => {
  t = await freshDb();
  db = t.handle.db;
  await seedDatabase(t.handle, { scale: 'XS', seed: 11, asOf: SEEDED });
  await db.execute(sql`CREATE TABLE test_premium_daily (as_of_date date PRIMARY KEY, n int NOT NULL)`);
  await ensureDayPartition(db, 'holdings', DAY);
  await db.execute(sql`
    INSERT INTO holdings (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)
    SELECT ${DAY}::date, customer_id, account_id, product_id, balance_fen, maturity_date
    FROM holdings WHERE as_of_date = ${SEEDED}::date`);
});
afterAll(() => t?.drop());

const runSteps = (runId: string) =>
  query<{ only_step: string | null; names: string[] }>(
    db,
    sql`SELECT only_step, ARRAY(SELECT s->>'name' FROM jsonb_array_elements(steps) s) AS names
        FROM batch_runs WHERE run_id = ${runId}`,
  );

describe('the nightly pipeline', () => {
  it('runs a module’s step after the one it names, skips a step whose `when` says no, records each', async () => {
    const [r] = await runBatch(db, steps, {});
    expect(r!.date).toBe(DAY);
    expect(r!.steps.map((s) => s.name)).toEqual(['aum', 'tiers', 'org-tier', 'stewardship', 'premium-count']);
    const mine = r!.steps.find((s) => s.name === 'premium-count')!;
    expect(mine.detailCode).toBe('test.premium');
    expect(mine.detail).toMatch(/^\d+ premium$/);
    const [stored] = await runSteps(r!.runId);
    expect(stored).toEqual({ only_step: null, names: ['aum', 'tiers', 'org-tier', 'stewardship', 'premium-count'] });
    const [row] = await query<{ n: number }>(db, sql`SELECT n FROM test_premium_daily WHERE as_of_date = ${DAY}`);
    expect(row!.n).toBe(Number(mine.detailParams!.n));
    expect(await planPending(db)).toEqual([]);
  });

  it('--only runs a step and its dependents on a processed date, and the date stays processed', async () => {
    seen.length = 0;
    const [r] = await runBatch(db, steps, { only: 'tiers', date: DAY });
    expect(r!.steps.map((s) => s.name)).toEqual(['tiers', 'org-tier', 'stewardship', 'premium-count']);
    expect(seen).toEqual([`${DAY}:1`]);
    expect((await runSteps(r!.runId))[0]!.only_step).toBe('tiers');
    // without a date: the current business date
    const [again] = await runBatch(db, steps, { only: 'premium-count' });
    expect(again!.date).toBe(DAY);
    expect(again!.steps.map((s) => s.name)).toEqual(['premium-count']);
    expect(await planPending(db)).toEqual([]);
  });

  it('refuses --only on a date that was never processed, and an unknown step', async () => {
    await expect(runBatch(db, steps, { only: 'tiers', date: '2026-11-29' })).rejects.toThrow(
      /--only needs a processed date/,
    );
    await expect(runBatch(db, steps, { only: 'nope' })).rejects.toThrow(/no batch step "nope"/);
  });

  it('a failed partial run leaves the date to be run whole by the next plain run', async () => {
    await expect(runBatch(db, steps, { only: 'tiers', failAfter: 'tiers' })).rejects.toThrow(/injected failure/);
    expect(await planPending(db)).toEqual([DAY]);
    const [r] = await runBatch(db, steps, {});
    expect(r!.steps.map((s) => s.name)).toEqual(['aum', 'tiers', 'org-tier', 'stewardship', 'premium-count']);
    expect(await planPending(db)).toEqual([]);
  });
  it('a step that fails in SQL reports its cause in one line, not the statement', async () => {
    const overflow = defineStep({
      name: 'overflow',
      description: 'test: sums past bigint',
      after: ['tiers'],
      run: async (c) => {
        await c.db.execute(sql`SELECT (sum(x) * 9223372036854775807)::bigint FROM (VALUES (2), (3)) v(x)`);
        return { rows: 0 };
      },
    });
    const err = await runBatch(db, [...steps, overflow], { only: 'overflow' }).catch((e: Error) => e);
    expect((err as Error).message).toBe(`step overflow of ${DAY} failed: bigint out of range`);
    const [last] = await query<{ message: string }>(
      db,
      sql`SELECT message FROM batch_runs ORDER BY started_at DESC, run_id DESC LIMIT 1`,
    );
    expect(last!.message).toBe(`step overflow of ${DAY} failed: bigint out of range`);
  });
});
