/** Request and response shapes of the tiers API (also the OpenAPI document). */
import { z } from 'zod';
import { TIERS } from '../../domain/settings.js';
import { parseYuan } from '../../domain/money.js';
import { BANDS } from './tier-settings.js';

const money = z.string().describe('CNY, decimal with 2 decimals');
const tier = z.enum(TIERS);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const level = z.enum(['head_office', 'branch', 'sub_branch', 'outlet']);
const orgRef = z.object({ orgId: z.string(), name: z.string(), level });
const perTier = z.object({
  mass: z.number().int(),
  premium: z.number().int(),
  affluent: z.number().int(),
  wealth: z.number().int(),
  private: z.number().int(),
});
const moves = z.object({ upgrades: z.number().int(), downgrades: z.number().int() });

export const bandParam = z.enum(BANDS).describe('the tier the customers are near: premium 40–50k, affluent 160–200k …');
export { idString as orgIdParam } from '../../platform/http/schemas.js';
export const dateParam = date;

export const dashboardSchema = z.object({
  org: orgRef,
  breadcrumb: z.array(orgRef),
  date,
  source: z.enum(['daily', 'live']).describe('daily: org_tier_daily; live: computed from current customer state'),
  dates: z.array(date).describe('business dates with figures, newest first'),
  totals: z.object({ customers: z.number().int(), aum: money, nearThreshold: z.number().int() }),
  moves: z.object({ day: moves, month: moves }),
  tiers: z.array(
    z.object({
      tier,
      customers: z.number().int(),
      aum: money,
      nearThreshold: z.number().int().describe('customers of this tier in the band of the next tier'),
      nearBand: tier.nullable(),
      upgradesDay: z.number().int(),
      downgradesDay: z.number().int(),
      upgradesMonth: z.number().int(),
      downgradesMonth: z.number().int(),
    }),
  ),
  trend: z.array(z.object({ date, customers: perTier })),
  children: z.array(
    orgRef.extend({ customers: z.number().int(), aum: money, nearThreshold: z.number().int(), tiers: perTier }),
  ),
});

export const nearThresholdSchema = z.object({
  band: bandParam,
  floor: money,
  asOf: date.nullable(),
  items: z.array(
    z.object({
      customerId: z.string(),
      name: z.string().describe('masked'),
      tier,
      monthAvgAum: money,
      floor: money,
      gap: money.describe('floor − month average'),
      rmId: z.string().nullable(),
      rmName: z.string().nullable(),
      orgId: z.string(),
      orgName: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const yuanInput = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, 'a positive amount in yuan, at most 2 decimals');

export const tierSettingsSchema = z.object({
  version: z.number().int(),
  floors: z.object({ premium: money, affluent: money, wealth: money, private: money }),
  bandLowPct: z.number().int(),
  downgradeMonths: z.number().int(),
  basis: z.enum(['month_avg', 'period_end']),
});

export const tierSettingsBody = z
  .object({
    floors: z.object({ premium: yuanInput, affluent: yuanInput, wealth: yuanInput, private: yuanInput }),
    bandLowPct: z.number().int().min(0).max(100),
    downgradeMonths: z.number().int().min(1).max(12),
    basis: z.enum(['month_avg', 'period_end']),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((b, ctx) => {
    let prev = 0n;
    for (const band of BANDS) {
      const v = parseYuan(b.floors[band]);
      if (v <= prev)
        ctx.addIssue({
          code: 'custom',
          path: ['floors', band],
          message: prev === 0n ? 'must be positive' : 'floors must be strictly increasing',
        });
      prev = v > prev ? v : prev;
    }
  });
