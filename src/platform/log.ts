import { pino, type Logger } from 'pino';

export type Log = Logger;

export function createLogger(level = 'info'): Log {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'password', '*.password'], remove: true },
  });
}
