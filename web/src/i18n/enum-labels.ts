/**
 * Where each enumeration of src/domain/enums.ts has its UI labels: the i18n section keyed by the
 * enum's values. A list added to enums.ts without an entry here, or a value without its label in
 * the section named (zh-CN.ts, and so en.ts, which has the same shape), fails the typecheck.
 */
import type * as enums from '../../../src/domain/enums';
import type { Resources } from './zh-CN';

type EnumLists = {
  [K in keyof typeof enums as (typeof enums)[K] extends readonly string[] ? K : never]: (typeof enums)[K];
};
export type EnumListName = keyof EnumLists;

type At<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;

export const ENUM_LABELS = {
  TIERS: 'tier',
  BANDS: 'near.tab',
  TIER_CHANGES: 'reason',
  TIER_BASES: 'tierSettings.basisOpt',
  GENDERS: 'gender',
  ORG_LEVELS: 'level',
  STAFF_ROLES: 'role',
  OWNER_ROLES: 'role',
  STEWARDSHIP_STATES: 'stewardshipState',
  RELEASE_ACTIONS: 'releaseAction',
  RELATIONSHIP_END_REASONS: 'endReason',
  ASSIGNMENT_BATCH_KINDS: 'assignBatchKind',
  ASSIGNMENT_BATCH_STATUSES: 'assignBatchStatus',
  ASSIGNMENT_PROPOSAL_STATUSES: 'assignProposalStatus',
  ASSIGNMENT_POLICY_MODES: 'assignPolicyMode',
  STAFF_STATUSES: 'staffStatus',
  PRODUCT_CATEGORIES: 'category',
  ASSET_CLASSES: 'assetClass',
  RISK_RATINGS: 'riskRating',
  RISK_LEVELS: 'riskLevel',
  TXN_DIRECTIONS: 'txnDirection',
  TXN_CHANNELS: 'txnChannel',
  CONTACT_CHANNELS: 'channel',
  CONTACT_TOPICS: 'topic',
  COMPLAINT_SEVERITIES: 'severity',
  IMPORT_KINDS: 'importKind',
  IMPORT_STATUSES: 'imports.status',
  RUN_STATUSES: 'imports.status',
  AUDIT_ACTIONS: 'audit',
  ERROR_CODES: 'errors',
} as const satisfies Record<EnumListName, string>;

/** Every enum value has a string label in the section ENUM_LABELS names for it. */
type Labelled = {
  [K in EnumListName]: At<Resources, (typeof ENUM_LABELS)[K]> extends Record<EnumLists[K][number], string>
    ? true
    : ['missing labels', K, Exclude<EnumLists[K][number], keyof At<Resources, (typeof ENUM_LABELS)[K]>>];
};
export const enumsLabelled: { [K in EnumListName]: true } = null as unknown as Labelled;
