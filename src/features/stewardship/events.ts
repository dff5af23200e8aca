/**
 * The client events stewardship emits through the push hub (issue 11), one per RM and batch when
 * a batch applies: `stewardship.assigned` to the RM who takes customers, `stewardship.released`
 * to the RM who gives them up. Names are masked (PIPL); the reason is the proposal's
 * (unmanaged, orphaned, wrong_role, idle, transfer).
 */
import { z } from 'zod';
import { TIERS } from '../../domain/enums.js';
import type { ClientEventSchemas } from '../../platform/module.js';

const customer = z.object({
  customerId: z.string(),
  /** masked name (张*明) */
  name: z.string(),
  tier: z.enum(TIERS),
  reason: z.string(),
});

export const assignedPayload = z.object({
  batchId: z.string(),
  count: z.number().int().positive(),
  customers: z.array(customer.extend({ fromStaffId: z.string().nullable() })),
});

export const releasedPayload = z.object({
  batchId: z.string(),
  count: z.number().int().positive(),
  customers: z.array(customer.extend({ toStaffId: z.string() })),
});

export const stewardshipEvents = {
  'stewardship.assigned': assignedPayload,
  'stewardship.released': releasedPayload,
} satisfies ClientEventSchemas;
