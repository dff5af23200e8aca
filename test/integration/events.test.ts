/**
 * GET /api/events: the WebSocket push. Authentication by the session cookie, live delivery after
 * commit, resume from the last id (exactly the missed ones, in order), acknowledgements, a client
 * that never acknowledges, the polling fallback and session end. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';
import { connectEvents, refusedUpgrade, type EventsClient } from '../support/ws.js';

const POLL_MS = 250;
let bank: TestBank;
let url: string;
const cookies: Record<string, string> = {};
const staffOf: Record<string, string> = {};
const open: EventsClient[] = [];

beforeAll(async () => {
  bank = await seededBank({ config: { pushPollMs: POLL_MS } });
  url = await bank.app.listen({ port: 0, host: '127.0.0.1' });
  for (const u of ['rm0001', 'rm0002', 'ob01', 'hq01']) cookies[u] = await loginAs(bank.app, u);
  for (const r of await query<{ username: string; staff_id: string }>(
    bank.ctx.db,
    sql`SELECT username, staff_id FROM users`,
  ))
    staffOf[r.username] = r.staff_id;
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await bank?.close();
});

const connect = async (user: string, after?: number) => {
  const c = await connectEvents(url, cookies[user]!, after);
  open.push(c);
  return c;
};
/** ob01 → the staff of OT0001 (rm0001, rm0002, …) */
const sendNotice = async (title: string, extra: object = {}) => {
  const r = await bank.app.inject({
    method: 'POST',
    url: '/api/notifications/notices',
    headers: { cookie: cookies.ob01! },
    payload: { title, body: `${title} 正文`, ...extra },
  });
  expect(r.statusCode).toBe(201);
  return r.json() as { noticeId: string };
};
const titles = (ns: { payload: Record<string, unknown> }[]) => ns.map((n) => n.payload.title);

describe('connecting', () => {
  it('refuses an upgrade without a session (401), from another site (403) or with a bad `after` (400); a plain GET is 400', async () => {
    expect(await refusedUpgrade(url)).toBe(401);
    expect(await refusedUpgrade(url, { cookie: 'guanhu_session=forged' })).toBe(401);
    expect(await refusedUpgrade(url, { cookie: cookies.rm0001! }, '?after=-1')).toBe(400);
    // another site's page would send the cookie too: its Origin gives it away
    expect(await refusedUpgrade(url, { cookie: cookies.rm0001!, origin: 'https://evil.example' })).toBe(403);
    const own = await connectEvents(url, cookies.rm0001!, undefined, url);
    expect(own.hello.resumeFrom).toBe(own.hello.lastId);
    await own.close();
    const plain = await bank.app.inject({ method: 'GET', url: '/api/events', headers: { cookie: cookies.rm0001! } });
    expect(plain.statusCode).toBe(400);
  });

  it('says hello with my latest id and unread count', async () => {
    const c = await connect('rm0001');
    expect(c.hello).toEqual({ type: 'hello', lastId: 0, unread: 0, resumeFrom: 0 });
    await c.close();
  });
});

describe('delivery', () => {
  it('delivers a notice live to each recipient’s room only', async () => {
    const rm1 = await connect('rm0001');
    const hq = await connect('hq01');
    const { noticeId } = await sendNotice('实时一');
    const [n] = await rm1.notifications(1);
    expect(n).toMatchObject({ id: 1, type: 'notifications.notice', acknowledgedAt: null });
    expect(n!.payload).toMatchObject({ noticeId, title: '实时一', from: { staffId: staffOf.ob01 } });
    // head office is not in OT0001: nothing for them
    expect(await hq.quietFor(POLL_MS * 3)).toEqual([]);
    await rm1.close();
    await hq.close();
  });

  it('resumes after the last id: exactly the missed ones, in order, once, then live ones', async () => {
    const first = await connect('rm0001');
    const last = first.hello.lastId;
    await first.close();
    for (const t of ['错过一', '错过二', '错过三']) await sendNotice(t);
    const again = await connect('rm0001', last);
    expect(again.hello).toMatchObject({ resumeFrom: last, lastId: last + 3, unread: last + 3 });
    const missed = await again.notifications(3);
    expect(missed.map((n) => n.id)).toEqual([last + 1, last + 2, last + 3]);
    expect(titles(missed)).toEqual(['错过一', '错过二', '错过三']);
    // several polls and wake-ups later, nothing is repeated
    expect(await again.quietFor(POLL_MS * 4)).toEqual([]);
    await sendNotice('之后实时');
    const [live] = await again.notifications(1);
    expect(live!.id).toBe(last + 4);
    // a client that claims an id beyond the latest starts from the latest
    const ahead = await connect('rm0001', last + 100);
    expect(ahead.hello.resumeFrom).toBe(last + 4);
    expect(await ahead.quietFor(POLL_MS * 2)).toEqual([]);
    await Promise.all([again.close(), ahead.close()]);
  });

  it('records an acknowledgement for exactly what was delivered on that connection', async () => {
    const c = await connect('rm0002');
    const from = c.hello.lastId;
    await sendNotice('确认一');
    await sendNotice('确认二');
    const got = await c.notifications(2);
    c.ack(got[1]!.id + 5);
    expect(await c.next()).toMatchObject({ type: 'error', code: 'ACK_AHEAD' });
    c.ws.send('not json');
    expect(await c.next()).toMatchObject({ type: 'error', code: 'BAD_MESSAGE' });
    c.ack(got[1]!.id);
    await expect
      .poll(async () =>
        query<{ seq: number; acked: boolean }>(
          bank.ctx.db,
          sql`SELECT seq::int AS seq, acknowledged_at IS NOT NULL AS acked FROM notifications WHERE recipient_staff_id = ${staffOf.rm0002!} ORDER BY seq`,
        ),
      )
      .toEqual([
        ...Array.from({ length: from }, (_, i) => ({ seq: i + 1, acked: false })),
        { seq: from + 1, acked: true },
        { seq: from + 2, acked: true },
      ]);
    await c.close();
  });

  it('does not let a client that never acknowledges hold back another one', async () => {
    const silent = await connect('rm0001');
    const phone = await connect('rm0001');
    const other = await connect('rm0002');
    for (const t of ['不确认一', '不确认二', '不确认三']) await sendNotice(t);
    const [a, b, c] = await Promise.all([silent.notifications(3), phone.notifications(3), other.notifications(3)]);
    expect(titles(a)).toEqual(['不确认一', '不确认二', '不确认三']);
    expect(titles(b)).toEqual(titles(a));
    expect(titles(c)).toEqual(titles(a));
    phone.ack(b[2]!.id);
    await sendNotice('再来一条');
    expect(titles(await phone.notifications(1))).toEqual(['再来一条']);
    expect(titles(await silent.notifications(1))).toEqual(['再来一条']);
    await Promise.all([silent.close(), phone.close(), other.close()]);
  });

  it('falls back to polling for a row it was not woken for', async () => {
    const c = await connect('hq01');
    const next = c.hello.lastId + 1;
    // written without the NOTIFY, as if the wake-up had been lost
    await bank.ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`INSERT INTO notification_cursors (staff_id, last_seq) VALUES (${staffOf.hq01!}, ${next})
            ON CONFLICT (staff_id) DO UPDATE SET last_seq = ${next}`,
      );
      await tx.execute(sql`
        INSERT INTO notifications (recipient_staff_id, seq, type, payload, created_at)
        VALUES (${staffOf.hq01!}, ${next}, 'notifications.notice', ${JSON.stringify({
          noticeId: '00000000-0000-4000-8000-000000000009',
          title: '轮询',
          body: '无唤醒',
          from: { staffId: 'S00001', name: '管理员', role: 'admin', orgId: 'HO', orgName: '总行' },
          to: null,
        })}::jsonb, now())`);
    });
    const t0 = Date.now();
    const [n] = await c.notifications(1, POLL_MS * 8);
    expect(n!.id).toBe(next);
    expect(Date.now() - t0).toBeLessThan(POLL_MS * 8);
    await c.close();
  });

  it('closes the connection with 4401 once the session has ended', async () => {
    const cookie = await loginAs(bank.app, 'rm0002');
    const c = await connectEvents(url, cookie);
    const out = await bank.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const code = await Promise.race([c.closed, new Promise((r) => setTimeout(() => r('still open'), POLL_MS * 20))]);
    expect(code).toBe(4401);
  });
});
