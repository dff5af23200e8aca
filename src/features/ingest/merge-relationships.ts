/**
 * A relationships row names the customer's primary RM as of `since`. A different open
 * relationship is closed the day before (never before it started), then the new one opened;
 * the same RM already open changes nothing, so re-loading a file is a no-op. A row naming staff
 * who have left is loaded as ended on `since` (end_reason 'staff_left'): the customer is then
 * without an RM and shows up as needing one; the import's summary warns about it.
 */
import { validRows, type Staged } from './staged-rows.js';

export function relationshipStatements(s: Staged): string[] {
  const v = validRows(s);
  const left = `EXISTS (SELECT 1 FROM staff st WHERE st.staff_id = v.staff_id AND st.status = 'left')`;
  return [
    `UPDATE relationships r SET ended_on = greatest(r.started_on, v.since::date - 1), end_reason = 'import'
     FROM ${v} v WHERE r.customer_id = v.customer_id AND r.ended_on IS NULL AND r.staff_id <> v.staff_id`,
    // the same RM, open, who has left since: ended
    `UPDATE relationships r SET ended_on = greatest(r.started_on, v.since::date), end_reason = 'staff_left'
     FROM ${v} v WHERE r.customer_id = v.customer_id AND r.ended_on IS NULL AND r.staff_id = v.staff_id AND ${left}`,
    `INSERT INTO relationships (customer_id, staff_id, started_on)
     SELECT v.customer_id, v.staff_id, v.since::date FROM ${v} v
     WHERE NOT ${left}
       AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = v.customer_id AND r.ended_on IS NULL)`,
    `INSERT INTO relationships (customer_id, staff_id, started_on, ended_on, end_reason)
     SELECT v.customer_id, v.staff_id, v.since::date, v.since::date, 'staff_left' FROM ${v} v
     WHERE ${left} AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = v.customer_id
       AND r.staff_id = v.staff_id AND r.started_on <= v.since::date)`,
  ];
}

/** The file's valid rows naming staff who have left, for the summary's warning. */
export const leftStaffStatement = (s: Staged) =>
  `SELECT count(*)::int AS n, string_agg(DISTINCT v.staff_id, ', ') AS staff FROM ${validRows(s)} v
   JOIN staff st ON st.staff_id = v.staff_id AND st.status = 'left'`;
