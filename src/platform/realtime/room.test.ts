import { describe, expect, it } from 'vitest';
import { CLOSE_TOO_SLOW } from './messages.js';
import { Room, type PushSocket, type RoomClient } from './room.js';

interface Row {
  seq: number;
  type: string;
}

class FakeSocket implements PushSocket {
  readyState = 1;
  bufferedAmount = 0;
  sent: number[] = [];
  closedWith: number | undefined;
  constructor(private readonly bytesPerFrame = 0) {}
  send(data: string) {
    this.sent.push((JSON.parse(data) as { seq: number }).seq);
    this.bufferedAmount += this.bytesPerFrame;
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
}

/** A table of rows 1..n that grows, read in batches like rowsAfter. */
function table(initial: number) {
  const rows: Row[] = Array.from({ length: initial }, (_, i) => ({ seq: i + 1, type: 'a.x' }));
  let reads = 0;
  return {
    rows,
    reads: () => reads,
    add: (type = 'a.x') => rows.push({ seq: rows.length + 1, type }),
    fetchAfter: async (after: number, limit: number) => {
      reads++;
      await new Promise((r) => setTimeout(r, 1));
      return rows.filter((r) => r.seq > after).slice(0, limit);
    },
  };
}

const room = (t: ReturnType<typeof table>, opts: { maxBufferedBytes?: number; batch?: number } = {}) =>
  new Room<Row>({
    fetchAfter: t.fetchAfter,
    render: (row) => (row.type === 'gone.x' ? null : JSON.stringify({ seq: row.seq })),
    maxBufferedBytes: opts.maxBufferedBytes ?? 1 << 20,
    batch: opts.batch ?? 3,
    onError: (err) => {
      throw err;
    },
  });

const client = (socket: FakeSocket, position: number): RoomClient => ({ socket, position });

describe('a room', () => {
  it('sends each connection the rows after its own position, in order, across batches', async () => {
    const t = table(8);
    const r = room(t);
    const fresh = new FakeSocket();
    const resumed = new FakeSocket();
    r.clients.add(client(fresh, 0));
    r.clients.add(client(resumed, 5));
    await r.kick();
    expect(fresh.sent).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(resumed.sent).toEqual([6, 7, 8]);
  });

  it('never sends a row twice, however many kicks overlap, and catches rows added meanwhile', async () => {
    const t = table(2);
    const r = room(t);
    const s = new FakeSocket();
    r.clients.add(client(s, 0));
    const kicks = [r.kick(), r.kick(), r.kick()];
    t.add();
    kicks.push(r.kick());
    await Promise.all(kicks);
    await r.kick();
    expect(s.sent).toEqual([1, 2, 3]);
  });

  it('brings a connection that joins during a read, behind it, up from its own position', async () => {
    const t = table(6);
    const r = room(t, { batch: 10 });
    const ahead = new FakeSocket();
    r.clients.add(client(ahead, 4));
    const first = r.kick();
    const late = new FakeSocket();
    r.clients.add(client(late, 1)); // while the first read (after 4) is in flight
    const second = r.kick();
    await Promise.all([first, second]);
    expect(ahead.sent).toEqual([5, 6]);
    expect(late.sent).toEqual([2, 3, 4, 5, 6]);
  });

  it('skips rows of unknown types but moves past them', async () => {
    const t = table(1);
    t.add('gone.x');
    t.add();
    const r = room(t);
    const s = new FakeSocket();
    const c = client(s, 0);
    r.clients.add(c);
    await r.kick();
    expect(s.sent).toEqual([1, 3]);
    expect(c.position).toBe(3);
  });

  it('closes a connection that falls too far behind (4008) and goes on serving the others', async () => {
    const t = table(6);
    const r = room(t, { maxBufferedBytes: 2500, batch: 10 });
    const slow = new FakeSocket(1000);
    const fine = new FakeSocket();
    r.clients.add(client(slow, 0));
    r.clients.add(client(fine, 0));
    await r.kick();
    expect(slow.closedWith).toBe(CLOSE_TOO_SLOW);
    expect(slow.sent).toEqual([1, 2, 3]);
    expect(fine.sent).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.clients.size).toBe(1);
  });

  it('reads nothing when it has no connections, and reports its lowest position', async () => {
    const t = table(3);
    const r = room(t);
    await r.kick();
    expect(t.reads()).toBe(0);
    expect(r.minPosition()).toBe(Infinity);
    r.clients.add(client(new FakeSocket(), 2));
    r.clients.add(client(new FakeSocket(), 1));
    expect(r.minPosition()).toBe(1);
  });
});
