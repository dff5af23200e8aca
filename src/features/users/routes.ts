/** Changing one's own password, and administrators managing logins (/api/auth/password, /api/admin/users). */
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/settings.js';
import { requireRole } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema, idString } from '../../platform/http/schemas.js';
import type { RoutePlugin } from '../../platform/module.js';
import { changePassword } from './change-password.js';
import { createLogin, listLogins, resetPassword, setLoginDisabled, staffWithoutLogin } from './logins.js';

/** who manages logins */
const ADMIN = ['admin'] as const;

const login = z.object({
  userId: z.number().int(),
  username: z.string(),
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  orgId: z.string(),
  orgName: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  staffLeft: z.boolean().describe('the staff member has left (their login is disabled)'),
});
const oneTime = z.object({
  username: z.string(),
  oneTimePassword: z.string().describe('shown once: the user must change it at first sign-in'),
});
const userParam = z.object({ userId: z.coerce.number().int().positive() });

export const userRoutes: RoutePlugin = async (app, { ctx }) => {
  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (also the one-time one); every other session of the user ends',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: { 200: z.object({ sessionsEnded: z.number().int() }), 400: errorSchema, 401: errorSchema },
      },
    },
    async (req) =>
      changePassword(ctx, requireActor(req), {
        ...req.body,
        keepToken: req.cookies[SESSION_COOKIE] ?? '',
        ip: req.ip,
      }),
  );

  app.get(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every login with its staff member (administrators)',
        response: { 200: z.object({ items: z.array(login) }), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      requireRole(requireActor(req), ADMIN, 'login management');
      return { items: await listLogins(ctx.db) };
    },
  );

  app.get(
    '/admin/users/candidates',
    {
      schema: {
        tags: ['admin'],
        summary: 'Active staff members without a login (administrators): whom a login may be created for',
        querystring: z.object({ q: z.string().trim().max(64).optional() }),
        response: {
          200: z.object({
            items: z
              .array(
                z.object({
                  staffId: z.string(),
                  name: z.string(),
                  role: z.enum(STAFF_ROLES),
                  orgId: z.string(),
                  orgName: z.string(),
                }),
              )
              .describe('at most 200, by outlet; `q` narrows by staff id, name or outlet name'),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (req) => {
      requireRole(requireActor(req), ADMIN, 'login management');
      return { items: await staffWithoutLogin(ctx.db, req.query.q || undefined) };
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a login for a staff member; answers its one-time password once (audited)',
        body: z.object({ staffId: idString, username: z.string().trim().min(2).max(32) }),
        response: {
          201: oneTime.extend({ userId: z.number().int() }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const a = requireActor(req);
      requireRole(a, ADMIN, 'login management');
      const r = await createLogin(ctx.db, req.body, { userId: a.userId, staffId: a.staffId, ip: req.ip });
      return reply.code(201).send({ userId: r.userId, username: r.username, oneTimePassword: r.oneTimePassword ?? '' });
    },
  );

  app.post(
    '/admin/users/:userId/reset-password',
    {
      schema: {
        tags: ['admin'],
        summary: 'A new one-time password for a login; its sessions end (audited)',
        params: userParam,
        response: { 200: oneTime, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const a = requireActor(req);
      requireRole(a, ADMIN, 'login management');
      return resetPassword(ctx.db, req.params.userId, { userId: a.userId, staffId: a.staffId, ip: req.ip });
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/admin/users/:userId/${verb}`,
      {
        schema: {
          tags: ['admin'],
          summary: disabled ? 'Disable a login: its sessions end at once (audited)' : 'Enable a login again (audited)',
          params: userParam,
          response: {
            200: z.object({ username: z.string(), disabled: z.boolean() }),
            403: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (req) => {
        const a = requireActor(req);
        requireRole(a, ADMIN, 'login management');
        if (disabled && req.params.userId === a.userId)
          throw new AppError('CONFLICT', 'an administrator cannot disable their own login', {
            userMessage: 'You cannot disable your own login',
          });
        return setLoginDisabled(ctx.db, req.params.userId, disabled, {
          userId: a.userId,
          staffId: a.staffId,
          ip: req.ip,
        });
      },
    );
  }
};
