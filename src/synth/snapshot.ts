/**
 * A whole bank in memory, for tests and quick checks on small scales (XS: 2,000 customers).
 * The database seed and the file generator stream instead; this is the same generator.
 */
import type { Activity } from './activity-window.js';
import { activityBlocks, activityOf } from './activity-window.js';
import { buildBank, type Bank } from './bank.js';
import { CustomerBuilder, type BuiltCustomer } from './book.js';
import type { Scale } from './scales.js';

export interface Snapshot {
  bank: Bank;
  customers: (BuiltCustomer & { activity: Activity })[];
}

export function snapshot(scale: Scale, seed: number, asOf: string, limit = Infinity): Snapshot {
  const bank = buildBank(scale, seed, asOf);
  const builder = new CustomerBuilder(bank, { walkDays: 0, history: true });
  const blocks = activityBlocks(bank.spec.activityDays);
  const customers: Snapshot['customers'] = [];
  const n = Math.min(limit, bank.spec.customers);
  for (let i = 0; i < n; i++) {
    const b = builder.build(i);
    customers.push({ ...b, activity: activityOf(bank, b, blocks) });
  }
  return { bank, customers };
}
