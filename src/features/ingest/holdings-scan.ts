/**
 * The holdings fast path's single scan: splits decoded chunks into records and fields and hands
 * each row's field ranges straight to HoldingsRows (checks + typed COPY row), in one pass over the
 * bytes.
 *
 * Why: the generic splitter (record-splitter.ts) copies every record behind a `<line>,` prefix
 * and HoldingsRows then scanned that copy again for its fields: two byte loops, a copy and the
 * prefix parse per row, ≈ 1.1 s of the ≈ 3 s Node pass on 2.9 M rows, which bounds the import
 * (PostgreSQL's COPY runs on the other core). Here the one loop that finds record ends also
 * records the field boundaries.
 *
 * Structure and rejects are exactly the generic splitter's (it stays for the other kinds): every
 * `"` toggles quoting, commas and line feeds count only outside quotes; a CR before the record's
 * line feed is dropped; empty lines are skipped; wrong field counts and an unterminated quote at
 * the end are rejected with the same reasons and raw text; line numbers count physical lines; in
 * UTF-8 mode, invalid bytes in a kept record fail the file with the same message, checked per
 * chunk. A record with a quote or a stray CR takes a slower path (its fields are unescaped).
 *
 * Usage: push() chunks until `header` is set, then begin() with the rows checker, then push()
 * (an empty chunk processes what was held back) and end().
 */
import { isUtf8 } from 'node:buffer';
import { unescape, type HoldingsRows } from './holdings-rows.js';
import type { SplitBatch, StructuralReject } from './record-splitter.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY: Buffer = Buffer.alloc(0);
const NONE = new Int32Array(0);

export class HoldingsScanner {
  /** raw bytes of the header record, once seen */
  header: Buffer | null = null;
  expected = 0;
  read = 0;
  readonly rejects: StructuralReject[] = [];
  /** rejects beyond the cap are counted but not kept, so memory stays bounded */
  rejectedBeyondCap = 0;
  private rows: HoldingsRows | null = null;
  /** physical line of the record in progress */
  private line = 1;
  // The record in progress (from its first byte) is carried into the next chunk, with the scan's
  // state where it stopped, so a long quoted record is never scanned twice.
  private carry: Buffer = EMPTY;
  private resume = 0;
  private inQuote = false;
  private field = 0;
  private quotedLfs = 0;
  /** quotes and CRs seen in the record (a CR before its line feed is taken back) */
  private marks = 0;
  /** the carried bytes from here on have not had their UTF-8 check */
  private utf8From = 0;

  constructor(
    private readonly checkUtf8: boolean,
    private readonly maxRejects = 100_000,
  ) {}

  /** Starts checking rows: the header's field count must be the checker's. */
  begin(rows: HoldingsRows): void {
    if (rows.fields !== this.expected) throw new Error(`${rows.fields} columns mapped, header has ${this.expected}`);
    this.rows = rows;
  }

  push(chunk: Buffer): SplitBatch {
    // one buffer with the carried record first and a line feed as sentinel after the end, so
    // the byte loop needs no bounds check
    const c = this.carry.length;
    const n = c + chunk.length;
    const b = Buffer.allocUnsafe(n + 1);
    this.carry.copy(b, 0);
    chunk.copy(b, c);
    b[n] = LF;
    if (this.header && !this.rows) {
      this.carry = b.subarray(0, n);
      return { bytes: EMPTY, records: 0 };
    }
    const rows = this.rows;
    if (rows && this.fastRun(rows, b, n)) return this.fastOut!;
    if (this.checkUtf8) this.precheckUtf8(b, n);
    const before = rows ? rows.loaded : 0;
    if (rows) {
      rows.startOutput(n);
      rows.bufs.fill(b);
    }
    this.scan(b, n);
    return rows ? { bytes: rows.takeOutput(), records: rows.loaded - before } : { bytes: EMPTY, records: 0 };
  }

  private fastOut: SplitBatch | null = null;

  /**
   * The chunk's whole records on the WebAssembly fast path, when they are all plain and accepted
   * (HoldingsRows.fastRun); the record in progress is then carried as usual. False: the scan
   * below checks them (and gives the reasons, rejects and errors).
   */
  private fastRun(rows: HoldingsRows, b: Buffer, n: number): boolean {
    this.fastOut = null;
    const end = n > 0 ? b.lastIndexOf(LF, n - 1) + 1 : 0;
    if (end === 0) return false;
    // (always: the fast path copies bytes as they are, where unescape() would replace a bad one)
    if (!isUtf8(b.subarray(0, end))) return false;
    const r = rows.fastRun(b, end, this.line);
    if (!r) return false;
    this.read += r.records;
    this.reset(this.line + r.records);
    this.carry = b.subarray(end, n);
    this.fastOut = { bytes: r.out, records: r.records };
    return true;
  }

  private scanCarry(): void {
    const n = this.carry.length;
    const b = Buffer.allocUnsafe(n + 1);
    this.carry.copy(b, 0);
    b[n] = LF;
    this.rows!.bufs.fill(b);
    this.scan(b, n);
  }

  private reset(line: number): void {
    this.line = line;
    this.carry = EMPTY;
    this.resume = 0;
    this.inQuote = false;
    this.field = 0;
    this.quotedLfs = 0;
    this.marks = 0;
    this.utf8From = 0;
  }

  /** The last record when the file does not end with a line feed. */
  end(): SplitBatch {
    const rows = this.rows;
    const before = rows ? rows.loaded : 0;
    if (rows) rows.startOutput(this.carry.length);
    // after a fast run the record in progress has not been scanned yet (it has no line feed)
    if (this.carry.length > this.resume && rows) this.scanCarry();
    const b = this.carry;
    const n = b.length;
    if (rows) rows.bufs.fill(b);
    if (n > 0) {
      if (this.inQuote) {
        this.read++;
        this.reject(b, 0, n, 'truncated last line');
      } else {
        let e = n;
        if (b[e - 1] === CR) e--;
        const fields = this.field + 1;
        if (rows && this.field < rows.fields) rows.ends[this.field] = e;
        this.endRecord(b, 0, e, fields, true);
      }
    }
    this.reset(this.line);
    return rows ? { bytes: rows.takeOutput(), records: rows.loaded - before } : { bytes: EMPTY, records: 0 };
  }

  private scan(b: Buffer, n: number): void {
    const rows = this.rows;
    const nf = rows ? rows.fields : 0;
    const starts = rows ? rows.starts : NONE;
    const ends = rows ? rows.ends : NONE;
    let p = this.resume;
    let rs = 0;
    let f = this.field;
    let inQ = this.inQuote;
    let qlf = this.quotedLfs;
    let marks = this.marks;
    if (nf > 0 && p === 0) starts[0] = 0;
    for (;;) {
      for (;;) {
        const c = b[p]!;
        // most bytes (digits, letters, '-', '.', multi-byte UTF-8) are none of the four below
        if (c > COMMA) {
          p++;
          continue;
        }
        if (c === COMMA) {
          if (!inQ) {
            if (f < nf) ends[f] = p;
            if (++f < nf) starts[f] = p + 1;
          }
        } else if (c === LF) {
          if (!inQ || p === n) break;
          qlf++;
        } else if (c === QUOTE) {
          inQ = !inQ;
          marks++;
        } else if (c === CR) marks++;
        p++;
      }
      if (p === n) break;
      // a record [rs, e) ends at the line feed at p
      let e = p;
      if (e > rs && b[e - 1] === CR) {
        e--;
        marks--;
      }
      if (f < nf) ends[f] = e;
      if (f + 1 === nf && marks === 0 && e > rs) {
        // the common case: a plain record with the header's field count
        this.read++;
        rows!.row(this.line);
      } else {
        this.endRecord(b, rs, e, f + 1, false);
        if (this.header && !this.rows) {
          // the header: rows are held back until begin()
          this.line += 1 + qlf;
          rs = p + 1;
          this.carry = b.subarray(rs, n);
          this.utf8From = Math.max(0, this.utf8From - rs);
          this.resume = 0;
          this.inQuote = false;
          this.field = 0;
          this.quotedLfs = 0;
          this.marks = 0;
          return;
        }
      }
      this.line += 1 + qlf;
      qlf = 0;
      f = 0;
      marks = 0;
      rs = ++p;
      if (nf > 0) starts[0] = rs;
    }
    // keep the record in progress, its positions relative to its start
    this.carry = b.subarray(rs, n);
    this.utf8From = Math.max(0, this.utf8From - rs);
    this.resume = p - rs;
    for (let k = 0; k <= f && k < nf; k++) {
      starts[k] = starts[k]! - rs;
      if (k < f) ends[k] = ends[k]! - rs;
    }
    this.inQuote = inQ;
    this.field = f;
    this.quotedLfs = qlf;
    this.marks = marks;
  }

  /** Every record but the plain, well-formed one: empty, header, wrong field count, quotes/CRs. */
  private endRecord(b: Buffer, rs: number, e: number, fields: number, last: boolean): void {
    if (e === rs) return; // empty line: skipped
    if (!this.header) {
      this.header = Buffer.from(b.subarray(rs, e));
      this.expected = fields;
      return;
    }
    this.read++;
    if (fields !== this.expected) {
      const why = `expected ${this.expected} columns, found ${fields}`;
      this.reject(b, rs, e, last ? `truncated last line (${why})` : why);
      return;
    }
    if (last && this.checkUtf8 && !isUtf8(b.subarray(rs, e))) throw notUtf8(this.line + 1 + this.quotedLfs);
    const rows = this.rows!;
    const { starts, ends, bufs, special } = rows;
    for (let k = 0; k < rows.fields; k++) {
      const s = starts[k]!;
      const fe = ends[k]!;
      let sp = false;
      for (let i = s; i < fe && !sp; i++) sp = b[i] === QUOTE || b[i] === CR;
      if (!sp) continue;
      const v = Buffer.from(unescape(b, s, fe));
      bufs[k] = v;
      starts[k] = 0;
      ends[k] = v.length;
      special[k] = 1;
    }
    rows.row(this.line);
    bufs.fill(b);
    special.fill(0);
  }

  private reject(b: Buffer, rs: number, e: number, reason: string): void {
    if (this.rejects.length >= this.maxRejects) {
      this.rejectedBeyondCap++;
      return;
    }
    this.rejects.push({ line: this.line, reason, raw: b.toString('utf8', rs, Math.min(e, rs + 200)) });
  }

  /**
   * Bytes up to the chunk's last line feed are checked at once (a line feed never splits a
   * character); only when that fails are the kept records checked one by one, since bytes of a
   * rejected record or of the header do not fail the file (as with the generic splitter).
   */
  private precheckUtf8(b: Buffer, n: number): void {
    // (a negative offset would count from the end, where the sentinel is)
    const lastLf = n > 0 ? b.lastIndexOf(LF, n - 1) : -1;
    if (lastLf < this.utf8From) return;
    if (isUtf8(b.subarray(this.utf8From, lastLf + 1))) {
      this.utf8From = lastLf + 1;
      return;
    }
    this.utf8From = keptRecordsUtf8(b, n, this.line, this.header !== null, this.expected);
  }
}

/**
 * Walks the complete records of b (from a record start), checks the kept ones (not empty, not
 * the header, the header's field count) for UTF-8 and throws the generic splitter's error, with
 * the line of the record in progress after them. Returns where that record starts.
 */
function keptRecordsUtf8(b: Buffer, n: number, line: number, hasHeader: boolean, expected: number): number {
  let rs = 0;
  let inQ = false;
  let fields = 1;
  let qlf = 0;
  let bad = false;
  for (let p = 0; p < n; p++) {
    const c = b[p];
    if (c === QUOTE) inQ = !inQ;
    else if (c === COMMA) {
      if (!inQ) fields++;
    } else if (c === LF) {
      if (inQ) {
        qlf++;
        continue;
      }
      const e = p > rs && b[p - 1] === CR ? p - 1 : p;
      if (e > rs) {
        if (!hasHeader) {
          hasHeader = true;
          expected = fields;
        } else if (fields === expected && !isUtf8(b.subarray(rs, e))) bad = true;
      }
      line += 1 + qlf;
      qlf = 0;
      fields = 1;
      rs = p + 1;
    }
  }
  if (bad) throw notUtf8(line);
  return rs;
}

const notUtf8 = (line: number) => new Error(`not valid UTF-8 before line ${line} (is it GBK? try --encoding gbk)`);
