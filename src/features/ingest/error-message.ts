/** One line for a failed file: Drizzle wraps driver errors as "Failed query: <sql>", the cause says why. */
export function errorMessage(err: unknown): string {
  let e = err as { message?: string; cause?: unknown } | undefined;
  while (e && typeof e === 'object' && e.cause && String(e.message).startsWith('Failed query')) e = e.cause as typeof e;
  const msg = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(err);
  return msg.replace(/\s+/g, ' ').trim();
}
