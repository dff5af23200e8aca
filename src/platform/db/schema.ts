/**
 * Guanhu's system of record. PostgreSQL dialect only: the same migrations run on PGlite and on
 * PostgreSQL. Money is integer fen (BIGINT); enumerations are SQL enums; derived "current state"
 * columns on customers (tier, AUM) are written only by batch steps and the seed.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const orgLevel = pgEnum('org_level', ['head_office', 'branch', 'sub_branch', 'outlet']);
export const staffRole = pgEnum('staff_role', [
  'rm',
  'wealth_rm',
  'private_advisor',
  'lobby_manager',
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
]);
export const staffStatus = pgEnum('staff_status', ['active', 'left']);
export const productCategory = pgEnum('product_category', [
  'demand_deposit',
  'time_deposit',
  'wealth',
  'fund',
  'insurance',
  'gold',
  'bond',
  'trust',
]);
export const assetClass = pgEnum('asset_class', ['cash', 'fixed_income', 'equity', 'alternative', 'protection']);
export const riskRating = pgEnum('risk_rating', ['R1', 'R2', 'R3', 'R4', 'R5']);
export const riskLevel = pgEnum('risk_level', ['C1', 'C2', 'C3', 'C4', 'C5']);
export const tier = pgEnum('tier', ['mass', 'premium', 'affluent', 'wealth', 'private']);
export const gender = pgEnum('gender', ['m', 'f']);
export const txnDirection = pgEnum('txn_direction', ['in', 'out']);
export const txnChannel = pgEnum('txn_channel', ['counter', 'atm', 'mobile', 'online', 'other']);
export const contactChannel = pgEnum('contact_channel', ['phone', 'visit', 'wechat', 'sms', 'video', 'event']);
export const complaintSeverity = pgEnum('complaint_severity', ['normal', 'urgent', 'major']);
export const auditAction = pgEnum('audit_action', [
  'login',
  'login_failed',
  'logout',
  'pii_reveal',
  'export',
  'reassignment',
  'settings_change',
  'seed',
]);

const fen = (name: string) => bigint(name, { mode: 'bigint' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Org tree. `path` is the materialised path '/HO/BR01/SB0101/OT0001/' used for subtree scope. */
export const orgUnits = pgTable(
  'org_units',
  {
    orgId: text('org_id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => orgUnits.orgId),
    level: orgLevel('level').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('org_units_root_is_head_office', sql`(${t.parentId} IS NULL) = (${t.level} = 'head_office')`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    staffId: text('staff_id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgUnits.orgId),
    name: text('name').notNull(),
    role: staffRole('role').notNull(),
    status: staffStatus('status').notNull().default('active'),
    phone: text('phone'),
  },
  (t) => [index('staff_org_idx').on(t.orgId), index('staff_role_idx').on(t.role)],
);

export const users = pgTable('users', {
  userId: integer('user_id').primaryKey().generatedAlwaysAsIdentity(),
  username: text('username').notNull().unique(),
  /** scrypt$N$r$p$salt$hash, base64 parts */
  passwordHash: text('password_hash').notNull(),
  staffId: text('staff_id')
    .notNull()
    .unique()
    .references(() => staff.staffId),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen table cannot be replayed as cookies */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.userId, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const products = pgTable(
  'products',
  {
    productId: text('product_id').primaryKey(),
    name: text('name').notNull(),
    category: productCategory('category').notNull(),
    assetClass: assetClass('asset_class').notNull(),
    riskRating: riskRating('risk_rating').notNull(),
    minPurchaseFen: fen('min_purchase_fen'),
    termDays: integer('term_days'),
    isKey: boolean('is_key').notNull().default(false),
  },
  (t) => [
    check('products_min_purchase_nonneg', sql`${t.minPurchaseFen} IS NULL OR ${t.minPurchaseFen} >= 0`),
    check('products_term_positive', sql`${t.termDays} IS NULL OR ${t.termDays} > 0`),
  ],
);

export const customers = pgTable(
  'customers',
  {
    customerId: text('customer_id').primaryKey(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    birthDate: date('birth_date'),
    gender: gender('gender'),
    homeOrgId: text('home_org_id')
      .notNull()
      .references(() => orgUnits.orgId),
    openDate: date('open_date'),
    riskLevel: riskLevel('risk_level'),
    riskAssessedOn: date('risk_assessed_on'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Current state, written by the nightly batch (or the seed).
    tier: tier('tier').notNull().default('mass'),
    /** the tier this customer is near (80–100% of its floor), or null */
    band: tier('band'),
    /** AUM of the latest loaded day, fen */
    aumFen: fen('aum_fen')
      .notNull()
      .default(sql`0`),
    /** month-to-date average daily AUM as of aum_as_of, fen */
    monthAvgAumFen: fen('month_avg_aum_fen')
      .notNull()
      .default(sql`0`),
    aumAsOf: date('aum_as_of'),
    tierSince: date('tier_since'),
  },
  (t) => [
    // The customer list sorts by month-average AUM within scope and filters.
    index('customers_avg_idx').on(t.monthAvgAumFen.desc(), t.customerId),
    index('customers_home_org_avg_idx').on(t.homeOrgId, t.monthAvgAumFen.desc(), t.customerId),
    index('customers_tier_avg_idx').on(t.tier, t.monthAvgAumFen.desc(), t.customerId),
    // Prefix search on customer number and name.
    index('customers_id_prefix_idx').using('btree', sql`${t.customerId} text_pattern_ops`),
    index('customers_name_prefix_idx').using('btree', sql`${t.name} text_pattern_ops`),
    check('customers_aum_nonneg', sql`${t.aumFen} >= 0 AND ${t.monthAvgAumFen} >= 0`),
  ],
);

/** Daily full snapshot of AUM positions (data-format holdings_<date>.csv). */
export const holdings = pgTable(
  'holdings',
  {
    asOfDate: date('as_of_date').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    accountId: text('account_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.productId),
    balanceFen: fen('balance_fen').notNull(),
    maturityDate: date('maturity_date'),
  },
  (t) => [
    primaryKey({ columns: [t.asOfDate, t.customerId, t.accountId, t.productId] }),
    index('holdings_customer_idx').on(t.customerId, t.asOfDate),
    check('holdings_balance_nonneg', sql`${t.balanceFen} >= 0`),
  ],
);

/** Monthly AUM history per customer (average daily AUM and month-end AUM), fen. */
export const customerAumMonthly = pgTable(
  'customer_aum_monthly',
  {
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    /** first day of the month */
    month: date('month').notNull(),
    avgAumFen: fen('avg_aum_fen').notNull(),
    endAumFen: fen('end_aum_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.month] }),
    check('aum_monthly_nonneg', sql`${t.avgAumFen} >= 0 AND ${t.endAumFen} >= 0`),
    check('aum_monthly_first_day', sql`extract(day from ${t.month}) = 1`),
  ],
);

export const tierHistory = pgTable(
  'tier_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    changedOn: date('changed_on').notNull(),
    fromTier: tier('from_tier'),
    toTier: tier('to_tier').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('tier_history_customer_idx').on(t.customerId, t.changedOn)],
);

export const transactions = pgTable(
  'transactions',
  {
    txnId: text('txn_id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    txnTime: ts('txn_time').notNull(),
    direction: txnDirection('direction').notNull(),
    amountFen: fen('amount_fen').notNull(),
    channel: txnChannel('channel'),
    productId: text('product_id').references(() => products.productId),
  },
  (t) => [
    index('transactions_customer_idx').on(t.customerId, t.txnTime),
    check('transactions_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/** Primary RM relationships with history: an open row (ended_on IS NULL) is the current RM. */
export const relationships = pgTable(
  'relationships',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.staffId),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('relationships_one_primary_idx')
      .on(t.customerId)
      .where(sql`${t.endedOn} IS NULL`),
    index('relationships_staff_open_idx')
      .on(t.staffId, t.customerId)
      .where(sql`${t.endedOn} IS NULL`),
    index('relationships_customer_idx').on(t.customerId, t.startedOn),
    check('relationships_dates', sql`${t.endedOn} IS NULL OR ${t.endedOn} >= ${t.startedOn}`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    contactId: text('contact_id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.staffId),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    channel: contactChannel('channel').notNull(),
    startedAt: ts('started_at').notNull(),
    durationSeconds: integer('duration_seconds'),
    connected: boolean('connected'),
    outcome: text('outcome'),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId, t.startedAt),
    index('contacts_staff_idx').on(t.staffId, t.startedAt),
    check('contacts_duration_nonneg', sql`${t.durationSeconds} IS NULL OR ${t.durationSeconds} >= 0`),
  ],
);

export const complaints = pgTable(
  'complaints',
  {
    complaintId: text('complaint_id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    receivedAt: ts('received_at').notNull(),
    severity: complaintSeverity('severity').notNull(),
    category: text('category').notNull(),
    summary: text('summary'),
    ownerStaffId: text('owner_staff_id').references(() => staff.staffId),
  },
  (t) => [index('complaints_customer_idx').on(t.customerId, t.receivedAt)],
);

/** Versioned bank configuration. The highest version is in force; rows are never updated. */
export const settings = pgTable('settings', {
  version: integer('version').primaryKey(),
  value: jsonb('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdByUserId: integer('created_by_user_id').references(() => users.userId),
  note: text('note'),
});

/** Append-only audit trail (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull().defaultNow(),
    action: auditAction('action').notNull(),
    actorUserId: integer('actor_user_id'),
    actorStaffId: text('actor_staff_id'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    ruleVersion: integer('rule_version'),
    runId: text('run_id'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/**
 * Change counters for cached aggregates: statement-level triggers bump `version` whenever the
 * named tables change, so any app instance can tell whether its cached counts are current.
 */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
