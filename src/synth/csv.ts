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
 * much faster with megabyte writes than with one write per row.
 */
export class CsvChunk {
  private parts: string[] = [];
  private buf: string[] = [];
  private bufLen = 0;
  rows = 0;

  add(l: string): void {
    this.buf.push(l);
    this.rows++;
    this.bufLen += l.length;
    if (this.bufLen > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) this.parts.push(this.buf.join(''));
    this.buf = [];
    this.bufLen = 0;
  }

  /** the accumulated text as large strings; the chunk is empty afterwards */
  take(): string[] {
    this.flush();
    const out = this.parts;
    this.parts = [];
    this.rows = 0;
    return out;
  }
}
