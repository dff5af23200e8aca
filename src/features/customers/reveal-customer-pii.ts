/**
 * Reveal a customer's full name, phone and ID number. Only the owning RM may (the rule is
 * mayRevealPii in src/domain/pii.ts, the same one that sets the 360 view's canReveal), with a
 * reason; every reveal is audited in the same transaction that reads the values.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppDb } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { customerScope } from '../../platform/auth/scope.js';
import { writeAudit } from '../../platform/audit.js';
import { query } from '../../platform/db/query.js';
import { mayRevealPii } from '../../domain/pii.js';

export async function revealCustomerPii(ctx: Ctx, actor: Actor, customerId: string, reason: string, ip?: string) {
  try {
    return await reveal(ctx, actor, customerId, reason, ip);
  } catch (err) {
    // a refused reveal is audited too, outside the transaction its refusal rolled back
    if (err instanceof AppError && err.code === 'FORBIDDEN')
      await writeAudit(ctx.db, {
        action: 'pii_reveal_refused',
        entityType: 'customer',
        entityId: customerId,
        reason: `not the owning RM; asked for: ${reason}`,
        actorUserId: actor.userId,
        actorStaffId: actor.staffId,
        ip,
      });
    throw err;
  }
}

function reveal(ctx: Ctx, actor: Actor, customerId: string, reason: string, ip?: string) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const [row] = await query<{ name: string; phone: string | null; id_number: string | null; rm: string | null }>(
      tx,
      sql`
      SELECT c.name, c.phone, c.id_number,
             (SELECT r.staff_id FROM relationships r WHERE r.customer_id = c.customer_id AND r.ended_on IS NULL) AS rm
      FROM customers c WHERE c.customer_id = ${customerId} AND ${customerScope(actor)}`,
    );
    if (!row)
      throw new AppError('NOT_FOUND', `customer ${customerId} not found`, { userMessage: 'Customer not found' });
    if (!mayRevealPii(actor, row.rm)) {
      throw new AppError('FORBIDDEN', `${actor.username} is not the owning RM of ${customerId}`, {
        userMessage: 'Only the customer’s own RM may see full personal data',
      });
    }
    await writeAudit(tx, {
      action: 'pii_reveal',
      entityType: 'customer',
      entityId: customerId,
      reason,
      fields: ['name', 'phone', 'idNumber'],
      actorUserId: actor.userId,
      actorStaffId: actor.staffId,
      ip,
    });
    return { name: row.name, phone: row.phone, idNumber: row.id_number };
  });
}
