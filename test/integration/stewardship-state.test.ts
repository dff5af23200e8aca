/**
 * The nightly `stewardship` step on a seeded XS bank: every state constructed on purpose, the
 * valid-contact SQL against the domain rule, per-outlet figures, re-run idempotence; then the
 * coverage API, its lists and exports, and scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../src/platform/db/query.js';
import { loadSettings } from '../../src/platform/settings-store.js';
import { CONTACT_CHANNELS } from '../../src/domain/enums.js';
import { isValidContact } from '../../src/domain/contacts.js';
import { addDays } from '../../src/domain/dates.js';
import { stewardshipSteps } from '../../src/features/stewardship/steps.js';
import { validContactSql } from '../../src/features/stewardship/valid-contact-sql.js';
import { AS_OF, loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
const OUTLET = 'OT0001';
const ago = (days: number) => addDays(AS_OF, -days);
/** a Shanghai wall-clock instant on `date` */
const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

const db = () => bank.ctx.db;
const exec = (q: ReturnType<typeof sql>) => db().execute(q);

async function runStep() {
  const settings = await loadSettings(db());
  const step = stewardshipSteps.find((s) => s.name === 'stewardship')!;
  return step.run({ db: db(), date: AS_OF, settings, workers: 1, runId: 'test' });
}

async function pick(where: ReturnType<typeof sql>, n: number): Promise<string[]> {
  const rows = await query<{ customer_id: string }>(
    db(),
    sql`SELECT customer_id FROM customer_aum_daily
        WHERE as_of_date = ${AS_OF} AND home_org_id = ${OUTLET} AND ${where}
        ORDER BY customer_id LIMIT ${n}`,
  );
  expect(rows).toHaveLength(n);
  return rows.map((r) => r.customer_id);
}

/** gives `customer` exactly one open relationship: to `staff` from `since`, or none */
async function holdBy(customer: string, staff: string | null, since = ago(200)) {
  await exec(sql`DELETE FROM relationships WHERE customer_id = ${customer}`);
  if (staff)
    await exec(
      sql`INSERT INTO relationships (customer_id, staff_id, started_on) VALUES (${customer}, ${staff}, ${since})`,
    );
}

let seq = 0;
async function contact(
  customer: string,
  staff: string,
  channel: string,
  when: string,
  durationSeconds: number | null,
  connected: boolean | null,
) {
  await exec(sql`INSERT INTO contacts (contact_id, staff_id, customer_id, channel, started_at, duration_seconds, connected)
                 VALUES (${`TK${++seq}`}, ${staff}, ${customer}, ${channel}::contact_channel, ${when}::timestamptz,
                         ${durationSeconds}, ${connected})`);
}

const stateOf = async (customer: string) =>
  (
    await query<{ state: string; staff_id: string | null; last: string | null; tier: string }>(
      db(),
      sql`SELECT state, staff_id, last_valid_contact_on::text AS last, tier FROM customer_stewardship WHERE customer_id = ${customer}`,
    )
  )[0];

// test staff in OT0001: an active RM, one who left, a private-banking advisor (may not own premium)
const RM = 'T_RM';
const LEFT = 'T_LEFT';
const PA = 'T_PA';
const KEYS = [
  'noRm',
  'rmLeft',
  'wrongRole',
  'called',
  'wechatOnly',
  'shortCall',
  'newRel',
  'otherStaff',
  'oldCall',
  'near',
  'low',
] as const;
type Key = (typeof KEYS)[number];
let c: Record<Key, string>;

beforeAll(async () => {
  bank = await seededBank();
  await exec(sql`INSERT INTO staff (staff_id, org_id, name, role, status) VALUES
    (${RM}, ${OUTLET}, '测试经理', 'rm', 'active'),
    (${LEFT}, ${OUTLET}, '离职经理', 'rm', 'left'),
    (${PA}, ${OUTLET}, '私行顾问', 'private_advisor', 'active')`);
  const premium = await pick(sql`tier = 'premium'`, 9);
  const [near] = await pick(sql`tier = 'mass' AND band = 'premium'`, 1);
  const [low] = await pick(sql`tier = 'mass' AND band IS NULL`, 1);
  c = {
    noRm: premium[0]!,
    rmLeft: premium[1]!,
    wrongRole: premium[2]!,
    called: premium[3]!,
    wechatOnly: premium[4]!,
    shortCall: premium[5]!,
    newRel: premium[6]!,
    otherStaff: premium[7]!,
    oldCall: premium[8]!,
    near: near!,
    low: low!,
  };
  await holdBy(c.noRm, null);
  await holdBy(c.rmLeft, LEFT);
  await holdBy(c.wrongRole, PA);
  for (const k of ['called', 'wechatOnly', 'shortCall', 'otherStaff', 'oldCall', 'near', 'low'] as const)
    await holdBy(c[k], RM);
  await holdBy(c.newRel, RM, ago(30));
  await contact(c.called, RM, 'phone', at(ago(10)), 30, true);
  await contact(c.wechatOnly, RM, 'wechat', at(ago(2)), 600, true);
  await contact(c.shortCall, RM, 'phone', at(ago(3)), 29, true);
  await contact(c.shortCall, RM, 'phone', at(ago(4)), 300, false);
  // a valid call, but by somebody else: the RM still does not keep in touch
  await contact(c.otherStaff, 'T_PA', 'visit', at(ago(5)), 1800, null);
  // the RM's last valid contact was 90 days ago: outside the last 90 days
  await contact(c.oldCall, RM, 'visit', at(ago(90)), 1800, null);
  // after the business date in Shanghai (00:30 the next morning): does not count
  await contact(c.wechatOnly, RM, 'phone', at(addDays(AS_OF, 1), '00:30:00'), 120, true);
});
afterAll(async () => bank?.close());

describe('the nightly stewardship step', () => {
  it('gives every constructed case its state', async () => {
    const out = await runStep();
    expect(out.detail?.code).toBe('stewardship.state');
    expect(out.rows).toBeGreaterThan(0);
    const want: Record<Key, [string, string | null]> = {
      noRm: ['unmanaged', null],
      rmLeft: ['orphaned', LEFT],
      wrongRole: ['wrong_role', PA],
      called: ['managed', RM],
      wechatOnly: ['idle', RM],
      shortCall: ['idle', RM],
      newRel: ['managed', RM],
      otherStaff: ['idle', RM],
      oldCall: ['idle', RM],
      near: ['release', RM],
      low: ['release', RM],
    };
    for (const k of KEYS) {
      const [state, staff] = want[k];
      const s = await stateOf(c[k]);
      expect({ k, state: s?.state, staff: s?.staff_id }).toEqual({ k, state, staff });
    }
    expect((await stateOf(c.called))?.last).toBe(ago(10));
    expect((await stateOf(c.oldCall))?.last).toBe(ago(90));
    expect((await stateOf(c.wechatOnly))?.last).toBeNull();
  });

  it('leaves out customers below premium that nobody holds, and counts every eligible one', async () => {
    const [r] = await query<{ missing: number; extra: number }>(
      db(),
      sql`SELECT
            (SELECT count(*) FROM customer_aum_daily d WHERE d.as_of_date = ${AS_OF} AND d.tier > 'mass'
               AND NOT EXISTS (SELECT 1 FROM customer_stewardship s WHERE s.customer_id = d.customer_id))::int AS missing,
            (SELECT count(*) FROM customer_stewardship s JOIN customer_aum_daily d
               ON d.customer_id = s.customer_id AND d.as_of_date = ${AS_OF}
             WHERE d.tier = 'mass' AND NOT EXISTS (SELECT 1 FROM relationships r
               WHERE r.customer_id = s.customer_id AND r.ended_on IS NULL))::int AS extra`,
    );
    expect(r).toEqual({ missing: 0, extra: 0 });
  });

  it('sums the customers’ states per outlet into org_stewardship_daily, over-cap RMs included', async () => {
    const per = await query<Record<string, number | string>>(
      db(),
      sql`SELECT c.home_org_id AS org_id,
                 count(*) FILTER (WHERE s.state <> 'release')::int AS eligible,
                 count(*) FILTER (WHERE s.state = 'managed')::int AS managed,
                 count(*) FILTER (WHERE s.state = 'idle')::int AS idle,
                 count(*) FILTER (WHERE s.state = 'release')::int AS release
          FROM customer_stewardship s JOIN customers c ON c.customer_id = s.customer_id
          GROUP BY 1 ORDER BY 1`,
    );
    const daily = await query<Record<string, number | string>>(
      db(),
      sql`SELECT org_id, eligible, managed, idle, release FROM org_stewardship_daily
          WHERE as_of_date = ${AS_OF} AND (eligible > 0 OR release > 0) ORDER BY 1`,
    );
    expect(daily).toEqual(per);
    // an RM's capacity (400 by default) plus one: T_RM's book goes over it
    const cap = (await loadSettings(db())).value.stewardship.capacity.rm;
    const [load] = await query<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM relationships WHERE staff_id = ${RM} AND ended_on IS NULL`,
    );
    const extra = await query<{ customer_id: string }>(
      db(),
      sql`SELECT customer_id FROM customer_aum_daily WHERE as_of_date = ${AS_OF} AND tier = 'mass'
            AND customer_id NOT IN (SELECT customer_id FROM relationships WHERE ended_on IS NULL)
          ORDER BY customer_id LIMIT ${cap + 1 - load!.n}`,
    );
    await exec(sql`INSERT INTO relationships (customer_id, staff_id, started_on)
                   SELECT unnest(${`{${extra.map((e) => e.customer_id).join(',')}}`}::text[]), ${RM}, ${ago(10)}::date`);
    await runStep();
    const [o] = await query<{ n: number }>(
      db(),
      sql`SELECT over_cap_rms AS n FROM org_stewardship_daily WHERE as_of_date = ${AS_OF} AND org_id = ${OUTLET}`,
    );
    expect(o!.n).toBe(1);
  });

  it('is idempotent: a re-run of the date writes the same rows', async () => {
    const snap = async () => ({
      cust: await query(db(), sql`SELECT * FROM customer_stewardship ORDER BY customer_id`),
      org: await query(db(), sql`SELECT * FROM org_stewardship_daily ORDER BY as_of_date, org_id`),
    });
    const before = await snap();
    await runStep();
    expect(await snap()).toEqual(before);
  });

  it('decides valid contacts in SQL exactly as the domain rule does', async () => {
    const s = (await loadSettings(db())).value.contacts;
    const cases: { id: string; channel: string; durationSeconds: number | null; connected: boolean | null }[] = [];
    for (const channel of CONTACT_CHANNELS)
      for (const connected of [true, false, null])
        for (const durationSeconds of [null, 0, s.validCallSeconds - 1, s.validCallSeconds])
          cases.push({ id: `TV${cases.length}`, channel, durationSeconds, connected });
    for (const k of cases)
      await exec(sql`INSERT INTO contacts (contact_id, staff_id, customer_id, channel, started_at, duration_seconds, connected)
                     VALUES (${k.id}, ${RM}, ${c.low}, ${k.channel}::contact_channel, now(), ${k.durationSeconds}, ${k.connected})`);
    const rows = await query<{ contact_id: string; valid: boolean }>(
      db(),
      sql`SELECT contact_id, ${validContactSql('k', s)} AS valid FROM contacts k WHERE contact_id LIKE 'TV%'`,
    );
    const got = new Map(rows.map((r) => [r.contact_id, r.valid]));
    for (const k of cases)
      expect({ ...k, valid: got.get(k.id) }).toEqual({ ...k, valid: isValidContact(k as never, s) });
    await exec(sql`DELETE FROM contacts WHERE contact_id LIKE 'TV%'`);
  });
});

describe('the coverage API', () => {
  let cookies: Record<string, string>;
  let rm1: string;
  const get = (user: string, url: string) =>
    bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

  beforeAll(async () => {
    cookies = {};
    for (const u of ['hq01', 'ob01', 'ob02', 'rm0001']) cookies[u] = await loginAs(bank.app, u);
    rm1 = (await query<{ staff_id: string }>(db(), sql`SELECT staff_id FROM users WHERE username = 'rm0001'`))[0]!
      .staff_id;
  });

  interface Figures {
    eligible: number;
    managed: number;
    idle: number;
    coverageRate: number | null;
    idleRate: number | null;
    overCapRms: number;
  }

  it('gives each node its figures, its children’s and the trend; the rates are (managed + idle) / eligible', async () => {
    const r = await get('hq01', '/api/stewardship/coverage');
    expect(r.statusCode).toBe(200);
    const body = r.json<{ totals: Figures; children: Figures[]; trend: { date: string }[]; date: string }>();
    const [want] = await query<{ eligible: number; managed: number; idle: number }>(
      db(),
      sql`SELECT count(*) FILTER (WHERE state <> 'release')::int AS eligible,
                 count(*) FILTER (WHERE state = 'managed')::int AS managed,
                 count(*) FILTER (WHERE state = 'idle')::int AS idle FROM customer_stewardship`,
    );
    expect(body.totals).toMatchObject(want!);
    expect(body.totals.coverageRate).toBeCloseTo((want!.managed + want!.idle) / want!.eligible, 12);
    expect(body.totals.idleRate).toBeCloseTo(want!.idle / (want!.managed + want!.idle), 12);
    expect(body.totals.overCapRms).toBe(1);
    expect(body.children.reduce((n, c) => n + c.eligible, 0)).toBe(body.totals.eligible);
    expect(body.trend.map((t) => t.date)).toEqual([AS_OF]);
    expect(body.date).toBe(AS_OF);

    const outlet = await get('ob01', '/api/stewardship/coverage');
    expect(outlet.statusCode).toBe(200);
    const [mine] = await query<{ eligible: number }>(
      db(),
      sql`SELECT count(*)::int AS eligible FROM customer_stewardship s JOIN customers c USING (customer_id)
          WHERE c.home_org_id = ${OUTLET} AND s.state <> 'release'`,
    );
    expect(outlet.json<{ org: { orgId: string }; totals: Figures }>()).toMatchObject({
      org: { orgId: OUTLET },
      totals: { eligible: mine!.eligible, overCapRms: 1 },
    });
    expect((await get('ob02', `/api/stewardship/coverage?orgId=${OUTLET}`)).statusCode).toBe(404);
    expect((await get('hq01', '/api/stewardship/coverage?date=2020-01-01')).statusCode).toBe(404);
    expect((await get('rm0001', '/api/stewardship/coverage')).statusCode).toBe(403);
  });

  it('lists over-cap RMs in scope only, and an RM’s book against their cap', async () => {
    const hq = await get('hq01', '/api/stewardship/over-cap');
    expect(hq.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ staffId: RM, role: 'rm', orgId: OUTLET, cap: 400, load: 401, excess: 1 }),
    ]);
    expect((await get('ob02', '/api/stewardship/over-cap')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await get('rm0001', '/api/stewardship/over-cap')).json<{ items: unknown[] }>().items).toEqual([]);

    const book = await get('ob01', `/api/stewardship/rms/${RM}/book`);
    expect(book.json()).toMatchObject({ staffId: RM, load: 401, cap: 400, excess: 1, states: { wrong_role: 0 } });
    const states = book.json<{ states: Record<string, number> }>().states;
    expect(states.idle).toBe(4);
    expect((await get('ob02', `/api/stewardship/rms/${RM}/book`)).statusCode).toBe(404);
    expect((await get('rm0001', `/api/stewardship/rms/${RM}/book`)).statusCode).toBe(404);
    const own = await get('rm0001', `/api/stewardship/rms/${rm1}/book`);
    expect(own.statusCode).toBe(200);
    const [n] = await query<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM customer_stewardship WHERE staff_id = ${rm1}`,
    );
    expect(own.json()).toMatchObject({ staffId: rm1, load: n!.n, cap: 400 });
  });

  it('lists the release list with masked names and a suggested action; RMs see only their own', async () => {
    const r = await get('ob01', '/api/stewardship/release?pageSize=200');
    const body = r.json<{
      items: { customerId: string; name: string; action: string; rmId: string; orgId: string }[];
      total: number;
    }>();
    const [n] = await query<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM customer_stewardship s JOIN customers c USING (customer_id)
          WHERE c.home_org_id = ${OUTLET} AND s.state = 'release'`,
    );
    expect(body.total).toBe(n!.n);
    expect(body.items).toHaveLength(Math.min(200, n!.n));
    expect(new Set(body.items.map((i) => i.orgId))).toEqual(new Set([OUTLET]));
    const byId = new Map(body.items.map((i) => [i.customerId, i]));
    expect(byId.get(c.near)?.action).toBe('keep_near_threshold');
    expect(byId.get(c.low)?.action).toBe('release_to_pool');
    expect(body.items.every((i) => i.name.includes('*'))).toBe(true);
    const mine = (await get('rm0001', '/api/stewardship/release?pageSize=200')).json<{ items: typeof body.items }>();
    expect(mine.items.every((i) => i.rmId === rm1)).toBe(true);
    expect(
      (await get('ob02', '/api/stewardship/release'))
        .json<{ items: typeof body.items }>()
        .items.some((i) => i.orgId === OUTLET),
    ).toBe(false);
  });

  it('exports both lists as audited xlsx for managers, refuses RMs and lists over the row limit', async () => {
    const r = await get('ob01', '/api/stewardship/release/export');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const [n] = await query<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM customer_stewardship s JOIN customers c USING (customer_id)
          WHERE c.home_org_id = ${OUTLET} AND s.state = 'release'`,
    );
    expect(ws.rowCount).toBe(n!.n + 2);
    const over = await get('hq01', '/api/stewardship/over-cap/export');
    expect(over.statusCode).toBe(200);
    const audits = await query<{ entity_type: string }>(
      db(),
      sql`SELECT entity_type FROM audit_log WHERE action = 'export' AND entity_type LIKE 'stewardship_%' ORDER BY id`,
    );
    expect(audits.map((a) => a.entity_type)).toEqual(['stewardship_release', 'stewardship_over_cap']);
    expect((await get('rm0001', '/api/stewardship/release/export')).statusCode).toBe(403);
    const { buildApp } = await import('../../src/platform/http/app.js');
    const { modules } = await import('../../src/modules.js');
    const { loadConfig } = await import('../../src/platform/config.js');
    const small = await buildApp(bank.ctx, { ...loadConfig({}), exportMaxRows: 10 }, modules);
    await small.ready();
    try {
      const big = await small.inject({
        method: 'GET',
        url: '/api/stewardship/release/export',
        headers: { cookie: cookies.ob01! },
      });
      expect(big.statusCode).toBe(422);
      expect(big.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    } finally {
      await small.close();
    }
  });
});
