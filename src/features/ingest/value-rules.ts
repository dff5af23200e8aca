/**
 * The contract's rules for text values (docs/data-format.md): surrounding whitespace is trimmed,
 * ids are at most 64 characters, names 200, other text 2,000, and an id holding an invisible
 * character (zero-width, format or control) is rejected: " C001", "C001\u200b" and "C001" once
 * made three customers. One list of characters and one set of reasons for the SQL path
 * (validate-sql.ts) and the holdings fast path (holdings-rows.ts).
 */

/** whitespace trimmed from both ends of every value: space, tab, CR, LF, NBSP, ideographic space */
const TRIMMED = [0x20, 0x09, 0x0d, 0x0a, 0xa0, 0x3000];

/** invisible code points an id may not hold: C0/C1 controls and the Unicode format characters (Cf) */
export const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x01, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x600, 0x605],
  [0x61c, 0x61c],
  [0x6dd, 0x6dd],
  [0x70f, 0x70f],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
];

export const ID_MAX = 64;
export const NAME_MAX = 200;
export const TEXT_MAX = 2000;

export const tooLong = (max: number) => `longer than ${max} characters`;
const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
export const invisibleReason = (cp: number) => `invisible character U+${hex(cp)} in an id`;

// SQL (PostgreSQL's advanced regular expressions: \uXXXX and \UXXXXXXXX escapes, UTF-8 database)
const esc = (cp: number) =>
  cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
const INVISIBLE_RE = `'[${INVISIBLE.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join('')}]'`;
const TRIM_SQL = `E'${TRIMMED.map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('')}'`;

export const trimSql = (e: string) => `btrim(${e}, ${TRIM_SQL})`;
export const invisibleSql = (e: string) => `${e} ~ ${INVISIBLE_RE}`;
/** the reason naming the first invisible character, as invisibleReason() writes it */
export const invisibleReasonSql = (e: string) =>
  `'invisible character U+' || lpad(upper(to_hex(ascii(substring(${e} from ${INVISIBLE_RE})))), 4, '0') || ' in an id'`;

// Bytes (UTF-8)

/** the code point at b[i] and its length in bytes (the input is valid UTF-8) */
function codePoint(b: Buffer, i: number): [number, number] {
  const c = b[i]!;
  if (c < 0x80) return [c, 1];
  if (c < 0xe0) return [((c & 0x1f) << 6) | (b[i + 1]! & 0x3f), 2];
  if (c < 0xf0) return [((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f), 3];
  return [((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f), 4];
}

const isTrimmed = (cp: number) => TRIMMED.includes(cp);

/** the start of b[s, e) without leading whitespace */
export function trimStart(b: Buffer, s: number, e: number): number {
  while (s < e) {
    const c = b[s]!;
    if (c > 0x20 && c < 0x80) return s;
    const [cp, n] = codePoint(b, s);
    if (!isTrimmed(cp)) return s;
    s += n;
  }
  return s;
}

/** the end of b[s, e) without trailing whitespace */
export function trimEnd(b: Buffer, s: number, e: number): number {
  while (e > s) {
    const c = b[e - 1]!;
    if (c > 0x20 && c < 0x80) return e;
    // back to the start of the last character
    let k = e - 1;
    while (k > s && (b[k]! & 0xc0) === 0x80) k--;
    const [cp] = codePoint(b, k);
    if (!isTrimmed(cp)) return e;
    e = k;
  }
  return e;
}

/** why the (non-empty, trimmed) id b[s, e) is rejected — too long, an invisible character — or null */
export function idProblem(b: Buffer, s: number, e: number): string | null {
  if (longerThan(b, s, e, ID_MAX)) return tooLong(ID_MAX);
  const cp = invisibleIn(b, s, e);
  return cp >= 0 ? invisibleReason(cp) : null;
}

/** whether b[s, e) holds more than `max` characters */
export function longerThan(b: Buffer, s: number, e: number, max: number): boolean {
  if (e - s <= max) return false;
  let chars = 0;
  for (let i = s; i < e; i++) if ((b[i]! & 0xc0) !== 0x80 && ++chars > max) return true;
  return false;
}

/** the first invisible code point in b[s, e), or -1 */
export function invisibleIn(b: Buffer, s: number, e: number): number {
  for (let i = s; i < e;) {
    const c = b[i]!;
    if (c >= 0x20 && c < 0x7f) {
      i++;
      continue;
    }
    const [cp, n] = codePoint(b, i);
    for (const [lo, hi] of INVISIBLE) if (cp >= lo && cp <= hi) return cp;
    i += n;
  }
  return -1;
}
