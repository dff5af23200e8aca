/**
 * One error type for the whole app. The code says what went wrong in a stable, machine-readable
 * way; `message` is for logs, `userMessage` is what a user may read. HTTP status comes from the
 * code table, never from the place that throws. The codes are listed once in src/domain/enums.ts.
 */
import type { ErrorCode } from '../domain/enums.js';

export const errorCatalogue = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXPORT_TOO_LARGE: 422,
  RATE_LIMITED: 429,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

export type { ErrorCode };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { userMessage?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage ?? message;
    this.details = opts.details;
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The cause of an error in one line, for a person: a failed query's database message (not the
 * statement and its parameters, which drizzle puts in its own message), with PostgreSQL's detail.
 */
export function errorCause(err: unknown): string {
  let e: unknown = err;
  // drizzle wraps the driver's error: "Failed query: <SQL>\nparams: …", the real error in `cause`
  while (e instanceof Error && e.message.startsWith('Failed query:') && e.cause) e = e.cause;
  if (!(e instanceof Error)) return String(e);
  const detail = (e as { detail?: unknown }).detail;
  const line = e.message.split('\n')[0] ?? e.message;
  return typeof detail === 'string' && detail ? `${line} (${detail})` : line;
}
