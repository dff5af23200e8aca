/**
 * One staff member's room: the connections of one recipient (phone, PAD, desk tabs) and the
 * delivery loop that brings each of them up to date from the table. Every delivery, replay or
 * live, is the same step — "send this connection the rows after its position, in id order, and
 * move its position" — so a resumed client gets what it missed, in order, exactly once, and then
 * live ones, with no separate replay path to race against. Catch-ups of a room never overlap:
 * a kick during one makes it run once more.
 *
 * Acknowledgements play no part in delivery: a connection that never acknowledges holds back no
 * one. A connection whose send buffer passes `maxBufferedBytes` is closed (4008) and resumes from
 * its last id when it reconnects, so a slow phone cannot make the server hold its backlog twice.
 */
import { CLOSE_TOO_SLOW } from './messages.js';

/** the part of a ws WebSocket the room uses */
export interface PushSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface RoomClient {
  socket: PushSocket;
  /** the last id sent on this connection */
  position: number;
}

export interface RoomDeps<R extends { seq: number }> {
  /** up to `limit` rows with seq > after, in seq order */
  fetchAfter(after: number, limit: number): Promise<R[]>;
  /** the text frame for a row, or null to skip it (a type no module declares any more) */
  render(row: R): string | null;
  maxBufferedBytes: number;
  batch: number;
  onError(err: unknown): void;
}

const OPEN = 1;

export class Room<R extends { seq: number }> {
  readonly clients = new Set<RoomClient>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: RoomDeps<R>) {}

  /** the lowest position of its connections (Infinity when empty) */
  minPosition(): number {
    let min = Infinity;
    for (const c of this.clients) min = Math.min(min, c.position);
    return min;
  }

  /** Brings every connection up to date; resolves when the room has nothing more to send. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      try {
        do {
          this.again = false;
          await this.catchUp();
        } while (this.again);
      } catch (err) {
        this.deps.onError(err); // the next poll or wake-up tries again
      } finally {
        this.running = null;
      }
    };
    this.running = run();
    return this.running;
  }

  /** Resolves when no catch-up is running (used when the hub stops). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const from = this.minPosition();
      if (from === Infinity) return;
      const rows = await this.deps.fetchAfter(from, this.deps.batch);
      if (rows.length === 0) return;
      for (const row of rows) {
        const frame = this.deps.render(row);
        for (const c of this.clients) {
          // A connection that joined during the read, behind `from`, waits for the next round
          // (its join kicked the room): the rows read cover only what lies after `from`.
          if (c.position < from || row.seq <= c.position) continue;
          if (c.socket.readyState !== OPEN) {
            this.clients.delete(c);
            continue;
          }
          if (frame !== null) c.socket.send(frame);
          c.position = row.seq;
          if (c.socket.bufferedAmount > this.deps.maxBufferedBytes) {
            this.clients.delete(c);
            c.socket.close(CLOSE_TOO_SLOW, 'too far behind: reconnect with your last id');
          }
        }
      }
      if (rows.length < this.deps.batch) return;
    }
  }
}
