/**
 * Fills customer_stewardship for the reassignment tests. Until the nightly `stewardship` step is
 * merged this is a small stand-in with the default rules (DOMAIN.md §3); afterwards it runs the step.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../src/platform/db/client.js';

export async function fillStewardship(db: AppDb, date: string): Promise<void> {
  await db.execute(sql`DELETE FROM customer_stewardship`);
  await db.execute(sql`
    INSERT INTO customer_stewardship (customer_id, as_of_date, state, tier, staff_id, since, last_valid_contact_on)
    SELECT c.customer_id, ${date}::date,
      (CASE
        WHEN c.tier < 'premium' THEN 'release'
        WHEN r.staff_id IS NULL THEN 'unmanaged'
        WHEN s.status <> 'active' THEN 'orphaned'
        WHEN NOT ((c.tier IN ('premium', 'affluent') AND s.role IN ('rm', 'wealth_rm'))
               OR (c.tier = 'wealth' AND s.role IN ('wealth_rm', 'private_advisor'))
               OR (c.tier = 'private' AND s.role = 'private_advisor')) THEN 'wrong_role'
        WHEN r.started_on < ${date}::date - 90 AND (lc.last IS NULL OR lc.last < ${date}::date - 90) THEN 'idle'
        ELSE 'managed' END)::stewardship_state,
      c.tier, r.staff_id, r.started_on, lc.last
    FROM customers c
    LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
    LEFT JOIN staff s ON s.staff_id = r.staff_id
    LEFT JOIN LATERAL (
      SELECT max((k.started_at AT TIME ZONE 'Asia/Shanghai')::date) AS last FROM contacts k
      WHERE k.customer_id = c.customer_id AND k.staff_id = r.staff_id
        AND (k.channel IN ('visit', 'event') OR (k.channel IN ('phone', 'video') AND k.connected AND k.duration_seconds >= 30))
    ) lc ON TRUE
    WHERE c.tier >= 'premium' OR r.staff_id IS NOT NULL`);
}
