/**
 * `npm start` on a fresh clone (after npm ci): seconds until the demo bank is served. The clone
 * shares this checkout's node_modules (what `npm ci` would install) but has no dist/ and no data.
 * Reference in the same run: a second start on the now-initialised clone (no build, no seed).
 * The fresh start seeds the demo bank with its year of history (src/synth/day-history.ts).
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { round, writeResult } from './lib.js';

const dir = mkdtempSync(join(tmpdir(), 'guanhu-start-'));
execFileSync('git', ['clone', '-q', resolve('.'), dir]);
symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
const port = 3917;

async function startOnce(): Promise<number> {
  const t = performance.now();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: '',
    GUANHU_DATA_DIR: join(dir, '.guanhu/data'),
    LOG_LEVEL: 'warn',
  };
  const child = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    for (;;) {
      if (performance.now() - t > 300_000) throw new Error(`not up after 300 s:\n${out}`);
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${out}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'rm0001', password: 'guanhu-demo' }),
        });
        if (r.ok && login.ok) return (performance.now() - t) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// the machine may be shared: the load averages say how much of it this run had
const loadBefore = loadavg();
const fresh = await startOnce();
const warm = await startOnce();
const loadAfter = loadavg();
rmSync(dir, { recursive: true, force: true });
writeResult('start', {
  database: 'pglite',
  freshCloneSeconds: round(fresh),
  reference: { what: 'second start of the same clone (web built, bank seeded)', seconds: round(warm) },
  ratioFreshToWarm: round(fresh / warm),
  target: { seconds: 60, met: fresh < 60 },
  // 1, 5 and 15 minute load averages (os.loadavg), against machine.cpus
  loadAverage: { before: loadBefore.map((x) => round(x)), after: loadAfter.map((x) => round(x)) },
});
