/**
 * The holdings pass's WebAssembly fast path (wasm/holdings-pass.c, built by
 * scripts/build-wasm.sh and committed): checks a run of whole records and writes their binary
 * COPY tuples and duplicate-key hashes, exactly as HoldingsRows would, or declines the whole run
 * (then HoldingsRows checks it, with its reasons). Clean runs — nearly every run of a real file —
 * cost a fraction of the TypeScript pass, which bounded the import on two cores.
 *
 * Memory (one instance per file): the Config struct, the two id sets as IdSet lays them out
 * (joined bytes, ranges, hash table), then the run's input, output and key areas, grown on demand.
 */
import { readFileSync } from 'node:fs';
import type { HoldingsColumns, HoldingsRefs } from './holdings-rows.js';
import type { IdSet } from './id-set.js';

const MODULE = new WebAssembly.Module(readFileSync(new URL('./wasm/holdings-pass.wasm', import.meta.url)));

interface Exports {
  memory: WebAssembly.Memory;
  run: (config: number, input: number, n: number, line: number, out: number, keys: number) => number;
  last_out_len: () => number;
  last_keys_len: () => number;
  __heap_base: WebAssembly.Global;
}

/** Config in holdings-pass.c: 7 ints, the date's 10 bytes, two IdSet structs of 6 ints */
const CONFIG_BYTES = 88;
const CONFIG_DATE = 28;
const CONFIG_CUSTOMERS = 40;
const CONFIG_PRODUCTS = 64;
/** a tuple's bytes beyond its text: count, six lengths, int8, date, line */
const TUPLE_OVERHEAD = 2 + 6 * 4 + 8 + 4 + 4;
/**
 * the shortest record the fast path accepts: a 10-byte date, four non-empty values, five
 * commas and a line feed (it declines shorter ones before writing anything for them)
 */
const MIN_RECORD = 20;
/**
 * Longer runs are declined (the TypeScript pass takes them): the importer's runs are ≈ 1 MiB; a
 * longer one is a record carried over many chunks (an unclosed quote), which would otherwise
 * grow this memory to several times the file.
 */
const MAX_RUN = 4 * 2 ** 20;
const PAGE = 65536;

export interface FastRun {
  /** the run's binary COPY tuples (a buffer of their own) */
  out: Buffer;
  records: number;
  /** (hash, tag, line) per row for KeySeen.merge; valid until the next run */
  keys: Int32Array;
}

export class HoldingsWasm {
  private readonly x: Exports;
  private readonly config: number;
  /** where the run areas start (after the id sets) */
  private readonly areas: number;

  constructor(fields: number, cols: HoldingsColumns, date: string, refs: HoldingsRefs) {
    this.x = new WebAssembly.Instance(MODULE).exports as unknown as Exports;
    let at = align(this.x.__heap_base.value as number);
    this.config = at;
    at += CONFIG_BYTES;
    const placed = (set: IdSet) => {
      const p = set.parts();
      const joined = align(at);
      const starts = align(joined + p.joined.length);
      const ends = starts + 4 * p.starts.length;
      const table = ends + 4 * p.ends.length;
      at = table + 4 * p.table.length;
      this.ensure(at);
      const buf = this.x.memory.buffer;
      new Uint8Array(buf, joined, p.joined.length).set(p.joined);
      new Int32Array(buf, starts, p.starts.length).set(p.starts);
      new Int32Array(buf, ends, p.ends.length).set(p.ends);
      new Int32Array(buf, table, p.table.length).set(p.table);
      return [joined, starts, ends, table, p.mask, p.size];
    };
    const customers = placed(refs.customers);
    const products = placed(refs.products);
    this.areas = align(at);
    const v = new DataView(this.x.memory.buffer, this.config, CONFIG_BYTES);
    const ints = [
      fields,
      cols.as_of_date,
      cols.customer_id,
      cols.account_id,
      cols.product_id,
      cols.balance,
      cols.maturity_date,
    ];
    ints.forEach((n, i) => v.setInt32(4 * i, n, true));
    new Uint8Array(this.x.memory.buffer, this.config + CONFIG_DATE, 10).set(Buffer.from(date, 'latin1'));
    customers.forEach((n, i) => v.setInt32(CONFIG_CUSTOMERS + 4 * i, n, true));
    products.forEach((n, i) => v.setInt32(CONFIG_PRODUCTS + 4 * i, n, true));
  }

  /**
   * b[0, end): whole records from a record start (end just after a line feed), the first on
   * physical line `line`, valid UTF-8. Null: some record is not plain or not accepted.
   */
  run(b: Buffer, end: number, line: number): FastRun | null {
    if (end > MAX_RUN) return null;
    const maxRecords = Math.floor(end / MIN_RECORD) + 1;
    const input = this.areas;
    const out = align(input + end);
    const keys = align(out + end + TUPLE_OVERHEAD * maxRecords);
    this.ensure(keys + 12 * maxRecords);
    new Uint8Array(this.x.memory.buffer, input, end).set(b.subarray(0, end));
    const records = this.x.run(this.config, input, end, line, out, keys);
    if (records < 0) return null;
    const buf = this.x.memory.buffer;
    return {
      out: Buffer.from(buf.slice(out, out + this.x.last_out_len())),
      records,
      keys: new Int32Array(buf, keys, this.x.last_keys_len()),
    };
  }

  private ensure(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes > have) this.x.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}

/** to 16 bytes (arithmetic, not bit operations: those are 32-bit signed) */
const align = (n: number) => Math.ceil(n / 16) * 16;
