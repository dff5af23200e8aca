/**
 * Real-time push in one plugin, registered by buildApp with the module list: the WebSocket
 * server, the hub (started when the app is ready, stopped before it closes, so `guanhu serve`
 * and the tests start and stop it with the server), the inbox routes and `GET /api/events`.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.js';
import type { Ctx } from '../context.js';
import type { FeatureModule } from '../module.js';
import { clientEvents } from './event-map.js';
import { eventsRoute } from './events-route.js';
import { createPushHub, type PushHub } from './hub.js';
import { inboxRoutes } from './inbox-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    pushHub: PushHub;
  }
}

export const realtimePlugin = fp(
  async (app: FastifyInstance, opts: { ctx: Ctx; config: AppConfig; modules: readonly FeatureModule[] }) => {
    const events = clientEvents(opts.modules);
    // Sessions are re-checked every ten polls (30 s by default): a signed-out or disabled user's
    // connections close within that.
    const pollMs = opts.config.pushPollMs;
    const hub = createPushHub(opts.ctx, events, {
      pollMs,
      sessionCheckMs: pollMs * 10,
      sessionIdleMinutes: opts.config.sessionIdleMinutes,
    });
    app.decorate('pushHub', hub);
    app.metrics.countPushConnections(() => hub.connections());
    app.addHook('onReady', () => hub.start());
    // before @fastify/websocket's own preClose, which would close every socket without a code
    app.addHook('preClose', () => hub.stop());
    await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
    await app.register(
      async (api) => {
        await api.register(inboxRoutes, { ctx: opts.ctx, events });
        await api.register(eventsRoute, { hub, events, allowedOrigins: opts.config.allowedOrigins });
      },
      { prefix: '/api' },
    );
  },
  { name: 'guanhu-realtime' },
);
