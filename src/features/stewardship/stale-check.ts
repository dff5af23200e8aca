/**
 * What changed since a proposal was planned (issue 11): the customer's RM, tier, home org or
 * stewardship state; the target RM's status, role or org; the role's cap; or the target role no
 * longer allowed for the customer's tier. A stale proposal never applies.
 */
import { sql } from 'drizzle-orm';
import type { OwnerRole, Tier } from '../../domain/enums.js';
import type { Settings } from '../../domain/settings.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import type { ProposalSnapshot } from './plan-batch.js';

export const STALE_CHANGES = ['rm', 'tier', 'home', 'state', 'target_rm', 'cap', 'role_not_allowed'] as const;
export type StaleChange = (typeof STALE_CHANGES)[number];

export interface StaleProposal {
  customerId: string;
  changed: StaleChange[];
}

export async function staleProposals(
  db: AppDb,
  batchId: string,
  kind: 'plan' | 'transfer',
  customerIds: readonly string[],
  s: Settings['stewardship'],
): Promise<StaleProposal[]> {
  if (customerIds.length === 0) return [];
  const rows = await query<{
    customer_id: string;
    snapshot: ProposalSnapshot;
    cur_staff: string | null;
    tier: Tier;
    home_org_id: string;
    state: string | null;
    role: OwnerRole;
    org_id: string;
    status: string;
  }>(
    db,
    sql`
    SELECT p.customer_id, p.snapshot, r.staff_id AS cur_staff, c.tier::text AS tier, c.home_org_id,
           cs.state::text AS state, s.role::text AS role, s.org_id, s.status::text AS status
    FROM assignment_proposals p
    JOIN customers c ON c.customer_id = p.customer_id
    JOIN staff s ON s.staff_id = p.to_staff_id
    LEFT JOIN relationships r ON r.customer_id = p.customer_id AND r.ended_on IS NULL
    LEFT JOIN customer_stewardship cs ON cs.customer_id = p.customer_id
    WHERE p.batch_id = ${batchId}
      AND p.customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb))
    ORDER BY p.customer_id`,
  );
  const out: StaleProposal[] = [];
  for (const r of rows) {
    const snap = r.snapshot;
    const changed: StaleChange[] = [];
    if (r.cur_staff !== snap.staffId) changed.push('rm');
    if (r.tier !== snap.tier) changed.push('tier');
    if (r.home_org_id !== snap.homeOrgId) changed.push('home');
    // a transfer's customers were healthy when planned; the nightly step may since call them orphaned
    if (kind === 'plan' && (r.state ?? 'managed') !== snap.state) changed.push('state');
    if (r.status !== 'active' || r.role !== snap.to.role || r.org_id !== snap.to.orgId) changed.push('target_rm');
    if (s.capacity[r.role] !== snap.cap) changed.push('cap');
    if (!s.rolesPerTier[r.tier].includes(r.role)) changed.push('role_not_allowed');
    if (changed.length) out.push({ customerId: r.customer_id, changed });
  }
  return out;
}
