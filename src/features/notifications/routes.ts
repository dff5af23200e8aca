import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/settings.js';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema, idString } from '../../platform/http/schemas.js';
import { sendNotice } from './send-notice.js';

const noticeBody = z
  .object({
    title: z.string().trim().min(1).max(60),
    body: z.string().trim().min(1).max(1000),
    orgId: idString.optional().describe('send to active staff of this org subtree (default: my own org)'),
    roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length).optional().describe('only these roles'),
    staffIds: z.array(idString).min(1).max(500).optional().describe('or: exactly these staff (not with orgId/roles)'),
  })
  .refine((b) => !(b.staffIds && (b.orgId || b.roles)), {
    message: 'give staffIds, or orgId and/or roles, not both',
    path: ['staffIds'],
  });

export const noticeRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.post(
    '/notifications/notices',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Send a notice to active staff of my org subtree (outlet head and above; audited); 404 for a target outside it',
        body: noticeBody,
        response: {
          201: z.object({ noticeId: z.uuid(), recipients: z.number().int().positive() }),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { title, body, orgId, roles, staffIds } = req.body;
      const target = staffIds ? { staffIds } : { orgId, roles };
      const res = await sendNotice(ctx, requireActor(req), { title, body, target }, req.ip);
      return reply.code(201).send(res);
    },
  );
};
