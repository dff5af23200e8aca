import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import type { AppConfig } from '../../platform/config.js';
import { SESSION_COOKIE, destroySession } from '../../platform/auth/sessions.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { writeAudit } from '../../platform/audit.js';
import { ORG_LEVELS, STAFF_ROLES } from '../../domain/enums.js';
import { login } from './login.js';
import { errorSchema } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors.js';

export const meSchema = z.object({
  userId: z.number(),
  username: z.string(),
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  orgId: z.string(),
  orgName: z.string(),
  orgLevel: z.enum(ORG_LEVELS),
  mustChangePassword: z.boolean().describe('signed in with a one-time password: change it before anything else'),
});

const toMe = (a: z.infer<typeof meSchema>) => meSchema.parse(a);

export const authRoutes: FastifyPluginAsyncZod<{ ctx: Ctx; config: AppConfig }> = async (app, { ctx, config }) => {
  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: config.loginPerMinute,
          timeWindow: '1 minute',
          // after the body is parsed, so a refusal's audit row names the account tried
          hook: 'preHandler',
          // per address; the per-account limit is in login.ts. A refused attempt is audited.
          onExceeded: (req) =>
            void writeAudit(ctx.db, {
              action: 'login_refused',
              entityType: 'user',
              entityId: String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 64),
              reason: `more than ${config.loginPerMinute} attempts a minute from ${req.ip}`,
              ip: req.ip,
            }).catch((err: unknown) => req.log.error({ err }, 'audit of a refused login failed')),
          errorResponseBuilder: (_req, c) =>
            new AppError('RATE_LIMITED', `too many login attempts from this address`, {
              userMessage: `Too many attempts from this address; try again in ${Math.ceil(c.ttl / 1000)} s`,
              details: { retryAfterSeconds: Math.ceil(c.ttl / 1000), scope: 'address' },
            }),
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the httpOnly session cookie',
        security: [],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: meSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const { actor, token } = await login(
        ctx,
        { ...req.body, ip: req.ip },
        {
          sessionHours: config.sessionHours,
          failuresPerAccount: config.loginFailuresPerAccount,
          windowMinutes: config.accountLockMinutes,
        },
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        // Relative lifetime: the browser's clock need not agree with the server's; the server
        // enforces the real expiry on every request.
        maxAge: config.sessionHours * 3600,
      });
      return toMe(actor);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; ends the session', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await destroySession(ctx.db, token);
      if (req.actor) {
        await writeAudit(ctx.db, {
          action: 'logout',
          entityType: 'user',
          entityId: req.actor.username,
          actorUserId: req.actor.userId,
          actorStaffId: req.actor.staffId,
          ip: req.ip,
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meSchema, 401: errorSchema } } },
    async (req) => toMe(requireActor(req)),
  );
};
