/**
 * Resolves the session cookie to an Actor on every /api request. Routes that need a user call
 * `requireActor(req)`; public routes (login, health, docs) simply don't.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../auth/actor.js';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** what a session with a one-time password may still call */
const ALLOWED_BEFORE_CHANGE = ['/api/auth/', '/api/me', '/api/health'];

export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: Ctx; idleMinutes: number }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await actorForToken(opts.ctx.db, token, opts.ctx.clock.now(), opts.idleMinutes);
    // a one-time password opens nothing but the way to change it
    if (req.actor?.mustChangePassword && !ALLOWED_BEFORE_CHANGE.some((p) => req.url.startsWith(p)))
      throw new AppError('PASSWORD_CHANGE_REQUIRED', `${req.actor.username} must change the one-time password first`, {
        userMessage: 'Change your one-time password first',
      });
  });
});

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'not signed in', { userMessage: 'Please sign in' });
  return req.actor;
}
