/**
 * `tiers export --date D`: one CSV row per customer of D's customer_aum_daily, sorted by
 * customer id. Tier and band come from the day rows, which the batch writes from the day's
 * decision (tier = the latest tier_history row on or before D; band = bandFor with the settings
 * version of D's run): stored band history rather than a recomputation, so the export shows what
 * the bank saw that day even after settings changed. Streams in pages: a server-side cursor on
 * PostgreSQL, keyset pages by customer_id on PGlite (one connection, no cursor across calls).
 */
import { sql, type SQL } from 'drizzle-orm';
import { formatYuan } from '../../domain/money.js';
import type { DbHandle } from '../../platform/db/client.js';
import type { AppDb } from '../../platform/db/client.js';
import { hasDayPartition, partitionName } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';

export const EXPORT_HEADER = 'customer_id,tier,band,month_avg_aum,daily_aum';
const PAGE = 10_000;

interface ExportRow {
  customer_id: string;
  tier: string;
  band: string | null;
  avg: string;
  aum: string;
}

const line = (r: ExportRow) =>
  `${r.customer_id},${r.tier},${r.band ?? ''},${formatYuan(BigInt(r.avg))},${formatYuan(BigInt(r.aum))}\n`;

/** Throws unless D's figures are complete: a day partition, and a succeeded run (or the seed's day). */
export async function assertExportable(db: AppDb, date: string): Promise<void> {
  if (!(await hasDayPartition(db, 'customer_aum_daily', date)))
    throw new AppError('NOT_FOUND', `no tiers for ${date}: that date has not been processed (run guanhu batch run)`);
  const [r] = await query<{ runs: number; ok: number }>(
    db,
    sql`SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'succeeded')::int AS ok
        FROM batch_runs WHERE business_date = ${date}::date`,
  );
  if (r && r.runs > 0 && r.ok === 0)
    throw new AppError('CONFLICT', `no tiers for ${date}: its batch has not finished successfully (run it again)`);
}

export async function exportTiers(h: DbHandle, date: string, write: (chunk: string) => Promise<void>): Promise<number> {
  await assertExportable(h.db, date);
  const day = sql.raw(partitionName('customer_aum_daily', date));
  const select = (extra: SQL) =>
    sql`SELECT customer_id, tier::text AS tier, band::text AS band, avg_fen::text AS avg, aum_fen::text AS aum
        FROM ${day} ${extra} ORDER BY customer_id`;
  await write(`${EXPORT_HEADER}\n`);
  let n = 0;
  const emit = async (rows: ExportRow[]) => {
    if (rows.length) await write(rows.map(line).join(''));
    n += rows.length;
  };
  if (h.kind === 'postgres') {
    await h.db.transaction(async (tx) => {
      const t = tx as unknown as AppDb;
      await t.execute(sql`DECLARE tiers_export NO SCROLL CURSOR FOR ${select(sql``)}`);
      for (;;) {
        const rows = await query<ExportRow>(t, sql.raw(`FETCH ${PAGE} FROM tiers_export`));
        await emit(rows);
        if (rows.length < PAGE) break;
      }
    });
    return n;
  }
  let after: string | null = null;
  for (;;) {
    const rows: ExportRow[] = await query<ExportRow>(
      h.db,
      sql`${select(after === null ? sql`` : sql`WHERE customer_id > ${after}`)} LIMIT ${PAGE}`,
    );
    await emit(rows);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.customer_id;
  }
  return n;
}
