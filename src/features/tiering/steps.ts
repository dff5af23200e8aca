/**
 * The nightly steps of tiering (DOMAIN.md §2): AUM and 积数 for the day, the tier changes, the
 * month close on month ends, and the per-outlet tier counts. Later capabilities run after these
 * (stewardship after `tiers`).
 */
import { isMonthEnd } from '../../domain/dates.js';
import { defineStep } from '../../platform/jobs/batch-step.js';
import { buildAumDay } from './build-aum-day.js';
import { closeMonth } from './close-month.js';
import { recordTierChanges } from './record-tier-changes.js';
import { summariseOrgTiers } from './summarise-org-tiers.js';

export const tieringSteps = [
  defineStep({
    name: 'aum',
    description: 'daily AUM, 积数 and month-to-date average of every customer, with the day’s tier decision',
    run: (c) => buildAumDay(c.db, c.date, c.settings.value.tiers, { workers: c.workers }),
  }),
  defineStep({
    name: 'tiers',
    description: 'tier changes into tier_history and the current tier and band of customers',
    after: ['aum'],
    run: (c) => recordTierChanges(c.db, c.date),
  }),
  defineStep({
    name: 'monthly',
    description: 'month average and month-end AUM of every customer into customer_aum_monthly',
    after: ['aum'],
    when: isMonthEnd,
    whenLabel: 'month end',
    run: (c) => closeMonth(c.db, c.date),
  }),
  defineStep({
    name: 'org-tier',
    description: 'customers, AUM, near-threshold and moves per outlet and tier (dashboard trends)',
    after: ['tiers'],
    run: (c) => summariseOrgTiers(c.db, c.date),
  }),
];
