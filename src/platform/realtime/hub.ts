/**
 * The push hub: a room per staff member, fed from the notifications table after commit.
 *
 * Wake-ups: every notifying transaction queues a NOTIFY (outbox.ts) that PostgreSQL delivers at
 * commit to every server's LISTEN connection (PGlite: to its own process), naming the recipients;
 * the hub then catches up those rooms it holds. NOTIFY is only a hint — not durable, lost while a
 * LISTEN connection is down — so the hub also polls every `pollMs`: one indexed read of the
 * connected recipients' cursors, and a catch-up of any room behind. Two servers on one database
 * both deliver, each to its own connections; a server that dies loses nothing, since a client
 * resumes anywhere from its last id.
 *
 * Connections are re-checked against their session every `sessionCheckMs` (4401 when it ended)
 * and pinged every `pingMs` (a connection that missed a pong is dropped).
 */
import type { RawData, WebSocket } from 'ws';
import { validSessionTokens } from '../auth/sessions.js';
import type { Ctx } from '../context.js';
import type { EventMap } from './event-map.js';
import { acknowledge, latestId, latestIds, rowsAfter, toItem, unreadCount } from './inbox.js';
import { CLOSE_GOING_AWAY, CLOSE_SESSION_ENDED, clientMessageSchema, type ServerMessage } from './messages.js';
import { Room, type RoomClient } from './room.js';
import { decodeWake, NOTIFY_CHANNEL } from './wake.js';

export interface HubOptions {
  /** polling fallback period, ms */
  pollMs: number;
  sessionCheckMs?: number;
  /** a session unused this long has ended (config.sessionIdleMinutes) */
  sessionIdleMinutes?: number;
  pingMs?: number;
  /** a connection whose unsent bytes pass this is closed (4008) and must resume */
  maxBufferedBytes?: number;
  /** rows read per catch-up query */
  batch?: number;
}

export interface PushHub {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Takes over a signed-in client's upgraded socket. `after`: the last id the client has
   * (resume); absent, delivery starts with notifications committed from now on.
   */
  join(socket: WebSocket, who: { staffId: string; token: string }, after: number | undefined): void;
  /** open connections (of one staff member), for tests and health */
  connections(staffId?: string): number;
}

interface Client extends RoomClient {
  socket: WebSocket;
  staffId: string;
  token: string;
  /** ids up to this were acknowledged on this connection (starts at the resume point) */
  acked: number;
  alive: boolean;
}

type Row = Awaited<ReturnType<typeof rowsAfter>>[number];
const OPEN = 1;
const send = (socket: WebSocket, m: ServerMessage) => socket.readyState === OPEN && socket.send(JSON.stringify(m));

export function createPushHub(ctx: Ctx, events: EventMap, opts: HubOptions): PushHub {
  const log = ctx.log.child({ module: 'push' });
  const types = [...events.keys()];
  const rooms = new Map<string, Room<Row>>();
  const clients = new Set<Client>();
  const pending = new Set<Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  let unlisten: (() => Promise<void>) | null = null;
  let stopped = false;
  let polling = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };

  const roomOf = (staffId: string): Room<Row> => {
    let room = rooms.get(staffId);
    if (!room) {
      room = new Room<Row>({
        fetchAfter: (after, limit) => rowsAfter(ctx.db, staffId, after, limit),
        render: (row) =>
          events.has(row.type) ? JSON.stringify({ type: 'notification', notification: toItem(row) }) : null,
        maxBufferedBytes: opts.maxBufferedBytes ?? 1 << 20,
        batch: opts.batch ?? 200,
        onError: (err) => !stopped && log.warn({ err, staffId }, 'push catch-up failed; retrying at the next poll'),
      });
      rooms.set(staffId, room);
    }
    return room;
  };

  const leave = (c: Client) => {
    clients.delete(c);
    const room = rooms.get(c.staffId);
    if (!room) return;
    room.clients.delete(c);
    if (room.clients.size === 0) rooms.delete(c.staffId);
  };

  const kick = (staffId: string) => {
    const room = rooms.get(staffId);
    if (room && !stopped) void track(room.kick());
  };

  async function poll(): Promise<void> {
    if (stopped || polling || rooms.size === 0) return;
    polling = true;
    try {
      const latest = await latestIds(ctx.db, [...rooms.keys()]);
      for (const [staffId, room] of rooms) if ((latest.get(staffId) ?? 0) > room.minPosition()) kick(staffId);
    } catch (err) {
      if (!stopped) log.warn({ err }, 'push poll failed');
    } finally {
      polling = false;
    }
  }

  function onWake(payload: string | null): void {
    const who = decodeWake(payload);
    if (who === 'all') void track(poll());
    else for (const staffId of who) kick(staffId);
  }

  async function checkSessions(): Promise<void> {
    if (stopped || clients.size === 0) return;
    try {
      const valid = await validSessionTokens(
        ctx.db,
        [...new Set([...clients].map((c) => c.token))],
        ctx.clock.now(),
        opts.sessionIdleMinutes,
      );
      for (const c of clients) {
        if (valid.has(c.token)) continue;
        leave(c);
        c.socket.close(CLOSE_SESSION_ENDED, 'session ended');
      }
    } catch (err) {
      if (!stopped) log.warn({ err }, 'push session check failed');
    }
  }

  function ping(): void {
    for (const c of clients) {
      if (!c.alive) {
        leave(c);
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }

  function onMessage(c: Client, data: RawData, isBinary: boolean): void {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      parsed = undefined;
    }
    const m = clientMessageSchema.safeParse(parsed);
    if (!m.success)
      return void send(c.socket, { type: 'error', code: 'BAD_MESSAGE', message: 'expected {"type":"ack","id":N}' });
    const { id } = m.data;
    if (id > c.position)
      return void send(c.socket, {
        type: 'error',
        code: 'ACK_AHEAD',
        message: `id ${id} was not delivered on this connection`,
      });
    if (id <= c.acked) return;
    const from = c.acked;
    c.acked = id;
    void track(
      acknowledge(ctx.db, c.staffId, from, id, ctx.clock.now()).catch((err) => {
        if (!stopped) log.warn({ err, staffId: c.staffId }, 'push acknowledgement not recorded');
      }),
    );
  }

  async function welcome(c: Client, after: number | undefined): Promise<void> {
    const [lastId, unread] = await Promise.all([latestId(ctx.db, c.staffId), unreadCount(ctx.db, c.staffId, types)]);
    if (stopped || c.socket.readyState !== OPEN || !clients.has(c)) return;
    const resumeFrom = after === undefined ? lastId : Math.min(after, lastId);
    c.position = c.acked = resumeFrom;
    send(c.socket, { type: 'hello', lastId, unread, resumeFrom });
    const room = roomOf(c.staffId);
    room.clients.add(c);
    await room.kick();
  }

  return {
    async start() {
      stopped = false;
      unlisten = await ctx.handle.listen(NOTIFY_CHANNEL, onWake);
      const every = (ms: number, fn: () => unknown) => {
        const t = setInterval(fn, ms);
        t.unref();
        timers.push(t);
      };
      every(opts.pollMs, () => track(poll()));
      every(opts.sessionCheckMs ?? 30_000, () => track(checkSessions()));
      every(opts.pingMs ?? 30_000, ping);
    },

    async stop() {
      stopped = true;
      for (const t of timers.splice(0)) clearInterval(t);
      await unlisten?.();
      unlisten = null;
      for (const c of [...clients]) {
        leave(c);
        c.socket.close(CLOSE_GOING_AWAY, 'server stopping: reconnect with your last id');
      }
      while (pending.size) await Promise.allSettled([...pending]);
      await Promise.all([...rooms.values()].map((r) => r.idle()));
      rooms.clear();
    },

    join(socket, who, after) {
      const c: Client = { socket, staffId: who.staffId, token: who.token, position: 0, acked: 0, alive: true };
      clients.add(c);
      socket.on('pong', () => (c.alive = true));
      socket.on('message', (data, isBinary) => onMessage(c, data, isBinary));
      socket.on('close', () => leave(c));
      void track(
        welcome(c, after).catch((err) => {
          log.error({ err, staffId: c.staffId }, 'push connection could not start');
          leave(c);
          socket.close(1011, 'server error');
        }),
      );
    },

    connections(staffId) {
      if (staffId === undefined) return clients.size;
      return [...clients].filter((c) => c.staffId === staffId).length;
    },
  };
}
