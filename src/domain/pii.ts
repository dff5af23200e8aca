/**
 * Who may see a customer's full personal information (PIPL, DOMAIN.md §11): names, phones and ID
 * numbers are masked for everyone (src/domain/mask.ts); only the customer's own primary RM may
 * reveal them, with a logged reason. Managers of the outlet or branch may not.
 */
import type { StaffRole } from './enums.js';
import { ownsBook } from './roles.js';

export interface PiiViewer {
  role: StaffRole;
  staffId: string;
}

/** `primaryRmStaffId`: the staff id of the customer's open primary relationship, or null. */
export const mayRevealPii = (viewer: PiiViewer, primaryRmStaffId: string | null | undefined): boolean =>
  ownsBook(viewer.role) && primaryRmStaffId != null && primaryRmStaffId === viewer.staffId;
