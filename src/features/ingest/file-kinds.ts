/**
 * The daily file contract (docs/data-format.md) as data: per kind, its columns with their rules,
 * its key (for duplicate detection) and the PostgreSQL enum type each enumerated column is cast
 * to. Validation SQL (validate-sql.ts) and the merges read this, so a rule lives in one place.
 */
import {
  assetClass,
  complaintSeverity,
  contactChannel,
  gender,
  importKind,
  orgLevel,
  productCategory,
  riskLevel,
  riskRating,
  staffRole,
  staffStatus,
  txnChannel,
  txnDirection,
} from '../../platform/db/schema.js';
import { ID_MAX, NAME_MAX, TEXT_MAX } from './value-rules.js';
export const KINDS = importKind.enumValues;
export type Kind = (typeof KINDS)[number];

export type ColType =
  | { t: 'text' }
  | { t: 'enum'; values: readonly string[]; pgType: string }
  | { t: 'date' }
  | { t: 'timestamp' }
  | { t: 'money'; sign: 'nonneg' | 'positive' }
  | { t: 'int'; min: number; zeroIsNull?: boolean }
  | { t: 'bool' }
  | { t: 'list' };

/** What a value must exist in: a table of the database (merged earlier files included). */
export type Ref = 'customer' | 'product' | 'staff' | 'org' | 'outlet';

export interface ColSpec {
  name: string;
  /** the column must be in the header (a missing one fails the file) */
  required: boolean;
  /** the value must not be empty (required columns are, except org.parent_id) */
  notEmpty: boolean;
  type: ColType;
  ref?: Ref;
  /**
   * the longest value in characters (contract: ids 64, names 200, other text 2,000), checked
   * before anything sorts or indexes it: a 10 MiB id once failed the whole file's merge
   */
  maxLength?: number;
  /** an id: one holding an invisible character (zero-width, format, control) is rejected */
  id?: boolean;
}

/** Text limits by the contract's kind of value: `*_id` columns are ids, `name` a name, the rest free text. */
function limits(name: string, type: ColType): Pick<ColSpec, 'maxLength' | 'id'> {
  if (type.t !== 'text' && type.t !== 'list') return {};
  if (name.endsWith('_id')) return { maxLength: ID_MAX, id: true };
  return { maxLength: name === 'name' ? NAME_MAX : TEXT_MAX };
}

export interface KindSpec {
  kind: Kind;
  columns: ColSpec[];
  /** duplicate rows of a file are rows with the same key */
  key: string[];
}

const text: ColType = { t: 'text' };
/** An enumerated column: the values and the SQL type come from the schema's pgEnum, never retyped. */
const en = (e: { enumName: string; enumValues: readonly string[] }): ColType => ({
  t: 'enum',
  values: [...e.enumValues],
  pgType: e.enumName,
});
const req = (name: string, type: ColType = text, ref?: Ref): ColSpec => ({
  name,
  required: true,
  notEmpty: true,
  type,
  ref,
  ...limits(name, type),
});
const opt = (name: string, type: ColType = text, ref?: Ref): ColSpec => ({
  name,
  required: false,
  notEmpty: false,
  type,
  ref,
  ...limits(name, type),
});
const date: ColType = { t: 'date' };
const ts: ColType = { t: 'timestamp' };

export const SPECS: Record<Kind, KindSpec> = {
  org: {
    kind: 'org',
    key: ['org_id'],
    columns: [
      req('org_id'),
      // required column, empty for the root; the parent may come later in the same file
      { name: 'parent_id', required: true, notEmpty: false, type: text, ...limits('parent_id', text) },
      req('level', en(orgLevel)),
      req('name'),
    ],
  },
  staff: {
    kind: 'staff',
    key: ['staff_id'],
    columns: [
      req('staff_id'),
      req('org_id', text, 'org'),
      req('name'),
      req('role', en(staffRole)),
      req('status', en(staffStatus)),
      opt('phone'),
    ],
  },
  products: {
    kind: 'products',
    key: ['product_id'],
    columns: [
      req('product_id'),
      req('name'),
      req('category', en(productCategory)),
      req('asset_class', en(assetClass)),
      req('risk_rating', en(riskRating)),
      opt('min_purchase', { t: 'money', sign: 'nonneg' }),
      opt('term_days', { t: 'int', min: 0, zeroIsNull: true }),
      opt('is_key', { t: 'bool' }),
    ],
  },
  customers: {
    kind: 'customers',
    key: ['customer_id'],
    columns: [
      req('customer_id'),
      req('name'),
      opt('id_number'),
      opt('phone'),
      opt('birth_date', date),
      opt('gender', en(gender)),
      req('home_org_id', text, 'outlet'),
      opt('open_date', date),
      opt('risk_level', en(riskLevel)),
      opt('risk_assessed_on', date),
      opt('tags', { t: 'list' }),
    ],
  },
  relationships: {
    kind: 'relationships',
    key: ['customer_id'],
    columns: [req('customer_id', text, 'customer'), req('staff_id', text, 'staff'), req('since', date)],
  },
  holdings: {
    kind: 'holdings',
    key: ['account_id', 'product_id'],
    columns: [
      req('as_of_date', date),
      req('customer_id', text, 'customer'),
      req('account_id'),
      req('product_id', text, 'product'),
      req('balance', { t: 'money', sign: 'nonneg' }),
      opt('maturity_date', date),
    ],
  },
  transactions: {
    kind: 'transactions',
    key: ['txn_id'],
    columns: [
      req('txn_id'),
      req('customer_id', text, 'customer'),
      req('txn_time', ts),
      req('direction', en(txnDirection)),
      req('amount', { t: 'money', sign: 'positive' }),
      opt('channel', en(txnChannel)),
      opt('product_id', text, 'product'),
    ],
  },
  contacts: {
    kind: 'contacts',
    key: ['contact_id'],
    columns: [
      req('contact_id'),
      req('staff_id', text, 'staff'),
      req('customer_id', text, 'customer'),
      req('channel', en(contactChannel)),
      req('started_at', ts),
      opt('duration_seconds', { t: 'int', min: 0 }),
      opt('connected', { t: 'bool' }),
      opt('outcome'),
      opt('topics', { t: 'list' }),
    ],
  },
  complaints: {
    kind: 'complaints',
    key: ['complaint_id'],
    columns: [
      req('complaint_id'),
      req('customer_id', text, 'customer'),
      req('received_at', ts),
      req('severity', en(complaintSeverity)),
      req('category'),
      opt('summary'),
      opt('owner_staff_id', text, 'staff'),
    ],
  },
};
