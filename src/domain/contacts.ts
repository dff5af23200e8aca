/**
 * Valid contact (有效联系) per DOMAIN.md §4: a connected phone or video call of at least
 * `validCallSeconds`, a face-to-face visit, or an event attended. Messages never count.
 */
import type { ContactChannel } from './enums.js';
import type { Settings } from './settings.js';

export type { ContactChannel } from './enums.js';

export interface ContactFacts {
  channel: ContactChannel;
  durationSeconds: number | null;
  connected: boolean | null;
}

export function isValidContact(c: ContactFacts, s: Settings['contacts']): boolean {
  switch (c.channel) {
    case 'phone':
    case 'video':
      return c.connected === true && (c.durationSeconds ?? 0) >= s.validCallSeconds;
    case 'visit':
      return true;
    case 'event':
      // An event counts when attended; the feed marks no-shows with connected = 0.
      return c.connected !== false;
    case 'wechat':
    case 'sms':
      return false;
  }
}
