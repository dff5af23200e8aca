/**
 * Primary-RM relationships. Customers are assigned in index order against running book sizes,
 * so capacity caps hold and the result is the same however the customers are chunked (both
 * the seeder and the file generator walk the customers in order). An RM always sits in the
 * customer's home outlet and holds a role allowed for the customer's tier.
 *
 * One exception, so the demo has over-cap RMs to list (DOMAIN.md §3): the first plain RM of each
 * sub-branch's centre outlet has taken over a departed colleague's book and holds every customer
 * the outlet gives a plain RM, past their cap (at S about 460–500 against 400). The draws are the
 * same as without it, so a bank whose outlets have one RM each (XS) is unchanged.
 */
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import type { Tier } from '../domain/enums.js';
import { isEligibleTier } from '../domain/stewardship.js';
import type { Bank } from './bank.js';
import type { CustomerProfile } from './customer.js';
import { Rng, TAG } from './prng.js';
import type { OutletStaff } from './staff.js';

const S = DEFAULT_SETTINGS.stewardship;
type OwnerRole = 'rm' | 'wealth_rm' | 'private_advisor';

/** preferred role first: plain RMs keep the premium books, wealth RMs the millionaires */
const PREFERENCE: Record<Tier, readonly { role: OwnerRole; weight: number }[]> = {
  mass: [{ role: 'rm', weight: 1 }],
  premium: [
    { role: 'rm', weight: 0.85 },
    { role: 'wealth_rm', weight: 0.15 },
  ],
  affluent: [
    { role: 'rm', weight: 0.7 },
    { role: 'wealth_rm', weight: 0.3 },
  ],
  wealth: [
    { role: 'wealth_rm', weight: 0.85 },
    { role: 'private_advisor', weight: 0.15 },
  ],
  private: [{ role: 'private_advisor', weight: 1 }],
};
const UNMANAGED_RATE = 0.07;
const MASS_HELD_RATE = 0.02;
const THREE_YEARS = 1095;

export interface Assignment {
  staff: number;
  startDay: number;
}

export class Assigner {
  /** open relationships per staff member */
  readonly load: Int32Array;

  constructor(private readonly bank: Bank) {
    this.load = new Int32Array(bank.staff.members.length);
  }

  assign(c: CustomerProfile, tier: Tier): Assignment | null {
    const r = new Rng(this.bank.seed, TAG.assign, c.index);
    const eligible = isEligibleTier(tier, S);
    const gate = r.next();
    // a few mass customers are still held by RMs (the low-asset release list), most are not
    if (eligible ? gate < UNMANAGED_RATE : gate >= MASS_HELD_RATE || c.targetFen < 1_000_000) return null;
    const outlet = this.bank.staff.byOutlet[c.outlet]!;
    const prefs = PREFERENCE[tier].filter((p) => (eligible ? S.rolesPerTier[tier].includes(p.role) : true));
    const first = prefs[r.weighted(prefs.map((p) => p.weight))];
    const order = first ? [first, ...prefs.filter((p) => p !== first)] : prefs;
    const inherited = this.bank.org.outlets[c.outlet]!.centre ? outlet.rm[0] : undefined;
    for (const { role } of order) {
      let staff = this.pick(r, outlet, role);
      if (role === 'rm' && inherited !== undefined) staff = inherited;
      if (staff < 0) continue;
      this.load[staff]!++;
      const startDay = Math.max(c.openDay, this.bank.asOf - r.int(0, THREE_YEARS));
      return { staff, startDay };
    }
    return null;
  }

  /** an RM of `role` in the outlet with room in their book, larger books more likely */
  private pick(r: Rng, outlet: OutletStaff, role: OwnerRole): number {
    const cap = S.capacity[role];
    const members = this.bank.staff.members;
    const open = outlet[role].filter((s) => this.load[s]! < cap);
    if (!open.length) return -1;
    return open[r.weighted(open.map((s) => members[s]!.bookFactor))]!;
  }
}

export interface ClosedRelationship {
  staff: number;
  startDay: number;
  endDay: number;
  reason: string;
}

/**
 * An earlier, ended relationship for some customers: their RM left, or the book was rebalanced.
 * Seed only; the relationships file carries open relationships.
 */
export function closedRelationship(
  bank: Bank,
  c: CustomerProfile,
  current: Assignment | null,
  eligible: boolean,
): ClosedRelationship | null {
  const r = new Rng(bank.seed, TAG.history, c.index);
  if (!r.chance(current ? 0.2 : eligible ? 0.3 : 0.01)) return null;
  const outlet = bank.staff.byOutlet[c.outlet]!;
  const leaver = outlet.left.length > 0 && r.chance(0.5);
  const pool = leaver ? outlet.left : [...outlet.rm, ...outlet.wealth_rm].filter((s) => s !== current?.staff);
  if (!pool.length) return null;
  const endDay = current ? current.startDay : bank.asOf - r.int(20, 400);
  const startDay = endDay - r.int(30, 900);
  if (startDay < c.openDay) return null;
  const reason = leaver ? 'staff_left' : r.pick(['reassigned', 'book_rebalanced', 'customer_request']);
  return { staff: r.pick(pool), startDay, endDay, reason };
}
