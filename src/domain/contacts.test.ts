import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from './enums.js';
import { channelsValidBy, isValidContact } from './contacts.js';
import { DEFAULT_SETTINGS } from './settings.js';

const s = DEFAULT_SETTINGS.contacts;

describe('valid contact', () => {
  it.each([
    [{ channel: 'phone', durationSeconds: 30, connected: true }, true],
    [{ channel: 'phone', durationSeconds: 29, connected: true }, false],
    [{ channel: 'phone', durationSeconds: 300, connected: false }, false],
    [{ channel: 'video', durationSeconds: 45, connected: true }, true],
    [{ channel: 'visit', durationSeconds: null, connected: null }, true],
    [{ channel: 'event', durationSeconds: null, connected: null }, true],
    [{ channel: 'event', durationSeconds: null, connected: false }, false],
    [{ channel: 'wechat', durationSeconds: 600, connected: true }, false],
    [{ channel: 'sms', durationSeconds: null, connected: null }, false],
  ] as const)('%o → %s', (c, valid) => expect(isValidContact(c, s)).toBe(valid));

  it('follows the configured call threshold', () => {
    expect(
      isValidContact({ channel: 'phone', durationSeconds: 20, connected: true }, { ...s, validCallSeconds: 15 }),
    ).toBe(true);
  });
});

describe('the validity table', () => {
  it('gives every channel exactly one kind', () => {
    const kinds = (['call', 'always', 'attended', 'never'] as const).flatMap((k) => channelsValidBy(k));
    expect([...kinds].sort()).toEqual([...CONTACT_CHANNELS].sort());
    expect(channelsValidBy('never').sort()).toEqual(['sms', 'wechat']);
  });
});
