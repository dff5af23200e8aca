/**
 * Dates as whole day numbers (days since 1970-01-01), because the generator does date arithmetic
 * millions of times and string dates would dominate the run time. Business dates are plain
 * calendar days (Asia/Shanghai); times are written with an explicit +08:00 offset.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`expected a date YYYY-MM-DD, got "${iso}"`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (isoOf(n) !== iso) throw new Error(`not a calendar date: "${iso}"`);
  return n;
}

// Formatting a Date costs far more than a lookup; the generator formats the same few thousand
// days over and over.
const cache = new Map<number, string>();

export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (cache.size < 100_000) cache.set(day, s);
  }
  return s;
}

/** YYYYMMDD, for file names */
export const compactOf = (day: number): string => isoOf(day).replaceAll('-', '');

export function ymd(day: number): [number, number, number] {
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** First day of the month containing `day`, moved by `months` months. */
export function monthStart(day: number, months = 0): number {
  const [y, m] = ymd(day);
  return Date.UTC(y, m - 1 + months, 1) / MS_PER_DAY;
}

/** Last day of the month containing `day`. */
export const monthEnd = (day: number): number => monthStart(day, 1) - 1;

/** The same calendar date `years` years earlier or later (29 Feb becomes 1 Mar). */
export function addYears(day: number, years: number): number {
  const [y, m, d] = ymd(day);
  return Date.UTC(y + years, m - 1, d) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 local time with the Shanghai offset, `secondOfDay` in [0, 86400). */
export function timeOf(day: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${isoOf(day)}T${two(h)}:${two(mi)}:${two(s)}+08:00`;
}

/** Whole years of age on `asOf` for someone born on `birth`. */
export function ageOn(birth: number, asOf: number): number {
  const [by, bm, bd] = ymd(birth);
  const [ay, am, ad] = ymd(asOf);
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}
