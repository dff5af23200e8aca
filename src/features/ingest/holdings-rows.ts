/**
 * The holdings fast path's row checks, as the record splitter's sink (record-splitter.ts): takes
 * each record's field ranges, checks every field by hand on the bytes and writes the final typed
 * row for
 * `COPY <day> (customer_id, account_id, product_id, balance_fen, maturity_date, line_no)`
 * (as_of_date is the day table's column default). Checks and reject reasons are exactly those of
 * the SQL path (validate-sql.ts), in the same order: column checks in contract column order, then
 * references (against id sets loaded from the database), the first failing check wins. Duplicate
 * keys are found by hash here (key-seen.ts) and checked exactly in SQL (merge-holdings.ts).
 *
 * Why by hand: PostgreSQL's regex/CASE validation costs ≈ 4 µs a row in one process; these byte
 * checks cost a fraction of that and run on the other core while PostgreSQL parses the COPY.
 */
import { isRealDate } from './file-name.js';
import { IdSet } from './id-set.js';
import { ImportFileError } from './import-error.js';
import type { KeySeen } from './key-seen.js';
import type { FieldRanges, RecordSink, SplitBatch } from './record-splitter.js';
import { MONEY_INT_DIGITS, TOO_LARGE } from './sql-text.js';
import { ceilingReason, overCeiling } from './ceiling.js';
import { idProblem, trimEnd, trimStart } from './value-rules.js';
import { DEFAULT_SETTINGS } from '../../domain/settings.js';

export type CopyFormat = 'csv' | 'binary';

/**
 * PostgreSQL's binary COPY framing: the signature, flags and header-extension length before the
 * first tuple, and a field count of -1 after the last. The tuples themselves are written by
 * HoldingsRows; a COPY's input is header + tuples + trailer.
 */
export const COPY_BINARY_HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

export interface HoldingsRefs {
  customers: IdSet;
  products: IdSet;
}

export interface RowReject {
  line: number;
  column: string;
  value: string;
  reason: string;
  /** the row's key when both parts are non-empty (a later valid row with it is a duplicate) */
  accountId: string | null;
  productId: string | null;
}

/** position of each contract column in the header, -1 when absent (only maturity_date may be) */
export interface HoldingsColumns {
  as_of_date: number;
  customer_id: number;
  account_id: number;
  product_id: number;
  balance: number;
  maturity_date: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const MINUS = 0x2d;
const DOT = 0x2e;
const D0 = 0x30;
const D9 = 0x39;

const EMPTY = Buffer.alloc(0);

const NO_DATE = 'no business date: none in the file name, no --date, and no valid as_of_date on the first row';

export class HoldingsRows implements RecordSink {
  loaded = 0;
  rejected = 0;
  /** distinct customers among the loaded rows (the day's size, for the shrink guard) */
  customers = 0;
  private seenCustomer: Uint8Array | null = null;
  readonly fields: number;
  // The row being checked: where each field's value is (the batch, or its unescaped copy) and its
  // range there (the splitter's ranges, see begin()).
  starts: Int32Array;
  ends: Int32Array;
  /** field had a quote: its value was unescaped (and is re-quoted on output) */
  readonly special: Uint8Array;
  readonly bufs: Buffer[];
  private dateBytes: Buffer | null;
  private out = EMPTY;
  private len = 0;
  private batchStart = 0;
  // The last customer found, by its position in the id set: files come grouped by customer, and
  // usually in the order the ids were loaded, so most rows compare bytes with it or with the next
  // id instead of hashing (a list of recent ids, objects and all, cost more than the lookups).
  private lastCustomer = -1;
  /** the largest balance a row may hold, in fen (settings imports.positionCeilingFen) */
  ceilingFen = DEFAULT_SETTINGS.imports.positionCeilingFen;

  constructor(
    fieldCount: number,
    private readonly cols: HoldingsColumns,
    private readonly refs: HoldingsRefs,
    /** the business date; null: the first row's as_of_date (then it must be a real date) */
    public date: string | null,
    private readonly onReject: (r: RowReject) => void,
    /** every row with a non-empty key (rejected ones too, as in SQL) is added here */
    private readonly keys: KeySeen,
    /** CSV text rows, or PostgreSQL's binary COPY tuples (see COPY_BINARY_HEADER) */
    readonly format: CopyFormat = 'csv',
  ) {
    this.fields = fieldCount;
    this.starts = new Int32Array(fieldCount);
    this.ends = new Int32Array(fieldCount);
    this.special = new Uint8Array(fieldCount);
    this.bufs = new Array<Buffer>(fieldCount);
    this.dateBytes = date === null ? null : Buffer.from(date);
  }

  begin(fields: FieldRanges): void {
    if (fields.starts.length !== this.fields)
      throw new Error(`${this.fields} columns mapped, header has ${fields.starts.length}`);
    this.starts = fields.starts;
    this.ends = fields.ends;
  }

  startBatch(b: Buffer, bytes: number): void {
    this.startOutput(bytes);
    this.bufs.fill(b);
    this.batchStart = this.loaded;
  }

  record(b: Buffer, _rs: number, _e: number, line: number, plain: boolean): void {
    if (plain) return this.row(line);
    // fields with quotes are unescaped into their own buffer; the rest are read in place
    const { starts, ends, bufs, special } = this;
    for (let k = 0; k < this.fields; k++) {
      const s = starts[k]!;
      const fe = ends[k]!;
      let q = false;
      for (let i = s; i < fe && !q; i++) q = b[i] === QUOTE;
      if (!q) continue;
      const v = Buffer.from(unescape(b, s, fe));
      bufs[k] = v;
      starts[k] = 0;
      ends[k] = v.length;
      special[k] = 1;
    }
    this.row(line);
    bufs.fill(b);
    special.fill(0);
  }

  endBatch(): SplitBatch {
    return { bytes: this.takeOutput(), records: this.loaded - this.batchStart };
  }

  /** Starts a batch's output, sized for `bytes` of input (it grows if needed). */
  startOutput(bytes: number): void {
    // a binary tuple is ≈ 1.3× its CSV line (lengths and the int8 instead of the date): sized so
    // that it rarely needs to grow (a copy of everything written so far)
    this.out = Buffer.allocUnsafe((this.format === 'binary' ? bytes + (bytes >>> 1) : bytes) + 1024);
    this.len = 0;
  }

  /** The batch's output; its buffer is not written to again. */
  takeOutput(): Buffer {
    const b = this.out.subarray(0, this.len);
    this.out = EMPTY;
    this.len = 0;
    return b;
  }

  /** Checks the row in starts/ends/bufs and writes it, or reports it rejected. */
  row(line: number): void {
    const c = this.cols;
    const { starts, ends, bufs } = this;
    if (this.dateBytes === null) {
      const f = c.as_of_date;
      const d = bufs[f]!.toString('utf8', starts[f], ends[f]);
      if (!isRealDate(d)) throw new ImportFileError(NO_DATE);
      this.date = d;
      this.dateBytes = Buffer.from(d);
    }
    const r = this.check();
    const k = c.account_id;
    const pr = c.product_id;
    const hasKey = ends[k]! > starts[k]! && ends[pr]! > starts[pr]!;
    if (hasKey) this.keys.add(bufs[k]!, starts[k]!, ends[k]!, bufs[pr]!, starts[pr]!, ends[pr]!, line);
    if (r) {
      this.rejected++;
      this.onReject({
        line,
        column: r[0],
        value: r[2] < 0 ? '' : bufs[r[2]]!.toString('utf8', starts[r[2]], ends[r[2]]),
        reason: r[1],
        accountId: hasKey ? bufs[k]!.toString('utf8', starts[k], ends[k]) : null,
        productId: hasKey ? bufs[pr]!.toString('utf8', starts[pr], ends[pr]) : null,
      });
      return;
    }
    this.loaded++;
    // check() found the row's customer: lastCustomer is its position in the id set
    const seen = (this.seenCustomer ??= new Uint8Array(this.refs.customers.size));
    if (!seen[this.lastCustomer]) {
      seen[this.lastCustomer] = 1;
      this.customers++;
    }
    this.ensure(256 + 2 * (this.width(c.customer_id) + this.width(c.account_id) + this.width(c.product_id)));
    if (this.format === 'binary') this.binaryRow(line);
    else this.csvRow(line);
  }

  private csvRow(line: number): void {
    const c = this.cols;
    const { starts, ends, bufs } = this;
    this.put(c.customer_id);
    this.out[this.len++] = COMMA;
    this.put(c.account_id);
    this.out[this.len++] = COMMA;
    this.put(c.product_id);
    this.out[this.len++] = COMMA;
    this.fen(bufs[c.balance]!, starts[c.balance]!, ends[c.balance]!);
    this.out[this.len++] = COMMA;
    // empty (unquoted or "") is written unquoted: NULL
    if (c.maturity_date >= 0 && this.width(c.maturity_date) > 0) this.put(c.maturity_date);
    this.out[this.len++] = COMMA;
    // the line number, as digits
    let digits = 1;
    for (let m = line; m >= 10; m = (m / 10) | 0) digits++;
    const o = this.out;
    for (let k = this.len + digits - 1, m = line; k >= this.len; k--, m = (m / 10) | 0) o[k] = D0 + (m % 10);
    this.len += digits;
    o[this.len++] = LF;
  }

  /**
   * One binary COPY tuple: 6 fields, each a 4-byte length (-1: NULL) and its bytes. Text fields
   * are the (unescaped) UTF-8 bytes, balance_fen an int8, maturity_date an int4 of days since
   * 2000-01-01, line_no an int4. PostgreSQL then parses no CSV, digits or dates.
   */
  private binaryRow(line: number): void {
    const c = this.cols;
    const { starts, ends, bufs } = this;
    this.int16(6);
    this.bytes(c.customer_id);
    this.bytes(c.account_id);
    this.bytes(c.product_id);
    this.int32(8);
    this.fenInt8(bufs[c.balance]!, starts[c.balance]!, ends[c.balance]!);
    const d = c.maturity_date;
    if (d >= 0 && ends[d]! > starts[d]!) {
      this.int32(4);
      this.int32(pgDays(bufs[d]!, starts[d]!));
    } else this.int32(-1);
    this.int32(4);
    this.int32(line);
  }

  private int16(v: number): void {
    const o = this.out;
    o[this.len++] = (v >>> 8) & 0xff;
    o[this.len++] = v & 0xff;
  }

  private int32(v: number): void {
    const o = this.out;
    const l = this.len;
    o[l] = (v >>> 24) & 0xff;
    o[l + 1] = (v >>> 16) & 0xff;
    o[l + 2] = (v >>> 8) & 0xff;
    o[l + 3] = v & 0xff;
    this.len = l + 4;
  }

  /** a text field: its length and its (already unescaped) bytes */
  private bytes(f: number): void {
    const s = this.starts[f]!;
    const e = this.ends[f]!;
    this.int32(e - s);
    const fb = this.bufs[f]!;
    const o = this.out;
    let len = this.len;
    for (let i = s; i < e; i++) o[len++] = fb[i]!;
    this.len = len;
  }

  /**
   * yuan → fen as a big-endian int8 (integer arithmetic: up to 15 digits in a double, which is
   * exact; the rare longer amount, ≤ 18 digits after the size check, through BigInt)
   */
  private fenInt8(fb: Buffer, s: number, e: number): void {
    let v = 0;
    let digits = 0;
    let decimals = -1;
    if (fb[s] !== MINUS) {
      // (a valid negative amount is -0: 0)
      for (let i = s; i < e; i++) {
        const ch = fb[i]!;
        if (ch === DOT) decimals = 0;
        else {
          v = v * 10 + (ch - D0);
          digits++;
          if (decimals >= 0) decimals++;
        }
      }
      for (let k = Math.max(decimals, 0); k < 2; k++) {
        v *= 10;
        digits++;
      }
    }
    if (digits > 15) {
      this.out.writeBigInt64BE(BigInt(fb.toString('latin1', s, e).replace('.', '').padEnd(digits, '0')), this.len);
      this.len += 8;
      return;
    }
    const hi = Math.floor(v / 4294967296);
    this.int32(hi);
    this.int32(v - hi * 4294967296);
  }

  private width(f: number): number {
    return this.ends[f]! - this.starts[f]!;
  }

  /** the first failing check as (column, reason, field of the value), or null for a valid row */
  private check(): [string, string, number] | null {
    const c = this.cols;
    const { starts, ends, bufs } = this;
    const empty = 'required value is empty';
    // surrounding whitespace is trimmed off every value (the SQL path's trimStatement)
    for (let f = 0; f < this.fields; f++) {
      starts[f] = trimStart(bufs[f]!, starts[f]!, ends[f]!);
      ends[f] = trimEnd(bufs[f]!, starts[f]!, ends[f]!);
    }
    // column checks, in contract column order
    const a = c.as_of_date;
    if (ends[a] === starts[a]) return ['as_of_date', empty, a];
    if (!sameBytes(bufs[a]!, starts[a]!, ends[a]!, this.dateBytes!))
      return ['as_of_date', `as_of_date is not the file's business date ${this.date}`, a];
    // ids: required, at most 64 characters, no invisible character
    const cu = c.customer_id;
    if (ends[cu] === starts[cu]) return ['customer_id', empty, cu];
    let bad = idProblem(bufs[cu]!, starts[cu]!, ends[cu]!);
    if (bad) return ['customer_id', bad, cu];
    const ac = c.account_id;
    if (ends[ac] === starts[ac]) return ['account_id', empty, ac];
    if ((bad = idProblem(bufs[ac]!, starts[ac]!, ends[ac]!))) return ['account_id', bad, ac];
    const pr = c.product_id;
    if (ends[pr] === starts[pr]) return ['product_id', empty, pr];
    if ((bad = idProblem(bufs[pr]!, starts[pr]!, ends[pr]!))) return ['product_id', bad, pr];
    const m = c.balance;
    if (ends[m] === starts[m]) return ['balance', empty, m];
    const money = moneyKind(bufs[m]!, starts[m]!, ends[m]!);
    if (money === 0) return ['balance', 'not an amount with at most 2 decimals', m];
    if (money === 3) return ['balance', TOO_LARGE, m];
    if (money === 2) return ['balance', 'must not be negative', m];
    if (overCeiling(bufs[m]!, starts[m]!, ends[m]!, this.ceilingFen))
      return ['balance', ceilingReason('balance', this.ceilingFen), m];
    const d = c.maturity_date;
    if (d >= 0 && ends[d] !== starts[d] && !dateOk(bufs[d]!, starts[d]!, ends[d]!))
      return ['maturity_date', 'not a real date YYYY-MM-DD', d];
    // references
    if (!this.knownCustomer(bufs[c.customer_id]!, starts[c.customer_id]!, ends[c.customer_id]!))
      return ['customer_id', 'unknown customer', c.customer_id];
    if (!this.refs.products.has(bufs[c.product_id]!, starts[c.product_id]!, ends[c.product_id]!))
      return ['product_id', 'unknown product', c.product_id];
    return null;
  }

  private knownCustomer(b: Buffer, s: number, e: number): boolean {
    const ids = this.refs.customers;
    const last = this.lastCustomer;
    if (ids.is(last, b, s, e)) return true;
    if (ids.is(last + 1, b, s, e)) {
      this.lastCustomer = last + 1;
      return true;
    }
    const k = ids.indexOf(b, s, e);
    if (k < 0) return false;
    this.lastCustomer = k;
    return true;
  }

  /** a text value for COPY: as is, or quoted when the source had quotes */
  private put(f: number): void {
    const fb = this.bufs[f]!;
    const e = this.ends[f]!;
    const o = this.out;
    let len = this.len;
    if (!this.special[f]) {
      for (let i = this.starts[f]!; i < e; i++) o[len++] = fb[i]!;
      this.len = len;
      return;
    }
    o[len++] = QUOTE;
    for (let i = this.starts[f]!; i < e; i++) {
      const c = fb[i]!;
      if (c === QUOTE) o[len++] = QUOTE;
      o[len++] = c;
    }
    o[len++] = QUOTE;
    this.len = len;
  }

  /** yuan → fen as digits (integer text arithmetic, never a float); a valid -0 is 0 */
  private fen(fb: Buffer, s: number, e: number): void {
    const o = this.out;
    if (fb[s] === MINUS) {
      o[this.len++] = D0;
      return;
    }
    let dot = -1;
    for (let i = s; i < e; i++) {
      if (fb[i] === DOT) dot = i;
      else o[this.len++] = fb[i]!;
    }
    const decimals = dot < 0 ? 0 : e - dot - 1;
    for (let k = decimals; k < 2; k++) o[this.len++] = D0;
  }

  private ensure(n: number): void {
    if (this.len + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.len + n));
    this.out.copy(bigger, 0, 0, this.len);
    this.out = bigger;
  }
}

function sameBytes(b: Buffer, s: number, e: number, v: Buffer): boolean {
  if (e - s !== v.length) return false;
  for (let i = 0; i < v.length; i++) if (b[s + i] !== v[i]) return false;
  return true;
}

/** PostgreSQL's CSV rules: quotes toggle quoting, `""` inside quotes is one quote. */
export function unescape(b: Buffer, s: number, e: number): string {
  const parts: number[] = [];
  let q = false;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c !== QUOTE) parts.push(c);
    else if (q && b[i + 1] === QUOTE && i + 1 < e) {
      parts.push(QUOTE);
      i++;
    } else q = !q;
  }
  return Buffer.from(parts).toString('utf8');
}

/**
 * `^-?[0-9]+(\.[0-9][0-9]?)?$` and at most 20 characters (the SQL path's money check):
 * 0 = not an amount, 3 = more than 16 integer digits (too large for fen in a bigint),
 * 1 = an amount ≥ 0, 2 = negative (a minus sign and a non-zero digit).
 */
export function moneyKind(b: Buffer, s: number, e: number): 0 | 1 | 2 | 3 {
  if (e - s > 20) return 0;
  let i = s;
  const neg = b[i] === MINUS;
  if (neg) i++;
  const intStart = i;
  let nonZero = false;
  while (i < e && b[i]! >= D0 && b[i]! <= D9) {
    if (b[i] !== D0) nonZero = true;
    i++;
  }
  if (i === intStart) return 0;
  const intDigits = i - intStart;
  if (i < e) {
    if (b[i] !== DOT) return 0;
    i++;
    const fracStart = i;
    while (i < e && b[i]! >= D0 && b[i]! <= D9) {
      if (b[i] !== D0) nonZero = true;
      i++;
    }
    if (i !== e || i === fracStart || i - fracStart > 2) return 0;
  }
  if (intDigits > MONEY_INT_DIGITS) return 3;
  return neg && nonZero ? 2 : 1;
}

const digit = (c: number) => (c >= D0 && c <= D9 ? c - D0 : -1);

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** a checked YYYY-MM-DD as PostgreSQL's binary date: days since 2000-01-01 */
export function pgDays(b: Buffer, s: number): number {
  // (no inner helper: a closure per call costs more than the arithmetic)
  let y = (b[s]! - D0) * 1000 + (b[s + 1]! - D0) * 100 + (b[s + 2]! - D0) * 10 + (b[s + 3]! - D0);
  const m = (b[s + 5]! - D0) * 10 + (b[s + 6]! - D0);
  const d = (b[s + 8]! - D0) * 10 + (b[s + 9]! - D0);
  // days from civil (Howard Hinnant), counted from 2000-01-01 instead of 1970-01-01
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 730425;
}

/** a real calendar date YYYY-MM-DD (the SQL path's dateOk: year 0000 is not one) */
export function dateOk(b: Buffer, s: number, e: number): boolean {
  if (e - s !== 10 || b[s + 4] !== MINUS || b[s + 7] !== MINUS) return false;
  const y0 = digit(b[s]!);
  const y1 = digit(b[s + 1]!);
  const y2 = digit(b[s + 2]!);
  const y3 = digit(b[s + 3]!);
  const m0 = digit(b[s + 5]!);
  const m1 = digit(b[s + 6]!);
  const d0 = digit(b[s + 8]!);
  const d1 = digit(b[s + 9]!);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || m0 < 0 || m1 < 0 || d0 < 0 || d1 < 0) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (y === 0 || m < 1 || m > 12 || day < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return day <= (m === 2 && leap ? 29 : MONTH_DAYS[m]!);
}
