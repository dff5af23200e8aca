/**
 * Shared CLI plumbing: open + migrate the database, turn errors into one clear line and an exit
 * code (stack traces only with GUANHU_DEBUG=1).
 */
import type { Command } from 'commander';
import { loadConfig, type AppConfig } from '../platform/config.js';
import { openDatabase, type DbHandle } from '../platform/db/client.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { ensureDefaultSettings } from '../platform/settings-store.js';
import { isAppError } from '../platform/errors.js';

export async function runCli(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    fail(err);
  }
}

export function fail(err: unknown): never {
  const msg = isAppError(err) ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`guanhu: ${msg}\n`);
  if (process.env.GUANHU_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

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
