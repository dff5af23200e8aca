/**
 * The typed event map: every client event of every feature module, read from the module list the
 * composition root hands over (the platform never imports a feature), and the inbox item schema
 * derived from it — one object per event type, discriminated by `type`, so the OpenAPI document
 * shows each payload.
 */
import { z } from 'zod';
import type { ClientEventSchemas, FeatureModule } from '../module.js';

export type EventSchema = ClientEventSchemas[string];
/** event type → payload schema, in module order */
export type EventMap = ReadonlyMap<string, EventSchema>;

const EVENT_TYPE = /^([a-z][a-z0-9-]*)\.[a-z][a-zA-Z0-9_]*$/;

/** Merges the modules' `events`; throws on a type not named `<module>.<event>` or declared twice. */
export function clientEvents(modules: readonly Pick<FeatureModule, 'name' | 'events'>[]): EventMap {
  const map = new Map<string, EventSchema>();
  for (const m of modules) {
    for (const [type, schema] of Object.entries(m.events ?? {})) {
      const prefix = EVENT_TYPE.exec(type)?.[1];
      if (prefix !== m.name)
        throw new Error(
          `module ${m.name}: client event "${type}" must be named "${m.name}.<event>" (letters, digits, _)`,
        );
      if (map.has(type)) throw new Error(`client event "${type}" is declared by two modules named ${m.name}`);
      map.set(type, schema);
    }
  }
  return map;
}

/** The recipient's own increasing id of a notification (notifications.seq). */
export const notificationId = z.number().int().positive().describe('increasing per recipient; resume after it');

const itemBase = {
  id: notificationId,
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable().describe('when the recipient marked it read'),
  acknowledgedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe('when a connected client of the recipient confirmed receipt'),
};

/** One inbox entry: `{ id, type, payload, createdAt, readAt, acknowledgedAt }`, payload typed by `type`. */
export function notificationItemSchema(events: EventMap): z.ZodType<NotificationItem> {
  const options = [...events].map(([type, payload]) => z.object({ ...itemBase, type: z.literal(type), payload }));
  if (options.length === 0) return z.never();
  const [first, ...rest] = options as [(typeof options)[number], ...typeof options];
  return z.discriminatedUnion('type', [first, ...rest]) as z.ZodType<NotificationItem>;
}

export interface NotificationItem {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
}
