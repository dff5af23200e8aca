/**
 * An app over a seeded XS bank, driven with fastify.inject (no sockets), plus a login helper.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.js';
import { modules } from '../../src/modules.js';
import { loadConfig, type AppConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/log.js';
import type { Clock, Ctx } from '../../src/platform/context.js';
import { seedDatabase } from '../../src/synth/index.js';
import { freshDb, type TestDb } from './db.js';

export const AS_OF = '2026-11-20';
/** Frozen clock: the morning after AS_OF in Shanghai. */
export const frozenClock: Clock = { now: () => new Date('2026-11-21T01:00:00Z') };
export const DEMO_PASSWORD = 'guanhu-demo';

export interface TestBank {
  db: TestDb;
  ctx: Ctx;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function seededBank(
  opts: { loginPerMinute?: number; clock?: Clock; config?: Partial<AppConfig> } = {},
): Promise<TestBank> {
  const db = await freshDb();
  await seedDatabase(db.handle, { scale: 'XS', seed: 7, asOf: AS_OF });
  const ctx: Ctx = {
    db: db.handle.db,
    handle: db.handle,
    log: createLogger('silent'),
    clock: opts.clock ?? frozenClock,
  };
  const config = { ...loadConfig({}), loginPerMinute: opts.loginPerMinute ?? 1000, ...opts.config };
  const app = await buildApp(ctx, config, modules);
  await app.ready();
  return {
    db,
    ctx,
    app,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Logs in and returns the cookie header value to send with later requests. */
export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === 'guanhu_session');
  if (!c) throw new Error('no session cookie');
  return `guanhu_session=${c.value}`;
}
