/**
 * Transactions and complaints, in the same 30-day blocks as contacts. Wealthier customers
 * transact more; about 6% of premium customers are drifting away (few, mostly outgoing
 * transactions in the last 90 days), which is what the churn-warning rule looks for.
 */
import type { ComplaintSeverity, Tier, TxnChannel, TxnDirection } from '../domain/enums.js';
import type { Assignment } from './assign.js';
import type { Bank } from './bank.js';
import { BLOCK_DAYS, blockStart } from './contacts.js';
import type { CustomerProfile } from './customer.js';
import type { Position } from './holdings.js';
import { Rng, TAG } from './prng.js';
import { COMPLAINTS, COMPLAINT_WEIGHTS } from './texts.js';

export type { TxnChannel } from '../domain/enums.js';

export interface Txn {
  txnId: string;
  day: number;
  second: number;
  direction: TxnDirection;
  amountFen: bigint;
  channel: TxnChannel;
  productId: string | null;
}

const RATE: Record<Tier, number> = { mass: 0.45, premium: 1.3, affluent: 2, wealth: 3, private: 4 };
const CHANNELS: readonly TxnChannel[] = ['mobile', 'online', 'counter', 'atm', 'other'];
const CHANNEL_WEIGHTS = [55, 12, 13, 15, 5];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function transactionsFor(
  bank: Bank,
  c: CustomerProfile,
  tier: Tier,
  aumFen: bigint,
  held: Position[],
  blocks: number,
): Txn[] {
  const out: Txn[] = [];
  const churning = new Rng(bank.seed, TAG.transactions, c.index, 1000).chance(tier === 'mass' ? 0.03 : 0.06);
  const products = held.filter((p) => p.product.category !== 'demand_deposit').map((p) => p.product.productId);
  const aum = Number(aumFen);
  for (let b = 0; b < blocks; b++) {
    const r = new Rng(bank.seed, TAG.transactions, c.index, b);
    const recentDrop = churning && b < 3;
    const n = Math.min(99, r.poisson(RATE[tier] * (recentDrop ? 0.35 : 1)));
    const start = blockStart(bank.asOf, b);
    for (let seq = 0; seq < n; seq++) {
      const day = start + r.int(0, BLOCK_DAYS - 1);
      const channel = CHANNELS[r.weighted(CHANNEL_WEIGHTS)]!;
      const direction = r.chance(recentDrop ? 0.7 : 0.5) ? 'out' : 'in';
      // mostly a few percent of the customer's assets; now and then a large outflow
      const large = direction === 'out' && r.chance(0.01);
      let yuan = large ? (aum / 100) * (0.3 + 0.3 * r.next()) : r.lognormal(Math.max(200, (aum / 100) * 0.04), 1);
      yuan = Math.min(yuan, Math.max(1000, (aum / 100) * 0.6));
      const cash = channel === 'atm' || channel === 'counter';
      const fen = cash ? Math.max(1, Math.round(yuan / 100)) * 10_000 : Math.max(100, Math.round(yuan * 100));
      const productId = !cash && products.length > 0 && r.chance(0.25) ? r.pick(products) : null;
      const second = r.int(7 * 3600, 23 * 3600 - 1);
      if (day < c.openDay) continue;
      out.push({
        txnId: `T${pad(c.index + 1, 8)}${pad(b, 2)}${pad(seq, 2)}`,
        day,
        second,
        direction,
        amountFen: BigInt(fen),
        channel,
        productId,
      });
    }
  }
  return out;
}

export interface Complaint {
  complaintId: string;
  day: number;
  second: number;
  severity: ComplaintSeverity;
  category: string;
  summary: string;
  owner: number;
}

const COMPLAINT_RATE: Record<Tier, number> = {
  mass: 0.0012,
  premium: 0.002,
  affluent: 0.0024,
  wealth: 0.003,
  private: 0.0036,
};

export function complaintsFor(
  bank: Bank,
  c: CustomerProfile,
  tier: Tier,
  rel: Assignment | null,
  blocks: number,
): Complaint[] {
  const out: Complaint[] = [];
  const outlet = bank.staff.byOutlet[c.outlet]!;
  for (let b = 0; b < blocks; b++) {
    const r = new Rng(bank.seed, TAG.complaints, c.index, b);
    if (!r.chance(COMPLAINT_RATE[tier])) continue;
    const day = blockStart(bank.asOf, b) + r.int(0, BLOCK_DAYS - 1);
    const kind = COMPLAINTS[r.weighted(COMPLAINT_WEIGHTS)]!;
    const severity = r.pick(kind.severity);
    // fund-safety cases go to head office risk; otherwise the first person the customer met owns it
    const u = r.next();
    const owner =
      kind.category === 'fund_safety'
        ? r.pick(bank.staff.headOffice)
        : u < 0.6 && outlet.lobby.length
          ? r.pick(outlet.lobby)
          : u < 0.85 || !rel
            ? outlet.head
            : rel.staff;
    if (day < c.openDay) continue;
    out.push({
      complaintId: `CP${pad(c.index + 1, 8)}${pad(b, 2)}`,
      day,
      second: r.int(8 * 3600 + 1800, 21 * 3600),
      severity,
      category: kind.category,
      summary: r.pick(kind.summaries),
      owner,
    });
  }
  return out;
}
