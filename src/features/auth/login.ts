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

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; ip?: string },
  sessionHours: number,
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const rows = await query(
    ctx.db,
    sql`
    SELECT u.user_id, u.username, u.password_hash, u.disabled, s.staff_id, s.name, s.role, s.status,
           o.org_id, o.name AS org_name, o.level AS org_level, o.path
    FROM users u JOIN staff s ON s.staff_id = u.staff_id JOIN org_units o ON o.org_id = s.org_id
    WHERE u.username = ${input.username}`,
  );
  const row = rows[0];
  const ok = await verifyPassword(input.password, row ? String(row.password_hash) : DUMMY_HASH);
  if (!row || !ok || row.disabled === true || row.status !== 'active') {
    await writeAudit(ctx.db, {
      action: 'login_failed',
      entityType: 'user',
      entityId: input.username.slice(0, 64),
      reason: !row ? 'unknown user' : !ok ? 'wrong password' : 'disabled',
      ip: input.ip,
    });
    throw new AppError('BAD_CREDENTIALS', 'login failed', { userMessage: 'Wrong username or password' });
  }
  const actor = rowToActor(row);
  const { token, expiresAt } = await createSession(ctx.db, actor.userId, ctx.clock.now(), sessionHours);
  await writeAudit(ctx.db, {
    action: 'login',
    entityType: 'user',
    entityId: actor.username,
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip: input.ip,
  });
  return { actor, token, expiresAt };
}
