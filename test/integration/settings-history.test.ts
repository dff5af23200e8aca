import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let cookies: Record<string, string>;

beforeAll(async () => {
  bank = await seededBank();
  cookies = {};
  for (const u of ['rm0001', 'hq01', 'ob01', 'admin']) cookies[u] = await loginAs(bank.app, u);
});
afterAll(async () => bank?.close());

const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
const put = (user: string, url: string, payload: object) =>
  bank.app.inject({ method: 'PUT', url, headers: { cookie: cookies[user]! }, payload });

interface Version {
  version: number;
  createdAt: string;
  by: { username: string; name: string | null } | null;
  note: string | null;
  previousVersion: number | null;
  changes: { path: string; before?: unknown; after?: unknown }[];
}

describe('settings history', () => {
  it('lists every version, newest first, with who, when, the note and what changed', async () => {
    const start = (await get('hq01', '/api/settings/history')).json().items as Version[];
    expect(start.at(-1)).toMatchObject({ version: 1, by: null, previousVersion: null, changes: [] });
    const current = (await get('hq01', '/api/settings/tiers')).json();

    const first = await put('hq01', '/api/settings/tiers', {
      ...current,
      floors: { ...current.floors, premium: '60000.00' },
      note: '优质门槛提高到 6 万',
    });
    expect(first.statusCode).toBe(200);
    const second = await put('admin', '/api/settings/tiers', {
      ...first.json(),
      bandLowPct: 85,
      note: '临界带 85%',
    });
    expect(second.statusCode).toBe(200);

    const r = await get('hq01', '/api/settings/history');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const items = r.json().items as Version[];
    expect(items.map((v) => v.version)).toEqual([
      current.version + 2,
      current.version + 1,
      ...start.map((v) => v.version),
    ]);
    const [v2, v1] = items as [Version, Version];
    expect(v1).toMatchObject({
      version: current.version + 1,
      previousVersion: current.version,
      note: '优质门槛提高到 6 万',
      by: { username: 'hq01' },
      changes: [{ path: 'tiers.floorsFen.premium', before: '5000000', after: '6000000' }],
    });
    expect(v1.by!.name).toBeTruthy();
    expect(v1.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(v2).toMatchObject({
      note: '临界带 85%',
      by: { username: 'admin' },
      changes: [{ path: 'tiers.bandLowPct', before: current.bandLowPct, after: 85 }],
    });
  });

  it('is for head office and admin only, like the settings', async () => {
    expect((await get('rm0001', '/api/settings/history')).statusCode).toBe(403);
    expect((await get('ob01', '/api/settings/history')).statusCode).toBe(403);
    expect((await get('admin', '/api/settings/history')).statusCode).toBe(200);
    expect((await bank.app.inject({ method: 'GET', url: '/api/settings/history' })).statusCode).toBe(401);
  });
});
