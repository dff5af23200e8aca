/**
 * Bank configuration: every threshold, weight, cap and SLA from DOMAIN.md. Stored versioned in
 * the `settings` table; DEFAULT_SETTINGS_INPUT are the defaults a new bank starts with. Money in fen.
 *
 * Settings survive new fields: every section and every field has its default in
 * DEFAULT_SETTINGS_INPUT (the compiler insists, it is a complete SettingsInput), and
 * `settingsSchema` fills whatever a stored row lacks from it before validating. So a row written
 * by an older version, which knew fewer fields or sections, still parses; a new field needs only
 * its schema line and its default, never a data migration.
 */
import { z } from 'zod';

import { OWNER_ROLES, TIER_BASES, TIERS } from './enums.js';

// Re-exported for code written before src/domain/enums.ts held every enumeration; new code
// imports them from enums.ts.
export { OWNER_ROLES, STAFF_ROLES, TIERS, type StaffRole, type Tier } from './enums.js';

const fenString = z
  .string()
  .regex(/^\d+$/, 'an integer number of fen')
  .transform((s) => BigInt(s));

const pct = z.number().int().min(0).max(100);

/** The settings as they must be once complete (every field present). */
const completeSettings = z
  .object({
    tiers: z.object({
      /** floor of each tier in fen (monthly average daily AUM); mass is always 0 */
      floorsFen: z.object({
        mass: fenString,
        premium: fenString,
        affluent: fenString,
        wealth: fenString,
        private: fenString,
      }),
      /** near-threshold band: AUM in [bandLowPct%, 100%) of the next floor */
      bandLowPct: pct,
      /** downgrade only after this many consecutive month averages below the floor */
      downgradeMonths: z.number().int().min(1).max(12),
      basis: z.enum(TIER_BASES),
    }),
    stewardship: z.object({
      /** lowest tier that must have a primary RM */
      managedFromTier: z.enum(TIERS),
      rolesPerTier: z.object({
        mass: z.array(z.enum(OWNER_ROLES)),
        premium: z.array(z.enum(OWNER_ROLES)),
        affluent: z.array(z.enum(OWNER_ROLES)),
        wealth: z.array(z.enum(OWNER_ROLES)),
        private: z.array(z.enum(OWNER_ROLES)),
      }),
      capacity: z.object({
        rm: z.number().int().positive(),
        wealth_rm: z.number().int().positive(),
        private_advisor: z.number().int().positive(),
      }),
      idleDays: z.number().int().positive(),
      noContactDays: z.number().int().positive(),
    }),
    familiarity: z.object({
      weights: z.object({ contact: pct, products: pct, contribution: pct }),
      familiarAt: pct,
      acquaintedAt: pct,
      channelWeights: z.object({
        visit: z.number(),
        video: z.number(),
        phone: z.number(),
        event: z.number(),
        wechat: z.number(),
        sms: z.number(),
      }),
    }),
    contacts: z.object({
      validCallSeconds: z.number().int().nonnegative(),
      dailyValidCallTarget: z.number().int().nonnegative(),
    }),
    suitability: z.object({
      assessmentValidMonths: z.number().int().positive(),
      seniorAge: z.number().int().positive(),
    }),
    arrivals: z.object({
      whitelistFromTier: z.enum(TIERS),
      dedupeMinutes: z.number().int().positive(),
    }),
    opportunities: z.object({
      maturityDays: z.array(z.number().int().positive()),
      churnDropPct: pct,
    }),
    complaints: z.object({
      slaHours: z.object({
        normal: z.number().positive(),
        urgent: z.number().positive(),
        major: z.number().positive(),
      }),
      revisitDays: z.array(z.number().int().positive()),
      /**
       * The regulatory clock (2020 measures on consumer complaints): a decision within
       * `decision` days, extendable to `extended` with the reason recorded. Added after version 1.
       */
      regulatoryDays: z.object({ decision: z.number().int().positive(), extended: z.number().int().positive() }),
    }),
    echelons: z.object({
      /** achievement cut points in percent, descending: ≥120, 100–120, 80–100, 60–80, <60 */
      cutsPct: z.array(z.number().nonnegative()).length(4),
    }),
    /** What `guanhu import` accepts (the daily file contract's configurable limits). Added after version 1. */
    imports: z.object({
      /**
       * the largest single balance or amount a file row may hold, in fen; a larger one is a
       * rejected row. At most 10^16 fen, so a customer's day AUM of many positions stays far
       * from the bigint limit of the batch's sums.
       */
      positionCeilingFen: fenString.refine((v) => v > 0n && v <= 10n ** 16n, 'between 1 fen and 10^16 fen'),
      /**
       * A holdings file is the whole day: one much smaller than the latest earlier day is refused
       * (unless the operator passes --accept-shrink). Refused when it holds fewer than
       * `minCustomersPct`% of that day's customers, or when more than `maxRejectedPct`% of its rows
       * and at least `minRejectedRows` rows are rejected.
       */
      shrink: z.object({
        minCustomersPct: pct,
        maxRejectedPct: z.number().min(0).max(100),
        minRejectedRows: z.number().int().nonnegative(),
      }),
    }),
  })
  .superRefine((s, ctx) => {
    const f = s.tiers.floorsFen;
    const order = [f.mass, f.premium, f.affluent, f.wealth, f.private];
    if (f.mass !== 0n)
      ctx.addIssue({ code: 'custom', path: ['tiers', 'floorsFen', 'mass'], message: 'mass floor must be 0' });
    for (let i = 1; i < order.length; i++) {
      if (order[i]! <= order[i - 1]!)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', 'floorsFen', TIERS[i]!],
          message: 'floors must be strictly increasing',
        });
    }
    const w = s.familiarity.weights;
    if (w.contact + w.products + w.contribution !== 100)
      ctx.addIssue({ code: 'custom', path: ['familiarity', 'weights'], message: 'weights must add up to 100' });
  });

export type Settings = z.output<typeof completeSettings>;
/** Settings as stored (JSON: amounts in fen as decimal strings), complete. */
export type SettingsInput = z.input<typeof completeSettings>;

const yuan = (n: number) => String(n * 100);

export const DEFAULT_SETTINGS_INPUT: SettingsInput = {
  tiers: {
    floorsFen: {
      mass: '0',
      premium: yuan(50_000),
      affluent: yuan(200_000),
      wealth: yuan(1_000_000),
      private: yuan(8_000_000),
    },
    bandLowPct: 80,
    downgradeMonths: 3,
    basis: 'month_avg',
  },
  stewardship: {
    managedFromTier: 'premium',
    rolesPerTier: {
      mass: [],
      premium: ['rm', 'wealth_rm'],
      affluent: ['rm', 'wealth_rm'],
      wealth: ['wealth_rm', 'private_advisor'],
      private: ['private_advisor'],
    },
    capacity: { rm: 400, wealth_rm: 250, private_advisor: 100 },
    idleDays: 90,
    noContactDays: 90,
  },
  familiarity: {
    weights: { contact: 40, products: 30, contribution: 30 },
    familiarAt: 70,
    acquaintedAt: 40,
    channelWeights: { visit: 3, video: 2, phone: 2, event: 2, wechat: 1, sms: 0.5 },
  },
  contacts: { validCallSeconds: 30, dailyValidCallTarget: 20 },
  suitability: { assessmentValidMonths: 12, seniorAge: 65 },
  arrivals: { whitelistFromTier: 'premium', dedupeMinutes: 30 },
  opportunities: { maturityDays: [7, 15, 30], churnDropPct: 30 },
  complaints: {
    slaHours: { normal: 72, urgent: 24, major: 6 },
    revisitDays: [3, 7, 30],
    regulatoryDays: { decision: 15, extended: 30 },
  },
  echelons: { cutsPct: [120, 100, 80, 60] },
  imports: {
    positionCeilingFen: yuan(1_000_000_000_000),
    shrink: { minCustomersPct: 50, maxRejectedPct: 2, minRejectedRows: 100 },
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `stored` with every field and section it lacks taken from `defaults`, recursively through
 * objects. Arrays and values present in `stored` are kept whole (a stored list is the bank's
 * choice, not something to merge); keys the defaults no longer know are left for the schema to
 * drop.
 */
export function withDefaults(stored: unknown, defaults: unknown): unknown {
  if (stored === undefined) return defaults;
  if (!isRecord(stored) || !isRecord(defaults)) return stored;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, d] of Object.entries(defaults)) out[key] = withDefaults(stored[key], d);
  return out;
}

/**
 * Parses stored settings of any version: missing fields and sections take their defaults, then
 * the whole is validated (floors increasing, weights adding to 100 …).
 */
export const settingsSchema = z.preprocess((v) => withDefaults(v, DEFAULT_SETTINGS_INPUT), completeSettings);

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse(DEFAULT_SETTINGS_INPUT);

/** Serialise settings for storage (bigint → string), the inverse of settingsSchema.parse. */
export function settingsToJson(s: Settings): SettingsInput {
  const f = s.tiers.floorsFen;
  return {
    ...s,
    tiers: {
      ...s.tiers,
      floorsFen: {
        mass: f.mass.toString(),
        premium: f.premium.toString(),
        affluent: f.affluent.toString(),
        wealth: f.wealth.toString(),
        private: f.private.toString(),
      },
    },
    imports: { ...s.imports, positionCeilingFen: s.imports.positionCeilingFen.toString() },
  };
}
