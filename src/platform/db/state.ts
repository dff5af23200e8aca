/**
 * Named system facts (system_state). `aum_as_of` is the business date whose AUM the app shows:
 * set by the nightly AUM step (and the seed) once a day's figures are complete.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { query } from './query.js';

export async function currentAumDate(db: AppDb): Promise<string | null> {
  const [row] = await query<{ value: string }>(db, sql`SELECT value FROM system_state WHERE key = 'aum_as_of'`);
  return row?.value ?? null;
}

export async function setCurrentAumDate(db: AppDb, isoDate: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO system_state (key, value) VALUES ('aum_as_of', ${isoDate})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
}
