/**
 * The nightly `stewardship` step at scale M on PostgreSQL (issue 11; target ≤ 15 s): every
 * customer's stewardship state and the day's coverage per outlet, through the step's own code.
 * Reference measured in the same run: a raw GROUP BY over the same join the step has to read
 * (customers × open relationships × staff, counted per outlet and tier), so the ratio says what
 * the step costs beyond reading its inputs. Works on a copy (`guanhu_bench_stew`) of the pristine
 * M database the assign-plan benchmark keeps, or of seed-m's `guanhu_bench_m`.
 */
import { sql } from 'drizzle-orm';
import { recordStewardship } from '../src/features/stewardship/record-stewardship.js';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { query } from '../src/platform/db/query.js';
import { loadSettings } from '../src/platform/settings-store.js';
import { adminQuery, databaseExists, dbUrl, round, timed, writeResult } from './lib.js';

const DB = 'guanhu_bench_stew';
const SOURCE = (await databaseExists('guanhu_bench_assign_seed'))
  ? 'guanhu_bench_assign_seed'
  : (await databaseExists('guanhu_bench_m'))
    ? 'guanhu_bench_m'
    : null;
if (!SOURCE) throw new Error('no scale-M database: run `npm run bench:seed-m` (or bench:assign-plan) first');
await adminQuery(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await adminQuery(`CREATE DATABASE ${DB} TEMPLATE ${SOURCE}`);

const h = await openDatabase({ databaseUrl: dbUrl(DB) });
await migrateDatabase(h);
const settings = (await loadSettings(h.db)).value;
const [{ date } = { date: '' }] = await query<{ date: string }>(
  h.db,
  sql`SELECT value AS date FROM system_state WHERE key = 'aum_as_of'`,
);

const reference = await timed(() =>
  query(
    h.db,
    sql`SELECT c.home_org_id, c.tier, s.role, count(*)::int AS n
        FROM customers c LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
        LEFT JOIN staff s ON s.staff_id = r.staff_id
        GROUP BY 1, 2, 3`,
  ),
);
const runs: number[] = [];
let rows = 0;
for (let i = 0; i < 3; i++) {
  const r = await timed(() => recordStewardship(h.db, date, settings));
  runs.push(round(r.seconds));
  rows = r.value.rows ?? 0;
}
const [customers] = await query<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM customers`);
await h.close();
await adminQuery(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);

const best = Math.min(...runs);
writeResult('stewardship-step', {
  command: 'npm run bench:stewardship-step',
  database: 'postgresql',
  scale: 'M',
  copiedFrom: SOURCE,
  businessDate: date,
  customers: customers?.n ?? 0,
  rowsWritten: rows,
  stepSeconds: runs,
  referenceGroupBySeconds: round(reference.seconds),
  ratioToGroupBy: round(best / reference.seconds),
  target: { stepSeconds: 15, met: best <= 15 },
});
