/**
 * Server-side sessions: the cookie carries a random token, the table stores only its sha256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { sessions } from '../db/schema.js';
import type { Actor } from './actor.js';
import { affectedRows, query } from '../db/query.js';

export const SESSION_COOKIE = 'guanhu_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: AppDb,
  userId: number,
  now: Date,
  hours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, lastSeenAt: now });
  // Housekeeping: expired sessions of this user are useless.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, expiresAt };
}

export async function destroySession(db: AppDb, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * The actor behind a session token, or null when unknown, expired, idle for more than
 * `idleMinutes`, or the user is disabled or has left. A live session's last_seen_at moves on
 * at most once a minute (not a write per request).
 */
export async function actorForToken(db: AppDb, token: string, now: Date, idleMinutes = 30): Promise<Actor | null> {
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const hash = hashToken(token);
  const rows = await query(
    db,
    sql`
    SELECT u.user_id, u.username, u.must_change_password, s.staff_id, s.name, s.role, o.org_id, o.name AS org_name,
           o.level AS org_level, o.path, ss.last_seen_at < ${new Date(now.getTime() - 60_000)} AS stale
    FROM sessions ss
    JOIN users u ON u.user_id = ss.user_id AND NOT u.disabled
    JOIN staff s ON s.staff_id = u.staff_id AND s.status = 'active'
    JOIN org_units o ON o.org_id = s.org_id
    WHERE ss.token_hash = ${hash} AND ss.expires_at > ${now} AND ss.last_seen_at > ${idleSince}`,
  );
  const r = rows[0];
  if (!r) return null;
  if (r.stale === true) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, hash));
  return rowToActor(r);
}

/** Ends every session of a user but `keepToken`'s (a password change, a disabled login). */
export async function endSessions(db: AppDb, userId: number, keepToken?: string): Promise<number> {
  const res = await db.execute(
    sql`DELETE FROM sessions WHERE user_id = ${userId} AND token_hash <> ${keepToken ? hashToken(keepToken) : ''}`,
  );
  return affectedRows(res);
}

export function rowToActor(r: Record<string, unknown>): Actor {
  return {
    userId: Number(r.user_id),
    username: String(r.username),
    staffId: String(r.staff_id),
    name: String(r.name),
    role: r.role as Actor['role'],
    orgId: String(r.org_id),
    orgName: String(r.org_name),
    orgLevel: r.org_level as Actor['orgLevel'],
    orgPath: String(r.path),
    mustChangePassword: r.must_change_password === true,
  };
}

/**
 * Which of `tokens` still belong to a live session of an enabled, active user — one query for a
 * whole set (the push hub re-checks its open connections with it).
 */
export async function validSessionTokens(
  db: AppDb,
  tokens: readonly string[],
  now: Date,
  idleMinutes = 30,
): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  const byHash = new Map(tokens.map((t) => [hashToken(t), t]));
  const rows = await query<{ token_hash: string }>(
    db,
    sql`
    SELECT ss.token_hash
    FROM sessions ss
    JOIN users u ON u.user_id = ss.user_id AND NOT u.disabled
    JOIN staff s ON s.staff_id = u.staff_id AND s.status = 'active'
    WHERE ss.token_hash IN (SELECT jsonb_array_elements_text(${JSON.stringify([...byHash.keys()])}::jsonb))
      AND ss.expires_at > ${now} AND ss.last_seen_at > ${new Date(now.getTime() - idleMinutes * 60_000)}`,
  );
  return new Set(rows.map((r) => byHash.get(r.token_hash)!));
}
