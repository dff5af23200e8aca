/**
 * The fixed part of a synthetic bank (org, staff, products) and the lookups the per-customer
 * generators share. Cheap to build (a few thousand rows even at M), so both the seeder and the
 * file generator simply rebuild it from (scale, seed).
 */
import { dayOf } from './days.js';
import { buildOrg, type Org } from './org.js';
import { SCALES, type Scale, type ScaleSpec } from './scales.js';
import { buildStaff, type StaffBook } from './staff.js';

export interface Bank {
  scale: Scale;
  spec: ScaleSpec;
  seed: number;
  /** business date as a day number */
  asOf: number;
  org: Org;
  staff: StaffBook;
  /** cumulative outlet weights, for drawing a customer's home outlet */
  outletCumulative: Float64Array;
  /** outlet index → index of its sub-branch's centre outlet */
  centreOf: Int32Array;
}

export function buildBank(scale: Scale, seed: number, asOf: string): Bank {
  const spec = SCALES[scale];
  if (!spec) throw new Error(`unknown scale "${scale}" (expected XS, S or M)`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  const org = buildOrg(spec, seed);
  const staff = buildStaff(org, spec, seed);
  const outletCumulative = new Float64Array(org.outlets.length);
  let total = 0;
  org.outlets.forEach((o, i) => (outletCumulative[i] = total += o.weight));
  const centreOf = new Int32Array(org.outlets.length);
  const centres = new Map<string, number>();
  for (const o of org.outlets) if (o.centre) centres.set(o.subBranchId, o.index);
  org.outlets.forEach((o, i) => (centreOf[i] = centres.get(o.subBranchId)!));
  return { scale, spec, seed, asOf: dayOf(asOf), org, staff, outletCumulative, centreOf };
}

/** outlet index for a uniform draw u in [0, 1) */
export function outletFor(bank: Bank, u: number): number {
  const cum = bank.outletCumulative;
  const x = u * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
