/**
 * One way to open the database: PostgreSQL through node-postgres when a URL is given,
 * otherwise PGlite (embedded PostgreSQL in WASM) in a data directory. Callers get the same
 * Drizzle API and the same `copyFrom` for bulk loads on both.
 */
import { mkdirSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import * as schema from './schema.js';
import { AppError } from '../errors.js';
import { lockDataDir } from './dir-lock.js';

export type Schema = typeof schema;
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: AppDb;
  kind: 'pglite' | 'postgres';
  /** where the data lives, for messages: a directory, 'memory' or a URL without password */
  location: string;
  /**
   * Bulk-load CSV text with `COPY <target> FROM STDIN (FORMAT csv)`. `target` is
   * `table (col, col, …)`. PostgreSQL streams; PGlite receives the CSV as a blob, so callers
   * should pass bounded chunks (the whole stream is buffered for one COPY on PGlite).
   */
  copyFrom(target: string, csv: Readable | AsyncIterable<string | Buffer>, opts?: CopyOptions): Promise<number>;
  /**
   * Runs `fn` holding the named job lock, or fails at once with CONFLICT when another process
   * holds it. PostgreSQL: a session advisory lock on a connection kept for the duration (released
   * by the server if the process dies). PGlite: one process owns the data directory, so no lock.
   */
  withJobLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`: `onNotify(payload)` runs once for each NOTIFY, after the notifying
   * transaction commits (never for one that rolled back). PostgreSQL: a dedicated connection
   * outside the pool, re-opened after a failure; since NOTIFYs sent while it was down are lost,
   * `onNotify(null)` follows each re-connect. PGlite: the in-process listener. Resolves once the
   * first LISTEN is in place (or has failed and a retry is scheduled); the returned function stops.
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as an uncompressed tarball (`OpenOptions.loadDataDir`) */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface CopyOptions {
  /**
   * Statements that create the target table, run just before the COPY. On PostgreSQL they run in
   * the COPY's transaction on its connection and the COPY writes its rows already frozen
   * (`FREEZE`: no hint-bit writes or freezing vacuum later, and a cheaper COPY); a failure leaves
   * no table.
   */
  create?: string[];
  /**
   * 'binary': the input is PostgreSQL's binary COPY format (header, tuples, trailer), which the
   * server reads without parsing text; default 'csv'.
   */
  format?: 'csv' | 'binary';
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' for an in-memory database */
  dataDir?: string;
  /** PGlite: start from this tarball of a data directory (`DbHandle.dumpDataDir`) */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ?? './.guanhu/data', opts.loadDataDir);
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const safe = redactUrl(url);
  let ending = false;
  // An idle pooled connection that the server closes (restart, failover, DROP DATABASE … FORCE)
  // emits 'error' on the pool; without a listener node-postgres would crash the process. The pool
  // replaces the connection on next use, so a warning is enough — and nothing while shutting down.
  pool.on('error', (err) => {
    if (!ending) process.stderr.write(`guanhu: a PostgreSQL connection was closed: ${err.message}\n`);
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new AppError('DB_UNAVAILABLE', `cannot connect to PostgreSQL at ${safe}: ${(err as Error).message}`);
  }
  const db = drizzlePg(pool, { schema }) as unknown as AppDb;
  return {
    db,
    kind: 'postgres',
    location: safe,
    async copyFrom(target, csv, opts) {
      const client = await pool.connect();
      const create = opts?.create ?? [];
      try {
        if (create.length) {
          await client.query('BEGIN');
          for (const statement of create) await client.query(statement);
        }
        const freeze = create.length ? ', FREEZE' : '';
        const format = opts?.format ?? 'csv';
        const stream = client.query(copyFromStream(`COPY ${target} FROM STDIN (FORMAT ${format}${freeze})`));
        await pipeline(csv as AsyncIterable<string | Buffer>, stream);
        if (create.length) await client.query('COMMIT');
        return Number(stream.rowCount ?? 0);
      } catch (err) {
        if (create.length) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async withJobLock(name, fn) {
      const client = await pool.connect();
      try {
        const r = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [
          `guanhu:${name}`,
        ]);
        if (!r.rows[0]?.ok)
          throw new AppError(
            'CONFLICT',
            `another ${name} job is running on this database; wait for it to finish (one import or batch at a time)`,
          );
        try {
          return await fn();
        } finally {
          await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`guanhu:${name}`]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenPostgres(url, channel, onNotify),
    close: () => {
      ending = true;
      return pool.end();
    },
  };
}

/** The PostgreSQL side of DbHandle.listen: one client outside the pool, re-connected with back-off. */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string | null) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = 500;
  let connectedBefore = false;
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delayMs);
    retry.unref();
    delayMs = Math.min(delayMs * 2, 10_000);
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    let gone = false;
    const lost = () => {
      if (gone) return; // 'error' and 'end' both report the same loss
      gone = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => !stopped && lost());
    c.on('notification', (m) => {
      if (m.channel === channel) onNotify(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (err) {
      if (!stopped) process.stderr.write(`guanhu: cannot LISTEN on PostgreSQL (${(err as Error).message}); retrying\n`);
      lost();
      return;
    }
    if (stopped) return void (await c.end().catch(() => undefined));
    client = c;
    delayMs = 500;
    if (connectedBefore) onNotify(null);
    connectedBefore = true;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DbHandle> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // one owner at a time: a second process on the same directory destroys it (dir-lock.ts)
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({ ...(inMemory ? {} : { dataDir }), ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (err) {
    unlock();
    throw new AppError('DB_UNAVAILABLE', `cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as AppDb;
  return {
    db,
    kind: 'pglite',
    location: inMemory ? 'memory' : dataDir,
    async copyFrom(target, csv, opts) {
      for (const statement of opts?.create ?? []) await client.exec(statement);
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for await (const chunk of csv as AsyncIterable<string | Buffer>) {
        parts.push(new Uint8Array(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
      }
      const blob = new Blob(parts);
      const res = await client.query(`COPY ${target} FROM '/dev/blob' (FORMAT ${opts?.format ?? 'csv'})`, [], {
        blob,
      });
      return res.affectedRows ?? 0;
    },
    withJobLock: (_name, fn) => fn(),
    dumpDataDir: () => client.dumpDataDir('none'),
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, (payload) => onNotify(payload));
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
