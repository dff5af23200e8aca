/**
 * Valid contact (有效联系) per DOMAIN.md §4: a connected phone or video call of at least
 * `validCallSeconds`, a face-to-face visit, or an event attended. Messages never count.
 *
 * The rule is data first (`CONTACT_VALIDITY`: what makes each channel valid), so the nightly
 * stewardship SQL is built from the same table instead of restating it
 * (src/features/stewardship/valid-contact-sql.ts; an integration test holds the two together).
 */
import type { ContactChannel } from './enums.js';
import type { Settings } from './settings.js';

export type { ContactChannel } from './enums.js';

export interface ContactFacts {
  channel: ContactChannel;
  durationSeconds: number | null;
  connected: boolean | null;
}

/**
 * What makes a contact on each channel valid:
 *  - `call`: connected and lasting at least `validCallSeconds`;
 *  - `always`: every one (a face-to-face visit);
 *  - `attended`: unless marked a no-show (the feed marks no-shows with connected = false);
 *  - `never`: messages count toward familiarity but are not valid contacts.
 */
export type ContactValidity = 'call' | 'always' | 'attended' | 'never';

export const CONTACT_VALIDITY: Readonly<Record<ContactChannel, ContactValidity>> = {
  phone: 'call',
  video: 'call',
  visit: 'always',
  event: 'attended',
  wechat: 'never',
  sms: 'never',
};

/** The channels whose contacts are valid by `validity`. */
export const channelsValidBy = (validity: ContactValidity): ContactChannel[] =>
  (Object.keys(CONTACT_VALIDITY) as ContactChannel[]).filter((c) => CONTACT_VALIDITY[c] === validity);

export function isValidContact(c: ContactFacts, s: Settings['contacts']): boolean {
  switch (CONTACT_VALIDITY[c.channel]) {
    case 'call':
      return c.connected === true && (c.durationSeconds ?? 0) >= s.validCallSeconds;
    case 'always':
      return true;
    case 'attended':
      return c.connected !== false;
    case 'never':
      return false;
  }
}
