/**
 * A customer's positions on asOf, summing exactly to the customer's AUM. Wealthier customers
 * hold more and riskier things; nobody holds a product rated above their risk level (never
 * assessed: deposits and savings bonds only); minimum purchases are respected. The demand
 * deposit takes the remainder, so the sum is exact in fen.
 */
import type { Tier } from '../domain/enums.js';
import { PRODUCTS, type Category, type Product } from './products.js';
import { Rng, TAG } from './prng.js';
import type { CustomerProfile } from './customer.js';

export interface Position {
  product: Product;
  accountId: string;
  amountFen: bigint;
  startDay: number;
  maturityDay: number | null;
}

const CATEGORIES: readonly Category[] = ['time_deposit', 'wealth', 'fund', 'insurance', 'gold', 'bond', 'trust'];
const CATEGORY_WEIGHTS: Record<Tier, readonly number[]> = {
  mass: [45, 32, 14, 2, 4, 3, 0],
  premium: [35, 30, 15, 8, 5, 7, 0],
  affluent: [28, 30, 18, 10, 5, 7, 2],
  wealth: [20, 28, 18, 12, 6, 6, 10],
  private: [15, 25, 15, 12, 5, 5, 23],
};
/** [weights for 0,1,2,… non-deposit positions] */
const COUNT_WEIGHTS: Record<Tier, readonly number[]> = {
  mass: [10, 30, 35, 25],
  premium: [0, 15, 33, 32, 20],
  affluent: [0, 0, 30, 35, 25, 10],
  wealth: [0, 0, 0, 30, 30, 25, 15],
  private: [0, 0, 0, 0, 30, 30, 25, 15],
};
const DEMAND_SHARE: Record<Tier, readonly [number, number]> = {
  mass: [0.35, 0.65],
  premium: [0.12, 0.4],
  affluent: [0.08, 0.3],
  wealth: [0.05, 0.2],
  private: [0.03, 0.12],
};

const byCategory = new Map<Category, Product[]>(CATEGORIES.map((c) => [c, PRODUCTS.filter((p) => p.category === c)]));
const DD_MAIN = PRODUCTS.find((p) => p.productId === 'DD01')!;
const DD_PAYROLL = PRODUCTS.find((p) => p.productId === 'DD02')!;

export const accountBase = (index: number) => `6217${String(index + 1).padStart(9, '0')}`;

/** may this customer hold p? (suitability: never above the assessed risk level) */
export const suitable = (p: Product, risk: number) =>
  risk === 0 ? (p.category === 'time_deposit' || p.category === 'bond') && p.risk === 1 : p.risk <= risk;

// whole hundreds of yuan for deposits, bonds and insurance premiums; whole yuan for wealth and
// trusts; funds and gold are market values to the fen
const GRAIN: Record<Category, bigint> = {
  demand_deposit: 1n,
  time_deposit: 10_000n,
  bond: 10_000n,
  insurance: 10_000n,
  wealth: 100n,
  trust: 100n,
  fund: 1n,
  gold: 1n,
};

export function positions(seed: number, c: CustomerProfile, tier: Tier, aumFen: bigint, asOf: number): Position[] {
  const r = new Rng(seed, TAG.holdings, c.index);
  const base = accountBase(c.index);
  const [lo, span] = DEMAND_SHARE[tier];
  const invest = Number(aumFen) * (1 - lo - span * r.next());
  const k = r.weighted(COUNT_WEIGHTS[tier]);
  const weights = Array.from({ length: k }, () => -Math.log(1 - r.next()));
  const wsum = weights.reduce((s, w) => s + w, 0);
  const out: Position[] = [];
  const seen = new Set<string>();
  let invested = 0n;
  let seq = 100;
  for (const w of weights) {
    const cat = CATEGORIES[r.weighted(CATEGORY_WEIGHTS[tier])]!;
    const want = (invest * w) / wsum;
    const choices = byCategory
      .get(cat)!
      .filter((p) => suitable(p, c.risk) && (p.minPurchaseFen === null || Number(p.minPurchaseFen) <= want));
    if (!choices.length) continue;
    const p = choices[r.weighted(choices.map((x) => (x.isKey ? 2 : 1)))]!;
    const deposit = p.category === 'time_deposit';
    if (!deposit && seen.has(p.productId)) continue;
    seen.add(p.productId);
    const grain = GRAIN[p.category];
    const amountFen = (BigInt(Math.floor(want)) / grain) * grain;
    if (amountFen <= 0n) continue;
    const { startDay, maturityDay } = dates(r, p, c.openDay, asOf);
    out.push({ product: p, accountId: deposit ? `${base}${++seq}` : `${base}900`, amountFen, startDay, maturityDay });
    invested += amountFen;
  }
  const demand = aumFen - invested;
  // a second current account (payroll card) holds part of the cash for about a third of people
  if (demand >= 200_000n && r.chance(0.33)) {
    const second = (demand * BigInt(10 + r.int(0, 30))) / 100n;
    out.unshift({
      product: DD_PAYROLL,
      accountId: `${base}002`,
      amountFen: second,
      startDay: c.openDay,
      maturityDay: null,
    });
    out.unshift({
      product: DD_MAIN,
      accountId: `${base}001`,
      amountFen: demand - second,
      startDay: c.openDay,
      maturityDay: null,
    });
  } else {
    out.unshift({
      product: DD_MAIN,
      accountId: `${base}001`,
      amountFen: demand,
      startDay: c.openDay,
      maturityDay: null,
    });
  }
  return out;
}

function dates(r: Rng, p: Product, openDay: number, asOf: number) {
  if (p.termDays === null) return { startDay: Math.max(openDay, asOf - r.int(0, 1500)), maturityDay: null };
  // bought some time within the last term, so maturities spread evenly over the coming term
  const startDay = Math.max(openDay, asOf - r.int(0, p.termDays - 1));
  return { startDay, maturityDay: startDay + p.termDays };
}
