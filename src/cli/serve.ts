import { Command } from 'commander';
import { loadConfig, type AppConfig } from '../platform/config.js';
import { createLogger } from '../platform/log.js';
import { systemClock } from '../platform/context.js';
import { buildApp } from '../platform/http/app.js';
import { modules } from '../modules.js';
import { seedDatabase } from '../synth/index.js';
import { sql } from 'drizzle-orm';
import { query } from '../platform/db/query.js';
import { demoBank } from '../platform/db/state.js';
import { ensureWebBuilt } from './web-build.js';
import { defaultAsOf } from './seed.js';
import { describeDb, openMigrated } from '../platform/cli.js';
import { progressReporter } from '../platform/progress.js';

export const DEMO_LOGINS = [
  ['admin', '系统管理员 admin'],
  ['hq01', '总行 head office'],
  ['br01', '分行零售负责人 branch manager'],
  ['ob01', '网点负责人 outlet head (OT0001)'],
  ['lm0001', '大堂经理 lobby manager (OT0001)'],
  ['rm0001', '理财经理 RM (OT0001)'],
] as const;

function withListenOptions(cmd: Command): Command {
  return cmd
    .option('--port <port>', 'port to listen on (default PORT or 3000)', (v) => {
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new Error(`--port must be a port number, got "${v}"`);
      return v;
    })
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--no-web-build', 'serve dist/web as it is (deployments that build the web UI separately)');
}

async function serve(config: AppConfig, opts: { seedIfEmpty: boolean }) {
  const log = createLogger(config.logLevel);
  const h = await openMigrated(config);
  if (opts.seedIfEmpty) {
    const [row] = await query<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM customers`);
    if (!row || row.n === 0) {
      process.stderr.write(`empty database: seeding the demo bank (scale S) into ${describeDb(h)}\n`);
      const progress = progressReporter();
      await seedDatabase(h, { scale: 'S', seed: 1, asOf: defaultAsOf(), onProgress: (p) => progress.update(p) });
      progress.stop();
    }
  }
  const app = await buildApp({ db: h.db, handle: h, log, clock: systemClock }, config, modules);
  const shutdown = async () => {
    await app.close();
    await h.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  // the demo logins exist only in the demo bank: a bank's own data has its own users
  const demo = await demoBank(h.db);
  process.stdout.write(
    `\nGuanhu is running at ${url}  (API docs: ${url}/api/docs, database: ${describeDb(h)})\n` +
      (demo
        ? `Demo bank (${demo}). Demo logins, password guanhu-demo:\n${DEMO_LOGINS.map(([u, d]) => `  ${u.padEnd(8)} ${d}`).join('\n')}\n`
        : 'Sign in with a login created by `guanhu users add` (see README).\n'),
  );
}

const configFrom = (o: { port?: string; host?: string }): AppConfig => {
  const c = loadConfig();
  return { ...c, port: o.port ? Number(o.port) : c.port, host: o.host ?? c.host };
};

export function serveCommand(): Command {
  return withListenOptions(
    new Command('serve').description('serve the API and web UI (migrates the database first)'),
  ).action(async (o: { port?: string; host?: string; webBuild: boolean }) => {
    if (o.webBuild) await ensureWebBuilt();
    await serve(configFrom(o), { seedIfEmpty: false });
  });
}

export function startCommand(): Command {
  return withListenOptions(
    new Command('start').description(
      'migrate, seed the demo bank (scale S) if the database is empty, build the web UI if needed, and serve',
    ),
  ).action(async (o: { port?: string; host?: string; webBuild: boolean }) => {
    if (o.webBuild) await ensureWebBuilt();
    await serve(configFrom(o), { seedIfEmpty: true });
  });
}
