/**
 * Logins: an administrator creates one for a staff member with a one-time password that opens
 * nothing but changing it; changing a password ends the user's other sessions; a reset or a
 * disable ends them at once; a staff member who leaves loses the login. All audited.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let admin: string;
beforeAll(async () => {
  bank = await seededBank();
  admin = await loginAs(bank.app, 'admin');
});
afterAll(() => bank?.close());

const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  bank.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const audit = (action: string, entity: string) =>
  query<{ n: number }>(
    bank.ctx.db,
    sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entity}`,
  ).then((r) => r[0]!.n);

/** a staff member as staff.csv would bring one, without a login yet */
async function newStaffMember(role: string): Promise<string> {
  await bank.ctx.db.execute(
    sql`INSERT INTO staff (staff_id, org_id, name, role, status) VALUES ('S_NEW_RM', 'OT0001', '新理财经理', ${role}, 'active')`,
  );
  return 'S_NEW_RM';
}

describe('logins', () => {
  it('an administrator creates a login whose one-time password must be changed first', async () => {
    const staffId = await newStaffMember('rm');
    const created = await inject('POST', '/api/admin/users', admin, { staffId, username: 'newrm01' });
    expect(created.json()).toMatchObject({ username: 'newrm01' });
    expect(created.statusCode).toBe(201);
    const { oneTimePassword } = created.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(await audit('user_created', 'newrm01')).toBe(1);

    const cookie = await loginAs(bank.app, 'newrm01', oneTimePassword);
    const me = await inject('GET', '/api/me', cookie);
    expect(me.json()).toMatchObject({ username: 'newrm01', staffId, mustChangePassword: true });
    const blocked = await inject('GET', '/api/customers', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await inject('POST', '/api/auth/password', cookie, {
      currentPassword: oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.issues[0]).toMatchObject({ field: 'newPassword', code: 'too_short' });
    const changed = await inject('POST', '/api/auth/password', cookie, {
      currentPassword: oneTimePassword,
      newPassword: 'Licai2026manager',
    });
    expect(changed.statusCode).toBe(200);
    expect((await inject('GET', '/api/customers', cookie)).statusCode).toBe(200);
    expect((await inject('GET', '/api/me', cookie)).json().mustChangePassword).toBe(false);
    expect(await audit('password_changed', 'newrm01')).toBe(1);
  });

  it('a password change ends the user’s other sessions, not the one that changed it', async () => {
    const first = await loginAs(bank.app, 'newrm01', 'Licai2026manager');
    const second = await loginAs(bank.app, 'newrm01', 'Licai2026manager');
    const r = await inject('POST', '/api/auth/password', second, {
      currentPassword: 'Licai2026manager',
      newPassword: 'Licai2027manager',
    });
    expect(r.json().sessionsEnded).toBeGreaterThanOrEqual(2); // `first`, and the one from the test before
    expect((await inject('GET', '/api/me', first)).statusCode).toBe(401);
    expect((await inject('GET', '/api/me', second)).statusCode).toBe(200);
    const wrong = await inject('POST', '/api/auth/password', second, {
      currentPassword: 'nope',
      newPassword: 'Whatever2030x',
    });
    expect(wrong.json().details.issues[0].field).toBe('currentPassword');
  });

  it('a reset and a disable end the user’s sessions at once; only administrators manage logins', async () => {
    const list = (await inject('GET', '/api/admin/users', admin)).json().items as {
      userId: number;
      username: string;
    }[];
    const user = list.find((u) => u.username === 'newrm01')!;
    const cookie = await loginAs(bank.app, 'newrm01', 'Licai2027manager');
    const reset = await inject('POST', `/api/admin/users/${user.userId}/reset-password`, admin);
    expect(reset.statusCode).toBe(200);
    expect((await inject('GET', '/api/me', cookie)).statusCode).toBe(401);
    const again = await loginAs(bank.app, 'newrm01', reset.json().oneTimePassword);
    const off = await inject('POST', `/api/admin/users/${user.userId}/disable`, admin);
    expect(off.json()).toEqual({ username: 'newrm01', disabled: true });
    expect((await inject('GET', '/api/me', again)).statusCode).toBe(401);
    const login = await bank.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'newrm01', password: reset.json().oneTimePassword },
    });
    expect(login.statusCode).toBe(401);
    expect(await audit('password_reset', 'newrm01')).toBe(1);
    expect(await audit('user_disabled', 'newrm01')).toBe(1);

    const hq = await loginAs(bank.app, 'hq01');
    expect((await inject('GET', '/api/admin/users', hq)).statusCode).toBe(403);
    const me = list.find((u) => u.username === 'admin')!;
    expect((await inject('POST', `/api/admin/users/${me.userId}/disable`, admin)).statusCode).toBe(409);
  });

  it('a staff member who leaves loses the login and every session at once', async () => {
    const cookie = await loginAs(bank.app, 'rm0001');
    expect((await inject('GET', '/api/me', cookie)).statusCode).toBe(200);
    await bank.ctx.db.execute(
      sql`UPDATE staff SET status = 'left' WHERE staff_id = (SELECT staff_id FROM users WHERE username = 'rm0001')`,
    );
    expect((await inject('GET', '/api/me', cookie)).statusCode).toBe(401);
    const [u] = await query<{ disabled: boolean; sessions: number }>(
      bank.ctx.db,
      sql`SELECT disabled, (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.user_id) AS sessions
          FROM users u WHERE username = 'rm0001'`,
    );
    expect(u).toEqual({ disabled: true, sessions: 0 });
    expect(await audit('user_disabled', 'rm0001')).toBe(1);
  });

  it('lists the active staff without a login as candidates for one (administrators only)', async () => {
    await bank.ctx.db.execute(
      sql`INSERT INTO staff (staff_id, org_id, name, role, status) VALUES ('S_CAND', 'OT0001', '候选柜员', 'lobby_manager', 'active'),
            ('S_GONE', 'OT0001', '已离职员工', 'rm', 'left')`,
    );
    const r = await inject('GET', '/api/admin/users/candidates', admin);
    expect(r.statusCode).toBe(200);
    const ids = (r.json().items as { staffId: string }[]).map((c) => c.staffId);
    expect(ids).toContain('S_CAND');
    expect(ids).not.toContain('S_GONE');
    const withLogin = await query<{ staff_id: string }>(bank.ctx.db, sql`SELECT staff_id FROM users`);
    for (const w of withLogin) expect(ids).not.toContain(w.staff_id);
    const narrowed = (await inject('GET', `/api/admin/users/candidates?q=${encodeURIComponent('候选')}`, admin)).json();
    expect(narrowed.items).toEqual([
      { staffId: 'S_CAND', name: '候选柜员', role: 'lobby_manager', orgId: 'OT0001', orgName: expect.any(String) },
    ]);
    expect((await inject('GET', '/api/admin/users/candidates', await loginAs(bank.app, 'hq01'))).statusCode).toBe(403);
  });
});
