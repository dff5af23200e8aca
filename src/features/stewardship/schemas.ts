/** Request and response shapes of the coverage API (also the OpenAPI document). */
import { z } from 'zod';
import { BANDS, ORG_LEVELS, RELEASE_ACTIONS, STAFF_ROLES, STEWARDSHIP_STATES, TIERS } from '../../domain/enums.js';
import { idString } from '../../platform/http/schemas.js';

const money = z.string().describe('CNY, decimal with 2 decimals');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const rate = z.number().min(0).max(1).nullable().describe('a ratio in [0, 1]; null when its denominator is 0');
const count = z.number().int();
const orgRef = z.object({ orgId: z.string(), name: z.string(), level: z.enum(ORG_LEVELS) });

export const orgQuery = z.object({ orgId: idString.optional() });
export const coverageQuery = orgQuery.extend({ date: date.optional() });
export const staffParam = z.object({ staffId: idString });

/** The figures of one node (sums over the outlets under it) with the rates of coverageRates. */
export const figuresSchema = z.object({
  eligible: count.describe('customers at or above managedFromTier'),
  managed: count.describe('state managed'),
  idle: count,
  unmanaged: count,
  orphaned: count,
  wrongRole: count,
  release: count.describe('below managedFromTier, held by an RM'),
  overCapRms: count,
  coverageRate: rate.describe('(managed + idle) / eligible (有管户覆盖率)'),
  idleRate: rate.describe('idle / (managed + idle)'),
});

export const coverageSchema = z.object({
  org: orgRef,
  breadcrumb: z.array(orgRef),
  date,
  dates: z.array(date).describe('processed dates with figures, newest first'),
  totals: figuresSchema,
  children: z.array(orgRef.extend(figuresSchema.shape)),
  trend: z.array(z.object({ date, eligible: count, managed: count, idle: count, coverageRate: rate, idleRate: rate })),
});

export const overCapSchema = z.object({
  asOf: date.nullable(),
  items: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      role: z.enum(STAFF_ROLES),
      orgId: z.string(),
      orgName: z.string(),
      load: count.describe('open book: eligible + release customers'),
      cap: count,
      excess: count,
      idle: count,
    }),
  ),
});

export const releaseSchema = z.object({
  asOf: date.nullable(),
  items: z.array(
    z.object({
      customerId: z.string(),
      name: z.string().describe('masked'),
      tier: z.enum(TIERS),
      band: z.enum(BANDS).nullable(),
      monthAvgAum: money,
      rmId: z.string(),
      rmName: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      since: date.nullable(),
      lastValidContactOn: date.nullable(),
      action: z.enum(RELEASE_ACTIONS),
    }),
  ),
  total: count,
  page: count,
  pageSize: count,
});

export const bookSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  orgId: z.string(),
  orgName: z.string(),
  asOf: date.nullable(),
  load: count.describe('open book: eligible + release customers'),
  cap: count.nullable().describe('capacity of the role; null for a role that owns no book'),
  excess: count,
  states: z.object(
    Object.fromEntries(STEWARDSHIP_STATES.map((s) => [s, count])) as Record<
      (typeof STEWARDSHIP_STATES)[number],
      typeof count
    >,
  ),
});
