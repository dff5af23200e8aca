/**
 * `tiers export`: one CSV row per customer of a processed date, sorted, with the day's tier and
 * band and the amounts in yuan; unknown or unfinished dates are refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/domain/money.js';
import { EXPORT_HEADER, exportTiers } from '../../src/features/tiering/export-tiers.js';
import { runBatch } from '../../src/platform/jobs/run-batch.js';
import { nightlySteps } from '../../src/modules.js';
import { ensureDayPartition } from '../../src/platform/db/partitions.js';
import { query } from '../../src/platform/db/query.js';
import { seedDatabase } from '../../src/synth/index.js';
import { freshDb, type TestDb } from '../support/db.js';

let t: TestDb;

async function exported(date: string): Promise<string[]> {
  let text = '';
  await exportTiers(t.handle, date, async (chunk) => {
    text += chunk;
  });
  return text.trimEnd().split('\n');
}

beforeAll(async () => {
  t = await freshDb();
  await seedDatabase(t.handle, { scale: 'XS', seed: 1, asOf: '2026-11-20' });
  for (const d of ['2026-11-21', '2026-11-22']) {
    await ensureDayPartition(t.handle.db, 'holdings', d);
    await t.handle.db.execute(sql`
      INSERT INTO holdings (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)
      SELECT ${d}::date, customer_id, account_id, product_id, balance_fen * 2, maturity_date
      FROM holdings WHERE as_of_date = '2026-11-20'`);
  }
  await runBatch(t.handle.db, nightlySteps, { date: '2026-11-21' });
});
afterAll(async () => t?.drop());

describe('tiers export', () => {
  it('writes every customer of the date, sorted, with the tier as of that date', async () => {
    const lines = await exported('2026-11-21');
    expect(lines[0]).toBe(EXPORT_HEADER);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(2_000);
    const ids = rows.map((r) => r[0]!);
    expect([...ids].sort()).toEqual(ids);
    const want = await query<{ id: string; tier: string; band: string | null; avg: string; aum: string }>(
      t.handle.db,
      sql`SELECT d.customer_id AS id, coalesce(h.to_tier::text, 'mass') AS tier, d.band::text AS band,
                 d.avg_fen::text AS avg, d.aum_fen::text AS aum
          FROM customer_aum_daily d
          LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, to_tier FROM tier_history
                     WHERE changed_on <= '2026-11-21' ORDER BY customer_id, changed_on DESC, id DESC) h USING (customer_id)
          WHERE d.as_of_date = '2026-11-21' ORDER BY 1`,
    );
    expect(rows).toEqual(
      want.map((w) => [w.id, w.tier, w.band ?? '', formatYuan(BigInt(w.avg)), formatYuan(BigInt(w.aum))]),
    );
    expect(rows.some((r) => r[2] !== '')).toBe(true);
    expect(rows.every((r) => /^\d+\.\d{2}$/.test(r[3]!) && /^\d+\.\d{2}$/.test(r[4]!))).toBe(true);
  });

  it('exports the seeded day too', async () => {
    expect(await exported('2026-11-20')).toHaveLength(2_001);
  });

  it('refuses a date that was never processed, or whose run failed', async () => {
    await expect(exported('2026-11-22')).rejects.toThrow(/2026-11-22: that date has not been processed/);
    await expect(runBatch(t.handle.db, nightlySteps, { date: '2026-11-22', failAfter: 'aum' })).rejects.toThrow();
    await expect(exported('2026-11-22')).rejects.toThrow(/has not finished successfully/);
  });
});
