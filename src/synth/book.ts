/**
 * Builds customers one at a time, in index order, with everything the outputs need. The only
 * state carried from one customer to the next is the RMs' book sizes (for capacity caps),
 * which is why customers must be built in order.
 */
import { TIERS } from '../domain/enums.js';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { isEligibleTier } from '../domain/stewardship.js';
import { Assigner, closedRelationship, type Assignment, type ClosedRelationship } from './assign.js';
import { aumNow, dailyWalk, type AumNow, type Walk } from './aum-walk.js';
import {
  dayHistory,
  decideTier,
  historyWindow,
  type Decide,
  type DayHistory,
  type HistoryWindow,
} from './day-history.js';
import type { Bank } from './bank.js';
import { customerProfile, type CustomerProfile } from './customer.js';
import { positions, type Position } from './holdings.js';

export interface BuiltCustomer {
  profile: CustomerProfile;
  walk: Walk;
  now: AumNow;
  /** seed only: every day of the history window, as the batch would have processed it */
  history: DayHistory | null;
  positions: Position[];
  rel: Assignment | null;
  /** seed only */
  closed: ClosedRelationship | null;
}

export interface BuildOptions {
  /** days of daily walk wanted (files); the current month is always included */
  walkDays: number;
  /** build the day-by-day history, with its month closes and tier changes, and closed relationships (seed) */
  history: boolean;
  /** days at the end of the history kept as customer_aum_daily rows (default 1: asOf's) */
  keepDays?: number;
}

export class CustomerBuilder {
  private readonly assigner: Assigner;
  private nextIndex = 0;
  /** the seed's history window and the tier rule it replays */
  readonly window: HistoryWindow;
  private readonly decide: Decide = decideTier();

  constructor(
    private readonly bank: Bank,
    private readonly opts: BuildOptions,
  ) {
    this.assigner = new Assigner(bank);
    this.window = historyWindow(bank.asOf, bank.spec.months);
  }

  /** the next customer; callers must go through 0, 1, 2, … in order */
  build(index: number): BuiltCustomer {
    if (index !== this.nextIndex)
      throw new Error(`customers must be built in order: expected ${this.nextIndex}, got ${index}`);
    this.nextIndex++;
    const { bank, opts } = this;
    const profile = customerProfile(bank, index);
    const days = opts.history ? Math.max(opts.walkDays, this.window.dom.length) : opts.walkDays;
    const walk = dailyWalk(bank.seed, index, profile.targetFen, bank.asOf, days);
    const now = aumNow(walk, bank.asOf);
    const history = opts.history
      ? dayHistory(this.window, walk, profile.openDay, opts.keepDays ?? 1, this.decide)
      : null;
    if (history) assertEndsInNow(profile.customerId, history, now);
    const held = positions(bank.seed, profile, now.tier, walk.aumFen, bank.asOf);
    const rel = this.assigner.assign(profile, now.tier);
    const eligible = isEligibleTier(now.tier, DEFAULT_SETTINGS.stewardship);
    const closed = opts.history ? closedRelationship(bank, profile, rel, eligible) : null;
    return { profile, walk, now, history, positions: held, rel, closed };
  }

  /** open relationships per staff member so far */
  get load(): Int32Array {
    return this.assigner.load;
  }
}

/**
 * The replayed history must end where the seeded state is (the tier and band of this month's
 * average, dailyWalk makes sure of it): otherwise the seed would contradict its own history.
 */
function assertEndsInNow(id: string, h: DayHistory, now: AumNow): void {
  const last = h.code[h.code.length - 1]!;
  const tier = TIERS[last & 7];
  const band = (last >> 3) & 7;
  if (tier !== now.tier || band !== (now.band ? TIERS.indexOf(now.band) : 0))
    throw new Error(`synthetic history of ${id} ends in ${tier}/${band}, the seeded state is ${now.tier}/${now.band}`);
}
