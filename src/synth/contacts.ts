/**
 * Contacts between staff and customers in 30-day blocks counted back from asOf, each block its
 * own stream, so the seeder (180 days) and the file generator (any window) agree on every
 * contact they both produce. About one relationship in eight is idle (挂而不管): in the last
 * 90 days its RM only sent messages, which are not valid contacts.
 */
import type { ContactChannel as Channel, ContactTopic, Tier } from '../domain/enums.js';
import type { Assignment } from './assign.js';
import type { Bank } from './bank.js';
import type { CustomerProfile } from './customer.js';
import { weekday } from './days.js';
import { Rng, TAG } from './prng.js';
import { OUTCOMES } from './texts.js';

export type { ContactChannel as Channel } from '../domain/enums.js';

export interface Contact {
  contactId: string;
  staff: number;
  day: number;
  second: number;
  channel: Channel;
  durationSeconds: number | null;
  connected: boolean | null;
  outcome: string;
  topics: ContactTopic[];
}

const CHANNELS: readonly Channel[] = ['phone', 'wechat', 'visit', 'sms', 'video', 'event'];
const CHANNEL_WEIGHTS = [50, 20, 10, 8, 6, 4];
const MESSAGE_WEIGHTS = [0, 70, 0, 30, 0, 0];
/** contacts per 30 days for a relationship of average diligence */
const RATE: Record<Tier, number> = { mass: 0.3, premium: 1.1, affluent: 1.7, wealth: 2.6, private: 4 };
export const BLOCK_DAYS = 30;
const IDLE_RATE = 0.12;

export const blockStart = (asOf: number, b: number) => asOf - BLOCK_DAYS * b - (BLOCK_DAYS - 1);

export function contactsFor(
  bank: Bank,
  c: CustomerProfile,
  tier: Tier,
  band: Tier | null,
  rel: Assignment | null,
  blocks: number,
): Contact[] {
  const out: Contact[] = [];
  const outlet = bank.staff.byOutlet[c.outlet]!;
  const lobbyCase = !rel && (tier !== 'mass' || band !== null) && outlet.lobby.length > 0;
  if (!rel && !lobbyCase) return out;
  const idle =
    rel !== null && bank.asOf - rel.startDay > 90 && new Rng(bank.seed, TAG.contacts, c.index, 1000).chance(IDLE_RATE);
  const diligence = rel ? bank.staff.members[rel.staff]!.diligence : 1;
  const from = Math.max(c.openDay, rel ? rel.startDay : 0);
  for (let b = 0; b < blocks; b++) {
    const r = new Rng(bank.seed, TAG.contacts, c.index, b);
    const start = blockStart(bank.asOf, b);
    const messagesOnly = idle && b < 3;
    const mean = lobbyCase ? 0.15 : RATE[tier] * diligence * (messagesOnly ? 0.4 : 1);
    const n = Math.min(99, r.poisson(mean));
    for (let seq = 0; seq < n; seq++) {
      const day = start + r.int(0, BLOCK_DAYS - 1);
      const wd = weekday(day);
      const skip = day < from || ((wd === 0 || wd === 6) && r.chance(0.6));
      const channel = CHANNELS[r.weighted(messagesOnly ? MESSAGE_WEIGHTS : CHANNEL_WEIGHTS)]!;
      const contact = details(r, channel, day - (rel?.startDay ?? day) < 30);
      if (skip) continue;
      const staff = rel ? rel.staff : outlet.lobby[r.int(0, outlet.lobby.length - 1)]!;
      const id = `K${String(c.index + 1).padStart(8, '0')}${String(b).padStart(2, '0')}${String(seq).padStart(2, '0')}`;
      out.push({ contactId: id, staff, day, second: r.int(9 * 3600, 19 * 3600 + 1800), channel, ...contact });
    }
  }
  return out;
}

function details(
  r: Rng,
  channel: Channel,
  isNew: boolean,
): Omit<Contact, 'contactId' | 'staff' | 'day' | 'second' | 'channel'> {
  const topics: ContactTopic[] = [];
  if (r.chance(isNew ? 0.8 : 0.08)) topics.push('intro');
  if (r.chance(0.25)) topics.push('maturity');
  if (r.chance(0.35)) topics.push('new_product');
  if ((channel === 'phone' || channel === 'visit') && r.chance(0.1)) topics.push('add_wechat');
  if (r.chance(0.15)) topics.push('appointment');
  if (!topics.length) topics.push('new_product');
  const about = r.pick(topics) as keyof typeof OUTCOMES;
  switch (channel) {
    case 'phone':
    case 'video': {
      if (!r.chance(channel === 'phone' ? 0.78 : 0.9))
        return { durationSeconds: 0, connected: false, outcome: r.pick(OUTCOMES.unreached), topics: [] };
      // about one connected call in ten is too short to count as a valid call
      if (r.chance(0.1))
        return { durationSeconds: r.int(5, 29), connected: true, outcome: r.pick(OUTCOMES.short), topics: [] };
      const median = channel === 'phone' ? 110 : 420;
      const durationSeconds = Math.min(3600, Math.max(30, Math.round(r.lognormal(median, 0.7))));
      return { durationSeconds, connected: true, outcome: r.pick(OUTCOMES[about]), topics };
    }
    case 'visit':
      return { durationSeconds: r.int(900, 3600), connected: null, outcome: r.pick(OUTCOMES.visit), topics };
    case 'event':
      // connected = false marks a no-show (see domain/contacts.ts)
      return { durationSeconds: r.int(3600, 9000), connected: r.chance(0.9), outcome: r.pick(OUTCOMES.event), topics };
    default:
      return { durationSeconds: null, connected: null, outcome: r.pick(OUTCOMES.message), topics };
  }
}
