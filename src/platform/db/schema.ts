/**
 * Guanhu's system of record. PostgreSQL dialect only: the same migrations run on PGlite and on
 * PostgreSQL. Money is integer fen (BIGINT); enumerations are SQL enums whose values come from
 * src/domain/enums.ts; derived "current state" columns on customers (tier, AUM) are written only
 * by batch steps and the seed.
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
import {
  ASSET_CLASSES,
  ASSIGNMENT_BATCH_KINDS,
  ASSIGNMENT_BATCH_STATUSES,
  ASSIGNMENT_POLICY_MODES,
  ASSIGNMENT_PROPOSAL_STATUSES,
  AUDIT_ACTIONS,
  STEWARDSHIP_STATES,
  COMPLAINT_SEVERITIES,
  CONTACT_CHANNELS,
  GENDERS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  ORG_LEVELS,
  PRODUCT_CATEGORIES,
  RISK_LEVELS,
  RISK_RATINGS,
  RUN_STATUSES,
  STAFF_ROLES,
  STAFF_STATUSES,
  TIERS,
  TXN_CHANNELS,
  TXN_DIRECTIONS,
} from '../../domain/enums.js';

// The SQL enums, built from the one definition of each enumeration (src/domain/enums.ts).
export const orgLevel = pgEnum('org_level', ORG_LEVELS);
export const staffRole = pgEnum('staff_role', STAFF_ROLES);
export const staffStatus = pgEnum('staff_status', STAFF_STATUSES);
export const productCategory = pgEnum('product_category', PRODUCT_CATEGORIES);
export const assetClass = pgEnum('asset_class', ASSET_CLASSES);
export const riskRating = pgEnum('risk_rating', RISK_RATINGS);
export const riskLevel = pgEnum('risk_level', RISK_LEVELS);
export const tier = pgEnum('tier', TIERS);
export const gender = pgEnum('gender', GENDERS);
export const txnDirection = pgEnum('txn_direction', TXN_DIRECTIONS);
export const txnChannel = pgEnum('txn_channel', TXN_CHANNELS);
export const contactChannel = pgEnum('contact_channel', CONTACT_CHANNELS);
export const complaintSeverity = pgEnum('complaint_severity', COMPLAINT_SEVERITIES);
export const auditAction = pgEnum('audit_action', AUDIT_ACTIONS);
export const stewardshipState = pgEnum('stewardship_state', STEWARDSHIP_STATES);

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
  /** a one-time password (a new login, a reset): nothing but changing it is allowed until then */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: ts('password_changed_at'),
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
    /** the last request it made (updated at most once a minute); idle past the configured minutes, it ends */
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
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
    // Current tier state, written by the nightly tier step (or the seed); changes are rare, so
    // these columns are updated only for customers whose tier or band moved. Daily AUM lives in
    // customer_aum_daily.
    tier: tier('tier').notNull().default('mass'),
    /** the tier this customer is near (80–100% of its floor), or null */
    band: tier('band'),
    tierSince: date('tier_since'),
  },
  (t) => [
    index('customers_home_org_idx').on(t.homeOrgId),
    index('customers_tier_idx').on(t.tier, t.band),
    // Prefix search on customer number and name.
    index('customers_id_prefix_idx').using('btree', sql`${t.customerId} text_pattern_ops`),
    index('customers_name_prefix_idx').using('btree', sql`${t.name} text_pattern_ops`),
    // Search by the full phone number (the one way besides number and exact name for a viewer who sees it masked).
    index('customers_phone_idx').on(t.phone),
  ],
);

/**
 * Daily AUM per customer (every customer, every processed date; 0 when absent from the day's
 * holdings), with the month-to-date accumulated balance (积数) and the month-to-date average.
 * PARTITIONED BY LIST (as_of_date), one partition per day (see migrations/0004): the nightly
 * step builds a day's partition whole and swaps it in. The customer list sorts by avg_fen.
 */
export const customerAumDaily = pgTable(
  'customer_aum_daily',
  {
    asOfDate: date('as_of_date').notNull(),
    customerId: text('customer_id').notNull(),
    aumFen: fen('aum_fen').notNull(),
    /** sum of daily AUM from the 1st of the month to as_of_date */
    accumFen: fen('accum_fen').notNull(),
    /** days from the 1st of the month to as_of_date */
    days: integer('days').notNull(),
    /** accum_fen / days, rounded down to the fen */
    avgFen: fen('avg_fen').notNull(),
    /**
     * The customer's tier, band and home outlet on as_of_date (written by the tier step). Kept here
     * so the customer list can filter and sort a day's million rows on one partition's indexes
     * without a join per row; customers.tier/band remain the current state.
     */
    tier: tier('tier').notNull(),
    band: tier('band'),
    homeOrgId: text('home_org_id').notNull(),
    /**
     * The tier and band in force the day before (the previous day's row; with no previous day,
     * the latest tier_history row before as_of_date and no band). The tier step writes history
     * and updates customers from the rows where these differ, without a second pass over the
     * population.
     */
    prevTier: tier('prev_tier'),
    prevBand: tier('prev_band'),
  },
  // Each index is rebuilt every night on a million-row day (build-aum-day.ts), so there are as few
  // as the customer list needs (docs/architecture.md, "Nightly batch"): the day is chosen by
  // partition, so the keys leave as_of_date out; tier and outlet filters walk the AUM order.
  (t) => [
    primaryKey({ columns: [t.asOfDate, t.customerId] }),
    index('customer_aum_daily_avg_idx').on(t.avgFen.desc(), t.customerId),
    // Tier filters above mass (~19% of customers): a partial index, so that the bank's premium
    // lists need not walk past every richer customer; mass is most of the AUM order anyway.
    index('customer_aum_daily_tier_avg_idx')
      .on(t.tier, t.avgFen.desc(), t.customerId)
      .where(sql`${t.tier} <> 'mass'`),
    // Near-threshold lists filter on band, which ~3% of customers have: a small partial index.
    index('customer_aum_daily_band_avg_idx')
      .on(t.band, t.avgFen.desc(), t.customerId)
      .where(sql`${t.band} IS NOT NULL`),
    check('customer_aum_daily_nonneg', sql`${t.aumFen} >= 0 AND ${t.accumFen} >= 0 AND ${t.avgFen} >= 0`),
    check('customer_aum_daily_days', sql`${t.days} BETWEEN 1 AND 31`),
  ],
);

/**
 * Daily full snapshot of AUM positions (data-format holdings_<date>.csv). PARTITIONED BY LIST
 * (as_of_date), one partition per day (see migrations/0004): the importer loads a day into a
 * fresh table, validates it (unknown customers/products, duplicates, negative balances are
 * rejected there, which is why there are no FKs here), indexes it and swaps it in atomically.
 */
export const holdings = pgTable(
  'holdings',
  {
    asOfDate: date('as_of_date').notNull(),
    customerId: text('customer_id').notNull(),
    accountId: text('account_id').notNull(),
    productId: text('product_id').notNull(),
    balanceFen: fen('balance_fen').notNull(),
    maturityDate: date('maturity_date'),
  },
  (t) => [index('holdings_customer_idx').on(t.customerId), check('holdings_balance_nonneg', sql`${t.balanceFen} >= 0`)],
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

export const importKind = pgEnum('import_kind', IMPORT_KINDS);
export const importStatus = pgEnum('import_status', IMPORT_STATUSES);
export const runStatus = pgEnum('run_status', RUN_STATUSES);

/** One row per file an import looked at: what it read, loaded and rejected, and where the report is. */
export const importFiles = pgTable(
  'import_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: text('run_id').notNull(),
    fileName: text('file_name').notNull(),
    kind: importKind('kind').notNull(),
    businessDate: date('business_date'),
    /** sha256 of the file's bytes */
    checksum: text('checksum').notNull(),
    encoding: text('encoding').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsLoaded: integer('rows_loaded').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    status: importStatus('status').notNull(),
    reportPath: text('report_path'),
    rejectsPath: text('rejects_path'),
    message: text('message'),
    /** the top reject reasons: [{column, reason, count, value?, cause?}] (reject-summary.ts) */
    topReasons: jsonb('top_reasons').notNull().default([]),
    /** holdings: distinct customers with a loaded row, so the next day's shrink guard need not count them */
    customers: integer('customers'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('import_files_kind_idx').on(t.kind, t.businessDate), index('import_files_run_idx').on(t.runId)],
);

/** Nightly batch runs: one per business date attempt, with each step's rows and timing. */
export const batchRuns = pgTable(
  'batch_runs',
  {
    runId: text('run_id').primaryKey(),
    businessDate: date('business_date').notNull(),
    status: runStatus('status').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    settingsVersion: integer('settings_version'),
    /** a partial run (`batch run --only STEP`): the step it started from; null for a whole night */
    onlyStep: text('only_step'),
    /** [{ name, rows, ms, detail, detailCode, detailParams }] */
    steps: jsonb('steps')
      .notNull()
      .default(sql`'[]'::jsonb`),
    message: text('message'),
  },
  (t) => [index('batch_runs_date_idx').on(t.businessDate, t.startedAt)],
);

/** Per outlet, tier and processed date: customers, AUM, near-threshold count, moves. Feeds trends. */
export const orgTierDaily = pgTable(
  'org_tier_daily',
  {
    asOfDate: date('as_of_date').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgUnits.orgId),
    tier: tier('tier').notNull(),
    customers: integer('customers').notNull(),
    aumFen: fen('aum_fen').notNull(),
    /** customers of this tier in the band of the next tier */
    nearThreshold: integer('near_threshold').notNull(),
    /** customers who moved into this tier from below / above on as_of_date */
    upgrades: integer('upgrades').notNull(),
    downgrades: integer('downgrades').notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOfDate, t.orgId, t.tier] })],
);

/**
 * The current stewardship state of every customer who is eligible or held by an RM (DOMAIN.md §3),
 * rewritten whole by the nightly `stewardship` step (src/features/stewardship/). Customers below
 * managedFromTier without an RM have no row.
 */
export const customerStewardship = pgTable(
  'customer_stewardship',
  {
    customerId: text('customer_id')
      .primaryKey()
      .references(() => customers.customerId),
    asOfDate: date('as_of_date').notNull(),
    state: stewardshipState('state').notNull(),
    tier: tier('tier').notNull(),
    /** the open primary relationship's RM, if any */
    staffId: text('staff_id').references(() => staff.staffId),
    /** when that relationship started */
    since: date('since'),
    /** the last valid contact by that RM with this customer */
    lastValidContactOn: date('last_valid_contact_on'),
  },
  (t) => [index('customer_stewardship_state_idx').on(t.state), index('customer_stewardship_staff_idx').on(t.staffId)],
);

/**
 * Stewardship figures per org node (customers by home outlet, over-cap RMs by the RM's own node)
 * and processed date, written by the nightly `stewardship` step; kept as daily history for the
 * coverage trend (re-running a date replaces that date). Coverage rate = (managed + idle) /
 * eligible (src/domain/stewardship.ts `coverageRates`).
 */
export const orgStewardshipDaily = pgTable(
  'org_stewardship_daily',
  {
    asOfDate: date('as_of_date').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgUnits.orgId),
    /** customers at or above managedFromTier */
    eligible: integer('eligible').notNull(),
    /** state `managed` only (an allowed active RM who keeps in touch) */
    managed: integer('managed').notNull(),
    idle: integer('idle').notNull(),
    unmanaged: integer('unmanaged').notNull(),
    orphaned: integer('orphaned').notNull(),
    wrongRole: integer('wrong_role').notNull(),
    /** below managedFromTier but held by an RM */
    release: integer('release').notNull(),
    /** active RMs of this node whose book (eligible + release) exceeds capacity[role] */
    overCapRms: integer('over_cap_rms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOfDate, t.orgId] })],
);

/** Small named facts about the system, e.g. aum_as_of: the business date the current AUM is for. */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Per-recipient notification sequence (src/platform/realtime/outbox.ts). `notify` increments
 * `last_seq` with an upsert, which row-locks the recipient's cursor until the writing transaction
 * ends: a recipient's notifications therefore commit in `seq` order and without gaps, so a client
 * resuming "after seq N" can never miss a row committed later with a lower seq.
 */
export const notificationCursors = pgTable(
  'notification_cursors',
  {
    staffId: text('staff_id')
      .primaryKey()
      .references(() => staff.staffId),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  (t) => [check('notification_cursors_seq_positive', sql`${t.lastSeq} > 0`)],
);

/**
 * The outbox and the inbox in one table: written in the transaction of the change that causes it,
 * delivered after commit by the push hub (src/platform/realtime/), listed by the inbox API. `seq`
 * is the recipient's own sequence (notification_cursors); the API calls it `id`. `payload` follows
 * the zod schema its feature declares for `type` in its module.ts `events`.
 */
export const notifications = pgTable(
  'notifications',
  {
    recipientStaffId: text('recipient_staff_id')
      .notNull()
      .references(() => staff.staffId),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** `<module>.<event>`, e.g. notifications.notice */
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull(),
    /** when the recipient opened it in the inbox */
    readAt: ts('read_at'),
    /** when a connected client of the recipient confirmed receipt over the WebSocket */
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [
    primaryKey({ columns: [t.recipientStaffId, t.seq] }),
    index('notifications_unread_idx')
      .on(t.recipientStaffId, t.seq)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

// ── stewardship reassignment (src/features/stewardship/, issue 11) ──────────────────────────────

export const assignmentBatchKind = pgEnum('assignment_batch_kind', ASSIGNMENT_BATCH_KINDS);
export const assignmentBatchStatus = pgEnum('assignment_batch_status', ASSIGNMENT_BATCH_STATUSES);
export const assignmentProposalStatus = pgEnum('assignment_proposal_status', ASSIGNMENT_PROPOSAL_STATUSES);
export const assignmentPolicyMode = pgEnum('assignment_policy_mode', ASSIGNMENT_POLICY_MODES);

/**
 * A reassignment plan (or a leaving RM's book transfer): the solver's answer for the customers of
 * an org subtree who need an RM on a business date, written as proposals to review.
 */
export const assignmentBatches = pgTable(
  'assignment_batches',
  {
    batchId: text('batch_id').primaryKey(),
    /** the org subtree whose customers it covers */
    orgId: text('org_id')
      .notNull()
      .references(() => orgUnits.orgId),
    asOfDate: date('as_of_date').notNull(),
    kind: assignmentBatchKind('kind').notNull(),
    /** transfer: the leaving RM whose book it moves */
    fromStaffId: text('from_staff_id').references(() => staff.staffId),
    status: assignmentBatchStatus('status').notNull(),
    /** a staff id, or `cli:<os user>` for the command line */
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    settingsVersion: integer('settings_version').notNull(),
    /** the solver's Objective */
    objective: jsonb('objective').notNull(),
    /** { customers, proposals, unassigned, pending, applied, rejected, stale } */
    counts: jsonb('counts').notNull(),
  },
  (t) => [index('assignment_batches_org_idx').on(t.orgId, t.createdAt)],
);

export const assignmentProposals = pgTable(
  'assignment_proposals',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => assignmentBatches.batchId),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    fromStaffId: text('from_staff_id').references(() => staff.staffId),
    toStaffId: text('to_staff_id')
      .notNull()
      .references(() => staff.staffId),
    /** the need (unmanaged, orphaned, wrong_role, idle) or `transfer` */
    reason: text('reason').notNull(),
    /** outlet, sub_branch or branch */
    locality: text('locality').notNull(),
    explanation: jsonb('explanation').notNull(),
    status: assignmentProposalStatus('status').notNull().default('pending'),
    /**
     * what the proposal was planned on, compared when it is approved or applied: the customer's
     * RM, tier, home org and state, the target RM's role, org and status, the role's cap
     */
    snapshot: jsonb('snapshot').notNull(),
    /** the customer's home org path, for subtree scope */
    homePath: text('home_path').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    rejectReason: text('reject_reason'),
    appliedAt: ts('applied_at'),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.customerId] }),
    index('assignment_proposals_to_idx').on(t.toStaffId),
    index('assignment_proposals_customer_idx').on(t.customerId),
  ],
);

export const assignmentUnassigned = pgTable(
  'assignment_unassigned',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => assignmentBatches.batchId),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.customerId),
    /** UNASSIGNED_REASONS (src/domain/assignment/types.ts) */
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.customerId] })],
);

/** Per org node: whether a plan waits for approval (no row: approval) or applies at once; inherited down the tree. */
export const assignmentPolicies = pgTable('assignment_policies', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgUnits.orgId),
  mode: assignmentPolicyMode('mode').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
