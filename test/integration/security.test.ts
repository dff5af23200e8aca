/**
 * Security basics: headers on every response, cookie-authenticated state changes refused from
 * another site, sessions that end when idle, login limits per account and per address that a
 * forged X-Forwarded-For cannot dodge, and refused attempts in the audit log.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/platform/context.js';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let now = new Date('2026-11-21T01:00:00Z');
const clock: Clock = { now: () => now };

beforeAll(async () => {
  bank = await seededBank({ loginPerMinute: 5, clock, config: { loginFailuresPerAccount: 4, accountLockMinutes: 15 } });
});
afterAll(() => bank?.close());

const audits = (action: string) =>
  query<{ entity_id: string; ip: string | null; reason: string | null }>(
    bank.ctx.db,
    sql`SELECT entity_id, ip, reason FROM audit_log WHERE action = ${action} ORDER BY id`,
  );

describe('security', () => {
  it('sends security headers: a CSP without inline scripts, nosniff, frame denial, referrer policy', async () => {
    for (const url of ['/api/health', '/login']) {
      const r = await bank.app.inject({ method: 'GET', url });
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('refuses a cookie-authenticated state change forged from another origin', async () => {
    const cookie = await loginAs(bank.app, 'rm0001');
    const [c] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT r.customer_id FROM relationships r JOIN staff s ON s.staff_id = r.staff_id
          JOIN users u ON u.staff_id = s.staff_id WHERE u.username = 'rm0001' AND r.ended_on IS NULL LIMIT 1`,
    );
    const url = `/api/customers/${c!.customer_id}/reveal`;
    const forged = await bank.app.inject({
      method: 'POST',
      url,
      headers: { cookie, origin: 'https://evil.example', host: 'guanhu.bank.local' },
      payload: { reason: 'forged by another site' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().details).toEqual({ reason: 'cross_site' });
    const viaReferer = await bank.app.inject({
      method: 'POST',
      url,
      headers: { cookie, referer: 'https://evil.example/page', host: 'guanhu.bank.local' },
      payload: { reason: 'forged by another site' },
    });
    expect(viaReferer.statusCode).toBe(403);
    const [revealed] = await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'pii_reveal' AND reason = 'forged by another site'`,
    );
    expect(revealed!.n).toBe(0);
    // the same request from the server's own origin goes through
    const own = await bank.app.inject({
      method: 'POST',
      url,
      headers: { cookie, origin: 'http://guanhu.bank.local', host: 'guanhu.bank.local' },
      payload: { reason: '客户来电核实' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('ends a session after the idle time, and keeps a used one alive', async () => {
    const cookie = await loginAs(bank.app, 'hq01');
    const me = () => bank.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }).then((r) => r.statusCode);
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await me()).toBe(200);
    now = new Date(now.getTime() + 20 * 60_000); // 40 min after login, 20 after the last request
    expect(await me()).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await me()).toBe(401);
  });

  it('limits failed logins per account from any address, says when to try again, and audits the refusal', async () => {
    const attempt = (password: string, i: number) =>
      bank.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'br01', password },
        remoteAddress: `10.1.0.${i}`,
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt('wrong', i)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401]);
    const locked = await attempt('guanhu-demo', 9); // even the right password, from a new address
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(locked.json().details).toEqual({ retryAfterSeconds: 15 * 60, scope: 'account' });
    expect(locked.json().message).toMatch(/try again in 15 min/);
    expect((await audits('login_refused')).at(-1)).toMatchObject({ entity_id: 'br01', ip: '10.1.0.9' });
    // once the window has passed the account opens again
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await attempt('guanhu-demo', 10)).statusCode).toBe(200);
  });

  it('limits per address by the socket address: a rotating X-Forwarded-For gets no way round it', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await bank.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `nobody${i}`, password: 'x' },
        remoteAddress: '10.7.7.7',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
    const failed = await audits('login_failed');
    expect(failed.filter((a) => a.entity_id.startsWith('nobody')).every((a) => a.ip === '10.7.7.7')).toBe(true);
    // the refusal's audit row is written beside the 429 answer, not before it
    const refusedRows = async () => (await audits('login_refused')).filter((a) => a.entity_id.startsWith('nobody'));
    await expect.poll(async () => (await refusedRows()).length).toBe(3);
    const refused = await refusedRows();
    expect(refused.every((a) => a.ip === '10.7.7.7')).toBe(true);
  });

  it('audits a refused PII reveal', async () => {
    const cookie = await loginAs(bank.app, 'ob01');
    const [c] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT r.customer_id FROM relationships r JOIN customers c ON c.customer_id = r.customer_id
          JOIN org_units o ON o.org_id = c.home_org_id WHERE o.org_id = 'OT0001' AND r.ended_on IS NULL LIMIT 1`,
    );
    const r = await bank.app.inject({
      method: 'POST',
      url: `/api/customers/${c!.customer_id}/reveal`,
      headers: { cookie },
      payload: { reason: 'curious' },
    });
    expect(r.statusCode).toBe(403);
    const [a] = await audits('pii_reveal_refused');
    expect(a).toMatchObject({ entity_id: c!.customer_id });
    expect(a!.reason).toContain('curious');
  });
});

describe('text the database cannot store', () => {
  it('answers 400 naming the parameter for a NUL in a path, a query or a body', async () => {
    const cookie = await loginAs(bank.app, 'hq01');
    const path = await bank.app.inject({ method: 'GET', url: '/api/customers/C00033470%00', headers: { cookie } });
    expect(path.statusCode).toBe(400);
    expect(path.json().message).toBe('invalid params: customerId: contains a NUL character');
    const q = await bank.app.inject({ method: 'GET', url: '/api/customers?q=%00', headers: { cookie } });
    expect(q.statusCode).toBe(400);
    expect(q.json().details.issues[0].field).toBe('q');
    const body = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hq\u000001', password: 'x' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().message).toContain('username');
  });
});

describe('/metrics', () => {
  it('serves Prometheus figures to this machine: request latency by route, batch steps, import rows', async () => {
    await bank.app.inject({ method: 'GET', url: '/api/health' });
    const r = await bank.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(
      /guanhu_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]/,
    );
    expect(r.body).toContain('# TYPE guanhu_batch_step_seconds gauge');
    expect(r.body).toContain('# TYPE guanhu_import_rows gauge');
    expect(r.body).toContain('guanhu_push_connections 0');
    expect(r.body).toContain('guanhu_process_resident_memory_bytes');
  });

  it('is not public beyond this machine without the configured token', async () => {
    const r = await bank.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.0.2.10' });
    expect(r.statusCode).toBe(404);
  });
});
