/**
 * Builds the web UI with Vite when dist/web is missing or older than its sources, so
 * `npm start` on a fresh clone serves a current UI without a separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const webDir = join(root, 'web');
const indexHtml = join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(): Promise<void> {
  if (!existsSync(webDir)) return;
  if (existsSync(indexHtml) && statSync(indexHtml).mtimeMs >= newestMtime(webDir)) return;
  process.stderr.write('building the web UI (first start only) …\n');
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
