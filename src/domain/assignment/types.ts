/**
 * The reassignment problem (DOMAIN.md §3, issue 11): customers who need an RM, the RMs who may
 * take them, and what the solver answers. Pure data: the solver (./solve.ts) does no I/O; the
 * stewardship feature gathers these from the database and writes the answer as a proposal batch.
 */
import type { OwnerRole, Tier } from '../enums.js';

/** Why a customer needs an RM (the stewardship state that is not `managed`). */
export const NEED_REASONS = ['unmanaged', 'orphaned', 'wrong_role', 'idle'] as const;
export type NeedReason = (typeof NEED_REASONS)[number];

/** How near the proposed RM sits to the customer's home outlet, nearest first. */
export const LOCALITIES = ['outlet', 'sub_branch', 'branch'] as const;
export type Locality = (typeof LOCALITIES)[number];

/** Why a customer who needs an RM got none. */
export const UNASSIGNED_REASONS = [
  /** no RM in the customer's branch has a role allowed for the tier */
  'no_allowed_rm_in_branch',
  /** allowed RMs exist in the branch, but every one is at its cap */
  'no_capacity_in_branch',
  /** capacity ran short and customers with more AUM (or nearer RMs) took it */
  'capacity_short',
] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export interface AssignCustomer {
  customerId: string;
  tier: Tier;
  /** the amount the tier is decided on, integer fen */
  aumFen: bigint;
  /** home outlet and its ancestors in the org tree */
  outletId: string;
  subBranchId: string;
  branchId: string;
  /** the current primary RM, if any (left, wrong role or idle) */
  currentStaffId: string | null;
  need: NeedReason;
  /** outlets the customer visited, most visited first (optional preference after home) */
  visitedOutletIds?: readonly string[];
}

export interface AssignRm {
  staffId: string;
  role: OwnerRole;
  outletId: string;
  subBranchId: string;
  branchId: string;
  /** the cap of the role (settings.stewardship.capacity) */
  cap: number;
  /** customers this RM keeps whatever the plan does (healthy relationships, and needing
   *  customers of this RM that are not in the problem) */
  load: number;
  /** familiarity/performance score 0–100 when one exists */
  score: number | null;
}

export interface AssignSettings {
  rolesPerTier: Record<Tier, readonly OwnerRole[]>;
}

export interface Explanation {
  /** i18n key under `stewardship.explain.` and its parameters */
  code: string;
  params?: Record<string, string | number>;
}

export interface Proposal {
  customerId: string;
  fromStaffId: string | null;
  toStaffId: string;
  reason: NeedReason;
  locality: Locality;
  /** why this RM, and why not the obvious alternative, as codes the UI words */
  explanation: Explanation[];
}

export interface Unassigned {
  customerId: string;
  reason: UnassignedReason;
}

export interface Objective {
  /** customers given an RM */
  covered: number;
  /** their AUM, integer fen as a decimal string */
  aumFen: string;
  /** proposals by locality */
  locality: Record<Locality, number>;
  /** highest (load / cap) over the RMs after the plan, 0–1 */
  maxUtilisation: number;
  /** mean score of the chosen RMs (null when none has a score) */
  meanScore: number | null;
}

/**
 * The order is canonical (the same for the same input in any order), not customerId order: the
 * customers no RM could take by customerId, then group by group (customers of one home outlet,
 * role set and excluded idle RM), each group by AUM descending then customerId.
 */
export interface AssignResult {
  proposals: Proposal[];
  unassigned: Unassigned[];
  objective: Objective;
}
