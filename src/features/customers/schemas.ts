/** Response shapes of the customers API (also the OpenAPI document). */
import { z } from 'zod';
import { TIERS, STAFF_ROLES } from '../../domain/settings.js';

export { errorSchema } from '../../platform/http/schemas.js';

const money = z.string().describe('CNY, decimal with 2 decimals');
const tier = z.enum(TIERS);
const date = z.string().describe('YYYY-MM-DD');

export const customerRowSchema = z.object({
  customerId: z.string(),
  name: z.string().describe('masked'),
  tier,
  band: tier.nullable(),
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
  idNumber: z.string().nullable(),
  masked: z.boolean(),
  canReveal: z.boolean(),
  gender: z.enum(['m', 'f']).nullable(),
  birthDate: date.nullable(),
  age: z.number().int().nullable(),
  senior: z.boolean(),
  orgId: z.string(),
  orgName: z.string(),
  openDate: date.nullable(),
  riskLevel: z.enum(['C1', 'C2', 'C3', 'C4', 'C5']).nullable(),
  riskAssessedOn: date.nullable(),
  riskExpired: z.boolean(),
  tags: z.array(z.string()),
  tier,
  band: tier.nullable(),
  aum: money,
  monthAvgAum: money,
  aumAsOf: date.nullable(),
  tierSince: date.nullable(),
  holdingsByClass: z.array(z.object({ assetClass: z.string(), amount: money, sharePct: z.number() })),
  holdings: z.array(
    z.object({
      accountId: z.string(),
      productId: z.string(),
      productName: z.string(),
      category: z.string(),
      assetClass: z.string(),
      riskRating: z.string(),
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
      channel: z.enum(['phone', 'visit', 'wechat', 'sms', 'video', 'event']),
      startedAt: z.string(),
      durationSeconds: z.number().int().nullable(),
      connected: z.boolean().nullable(),
      outcome: z.string().nullable(),
      topics: z.array(z.string()),
      valid: z.boolean(),
    }),
  ),
  tierHistory: z.array(z.object({ changedOn: date, fromTier: tier.nullable(), toTier: tier, reason: z.string() })),
});

export const customerSummarySchema = z.object({
  asOf: date.nullable().describe('business date of the figures (system_state aum_as_of); null before any AUM'),
  customers: z.number().int(),
  aum: money,
  tiers: z.array(z.object({ tier, customers: z.number().int(), aum: money })),
  bands: z.array(z.object({ band: tier, customers: z.number().int() })),
  eligible: z.number().int(),
  managed: z.number().int(),
  unmanaged: z.number().int(),
});
