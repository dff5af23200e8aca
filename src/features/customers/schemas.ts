/** Response shapes of the customers API (also the OpenAPI document). */
import { z } from 'zod';
import {
  ASSET_CLASSES,
  BANDS,
  CONTACT_CHANNELS,
  CONTACT_TOPICS,
  GENDERS,
  PRODUCT_CATEGORIES,
  RISK_LEVELS,
  RISK_RATINGS,
  STAFF_ROLES,
  TIER_CHANGES,
  TIERS,
} from '../../domain/enums.js';

export { errorSchema } from '../../platform/http/schemas.js';

const money = z.string().describe('CNY, decimal with 2 decimals');
const tier = z.enum(TIERS);
const band = z.enum(BANDS).describe('the tier the customer is near (80–100% of its floor)');
const assetClass = z.enum(ASSET_CLASSES);
const date = z.string().describe('YYYY-MM-DD');

export const customerRowSchema = z.object({
  customerId: z.string(),
  name: z.string().describe('masked'),
  tier,
  band: band.nullable(),
  aum: money,
  monthAvgAum: money,
  rmId: z.string().nullable(),
  rmName: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
});

export const customer360Schema = z.object({
  customerId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable().describe('masked to its last 4 characters'),
  masked: z.boolean(),
  canReveal: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: date.nullable().describe('only for a viewer who may reveal (the owning RM); others get null and the age'),
  age: z.number().int().nullable(),
  senior: z.boolean(),
  orgId: z.string(),
  orgName: z.string(),
  openDate: date.nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  riskAssessedOn: date.nullable(),
  riskExpired: z.boolean(),
  tags: z.array(z.string()),
  tier,
  band: band.nullable(),
  aum: money,
  monthAvgAum: money,
  aumAsOf: date.nullable(),
  tierSince: date.nullable(),
  holdingsByClass: z
    .array(z.object({ assetClass, amount: money, sharePct: z.number() }))
    .describe('every asset class, in ASSET_CLASSES order'),
  holdings: z.array(
    z.object({
      accountId: z.string(),
      productId: z.string(),
      productName: z.string(),
      category: z.enum(PRODUCT_CATEGORIES),
      assetClass,
      riskRating: z.enum(RISK_RATINGS),
      balance: money,
      maturityDate: date.nullable(),
    }),
  ),
  aumHistory: z
    .array(z.object({ month: date, avgAum: money, endAum: money }))
    .describe('closed months from the opening month, then the month so far (average to date, latest AUM)'),
  rm: z
    .object({
      staffId: z.string(),
      name: z.string(),
      role: z.enum(STAFF_ROLES),
      orgId: z.string(),
      orgName: z.string(),
      since: date,
    })
    .nullable(),
  rmHistory: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      startedOn: date,
      endedOn: date.nullable(),
      endReason: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      contactId: z.string(),
      staffId: z.string(),
      staffName: z.string(),
      channel: z.enum(CONTACT_CHANNELS),
      startedAt: z.string(),
      durationSeconds: z.number().int().nullable(),
      connected: z.boolean().nullable(),
      outcome: z.string().nullable(),
      topics: z.array(z.string()).describe(`what the contact covered: ${CONTACT_TOPICS.join(', ')} or other words`),
      valid: z.boolean(),
    }),
  ),
  tierHistory: z.array(
    z.object({
      changedOn: date,
      fromTier: tier.nullable(),
      toTier: tier,
      reason: z.string().describe(`${TIER_CHANGES.join(', ')} from the nightly batch, or another recorded reason`),
    }),
  ),
});

export const customerSummarySchema = z.object({
  asOf: date.nullable().describe('business date of the figures (system_state aum_as_of); null before any AUM'),
  customers: z.number().int(),
  aum: money,
  tiers: z.array(z.object({ tier, customers: z.number().int(), aum: money })).describe('every tier, mass … private'),
  bands: z.array(z.object({ band, customers: z.number().int() })).describe('every band, premium … private'),
  eligible: z.number().int(),
  managed: z.number().int(),
  unmanaged: z.number().int(),
});
