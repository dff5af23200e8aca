/**
 * The transportation network behind the reassignment solver, shared by the aggregated solver
 * (./solve.ts) and the exact reference (./exact.ts): they differ only in how customers are put
 * into groups. See ./solve.ts for the formulation and why the objective order holds.
 */
import type { OwnerRole } from '../enums.js';
import type {
  AssignCustomer,
  AssignResult,
  AssignRm,
  AssignSettings,
  Locality,
  Unassigned,
  UnassignedReason,
} from './types.js';
import { LOCALITIES } from './types.js';
import { buildResult, type Placement } from './explain.js';

import type { Highs } from 'highs';

let highsOnce: Promise<Highs> | undefined;
/** The HiGHS WebAssembly module, loaded on first use and kept for the process. */
export function loadHighs(): Promise<Highs> {
  // types.d.ts describes the package as CommonJS; under `import` Node loads build/highs.mjs,
  // whose default export is the loader itself
  highsOnce ??= import('highs').then((m) => (m as unknown as { default: () => Promise<Highs> }).default());
  return highsOnce;
}

/** Utilisation steps of the balance cost: cost Σ cap·u², linearised in steps of 1/UTIL_STEPS. */
export const UTIL_STEPS = 10;
/** A column whose reduced cost exceeds this after a stage is off the stage's optimal face. */
const REDUCED_COST_TOL = 1e-7;
/** Score assumed for an RM without one: neither preferred nor avoided. */
const NEUTRAL_SCORE = 50;

/** Customers who are interchangeable for the constraints. */
export interface Group {
  key: string;
  /** a member (they share tier-roles, home outlet and excluded RM) */
  first: AssignCustomer;
  allowed: readonly OwnerRole[];
  /** the idle RM none of the members may go back to, when that RM could otherwise take them */
  excludedStaffId: string | null;
  /** AUM as numbers, descending (ties by customerId), same order as `members` */
  members: AssignCustomer[];
  aum: Float64Array;
  /** candidate RMs (indices into the staffId-sorted RMs) with free capacity, ascending */
  rms: number[];
}

/** How to cut a group into AUM buckets: the start index of each bucket, last = group size. */
export type Bucketing = (n: number) => number[];

export interface NetworkStats {
  groups: number;
  buckets: number;
  arcs: number;
  segments: number;
  rows: number;
  buildSeconds: number;
  solveSeconds: number;
  stageIterations: number[];
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function localityOf(c: AssignCustomer, rm: AssignRm): Locality | null {
  if (rm.branchId !== c.branchId) return null;
  if (rm.outletId === c.outletId) return 'outlet';
  if (rm.subBranchId === c.subBranchId) return 'sub_branch';
  return 'branch';
}

/**
 * Sorted RMs and customers, the customers' groups and the customers who cannot be placed at all.
 * `groupKey` returns the key of a placeable customer given its excluded RM (or '' for none).
 */
export function prepare(
  customers: readonly AssignCustomer[],
  rmsIn: readonly AssignRm[],
  settings: AssignSettings,
  groupKey: (c: AssignCustomer, roleKey: string, excluded: string) => string,
) {
  const rms = [...rmsIn].sort((a, b) => cmpStr(a.staffId, b.staffId));
  const free = new Int32Array(rms.length);
  const byBranch = new Map<string, number[]>();
  rms.forEach((r, i) => {
    free[i] = Math.max(0, r.cap - r.load);
    let list = byBranch.get(r.branchId);
    if (!list) byBranch.set(r.branchId, (list = []));
    list.push(i);
  });
  const sorted = [...customers].sort((a, b) => cmpStr(a.customerId, b.customerId));
  const unassigned: Unassigned[] = [];
  const groups = new Map<string, Group>();
  // candidates per (branch, role set): computed once, filtered for the idle RM per group
  const candidateCache = new Map<string, { all: number[]; withFree: number[] }>();
  for (const c of sorted) {
    const allowed = settings.rolesPerTier[c.tier] ?? [];
    const roleKey = [...allowed].sort().join(',');
    const ck = `${c.branchId}\u0000${roleKey}`;
    let cand = candidateCache.get(ck);
    if (!cand) {
      const all = (byBranch.get(c.branchId) ?? []).filter((i) => allowed.includes(rms[i]!.role));
      cand = { all, withFree: all.filter((i) => free[i]! > 0) };
      candidateCache.set(ck, cand);
    }
    const idleRm = c.need === 'idle' && c.currentStaffId !== null ? c.currentStaffId : null;
    const idleIdx = idleRm === null ? -1 : cand.all.findIndex((i) => rms[i]!.staffId === idleRm);
    let reason: UnassignedReason | null = null;
    if (cand.all.length - (idleIdx >= 0 ? 1 : 0) === 0) reason = 'no_allowed_rm_in_branch';
    else {
      const freeCount = cand.withFree.length - (idleIdx >= 0 && free[cand.all[idleIdx]!]! > 0 ? 1 : 0);
      if (freeCount === 0) reason = 'no_capacity_in_branch';
    }
    if (reason) {
      unassigned.push({ customerId: c.customerId, reason });
      continue;
    }
    const excluded = idleIdx >= 0 && free[cand.all[idleIdx]!]! > 0 ? idleRm! : '';
    const key = groupKey(c, roleKey, excluded);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        first: c,
        allowed,
        excludedStaffId: excluded || null,
        members: [],
        aum: new Float64Array(0),
        rms: excluded ? cand.withFree.filter((i) => rms[i]!.staffId !== excluded) : cand.withFree,
      };
      groups.set(key, g);
    }
    g.members.push(c);
  }
  const list = [...groups.values()].sort((a, b) => cmpStr(a.key, b.key));
  for (const g of list) {
    const n = g.members.length;
    const aum = new Float64Array(n);
    const order = new Int32Array(n);
    const raw = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      raw[i] = Number(g.members[i]!.aumFen);
      order[i] = i;
    }
    // members are in customerId order already: a stable sort by AUM descending breaks ties by id
    order.sort((a, b) => raw[b]! - raw[a]! || a - b);
    const members = new Array<AssignCustomer>(n);
    for (let i = 0; i < n; i++) {
      members[i] = g.members[order[i]!]!;
      aum[i] = raw[order[i]!]!;
    }
    g.members = members;
    g.aum = aum;
  }
  return { rms, free, groups: list, unassigned };
}

/**
 * Builds the network LP for the groups, solves it stage by stage and returns how many members of
 * each group go to each of its RMs: `flows[g]` pairs with `groups[g].rms`.
 */
export async function solveNetwork(
  groups: readonly Group[],
  rms: readonly AssignRm[],
  free: Int32Array,
  bucketing: Bucketing,
): Promise<{ flows: Int32Array[]; stats: NetworkStats }> {
  const t0 = performance.now();
  const G = groups.length;
  const R = rms.length;
  // ── column counts
  const bucketStarts: number[][] = new Array(G);
  let nBuckets = 0;
  let nArcs = 0;
  for (let g = 0; g < G; g++) {
    const b = bucketing(groups[g]!.members.length);
    bucketStarts[g] = b;
    nBuckets += b.length - 1;
    nArcs += groups[g]!.rms.length;
  }
  const usedRm = new Uint8Array(R);
  for (const g of groups) for (const r of g.rms) usedRm[r] = 1;
  const segStart = new Int32Array(R + 1);
  let nSegs = 0;
  const segBounds: number[] = [];
  for (let r = 0; r < R; r++) {
    segStart[r] = nSegs;
    if (usedRm[r] && free[r]! > 0) {
      const cap = rms[r]!.cap;
      const load = cap - free[r]!;
      for (let k = 1; k <= UTIL_STEPS; k++) {
        const lo = Math.max(load, Math.floor(((k - 1) * cap) / UTIL_STEPS));
        const hi = k === UTIL_STEPS ? cap : Math.floor((k * cap) / UTIL_STEPS);
        if (hi > lo) {
          segBounds.push(hi - lo, k);
          nSegs++;
        }
      }
    }
  }
  segStart[R] = nSegs;
  const numCols = nBuckets + nArcs + nSegs;
  const numRows = G + R;
  const nnz = nBuckets + 2 * nArcs + nSegs;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const colUpper = new Float64Array(numCols);
  const costCover = new Float64Array(numCols);
  const costAum = new Float64Array(numCols);
  const costLocality = new Float64Array(numCols);
  const costBalance = new Float64Array(numCols);
  const costScore = new Float64Array(numCols);
  let maxAum = 0;
  for (const g of groups) if (g.aum.length && g.aum[0]! > maxAum) maxAum = g.aum[0]!;
  const aumScale = maxAum > 0 ? 1 / maxAum : 1;
  let col = 0;
  let nz = 0;
  // bucket columns: supply of group g, +1 in row g
  for (let g = 0; g < G; g++) {
    const b = bucketStarts[g]!;
    const aum = groups[g]!.aum;
    for (let k = 0; k + 1 < b.length; k++) {
      let s = 0;
      for (let i = b[k]!; i < b[k + 1]!; i++) s += aum[i]!;
      const n = b[k + 1]! - b[k]!;
      starts[col] = nz;
      indices[nz] = g;
      values[nz++] = 1;
      colUpper[col] = n;
      costCover[col] = -1;
      costAum[col] = -(s / n) * aumScale;
      col++;
    }
  }
  const arcStart = col;
  for (let g = 0; g < G; g++) {
    const grp = groups[g]!;
    for (const r of grp.rms) {
      const rm = rms[r]!;
      starts[col] = nz;
      indices[nz] = g;
      values[nz++] = -1;
      indices[nz] = G + r;
      values[nz++] = 1;
      colUpper[col] = Infinity;
      const loc = localityOf(grp.first, rm)!;
      costLocality[col] = LOCALITIES.indexOf(loc);
      costScore[col] = -(rm.score ?? NEUTRAL_SCORE) / 100;
      col++;
    }
  }
  for (let r = 0, s = 0; r < R; r++) {
    for (; s < segStart[r + 1]!; s++) {
      starts[col] = nz;
      indices[nz] = G + r;
      values[nz++] = -1;
      colUpper[col] = segBounds[2 * s]!;
      const k = segBounds[2 * s + 1]!;
      costBalance[col] = (2 * k - 1) / UTIL_STEPS;
      col++;
    }
  }
  starts[col] = nz;
  const stats: NetworkStats = {
    groups: G,
    buckets: nBuckets,
    arcs: nArcs,
    segments: nSegs,
    rows: numRows,
    buildSeconds: 0,
    solveSeconds: 0,
    stageIterations: [],
  };
  const flows = groups.map((g) => new Int32Array(g.rms.length));
  if (numCols === 0) {
    stats.buildSeconds = (performance.now() - t0) / 1000;
    return { flows, stats };
  }
  const highs = await loadHighs();
  const zeros = new Float64Array(numRows);
  const colLower = new Float64Array(numCols);
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: costCover,
    colLower,
    colUpper: colUpper.map((u) => (u === Infinity ? highs.infinity : u)),
    rowLower: zeros,
    rowUpper: zeros,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
  });
  const t1 = performance.now();
  stats.buildSeconds = (t1 - t0) / 1000;
  try {
    model.options.set({ output_flag: false });
    const all = { kind: 'range', from: 0, to: numCols - 1 } as const;
    const stages = [costCover, costAum, costLocality, costBalance, costScore];
    let x: Float64Array = new Float64Array(numCols);
    for (let st = 0; st < stages.length; st++) {
      if (st > 0) model.changeColsCost(all, stages[st]!);
      model.run();
      const status = model.getModelStatus();
      if (status !== highs.constants.modelStatus.optimal) {
        throw new Error(`assignment LP stage ${st + 1}: HiGHS model status ${status}`);
      }
      stats.stageIterations.push(Number(model.info.get('simplex_iteration_count')));
      const sol = model.getSolution();
      x = sol.colValue;
      if (st + 1 < stages.length) {
        // Keep to this stage's optimal face: by complementary slackness every optimal solution
        // has each column with a non-zero reduced cost at the bound it sits on now. Fixing those
        // bounds (integral values, same matrix) keeps the LP totally unimodular.
        const d = sol.colDual;
        const fix: number[] = [];
        for (let j = 0; j < numCols; j++) if (Math.abs(d[j]!) > REDUCED_COST_TOL) fix.push(j);
        if (fix.length) {
          const v = new Float64Array(fix.length);
          for (let i = 0; i < fix.length; i++) v[i] = Math.round(x[fix[i]!]!);
          model.changeColsBounds({ kind: 'set', indices: fix }, v, v);
        }
      }
    }
    for (let g = 0, c = arcStart; g < G; g++) {
      const f = flows[g]!;
      for (let a = 0; a < f.length; a++, c++) {
        const v = x[c]!;
        const iv = Math.round(v);
        if (Math.abs(v - iv) > 1e-6) throw new Error(`assignment LP: fractional flow ${v}`);
        f[a] = iv;
      }
    }
  } finally {
    model.dispose();
  }
  stats.solveSeconds = (performance.now() - t1) / 1000;
  return { flows, stats };
}

/** Runs the whole pipeline with the given grouping and bucketing. */
export async function solveWith(
  customers: readonly AssignCustomer[],
  rmsIn: readonly AssignRm[],
  settings: AssignSettings,
  groupKey: (c: AssignCustomer, roleKey: string, excluded: string) => string,
  bucketing: Bucketing,
): Promise<AssignResult & { stats: NetworkStats }> {
  const { rms, free, groups, unassigned } = prepare(customers, rmsIn, settings, groupKey);
  const { flows, stats } = await solveNetwork(groups, rms, free, bucketing);
  // expand: in each group, the top-AUM members go to the nearest, then best-scoring RMs
  const placements: Placement[] = [];
  for (let g = 0; g < groups.length; g++) {
    const grp = groups[g]!;
    const f = flows[g]!;
    const arcs = grp.rms
      .map((r, a) => ({ r, a, loc: LOCALITIES.indexOf(localityOf(grp.first, rms[r]!)!) }))
      .filter((x) => f[x.a]! > 0)
      .sort((p, q) => p.loc - q.loc || (rms[q.r]!.score ?? -1) - (rms[p.r]!.score ?? -1) || p.r - q.r);
    let m = 0;
    for (const { r, a } of arcs) {
      for (let k = 0; k < f[a]! && m < grp.members.length; k++) placements.push({ group: grp, member: m++, rm: r });
    }
    for (; m < grp.members.length; m++)
      unassigned.push({ customerId: grp.members[m]!.customerId, reason: 'capacity_short' });
  }
  return { ...buildResult(placements, unassigned, rms, free), stats };
}
