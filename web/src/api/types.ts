/**
 * The names the web uses for the server API's shapes. Every shape is an alias of the types
 * GENERATED from the server's OpenAPI document (./schema.d.ts, `npm run gen:api`), so a change to
 * a route's zod schema reaches the web as a type change; the enumerations are the server's own
 * lists from src/domain/enums.ts (pure data, bundled as they are), never retyped here.
 */
import type { paths } from './schema';

export {
  ASSET_CLASSES,
  BANDS,
  CONTACT_CHANNELS,
  CONTACT_TOPICS,
  ORG_LEVELS,
  TIER_BASES,
  TIERS,
  STAFF_ROLES as ROLES,
} from '../../../src/domain/enums';
export type {
  AssetClass,
  Band,
  ContactChannel as Channel,
  ContactTopic,
  OrgLevel,
  StaffRole as Role,
  Tier,
  TierBasis,
} from '../../../src/domain/enums';
import { OWNER_ROLES, type StaffRole } from '../../../src/domain/enums';
import { ownsBook } from '../../../src/domain/roles';

/** Roles that own a book of customers (管户). */
export const RM_ROLES: readonly StaffRole[] = OWNER_ROLES;
export const isRmRole = (role: StaffRole | undefined): boolean => ownsBook(role);

// ── lookups into the generated document ────────────────────────────────────────────────────────

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a route answers with on `status` (default 200). */
export type ApiResponse<P extends keyof paths, M extends Method = 'get', S extends number = 200> =
  Operation<P, M> extends { responses: Record<S, { content: { 'application/json': infer B } }> } ? B : never;

/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters a route takes (as sent: strings and numbers before the server coerces them). */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// ── the shapes ─────────────────────────────────────────────────────────────────────────────────

/** Decimal yuan with 2 decimals, e.g. "123456.78". Never do arithmetic on it as a float. */
export type Money = string;

/** The JSON body of every error response. */
export type ApiErrorBody = ApiResponse<'/api/me', 'get', 401>;

export type Me = ApiResponse<'/api/me'>;

export type CustomerPage = ApiResponse<'/api/customers'>;
export type CustomerRow = CustomerPage['items'][number];
export type CustomerQuery = ApiQuery<'/api/customers'>;

/** Book / org summary for the caller's scope (optionally narrowed to an org node or RM). */
export type CustomerSummary = ApiResponse<'/api/customers/summary'>;

export type Customer360 = ApiResponse<'/api/customers/{customerId}'>;
export type Holding = Customer360['holdings'][number];
export type Contact = Customer360['contacts'][number];
export type RevealResult = ApiResponse<'/api/customers/{customerId}/reveal', 'post'>;

export type OrgNode = ApiResponse<'/api/org/tree'>['nodes'][number];
export type StaffItem = ApiResponse<'/api/staff'>['items'][number];
