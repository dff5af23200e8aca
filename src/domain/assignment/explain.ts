/**
 * From the solver's placements to the answer: proposals with their explanation codes, the
 * unassigned customers and the objective breakdown. Explanation codes are i18n keys under
 * `stewardship.explain.`:
 *  - `idle_rm_excluded {staffId}`: the customer's idle RM was not considered;
 *  - `home_outlet_capacity {free}` / `sub_branch_capacity {free}` / `branch_capacity {free}`:
 *    where the RM sits and the places it had before the plan;
 *  - why not nearer (for sub-branch and branch proposals), the first that applies, nearest first:
 *    `nearer_full {staffId}` (an allowed RM nearer was at its cap after the plan),
 *    `nearer_role_not_allowed {staffId, role}` (nearer RMs exist, none with a role for the tier),
 *    `nearer_only_idle_rm {staffId}` (the only allowed RM nearer is the customer's idle RM),
 *    `no_rm_nearer` (no RM at all in the outlet or sub-branch);
 *  - `load_after {load, cap}`: the RM's book after the plan;
 *  - `rm_score {score}` when the RM has one.
 * Customers of one group placed with one RM share their explanation array (do not mutate it).
 */
import type { Group } from './network.js';
import { localityOf } from './network.js';
import type { AssignCustomer, AssignResult, AssignRm, Explanation, Locality, Proposal, Unassigned } from './types.js';
import { UNASSIGNED_REASONS } from './types.js';

const CAPACITY_CODE: Record<Locality, string> = {
  outlet: 'home_outlet_capacity',
  sub_branch: 'sub_branch_capacity',
  branch: 'branch_capacity',
};

/**
 * Per customer of `input`, `assign` is the RM's index (-1: none) and `reason` 1 + the
 * UNASSIGNED_REASONS index when unassigned. The answer's order is canonical, not the input's:
 * customers no RM could take by customerId, then group by group (groups by key), each group's
 * members by AUM descending then customerId.
 */
export function buildResult(
  input: readonly AssignCustomer[],
  assign: Int32Array,
  reason: Uint8Array,
  groups: readonly Group[],
  rms: readonly AssignRm[],
  free: Int32Array,
): AssignResult {
  const assigned = new Int32Array(rms.length);
  for (let i = 0; i < assign.length; i++) if (assign[i]! >= 0) assigned[assign[i]!]!++;
  const byOutlet = new Map<string, number[]>();
  const bySub = new Map<string, number[]>();
  rms.forEach((r, i) => {
    for (const [m, k] of [
      [byOutlet, `${r.branchId}\u0000${r.outletId}`],
      [bySub, `${r.branchId}\u0000${r.subBranchId}`],
    ] as const) {
      let l = m.get(k);
      if (!l) m.set(k, (l = []));
      l.push(i);
    }
  });
  const full = (i: number) => rms[i]!.load + assigned[i]! >= rms[i]!.cap;

  /** why not an RM at `level` (the home outlet, or the rest of its sub-branch) for the group */
  const whyNotNearer = (g: Group, level: Locality): Explanation => {
    const c = g.first;
    const near =
      (level === 'outlet'
        ? byOutlet.get(`${c.branchId}\u0000${c.outletId}`)
        : bySub.get(`${c.branchId}\u0000${c.subBranchId}`)?.filter((i) => rms[i]!.outletId !== c.outletId)) ?? [];
    if (near.length === 0) return { code: 'no_rm_nearer' };
    const allowed = near.filter((i) => g.allowed.includes(rms[i]!.role));
    const open = allowed.filter((i) => rms[i]!.staffId !== c.currentStaffId || c.need !== 'idle');
    const fullOne = open.find(full);
    if (fullOne !== undefined) return { code: 'nearer_full', params: { staffId: rms[fullOne]!.staffId } };
    if (allowed.length === 0) {
      const r = rms[near[0]!]!;
      return { code: 'nearer_role_not_allowed', params: { staffId: r.staffId, role: r.role } };
    }
    if (open.length === 0) return { code: 'nearer_only_idle_rm', params: { staffId: c.currentStaffId ?? '' } };
    // not reached at an optimum (a nearer RM with room would have been preferred)
    return { code: 'nearer_full', params: { staffId: rms[open[0]!]!.staffId } };
  };

  const cache = new Map<number, Explanation[]>();
  const explain = (g: number, r: number, loc: Locality): Explanation[] => {
    const ck = g * rms.length + r;
    let e = cache.get(ck);
    if (e) return e;
    const grp = groups[g]!;
    const rm = rms[r]!;
    e = [];
    if (grp.first.need === 'idle' && grp.first.currentStaffId) {
      e.push({ code: 'idle_rm_excluded', params: { staffId: grp.first.currentStaffId } });
    }
    e.push({ code: CAPACITY_CODE[loc], params: { free: free[r]! } });
    if (loc !== 'outlet') e.push(whyNotNearer(grp, 'outlet'));
    if (loc === 'branch') e.push(whyNotNearer(grp, 'sub_branch'));
    e.push({ code: 'load_after', params: { load: rm.load + assigned[r]!, cap: rm.cap } });
    if (rm.score !== null) e.push({ code: 'rm_score', params: { score: rm.score } });
    cache.set(ck, e);
    return e;
  };

  const proposals: Proposal[] = [];
  const unassigned: Unassigned[] = [];
  const locality: Record<Locality, number> = { outlet: 0, sub_branch: 0, branch: 0 };
  let aum = 0n;
  let scoreSum = 0;
  let scored = 0;
  const outside: number[] = [];
  const grouped = new Uint8Array(input.length);
  for (const g of groups) for (const i of g.ranks) grouped[i] = 1;
  for (let i = 0; i < input.length; i++) if (!grouped[i]) outside.push(i);
  outside.sort((a, b) => (input[a]!.customerId < input[b]!.customerId ? -1 : 1));
  for (const i of outside) {
    unassigned.push({ customerId: input[i]!.customerId, reason: UNASSIGNED_REASONS[reason[i]! - 1]! });
  }
  for (let g = 0; g < groups.length; g++) {
    for (const i of groups[g]!.ranks) {
      const c = input[i]!;
      const ri = assign[i]!;
      if (ri < 0) {
        unassigned.push({ customerId: c.customerId, reason: UNASSIGNED_REASONS[reason[i]! - 1]! });
        continue;
      }
      const r = rms[ri]!;
      const loc = localityOf(c, r)!;
      locality[loc]++;
      aum += c.aumFen;
      if (r.score !== null) {
        scoreSum += r.score;
        scored++;
      }
      proposals.push({
        customerId: c.customerId,
        fromStaffId: c.currentStaffId,
        toStaffId: r.staffId,
        reason: c.need,
        locality: loc,
        explanation: explain(g, ri, loc),
      });
    }
  }
  let maxUtilisation = 0;
  for (let i = 0; i < rms.length; i++) {
    const r = rms[i]!;
    if (r.cap > 0) maxUtilisation = Math.max(maxUtilisation, (r.load + assigned[i]!) / r.cap);
  }
  return {
    proposals,
    unassigned,
    objective: {
      covered: proposals.length,
      aumFen: aum.toString(),
      locality,
      maxUtilisation,
      meanScore: scored ? scoreSum / scored : null,
    },
  };
}
