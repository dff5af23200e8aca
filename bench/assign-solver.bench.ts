/**
 * The reassignment solver (src/domain/assignment/solve.ts), pure CPU, one core:
 *  (a) scale: 1,000,000 customers needing an RM × 2,000 RMs in a synthetic bank of 30 branches,
 *      3 sub-branches each and 4 outlets per sub-branch; tiers mostly premium/affluent; a fifth of
 *      the customers idle with an RM of their outlet. Target ≤ 10 s and < 2 GiB.
 *  (b) quality: shapes up to 5,000 customers × 50 RMs against the exact LP (one node per
 *      customer, src/domain/assignment/exact.ts) in the same run: coverage gap (must be 0), AUM
 *      gap and time ratio.
 * `npm run bench:assign` (or `npm run bench assign`); `ASSIGN_SCALE=200000` for a smaller (a).
 */
import { loadavg } from 'node:os';
import { resourceUsage } from 'node:process';
import { DEFAULT_SETTINGS } from '../src/domain/settings.js';
import type { OwnerRole, Tier } from '../src/domain/enums.js';
import { solveExactWithStats } from '../src/domain/assignment/exact.js';
import { solveAssignmentWithStats } from '../src/domain/assignment/solve.js';
import type { AssignCustomer, AssignRm, AssignSettings, NeedReason } from '../src/domain/assignment/types.js';
import { planViolations } from '../src/domain/assignment/verify.js';
import { round, timed, writeResult } from './lib.js';

const settings: AssignSettings = { rolesPerTier: DEFAULT_SETTINGS.stewardship.rolesPerTier };
const CAP = DEFAULT_SETTINGS.stewardship.capacity;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  name: string;
  customers: number;
  rms: number;
  branches: number;
  subPerBranch: number;
  outletsPerSub: number;
  /** RM load as a share of cap: [min, max) */
  load: [number, number];
  /** branch 0's RMs are all at their cap */
  firstBranchFull?: boolean;
  idleShare: number;
  seed: number;
}

const TIER_MIX: [Tier, number, number, number][] = [
  // tier, share, AUM range in yuan
  ['premium', 0.62, 50_000, 500_000],
  ['affluent', 0.28, 500_000, 3_000_000],
  ['wealth', 0.08, 3_000_000, 6_000_000],
  ['private', 0.02, 6_000_000, 100_000_000],
];

function makeInstance(s: Shape): { customers: AssignCustomer[]; rms: AssignRm[] } {
  const rnd = mulberry32(s.seed);
  const outlets: { outletId: string; subBranchId: string; branchId: string; b: number }[] = [];
  for (let b = 0; b < s.branches; b++)
    for (let sb = 0; sb < s.subPerBranch; sb++)
      for (let o = 0; o < s.outletsPerSub; o++)
        outlets.push({ outletId: `O${b}-${sb}-${o}`, subBranchId: `S${b}-${sb}`, branchId: `B${b}`, b });
  const rms: AssignRm[] = [];
  const rmsByOutlet = new Map<string, AssignRm[]>();
  for (let i = 0; i < s.rms; i++) {
    const o = outlets[Math.floor(rnd() * outlets.length)]!;
    const x = rnd();
    const role: OwnerRole = x < 0.7 ? 'rm' : x < 0.93 ? 'wealth_rm' : 'private_advisor';
    const cap = CAP[role];
    const share = s.firstBranchFull && o.b === 0 ? 1 : s.load[0] + rnd() * (s.load[1] - s.load[0]);
    const score = rnd() < 0.8 ? Math.round(rnd() * 100) : null;
    const r: AssignRm = {
      staffId: `E${String(i).padStart(5, '0')}`,
      role,
      ...o,
      cap,
      load: Math.round(cap * share),
      score,
    };
    delete (r as { b?: number }).b;
    rms.push(r);
    let l = rmsByOutlet.get(o.outletId);
    if (!l) rmsByOutlet.set(o.outletId, (l = []));
    l.push(r);
  }
  const customers: AssignCustomer[] = new Array(s.customers);
  for (let i = 0; i < s.customers; i++) {
    const o = outlets[Math.floor(rnd() * outlets.length)]!;
    let x = rnd();
    let t = TIER_MIX[0]!;
    for (const m of TIER_MIX) {
      t = m;
      if ((x -= m[1]) < 0) break;
    }
    const yuan = t[2] * Math.exp(rnd() * Math.log(t[3] / t[2]));
    const here = rmsByOutlet.get(o.outletId);
    const y = rnd();
    let need: NeedReason = y < 0.6 ? 'unmanaged' : y < 0.75 ? 'orphaned' : y < 0.8 ? 'wrong_role' : 'idle';
    if (need === 'idle' && (!here || rnd() > s.idleShare / 0.2)) need = 'unmanaged';
    const currentStaffId =
      need === 'idle' ? here![Math.floor(rnd() * here!.length)]!.staffId : need === 'unmanaged' ? null : `X${i % 997}`;
    customers[i] = {
      customerId: `C${String(i).padStart(8, '0')}`,
      tier: t[0],
      aumFen: BigInt(Math.round(yuan * 100)),
      outletId: o.outletId,
      subBranchId: o.subBranchId,
      branchId: o.branchId,
      currentStaffId,
      need,
    };
  }
  return { customers, rms };
}

const GiB = 2 ** 30;

async function scale() {
  const n = Number(process.env.ASSIGN_SCALE ?? 1_000_000);
  const shape: Shape = {
    name: 'scale',
    customers: n,
    rms: 2000,
    branches: 30,
    subPerBranch: 3,
    outletsPerSub: 4,
    load: [0.3, 0.9],
    idleShare: 0.2,
    seed: 11,
  };
  const { customers, rms } = makeInstance(shape);
  const heapBefore = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const { value: r, seconds } = await timed(() =>
    solveAssignmentWithStats(customers, rms, settings, () => performance.now()),
  );
  const cpu = process.cpuUsage(cpu0);
  const rssPeakGiB = (resourceUsage().maxRSS * 1024) / GiB;
  const violations = planViolations(customers, rms, settings, r);
  const free = rms.reduce((a, x) => a + Math.max(0, x.cap - x.load), 0);
  return {
    customers: n,
    rms: rms.length,
    freePlaces: free,
    seconds: round(seconds),
    /** CPU time of the process during the solve (user + system): the figure to read when other
     *  work shares the machine (loadAvg) */
    cpuSeconds: round((cpu.user + cpu.system) / 1e6),
    loadAvg: loadavg().map((x) => round(x)),
    lpBuildSeconds: round(r.stats.buildSeconds),
    lpSolveSeconds: round(r.stats.solveSeconds),
    prepareAndExpandSeconds: round(seconds - r.stats.buildSeconds - r.stats.solveSeconds),
    rssPeakGiB: round(rssPeakGiB),
    rssBeforeSolveGiB: round(heapBefore.rss / GiB),
    lp: { ...r.stats, buildSeconds: undefined, solveSeconds: undefined },
    covered: r.objective.covered,
    unassigned: r.unassigned.length,
    objective: r.objective,
    violations: violations.length,
    withinTarget: Math.min(seconds, (cpu.user + cpu.system) / 1e6) <= 10 && rssPeakGiB < 2,
  };
}

async function quality() {
  const base = { branches: 3, subPerBranch: 2, outletsPerSub: 3, idleShare: 0.2 };
  const shapes: Shape[] = [
    { name: 'short capacity 5000×50', customers: 5000, rms: 50, load: [0.7, 1.05], seed: 1, ...base },
    { name: 'spare capacity 3000×50', customers: 3000, rms: 50, load: [0, 0.5], seed: 2, ...base },
    {
      name: 'one branch full 5000×50',
      customers: 5000,
      rms: 50,
      load: [0.3, 0.9],
      firstBranchFull: true,
      seed: 3,
      ...base,
    },
    { name: 'very short 5000×30', customers: 5000, rms: 30, load: [0.8, 1], seed: 4, ...base },
    { name: 'small 500×10', customers: 500, rms: 10, load: [0.5, 1], seed: 5, ...base },
  ];
  const out = [];
  for (const s of shapes) {
    const { customers, rms } = makeInstance(s);
    const exact = await timed(() => solveExactWithStats(customers, rms, settings));
    const got = await timed(() => solveAssignmentWithStats(customers, rms, settings));
    const ea = Number(exact.value.objective.aumFen);
    const ga = Number(got.value.objective.aumFen);
    out.push({
      shape: s.name,
      customers: s.customers,
      rms: s.rms,
      covered: got.value.objective.covered,
      coverageGap: exact.value.objective.covered - got.value.objective.covered,
      aumGapPct: ea > 0 ? round(((ea - ga) / ea) * 100, 5) : 0,
      locality: { solver: got.value.objective.locality, exact: exact.value.objective.locality },
      maxUtilisation: {
        solver: round(got.value.objective.maxUtilisation, 4),
        exact: round(exact.value.objective.maxUtilisation, 4),
      },
      seconds: { solver: round(got.seconds, 3), exact: round(exact.seconds, 3) },
      timeRatio: round(got.seconds / exact.seconds, 3),
      lp: {
        solver: { groups: got.value.stats.groups, arcs: got.value.stats.arcs },
        exact: { groups: exact.value.stats.groups, arcs: exact.value.stats.arcs },
      },
      violations:
        planViolations(customers, rms, settings, got.value).length +
        planViolations(customers, rms, settings, exact.value).length,
    });
  }
  return out;
}

// warm the WebAssembly module outside the measurements
await solveAssignmentWithStats([], [], settings);
if (process.env.ASSIGN_ONLY === 'scale') {
  // profiling aid: the scale run alone, printed, no result file
  console.log(JSON.stringify(await scale(), null, 2));
} else {
  const q = await quality();
  const a = await scale();
  writeResult('assign-solver', {
    command: 'npm run bench:assign',
    scale: a,
    quality: q,
    note: 'seconds are wall time of solveAssignment on one core (HiGHS WebAssembly is single-threaded), input generation excluded; rssPeakGiB is the process maximum (resourceUsage().maxRSS), input included',
  });
}
