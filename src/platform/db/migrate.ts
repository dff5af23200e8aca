import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DbHandle } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Applies every committed migration not yet applied (drizzle's journal). Safe to call at every start. */
export async function migrateDatabase(h: DbHandle): Promise<void> {
  if (h.kind === 'postgres') {
    await migratePg(h.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(h.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
