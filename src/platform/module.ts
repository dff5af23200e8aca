/**
 * What a capability plugs into the platform: one module object per feature folder
 * (src/features/<capability>/module.ts), listed once in the composition root src/modules.ts.
 * The HTTP app registers each module's routes under /api, the batch runner orders every module's
 * nightly steps, the push hub knows every module's client events, and the CLI adds each module's
 * commands. The platform reads these objects; it never imports a feature.
 */
import type { Command } from 'commander';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppConfig } from './config.js';
import type { Ctx } from './context.js';
import type { BatchStepDefinition } from './jobs/batch-step.js';

/**
 * A module's HTTP routes: a Fastify plugin registered under /api with the app's ctx and config,
 * and every module's nightly steps (a feature that runs the batch from the web may not import
 * the module list).
 */
export type RoutePlugin = FastifyPluginAsyncZod<{
  ctx: Ctx;
  config: AppConfig;
  steps: readonly BatchStepDefinition[];
}>;

/**
 * Client events a module pushes to staff screens (src/platform/realtime/): event type → the zod
 * schema of its payload, a JSON object stored in notifications.payload. A type is named
 * `<module name>.<event>` (e.g. `notifications.notice`; the hub refuses other names, so two
 * modules cannot collide). Stored rows outlive releases: once shipped, a schema only gains
 * optional fields; a breaking change is a new event type.
 */
export type ClientEventSchemas = Readonly<Record<string, z.ZodType<Record<string, unknown>>>>;

export interface FeatureModule {
  /** the feature folder's name, e.g. `tiering` */
  name: string;
  routes?: RoutePlugin;
  /** nightly batch steps (src/platform/jobs/batch-step.ts) */
  steps?: readonly BatchStepDefinition[];
  /** client events it emits through the push hub */
  events?: ClientEventSchemas;
  /** `guanhu` sub-commands it adds (built on demand: the HTTP server never builds them) */
  commands?: () => Command[];
}

/** Identity helper: a module declares itself with `export default defineModule({ … })`. */
export const defineModule = <M extends FeatureModule>(m: M): M => m;

/** Every step of every module, in module order (the runner orders them by `after`). */
export const batchSteps = (modules: readonly FeatureModule[]): BatchStepDefinition[] =>
  modules.flatMap((m) => m.steps ?? []);
