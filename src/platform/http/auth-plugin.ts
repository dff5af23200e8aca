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

export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: Ctx; idleMinutes: number }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await actorForToken(opts.ctx.db, token, opts.ctx.clock.now(), opts.idleMinutes);
  });
});

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'not signed in', { userMessage: 'Please sign in' });
  return req.actor;
}
