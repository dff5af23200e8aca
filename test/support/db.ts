/**
 * A fresh, migrated database per test file: in-memory PGlite, or (GUANHU_TEST_DB=postgres) a new
 * database created on the DATABASE_URL server and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { ensureDefaultSettings } from '../../src/platform/settings-store.js';

export interface TestDb {
  handle: DbHandle;
  /** the database's URL (PostgreSQL only), for starting a server process on it */
  url?: string;
  drop(): Promise<void>;
}

export async function freshDb(): Promise<TestDb> {
  if (process.env.GUANHU_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('GUANHU_TEST_DB=postgres needs DATABASE_URL');
    const name = `guanhu_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: u.toString() });
    await migrateDatabase(handle);
    await ensureDefaultSettings(handle.db);
    return {
      handle,
      url: u.toString(),
      async drop() {
        await handle.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(handle);
  await ensureDefaultSettings(handle.db);
  return { handle, drop: () => handle.close() };
}
