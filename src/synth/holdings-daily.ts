/**
 * Daily holdings snapshots for the file generator: how a customer's positions looked on each
 * day of the window before asOf. asOf's snapshot is exactly the seeded holdings.
 */
import type { Tier } from '../domain/enums.js';
import { formatYuan } from '../domain/money.js';
import type { BuiltCustomer } from './book.js';
import type { CustomerProfile } from './customer.js';
import { isoOf } from './days.js';
import { fileLine as line } from './file-rows.js';
import { accountBase, suitable, type Position } from './holdings.js';
import { PRODUCTS } from './products.js';
import { Rng, TAG } from './prng.js';

/**
 * Term positions that matured in the 60 days before asOf, for the daily files: they appear in
 * earlier snapshots and disappear on maturity, their money back in the demand deposit.
 */
export function maturedPositions(
  seed: number,
  c: CustomerProfile,
  tier: Tier,
  demandFen: bigint,
  asOf: number,
): Position[] {
  const r = new Rng(seed, TAG.pastHoldings, c.index);
  const n = Math.min(3, r.poisson(tier === 'mass' ? 0.15 : tier === 'premium' ? 0.5 : 0.8));
  const pool = PRODUCTS.filter(
    (p) =>
      p.termDays !== null &&
      p.termDays <= 365 &&
      suitable(p, c.risk) &&
      ['time_deposit', 'wealth', 'bond'].includes(p.category),
  );
  const out: Position[] = [];
  let left = (demandFen * 9n) / 10n;
  for (let i = 0; i < n; i++) {
    const p = r.pick(pool);
    const amountFen = (left * BigInt(20 + r.int(0, 40))) / 100n;
    if (amountFen <= 0n || (p.minPurchaseFen !== null && amountFen < p.minPurchaseFen)) continue;
    const maturityDay = asOf - r.int(0, 59);
    const startDay = maturityDay - p.termDays!;
    if (startDay < c.openDay) continue;
    left -= amountFen;
    out.push({ product: p, accountId: `${accountBase(c.index)}${200 + i}`, amountFen, startDay, maturityDay });
  }
  return out;
}

/** principal that does not move with the market: deposits, bonds, insurance premiums */
const FIXED = new Set(['time_deposit', 'bond', 'insurance']);

/**
 * The holdings snapshot `k` days before asOf: positions bought by then, term positions not yet
 * matured. Funds, gold, wealth products and trusts move with the day's AUM factor, deposits,
 * bonds and insurance keep their principal, and the main current account takes the remainder
 * so the snapshot sums to that day's AUM, exactly. On the rare day that would overdraw the current
 * account, everything moves with the factor instead.
 */
export function holdingsFileRows(b: BuiltCustomer, matured: Position[], day: number, k: number): string[] {
  const f = b.walk.f[k]!;
  const id = b.profile.customerId;
  const date = isoOf(day);
  const [main, ...rest] = b.positions;
  const live = [...rest, ...matured].filter(
    (p) => p.startDay <= day && (p.maturityDay === null || p.maturityDay > day),
  );
  const total = BigInt(Math.round(Number(b.walk.aumFen) * f));
  const balances = (fixedPrincipal: boolean) =>
    live.map((p) =>
      fixedPrincipal && FIXED.has(p.product.category) ? p.amountFen : BigInt(Math.round(Number(p.amountFen) * f)),
    );
  let bal = balances(true);
  let mainBal = total - bal.reduce((s, x) => s + x, 0n);
  if (mainBal < 0n) {
    bal = balances(false);
    mainBal = total - bal.reduce((s, x) => s + x, 0n);
    // Rounding can still leave the current account a few fen short: take them from the largest
    // balances, so every snapshot sums to the day's AUM exactly (the seed's history replays
    // those totals, and a batch over these files must see the same).
    for (let short = -mainBal; short > 0n;) {
      const i = bal.reduce((best, x, j) => (x > bal[best]! ? j : best), 0);
      const take = bal[i]! < short ? bal[i]! : short;
      bal[i] = bal[i]! - take;
      short -= take;
    }
    if (mainBal < 0n) mainBal = 0n;
  }
  const rows = [line([date, id, main!.accountId, main!.product.productId, formatYuan(mainBal), null])];
  live.forEach((p, i) =>
    rows.push(
      line([
        date,
        id,
        p.accountId,
        p.product.productId,
        formatYuan(bal[i]!),
        p.maturityDay === null ? null : isoOf(p.maturityDay),
      ]),
    ),
  );
  return rows;
}
