import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { OwnerRole, Tier } from '../enums.js';
import { solveExact } from './exact.js';
import { solveAssignment } from './solve.js';
import type { AssignCustomer, AssignRm, AssignSettings, NeedReason } from './types.js';
import { planViolations } from './verify.js';

const settings: AssignSettings = { rolesPerTier: DEFAULT_SETTINGS.stewardship.rolesPerTier };

/** Branch B1 → sub-branches S1 (outlets O1, O2) and S2 (O3); branch B2 → S3 → O4. */
const parent: Record<string, [string, string]> = {
  O1: ['S1', 'B1'],
  O2: ['S1', 'B1'],
  O3: ['S2', 'B1'],
  O4: ['S3', 'B2'],
};

function cust(
  customerId: string,
  outletId: string,
  yuan: number,
  extra: { tier?: Tier; need?: NeedReason; currentStaffId?: string | null } = {},
): AssignCustomer {
  const [subBranchId, branchId] = parent[outletId]!;
  return {
    customerId,
    tier: extra.tier ?? 'premium',
    aumFen: BigInt(yuan) * 100n,
    outletId,
    subBranchId,
    branchId,
    currentStaffId: extra.currentStaffId ?? null,
    need: extra.need ?? 'unmanaged',
  };
}

function rm(
  staffId: string,
  outletId: string,
  cap: number,
  load = 0,
  extra: { role?: OwnerRole; score?: number | null } = {},
): AssignRm {
  const [subBranchId, branchId] = parent[outletId]!;
  return { staffId, role: extra.role ?? 'rm', outletId, subBranchId, branchId, cap, load, score: extra.score ?? null };
}

async function solveChecked(customers: AssignCustomer[], rms: AssignRm[]) {
  const r = await solveAssignment(customers, rms, settings);
  expect(planViolations(customers, rms, settings, r)).toEqual([]);
  return r;
}

const to = (r: Awaited<ReturnType<typeof solveAssignment>>) =>
  Object.fromEntries(r.proposals.map((p) => [p.customerId, p.toStaffId]));

describe('solveAssignment', () => {
  it('answers nothing for nothing', async () => {
    const r = await solveAssignment([], [rm('R1', 'O1', 10)], settings);
    expect(r).toEqual({
      proposals: [],
      unassigned: [],
      objective: {
        covered: 0,
        aumFen: '0',
        locality: { outlet: 0, sub_branch: 0, branch: 0 },
        maxUtilisation: 0,
        meanScore: null,
      },
    });
    expect((await solveAssignment([], [], settings)).proposals).toEqual([]);
  });

  it('when capacity is short, the customers with the most AUM get the places', async () => {
    const cs = [
      cust('C1', 'O1', 100_000),
      cust('C2', 'O1', 900_000),
      cust('C3', 'O1', 500_000),
      cust('C4', 'O1', 300_000),
    ];
    const r = await solveChecked(cs, [rm('R1', 'O1', 10, 8)]);
    expect(to(r)).toEqual({ C2: 'R1', C3: 'R1' });
    // the answer lists a group's customers by AUM, highest first
    expect(r.unassigned).toEqual([
      { customerId: 'C4', reason: 'capacity_short' },
      { customerId: 'C1', reason: 'capacity_short' },
    ]);
    expect(r.proposals.map((p) => p.customerId)).toEqual(['C2', 'C3']);
    expect(r.objective.aumFen).toBe(String(1_400_000n * 100n));
    expect(r.objective.maxUtilisation).toBe(1);
  });

  it('covers as many as possible, and each place goes to the customer who can use it', async () => {
    // one place each for a wealth customer (W1) and a premium one (R1 or W1): the plan covers
    // two, never gives W1 to a premium customer however rich
    const cs = [cust('C1', 'O1', 9_000_000, { tier: 'wealth' }), cust('C2', 'O1', 100_000), cust('C3', 'O1', 100_000)];
    const rms = [rm('W1', 'O1', 1, 0, { role: 'wealth_rm' }), rm('R1', 'O1', 1)];
    const r = await solveChecked(cs, rms);
    expect(r.objective.covered).toBe(2);
    expect(to(r)).toMatchObject({ C1: 'W1' });
  });

  it('prefers the home outlet, then the sub-branch, then the branch, and never leaves the branch', async () => {
    const cs = [
      cust('C1', 'O1', 500_000),
      cust('C2', 'O1', 400_000),
      cust('C3', 'O1', 300_000),
      cust('C4', 'O1', 200_000),
    ];
    const rms = [rm('R_O3', 'O3', 5), rm('R_O2', 'O2', 1), rm('R_O1', 'O1', 1), rm('R_O4', 'O4', 100)];
    const r = await solveChecked(cs, rms);
    expect(to(r)).toEqual({ C1: 'R_O1', C2: 'R_O2', C3: 'R_O3', C4: 'R_O3' });
    const byId = Object.fromEntries(r.proposals.map((p) => [p.customerId, p]));
    expect(byId.C1!.locality).toBe('outlet');
    expect(byId.C1!.explanation).toContainEqual({ code: 'home_outlet_capacity', params: { free: 1 } });
    expect(byId.C2!.locality).toBe('sub_branch');
    expect(byId.C2!.explanation).toContainEqual({ code: 'nearer_full', params: { staffId: 'R_O1' } });
    expect(byId.C3!.locality).toBe('branch');
    expect(byId.C3!.explanation).toContainEqual({ code: 'nearer_full', params: { staffId: 'R_O2' } });
    expect(r.objective.locality).toEqual({ outlet: 1, sub_branch: 1, branch: 2 });
  });

  it('says why a customer has no RM', async () => {
    const cs = [
      cust('C1', 'O4', 100_000, { tier: 'private' }), // no private advisor in B2
      cust('C2', 'O1', 100_000), // the only RM of B1 is full
      cust('C3', 'O4', 100_000), // R4 takes C4, who has more
      cust('C4', 'O4', 200_000),
    ];
    const rms = [rm('R1', 'O1', 3, 3), rm('R4', 'O4', 1), rm('P1', 'O1', 10, 0, { role: 'private_advisor' })];
    const r = await solveChecked(cs, rms);
    expect(r.unassigned).toEqual([
      { customerId: 'C1', reason: 'no_allowed_rm_in_branch' },
      { customerId: 'C2', reason: 'no_capacity_in_branch' },
      { customerId: 'C3', reason: 'capacity_short' },
    ]);
  });

  it('never gives a tier to a role not allowed for it, and says so', async () => {
    const cs = [cust('C1', 'O1', 50_000_000, { tier: 'private' }), cust('C2', 'O1', 300_000, { tier: 'premium' })];
    const rms = [rm('R1', 'O1', 100), rm('P1', 'O2', 100, 0, { role: 'private_advisor' })];
    const r = await solveChecked(cs, rms);
    expect(to(r)).toEqual({ C1: 'P1', C2: 'R1' });
    const p = r.proposals.find((x) => x.customerId === 'C1')!;
    expect(p.explanation).toContainEqual({ code: 'nearer_role_not_allowed', params: { staffId: 'R1', role: 'rm' } });
  });

  it('never proposes an idle customer back to its idle RM', async () => {
    const cs = [cust('C1', 'O1', 300_000, { need: 'idle', currentStaffId: 'R1' }), cust('C2', 'O1', 200_000)];
    const rms = [rm('R1', 'O1', 100), rm('R2', 'O3', 100)];
    const r = await solveChecked(cs, rms);
    expect(to(r)).toEqual({ C1: 'R2', C2: 'R1' });
    const p = r.proposals.find((x) => x.customerId === 'C1')!;
    expect(p).toMatchObject({ fromStaffId: 'R1', reason: 'idle', locality: 'branch' });
    expect(p.explanation).toContainEqual({ code: 'idle_rm_excluded', params: { staffId: 'R1' } });
    // and alone with its idle RM, it is left without one
    const alone = await solveChecked([cs[0]!], [rms[0]!]);
    expect(alone.unassigned).toEqual([{ customerId: 'C1', reason: 'no_allowed_rm_in_branch' }]);
  });

  it('never fills an RM past the cap, and an RM over cap gets nobody', async () => {
    const cs = Array.from({ length: 30 }, (_, i) => cust(`C${String(i).padStart(2, '0')}`, 'O1', 100_000 + i));
    const rms = [rm('R1', 'O1', 10, 12), rm('R2', 'O1', 10, 5), rm('R3', 'O2', 10, 0)];
    const r = await solveChecked(cs, rms);
    const n = (s: string) => r.proposals.filter((p) => p.toStaffId === s).length;
    expect([n('R1'), n('R2'), n('R3')]).toEqual([0, 5, 10]);
    expect(r.objective.covered).toBe(15);
  });

  it('balances load among equally near RMs, then prefers the better score', async () => {
    const cs = Array.from({ length: 10 }, (_, i) => cust(`C${i}`, 'O1', 100_000 + i));
    const r = await solveChecked(cs, [rm('R1', 'O1', 20, 10, { score: 90 }), rm('R2', 'O1', 20, 0, { score: 10 })]);
    const n = (s: string) => r.proposals.filter((p) => p.toStaffId === s).length;
    expect([n('R1'), n('R2')]).toEqual([0, 10]);
    const two = await solveChecked(cs.slice(0, 1), [
      rm('R1', 'O1', 20, 0, { score: 40 }),
      rm('R2', 'O1', 20, 0, { score: 80 }),
    ]);
    expect(to(two)).toEqual({ C0: 'R2' });
    expect(two.objective.meanScore).toBe(80);
  });

  it('gives the same answer whatever the order of its input', async () => {
    const cs = Array.from({ length: 40 }, (_, i) =>
      cust(`C${String(i).padStart(2, '0')}`, ['O1', 'O2', 'O3'][i % 3]!, 100_000 * (1 + (i % 7)), {
        need: i % 5 === 0 ? 'idle' : 'unmanaged',
        currentStaffId: i % 5 === 0 ? `R${i % 4}` : null,
      }),
    );
    const rms = [rm('R0', 'O1', 8), rm('R1', 'O2', 8), rm('R2', 'O3', 8), rm('R3', 'O1', 8, 2)];
    const base = await solveChecked(cs, rms);
    const shuffle = <T>(a: T[], seed: number) => {
      const b = [...a];
      for (let i = b.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [b[i], b[j]] = [b[j]!, b[i]!];
      }
      return b;
    };
    for (const seed of [1, 2, 3])
      expect(await solveAssignment(shuffle(cs, seed), shuffle(rms, seed + 7), settings)).toEqual(base);
  });
});

// ── property: the aggregated solver against the one-node-per-customer LP ─────────────────────

const outlets = Object.keys(parent);
const arbInstance = fc
  .record({
    rms: fc.array(
      fc.record({
        outlet: fc.constantFrom(...outlets),
        role: fc.constantFrom<OwnerRole>('rm', 'rm', 'wealth_rm', 'private_advisor'),
        cap: fc.integer({ min: 1, max: 15 }),
        load: fc.integer({ min: 0, max: 16 }),
        score: fc.option(fc.integer({ min: 0, max: 100 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    customers: fc.array(
      fc.record({
        outlet: fc.constantFrom(...outlets),
        tier: fc.constantFrom<Tier>('premium', 'premium', 'affluent', 'wealth', 'private'),
        yuan: fc.integer({ min: 50_000, max: 20_000_000 }),
        idleOf: fc.option(fc.nat(5)),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ rms: rs, customers: cs }) => ({
    rms: rs.map((r, i) => rm(`R${i}`, r.outlet, r.cap, Math.min(r.load, r.cap + 1), { role: r.role, score: r.score })),
    customers: cs.map((c, i) =>
      cust(`C${String(i).padStart(2, '0')}`, c.outlet, c.yuan, {
        tier: c.tier,
        need: c.idleOf === null ? 'unmanaged' : 'idle',
        currentStaffId: c.idleOf === null ? null : `R${c.idleOf}`,
      }),
    ),
  }));

describe('solveAssignment against the exact LP', () => {
  it('stays within 0.1% of the AUM when big groups compete for short capacity (AUM buckets)', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cs = Array.from({ length: 400 }, (_, i) =>
      cust(`C${String(i).padStart(3, '0')}`, ['O1', 'O2'][i % 2]!, Math.round(50_000 * Math.exp(next() * 4)), {
        tier: i % 3 === 0 ? 'affluent' : 'premium',
      }),
    );
    const rms = [rm('R1', 'O3', 120), rm('R2', 'O3', 100, 30)];
    const got = await solveChecked(cs, rms);
    const exact = await solveExact(cs, rms, settings);
    expect(got.objective.covered).toBe(exact.objective.covered);
    expect(Number(got.objective.aumFen)).toBeGreaterThanOrEqual(Number(exact.objective.aumFen) * 0.999);
  });

  it('covers as many, within 0.1% of the AUM, and keeps every hard constraint', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, async ({ customers, rms }) => {
        const got = await solveAssignment(customers, rms, settings);
        const exact = await solveExact(customers, rms, settings);
        expect(planViolations(customers, rms, settings, got)).toEqual([]);
        expect(planViolations(customers, rms, settings, exact)).toEqual([]);
        expect(got.objective.covered).toBe(exact.objective.covered);
        const a = Number(got.objective.aumFen);
        const e = Number(exact.objective.aumFen);
        expect(a).toBeGreaterThanOrEqual(e * 0.999);
        // at equal AUM (groups this small are exact) the hub network is as near as the direct one
        const dist = (l: typeof got.objective.locality) => l.sub_branch + 2 * l.branch;
        if (a === e) expect(dist(got.objective.locality)).toBe(dist(exact.objective.locality));
      }),
      { numRuns: 60 },
    );
  });
});
