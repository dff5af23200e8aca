/**
 * A leaving RM's book (issue 11): their eligible customers are the ones needing an RM, planned by
 * the same solver with the RM excluded, as a batch of kind `transfer` (reason `transfer`; the old
 * relationship ends with end_reason `left` when applied). Review and apply as any batch.
 */
import type { Ctx } from '../../platform/context.js';
import type { Operator } from './operator.js';
import { planBatch, type PlanOutput } from './plan-batch.js';

export const transferBook = (
  ctx: Ctx,
  op: Operator,
  input: { fromStaffId: string; date?: string; orgId?: string },
): Promise<PlanOutput> => planBatch(ctx, op, input);
