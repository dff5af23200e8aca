/**
 * The one quote-aware CSV record splitter. It finds records and the field boundaries inside them
 * in a single pass over the decoded bytes and hands each well-formed record to a sink: the
 * generic sink (CopyCsvSink) writes it unchanged behind its line number for
 * `COPY … (FORMAT csv)` into a staging table (the rules are then checked in SQL, validate-sql.ts);
 * the holdings sink (holdings-rows.ts) checks the fields on the bytes and writes typed rows.
 *
 * Why not csv-parse: PostgreSQL's COPY parses CSV about three times faster than csv-parse does
 * in Node, and it has to parse the rows anyway to store them; holdings need field ranges, not
 * strings. So Node only walks bytes here: no per-field allocation for a plain record.
 *
 * Structure (docs/ingest.md):
 * - every `"` toggles quoting; commas and line feeds count only outside quotes; a CR before the
 *   line feed is dropped; empty lines are skipped; line numbers count physical lines;
 * - a quoted value may run past the end of its line only while the record is still short of the
 *   header's column count (counting every comma of the record); otherwise the quote is stray:
 *   the record is rejected ("unclosed quote", with its column) and reading resumes on the next
 *   line, so one stray quote never swallows the rest of the file;
 * - a record with the wrong number of fields, a NUL byte, a CR inside a value, or (UTF-8 files)
 *   bytes that are not UTF-8 is rejected with its line, column and reason;
 * - a header with a CR in it means CR-only line ends: the file fails with that reason.
 */
import { isUtf8 } from 'node:buffer';
import { ImportFileError } from './import-error.js';

export interface StructuralReject {
  line: number;
  /** the column the problem is in, when it is in one */
  column: string | null;
  reason: string;
  /** the record's start, for the rejects file */
  raw: string;
}

export interface SplitBatch {
  /** the sink's output for these records (COPY input) */
  bytes: Buffer;
  records: number;
}

/** Where a record's fields are: starts[k], ends[k] in the batch buffer, for k < the header's count. */
export interface FieldRanges {
  starts: Int32Array;
  ends: Int32Array;
}

export interface RecordSink {
  /** the header is known: the field ranges every record() call fills */
  begin(fields: FieldRanges): void;
  /** a new batch buffer; record ranges refer to it until the next startBatch */
  startBatch(b: Buffer, bytes: number): void;
  /** a well-formed record b[rs, e) on physical line `line`; plain: no quote in it */
  record(b: Buffer, rs: number, e: number, line: number, plain: boolean): void;
  /** the batch's output and the number of records written to it */
  endBatch(): SplitBatch;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const EMPTY: Buffer = Buffer.alloc(0);
const NONE: SplitBatch = { bytes: EMPTY, records: 0 };

export const RAW_CHARS = 200;

export class RecordSplitter {
  /** raw bytes of the header record, once seen */
  header: Buffer | null = null;
  /** the header's column names (for naming the column of a reject) */
  names: string[] = [];
  expected = 0;
  read = 0;
  readonly rejects: StructuralReject[] = [];
  /** rejects beyond the cap are counted but not kept, so memory stays bounded */
  rejectedBeyondCap = 0;
  /** records rejected for bytes that are not UTF-8 (many of them: the file is not UTF-8) */
  notUtf8 = 0;
  private sink: RecordSink | null;
  private ranges: FieldRanges = { starts: new Int32Array(0), ends: new Int32Array(0) };
  /** physical line of the record in progress */
  private line = 1;
  // The record in progress (from its first byte) is carried into the next chunk, with the scan's
  // state where it stopped, so a long quoted record is never scanned twice.
  private carry: Buffer = EMPTY;
  private resume = 0;
  private inQuote = false;
  private field = 0;
  /** every comma of the record, quoted or not (the stray-quote rule) */
  private commas = 0;
  /** the field the open quote started in */
  private quoteField = 0;
  private quotedLfs = 0;
  /** quotes, CRs and NULs seen in the record (a CR before its line feed is taken back) */
  private marks = 0;
  /** the batch buffer is not all UTF-8: check each record */
  private suspect = false;

  constructor(
    private readonly checkUtf8: boolean,
    /** the records' consumer; null: records after the header are held back until begin() */
    sink: RecordSink | null = null,
    private readonly maxRejects = 100_000,
  ) {
    this.sink = sink;
  }

  /** Starts handing records to the sink (when none was given to the constructor). */
  begin(sink: RecordSink): void {
    this.sink = sink;
    if (this.header) sink.begin(this.ranges);
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
    if (this.header && !this.sink) {
      this.carry = b.subarray(0, n);
      return NONE;
    }
    return this.scanBatch(b, n);
  }

  /** The last record when the file does not end with a line feed. */
  end(): SplitBatch {
    const n = this.carry.length;
    if (n > this.resume) {
      // not scanned yet (held back, or the scan stopped at the header)
      const b = Buffer.allocUnsafe(n + 1);
      this.carry.copy(b, 0);
      b[n] = LF;
      this.carry = EMPTY;
      this.resume = 0;
      const first = this.scanBatch(b, n);
      const last = this.endLast();
      return { bytes: Buffer.concat([first.bytes, last.bytes]), records: first.records + last.records };
    }
    return this.endLast();
  }

  private endLast(): SplitBatch {
    const b = this.carry;
    const n = b.length;
    const sink = this.sink;
    if (sink && this.header) sink.startBatch(b, n);
    if (n > 0) {
      this.suspect = this.checkUtf8 && !isUtf8(b);
      if (this.inQuote) {
        this.read++;
        this.reject(b, 0, n, this.names[this.quoteField] ?? null, 'truncated last line');
      } else {
        let e = n;
        if (b[e - 1] === CR) {
          e--;
          this.marks--;
        }
        if (this.field < this.expected) this.ranges.ends[this.field] = e;
        this.endRecord(b, 0, e, this.field + 1, true);
      }
    }
    this.carry = EMPTY;
    this.resume = 0;
    this.inQuote = false;
    return sink && this.header ? sink.endBatch() : NONE;
  }

  private scanBatch(b: Buffer, n: number): SplitBatch {
    const sink = this.sink;
    const hadHeader = this.header !== null;
    if (sink && hadHeader) {
      sink.startBatch(b, n);
      // a line feed never splits a character: the batch up to its last one is checked at once,
      // and only when that fails is each record checked
      const lastLf = n > 0 ? b.lastIndexOf(LF, n - 1) : -1;
      this.suspect = this.checkUtf8 && lastLf >= 0 && !isUtf8(b.subarray(0, lastLf + 1));
    }
    this.scan(b, n);
    if (hadHeader) return sink!.endBatch();
    if (this.header && sink && this.carry.length) {
      // the header was in this batch: what follows it is the sink's first batch
      const m = this.carry.length;
      const rest = Buffer.allocUnsafe(m + 1);
      this.carry.copy(rest, 0);
      rest[m] = LF;
      this.carry = EMPTY;
      return this.scanBatch(rest, m);
    }
    return NONE;
  }

  private scan(b: Buffer, n: number): void {
    const nf = this.expected;
    const { starts, ends } = this.ranges;
    let p = this.resume;
    let rs = 0;
    let f = this.field;
    let inQ = this.inQuote;
    let qlf = this.quotedLfs;
    let marks = this.marks;
    let commas = this.commas;
    if (nf > 0 && p === 0) starts[0] = 0;
    for (;;) {
      for (;;) {
        const c = b[p]!;
        // most bytes (digits, letters, '-', '.', multi-byte UTF-8) are none of the ones below
        if (c > COMMA) {
          p++;
          continue;
        }
        if (c === COMMA) {
          commas++;
          if (!inQ) {
            if (f < nf) ends[f] = p;
            if (++f < nf) starts[f] = p + 1;
          }
        } else if (c === LF) {
          if (!inQ || p === n) break;
          // a quoted line feed: part of the value while the record is short of its columns
          if (this.header && commas + 1 >= nf) break;
          qlf++;
        } else if (c === QUOTE) {
          inQ = !inQ;
          if (inQ) this.quoteField = f;
          marks++;
        } else if (c === CR || c === NUL) marks++;
        p++;
      }
      if (p === n) break;
      // a record [rs, e) ends at the line feed at p
      let e = p;
      if (inQ) {
        // a stray quote: this line is the record, rejected; the next line starts afresh
        this.read++;
        this.reject(b, rs, e, this.names[this.quoteField] ?? null, 'unclosed quote');
        inQ = false;
      } else {
        if (e > rs && b[e - 1] === CR) {
          e--;
          marks--;
        }
        if (f < nf) ends[f] = e;
        if (f + 1 === nf && marks === 0 && e > rs && !this.suspect) {
          // the common case: a plain record with the header's field count
          this.read++;
          this.sink!.record(b, rs, e, this.line, true);
        } else {
          const headerNext = !this.header;
          this.marks = marks;
          this.endRecord(b, rs, e, f + 1);
          if (headerNext && this.header) {
            // the header: the rest of the batch is scanned with its field count (or held back
            // until begin())
            this.line += 1 + qlf;
            this.carry = b.subarray(p + 1, n);
            this.resume = 0;
            this.field = 0;
            this.quotedLfs = 0;
            this.marks = 0;
            this.commas = 0;
            this.inQuote = false;
            return;
          }
        }
      }
      this.line += 1 + qlf;
      qlf = 0;
      f = 0;
      marks = 0;
      commas = 0;
      rs = ++p;
      if (nf > 0) starts[0] = rs;
    }
    // keep the record in progress, its positions relative to its start
    this.carry = b.subarray(rs, n);
    this.resume = p - rs;
    for (let k = 0; k <= f && k < nf; k++) {
      starts[k] = starts[k]! - rs;
      if (k < f) ends[k] = ends[k]! - rs;
    }
    this.inQuote = inQ;
    this.field = f;
    this.quotedLfs = qlf;
    this.marks = marks;
    this.commas = commas;
  }

  /** Every record but the plain, well-formed one: empty, header, wrong field count, marks. */
  private endRecord(b: Buffer, rs: number, e: number, fields: number, last = false): void {
    if (e === rs) return; // empty line: skipped
    if (!this.header) return this.takeHeader(b, rs, e, fields);
    this.read++;
    if (fields !== this.expected) {
      const why = `expected ${this.expected} columns, found ${fields}`;
      this.reject(b, rs, e, null, last ? `truncated last line (${why})` : why);
      return;
    }
    const { starts, ends } = this.ranges;
    let quoted = false;
    for (let k = 0; k < fields; k++) {
      const s = starts[k]!;
      const fe = ends[k]!;
      for (let i = s; i < fe; i++) {
        const c = b[i];
        if (c === NUL) return this.reject(b, rs, e, this.names[k] ?? null, 'NUL byte (0x00) in the value');
        if (c === CR) return this.reject(b, rs, e, this.names[k] ?? null, 'carriage return (CR) inside the value');
        if (c === QUOTE) quoted = true;
      }
      if (this.suspect && !isUtf8(b.subarray(s, fe))) {
        this.notUtf8++;
        return this.reject(b, rs, e, this.names[k] ?? null, 'bytes that are not UTF-8 in the value');
      }
    }
    this.sink!.record(b, rs, e, this.line, !quoted);
  }

  private takeHeader(b: Buffer, rs: number, e: number, fields: number): void {
    for (let i = rs; i < e; i++)
      if (b[i] === CR)
        throw new ImportFileError('the lines end with CR only (no line feed): save the file with LF or CRLF line ends');
    this.header = Buffer.from(b.subarray(rs, e));
    this.expected = fields;
    this.names = this.header
      .toString('utf8')
      .split(',')
      .map((x) =>
        x
          .replace(/^\uFEFF/, '')
          .replace(/"/g, '')
          .trim()
          .toLowerCase(),
      );
    this.ranges = { starts: new Int32Array(fields), ends: new Int32Array(fields) };
    this.sink?.begin(this.ranges);
  }

  private reject(b: Buffer, rs: number, e: number, column: string | null, reason: string): void {
    if (this.rejects.length >= this.maxRejects) {
      this.rejectedBeyondCap++;
      return;
    }
    const raw = b.toString('utf8', rs, Math.min(e, rs + RAW_CHARS)).replace(/\0/g, '\\0');
    this.rejects.push({ line: this.line, column, reason, raw });
  }
}

/** The generic sink: `<line>,<record>\n` per record, for `COPY stage (line_no, …) FROM STDIN (FORMAT csv)`. */
export class CopyCsvSink implements RecordSink {
  private out: Buffer = EMPTY;
  private len = 0;
  private records = 0;

  begin(): void {}

  startBatch(_b: Buffer, bytes: number): void {
    this.out = Buffer.allocUnsafe(bytes + (bytes >>> 3) + 64);
    this.len = 0;
    this.records = 0;
  }

  record(b: Buffer, rs: number, e: number, line: number): void {
    const need = e - rs + 12;
    if (this.len + need > this.out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.len + need));
      this.out.copy(bigger, 0, 0, this.len);
      this.out = bigger;
    }
    const o = this.out;
    let digits = 1;
    for (let m = line; m >= 10; m = (m / 10) | 0) digits++;
    for (let k = this.len + digits - 1, m = line; k >= this.len; k--, m = (m / 10) | 0) o[k] = 0x30 + (m % 10);
    this.len += digits;
    o[this.len++] = COMMA;
    this.len += b.copy(o, this.len, rs, e);
    o[this.len++] = LF;
    this.records++;
  }

  endBatch(): SplitBatch {
    const r = { bytes: this.out.subarray(0, this.len), records: this.records };
    this.out = EMPTY;
    this.len = 0;
    this.records = 0;
    return r;
  }
}
