/**
 * The nightly stewardship state for the reassignment tests: the `stewardship` step's own code
 * (recordStewardship) on a date, or no state at all (a bank before its first night).
 */
import { sql } from 'drizzle-orm';
import { recordStewardship } from '../../src/features/stewardship/api.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { loadSettings } from '../../src/platform/settings-store.js';

export async function fillStewardship(db: AppDb, date: string): Promise<void> {
  await recordStewardship(db, date, (await loadSettings(db)).value);
}

export async function clearStewardship(db: AppDb): Promise<void> {
  await db.execute(sql`DELETE FROM customer_stewardship`);
}
