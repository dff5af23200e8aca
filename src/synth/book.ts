/**
 * Builds customers one at a time, in index order, with everything the outputs need. The only
 * state carried from one customer to the next is the RMs' book sizes (for capacity caps),
 * which is why customers must be built in order.
 */
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { isEligibleTier } from '../domain/stewardship.js';
import { Assigner, closedRelationship, type Assignment, type ClosedRelationship } from './assign.js';
import { aumHistory, type AumHistory } from './aum-history.js';
import { aumNow, dailyWalk, type AumNow, type Walk } from './aum-walk.js';
import type { Bank } from './bank.js';
import { customerProfile, type CustomerProfile } from './customer.js';
import { positions, type Position } from './holdings.js';

export interface BuiltCustomer {
  profile: CustomerProfile;
  walk: Walk;
  now: AumNow;
  /** seed only */
  history: AumHistory | null;
  positions: Position[];
  rel: Assignment | null;
  /** seed only */
  closed: ClosedRelationship | null;
}

export interface BuildOptions {
  /** days of daily walk wanted (files); the current month is always included */
  walkDays: number;
  /** build the monthly history, tier history and closed relationships (seed) */
  history: boolean;
}

export class CustomerBuilder {
  private readonly assigner: Assigner;
  private nextIndex = 0;

  constructor(
    private readonly bank: Bank,
    private readonly opts: BuildOptions,
  ) {
    this.assigner = new Assigner(bank);
  }

  /** the next customer; callers must go through 0, 1, 2, … in order */
  build(index: number): BuiltCustomer {
    if (index !== this.nextIndex)
      throw new Error(`customers must be built in order: expected ${this.nextIndex}, got ${index}`);
    this.nextIndex++;
    const { bank, opts } = this;
    const profile = customerProfile(bank, index);
    const walk = dailyWalk(bank.seed, index, profile.targetFen, bank.asOf, opts.walkDays);
    const history = opts.history
      ? aumHistory(bank.seed, index, walk, bank.asOf, profile.openDay, bank.spec.months)
      : null;
    const now = history ?? aumNow(walk, bank.asOf);
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
