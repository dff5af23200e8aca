/**
 * Every enumeration of Guanhu, defined once. The SQL enums (src/platform/db/schema.ts `pgEnum`),
 * the zod schemas of the API (and so the OpenAPI document and the web's generated types), the
 * import rules and the web UI all take their values from here; none types a list again.
 *
 * Order matters where it says so: `TIERS` is the ladder from the bottom (PostgreSQL compares
 * enum values in declaration order, so `tier > 'mass'` in SQL means the same as here), and a new
 * value of an SQL enum may only be appended (a migration `ALTER TYPE … ADD VALUE`).
 *
 * Pure data, no imports: the web bundles this file directly.
 */

// ── customers and tiers (DOMAIN.md §2) ─────────────────────────────────────────────────────────

/** The tier ladder, lowest first. */
export const TIERS = ['mass', 'premium', 'affluent', 'wealth', 'private'] as const;
export type Tier = (typeof TIERS)[number];

/** Near-threshold bands: the tier a customer is close to, so every tier but the lowest. */
export const BANDS = ['premium', 'affluent', 'wealth', 'private'] as const satisfies readonly Tier[];
export type Band = (typeof BANDS)[number];

/** What a tier change in tier_history is (the daily rule of src/domain/tiering.ts). */
export const TIER_CHANGES = ['initial', 'upgrade', 'downgrade'] as const;
export type TierChange = (typeof TIER_CHANGES)[number];

/** The amount a tier is decided on: month-to-date average daily AUM or the period-end balance. */
export const TIER_BASES = ['month_avg', 'period_end'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

export const GENDERS = ['m', 'f'] as const;
export type Gender = (typeof GENDERS)[number];

// ── people and organisation (§1) ───────────────────────────────────────────────────────────────

/** Org tree levels, from the root down. */
export const ORG_LEVELS = ['head_office', 'branch', 'sub_branch', 'outlet'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const STAFF_ROLES = [
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
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that own a book of customers (管户): RM, wealth RM, private-banking advisor. */
export const OWNER_ROLES = ['rm', 'wealth_rm', 'private_advisor'] as const satisfies readonly StaffRole[];
export type OwnerRole = (typeof OWNER_ROLES)[number];

/**
 * A customer's stewardship state (DOMAIN.md §3), written nightly by the `stewardship` step.
 * Eligible customers (tier ≥ managedFromTier) are `managed` (an active RM of an allowed role who
 * keeps in touch), `unmanaged` (no RM), `orphaned` (the RM left or is inactive), `wrong_role`
 * (the RM's role may not own the tier) or `idle` (挂而不管: assigned > idleDays, no valid contact
 * by that RM in noContactDays). `release`: below managedFromTier but held by an RM (the
 * low-asset release list, 管户资产过低客户清单).
 */
export const STEWARDSHIP_STATES = ['managed', 'unmanaged', 'orphaned', 'wrong_role', 'idle', 'release'] as const;
export type StewardshipState = (typeof STEWARDSHIP_STATES)[number];

/**
 * What the low-asset release list (管户资产过低客户清单) suggests for a customer below
 * managedFromTier held by an RM: keep them while they are near the managed-from floor (their
 * band is that tier), otherwise release them to the outlet's pool (src/domain/stewardship.ts).
 */
export const RELEASE_ACTIONS = ['release_to_pool', 'keep_near_threshold'] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

/** Why a primary relationship ended (relationships.end_reason). */
export const RELATIONSHIP_END_REASONS = ['import', 'staff_left', 'idle', 'left', 'reassigned', 'released'] as const;
export type RelationshipEndReason = (typeof RELATIONSHIP_END_REASONS)[number];

/** A reassignment batch (src/features/stewardship/): the nightly kind of plan, or a leaving RM's book. */
export const ASSIGNMENT_BATCH_KINDS = ['plan', 'transfer'] as const;
export type AssignmentBatchKind = (typeof ASSIGNMENT_BATCH_KINDS)[number];

/**
 * A batch's status, derived from its proposals: `pending` while any awaits a decision, `applied`
 * once none does and at least one applied, `rejected` when none applied (all rejected or stale),
 * `empty` for a plan that found no customer needing an RM.
 */
export const ASSIGNMENT_BATCH_STATUSES = ['pending', 'applied', 'rejected', 'empty'] as const;
export type AssignmentBatchStatus = (typeof ASSIGNMENT_BATCH_STATUSES)[number];

/**
 * A proposal's status: `pending` → `approved` (decided, applied in the same transaction) →
 * `applied`; or `rejected` (never applies), or `stale` (what it was planned on changed: never applies).
 */
export const ASSIGNMENT_PROPOSAL_STATUSES = ['pending', 'approved', 'rejected', 'applied', 'stale'] as const;
export type AssignmentProposalStatus = (typeof ASSIGNMENT_PROPOSAL_STATUSES)[number];

/** Per org node: proposals wait for a manager's approval (default), or a plan applies at once. */
export const ASSIGNMENT_POLICY_MODES = ['approval', 'auto_apply'] as const;
export type AssignmentPolicyMode = (typeof ASSIGNMENT_POLICY_MODES)[number];

/** A staff member whose status becomes `left` loses every session at once (§11). */
export const STAFF_STATUSES = ['active', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

// ── products and suitability (§5) ──────────────────────────────────────────────────────────────

export const PRODUCT_CATEGORIES = [
  'demand_deposit',
  'time_deposit',
  'wealth',
  'fund',
  'insurance',
  'gold',
  'bond',
  'trust',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** Asset classes of the allocation model, in the order they are shown. */
export const ASSET_CLASSES = ['cash', 'fixed_income', 'equity', 'alternative', 'protection'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** A product's risk rating, R1 lowest. */
export const RISK_RATINGS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

/** A customer's assessed risk level, C1 conservative … C5 aggressive. */
export const RISK_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

// ── activity (§4, §8) ──────────────────────────────────────────────────────────────────────────

export const TXN_DIRECTIONS = ['in', 'out'] as const;
export type TxnDirection = (typeof TXN_DIRECTIONS)[number];

export const TXN_CHANNELS = ['counter', 'atm', 'mobile', 'online', 'other'] as const;
export type TxnChannel = (typeof TXN_CHANNELS)[number];

/** How a contact happened; which of them are valid contacts is src/domain/contacts.ts. */
export const CONTACT_CHANNELS = ['phone', 'visit', 'wechat', 'sms', 'video', 'event'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * The checklist of what a contact covered: self-introduction, maturity reminder, new product,
 * add WeChat, face-to-face appointment. The contacts file may carry other words too
 * (docs/data-format.md), so a contact's topics are strings, and these are the ones Guanhu knows.
 */
export const CONTACT_TOPICS = ['intro', 'maturity', 'new_product', 'add_wechat', 'appointment'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

/** Complaint severity; the SLA of each is in settings (complaints.slaHours). */
export const COMPLAINT_SEVERITIES = ['normal', 'urgent', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

// ── the data pipeline and the audit trail ──────────────────────────────────────────────────────

/** The kinds of daily file the importer reads (docs/data-format.md). */
export const IMPORT_KINDS = [
  'org',
  'staff',
  'products',
  'customers',
  'relationships',
  'holdings',
  'transactions',
  'contacts',
  'complaints',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['loaded', 'unchanged', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A nightly batch run's status. */
export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What the append-only audit log records (the typed events are src/platform/audit.ts). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'pii_reveal',
  'export',
  'reassignment',
  'settings_change',
  'seed',
  'login_refused',
  'pii_reveal_refused',
  'user_created',
  'password_changed',
  'password_reset',
  'user_disabled',
  'user_enabled',
  'notice_sent',
  'import_started',
  'batch_started',
  'import_shrink_accepted',
  'assignment_planned',
  'assignment_decided',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The codes an API error answers with (src/platform/errors.ts gives each its HTTP status). The web
 * shows each as its own translated message, never the server's English text.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHENTICATED',
  'BAD_CREDENTIALS',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'EXPORT_TOO_LARGE',
  'RATE_LIMITED',
  'DB_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
