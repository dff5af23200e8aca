/**
 * The embedded data directory has one owner at a time (issue: a second process on it destroyed
 * it): a second opener is refused at once naming the owner, the owner's death frees it, and the
 * directory still opens afterwards. PGlite only (vitest.config.ts).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/client.js';
import { lockPath } from '../../src/platform/db/dir-lock.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';

const run = promisify(execFile);
const guanhu = (args: string[], env: Record<string, string>) =>
  run('node', ['bin/guanhu.mjs', ...args], { env: { ...process.env, ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill('SIGKILL');
  server = undefined;
});

describe('the embedded data directory', () => {
  it('refuses a second open in the same process and frees the directory on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'guanhu-lock-')), 'data');
    const a = await openDatabase({ dataDir: dir });
    expect(existsSync(lockPath(dir))).toBe(true);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /the database in .*data is in use by this process .*: stop it or use its API/,
    );
    await a.close();
    expect(existsSync(lockPath(dir))).toBe(false);
    const b = await openDatabase({ dataDir: dir });
    await b.close();
  });

  it('refuses a CLI import while a server owns it, and takes over the lock of a killed server', async () => {
    const base = mkdtempSync(join(tmpdir(), 'guanhu-lock-'));
    const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(base, 'data'), LOG_LEVEL: 'warn' };
    const port = String(20000 + Math.floor(Math.random() * 20000));
    server = spawn('node', ['bin/guanhu.mjs', 'serve', '--port', port, '--no-web-build'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (out.includes('Guanhu is running')) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      server!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`server exited ${code}: ${out}`));
      });
    });
    // a database that is not the demo bank has none of its logins: none are offered
    expect(out).not.toContain('Demo logins');
    expect(out).toContain('guanhu users add');
    const file = join(base, 'org.csv');
    writeFileSync(file, 'org_id,parent_id,level,name\nHQ,,head_office,总行\n');
    const imp = await guanhu(['import', file], env);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain(`is in use by process ${server.pid} (guanhu serve --port ${port} --no-web-build`);
    expect(imp.stderr).toContain('stop it or use its API');
    expect(JSON.parse(readFileSync(lockPath(env.GUANHU_DATA_DIR), 'utf8')).pid).toBe(server.pid);

    // kill -9: the lock stays behind with a dead pid, and the next command takes it over
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
    const again = await guanhu(['import', file], env);
    expect(again.stderr).not.toContain('in use');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/org\.csv: read 1, loaded 1/);
    // and the directory is whole
    const h = await openDatabase({ dataDir: env.GUANHU_DATA_DIR });
    await migrateDatabase(h);
    const r = (await h.db.execute(sql`SELECT count(*)::int AS n FROM org_units`)) as unknown as {
      rows: { n: number }[];
    };
    expect(r.rows[0]!.n).toBe(1);
    await h.close();
  });
});
