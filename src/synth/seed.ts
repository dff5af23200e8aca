/**
 * Loads a synthetic bank into an empty, migrated database with COPY: org → staff → users →
 * products, then customers chunk by chunk, each chunk's customers before their holdings,
 * history, relationships and activity. The customer tables' foreign keys are dropped for the
 * load and validated when they are added back (foreign-keys.ts). While PostgreSQL ingests one
 * chunk the next is generated; memory stays bounded by about two chunks.
 *
 * History is what the nightly batch would have written had it run every day of the window
 * (day-history.ts): tier_history, customer_aum_monthly for every closed month, org_tier_daily for
 * every day (summed as customers are generated, loaded last), and customer_aum_daily for the last
 * `keepDays` days only — a day of customer rows is the size of the whole year of the rest.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { hashPassword } from '../platform/auth/password.js';
import { ensureDayPartition } from '../platform/db/partitions.js';
import { setCurrentAumDate, setDemoBank } from '../platform/db/state.js';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { recordStewardship } from '../features/stewardship/api.js';
import { activityBlocks, activityOf } from './activity-window.js';
import { buildBank, type Bank } from './bank.js';
import { CustomerBuilder } from './book.js';
import { CsvChunk } from './csv.js';
import { withoutForeignKeys } from './foreign-keys.js';
import { isoOf } from './days.js';
import { recordSeedImports } from './import-history.js';
import { OrgTierDays } from './org-tier-days.js';
import { CUSTOMER_TABLES, TARGETS, customerRows, fixedRows, type CustomerTable, type Table } from './db-rows.js';
import type { SeedSummary, SynthOptions } from './types.js';

export const DEMO_PASSWORD = 'guanhu-demo';

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function seedDatabase(h: DbHandle, opts: SynthOptions): Promise<SeedSummary> {
  const started = performance.now();
  const bank = buildBank(opts.scale, opts.seed, opts.asOf);
  await assertEmpty(h);
  const report = opts.onProgress ?? (() => undefined);
  const total = bank.spec.customers;
  const loaded: Record<Table, number> = Object.fromEntries(Object.keys(TARGETS).map((t) => [t, 0])) as Record<
    Table,
    number
  >;
  const copy = async (table: Table, chunk: CsvChunk) => {
    if (chunk.rows === 0) return;
    loaded[table] += await h.copyFrom(TARGETS[table], Readable.from(chunk.take()));
  };

  // One scrypt hash shared by every demo login: scrypt is slow on purpose (tens of ms each), so
  // hashing thousands of staff one by one would add minutes to a seed. They share a password
  // anyway; a real bank's users get their own hashes when they set passwords.
  const fixed = fixedRows(bank, await hashPassword(DEMO_PASSWORD));
  for (const t of ['org_units', 'staff', 'users', 'products'] as const) await copy(t, fixed[t]);

  const asOf = opts.asOf;
  const keepDays = opts.keepDays ?? 1;
  if (!Number.isInteger(keepDays) || keepDays < 1)
    throw new Error(`keepDays must be a whole number from 1, got ${keepDays}`);
  await ensureDayPartition(h.db, 'holdings', asOf);
  for (let k = keepDays - 1; k >= 0; k--) await ensureDayPartition(h.db, 'customer_aum_daily', isoOf(bank.asOf - k));
  report({ phase: 'customers', done: 0, total });
  const orgDays = await withoutForeignKeys(
    h,
    CUSTOMER_TABLES,
    () => loadCustomers(h, bank, keepDays, copy, report),
    () => report({ phase: 'foreign keys', done: 0, total: 1 }),
  );
  await copy('org_tier_daily', orgDays.rows(bank.org.outlets.map((o) => o.orgId)));
  await setCurrentAumDate(h.db, asOf);
  await setDemoBank(h.db, `scale ${opts.scale}, seed ${opts.seed}, as of ${asOf}`);
  await recordSeedImports(h.db, asOf);
  report({ phase: 'analyze', done: 0, total: 1 });
  await h.db.execute(sql`ANALYZE`);
  report({ phase: 'analyze', done: 1, total: 1 });
  // The stewardship state of the data date, by the nightly step's own SQL (after ANALYZE, so it is
  // planned on real statistics). Only that date: the step reads the day's tier rows, which the seed
  // keeps for asOf alone, so the coverage trend starts on the data date.
  report({ phase: 'stewardship', done: 0, total: 1 });
  const stewardship = await recordStewardship(h.db, asOf, DEFAULT_SETTINGS);
  await h.db.execute(sql`ANALYZE customer_stewardship, org_stewardship_daily`);
  report({ phase: 'stewardship', done: 1, total: 1 });
  return {
    orgUnits: loaded.org_units,
    staff: loaded.staff,
    users: loaded.users,
    customers: loaded.customers,
    holdings: loaded.holdings,
    transactions: loaded.transactions,
    contacts: loaded.contacts,
    relationships: loaded.relationships,
    complaints: loaded.complaints,
    aumDaily: loaded.customer_aum_daily,
    aumMonthly: loaded.customer_aum_monthly,
    tierHistory: loaded.tier_history,
    orgTierDaily: loaded.org_tier_daily,
    customerStewardship: stewardship.rows,
    products: loaded.products,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

type Copy = (table: Table, chunk: CsvChunk) => Promise<void>;
type Report = NonNullable<SynthOptions['onProgress']>;

async function loadCustomers(
  h: DbHandle,
  bank: Bank,
  keepDays: number,
  copy: Copy,
  report: Report,
): Promise<OrgTierDays> {
  const total = bank.spec.customers;
  const builder = new CustomerBuilder(bank, { walkDays: 0, history: true, keepDays });
  const orgDays = new OrgTierDays(builder.window, bank.org.outlets.length);
  const blocks = activityBlocks(bank.spec.activityDays);
  let pending: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < total; from += bank.spec.chunk) {
    const to = Math.min(total, from + bank.spec.chunk);
    const out = Object.fromEntries(CUSTOMER_TABLES.map((t) => [t, new CsvChunk()])) as Record<CustomerTable, CsvChunk>;
    for (let i = from; i < to; i++) {
      const b = builder.build(i);
      customerRows(bank, b, activityOf(bank, b, blocks), out);
      orgDays.add(b.profile.outlet, b.history!);
      // let the previous chunk's COPY streams flush while this one is generated
      if (i % 500 === 499) await yieldToLoop();
    }
    // customers of this chunk may load while the previous chunk's other tables still stream in;
    // this chunk's other tables wait for both (foreign keys, and at most two chunks in memory)
    const customers = copy('customers', out.customers);
    customers.catch(() => undefined);
    await pending;
    await customers;
    const rest = CUSTOMER_TABLES.filter((t) => t !== 'customers');
    const done = () => report({ phase: 'customers', done: to, total });
    if (h.kind === 'postgres') pending = Promise.all(rest.map((t) => copy(t, out[t]))).then(done);
    else {
      // PGlite runs in this thread: nothing to overlap, so load in order
      for (const t of rest) await copy(t, out[t]);
      done();
    }
    // marks the rejection as handled until it is awaited on the next round
    pending.catch(() => undefined);
  }
  await pending;
  return orgDays;
}

async function assertEmpty(h: DbHandle): Promise<void> {
  let counts: { customers: number; org: number; staff: number };
  try {
    const res = (await h.db.execute(
      sql`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM org_units)::int AS org, (SELECT count(*) FROM staff)::int AS staff`,
    )) as unknown as { rows: { customers: number; org: number; staff: number }[] };
    counts = res.rows[0]!;
  } catch (err) {
    throw new Error(`cannot seed: the database is not migrated (${(err as Error).message})`);
  }
  if (counts.customers > 0)
    throw new Error(
      `cannot seed: the database already has ${counts.customers} customers; seed needs an empty database`,
    );
  if (counts.org > 0 || counts.staff > 0)
    throw new Error(
      `cannot seed: the database already has ${counts.org} org units and ${counts.staff} staff; seed needs an empty database`,
    );
}
