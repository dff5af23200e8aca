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
  };
}
