/**
 * The exact reference of the reassignment solver: the same LP as ./solve.ts with one node per
 * customer (no aggregation, so no AUM buckets). Its optimum is the exact lexicographic optimum;
 * tests and the quality benchmark compare solveAssignment against it. Small instances only.
 */
import type { AssignCustomer, AssignResult, AssignRm, AssignSettings } from './types.js';
import { solveWith, type NetworkStats } from './network.js';

export function solveExactWithStats(
  customers: readonly AssignCustomer[],
  rms: readonly AssignRm[],
  settings: AssignSettings,
): Promise<AssignResult & { stats: NetworkStats }> {
  return solveWith(customers, rms, settings, (c) => c.customerId, { bucketing: (aum) => [0, aum.length], hubs: false });
}

export async function solveExact(
  customers: AssignCustomer[],
  rms: AssignRm[],
  settings: AssignSettings,
): Promise<AssignResult> {
  const { stats: _stats, ...result } = await solveExactWithStats(customers, rms, settings);
  return result;
}
