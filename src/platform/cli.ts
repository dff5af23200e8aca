/**
 * What every `guanhu` command shares, whether it lives in src/cli (platform commands) or in a
 * feature module (`commands` in its module.ts): opening the migrated database, option parsers,
 * the pipeline job lock, and writing large outputs to stdout with back-pressure.
 */
import { once } from 'node:events';
import { loadConfig, type AppConfig } from './config.js';
import { openDatabase, type DbHandle } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { ensureDefaultSettings } from './settings-store.js';

/** Opens the configured database and brings it to the latest migration. */
export async function openMigrated(config: AppConfig = loadConfig()): Promise<DbHandle> {
  const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(h);
    await ensureDefaultSettings(h.db);
  } catch (err) {
    await h.close().catch(() => undefined);
    throw err;
  }
  return h;
}

/** the job lock `guanhu import` and `guanhu batch run` share (DbHandle.withJobLock) */
export const PIPELINE_LOCK = 'import/batch';

export const describeDb = (h: DbHandle) =>
  h.kind === 'postgres' ? `PostgreSQL ${h.location}` : `embedded PGlite (${h.location})`;

/** commander argParser for a business date option */
export function parseDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new Error(`expected a date YYYY-MM-DD, got "${v}"`);
  return v;
}

/** Writes to stdout respecting back-pressure: a million rows into a slow pipe must not pile up in memory. */
export async function writeOut(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

/** `| head` closing the pipe is not an error: stop quietly. */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
