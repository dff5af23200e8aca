/**
 * What travels over `GET /api/events` (JSON text frames). Server → client:
 *   { type: 'hello', lastId, unread, resumeFrom }  first, once: the recipient's latest id and
 *       unread count at connect, and the id delivery resumes after (the client's `after`, or
 *       lastId when it gave none or one beyond lastId)
 *   { type: 'notification', notification }        each notification after resumeFrom, in id
 *       order, exactly once per connection; then live ones as they commit
 *   { type: 'error', code, message }              a client message it could not accept
 * Client → server:
 *   { type: 'ack', id }   receipt of every notification up to id delivered on this connection
 * Close codes: 4401 the session ended (sign in again); 4008 the client fell too far behind
 * (reconnect with its last id); 1001 the server is stopping (reconnect with its last id).
 */
import { z } from 'zod';
import { notificationId, type NotificationItem } from './event-map.js';

export const CLOSE_SESSION_ENDED = 4401;
export const CLOSE_TOO_SLOW = 4008;
export const CLOSE_GOING_AWAY = 1001;

export const helloSchema = z.object({
  type: z.literal('hello'),
  lastId: z.number().int().min(0),
  unread: z.number().int().min(0),
  resumeFrom: z.number().int().min(0),
});

export const socketErrorSchema = z.object({ type: z.literal('error'), code: z.string(), message: z.string() });

export function serverMessageSchema(item: z.ZodType<NotificationItem>) {
  return z
    .discriminatedUnion('type', [
      helloSchema,
      z.object({ type: z.literal('notification'), notification: item }),
      socketErrorSchema,
    ])
    .describe('JSON text messages the server sends after the upgrade');
}

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ack'), id: notificationId }),
]);

export type Hello = z.infer<typeof helloSchema>;
export type ServerMessage =
  Hello | { type: 'notification'; notification: NotificationItem } | z.infer<typeof socketErrorSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
