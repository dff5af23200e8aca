/**
 * A relationships row names the customer's primary RM as of `since`. A different open
 * relationship is closed the day before (never before it started), then the new one opened;
 * the same RM already open changes nothing, so re-loading a file is a no-op.
 */
import { validRows, type Staged } from './staged-rows.js';

export function relationshipStatements(s: Staged): string[] {
  const v = validRows(s);
  return [
    `UPDATE relationships r SET ended_on = greatest(r.started_on, v.since::date - 1), end_reason = 'import'
     FROM ${v} v WHERE r.customer_id = v.customer_id AND r.ended_on IS NULL AND r.staff_id <> v.staff_id`,
    `INSERT INTO relationships (customer_id, staff_id, started_on)
     SELECT v.customer_id, v.staff_id, v.since::date FROM ${v} v
     WHERE NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = v.customer_id AND r.ended_on IS NULL)`,
  ];
}
