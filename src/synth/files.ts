/**
 * Writes the synthetic bank as daily files in the data-format contract: org, staff, products,
 * customers and relationships once, and holdings / transactions / contacts / complaints for each
 * day of the window ending at asOf. Streams to disk in customer chunks; days are processed in
 * groups so the number of open files stays small whatever the window.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { activityBlocks, activityOf } from './activity-window.js';
import { buildBank } from './bank.js';
import { CustomerBuilder } from './book.js';
import { compactOf } from './days.js';
import {
  DAILY_KINDS,
  activityFileRows,
  customerFileRow,
  fixedFileRows,
  headerLine,
  relationshipFileRow,
  type DailyKind,
  type FileKind,
} from './file-rows.js';
import { holdingsFileRows, maturedPositions } from './holdings-daily.js';
import type { SynthOptions } from './types.js';

const DAYS_PER_PASS = 16;
const CUSTOMERS_PER_WRITE = 5_000;

class Out {
  private readonly stream: WriteStream;
  private buf: string[] = [];
  private len = 0;
  rows = 0;

  constructor(
    readonly path: string,
    kind: FileKind,
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buf.push(headerLine(kind));
  }

  add(row: string): void {
    this.buf.push(row);
    this.len += row.length;
    this.rows++;
  }

  /** hands the buffered text to the stream, waiting if the disk is behind */
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const text = this.buf.join('');
    this.buf = [];
    this.len = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function generateFiles(
  opts: SynthOptions & { days: number; outDir: string },
): Promise<{ files: string[]; rows: number }> {
  if (!Number.isInteger(opts.days) || opts.days < 1)
    throw new Error(`days must be a whole number from 1, got ${opts.days}`);
  const bank = buildBank(opts.scale, opts.seed, opts.asOf);
  const report = opts.onProgress ?? (() => undefined);
  mkdirSync(opts.outDir, { recursive: true });
  const files: string[] = [];
  let rows = 0;
  const finish = async (o: Out) => {
    await o.close();
    files.push(o.path);
    rows += o.rows;
  };

  const fixed = fixedFileRows(bank);
  for (const kind of ['org', 'staff', 'products'] as const) {
    const o = new Out(join(opts.outDir, `${kind}.csv`), kind);
    for (const r of fixed[kind]) o.add(r);
    await finish(o);
  }

  const total = bank.spec.customers;
  const days = Array.from({ length: opts.days }, (_, i) => bank.asOf - opts.days + 1 + i);
  const blocks = activityBlocks(opts.days);
  const passes = Math.ceil(days.length / DAYS_PER_PASS);
  for (let pass = 0; pass < passes; pass++) {
    const passDays = days.slice(pass * DAYS_PER_PASS, (pass + 1) * DAYS_PER_PASS);
    const first = passDays[0]!;
    const daily = passDays.map(
      (d) =>
        Object.fromEntries(
          DAILY_KINDS.map((k) => [k, new Out(join(opts.outDir, `${k}_${compactOf(d)}.csv`), k)]),
        ) as Record<DailyKind, Out>,
    );
    const once_ =
      pass === 0
        ? {
            customers: new Out(join(opts.outDir, 'customers.csv'), 'customers'),
            relationships: new Out(join(opts.outDir, 'relationships.csv'), 'relationships'),
          }
        : null;
    const add = (kind: DailyKind, day: number, row: string) => {
      const i = day - first;
      if (i >= 0 && i < passDays.length) daily[i]![kind].add(row);
    };
    // rebuilt per pass: assignment depends on book sizes, which are replayed in the same order
    const builder = new CustomerBuilder(bank, { walkDays: opts.days, history: false });
    for (let from = 0; from < total; from += CUSTOMERS_PER_WRITE) {
      const to = Math.min(total, from + CUSTOMERS_PER_WRITE);
      for (let i = from; i < to; i++) {
        const b = builder.build(i);
        if (once_) {
          once_.customers.add(customerFileRow(bank, b));
          const rel = relationshipFileRow(bank, b);
          if (rel) once_.relationships.add(rel);
        }
        const matured = maturedPositions(bank.seed, b.profile, b.now.tier, b.positions[0]!.amountFen, bank.asOf);
        passDays.forEach((day, j) => {
          if (day < b.profile.openDay) return;
          for (const r of holdingsFileRows(b, matured, day, bank.asOf - day)) daily[j]!.holdings.add(r);
        });
        activityFileRows(bank, b, activityOf(bank, b, blocks), add);
      }
      const outs = [...daily.flatMap((d) => Object.values(d)), ...(once_ ? Object.values(once_) : [])];
      for (const o of outs) await o.flush();
      report({ phase: `files ${pass + 1}/${passes}`, done: to, total });
    }
    if (once_) for (const o of Object.values(once_)) await finish(o);
    for (const d of daily) for (const k of DAILY_KINDS) await finish(d[k]);
  }
  return { files, rows };
}
