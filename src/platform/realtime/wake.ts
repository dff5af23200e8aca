/**
 * The NOTIFY payload that wakes push hubs after a notifying transaction commits: the recipients'
 * staff ids as a JSON array, so a hub only looks at rooms that may have news. PostgreSQL refuses
 * payloads of 8000 bytes or more; a longer list is sent as '' ("look at every room"), which is
 * also how a hub reads anything it cannot parse. The payload is only a hint: the table is the
 * truth, and a lost wake-up is covered by polling.
 */
export const NOTIFY_CHANNEL = 'guanhu_notifications';

/** bytes; below PostgreSQL's 8000-byte NOTIFY payload limit with room to spare */
export const WAKE_PAYLOAD_LIMIT = 7900;

export function encodeWake(recipients: readonly string[]): string {
  const text = JSON.stringify([...new Set(recipients)]);
  return Buffer.byteLength(text, 'utf8') <= WAKE_PAYLOAD_LIMIT ? text : '';
}

/** The staff ids to look at, or 'all' (empty, unreadable, or after a lost LISTEN connection). */
export function decodeWake(payload: string | null): ReadonlySet<string> | 'all' {
  if (!payload) return 'all';
  try {
    const v: unknown = JSON.parse(payload);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return new Set(v);
  } catch {
    /* not ours: look everywhere */
  }
  return 'all';
}
