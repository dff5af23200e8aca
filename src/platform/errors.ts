/**
 * One error type for the whole app. The code says what went wrong in a stable, machine-readable
 * way; `message` is for logs, `userMessage` is what a user may read. HTTP status comes from the
 * code table, never from the place that throws.
 */
export const errorCatalogue = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { userMessage?: string; details?: unknown } = {}) {
    super(message);
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
