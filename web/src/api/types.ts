/** Shapes of the Guanhu server API (see the API contract in the web brief). */

export const TIERS = ['mass', 'premium', 'affluent', 'wealth', 'private'] as const;
export type Tier = (typeof TIERS)[number];

export const ROLES = [
  'rm',
  'wealth_rm',
  'private_advisor',
  'lobby_manager',
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that own a book of customers (管户). */
export const RM_ROLES: readonly Role[] = ['rm', 'wealth_rm', 'private_advisor'];
export const isRmRole = (role: Role | undefined): boolean => !!role && RM_ROLES.includes(role);

export type OrgLevel = 'head_office' | 'branch' | 'sub_branch' | 'outlet';

/** Decimal yuan with 2 decimals, e.g. "123456.78". Never do arithmetic on it as a float. */
export type Money = string;

export interface Me {
  userId: number;
  username: string;
  staffId: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgLevel: OrgLevel;
}

export interface CustomerRow {
  customerId: string;
  name: string;
  tier: Tier;
  band: Tier | null;
  aum: Money;
  monthAvgAum: Money;
  rmId: string | null;
  rmName: string | null;
  orgId: string;
  orgName: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CustomerQuery {
  page?: number;
  pageSize?: number;
  tier?: Tier;
  orgId?: string;
  rmId?: string;
  q?: string;
  band?: Tier;
  managed?: 'true' | 'false';
}

/** Book / org summary for the caller's scope (optionally narrowed to an org node or RM). */
export interface CustomerSummary {
  /** Business date of the figures (YYYY-MM-DD); null before any AUM is loaded. */
  asOf: string | null;
  customers: number;
  aum: Money;
  /** All five tiers, mass … private. */
  tiers: { tier: Tier; customers: number; aum: Money }[];
  /** Near-threshold counts, premium … private. */
  bands: { band: Tier; customers: number }[];
  /** Customers in tiers that must have an RM (premium and above by default). */
  eligible: number;
  managed: number;
  unmanaged: number;
}

export type AssetClass = 'cash' | 'fixed_income' | 'equity' | 'alternative' | 'protection';
export const ASSET_CLASSES: readonly AssetClass[] = ['cash', 'fixed_income', 'equity', 'alternative', 'protection'];

export type Channel = 'phone' | 'visit' | 'wechat' | 'sms' | 'video' | 'event';

export interface Holding {
  accountId: string;
  productId: string;
  productName: string;
  category: string;
  assetClass: AssetClass;
  riskRating: string;
  balance: Money;
  maturityDate: string | null;
}

export interface Contact {
  contactId: string | number;
  staffId: string;
  staffName: string;
  channel: Channel;
  startedAt: string;
  durationSeconds: number | null;
  connected: boolean | null;
  outcome: string | null;
  topics: string[];
  valid: boolean;
}

export interface Customer360 {
  customerId: string;
  name: string;
  phone: string;
  idNumber: string;
  masked: boolean;
  canReveal: boolean;
  gender: 'm' | 'f' | null;
  birthDate: string | null;
  age: number | null;
  senior: boolean;
  orgId: string;
  orgName: string;
  openDate: string;
  riskLevel: 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | null;
  riskAssessedOn: string | null;
  riskExpired: boolean;
  tags: string[];
  tier: Tier;
  band: Tier | null;
  aum: Money;
  monthAvgAum: Money;
  aumAsOf: string | null;
  tierSince: string | null;
  holdingsByClass: { assetClass: AssetClass; amount: Money; sharePct: number }[];
  holdings: Holding[];
  aumHistory: { month: string; avgAum: Money; endAum: Money }[];
  rm: { staffId: string; name: string; role: Role; orgId: string; orgName: string; since: string } | null;
  rmHistory: { staffId: string; name: string; startedOn: string; endedOn: string | null; endReason: string | null }[];
  contacts: Contact[];
  tierHistory: { changedOn: string; fromTier: Tier | null; toTier: Tier; reason: string }[];
}

export interface RevealResult {
  name: string;
  phone: string;
  idNumber: string;
}

export interface OrgNode {
  orgId: string;
  parentId: string | null;
  level: OrgLevel;
  name: string;
  customers: number;
  eligible: number;
  managed: number;
  coveragePct: number | null;
  aum: Money;
  staff: number;
  rms: number;
}

export interface StaffItem {
  staffId: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
}

export interface ApiErrorBody {
  code: string;
  message?: string;
  details?: unknown;
}
