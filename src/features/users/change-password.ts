/**
 * A signed-in user changes their own password (a one-time one, or at will): the current one must
 * be right, the new one must meet the rule (domain/passwords.ts), and every other session of the
 * user ends. Audited.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { endSessions } from '../../platform/auth/sessions.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { assertPassword } from './logins.js';

export async function changePassword(
  ctx: Ctx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepToken: string; ip?: string },
): Promise<{ sessionsEnded: number }> {
  const [u] = await query<{ password_hash: string }>(
    ctx.db,
    sql`SELECT password_hash FROM users WHERE user_id = ${actor.userId}`,
  );
  if (!u || !(await verifyPassword(input.currentPassword, u.password_hash)))
    throw new AppError('VALIDATION', 'the current password is wrong', {
      details: {
        issues: [{ field: 'currentPassword', message: 'the current password is wrong', code: 'wrong_password' }],
      },
    });
  assertPassword(input.newPassword, actor.username);
  if (input.newPassword === input.currentPassword)
    throw new AppError('VALIDATION', 'the new password must differ from the current one', {
      details: { issues: [{ field: 'newPassword', message: 'the new password must differ', code: 'unchanged' }] },
    });
  const hash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    await tx.execute(
      sql`UPDATE users SET password_hash = ${hash}, must_change_password = false, password_changed_at = ${ctx.clock.now()}
          WHERE user_id = ${actor.userId}`,
    );
    const ended = await endSessions(tx, actor.userId, input.keepToken);
    await writeAudit(tx, {
      at: ctx.clock.now(),
      action: 'password_changed',
      entityType: 'user',
      entityId: actor.username,
      after: { otherSessionsEnded: ended },
      actorUserId: actor.userId,
      actorStaffId: actor.staffId,
      ip: input.ip,
    });
    return { sessionsEnded: ended };
  });
}
