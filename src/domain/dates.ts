/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without time zones: business dates are local
 * (Asia/Shanghai) calendar days, so they are handled as plain dates.
 */
export type IsoDate = string;

const parse = (d: IsoDate) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};

/** Whole years between birth and asOf (the birthday itself counts). */
export function ageOn(birth: IsoDate, asOf: IsoDate): number {
  const b = parse(birth);
  const a = parse(asOf);
  let age = a.y - b.y;
  if (a.m < b.m || (a.m === b.m && a.day < b.day)) age -= 1;
  return age;
}

/** The date `months` calendar months after d (clamped to the month's last day). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const { y, m, day } = parse(d);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function addDays(d: IsoDate, days: number): IsoDate {
  const { y, m, day } = parse(d);
  return new Date(Date.UTC(y, m - 1, day + days)).toISOString().slice(0, 10);
}

/** Today's calendar date in Asia/Shanghai for an instant. */
export function shanghaiDate(now: Date): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Risk assessment expired: never assessed, or assessed more than `validMonths` ago. */
export function assessmentExpired(assessedOn: IsoDate | null, asOf: IsoDate, validMonths: number): boolean {
  if (!assessedOn) return true;
  return addMonths(assessedOn, validMonths) < asOf;
}

/** Day of the month, 1–31. */
export const dayOfMonth = (d: IsoDate): number => Number(d.slice(8, 10));
/** The 1st of d's month. */
export const monthStartOf = (d: IsoDate): IsoDate => `${d.slice(0, 8)}01`;
/** Whether d is the last day of its month. */
export const isMonthEnd = (d: IsoDate): boolean => addDays(d, 1).slice(8, 10) === '01';
