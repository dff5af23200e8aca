import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
beforeAll(async () => {
  bank = await seededBank({ loginPerMinute: 5 });
});
afterAll(async () => bank?.close());

describe('login, session and logout', () => {
  it('signs in with the demo password, sets an httpOnly cookie, and /api/me tells who I am', async () => {
    const res = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'rm0001', password: 'guanhu-demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'guanhu_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(res.json()).toMatchObject({ username: 'rm0001', role: 'rm', orgId: 'OT0001' });
    const me = await bank.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `guanhu_session=${cookie!.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('rm0001');
  });

  it('answers a wrong password and an unknown user identically, and audits both', async () => {
    const wrongPw = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hq01', password: 'nope' },
      remoteAddress: '10.9.0.1',
    });
    const noUser = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope' },
      remoteAddress: '10.9.0.1',
    });
    expect(wrongPw.statusCode).toBe(401);
    expect(noUser.statusCode).toBe(401);
    expect(wrongPw.json()).toEqual(noUser.json());
    expect(wrongPw.json().code).toBe('BAD_CREDENTIALS');
    const rows = await query<{ entity_id: string }>(
      bank.ctx.db,
      sql`SELECT entity_id FROM audit_log WHERE action = 'login_failed' ORDER BY id`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual(expect.arrayContaining(['hq01', 'ghost']));
  });

  it('limits login attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await bank.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'hq01', password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[6]).toBe(429);
  });

  it('logout ends the session', async () => {
    const cookie = await loginAs(bank.app, 'hq01');
    const out = await bank.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await bank.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses API calls without a session', async () => {
    const r = await bank.app.inject({ method: 'GET', url: '/api/customers' });
    expect(r.statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('names the field of a malformed body', async () => {
    const r = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hq01' },
      remoteAddress: '10.1.1.1',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION');
    expect(r.json().message).toContain('password');
  });

  it('answers invalid JSON with a 400, not a 500', async () => {
    const r = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
      remoteAddress: '10.1.1.2',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('BAD_REQUEST');
  });

  it('names the query parameter that is out of range', async () => {
    const cookie = await loginAs(bank.app, 'hq01');
    const r = await bank.app.inject({ method: 'GET', url: '/api/customers?pageSize=5000', headers: { cookie } });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('pageSize');
    const t = await bank.app.inject({ method: 'GET', url: '/api/customers?tier=gold', headers: { cookie } });
    expect(t.statusCode).toBe(400);
    expect(t.json().message).toContain('tier');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const r = await bank.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('publishes an OpenAPI document and the interactive docs', async () => {
    const spec = await bank.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/customers', '/api/customers/{customerId}', '/api/org/tree']),
    );
    const ui = await bank.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('reports health with the database kind', async () => {
    const r = await bank.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok', db: bank.db.handle.kind });
  });
});
