/**
 * Process configuration from the environment (bank rules live in the `settings` table, not here).
 */
export interface AppConfig {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  logLevel: string;
  /** session lifetime in hours */
  sessionHours: number;
  /** failed login attempts allowed per IP per minute */
  loginPerMinute: number;
  /** cookies need https in production; off for localhost */
  secureCookies: boolean;
  /**
   * sessions the nightly AUM step computes a day with at once on PostgreSQL (about the server's
   * cores; PGlite always uses one)
   */
  batchWorkers: number;
  /**
   * ms between the push hub's checks for notifications it was not woken for (a lost NOTIFY, a
   * LISTEN connection being re-opened); live delivery does not wait for it
   */
  pushPollMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const url = env.DATABASE_URL?.trim();
  return {
    databaseUrl: url ? url : undefined,
    dataDir: env.GUANHU_DATA_DIR ?? './.guanhu/data',
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionHours: Number(env.GUANHU_SESSION_HOURS ?? 12),
    loginPerMinute: Number(env.GUANHU_LOGIN_PER_MINUTE ?? 10),
    secureCookies: env.GUANHU_SECURE_COOKIES === '1',
    batchWorkers: positiveInt('GUANHU_BATCH_WORKERS', env.GUANHU_BATCH_WORKERS ?? '2'),
    pushPollMs: positiveInt('GUANHU_PUSH_POLL_MS', env.GUANHU_PUSH_POLL_MS ?? '3000'),
  };
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}
