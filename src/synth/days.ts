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

// Formatting a Date costs far more than an array lookup, and the generator formats the same
// days (1900–2100) millions of times.
const CACHE_FROM = -25_567; // 1900-01-01
const CACHE_DAYS = 73_414; // to 2100-12-31
const cache: (string | undefined)[] = new Array(CACHE_DAYS);

export function isoOf(day: number): string {
  const i = day - CACHE_FROM;
  if (i < 0 || i >= CACHE_DAYS) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return (cache[i] ??= new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

/** YYYYMMDD, for file names */
export const compactOf = (day: number): string => isoOf(day).replaceAll('-', '');

/** [year, month, day] of a day number; pure arithmetic (H. Hinnant's civil_from_days), no Date */
export function ymd(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** day number of a calendar date (days_from_civil); month may run past 1…12 */
export function dayFrom(y: number, m: number, d: number): number {
  y += Math.floor((m - 1) / 12);
  m = ((((m - 1) % 12) + 12) % 12) + 1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** First day of the month containing `day`, moved by `months` months. */
export function monthStart(day: number, months = 0): number {
  const [y, m] = ymd(day);
  return dayFrom(y, m + months, 1);
}

/** Last day of the month containing `day`. */
export const monthEnd = (day: number): number => monthStart(day, 1) - 1;

/** The same calendar date `years` years earlier or later (29 Feb becomes 1 Mar). */
export function addYears(day: number, years: number): number {
  const [y, m, d] = ymd(day);
  // 29 Feb in a common year rolls to 1 Mar, as Date.UTC would
  return m === 2 && d === 29 && dayFrom(y + years, 3, 1) - dayFrom(y + years, 2, 1) === 28
    ? dayFrom(y + years, 3, 1)
    : dayFrom(y + years, m, d);
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
