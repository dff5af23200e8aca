/** Request and response shapes of the tiers API (also the OpenAPI document). */
import { z } from 'zod';
import { BANDS, ORG_LEVELS, TIER_BASES, TIERS, type Band, type Tier } from '../../domain/enums.js';
import { parseYuan } from '../../domain/money.js';

const money = z.string().describe('CNY, decimal with 2 decimals');
const tier = z.enum(TIERS);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const orgRef = z.object({ orgId: z.string(), name: z.string(), level: z.enum(ORG_LEVELS) });
/** An object with one `value` per tier (or band): keys from the domain list, all required. */
const keyed = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>);
const perTier = keyed<Tier, z.ZodNumber>(TIERS, z.number().int());
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
  floors: keyed<Band, typeof money>(BANDS, money),
  bandLowPct: z.number().int(),
  downgradeMonths: z.number().int(),
  basis: z.enum(TIER_BASES),
});

export const tierSettingsBody = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .describe('the version these settings were read at; refused with 409 when another has been saved since'),
    floors: keyed<Band, typeof yuanInput>(BANDS, yuanInput),
    bandLowPct: z.number().int().min(0).max(100),
    downgradeMonths: z.number().int().min(1).max(12),
    basis: z.enum(TIER_BASES),
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
