import type { Scale } from './scales.js';

export interface SynthOptions {
  scale: Scale;
  seed: number;
  /** YYYY-MM-DD business date, the latest loaded day */
  asOf: string;
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
  aumMonthly: number;
  tierHistory: number;
  products: number;
  seconds: number;
}
