import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbHandle } from './client.js';
import { query } from './query.js';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * Applies every committed migration not yet applied (drizzle's journal). Safe to call at every
 * start. On PostgreSQL a role that may not change the schema (the app role, app-role.ts) applies
 * nothing: it checks that none is pending, and otherwise says who must run them.
 */
export async function migrateDatabase(h: DbHandle): Promise<void> {
  if (h.kind === 'postgres') {
    if (!(await mayMigrate(h))) return requireCurrent(h);
    await migratePg(h.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(h.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}

/** The role may create in the database (the owner), so it can run the migrations. */
async function mayMigrate(h: DbHandle): Promise<boolean> {
  const [r] = await query<{ ok: boolean }>(
    h.db,
    sql`SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS ok`,
  );
  return r?.ok === true;
}

async function requireCurrent(h: DbHandle): Promise<void> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const [r] = await query<{ n: number; me: string }>(
    h.db,
    sql`SELECT count(*)::int AS n, current_user AS me FROM drizzle.__drizzle_migrations`,
  ).catch(() => [{ n: 0, me: '?' }]);
  const pending = journal.entries.length - (r?.n ?? 0);
  if (pending > 0)
    throw new Error(
      `${pending} database migration(s) are pending and ${r?.me ?? 'this role'} may not apply them: run \`guanhu db migrate\` as the owner of the tables`,
    );
}
