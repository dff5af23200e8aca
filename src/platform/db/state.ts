/**
 * Named system facts (system_state):
 *  - `aum_as_of`: the business date whose AUM the app shows, set by the nightly batch (and the
 *    seed) once a day's figures are complete;
 *  - `tiers_as_of`: the date whose day rows customers.tier/band were last made equal to by the
 *    tier step. When it is the day before the one being processed, the tier step updates only the
 *    customers whose tier or band moved overnight; otherwise it compares every customer;
 *  - `demo_bank`: set by the seed (scale, seed, date): this database holds the synthetic demo bank
 *    and its demo logins.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { query } from './query.js';

type StateKey = 'aum_as_of' | 'tiers_as_of' | 'demo_bank';

async function getState(db: AppDb, key: StateKey): Promise<string | null> {
  const [row] = await query<{ value: string }>(db, sql`SELECT value FROM system_state WHERE key = ${key}`);
  return row?.value ?? null;
}

async function setState(db: AppDb, key: StateKey, value: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO system_state (key, value) VALUES (${key}, ${value})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
}

export const currentAumDate = (db: AppDb): Promise<string | null> => getState(db, 'aum_as_of');
export const setCurrentAumDate = (db: AppDb, isoDate: string): Promise<void> => setState(db, 'aum_as_of', isoDate);
export const customerTiersDate = (db: AppDb): Promise<string | null> => getState(db, 'tiers_as_of');
export const setCustomerTiersDate = (db: AppDb, isoDate: string): Promise<void> => setState(db, 'tiers_as_of', isoDate);
export const demoBank = (db: AppDb): Promise<string | null> => getState(db, 'demo_bank');
export const setDemoBank = (db: AppDb, what: string): Promise<void> => setState(db, 'demo_bank', what);
