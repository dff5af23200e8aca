/**
 * Personal data that a viewer who may not reveal it (src/domain/pii.ts mayRevealPii: anyone but
 * the customer's owning RM) must not be able to read or reconstruct: the birth date, the middle
 * of the ID number, hidden name characters found by searching, and copies kept by a cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let cookies: Record<string, string>;
let rm1: string;

interface Owned {
  customer_id: string;
  name: string;
  phone: string;
  id_number: string;
  birth_date: string;
  home_org_id: string;
}
/** a customer of rm0001's book at outlet OT0001 (so ob01 and lm0001 see it too) with a 3+ character name */
let c: Owned;

beforeAll(async () => {
  bank = await seededBank();
  cookies = {};
  for (const u of ['rm0001', 'hq01', 'ob01', 'lm0001', 'admin']) cookies[u] = await loginAs(bank.app, u);
  rm1 = (await query<{ staff_id: string }>(bank.ctx.db, sql`SELECT staff_id FROM users WHERE username = 'rm0001'`))[0]!
    .staff_id;
  [c] = (await query<Owned>(
    bank.ctx.db,
    sql`SELECT c.customer_id, c.name, c.phone, c.id_number, c.birth_date::text AS birth_date, c.home_org_id
        FROM customers c JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL AND r.staff_id = ${rm1}
        WHERE char_length(c.name) >= 3 AND c.birth_date IS NOT NULL AND c.id_number IS NOT NULL AND c.phone IS NOT NULL
          AND c.home_org_id = 'OT0001'
        ORDER BY c.customer_id LIMIT 1`,
  )) as [Owned];
});
afterAll(async () => bank?.close());

const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
const ids = async (user: string, q: string) =>
  (await get(user, `/api/customers?pageSize=200&q=${encodeURIComponent(q)}`))
    .json()
    .items.map((i: { customerId: string }) => i.customerId) as string[];

describe('the customer 360 for a viewer who may not reveal', () => {
  it('holds no birth date, only the age, and the ID number shows its last 4 characters only', async () => {
    expect(c).toBeDefined();
    const compact = c.birth_date.replaceAll('-', '');
    for (const u of ['hq01', 'ob01', 'lm0001']) {
      const r = await get(u, `/api/customers/${c.customer_id}`);
      expect(r.statusCode, u).toBe(200);
      const v = r.json();
      expect(v.canReveal, u).toBe(false);
      expect(v.birthDate, u).toBeNull();
      expect(v.age, u).toBeGreaterThan(0);
      expect(v.idNumber, u).toBe(`${'*'.repeat(c.id_number.length - 4)}${c.id_number.slice(-4)}`);
      // nowhere in the answer, in either spelling
      expect(r.body, u).not.toContain(c.birth_date);
      expect(r.body, u).not.toContain(compact);
      expect(r.body, u).not.toContain(c.id_number.slice(0, 6));
    }
  });

  it('the owning RM sees the birth date; the ID number is masked to its last 4 for them too until revealed', async () => {
    const v = (await get('rm0001', `/api/customers/${c.customer_id}`)).json();
    expect(v.canReveal).toBe(true);
    expect(v.birthDate).toBe(c.birth_date);
    expect(v.idNumber).toBe(`${'*'.repeat(c.id_number.length - 4)}${c.id_number.slice(-4)}`);
  });
});

describe('searching customers', () => {
  it('a non-owner cannot confirm hidden name characters with a part of a name or a pattern', async () => {
    const chars = [...c.name];
    const prefix = chars.slice(0, 2).join(''); // 徐鹏 of 徐鹏立: the list shows 徐*立
    const pattern = `${chars[0]}${chars[1]}${'*'.repeat(chars.length - 2)}`; // 徐鹏*
    for (const u of ['hq01', 'ob01', 'lm0001']) {
      expect(await ids(u, prefix), `${u} ${prefix}`).not.toContain(c.customer_id);
      expect(await ids(u, pattern), `${u} ${pattern}`).not.toContain(c.customer_id);
      expect(await ids(u, chars.slice(1).join('')), `${u} tail`).not.toContain(c.customer_id);
    }
  });

  it('a non-owner finds a customer by customer number, the full name exactly, or the full phone', async () => {
    for (const u of ['hq01', 'ob01']) {
      expect(await ids(u, c.customer_id), u).toEqual([c.customer_id]);
      expect(await ids(u, c.name), u).toContain(c.customer_id);
      expect(await ids(u, c.phone), u).toEqual([c.customer_id]);
      expect(await ids(u, c.phone.slice(0, 7)), u).toEqual([]);
    }
  });

  it('the owning RM keeps substring search in their own book', async () => {
    const chars = [...c.name];
    expect(await ids('rm0001', chars.slice(0, 2).join(''))).toContain(c.customer_id);
    expect(await ids('rm0001', chars.slice(1).join(''))).toContain(c.customer_id);
    expect(await ids('rm0001', `${chars[0]}${'*'.repeat(chars.length - 1)}`)).toContain(c.customer_id);
    expect(await ids('rm0001', c.phone)).toEqual([c.customer_id]);
  });
});

describe('no copies in caches', () => {
  it('answers carrying personal data say Cache-Control: no-store', async () => {
    const cases: [string, string][] = [
      ['hq01', '/api/customers?pageSize=5'],
      ['ob01', `/api/customers/${c.customer_id}`],
      ['rm0001', `/api/customers/${c.customer_id}`],
      ['ob01', '/api/tiers/near-threshold?band=premium'],
      ['ob01', '/api/tiers/near-threshold/export?band=premium'],
      ['hq01', '/api/staff'],
      ['admin', '/api/admin/users'],
      ['rm0001', '/api/me'],
    ];
    for (const [u, url] of cases) {
      const r = await get(u, url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const reveal = await bank.app.inject({
      method: 'POST',
      url: `/api/customers/${c.customer_id}/reveal`,
      headers: { cookie: cookies.rm0001! },
      payload: { reason: '客户来电核实身份' },
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['cache-control']).toBe('no-store');
  });
});
