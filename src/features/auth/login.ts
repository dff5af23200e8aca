/**
 * Log in with username and password. A wrong username and a wrong password look the same to the
 * caller (same error, same scrypt work), and both are audited.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { DUMMY_HASH, verifyPassword } from '../../platform/auth/password.js';
import { createSession, rowToActor } from '../../platform/auth/sessions.js';
import type { Actor } from '../../platform/auth/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { query } from '../../platform/db/query.js';

export interface LoginLimits {
  sessionHours: number;
  /** failed attempts allowed per account in the window, from any address */
  failuresPerAccount: number;
  windowMinutes: number;
}

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; ip?: string },
  limits: LoginLimits,
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  await refuseLockedAccount(ctx, input, limits);
  const rows = await query(
    ctx.db,
    sql`
    SELECT u.user_id, u.username, u.password_hash, u.disabled, u.must_change_password, s.staff_id, s.name, s.role, s.status,
           o.org_id, o.name AS org_name, o.level AS org_level, o.path
    FROM users u JOIN staff s ON s.staff_id = u.staff_id JOIN org_units o ON o.org_id = s.org_id
    WHERE u.username = ${input.username}`,
  );
  const row = rows[0];
  const ok = await verifyPassword(input.password, row ? String(row.password_hash) : DUMMY_HASH);
  if (!row || !ok || row.disabled === true || row.status !== 'active') {
    await writeAudit(ctx.db, {
      at: ctx.clock.now(),
      action: 'login_failed',
      entityType: 'user',
      entityId: input.username.slice(0, 64),
      reason: !row ? 'unknown user' : !ok ? 'wrong password' : 'disabled',
      ip: input.ip,
    });
    throw new AppError('BAD_CREDENTIALS', 'login failed', { userMessage: 'Wrong username or password' });
  }
  const actor = rowToActor(row);
  const { token, expiresAt } = await createSession(ctx.db, actor.userId, ctx.clock.now(), limits.sessionHours);
  await writeAudit(ctx.db, {
    at: ctx.clock.now(),
    action: 'login',
    entityType: 'user',
    entityId: actor.username,
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip: input.ip,
  });
  return { actor, token, expiresAt };
}

/**
 * Per account, whatever the address: after `failuresPerAccount` failed attempts in the window the
 * account takes no attempt (not even the right password) until the oldest of them leaves the
 * window. The audit log is the count, so every server instance agrees. A refused attempt is
 * audited too.
 */
async function refuseLockedAccount(ctx: Ctx, input: { username: string; ip?: string }, l: LoginLimits) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - l.windowMinutes * 60_000);
  const entity = input.username.slice(0, 64);
  const [r] = await query<{ n: number; oldest: string | null }>(
    ctx.db,
    sql`SELECT count(*)::int AS n, min(at)::text AS oldest FROM (
          SELECT at FROM audit_log WHERE entity_type = 'user' AND entity_id = ${entity}
            AND action = 'login_failed' AND at > ${since}
          ORDER BY at DESC LIMIT ${l.failuresPerAccount}) f`,
  );
  if (!r || r.n < l.failuresPerAccount || !r.oldest) return;
  const until = new Date(new Date(r.oldest).getTime() + l.windowMinutes * 60_000);
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  await writeAudit(ctx.db, {
    at: now,
    action: 'login_refused',
    entityType: 'user',
    entityId: entity,
    reason: `account locked after ${r.n} failed attempts`,
    ip: input.ip,
  });
  throw new AppError('RATE_LIMITED', `login for ${entity} refused: ${r.n} failed attempts in ${l.windowMinutes} min`, {
    userMessage: `Too many failed attempts for this account; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    details: { retryAfterSeconds, scope: 'account' },
  });
}
