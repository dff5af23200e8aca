/**
 * The server's log: JSON lines for log shippers, or — when stdout is a terminal and LOG_FORMAT is
 * not `json` — readable lines (pino-pretty, in the bank's time zone). Cookies and passwords are
 * never logged.
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type Log = Logger;

export interface LogOptions {
  /** 'pretty' | 'json' | 'auto' (default: pretty on a terminal) */
  format?: string;
}

export function createLogger(level = 'info', o: LogOptions = {}): Log {
  const format = o.format ?? process.env.LOG_FORMAT ?? 'auto';
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  const options = {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], remove: true },
  };
  if (!readable) return pino(options);
  return pino(
    options,
    pretty({
      colorize: true,
      // the raw epoch milliseconds, shown in the bank's zone (translateTime would use the machine's)
      translateTime: false,
      customPrettifiers: { time: (t: string | object) => shanghaiTime(Number(t)) },
      ignore: 'pid,hostname,reqId,req,res,responseTime',
      messageFormat: '{if req}{req.method} {req.url}{end}{if res}{res.statusCode} {responseTime}ms{end} {msg}',
      sync: true,
    }),
  );
}

const fmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** "2026-12-01 10:57:03" in Asia/Shanghai, whatever the machine's zone */
const shanghaiTime = (ms: number) => (Number.isFinite(ms) ? fmt.format(new Date(ms)) : String(ms));
