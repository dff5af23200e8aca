/**
 * `GET /api/events`: the WebSocket a signed-in client keeps open for live notifications. The
 * upgrade is authenticated by the same session cookie as the API (the auth plugin resolves it
 * before this route runs; no session → 401 and no upgrade). Message shapes: messages.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { requireActor } from '../http/auth-plugin.js';
import { errorSchema } from '../http/schemas.js';
import { notificationItemSchema, type EventMap } from './event-map.js';
import type { PushHub } from './hub.js';
import { serverMessageSchema } from './messages.js';

const DESCRIPTION = `WebSocket (upgrade with the session cookie, from the server's own origin). After the upgrade the server sends JSON text
messages (the 101 response schema): first \`{"type":"hello","lastId","unread","resumeFrom"}\`, then
\`{"type":"notification","notification":{…}}\` for each notification with an id above \`resumeFrom\`, in id
order, exactly once per connection, then live ones after they commit. Pass \`after\` = the last id you
received to resume: you get exactly what you missed. The client sends \`{"type":"ack","id":N}\` to record
receipt (acknowledgedAt) of everything up to N delivered on this connection; not acknowledging delays no
one. Close codes: 4401 session ended, 4008 too far behind (reconnect with your last id), 1001 server stopping.`;

export const eventsRoute: FastifyPluginAsyncZod<{ hub: PushHub; events: EventMap; allowedOrigins: string[] }> = async (
  app,
  { hub, events, allowedOrigins },
) => {
  app.route({
    method: 'GET',
    url: '/events',
    schema: {
      tags: ['notifications'],
      summary: 'Live notifications over a WebSocket, resumable from the last id received',
      description: DESCRIPTION,
      querystring: z.object({
        after: z.coerce
          .number()
          .int()
          .min(0)
          .max(Number.MAX_SAFE_INTEGER)
          .optional()
          .describe('the last notification id this client received'),
      }),
      response: {
        101: serverMessageSchema(notificationItemSchema(events)),
        400: errorSchema,
        401: errorSchema,
      },
    },
    // before the upgrade: no session → a plain 401 response, no socket. Browsers send the
    // session cookie with a WebSocket opened by any page, so an upgrade whose Origin is another
    // site is refused (403): no other site may read someone's notifications.
    preValidation: async (req) => {
      requireActor(req);
      const origin = req.headers.origin;
      if (origin && origin !== `${req.protocol}://${req.host}` && !allowedOrigins.includes(origin))
        throw new AppError('FORBIDDEN', `WebSocket upgrade from ${origin} refused`, {
          userMessage: 'This connection came from another site and was refused',
        });
    },
    wsHandler: (socket, req) => {
      const actor = requireActor(req);
      hub.join(socket, { staffId: actor.staffId, token: req.cookies[SESSION_COOKIE]! }, req.query.after);
    },
    // a plain GET (no upgrade); `wsHandler` rather than `websocket: true` also keeps the route in
    // the OpenAPI document, which @fastify/websocket hides otherwise
    handler: async () => {
      throw new AppError('BAD_REQUEST', 'GET /api/events needs a WebSocket upgrade', {
        userMessage: 'Connect with a WebSocket (Upgrade: websocket)',
      });
    },
  });
};
