/**
 * The reassignment solver (DOMAIN.md §3, issue 11): who gets an RM, and which one. Pure: no I/O,
 * deterministic for the same input whatever its order.
 *
 * Formulation: a transportation problem (a min-cost flow) solved as an LP by HiGHS.
 *  - Customers interchangeable for the constraints (same branch, sub-branch and home outlet, same
 *    set of roles allowed for their tier, same excluded idle RM) share a group node. Within a
 *    group customers are taken in AUM order (descending, ties by customerId), so the AUM a group
 *    contributes is a concave function of how many are taken: up to MAX_BUCKETS supply columns
 *    per group, one per AUM-rank bucket, each valued at its bucket's mean AUM (a concave
 *    piecewise-linear under-estimate that is exact at the bucket ends; groups of ≤ MAX_BUCKETS
 *    customers are exact).
 *  - Arc columns group → RM exist only where the RM may take the group (role allowed for the tier,
 *    same branch, not the idle RM, RM below cap). Each RM row sends its inflow to UTIL_STEPS
 *    utilisation segment columns whose capacities sum to cap − load, so caps hold by
 *    construction. The matrix is a network matrix: totally unimodular, so every basic solution is
 *    integral and flows are whole customers.
 *  - Lexicographic objective by sequential LPs on one persistent HiGHS model (warm-started):
 *    (1) max covered, (2) max AUM, (3) min locality (0 outlet, 1 sub-branch, 2 branch per
 *    customer), (4) min Σ cap·u² (per customer in the utilisation step k: (2k−1)/UTIL_STEPS),
 *    (5) max score of the chosen RMs. After each stage, every column with a non-zero reduced cost
 *    is fixed at its value: by complementary slackness that is exactly the stage's optimal face,
 *    and since only bounds change (to integers) the LP stays totally unimodular. Scaled weights in
 *    one LP were rejected: to provably keep the order at a million customers they need a range of
 *    ~10^6 per level (10^24 over five), far beyond double precision, and an added "objective ≥
 *    optimum" row would break total unimodularity.
 *  - Afterwards each group's flows are expanded: its top-AUM members go to its nearest, then
 *    best-scoring (then lowest staffId) RMs. The reported AUM is the exact bigint sum.
 * The exact reference (./exact.ts) is the same LP with one group per customer.
 */
import type { AssignCustomer, AssignResult, AssignRm, AssignSettings } from './types.js';
import { solveWith, type NetworkStats } from './network.js';

/** AUM-rank buckets per group: more is closer to the exact AUM optimum, and a bigger LP. */
export const MAX_BUCKETS = 32;

export function rankBuckets(n: number, max = MAX_BUCKETS): number[] {
  const k = Math.min(n, max);
  const starts = new Array<number>(k + 1);
  for (let i = 0; i <= k; i++) starts[i] = Math.floor((i * n) / k);
  return starts;
}

const aggregatedKey = (c: AssignCustomer, roleKey: string, excluded: string) =>
  `${c.branchId}\u0000${c.subBranchId}\u0000${c.outletId}\u0000${roleKey}\u0000${excluded}`;

/** Proposes an RM for as many of `customers` as the constraints allow (see the file header). */
export async function solveAssignment(
  customers: AssignCustomer[],
  rms: AssignRm[],
  settings: AssignSettings,
): Promise<AssignResult> {
  const { stats: _stats, ...result } = await solveAssignmentWithStats(customers, rms, settings);
  return result;
}

/** solveAssignment and the size of the LP it solved (for benchmarks). */
export function solveAssignmentWithStats(
  customers: readonly AssignCustomer[],
  rms: readonly AssignRm[],
  settings: AssignSettings,
): Promise<AssignResult & { stats: NetworkStats }> {
  return solveWith(customers, rms, settings, aggregatedKey, { bucketing: (n) => rankBuckets(n), hubs: true });
}
