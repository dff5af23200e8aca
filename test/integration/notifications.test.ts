/**
 * Notifications: the outbox (written in the causing transaction, per-recipient ids that commit
 * in order), the inbox API, notices and who may send them to whom. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { notifyMany } from '../../src/platform/realtime/outbox.js';
import { noticeEvents } from '../../src/features/notifications/events.js';
import { frozenClock, loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
const cookies: Record<string, string> = {};
const USERS = ['rm0001', 'rm0002', 'ob01', 'ob02', 'lm0001', 'sb01', 'br01', 'hq01'];
const staffOf: Record<string, string> = {};

beforeAll(async () => {
  bank = await seededBank();
  for (const u of USERS) cookies[u] = await loginAs(bank.app, u);
  const rows = await query<{ username: string; staff_id: string }>(
    bank.ctx.db,
    sql`SELECT username, staff_id FROM users`,
  );
  for (const r of rows) staffOf[r.username] = r.staff_id;
});
afterAll(async () => bank?.close());

const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
const post = (user: string, url: string, payload?: object) =>
  bank.app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
const notice = (user: string, body: object) => post(user, '/api/notifications/notices', body);
const rowsOf = (staffId: string) =>
  query<{ seq: number; type: string; title: string }>(
    bank.ctx.db,
    sql`SELECT seq::int AS seq, type, payload->>'title' AS title FROM notifications WHERE recipient_staff_id = ${staffId} ORDER BY seq`,
  );
const samplePayload = (title: string) => ({
  noticeId: '00000000-0000-4000-8000-000000000001',
  title,
  body: 'b',
  from: { staffId: 'S00005', name: 'x', role: 'outlet_head' as const, orgId: 'OT0001', orgName: 'o' },
  to: null,
});

describe('the outbox', () => {
  it('writes nothing when the causing transaction rolls back, and the id is not used up', async () => {
    const rm = staffOf.rm0002!;
    const before = await rowsOf(rm);
    await expect(
      bank.ctx.db.transaction(async (tx) => {
        const [r] = await notifyMany(tx as unknown as AppDb, noticeEvents, {
          type: 'notifications.notice',
          recipients: [rm],
          payload: samplePayload('rolled back'),
          at: frozenClock.now(),
        });
        expect(r!.id).toBe(before.length + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(rm)).toEqual(before);
    const [r] = await notifyMany(bank.ctx.db, noticeEvents, {
      type: 'notifications.notice',
      recipients: [rm],
      payload: samplePayload('kept'),
      at: frozenClock.now(),
    });
    expect(r!.id).toBe(before.length + 1);
  });

  it('refuses a payload its event schema rejects', async () => {
    await expect(
      notifyMany(bank.ctx.db, noticeEvents, {
        type: 'notifications.notice',
        recipients: [staffOf.rm0002!],
        payload: { ...samplePayload(''), title: '' },
        at: frozenClock.now(),
      }),
    ).rejects.toThrow();
  });

  it('gives each recipient gap-free ids in commit order: a second writer waits for the first to commit', async () => {
    const rm = staffOf.rm0002!;
    const start = (await rowsOf(rm)).length;
    let releaseFirst!: () => void;
    const held = new Promise<void>((r) => (releaseFirst = r));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    const write = (tx: unknown, title: string) =>
      notifyMany(tx as AppDb, noticeEvents, {
        type: 'notifications.notice',
        recipients: [rm, staffOf.rm0001!],
        payload: samplePayload(title),
        at: frozenClock.now(),
      });
    const first = bank.ctx.db.transaction(async (tx) => {
      const ids = await write(tx, 'first');
      firstWrote();
      await held;
      return ids;
    });
    await wrote;
    let secondDone = false;
    const second = bank.ctx.db
      .transaction((tx) => write(tx, 'second'))
      .then((ids) => {
        secondDone = true;
        return ids;
      });
    await new Promise((r) => setTimeout(r, 300));
    // The second transaction cannot take the next id while the first holds the cursor row.
    expect(secondDone).toBe(false);
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    const idOf = (ids: { recipient: string; id: number }[]) => ids.find((x) => x.recipient === rm)!.id;
    expect(idOf(a)).toBe(start + 1);
    expect(idOf(b)).toBe(start + 2);
    const rows = await rowsOf(rm);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.slice(-2).map((r) => r.title)).toEqual(['first', 'second']);
  });

  it('stays gap-free and deadlock-free under many concurrent writers to overlapping recipients', async () => {
    const a = staffOf.lm0001!;
    const b = staffOf.rm0001!;
    const [beforeA, beforeB] = [(await rowsOf(a)).length, (await rowsOf(b)).length];
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        bank.ctx.db.transaction((tx) =>
          notifyMany(tx as unknown as AppDb, noticeEvents, {
            type: 'notifications.notice',
            // half the writers name the recipients in the other order: locks are still taken in staff-id order
            recipients: i % 2 ? [a, b] : [b, a],
            payload: samplePayload(`burst ${i}`),
            at: frozenClock.now(),
          }),
        ),
      ),
    );
    for (const [who, before] of [
      [a, beforeA],
      [b, beforeB],
    ] as const) {
      const seqs = (await rowsOf(who)).map((r) => Number(r.seq));
      expect(seqs).toHaveLength(before + 16);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });
});

describe('notices', () => {
  it('an outlet head sends a notice to the staff of their outlet, audited in the same transaction', async () => {
    const auditBefore = await query(bank.ctx.db, sql`SELECT 1 FROM audit_log WHERE action = 'notice_sent'`);
    const r = await notice('ob01', { title: '晨会通知', body: '明早 8:30 网点晨会，请准时参加。' });
    expect(r.statusCode).toBe(201);
    const { noticeId, recipients } = r.json();
    const got = await query<{ recipient_staff_id: string; payload: { from: { staffId: string }; noticeId: string } }>(
      bank.ctx.db,
      sql`SELECT recipient_staff_id, payload FROM notifications WHERE payload->>'noticeId' = ${noticeId}`,
    );
    const expected = await query<{ staff_id: string }>(
      bank.ctx.db,
      sql`SELECT staff_id FROM staff WHERE org_id = 'OT0001' AND status = 'active' AND staff_id <> ${staffOf.ob01!}`,
    );
    expect(recipients).toBe(expected.length);
    expect(got.map((g) => g.recipient_staff_id).sort()).toEqual(expected.map((e) => e.staff_id).sort());
    expect(got.every((g) => g.payload.from.staffId === staffOf.ob01)).toBe(true);
    const audit = await query<{ actor_staff_id: string; after: { recipients: number; title: string } }>(
      bank.ctx.db,
      sql`SELECT actor_staff_id, after FROM audit_log WHERE action = 'notice_sent' AND entity_id = ${noticeId}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_staff_id: staffOf.ob01, after: { recipients, title: '晨会通知' } });
    expect(
      (await query(bank.ctx.db, sql`SELECT 1 FROM audit_log WHERE action = 'notice_sent'`)).length - auditBefore.length,
    ).toBe(1);
  });

  it('a sub-branch manager reaches one outlet, or only some roles, inside their subtree', async () => {
    const r = await notice('sb01', {
      title: 'RM 专项',
      body: '本周重点：临界客户回访。',
      orgId: 'OT0002',
      roles: ['rm'],
    });
    expect(r.statusCode).toBe(201);
    const got = await query<{ recipient_staff_id: string }>(
      bank.ctx.db,
      sql`SELECT recipient_staff_id FROM notifications WHERE payload->>'noticeId' = ${r.json().noticeId}`,
    );
    const rms = await query<{ staff_id: string }>(
      bank.ctx.db,
      sql`SELECT staff_id FROM staff WHERE org_id = 'OT0002' AND role = 'rm' AND status = 'active'`,
    );
    expect(got.map((g) => g.recipient_staff_id).sort()).toEqual(rms.map((x) => x.staff_id).sort());
    const named = await notice('br01', { title: '点名', body: '请回电。', staffIds: [staffOf.rm0001!] });
    expect(named.statusCode).toBe(201);
    expect(named.json().recipients).toBe(1);
  });

  it('answers 404 for a target outside the sender’s subtree, like one that does not exist', async () => {
    const other = await notice('ob01', { title: 't', body: 'b', orgId: 'OT0002' });
    const missing = await notice('ob01', { title: 't', body: 'b', orgId: 'OT9999' });
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json().message).toBe(missing.json().message);
    const up = await notice('ob01', { title: 't', body: 'b', orgId: 'SB0101' });
    expect(up.statusCode).toBe(404);
    const foreignStaff = await notice('ob02', { title: 't', body: 'b', staffIds: [staffOf.rm0001!] });
    expect(foreignStaff.statusCode).toBe(404);
    const written = await query(
      bank.ctx.db,
      sql`SELECT 1 FROM audit_log WHERE action = 'notice_sent' AND actor_staff_id = ${staffOf.ob02!}`,
    );
    expect(written).toHaveLength(0);
  });

  it('refuses RMs and lobby managers, bad bodies and a notice to nobody', async () => {
    expect((await notice('rm0001', { title: 't', body: 'b' })).statusCode).toBe(403);
    expect((await notice('lm0001', { title: 't', body: 'b' })).statusCode).toBe(403);
    expect((await notice('ob01', { title: '', body: 'b' })).statusCode).toBe(400);
    expect((await notice('ob01', { title: 't', body: 'b', orgId: 'OT0001', staffIds: ['S00007'] })).statusCode).toBe(
      400,
    );
    const nobody = await notice('ob01', { title: 't', body: 'b', roles: ['branch_manager'] });
    expect(nobody.statusCode).toBe(400);
    const unauth = await bank.app.inject({
      method: 'POST',
      url: '/api/notifications/notices',
      payload: { title: 't', body: 'b' },
    });
    expect(unauth.statusCode).toBe(401);
  });
});

describe('the inbox', () => {
  it('lists only my own notifications, newest first, paged, with an unread filter and count', async () => {
    const mine = await rowsOf(staffOf.rm0001!);
    expect(mine.length).toBeGreaterThan(3);
    const p1 = await get('rm0001', '/api/notifications?pageSize=2');
    expect(p1.statusCode).toBe(200);
    const b1 = p1.json();
    expect(b1.total).toBe(mine.length);
    expect(b1.unread).toBe(mine.length);
    expect(b1.items.map((i: { id: number }) => i.id)).toEqual([mine.length, mine.length - 1]);
    const p2 = (await get('rm0001', '/api/notifications?pageSize=2&page=2')).json();
    expect(p2.items.map((i: { id: number }) => i.id)).toEqual([mine.length - 2, mine.length - 3]);
    expect(b1.items[0]).toMatchObject({ type: 'notifications.notice', readAt: null });
    expect(b1.items[0].payload.title).toBe(mine.at(-1)!.title);
    // Someone else's inbox is theirs alone.
    const other = (await get('rm0002', '/api/notifications?pageSize=200')).json();
    expect(other.total).toBe((await rowsOf(staffOf.rm0002!)).length);
    const count = (await get('rm0001', '/api/notifications/unread-count')).json();
    expect(count).toEqual({ unread: mine.length, lastId: mine.length });
    expect((await bank.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('marks one read (once: a second time keeps the first time), and not someone else’s', async () => {
    const r = await post('rm0001', '/api/notifications/1/read');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: 1, readAt: frozenClock.now().toISOString() });
    expect((await post('rm0001', '/api/notifications/1/read')).json().readAt).toBe(r.json().readAt);
    const unread = (await get('rm0001', '/api/notifications?unread=true&pageSize=200')).json();
    expect(unread.items.some((i: { id: number }) => i.id === 1)).toBe(false);
    expect(unread.total).toBe(unread.unread);
    // hq01 has no notification 1 of their own: 404, exactly like a missing id.
    const foreign = await post('hq01', '/api/notifications/1/read');
    const missing = await post('rm0001', '/api/notifications/999999/read');
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().message).toBe(missing.json().message);
    const [row] = await query<{ read_at: Date | null }>(
      bank.ctx.db,
      sql`SELECT read_at FROM notifications WHERE recipient_staff_id = ${staffOf.rm0002!} AND seq = 1`,
    );
    expect(row!.read_at).toBeNull();
  });

  it('marks all read up to the newest id the client has seen, leaving later ones unread', async () => {
    const last = (await get('rm0001', '/api/notifications/unread-count')).json().lastId as number;
    const later = await notice('ob01', { title: '稍后', body: '在全部已读之后到达' });
    expect(later.statusCode).toBe(201);
    const r = await post('rm0001', '/api/notifications/read-all', { upTo: last });
    expect(r.statusCode).toBe(200);
    expect(r.json().unread).toBe(1);
    const left = (await get('rm0001', '/api/notifications?unread=true')).json();
    expect(left.items.map((i: { id: number }) => i.id)).toEqual([last + 1]);
    const all = await post('rm0001', '/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: 1, unread: 0 });
  });
});

describe('the API document', () => {
  it('lists the inbox, notices and the WebSocket with typed payloads', async () => {
    const doc = (await bank.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const p of [
      '/api/notifications',
      '/api/notifications/unread-count',
      '/api/notifications/{id}/read',
      '/api/notifications/read-all',
      '/api/notifications/notices',
      '/api/events',
    ])
      expect(doc.paths[p], p).toBeDefined();
    const item =
      doc.paths['/api/notifications'].get.responses['200'].content['application/json'].schema.properties.items.items;
    const notice = item.oneOf.find(
      (o: { properties: { type: { enum?: string[]; const?: string } } }) =>
        (o.properties.type.enum?.[0] ?? o.properties.type.const) === 'notifications.notice',
    );
    expect(notice.properties.payload.properties.title).toBeDefined();
    const ws = doc.paths['/api/events'].get;
    const kinds = ws.responses['101'].content['application/json'].schema.oneOf.map(
      (o: { properties: { type: { enum: string[] } } }) => o.properties.type.enum[0],
    );
    expect(kinds).toEqual(['hello', 'notification', 'error']);
    expect(ws.description).toContain('"ack"');
  });
});
