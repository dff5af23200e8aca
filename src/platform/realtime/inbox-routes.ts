/**
 * The in-app inbox over the notifications table (/api/notifications): a staff member's own
 * notifications only — another person's id answers 404 exactly like a missing one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { requireActor } from '../http/auth-plugin.js';
import { errorSchema, pageQuery } from '../http/schemas.js';
import { notificationId, notificationItemSchema, type EventMap } from './event-map.js';
import { latestId, listInbox, markAllRead, markRead, unreadCount } from './inbox.js';

export const inboxRoutes: FastifyPluginAsyncZod<{ ctx: Ctx; events: EventMap }> = async (app, { ctx, events }) => {
  const item = notificationItemSchema(events);
  const types = [...events.keys()];

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, paged; `unread=true` lists only unread ones',
        querystring: pageQuery().extend({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(item),
            total: z.number().int(),
            unread: z.number().int().describe('all my unread notifications, whatever the filter'),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          401: errorSchema,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const res = await listInbox(ctx.db, requireActor(req).staffId, types, q);
      return { ...res, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread, and my latest notification id',
        response: {
          200: z.object({ unread: z.number().int(), lastId: z.number().int().min(0) }),
          401: errorSchema,
        },
      },
    },
    async (req) => {
      const { staffId } = requireActor(req);
      const [unread, lastId] = await Promise.all([unreadCount(ctx.db, staffId, types), latestId(ctx.db, staffId)]);
      return { unread, lastId };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read (again is harmless); 404 when it is not mine',
        params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
        response: { 200: item, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const updated = await markRead(ctx.db, requireActor(req).staffId, types, req.params.id, ctx.clock.now());
      if (!updated)
        throw new AppError('NOT_FOUND', `notification ${req.params.id} not found`, {
          userMessage: 'Notification not found',
        });
      return updated;
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my unread notifications read, up to `upTo` (the newest id I have seen) when given',
        body: z.object({ upTo: notificationId.optional() }).nullish(),
        response: {
          200: z.object({ updated: z.number().int(), unread: z.number().int() }),
          401: errorSchema,
        },
      },
    },
    async (req) => {
      const { staffId } = requireActor(req);
      const updated = await markAllRead(ctx.db, staffId, types, req.body?.upTo, ctx.clock.now());
      return { updated, unread: await unreadCount(ctx.db, staffId, types) };
    },
  );
};
