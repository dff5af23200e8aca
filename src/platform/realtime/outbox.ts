/**
 * The outbox: a feature calls `notify` / `notifyMany` INSIDE the transaction that makes the change
 * the notification is about, so both commit or neither does. Nothing is sent here: the push hub
 * delivers rows after commit (its wake-up is the NOTIFY queued below, which PostgreSQL and PGlite
 * deliver only when the transaction commits).
 *
 * Ids (`seq`) are per recipient and taken from notification_cursors with an upsert that row-locks
 * the recipient's cursor until this transaction ends. A second transaction notifying the same
 * recipient waits on that lock, then increments the committed value (READ COMMITTED re-reads the
 * row it waited for; a rolled-back increment is gone with its row). So for one recipient:
 *   - ids are gap-free and commit in id order: id N+1 cannot commit before id N's transaction
 *     has finished, and a rolled-back N is reused by the next writer;
 *   - hence a reader that sees id N sees every id below it, and "rows with id > last" never
 *     misses a row that commits later. (A global identity column would not do: transactions take
 *     values at insert time and may commit in any order.)
 * The lock is held only by transactions writing to the same recipient. Several recipients are
 * locked in staff-id order in one statement, so two multi-recipient notifies cannot deadlock with
 * each other; a transaction calling notify more than once should do so in staff-id order (if it
 * does not, PostgreSQL's deadlock detector aborts one transaction, which then changes nothing).
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../db/client.js';
import { query } from '../db/query.js';
import type { ClientEventSchemas } from '../module.js';
import { encodeWake, NOTIFY_CHANNEL } from './wake.js';

export interface Notify<E extends ClientEventSchemas, K extends keyof E & string> {
  type: K;
  /** checked against the event's schema; the parsed value is stored */
  payload: z.input<E[K]>;
  /** created_at (the caller's ctx.clock) */
  at: Date;
}

/** Writes one notification to `recipient` in `tx`; returns its id (the recipient's seq). */
export async function notify<E extends ClientEventSchemas, K extends keyof E & string>(
  tx: AppDb,
  events: E,
  n: Notify<E, K> & { recipient: string },
): Promise<number> {
  const [row] = await notifyMany(tx, events, { ...n, recipients: [n.recipient] });
  return row!.id;
}

/**
 * Writes the same notification to each recipient (duplicates ignored) in `tx`, set-based: one
 * statement whatever the number of recipients. Returns each recipient's new id.
 */
export async function notifyMany<E extends ClientEventSchemas, K extends keyof E & string>(
  tx: AppDb,
  events: E,
  n: Notify<E, K> & { recipients: readonly string[] },
): Promise<{ recipient: string; id: number }[]> {
  const schema = events[n.type];
  if (!schema) throw new Error(`unknown client event type ${n.type}`);
  const payload = schema.parse(n.payload);
  const recipients = [...new Set(n.recipients)].sort();
  if (recipients.length === 0) return [];
  const rows = await query<{ recipient_staff_id: string; seq: string }>(
    tx,
    sql`
    WITH r AS (SELECT DISTINCT jsonb_array_elements_text(${JSON.stringify(recipients)}::jsonb) AS staff_id),
    bumped AS (
      INSERT INTO notification_cursors AS nc (staff_id, last_seq)
      SELECT staff_id, 1 FROM r ORDER BY staff_id
      ON CONFLICT (staff_id) DO UPDATE SET last_seq = nc.last_seq + 1
      RETURNING nc.staff_id, nc.last_seq
    )
    INSERT INTO notifications (recipient_staff_id, seq, type, payload, created_at)
    SELECT staff_id, last_seq, ${n.type}, ${JSON.stringify(payload)}::jsonb, ${n.at.toISOString()}::timestamptz
    FROM bumped
    RETURNING recipient_staff_id, seq::text AS seq`,
  );
  await query(tx, sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${encodeWake(recipients)})`);
  return rows
    .map((r) => ({ recipient: r.recipient_staff_id, id: Number(r.seq) }))
    .sort((a, b) => (a.recipient < b.recipient ? -1 : 1));
}

/**
 * Writes a different notification to each of many recipients (a recipient may get several) in
 * `tx`, in one statement: each recipient's cursor moves by the number of their notifications,
 * whose ids are the consecutive values below the new cursor, in the order given. Cursors are
 * locked in staff-id order, as notifyMany does. Used where one change tells thousands of staff
 * different things (a reassignment batch: each RM their own customers).
 */
export async function notifyEach<E extends ClientEventSchemas>(
  tx: AppDb,
  events: E,
  n: { at: Date; items: readonly { recipient: string; type: keyof E & string; payload: unknown }[] },
): Promise<number> {
  if (n.items.length === 0) return 0;
  const items = n.items.map((it, ord) => {
    const schema = events[it.type];
    if (!schema) throw new Error(`unknown client event type ${it.type}`);
    return { staff_id: it.recipient, type: it.type, payload: schema.parse(it.payload), ord };
  });
  const rows = await query<{ n: number }>(
    tx,
    sql`
    WITH i AS (
      SELECT x.staff_id, x.type, x.payload, x.ord,
             row_number() OVER (PARTITION BY x.staff_id ORDER BY x.ord) AS k,
             count(*) OVER (PARTITION BY x.staff_id) AS n
      FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(staff_id text, type text, payload jsonb, ord int)
    ),
    per AS (SELECT DISTINCT staff_id, n FROM i),
    bumped AS (
      INSERT INTO notification_cursors AS nc (staff_id, last_seq)
      SELECT staff_id, n FROM per ORDER BY staff_id
      ON CONFLICT (staff_id) DO UPDATE SET last_seq = nc.last_seq + EXCLUDED.last_seq
      RETURNING nc.staff_id, nc.last_seq
    ),
    ins AS (
      INSERT INTO notifications (recipient_staff_id, seq, type, payload, created_at)
      SELECT i.staff_id, b.last_seq - i.n + i.k, i.type, i.payload, ${n.at.toISOString()}::timestamptz
      FROM i JOIN bumped b ON b.staff_id = i.staff_id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`,
  );
  await query(
    tx,
    sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${encodeWake([...new Set(items.map((i) => i.staff_id))].sort())})`,
  );
  return rows[0]?.n ?? 0;
}
