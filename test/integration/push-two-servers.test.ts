/**
 * The acceptance test for push across servers: two `guanhu serve` processes on one
 * PostgreSQL database. A notification written through one reaches a WebSocket client of the
 * other (their polling is set to a minute, so only LISTEN/NOTIFY can make it arrive in time); a
 * client that disconnects, misses three and reconnects with its last id gets exactly those three;
 * a client whose server stops resumes on the other without loss.
 *
 * It needs PostgreSQL (two processes cannot share an embedded PGlite database), so it runs in the
 * integration-postgres project only (vitest.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/synth/index.js';
import { AS_OF } from '../support/app.js';
import { freshDb, type TestDb } from '../support/db.js';
import { connectEvents } from '../support/ws.js';

interface Server {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const proc = spawn('node', ['bin/guanhu.mjs', 'serve', '--port', String(port), '--no-web-build'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GUANHU_PUSH_POLL_MS: '60000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes('Guanhu is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

async function login(server: Server, username: string): Promise<string> {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'guanhu-demo' }),
  });
  expect(r.status).toBe(200);
  return r.headers
    .getSetCookie()
    .find((c) => c.startsWith('guanhu_session='))!
    .split(';')[0]!;
}

async function sendNotice(server: Server, cookie: string, title: string) {
  const r = await fetch(`${server.url}/api/notifications/notices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title, body: `${title}：两台服务器`, roles: ['rm'] }),
  });
  expect(r.status).toBe(201);
}

let db: TestDb | undefined;
let a: Server;
let b: Server;

beforeAll(async () => {
  db = await freshDb();
  await seedDatabase(db.handle, { scale: 'XS', seed: 7, asOf: AS_OF });
  [a, b] = await Promise.all([startServer(db.url!), startServer(db.url!)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

describe('two guanhu serve processes on one PostgreSQL', () => {
  it('deliver through either: written via A, received by a client of B; a reconnect gets exactly what it missed', async () => {
    const ob = await login(a, 'ob01');
    const rm = await login(b, 'rm0001');
    const onB = await connectEvents(b.url, rm);
    const t0 = Date.now();
    await sendNotice(a, ob, '跨服务器一');
    const [first] = await onB.notifications(1, 5000);
    // far below the servers' one-minute poll: the NOTIFY from A's commit woke B
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(first!.payload.title).toBe('跨服务器一');
    await onB.close();

    for (const t of ['错过一', '错过二', '错过三']) await sendNotice(a, ob, t);
    const back = await connectEvents(b.url, rm, first!.id);
    const missed = await back.notifications(3);
    expect(missed.map((n) => n.id)).toEqual([first!.id + 1, first!.id + 2, first!.id + 3]);
    expect(missed.map((n) => n.payload.title)).toEqual(['错过一', '错过二', '错过三']);
    expect(await back.quietFor(1500)).toEqual([]);
    await back.close();
  });

  it('lose nothing when a server stops: its client resumes on the other from its last id', async () => {
    const ob = await login(b, 'ob01');
    const rmOnA = await login(a, 'rm0001');
    const rmOnB = await login(b, 'rm0001');
    const onA = await connectEvents(a.url, rmOnA);
    await sendNotice(b, ob, '停机之前');
    const [before] = await onA.notifications(1);
    expect(before!.payload.title).toBe('停机之前');
    await a.stop();
    expect(await onA.closed).toBe(1001);
    await sendNotice(b, ob, '停机期间');
    const moved = await connectEvents(b.url, rmOnB, before!.id);
    const [during] = await moved.notifications(1);
    expect(during).toMatchObject({ id: before!.id + 1, payload: { title: '停机期间' } });
    expect(await moved.quietFor(1000)).toEqual([]);
    await moved.close();
  });
});
