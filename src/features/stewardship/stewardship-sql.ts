/** SQL pieces the nightly step and the coverage queries share, built from settings. */
import { sql, type SQL } from 'drizzle-orm';
import { OWNER_ROLES } from '../../domain/enums.js';
import type { Settings } from '../../domain/settings.js';

/** capacity per book-owning role as an inline table `cap(role, cap)` (role as text). */
export function capacityTable(s: Settings['stewardship']): SQL {
  const rows = OWNER_ROLES.map((r) => sql`(${r}::text, ${s.capacity[r]}::int)`);
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS cap(role, cap)`;
}

/** Each RM's open book from customer_stewardship: `book(staff_id, load, idle)`. */
export const bookTable = sql`(SELECT staff_id, count(*)::int AS load, count(*) FILTER (WHERE state = 'idle')::int AS idle
  FROM customer_stewardship WHERE staff_id IS NOT NULL GROUP BY staff_id) AS book`;
