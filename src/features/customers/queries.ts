/**
 * SQL for the customer 360 view. Dates and amounts are cast to text in SQL so PGlite and
 * node-postgres return identical shapes (no driver Date/timezone or bigint surprises).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { customerScope } from '../../platform/auth/scope.js';
import { query as rows, type Row } from '../../platform/db/query.js';
import { isoLocal } from '../../platform/db/sql-literal.js';

export async function findCustomerInScope(db: AppDb, actor: Actor, customerId: string): Promise<Row | undefined> {
  const [r] = await rows(
    db,
    sql`SELECT c.customer_id, c.name, c.id_number, c.phone, c.gender, c.birth_date::text AS birth_date,
               c.home_org_id, o.name AS org_name, c.open_date::text AS open_date, c.risk_level,
               c.risk_assessed_on::text AS risk_assessed_on, c.tags, c.tier, c.band, d.aum_fen::text AS aum,
               d.avg_fen::text AS avg, d.as_of_date::text AS aum_as_of, c.tier_since::text AS tier_since
        FROM customers c JOIN org_units o ON o.org_id = c.home_org_id
        LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id
             AND d.as_of_date = (SELECT value::date FROM system_state WHERE key = 'aum_as_of')
        WHERE c.customer_id = ${customerId} AND ${customerScope(actor)}`,
  );
  return r;
}

export const holdingsOf = (db: AppDb, customerId: string, asOf: string) =>
  rows(
    db,
    sql`SELECT h.account_id, h.product_id, p.name AS product_name, p.category, p.asset_class, p.risk_rating,
               h.balance_fen::text AS balance, h.maturity_date::text AS maturity_date
        FROM holdings h JOIN products p ON p.product_id = h.product_id
        WHERE h.customer_id = ${customerId} AND h.as_of_date = ${asOf}
        ORDER BY h.balance_fen DESC, h.account_id`,
  );

/** Closed months from the account's opening month on (the batch writes every customer's months). */
export const aumHistoryOf = (db: AppDb, customerId: string) =>
  rows(
    db,
    sql`SELECT m.month::text AS month, m.avg_aum_fen::text AS avg, m.end_aum_fen::text AS "end"
        FROM customer_aum_monthly m JOIN customers c ON c.customer_id = m.customer_id
        WHERE m.customer_id = ${customerId} AND (c.open_date IS NULL OR m.month >= date_trunc('month', c.open_date))
        ORDER BY m.month`,
  );

export const relationshipsOf = (db: AppDb, customerId: string) =>
  rows(
    db,
    sql`SELECT r.staff_id, s.name, s.role, s.org_id, o.name AS org_name, r.started_on::text AS started_on,
               r.ended_on::text AS ended_on, r.end_reason
        FROM relationships r JOIN staff s ON s.staff_id = r.staff_id JOIN org_units o ON o.org_id = s.org_id
        WHERE r.customer_id = ${customerId}
        ORDER BY r.ended_on DESC NULLS FIRST, r.started_on DESC`,
  );

export const contactsOf = (db: AppDb, customerId: string, limit: number) =>
  rows(
    db,
    sql`SELECT k.contact_id, k.staff_id, s.name AS staff_name, k.channel, ${isoLocal('k.started_at')} AS started_at,
               k.duration_seconds, k.connected, k.outcome, k.topics
        FROM contacts k JOIN staff s ON s.staff_id = k.staff_id
        WHERE k.customer_id = ${customerId}
        ORDER BY k.started_at DESC LIMIT ${limit}`,
  );

export const tierHistoryOf = (db: AppDb, customerId: string) =>
  rows(
    db,
    sql`SELECT changed_on::text AS changed_on, from_tier, to_tier, reason
        FROM tier_history WHERE customer_id = ${customerId} ORDER BY changed_on DESC, id DESC`,
  );
