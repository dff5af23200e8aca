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
  /** a session unused for this many minutes ends */
  sessionIdleMinutes: number;
  /** failed login attempts allowed per IP per minute */
  loginPerMinute: number;
  /** failed login attempts allowed per account in `accountLockMinutes`, from any address */
  loginFailuresPerAccount: number;
  accountLockMinutes: number;
  /**
   * proxies whose X-Forwarded-For is believed (addresses or CIDRs); false: none, the socket's
   * address is the client's (the default: a forged header must not pick the address that rate
   * limits and the audit log see)
   */
  trustProxy: string[] | false;
  /** origins besides the server's own that may send cookie-authenticated state changes */
  allowedOrigins: string[];
  /** bearer token that lets a scraper beyond this machine read /metrics (loopback needs none) */
  metricsToken?: string;
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
  /** the largest file an admin may upload from the web for import, in bytes */
  uploadMaxBytes: number;
  /** most rows one customer-list export may hold; a larger list is refused (narrow the filters) */
  exportMaxRows: number;
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
    sessionIdleMinutes: positiveInt('GUANHU_SESSION_IDLE_MINUTES', env.GUANHU_SESSION_IDLE_MINUTES ?? '30'),
    loginPerMinute: Number(env.GUANHU_LOGIN_PER_MINUTE ?? 10),
    loginFailuresPerAccount: positiveInt(
      'GUANHU_LOGIN_FAILURES_PER_ACCOUNT',
      env.GUANHU_LOGIN_FAILURES_PER_ACCOUNT ?? '10',
    ),
    accountLockMinutes: positiveInt('GUANHU_ACCOUNT_LOCK_MINUTES', env.GUANHU_ACCOUNT_LOCK_MINUTES ?? '15'),
    trustProxy: list(env.GUANHU_TRUST_PROXY) ?? false,
    allowedOrigins: list(env.GUANHU_ALLOWED_ORIGINS) ?? [],
    metricsToken: env.GUANHU_METRICS_TOKEN?.trim() || undefined,
    secureCookies: env.GUANHU_SECURE_COOKIES === '1',
    batchWorkers: positiveInt('GUANHU_BATCH_WORKERS', env.GUANHU_BATCH_WORKERS ?? '2'),
    pushPollMs: positiveInt('GUANHU_PUSH_POLL_MS', env.GUANHU_PUSH_POLL_MS ?? '3000'),
    uploadMaxBytes: positiveInt('GUANHU_UPLOAD_MAX_MB', env.GUANHU_UPLOAD_MAX_MB ?? '1024') * 1024 * 1024,
    exportMaxRows: positiveInt('GUANHU_EXPORT_MAX_ROWS', env.GUANHU_EXPORT_MAX_ROWS ?? '20000'),
  };
}

/** a comma-separated list; undefined when unset or empty */
function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}
