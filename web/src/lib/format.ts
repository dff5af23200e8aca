/** Date, time, number and duration display helpers. */

export function formatInt(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(lang.startsWith('zh') ? 'zh-CN' : 'en-US').format(n);
}

export function formatPct(p: number | null | undefined, digits = 1): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${p.toFixed(digits)}%`;
}

/** The bank's time zone: every business date and displayed time is Shanghai's, whatever the browser's. */
export const BANK_TIME_ZONE = 'Asia/Shanghai';

const BANK_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: BANK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant's calendar date and clock time in Shanghai, or null when it is not a time. */
function bankParts(d: Date): { date: string; time: string } | null {
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(BANK_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * "2024-05-01": a plain business date as it is (no time-zone shift), or an ISO timestamp's date in
 * Shanghai.
 */
export function formatDate(s: string | null | undefined): string {
  if (!s) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return bankParts(new Date(s))?.date ?? s;
}

/** "2026-11-21 09:00": a timestamp in the bank's time (Asia/Shanghai), whatever the browser's time zone. */
export function formatDateTime(s: string | null | undefined): string {
  if (!s) return '—';
  const p = bankParts(new Date(s));
  return p ? `${p.date} ${p.time}` : s;
}

/** Today's date in Shanghai, "2026-11-21". */
export const bankToday = (now: Date = new Date()): string => bankParts(now)!.date;

/** "2024-05" from "2024-05-01". */
export const formatMonth = (s: string): string => s.slice(0, 7);

/** Whole days from today (in Shanghai) to a YYYY-MM-DD date; negative when in the past. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const day = (ymd: string) => {
    const [y, m, d] = ymd.slice(0, 10).split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((day(date) - day(bankToday(now))) / 86_400_000);
}
