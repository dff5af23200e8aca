/**
 * A test client for GET /api/events: connects with a session cookie, queues every server message
 * and lets a test wait for the next one (or be sure none comes).
 */
import WebSocket from 'ws';

export interface EventsMessage {
  type: string;
  [k: string]: unknown;
}
export interface NotificationMessage {
  type: 'notification';
  notification: { id: number; type: string; payload: Record<string, unknown>; acknowledgedAt: string | null };
}

export interface EventsClient {
  ws: WebSocket;
  /** the hello message */
  hello: { lastId: number; unread: number; resumeFrom: number };
  /** the next message, failing after `ms` */
  next(ms?: number): Promise<EventsMessage>;
  /** the next `n` notification messages */
  notifications(n: number, ms?: number): Promise<NotificationMessage['notification'][]>;
  /** resolves with the messages that arrive within `ms` (expected: none) */
  quietFor(ms: number): Promise<EventsMessage[]>;
  ack(id: number): void;
  closed: Promise<number>;
  close(): Promise<number>;
}

/** ws(s)://host:port from http(s)://host:port */
export const wsBase = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

export async function connectEvents(
  baseUrl: string,
  cookie: string,
  after?: number,
  /** the Origin header a browser would send (none by default, like a non-browser client) */
  origin?: string,
): Promise<EventsClient> {
  const url = `${wsBase(baseUrl)}/api/events${after === undefined ? '' : `?after=${after}`}`;
  const ws = new WebSocket(url, { headers: { cookie, ...(origin ? { origin } : {}) } });
  const queue: EventsMessage[] = [];
  const waiters: ((m: EventsMessage) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as EventsMessage;
    const w = waiters.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const next = (ms = 5000) =>
    new Promise<EventsMessage>((resolve, reject) => {
      const m = queue.shift();
      if (m) return resolve(m);
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(done), 1);
        reject(new Error(`no message within ${ms} ms`));
      }, ms);
      const done = (msg: EventsMessage) => {
        clearTimeout(timer);
        resolve(msg);
      };
      waiters.push(done);
    });
  const hello = await next();
  if (hello.type !== 'hello') throw new Error(`expected hello, got ${JSON.stringify(hello)}`);
  return {
    ws,
    hello: hello as unknown as EventsClient['hello'],
    next,
    async notifications(n, ms = 5000) {
      const out: NotificationMessage['notification'][] = [];
      while (out.length < n) {
        const m = await next(ms);
        if (m.type !== 'notification') throw new Error(`expected a notification, got ${JSON.stringify(m)}`);
        out.push((m as unknown as NotificationMessage).notification);
      }
      return out;
    },
    async quietFor(ms) {
      await new Promise((r) => setTimeout(r, ms));
      return queue.splice(0);
    },
    ack: (id) => ws.send(JSON.stringify({ type: 'ack', id })),
    closed,
    async close() {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
      return closed;
    },
  };
}

/** Status of an upgrade attempt that the server refuses (no socket). */
export function refusedUpgrade(baseUrl: string, headers: Record<string, string> = {}, query = ''): Promise<number> {
  const ws = new WebSocket(`${wsBase(baseUrl)}/api/events${query}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', (e) => reject(e));
  });
}
