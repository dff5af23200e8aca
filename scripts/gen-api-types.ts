/**
 * The web UI's API types, generated from the OpenAPI document the server itself serves: builds
 * the app with every feature module (src/modules.ts) on an in-memory PGlite, takes
 * `app.swagger()`, converts it with openapi-typescript and writes web/src/api/schema.d.ts
 * (formatted with the repo's prettier settings, so the committed file is stable).
 *
 *   npm run gen:api          write the file
 *   npm run check:api        regenerate to a temp file and fail when the committed one differs
 *
 * A zod schema change in a route is therefore a type change in the web, never a second edit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { buildApp } from '../src/platform/http/app.js';
import { modules } from '../src/modules.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openDatabase } from '../src/platform/db/client.js';
import { systemClock, type Ctx } from '../src/platform/context.js';

const target = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * GENERATED from the server's OpenAPI document by scripts/gen-api-types.ts: do not edit.
 * Regenerate with \`npm run gen:api\`; \`npm run check\` fails when this file is stale.
 * web/src/api/types.ts gives its shapes the names the web uses.
 */
`;

/** The OpenAPI document of the app with every module, as `GET /api/docs/json` would serve it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  // No migration: building the app registers routes and schemas only, it runs no query.
  const handle = await openDatabase({ dataDir: 'memory://' });
  const ctx: Ctx = { db: handle.db, handle, log: createLogger('silent'), clock: systemClock };
  const app = await buildApp(ctx, loadConfig({}), modules);
  try {
    await app.ready();
    return app.swagger() as unknown as OpenAPI3;
  } finally {
    await app.close();
    await handle.close();
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: false, silent: true });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(source, { ...options, filepath: target });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const fresh = await generateApiTypes();
  if (!check) {
    writeFileSync(target, fresh);
    console.log(`wrote ${target}`);
    return;
  }
  const tmp = join(mkdtempSync(join(tmpdir(), 'guanhu-api-')), 'schema.d.ts');
  writeFileSync(tmp, fresh);
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== fresh) {
    console.error(
      `web/src/api/schema.d.ts is stale: the API changed. Run \`npm run gen:api\` and commit it (fresh copy: ${tmp}).`,
    );
    process.exit(1);
  }
  console.log('web/src/api/schema.d.ts is current');
}

await main();
