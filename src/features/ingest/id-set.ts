/**
 * A set of ids looked up by bytes: the ids, joined by line feeds in one buffer, and an
 * open-addressing table of their offsets keyed by an FNV-1a hash. For 1 M customer ids it takes
 * ≈ 10 MiB + 8 MiB and builds in tens of milliseconds, where a Set of strings took ≈ 0.8 s and a
 * string per looked-up value (holdings-rows.ts looks up bytes of the file).
 */
const LF = 0x0a;

export class IdSet {
  readonly size: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;

  /** `joined`: the ids separated by line feeds (no id contains one) */
  constructor(private readonly joined: Buffer) {
    let n = joined.length ? 1 : 0;
    for (let i = 0; i < joined.length; i++) if (joined[i] === LF) n++;
    this.size = n;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    let cap = 16;
    while (cap < 2 * n) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap).fill(-1);
    let s = 0;
    for (let k = 0; k < n; k++) {
      let e = s;
      while (e < joined.length && joined[e] !== LF) e++;
      this.starts[k] = s;
      this.ends[k] = e;
      // (a repeated id is stored twice, which does no harm)
      let slot = hash(joined, s, e) & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = k;
      s = e + 1;
    }
  }

  static of(ids: Iterable<string>): IdSet {
    return new IdSet(Buffer.from([...ids].join('\n')));
  }

  has(b: Uint8Array, s: number, e: number): boolean {
    return this.indexOf(b, s, e) >= 0;
  }

  /** the id's position in the joined ids, or -1 */
  indexOf(b: Uint8Array, s: number, e: number): number {
    for (let slot = hash(b, s, e) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.table[slot]!;
      if (k === -1) return -1;
      if (this.is(k, b, s, e)) return k;
    }
  }

  /** whether the id at position k (any number) is these bytes */
  is(k: number, b: Uint8Array, s: number, e: number): boolean {
    if (k < 0 || k >= this.size) return false;
    const ks = this.starts[k]!;
    if (this.ends[k]! - ks !== e - s) return false;
    const j = this.joined;
    for (let i = 0; i < e - s; i++) if (j[ks + i] !== b[s + i]) return false;
    return true;
  }
}

function hash(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}
