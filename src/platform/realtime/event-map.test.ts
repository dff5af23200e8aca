import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientEvents, notificationItemSchema } from './event-map.js';

const payload = z.object({ title: z.string() });

describe('clientEvents', () => {
  it('merges every module’s events in module order', () => {
    const map = clientEvents([
      { name: 'health' },
      { name: 'notifications', events: { 'notifications.notice': payload } },
      { name: 'stewardship', events: { 'stewardship.reassigned': payload, 'stewardship.handover_due': payload } },
    ]);
    expect([...map.keys()]).toEqual(['notifications.notice', 'stewardship.reassigned', 'stewardship.handover_due']);
  });

  it.each(['notice', 'other.notice', 'notifications.', 'notifications.Notice', 'notifications.a.b'])(
    'refuses a type not named <module>.<event>: %s',
    (type) => {
      expect(() => clientEvents([{ name: 'notifications', events: { [type]: payload } }])).toThrow(/must be named/);
    },
  );

  it('refuses two modules declaring the same type', () => {
    const m = { name: 'notifications', events: { 'notifications.notice': payload } };
    expect(() => clientEvents([m, m])).toThrow(/declared by two modules/);
  });
});

describe('notificationItemSchema', () => {
  const schema = notificationItemSchema(
    clientEvents([
      { name: 'a', events: { 'a.one': payload } },
      { name: 'b', events: { 'b.two': z.object({ n: z.number() }) } },
    ]),
  );
  const base = { id: 3, createdAt: '2026-11-21T01:00:00.000Z', readAt: null, acknowledgedAt: null };

  it('types the payload by the event type', () => {
    expect(schema.safeParse({ ...base, type: 'a.one', payload: { title: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ ...base, type: 'b.two', payload: { n: 1 } }).success).toBe(true);
    expect(schema.safeParse({ ...base, type: 'a.one', payload: { n: 1 } }).success).toBe(false);
    expect(schema.safeParse({ ...base, type: 'c.three', payload: {} }).success).toBe(false);
    expect(schema.safeParse({ ...base, id: 0, type: 'a.one', payload: { title: 'x' } }).success).toBe(false);
  });

  it('accepts nothing when no module declares an event', () => {
    expect(notificationItemSchema(new Map()).safeParse({ ...base, type: 'a.one', payload: {} }).success).toBe(false);
  });
});
