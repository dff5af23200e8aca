/**
 * Step "stewardship" (DOMAIN.md §3): the stewardship state of every customer on business date D,
 * in three set-based statements over the whole population, no per-customer round trips.
 *
 *  1. `stew_day` (a temp table): every customer of D's day rows whose tier that day is at or above
 *     managedFromTier, or who has a primary relationship open on D, with that relationship's RM,
 *     start, the RM's last valid contact with the customer up to D (valid-contact-sql.ts, the rule
 *     of src/domain/contacts.ts) and the state, decided in this order:
 *       release    below managedFromTier (held by an RM: the low-asset release list)
 *       unmanaged  no relationship open on D
 *       orphaned   the RM has left (staff.status = 'left')
 *       wrong_role the RM's role is not in rolesPerTier[tier]
 *       idle       the relationship started more than idleDays before D and the RM's last valid
 *                  contact is not within the last noContactDays (D − noContactDays < day ≤ D)
 *       managed    otherwise
 *  2. customer_stewardship is replaced by it (it holds the latest processed date's state).
 *  3. org_stewardship_daily's rows for D are replaced: per home outlet the counts by state, and
 *     per RM node the active RMs whose book (eligible + release) exceeds capacity[role].
 *
 * D's tier and home outlet come from D's day rows (as org-tier reads them), relationships are
 * taken as open on D (started_on ≤ D, not ended by D), contact days are Asia/Shanghai dates.
 * Idempotent: a re-run of D writes the same rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName } from '../../platform/db/partitions.js';
import { affectedRows, query } from '../../platform/db/query.js';
import type { StepOutcome } from '../../platform/jobs/batch-step.js';
import { TIERS } from '../../domain/enums.js';
import type { Settings } from '../../domain/settings.js';
import { eligibleTiers } from '../../domain/stewardship.js';
import { capacityTable } from './stewardship-sql.js';
import { validContactSql } from './valid-contact-sql.js';

type StewardshipSettings = Pick<Settings, 'stewardship' | 'contacts'>;

const list = (items: SQL[]): SQL => (items.length ? sql`(${sql.join(items, sql`, `)})` : sql`(NULL)`);

/** SQL boolean: the RM's role may not own the customer's tier (rolesPerTier, as 'tier:role' pairs). */
function roleNotAllowed(s: Settings['stewardship'], tier: SQL, role: SQL): SQL {
  const pairs = TIERS.flatMap((t) => s.rolesPerTier[t].map((r) => sql`${`${t}:${r}`}`));
  return pairs.length ? sql`(${tier}::text || ':' || ${role}::text) NOT IN ${list(pairs)}` : sql`TRUE`;
}

export async function recordStewardship(db: AppDb, date: string, s: StewardshipSettings): Promise<StepOutcome> {
  const st = s.stewardship;
  const day = sql.raw(partitionName('customer_aum_daily', date));
  const eligible = list(eligibleTiers(st).map((t) => sql`${t}::tier`));
  const d = sql`${date}::date`;
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    await t.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await t.execute(sql`
      CREATE TEMP TABLE stew_day ON COMMIT DROP AS
      WITH rel AS (
        SELECT DISTINCT ON (r.customer_id) r.customer_id, r.staff_id, r.started_on
        FROM relationships r
        WHERE r.started_on <= ${d} AND (r.ended_on IS NULL OR r.ended_on > ${d})
        ORDER BY r.customer_id, r.started_on DESC, r.id DESC
      ), last_valid AS (
        SELECT k.customer_id, max((k.started_at AT TIME ZONE 'Asia/Shanghai')::date) AS last_on
        FROM contacts k JOIN rel ON rel.customer_id = k.customer_id AND rel.staff_id = k.staff_id
        WHERE k.started_at < ((${d} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND ${validContactSql('k', s.contacts)}
        GROUP BY k.customer_id
      )
      SELECT dr.customer_id, dr.home_org_id, dr.tier, rel.staff_id, rel.started_on AS since,
             lv.last_on AS last_valid_contact_on,
             (CASE
                WHEN dr.tier NOT IN ${eligible} THEN 'release'
                WHEN rel.staff_id IS NULL THEN 'unmanaged'
                WHEN sf.status = 'left' THEN 'orphaned'
                WHEN ${roleNotAllowed(st, sql`dr.tier`, sql`sf.role`)} THEN 'wrong_role'
                WHEN rel.started_on < ${d} - ${st.idleDays}::int
                     AND (lv.last_on IS NULL OR lv.last_on <= ${d} - ${st.noContactDays}::int) THEN 'idle'
                ELSE 'managed'
              END)::stewardship_state AS state
      FROM ${day} dr
      LEFT JOIN rel ON rel.customer_id = dr.customer_id
      LEFT JOIN staff sf ON sf.staff_id = rel.staff_id
      LEFT JOIN last_valid lv ON lv.customer_id = dr.customer_id
      WHERE dr.as_of_date = ${d} AND (dr.tier IN ${eligible} OR rel.customer_id IS NOT NULL)`);

    await t.execute(sql`DELETE FROM customer_stewardship`);
    const written = await t.execute(sql`
      INSERT INTO customer_stewardship (customer_id, as_of_date, state, tier, staff_id, since, last_valid_contact_on)
      SELECT customer_id, ${d}, state, tier, staff_id, since, last_valid_contact_on FROM stew_day`);

    await t.execute(sql`DELETE FROM org_stewardship_daily WHERE as_of_date = ${d}`);
    await t.execute(sql`
      INSERT INTO org_stewardship_daily
        (as_of_date, org_id, eligible, managed, idle, unmanaged, orphaned, wrong_role, release, over_cap_rms)
      WITH per_outlet AS (
        SELECT home_org_id AS org_id,
               count(*) FILTER (WHERE state <> 'release') AS eligible,
               count(*) FILTER (WHERE state = 'managed') AS managed,
               count(*) FILTER (WHERE state = 'idle') AS idle,
               count(*) FILTER (WHERE state = 'unmanaged') AS unmanaged,
               count(*) FILTER (WHERE state = 'orphaned') AS orphaned,
               count(*) FILTER (WHERE state = 'wrong_role') AS wrong_role,
               count(*) FILTER (WHERE state = 'release') AS release
        FROM stew_day GROUP BY home_org_id
      ), over_cap AS (
        SELECT sf.org_id, count(*) AS rms
        FROM (SELECT staff_id, count(*) AS load FROM stew_day WHERE staff_id IS NOT NULL GROUP BY staff_id) b
        JOIN staff sf ON sf.staff_id = b.staff_id
        JOIN ${capacityTable(st)} ON cap.role = sf.role::text
        WHERE sf.status = 'active' AND b.load > cap.cap
        GROUP BY sf.org_id
      )
      SELECT ${d}, coalesce(p.org_id, o.org_id), coalesce(p.eligible, 0), coalesce(p.managed, 0),
             coalesce(p.idle, 0), coalesce(p.unmanaged, 0), coalesce(p.orphaned, 0),
             coalesce(p.wrong_role, 0), coalesce(p.release, 0), coalesce(o.rms, 0)
      FROM per_outlet p FULL JOIN over_cap o ON o.org_id = p.org_id`);

    const [c] = await query<Record<string, number>>(
      t,
      sql`SELECT coalesce(sum(eligible), 0)::int AS eligible, coalesce(sum(managed), 0)::int AS managed,
                 coalesce(sum(idle), 0)::int AS idle, coalesce(sum(unmanaged), 0)::int AS unmanaged,
                 coalesce(sum(orphaned), 0)::int AS orphaned, coalesce(sum(wrong_role), 0)::int AS "wrongRole",
                 coalesce(sum(release), 0)::int AS release, coalesce(sum(over_cap_rms), 0)::int AS "overCapRms"
          FROM org_stewardship_daily WHERE as_of_date = ${d}`,
    );
    const params = Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, Number(v)]));
    const rows = affectedRows(written);
    return {
      rows,
      detail: {
        code: 'stewardship.state',
        params,
        text:
          `${params.eligible} eligible: ${params.managed} managed, ${params.idle} idle, ${params.unmanaged} unmanaged, ` +
          `${params.orphaned} orphaned, ${params.wrongRole} wrong role; ${params.release} to release, ` +
          `${params.overCapRms} RMs over capacity`,
      },
    };
  });
}
