/**
 * `/metrics` in the Prometheus text format (prom-client): request latency by route, the latest
 * nightly run's step durations, import rows loaded and rejected, open push connections, and the
 * process's own figures. Batch and import figures are read from batch_runs and import_files at
 * scrape time, so they are right whichever process ran the job (the CLI, usually).
 *
 * Not public: a request from this machine (loopback) may read it; from elsewhere only with
 * `Authorization: Bearer <GUANHU_METRICS_TOKEN>`, and without a configured token it is 404 there.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { query } from '../db/query.js';

export interface AppMetrics {
  registry: Registry;
  /** the push hub tells how to count its open WebSocket connections */
  countPushConnections(count: () => number): void;
}

export function registerMetrics(app: FastifyInstance, db: AppDb, opts: { token?: string }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'guanhu_' });
  const latency = new Histogram({
    name: 'guanhu_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  let pushCount = () => 0;
  new Gauge({
    name: 'guanhu_push_connections',
    help: 'open WebSocket push connections (GET /api/events)',
    registers: [registry],
    collect() {
      this.set(pushCount());
    },
  });
  new Gauge({
    name: 'guanhu_batch_step_seconds',
    help: 'duration of each step in the latest successful nightly run',
    labelNames: ['step'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await query<{ name: string; ms: number }>(
        db,
        sql`SELECT s->>'name' AS name, (s->>'ms')::int AS ms FROM (
              SELECT steps FROM batch_runs WHERE status = 'succeeded' AND only_step IS NULL
              ORDER BY started_at DESC LIMIT 1) r, jsonb_array_elements(r.steps) s`,
      );
      for (const r of rows) this.set({ step: r.name }, r.ms / 1000);
    },
  });
  new Gauge({
    name: 'guanhu_batch_last_success_date',
    help: 'business date of the latest successful nightly run, as seconds since the epoch (00:00 +08:00)',
    registers: [registry],
    async collect() {
      const [r] = await query<{ d: string | null }>(
        db,
        sql`SELECT max(business_date)::text AS d FROM batch_runs WHERE status = 'succeeded'`,
      );
      this.set(r?.d ? Date.parse(`${r.d}T00:00:00+08:00`) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'guanhu_import_rows',
    help: 'rows of imported files by kind and outcome (loaded, rejected), all recorded imports',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await query<{ kind: string; loaded: string; rejected: string }>(
        db,
        sql`SELECT kind::text, sum(rows_loaded)::text AS loaded, sum(rows_rejected)::text AS rejected
            FROM import_files GROUP BY kind`,
      );
      for (const r of rows) {
        this.set({ kind: r.kind, outcome: 'loaded' }, Number(r.loaded));
        this.set({ kind: r.kind, outcome: 'rejected' }, Number(r.rejected));
      }
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url;
    if (!route || route === '/metrics') return;
    latency.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayScrape(req, opts.token))
      return reply.code(404).send({ code: 'NOT_FOUND', message: 'no route GET /metrics' });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return {
    registry,
    countPushConnections: (count) => {
      pushCount = count;
    },
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (LOOPBACK.test(req.socket.remoteAddress ?? '')) return true;
  if (!token) return false;
  const given = Buffer.from(String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the app's Prometheus metrics (metrics.ts) */
    metrics: AppMetrics;
  }
}
