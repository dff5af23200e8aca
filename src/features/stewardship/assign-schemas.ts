/** Request and response shapes of the reassignment routes (assign-routes.ts). */
import { z } from 'zod';
import { LOCALITIES, UNASSIGNED_REASONS } from '../../domain/assignment/types.js';
import {
  ASSIGNMENT_BATCH_KINDS,
  ASSIGNMENT_BATCH_STATUSES,
  ASSIGNMENT_POLICY_MODES,
  ASSIGNMENT_PROPOSAL_STATUSES,
  TIERS,
} from '../../domain/enums.js';
import { errorSchema, idString } from '../../platform/http/schemas.js';

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('business date YYYY-MM-DD');

/** the reason of a proposal: the customer's need, or `transfer` (a leaving RM's book) */
export const proposalReason = z.string().describe('unmanaged | orphaned | wrong_role | idle | transfer');

const explanation = z.array(
  z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
);

export const objectiveSchema = z.object({
  covered: z.number().int(),
  aumFen: z.string(),
  locality: z.object({ outlet: z.number().int(), sub_branch: z.number().int(), branch: z.number().int() }),
  maxUtilisation: z.number(),
  meanScore: z.number().nullable(),
});

export const planBody = z.object({
  date: dateString.optional(),
  orgId: idString.optional().describe('the org subtree to plan for (default: my own node)'),
});

export const transferBody = z.object({
  fromStaffId: idString.describe('the leaving RM'),
  date: dateString.optional(),
  orgId: idString.optional().describe('only their customers homed in this subtree'),
});

export const planSchema = z.object({
  batchId: z.string(),
  kind: z.enum(ASSIGNMENT_BATCH_KINDS),
  orgId: z.string(),
  asOfDate: z.string(),
  fromStaffId: z.string().nullable(),
  settingsVersion: z.number().int(),
  policy: z.enum(ASSIGNMENT_POLICY_MODES),
  status: z.enum(ASSIGNMENT_BATCH_STATUSES),
  proposals: z.array(
    z.object({
      customerId: z.string(),
      fromStaffId: z.string().nullable(),
      toStaffId: z.string(),
      reason: proposalReason,
      locality: z.enum(LOCALITIES),
      explanation,
    }),
  ),
  unassigned: z.array(z.object({ customerId: z.string(), reason: z.enum(UNASSIGNED_REASONS) })),
  objective: objectiveSchema,
  applied: z.number().int().describe('proposals applied at once (auto_apply policy)'),
});

export const countsSchema = z.record(z.string(), z.number().int());

export const batchSummarySchema = z.object({
  batchId: z.string(),
  kind: z.enum(ASSIGNMENT_BATCH_KINDS),
  orgId: z.string(),
  asOfDate: z.string(),
  fromStaffId: z.string().nullable(),
  status: z.enum(ASSIGNMENT_BATCH_STATUSES),
  createdBy: z.string(),
  createdAt: z.string(),
  settingsVersion: z.number().int(),
  objective: objectiveSchema,
  counts: countsSchema,
});

export const batchListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(batchSummarySchema),
});

export const batchDetailSchema = z.object({
  batch: batchSummarySchema,
  proposals: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(
      z.object({
        customerId: z.string(),
        name: z.string().describe('masked'),
        tier: z.enum(TIERS),
        homeOrgId: z.string(),
        fromStaffId: z.string().nullable(),
        fromStaffName: z.string().nullable(),
        toStaffId: z.string(),
        toStaffName: z.string(),
        reason: proposalReason,
        locality: z.enum(LOCALITIES),
        explanation,
        status: z.enum(ASSIGNMENT_PROPOSAL_STATUSES),
        decidedBy: z.string().nullable(),
        decidedAt: z.string().nullable(),
        rejectReason: z.string().nullable(),
      }),
    ),
  }),
  unassigned: z
    .array(
      z.object({
        customerId: z.string(),
        name: z.string().describe('masked'),
        tier: z.enum(TIERS),
        reason: z.enum(UNASSIGNED_REASONS),
      }),
    )
    .describe('the first 1000 of my subtree'),
});

export const approveBody = z.object({
  customerIds: z
    .array(idString)
    .min(1)
    .max(100_000)
    .optional()
    .describe('default: every pending proposal of my subtree'),
});

export const rejectBody = z.object({
  customerIds: z
    .array(idString)
    .min(1)
    .max(100_000)
    .optional()
    .describe('default: every pending proposal of my subtree'),
  reason: z.string().trim().min(1).max(500),
});

export const applySchema = z.object({
  batchId: z.string(),
  status: z.enum(ASSIGNMENT_BATCH_STATUSES),
  approved: z.number().int(),
  applied: z.number().int().describe('0 when nothing was left to apply'),
});

export const rejectSchema = z.object({
  batchId: z.string(),
  status: z.enum(ASSIGNMENT_BATCH_STATUSES),
  rejected: z.number().int(),
});

/** 409 on approve/apply: stale proposals (details.customers) or a cap that would break (details.staff). */
export const assignConflictSchema = errorSchema.extend({
  code: z.literal('CONFLICT'),
  details: z.union([
    z.object({
      reason: z.literal('stale'),
      customers: z.array(z.object({ customerId: z.string(), changed: z.array(z.string()) })),
    }),
    z.object({
      reason: z.literal('capacity'),
      staff: z.array(
        z.object({
          staffId: z.string(),
          load: z.number().int(),
          cap: z.number().int(),
          customers: z.array(z.string()),
        }),
      ),
    }),
  ]),
});

export const policySchema = z.object({
  orgId: z.string(),
  mode: z.enum(ASSIGNMENT_POLICY_MODES),
  inheritedFrom: z.string().nullable().describe('the ancestor whose policy applies; null: its own, or the default'),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const policyBody = z.object({ mode: z.enum(ASSIGNMENT_POLICY_MODES) });

export const batchQuery = z.object({ status: z.enum(ASSIGNMENT_PROPOSAL_STATUSES).optional() });
export const batchListQuery = z.object({ status: z.enum(ASSIGNMENT_BATCH_STATUSES).optional() });
