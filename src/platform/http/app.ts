/**
 * Builds the Fastify app: zod validation + OpenAPI, cookies, sessions, the routes of every
 * feature module it is given (src/modules.ts, under /api), real-time push over the modules' client
 * events, the JSON error handler, and the built web UI with SPA fallback.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.js';
import type { Ctx } from '../context.js';
import { authPlugin } from './auth-plugin.js';
import { errorHandler } from './errors.js';
import { registerSecurity } from './security.js';
import { registerInputGuard } from './input-guard.js';
import { registerMetrics } from './metrics.js';
import { batchSteps, type FeatureModule } from '../module.js';
import { realtimePlugin } from '../realtime/plugin.js';

export const webDistDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export async function buildApp(
  ctx: Ctx,
  config: AppConfig,
  modules: readonly FeatureModule[],
): Promise<FastifyInstance> {
  // X-Forwarded-For is believed only from configured proxies: a client must not choose the address
  // that rate limits and the audit log see
  const app = Fastify({ loggerInstance: ctx.log, trustProxy: config.trustProxy }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Guanhu API', description: '管户: tiered personal-customer stewardship', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'guanhu_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await registerSecurity(app as unknown as FastifyInstance, { allowedOrigins: config.allowedOrigins });
  registerInputGuard(app as unknown as FastifyInstance);
  const metrics = registerMetrics(app as unknown as FastifyInstance, ctx.db, { token: config.metricsToken });
  app.decorate('metrics', metrics);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { ctx, idleMinutes: config.sessionIdleMinutes });

  await app.register(
    async (api) => {
      const steps = batchSteps(modules);
      for (const m of modules) if (m.routes) await api.register(m.routes, { ctx, config, steps });
    },
    { prefix: '/api' },
  );
  // the inbox, GET /api/events and the push hub, which starts and stops with the app
  await app.register(realtimePlugin, { ctx, config, modules });

  const hasWeb = existsSync(`${webDistDir}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDistDir, wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || !hasWeb || req.method !== 'GET') {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app as unknown as FastifyInstance;
}
