/**
 * CSV per RFC 4180 for both outputs: PostgreSQL COPY (FORMAT csv) and the data-format files.
 * In COPY, an unquoted empty field is NULL and a quoted one is an empty string, so `null`
 * becomes nothing and text is quoted only when it has to be.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export type Cell = string | number | bigint | boolean | null | undefined;

export function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (v === '') return '""';
    return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

export const line = (cells: readonly Cell[]): string => `${cells.map(field).join(',')}\n`;

/** A PostgreSQL text[] literal ({a,b}); elements here are plain lower-case words. */
export const pgArray = (items: readonly string[]): string => `{${items.join(',')}}`;

/**
 * Accumulates CSV lines and hands them out as a few large strings: COPY and file streams are
 * much faster with big writes than with one write per row. Lines are appended to a string
 * (V8 builds a rope) and encoded to UTF-8 every 64 k characters, so the rope's many small
 * pieces die young and the bulk of the text lives off the JS heap.
 */
export class CsvChunk {
  private parts: Buffer[] = [];
  private cur = '';
  rows = 0;

  add(l: string): void {
    this.cur += l;
    this.rows++;
    if (this.cur.length > 1 << 16) {
      this.parts.push(Buffer.from(this.cur));
      this.cur = '';
    }
  }

  /** the accumulated text as large strings; the chunk is empty afterwards */
  take(): Buffer[] {
    if (this.cur) this.parts.push(Buffer.from(this.cur));
    const out = this.parts;
    this.parts = [];
    this.cur = '';
    this.rows = 0;
    return out;
  }
}
