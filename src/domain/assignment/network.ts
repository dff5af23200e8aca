/**
 * The transportation network behind the reassignment solver, shared by the aggregated solver
 * (./solve.ts) and the exact reference (./exact.ts): they differ only in how customers are put
 * into groups. See ./solve.ts for the formulation and why the objective order holds.
 */
import type { OwnerRole } from '../enums.js';
import type { AssignCustomer, AssignResult, AssignRm, AssignSettings, Locality } from './types.js';
import { LOCALITIES, UNASSIGNED_REASONS } from './types.js';
import { buildResult } from './explain.js';

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
  /** the members' positions in the input, AUM descending (ties by customerId), and their AUM */
  ranks: Int32Array;
  aum: Float64Array;
  /** candidate RMs (indices into the staffId-sorted RMs) with free capacity, ascending */
  rms: number[];
}

/** How to cut a group (its AUMs, descending) into buckets: each bucket's start, last = size. */
export type Bucketing = (aum: Float64Array) => number[];

export interface NetworkStats {
  groups: number;
  buckets: number;
  arcs: number;
  segments: number;
  rows: number;
  /** building and solving the LP, when a clock was given (else 0) */
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
 * RMs sorted by staffId with their free places, the customers' groups (sorted by key), and per
 * customer why it cannot be placed at all (0: it is in a group).
 */
export function prepare(
  customers: readonly AssignCustomer[],
  rmsIn: readonly AssignRm[],
  settings: AssignSettings,
  /** one group per key (the exact reference: one per customer); null: the aggregated groups */
  groupKey: ((c: AssignCustomer) => string) | null,
) {
  const rms = [...rmsIn].sort((a, b) => cmpStr(a.staffId, b.staffId));
  const free = new Int32Array(rms.length);
  const byBranch = new Map<string, number[]>();
  const staffIndex = new Map<string, number>();
  rms.forEach((r, i) => {
    free[i] = Math.max(0, r.cap - r.load);
    staffIndex.set(r.staffId, i);
    let list = byBranch.get(r.branchId);
    if (!list) byBranch.set(r.branchId, (list = []));
    list.push(i);
  });
  // No global sort by customerId (seconds at a million): groups are sorted by key, members by
  // AUM then customerId, and the answer follows that order, so the input order never matters.
  const n = customers.length;
  const sorted = customers;
  /** per customer (input order): 0 placeable, else 1 + index in UNASSIGNED_REASONS */
  const reason = new Uint8Array(n);
  const groups = new Map<string, Group & { list: number[] }>();
  const tierInfo = new Map<string, { allowed: readonly OwnerRole[]; roleKey: string }>();
  // candidates per (branch, role set): computed once, filtered for the idle RM per group
  const candidateCache = new Map<string, Map<string, { all: number[]; withFree: number[] }>>();
  // aggregated groups by branch, sub-branch, outlet, role set, excluded RM: nested maps, so no key
  // string per customer (a million of them is seconds of allocation and GC)
  type Nest = Map<string, Nest | Group>;
  const nested: Nest = new Map();
  const lookup = (path: string[]): Nest | Group | undefined => {
    let m: Nest = nested;
    for (let k = 0; k + 1 < path.length; k++) {
      let next = m.get(path[k]!) as Nest | undefined;
      if (!next) m.set(path[k]!, (next = new Map()));
      m = next;
    }
    return m.get(path[path.length - 1]!);
  };
  for (let i = 0; i < n; i++) {
    const c = sorted[i]!;
    let ti = tierInfo.get(c.tier);
    if (!ti) {
      const allowed = settings.rolesPerTier[c.tier] ?? [];
      tierInfo.set(c.tier, (ti = { allowed, roleKey: [...allowed].sort().join(',') }));
    }
    const { allowed, roleKey } = ti;
    let byRoles = candidateCache.get(c.branchId);
    if (!byRoles) candidateCache.set(c.branchId, (byRoles = new Map()));
    let cand = byRoles.get(roleKey);
    if (!cand) {
      const all = (byBranch.get(c.branchId) ?? []).filter((r) => allowed.includes(rms[r]!.role));
      byRoles.set(roleKey, (cand = { all, withFree: all.filter((r) => free[r]! > 0) }));
    }
    let idle = -1;
    if (c.need === 'idle' && c.currentStaffId !== null) {
      const r = staffIndex.get(c.currentStaffId);
      if (r !== undefined && rms[r]!.branchId === c.branchId && allowed.includes(rms[r]!.role)) idle = r;
    }
    const idleFree = idle >= 0 && free[idle]! > 0;
    if (cand.all.length - (idle >= 0 ? 1 : 0) === 0) {
      reason[i] = 1 + UNASSIGNED_REASONS.indexOf('no_allowed_rm_in_branch');
      continue;
    }
    if (cand.withFree.length - (idleFree ? 1 : 0) === 0) {
      reason[i] = 1 + UNASSIGNED_REASONS.indexOf('no_capacity_in_branch');
      continue;
    }
    const excluded = idleFree ? rms[idle]!.staffId : '';
    const path = groupKey ? null : [c.branchId, c.subBranchId, c.outletId, roleKey, excluded];
    let g = (path ? lookup(path) : groups.get(groupKey!(c))) as (Group & { list: number[] }) | undefined;
    if (!g) {
      const key = path ? path.join('\u0000') : groupKey!(c);
      g = {
        key,
        first: c,
        allowed,
        excludedStaffId: excluded || null,
        ranks: new Int32Array(0),
        aum: new Float64Array(0),
        rms: excluded ? cand.withFree.filter((r) => r !== idle) : cand.withFree,
        list: [],
      };
      groups.set(key, g);
      if (path) {
        let m: Nest = nested;
        for (let k = 0; k + 1 < path.length; k++) m = m.get(path[k]!) as Nest;
        m.set(excluded, g);
      }
    }
    g.list.push(i);
  }
  const list: Group[] = [...groups.values()].sort((a, b) => cmpStr(a.key, b.key));
  for (const g of groups.values()) {
    const m = g.list.length;
    const raw = new Float64Array(m);
    const order = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      raw[k] = Number(sorted[g.list[k]!]!.aumFen);
      order[k] = k;
    }
    const ids = g.list.map((i) => sorted[i]!.customerId);
    order.sort((a, b) => raw[b]! - raw[a]! || cmpStr(ids[a]!, ids[b]!));
    g.ranks = new Int32Array(m);
    g.aum = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const o = order[k]!;
      g.ranks[k] = g.list[o]!;
      g.aum[k] = raw[o]!;
    }
    g.list = [];
  }
  return { rms, free, groups: list, sorted, reason };
}

/** Growable column store of the LP: each column is an arc with at most one tail and one head row. */
class Columns {
  n = 0;
  tail = new Int32Array(1024);
  head = new Int32Array(1024);
  upper = new Float64Array(1024);
  /** per-stage costs: 0 coverage+AUM, 1 locality, 2 balance, 3 score */
  cost = [new Float64Array(1024), new Float64Array(1024), new Float64Array(1024), new Float64Array(1024)];
  add(tail: number, head: number, upper: number, c0 = 0, c1 = 0, c2 = 0, c3 = 0): number {
    if (this.n === this.tail.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.tail = grow(this.tail);
      this.head = grow(this.head);
      this.upper = grow(this.upper);
      this.cost = this.cost.map(grow);
    }
    const j = this.n++;
    this.tail[j] = tail;
    this.head[j] = head;
    this.upper[j] = upper;
    this.cost[0]![j] = c0;
    this.cost[1]![j] = c1;
    this.cost[2]![j] = c2;
    this.cost[3]![j] = c3;
    return j;
  }
}

/**
 * A hub: the RMs of one role in one sub-branch, or in one sub-branch but not one of its outlets.
 * Groups send flow to a hub instead of to each of its RMs.
 */
interface Hub {
  row: number;
  rms: number[];
  /** columns hub → RM, parallel to rms */
  out: number[];
  /** group arcs into the hub: [column, group] */
  into: [number, number][];
}

export interface NetworkOptions {
  bucketing: Bucketing;
  /** route sub-branch and branch arcs through pooled hub nodes (false: one arc per group and RM) */
  hubs: boolean;
  /** a clock in ms for the build/solve split of the stats (the domain reads none itself) */
  now?: () => number;
}

/**
 * Builds the network LP for the groups, solves it stage by stage and returns, per group, how many
 * of its members go to which RM (pairs [rm index, count], in no particular order).
 */
export async function solveNetwork(
  groups: readonly Group[],
  rms: readonly AssignRm[],
  free: Int32Array,
  opts: NetworkOptions,
): Promise<{ flows: [number, number][][]; stats: NetworkStats }> {
  const now = opts.now ?? (() => 0);
  const t0 = now();
  const G = groups.length;
  const R = rms.length;
  const cols = new Columns();
  let rows = G + R;
  let maxAum = 0;
  for (const g of groups) if (g.aum.length && g.aum[0]! > maxAum) maxAum = g.aum[0]!;
  const aumScale = maxAum > 0 ? 1 / maxAum : 1;
  const scoreCost = (r: number) => -(rms[r]!.score ?? NEUTRAL_SCORE) / 100;
  // buckets: supply into group g. Cost 1 + AUM/max AUM per customer (see solve.ts, stage 1)
  let nBuckets = 0;
  for (let g = 0; g < G; g++) {
    const b = opts.bucketing(groups[g]!.aum);
    const aum = groups[g]!.aum;
    for (let k = 0; k + 1 < b.length; k++) {
      let s = 0;
      for (let i = b[k]!; i < b[k + 1]!; i++) s += aum[i]!;
      const n = b[k + 1]! - b[k]!;
      cols.add(-1, g, n, -(1 + (s / n) * aumScale));
      nBuckets++;
    }
  }
  // arcs
  const direct: [number, number, number][] = []; // [column, group, rm]
  const hubs = new Map<string, Hub>();
  // RMs with room per (branch, sub-branch, role), and the sub-branches of each branch, sorted
  const poolRms = new Map<string, number[]>();
  const subsOf = new Map<string, string[]>();
  for (let r = 0; r < R; r++) {
    if (free[r]! <= 0) continue;
    const rm = rms[r]!;
    const k = `${rm.branchId}\u0000${rm.subBranchId}\u0000${rm.role}`;
    let l = poolRms.get(k);
    if (!l) {
      poolRms.set(k, (l = []));
      let subs = subsOf.get(rm.branchId);
      if (!subs) subsOf.set(rm.branchId, (subs = []));
      if (!subs.includes(rm.subBranchId)) subs.push(rm.subBranchId);
    }
    l.push(r);
  }
  for (const subs of subsOf.values()) subs.sort(cmpStr);
  const hub = (key: string, list: () => number[]): Hub | null => {
    let h = hubs.get(key);
    if (!h) {
      const l = list();
      if (l.length === 0) return null;
      const row = rows++;
      h = { row, rms: l, out: l.map((r) => cols.add(row, G + r, Infinity, 0, 0, 0, scoreCost(r))), into: [] };
      hubs.set(key, h);
    }
    return h;
  };
  /** an arc from group g to hub h at `level`, or to each RM of h but the idle one */
  const toHub = (g: number, h: Hub | null, level: number, excluded: number) => {
    if (!h) return;
    if (excluded >= 0 && h.rms.includes(excluded)) {
      for (const r of h.rms)
        if (r !== excluded) direct.push([cols.add(g, G + r, Infinity, 0, level, 0, scoreCost(r)), g, r]);
    } else h.into.push([cols.add(g, h.row, Infinity, 0, level), g]);
  };
  for (let g = 0; g < G; g++) {
    const grp = groups[g]!;
    const c = grp.first;
    if (!opts.hubs) {
      for (const r of grp.rms) {
        const loc = LOCALITIES.indexOf(localityOf(c, rms[r]!)!);
        direct.push([cols.add(g, G + r, Infinity, 0, loc, 0, scoreCost(r)), g, r]);
      }
      continue;
    }
    const excluded = grp.excludedStaffId === null ? -1 : rms.findIndex((r) => r.staffId === grp.excludedStaffId);
    // home outlet: one arc per RM (grp.rms already leaves out the idle RM)
    for (const r of grp.rms) {
      if (rms[r]!.outletId === c.outletId) direct.push([cols.add(g, G + r, Infinity, 0, 0, 0, scoreCost(r)), g, r]);
    }
    for (const role of [...grp.allowed].sort()) {
      // the rest of the sub-branch, then each other sub-branch of the branch
      const own = `${c.branchId}\u0000${c.subBranchId}\u0000${role}`;
      toHub(
        g,
        hub(`${own}\u0000${c.outletId}`, () => (poolRms.get(own) ?? []).filter((r) => rms[r]!.outletId !== c.outletId)),
        1,
        excluded,
      );
      for (const sb of subsOf.get(c.branchId) ?? []) {
        if (sb === c.subBranchId) continue;
        const k = `${c.branchId}\u0000${sb}\u0000${role}`;
        toHub(
          g,
          hub(k, () => poolRms.get(k) ?? []),
          2,
          excluded,
        );
      }
    }
  }
  // utilisation segments of each RM that some arc reaches: cost Σ cap·u², per customer (2k-1)/STEPS
  const reached = new Uint8Array(R);
  for (const [, , r] of direct) reached[r] = 1;
  for (const h of hubs.values()) for (const r of h.rms) reached[r] = 1;
  let nSegs = 0;
  for (let r = 0; r < R; r++) {
    if (!reached[r] || free[r]! <= 0) continue;
    const cap = rms[r]!.cap;
    const load = cap - free[r]!;
    for (let k = 1; k <= UTIL_STEPS; k++) {
      const lo = Math.max(load, Math.floor(((k - 1) * cap) / UTIL_STEPS));
      const hi = k === UTIL_STEPS ? cap : Math.floor((k * cap) / UTIL_STEPS);
      if (hi > lo) {
        cols.add(G + r, -1, hi - lo, 0, 0, (2 * k - 1) / UTIL_STEPS);
        nSegs++;
      }
    }
  }
  const numCols = cols.n;
  const numRows = rows;
  const stats: NetworkStats = {
    groups: G,
    buckets: nBuckets,
    arcs: numCols - nBuckets - nSegs,
    segments: nSegs,
    rows: numRows,
    buildSeconds: 0,
    solveSeconds: 0,
    stageIterations: [],
  };
  const flows: [number, number][][] = groups.map(() => []);
  if (numCols === 0) {
    stats.buildSeconds = (now() - t0) / 1000;
    return { flows, stats };
  }
  // CSC: column j has -1 in its tail row and +1 in its head row, rows ascending
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(2 * numCols);
  const values = new Float64Array(2 * numCols);
  let nz = 0;
  for (let j = 0; j < numCols; j++) {
    starts[j] = nz;
    const t = cols.tail[j]!;
    const h = cols.head[j]!;
    if (t >= 0 && h >= 0 && h < t) {
      indices[nz] = h;
      values[nz++] = 1;
      indices[nz] = t;
      values[nz++] = -1;
    } else {
      if (t >= 0) {
        indices[nz] = t;
        values[nz++] = -1;
      }
      if (h >= 0) {
        indices[nz] = h;
        values[nz++] = 1;
      }
    }
  }
  starts[numCols] = nz;
  const highs = await loadHighs();
  const zeros = new Float64Array(numRows);
  const colUpper = cols.upper.subarray(0, numCols).map((u) => (u === Infinity ? highs.infinity : u));
  const stages = cols.cost.map((c) => c.slice(0, numCols));
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: stages[0]!,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower: zeros,
    rowUpper: zeros,
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts,
      indices: indices.subarray(0, nz),
      values: values.subarray(0, nz),
    },
  });
  const t1 = now();
  stats.buildSeconds = (t1 - t0) / 1000;
  let x: Float64Array;
  try {
    model.options.set({ output_flag: false });
    const all = { kind: 'range', from: 0, to: numCols - 1 } as const;
    x = new Float64Array(numCols);
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
  } finally {
    model.dispose();
  }
  const flow = (j: number): number => {
    if (j < 0) return 0;
    const v = x[j]!;
    const iv = Math.round(v);
    if (Math.abs(v - iv) > 1e-6) throw new Error(`assignment LP: fractional flow ${v} in column ${j}`);
    return iv;
  };
  for (const [j, g, r] of direct) {
    const f = flow(j);
    if (f > 0) flows[g]!.push([r, f]);
  }
  // decompose each hub's flow into (group, RM) amounts, groups and RMs in order
  for (const h of hubs.values()) {
    let k = 0;
    let left = h.rms.length ? flow(h.out[0]!) : 0;
    for (const [j, g] of h.into) {
      let f = flow(j);
      while (f > 0) {
        while (left === 0 && k + 1 < h.rms.length) left = flow(h.out[++k]!);
        if (left === 0) throw new Error('assignment LP: hub flow does not decompose');
        const t = Math.min(f, left);
        flows[g]!.push([h.rms[k]!, t]);
        f -= t;
        left -= t;
      }
    }
  }
  // merge (a group may reach one RM by several routes)
  for (let g = 0; g < G; g++) {
    const m = new Map<number, number>();
    for (const [r, f] of flows[g]!) m.set(r, (m.get(r) ?? 0) + f);
    flows[g] = [...m.entries()];
  }
  stats.solveSeconds = (now() - t1) / 1000;
  return { flows, stats };
}

/** Runs the whole pipeline with the given grouping and network options. */
export async function solveWith(
  customers: readonly AssignCustomer[],
  rmsIn: readonly AssignRm[],
  settings: AssignSettings,
  groupKey: ((c: AssignCustomer) => string) | null,
  opts: NetworkOptions,
): Promise<AssignResult & { stats: NetworkStats }> {
  const { rms, free, groups, sorted, reason } = prepare(customers, rmsIn, settings, groupKey);
  const { flows, stats } = await solveNetwork(groups, rms, free, opts);
  // expand: in each group, the top-AUM members go to the nearest, then best-scoring RMs
  const assign = new Int32Array(sorted.length).fill(-1);
  const short = 1 + UNASSIGNED_REASONS.indexOf('capacity_short');
  for (let g = 0; g < groups.length; g++) {
    const grp = groups[g]!;
    const arcs = flows[g]!.map(([r, f]) => ({ r, f, loc: LOCALITIES.indexOf(localityOf(grp.first, rms[r]!)!) })).sort(
      (p, q) => p.loc - q.loc || (rms[q.r]!.score ?? -1) - (rms[p.r]!.score ?? -1) || p.r - q.r,
    );
    const ranks = grp.ranks;
    let m = 0;
    for (const { r, f } of arcs) {
      for (let k = 0; k < f && m < ranks.length; k++) assign[ranks[m++]!] = r;
    }
    for (; m < ranks.length; m++) reason[ranks[m]!] = short;
  }
  return { ...buildResult(sorted, assign, reason, groups, rms, free), stats };
}
