/**
 * A customer's history as the nightly batch would have written it, had it run every day of the
 * seed's window (from the 1st of the month `spec.months` months before asOf's, to asOf) on the
 * file generator's holdings: each day's AUM (the walk's total; 0 before the account was opened,
 * when the files have no holdings), 积数 restarting on the 1st, the month-to-date average rounded
 * down to the fen, the day's tier decision and band, a tier_history row for every change
 * (DOMAIN.md §2) and a customer_aum_monthly row for every month end.
 *
 * The decision is domain/tiering.ts evaluateTier's, in Number arithmetic (`decideTier`): a bank of
 * 50,000 customers has 20 million customer-days, and evaluateTier's bigint arguments cost about
 * a microsecond each, which would add tens of seconds to `npm start`. Amounts are whole fen far
 * below 2^53 (checked), so the arithmetic is exact; day-history.test.ts holds the two to
 * agreement day by day, and test/integration/seed-history.test.ts holds the replay to the real
 * batch steps over the last days.
 */
import { DEFAULT_SETTINGS, TIERS, type Settings, type Tier } from '../domain/settings.js';
import { monthStart, ymd } from './days.js';

export const CHANGE = { none: 0, initial: 1, upgrade: 2, downgrade: 3 } as const;
const REASONS = [null, 'initial', 'upgrade', 'downgrade'] as const;

/**
 * One day's decision packed in a byte: tier rank | band << 3 (0: no band, else the band tier's
 * rank) | change << 6. `previous` is the rank of the tier in force the day before, or -1 while
 * the customer has no tier_history row; `closed` holds the averages of the months closed so far,
 * oldest first, the current month not included.
 */
export type Decide = (previous: number, avgFen: number, monthEnd: boolean, closed: readonly number[]) => number;

export const unpack = (code: number) => ({ tier: code & 7, band: (code >> 3) & 7, change: code >> 6 });

/** evaluateTier for the month_avg basis, amounts as Numbers holding whole fen. */
export function decideTier(t: Settings['tiers'] = DEFAULT_SETTINGS.tiers): Decide {
  if (t.basis !== 'month_avg') throw new Error('the synthetic history replays the month_avg basis only');
  const floors = TIERS.map((x) => Number(t.floorsFen[x]));
  const top = floors.length - 1;
  const pct = t.bandLowPct;
  const needed = t.downgradeMonths - 1;
  return (previous, avg, monthEnd, closed) => {
    let q = 0;
    for (let r = top; r > 0; r--)
      if (avg >= floors[r]!) {
        q = r;
        break;
      }
    let tier = previous;
    let change: number = CHANGE.none;
    if (previous < 0) {
      tier = q;
      if (q > 0) change = CHANGE.initial;
    } else if (q > previous) {
      tier = q;
      change = CHANGE.upgrade;
    } else if (q < previous && monthEnd && closed.length >= needed) {
      let below = true;
      for (let j = closed.length - needed; below && j < closed.length; j++) below = closed[j]! < floors[previous]!;
      if (below) {
        tier = q;
        change = CHANGE.downgrade;
      }
    }
    const next = floors[tier + 1];
    const band = next !== undefined && avg < next && avg * 100 >= next * pct ? tier + 1 : 0;
    return tier | (band << 3) | (change << 6);
  };
}

/** The seed's window: every day from `first` to asOf, with what the loop needs per day. */
export interface HistoryWindow {
  first: number;
  asOf: number;
  /** day of the month, per day */
  dom: Uint8Array;
  /** 1 on a month's last day */
  monthEnd: Uint8Array;
}

export function historyWindow(asOf: number, months: number): HistoryWindow {
  const first = monthStart(asOf, -months);
  const n = asOf - first + 1;
  const dom = new Uint8Array(n);
  const monthEnd = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    dom[i] = ymd(first + i)[2];
    if (i > 0 && dom[i] === 1) monthEnd[i - 1] = 1;
  }
  if (ymd(asOf + 1)[2] === 1) monthEnd[n - 1] = 1;
  return { first, asOf, dom, monthEnd };
}

export interface MonthRow {
  /** day number of the month's 1st */
  month: number;
  avgFen: bigint;
  endFen: bigint;
}
export interface TierRow {
  day: number;
  from: Tier | null;
  to: Tier;
  reason: 'initial' | 'upgrade' | 'downgrade';
}
/** a customer_aum_daily row */
export interface DayRow {
  day: number;
  aumFen: bigint;
  accumFen: bigint;
  days: number;
  avgFen: bigint;
  tier: Tier;
  band: Tier | null;
  /** the day before's tier and band (none on the window's first day: the batch had no day before) */
  prevTier: Tier | null;
  prevBand: Tier | null;
}

export interface DayHistory {
  first: number;
  /** per day from `first`: AUM in whole fen */
  aum: Float64Array;
  /** per day: the packed decision (see Decide) */
  code: Uint8Array;
  months: MonthRow[];
  tiers: TierRow[];
  /** the day of the latest tier change; without one, the first day the customer existed */
  tierSince: number;
  /** the last `keepDays` days as customer_aum_daily rows */
  dayRows: DayRow[];
}

const bandOf = (rank: number): Tier | null => (rank === 0 ? null : TIERS[rank]!);

export function dayHistory(
  w: HistoryWindow,
  walk: { aumFen: bigint; f: Float64Array },
  openDay: number,
  keepDays: number,
  decide: Decide,
): DayHistory {
  const { dom: doms, monthEnd, first } = w;
  const f = walk.f;
  const n = doms.length;
  if (f.length < n) throw new Error(`the walk covers ${f.length} days, the window ${n}`);
  const a = Number(walk.aumFen);
  const aum = new Float64Array(n);
  const code = new Uint8Array(n);
  const months: MonthRow[] = [];
  const tiers: TierRow[] = [];
  const dayRows: DayRow[] = [];
  const closed: number[] = [];
  let accum = 0;
  let previous = -1;
  // f[k] is k days before asOf: the window's last day is f[0]
  for (let i = 0; i < n; i++) {
    const day = first + i;
    const v = day < openDay ? 0 : Math.round(a * f[n - 1 - i]!);
    const dom = doms[i]!;
    accum = dom === 1 ? v : accum + v;
    const avg = Math.floor(accum / dom);
    const end = monthEnd[i] === 1;
    const c = decide(previous, avg, end, closed);
    aum[i] = v;
    code[i] = c;
    const tier = c & 7;
    const change = c >> 6;
    if (change !== CHANGE.none) {
      tiers.push({ day, from: previous < 0 ? null : TIERS[previous]!, to: TIERS[tier]!, reason: REASONS[change]! });
      previous = tier;
    }
    if (end || i === n - 1) {
      // 积数 only grows within a month: checking its last day covers every day of it
      if (!Number.isSafeInteger(accum)) throw new Error(`积数 ${accum} of day ${day} is past 2^53`);
    }
    if (end) {
      closed.push(avg);
      months.push({ month: day - dom + 1, avgFen: BigInt(avg), endFen: BigInt(v) });
    }
    if (i >= n - keepDays) {
      const before = i > 0 ? code[i - 1]! : -1;
      dayRows.push({
        day,
        aumFen: BigInt(v),
        accumFen: BigInt(accum),
        days: dom,
        avgFen: BigInt(avg),
        tier: TIERS[tier]!,
        band: bandOf((c >> 3) & 7),
        prevTier: before < 0 ? null : TIERS[before & 7]!,
        prevBand: before < 0 ? null : bandOf((before >> 3) & 7),
      });
    }
  }
  const last = tiers[tiers.length - 1];
  return { first, aum, code, months, tiers, tierSince: last ? last.day : Math.max(openDay, first), dayRows };
}
