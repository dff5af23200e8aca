/**
 * The hard constraints of a reassignment plan, checked independently of the solver: every
 * customer answered exactly once, caps held, roles allowed, never outside the branch, locality
 * reported truly, an idle customer never back to its RM. Tests and benchmarks use it; the
 * stewardship feature may too before it writes a proposal batch.
 */
import type { AssignCustomer, AssignResult, AssignRm, AssignSettings } from './types.js';
import { localityOf } from './network.js';

/** Human-readable violations, empty when the plan is valid (at most `limit` listed). */
export function planViolations(
  customers: readonly AssignCustomer[],
  rms: readonly AssignRm[],
  settings: AssignSettings,
  result: AssignResult,
  limit = 20,
): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (out.length < limit) out.push(s);
  };
  const byCustomer = new Map(customers.map((c) => [c.customerId, c]));
  const byStaff = new Map(rms.map((r) => [r.staffId, r]));
  const seen = new Set<string>();
  const taken = new Map<string, number>();
  let aum = 0n;
  for (const p of result.proposals) {
    const c = byCustomer.get(p.customerId);
    const r = byStaff.get(p.toStaffId);
    if (!c || !r) {
      add(`${p.customerId} → ${p.toStaffId}: unknown customer or RM`);
      continue;
    }
    if (seen.has(c.customerId)) add(`${c.customerId} answered twice`);
    seen.add(c.customerId);
    aum += c.aumFen;
    taken.set(r.staffId, (taken.get(r.staffId) ?? 0) + 1);
    if (!settings.rolesPerTier[c.tier].includes(r.role))
      add(`${c.customerId} (${c.tier}) → ${r.staffId} role ${r.role}`);
    const loc = localityOf(c, r);
    if (loc === null) add(`${c.customerId} → ${r.staffId} outside the branch`);
    else if (loc !== p.locality) add(`${c.customerId} → ${r.staffId} locality ${p.locality}, is ${loc}`);
    if (c.need === 'idle' && c.currentStaffId === r.staffId) add(`${c.customerId} back to its idle RM ${r.staffId}`);
    if (p.reason !== c.need) add(`${c.customerId} reason ${p.reason}, need ${c.need}`);
    if (p.fromStaffId !== c.currentStaffId) add(`${c.customerId} fromStaffId ${p.fromStaffId}`);
  }
  for (const u of result.unassigned) {
    if (!byCustomer.has(u.customerId)) add(`unassigned ${u.customerId} unknown`);
    if (seen.has(u.customerId)) add(`${u.customerId} answered twice`);
    seen.add(u.customerId);
  }
  if (seen.size !== byCustomer.size) add(`${byCustomer.size - seen.size} customers not answered`);
  for (const [staffId, n] of taken) {
    const r = byStaff.get(staffId)!;
    if (r.load + n > r.cap) add(`${staffId} over cap: ${r.load} + ${n} > ${r.cap}`);
  }
  if (result.objective.covered !== result.proposals.length) add('objective.covered differs from proposals');
  if (result.objective.aumFen !== aum.toString()) add('objective.aumFen differs from the proposals');
  return out;
}
