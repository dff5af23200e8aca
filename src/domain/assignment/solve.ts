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
 *    piecewise-linear under-estimate, exact at the bucket ends; groups of ≤ MAX_BUCKETS
 *    customers are exact). The reported AUM is the exact bigint sum of the customers placed.
 *  - Arcs exist only where allowed (role allowed for the tier, same branch, not the idle RM, RM
 *    below cap): group → each RM of its home outlet (cost level 0); group → one hub per role for
 *    the rest of its sub-branch (level 1) and one per role for each other sub-branch of the
 *    branch (level 2); hub → each of its RMs. No group needs an arc per RM of its branch, and the
 *    idle RM (normally in the home outlet) is in none of the group's hubs; where it is, that
 *    hub's RMs but it get direct arcs instead. Each RM row sends its inflow to UTIL_STEPS
 *    utilisation segment columns whose capacities sum to cap − load, so caps hold by
 *    construction. Every column has one +1 and one −1 (or one ±1): a network matrix, totally
 *    unimodular, so basic solutions are whole customers.
 *  - Lexicographic objective by sequential LPs on one persistent, warm-started HiGHS model:
 *    stage 1 maximises Σ (1 + AUM/max AUM) per customer placed. That is (1) then (2) exactly, not
 *    by a big-M: the sets of customers that can be placed together are the independent sets of a
 *    gammoid (a matroid), and a maximum-weight independent set under positive weights is a basis,
 *    i.e. of maximum size; among bases Σ(1 + a) = size + Σ a ranks by AUM. Stage 2 minimises
 *    locality (0 outlet, 1 sub-branch, 2 branch per customer), stage 3 balance (Σ cap·u²,
 *    linearised: a customer in utilisation step k costs (2k−1)/UTIL_STEPS), stage 4 maximises the
 *    RMs' scores (none: 50). After each stage every column with a non-zero reduced cost is fixed
 *    at its value: by complementary slackness that set is exactly the stage's optimal face, and
 *    since only bounds change (to integers) the LP stays totally unimodular. Scaled weights in one
 *    LP for all five were rejected: to provably keep the order at a million customers they need a
 *    factor ~10^6 per level, beyond double precision; an "objective ≥ optimum" row instead would
 *    break total unimodularity.
 *  - Afterwards hub flows are split among the hub's groups in order, and each group's expanded:
 *    its top-AUM members go to its nearest, then best-scoring (then lowest staffId) RMs.
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

/** Proposes an RM for as many of `customers` as the constraints allow (see the file header). */
export async function solveAssignment(
  customers: AssignCustomer[],
  rms: AssignRm[],
  settings: AssignSettings,
): Promise<AssignResult> {
  const { stats: _stats, ...result } = await solveAssignmentWithStats(customers, rms, settings);
  return result;
}

/** solveAssignment and the size of the LP it solved (for benchmarks; `now` times its parts). */
export function solveAssignmentWithStats(
  customers: readonly AssignCustomer[],
  rms: readonly AssignRm[],
  settings: AssignSettings,
  now?: () => number,
): Promise<AssignResult & { stats: NetworkStats }> {
  return solveWith(customers, rms, settings, null, {
    bucketing: (aum) => rankBuckets(aum.length),
    hubs: true,
    ...(now ? { now } : {}),
  });
}
