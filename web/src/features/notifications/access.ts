import type { Me } from '../../api/types';

/** Who may send notices: outlet heads and above (the API refuses everyone else). */
export const canSendNotice = (me: Me): boolean =>
  ['outlet_head', 'sub_branch_manager', 'branch_manager', 'head_office', 'admin'].includes(me.role);
