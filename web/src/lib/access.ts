/** Which roles may open which parts of the UI (the API enforces the same). */
import { isRmRole, type Me } from '../api/types';
import { mayConfigure } from '../../../src/domain/roles';

/** Org dashboards: everyone but the RMs, who see their own book. */
export function canSeeOrg(me: Me): boolean {
  return !isRmRole(me.role);
}

/** Bank configuration and the data pipeline: head office and admin. */
export function canConfigure(me: Me): boolean {
  return mayConfigure(me.role);
}
