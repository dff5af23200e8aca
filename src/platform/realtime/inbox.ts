/**
 * The inbox's SQL: a staff member's own notifications (every query is keyed by the recipient,
 * which is the only scope an inbox has), newest first, read and acknowledged state. Only types
 * some module still declares are listed or counted.
 */
import { and, count, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { notificationCursors, notifications } from '../db/schema.js';
import type { NotificationItem } from './event-map.js';
import { affectedRows } from '../db/query.js';

type Row = typeof notifications.$inferSelect;

export const toItem = (r: Row): NotificationItem => ({
  id: r.seq,
  type: r.type,
  payload: r.payload as Record<string, unknown>,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
  acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
});

const mine = (staffId: string, types: readonly string[]) =>
  and(eq(notifications.recipientStaffId, staffId), inArray(notifications.type, [...types]));

export async function listInbox(
  db: AppDb,
  staffId: string,
  types: readonly string[],
  q: { page: number; pageSize: number; unread?: boolean },
): Promise<{ items: NotificationItem[]; total: number; unread: number }> {
  const where = q.unread ? and(mine(staffId, types), isNull(notifications.readAt)) : mine(staffId, types);
  const [rows, [total], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    unreadCount(db, staffId, types),
  ]);
  return { items: rows.map(toItem), total: Number(total?.n ?? 0), unread };
}

export async function unreadCount(db: AppDb, staffId: string, types: readonly string[]): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(staffId, types), isNull(notifications.readAt)));
  return Number(r?.n ?? 0);
}

/** The recipient's latest id (0 before their first notification). */
export async function latestId(db: AppDb, staffId: string): Promise<number> {
  const [r] = await db
    .select({ last: notificationCursors.lastSeq })
    .from(notificationCursors)
    .where(eq(notificationCursors.staffId, staffId));
  return r?.last ?? 0;
}

/** Latest ids of many recipients at once (the hub's poll: one small indexed read). */
export async function latestIds(db: AppDb, staffIds: readonly string[]): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .select({ staffId: notificationCursors.staffId, last: notificationCursors.lastSeq })
    .from(notificationCursors)
    .where(inArray(notificationCursors.staffId, [...staffIds]));
  return new Map(rows.map((r) => [r.staffId, Number(r.last)]));
}

/** Up to `limit` rows after `after`, oldest first, of every type (the hub skips unknown ones). */
export async function rowsAfter(db: AppDb, staffId: string, after: number, limit: number): Promise<Row[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientStaffId, staffId), gt(notifications.seq, after)))
    .orderBy(notifications.seq)
    .limit(limit);
}

/** Marks one of the recipient's notifications read (idempotent); null when it is not theirs. */
export async function markRead(
  db: AppDb,
  staffId: string,
  types: readonly string[],
  id: number,
  at: Date,
): Promise<NotificationItem | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(mine(staffId, types), eq(notifications.seq, id)))
    .returning();
  return row ? toItem(row) : null;
}

/**
 * Marks every unread notification up to `upTo` read (all when absent): the client passes the
 * newest id it has shown, so one that arrived meanwhile stays unread.
 */
export async function markAllRead(
  db: AppDb,
  staffId: string,
  types: readonly string[],
  upTo: number | undefined,
  at: Date,
): Promise<number> {
  const res = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        mine(staffId, types),
        isNull(notifications.readAt),
        upTo === undefined ? undefined : lte(notifications.seq, upTo),
      ),
    );
  return affectedRows(res);
}

/** Records receipt of the ids in (after, upTo] — exactly the ones delivered to one socket. */
export async function acknowledge(db: AppDb, staffId: string, after: number, upTo: number, at: Date): Promise<number> {
  const res = await db
    .update(notifications)
    .set({ acknowledgedAt: at })
    .where(
      and(
        eq(notifications.recipientStaffId, staffId),
        gt(notifications.seq, after),
        lte(notifications.seq, upTo),
        isNull(notifications.acknowledgedAt),
      ),
    );
  return affectedRows(res);
}
