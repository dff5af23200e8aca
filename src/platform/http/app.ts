/**
 * Builds the Fastify app: zod validation + OpenAPI, cookies, sessions, routes of every feature,
 * the JSON error handler, and the built web UI with SPA fallback.
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
import { authRoutes } from '../../features/auth/routes.js';
import { customerRoutes } from '../../features/customers/routes.js';
import { orgRoutes } from '../../features/org/routes.js';
import { staffRoutes } from '../../features/staff/routes.js';
import { healthRoutes } from '../../features/health/routes.js';
import { tierRoutes } from '../../features/tiers/routes.js';
import { adminRoutes } from '../../features/admin/routes.js';

export const webDistDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export async function buildApp(ctx: Ctx, config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: ctx.log, trustProxy: true }).withTypeProvider<ZodTypeProvider>();
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
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { ctx });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx });
      await api.register(authRoutes, { ctx, config });
      await api.register(customerRoutes, { ctx });
      await api.register(orgRoutes, { ctx });
      await api.register(staffRoutes, { ctx });
      await api.register(tierRoutes, { ctx });
      await api.register(adminRoutes, { ctx });
    },
    { prefix: '/api' },
  );

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
