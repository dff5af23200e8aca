/**
 * A fresh, migrated database per test file: in-memory PGlite, or (GUANHU_TEST_DB=postgres) a new
 * database created on the DATABASE_URL server and dropped afterwards.
 *
 * Running the migrations costs more than most test files (seconds on PGlite, on a loaded CI
 * machine 15 s), so the first file to need one migrates once and keeps the result for the others:
 * a tarball of the PGlite data directory in the temp folder, and a template database on
 * PostgreSQL, both named by a hash of migrations/ (a changed migration makes a new one). The
 * CLI tests and database.test.ts still migrate from nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A hash of every file under migrations/: the key of the migrated templates. */
function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk('migrations');
  return h.digest('hex').slice(0, 12);
}

const dbUrl = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** The migrated template database on the server, made under an advisory lock by the first file. */
async function pgTemplate(admin: pg.Client, url: string): Promise<string> {
  const name = `guanhu_tpl_${migrationsHash()}`;
  await admin.query('SELECT pg_advisory_lock(7316001)');
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return name;
    // templates of older migrations go
    const old = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'guanhu_tpl_%'`);
    for (const r of old.rows as { datname: string }[])
      await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const h = await openDatabase({ databaseUrl: dbUrl(url, building) });
    await migrateDatabase(h);
    await h.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7316001)');
  }
}

/** A migrated in-memory PGlite: loaded from the cached tarball, or migrated (and cached). */
async function migratedPglite(): Promise<DbHandle> {
  const file = join(tmpdir(), `guanhu-test-migrated-${migrationsHash()}.tar`);
  if (existsSync(file)) return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(handle);
  const tar = Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer());
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, tar);
  renameSync(part, file); // atomic: a file running at the same moment reads a whole tarball or none
  return handle;
}

export async function freshDb(): Promise<TestDb> {
  if (process.env.GUANHU_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('GUANHU_TEST_DB=postgres needs DATABASE_URL');
    const name = `guanhu_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const template = await pgTemplate(admin, url);
      // two files copying the template at once: PostgreSQL refuses the second while the first copies
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
          break;
        } catch (err) {
          if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
          await new Promise((r) => setTimeout(r, 250 + Math.random() * 250));
        }
      }
    } finally {
      await admin.end();
    }
    const u = new URL(dbUrl(url, name));
    const handle = await openDatabase({ databaseUrl: u.toString() });
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
  const handle = await migratedPglite();
  await ensureDefaultSettings(handle.db);
  return { handle, drop: () => handle.close() };
}
