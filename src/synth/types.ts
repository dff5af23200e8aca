import type { Scale } from './scales.js';

export interface SynthOptions {
  scale: Scale;
  seed: number;
  /** YYYY-MM-DD business date, the latest loaded day */
  asOf: string;
  /**
   * customer_aum_daily partitions written, ending at asOf (default 1). The history before them is
   * kept as the batch keeps it: tier_history, customer_aum_monthly and org_tier_daily.
   */
  keepDays?: number;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

/** rows loaded per table, and the wall-clock time */
export interface SeedSummary {
  orgUnits: number;
  staff: number;
  users: number;
  customers: number;
  holdings: number;
  transactions: number;
  contacts: number;
  relationships: number;
  complaints: number;
  aumDaily: number;
  aumMonthly: number;
  tierHistory: number;
  orgTierDaily: number;
  /** customers given a stewardship state on asOf (the nightly step run once by the seed) */
  customerStewardship: number;
  products: number;
  seconds: number;
}
