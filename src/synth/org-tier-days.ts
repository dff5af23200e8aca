/**
 * org_tier_daily for every day of the seed's window, summed from the customers' day histories as
 * they are generated: per day, home outlet and the day's tier, the customers, their AUM, how many
 * are near the next tier and how many moved into the tier that day (what the batch's org-tier
 * step, features/tiering/summarise-org-tiers.ts, writes from a day's rows). About 100 rows a day
 * for a 20-outlet bank, so a year of trend costs less than one day of customer rows.
 */
import { TIERS } from '../domain/settings.js';
import { CsvChunk } from './csv.js';
import { CHANGE, type DayHistory, type HistoryWindow } from './day-history.js';
import { isoOf } from './days.js';

const T = TIERS.length;

export class OrgTierDays {
  private readonly days: number;
  private readonly customers: Int32Array;
  private readonly near: Int32Array;
  private readonly up: Int32Array;
  private readonly down: Int32Array;
  /** whole fen; exact while below 2^53 (checked on output) */
  private readonly aum: Float64Array;

  constructor(
    private readonly w: HistoryWindow,
    private readonly outlets: number,
  ) {
    this.days = w.dom.length;
    const cells = this.days * outlets * T;
    this.customers = new Int32Array(cells);
    this.near = new Int32Array(cells);
    this.up = new Int32Array(cells);
    this.down = new Int32Array(cells);
    this.aum = new Float64Array(cells);
  }

  add(outlet: number, h: DayHistory): void {
    if (h.first !== this.w.first || h.code.length !== this.days) throw new Error('day history of another window');
    for (let i = 0; i < this.days; i++) {
      const c = h.code[i]!;
      const cell = (i * this.outlets + outlet) * T + (c & 7);
      this.customers[cell]!++;
      this.aum[cell]! += h.aum[i]!;
      if (c & 0x38) this.near[cell]!++;
      const change = c >> 6;
      if (change === CHANGE.upgrade) this.up[cell]!++;
      else if (change === CHANGE.downgrade) this.down[cell]!++;
    }
  }

  /** COPY rows in the column order of TARGETS.org_tier_daily; only groups that have customers */
  rows(orgIds: readonly string[]): CsvChunk {
    const out = new CsvChunk();
    for (let i = 0; i < this.days; i++) {
      const date = isoOf(this.w.first + i);
      for (let o = 0; o < this.outlets; o++)
        for (let t = 0; t < T; t++) {
          const cell = (i * this.outlets + o) * T + t;
          const n = this.customers[cell]!;
          if (n === 0) continue;
          const aum = this.aum[cell]!;
          if (!Number.isSafeInteger(aum)) throw new Error(`AUM sum ${aum} of ${date} is past 2^53`);
          out.add(
            `${date},${orgIds[o]},${TIERS[t]},${n},${BigInt(aum)},${this.near[cell]},${this.up[cell]},${this.down[cell]}\n`,
          );
        }
    }
    return out;
  }
}
