/**
 * Bank sizes. XS is for fast tests, S for demos on the embedded database, M for load and
 * performance work on PostgreSQL. Staff counts are per outlet (ranges drawn per outlet);
 * private-banking advisors sit in each sub-branch's centre outlet, where wealthy customers are
 * homed.
 */
export type Scale = 'XS' | 'S' | 'M';

export interface ScaleSpec {
  branches: number;
  subBranchesPerBranch: number;
  outletsPerSubBranch: number;
  /** [min, max] per outlet */
  rmsPerOutlet: readonly [number, number];
  wealthRmsPerOutlet: readonly [number, number];
  lobbyManagersPerOutlet: readonly [number, number];
  /** in the centre outlet (the first) of every sub-branch */
  privateAdvisorsPerSubBranch: number;
  headOfficeStaff: number;
  /** share of book-owning staff who have left (they keep closed relationships) */
  leftStaffRate: number;
  customers: number;
  /**
   * closed months of history before asOf's month: the seed replays every day from the 1st of the
   * first one (customer_aum_monthly gets a row per closed month, org_tier_daily one per day)
   */
  months: number;
  /** days of contacts, transactions and complaints before asOf (seed) */
  activityDays: number;
  /** customers generated and loaded per COPY */
  chunk: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  XS: {
    branches: 1,
    subBranchesPerBranch: 1,
    outletsPerSubBranch: 3,
    rmsPerOutlet: [1, 1],
    wealthRmsPerOutlet: [1, 1],
    lobbyManagersPerOutlet: [1, 1],
    privateAdvisorsPerSubBranch: 1,
    headOfficeStaff: 1,
    leftStaffRate: 0.1,
    customers: 2_000,
    months: 13,
    activityDays: 180,
    // small on purpose: tests exercise the chunk boundaries
    chunk: 500,
  },
  S: {
    branches: 1,
    subBranchesPerBranch: 4,
    outletsPerSubBranch: 5,
    rmsPerOutlet: [2, 3],
    wealthRmsPerOutlet: [1, 1],
    lobbyManagersPerOutlet: [1, 2],
    privateAdvisorsPerSubBranch: 1,
    headOfficeStaff: 3,
    leftStaffRate: 0.05,
    customers: 50_000,
    months: 13,
    activityDays: 180,
    chunk: 10_000,
  },
  M: {
    branches: 5,
    subBranchesPerBranch: 8,
    outletsPerSubBranch: 5,
    rmsPerOutlet: [5, 7],
    wealthRmsPerOutlet: [2, 2],
    lobbyManagersPerOutlet: [2, 2],
    privateAdvisorsPerSubBranch: 1,
    headOfficeStaff: 10,
    leftStaffRate: 0.03,
    customers: 1_000_000,
    months: 13,
    activityDays: 180,
    chunk: 25_000,
  },
};
