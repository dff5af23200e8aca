/**
 * Suitability care (DOMAIN.md §5): customers at or over `settings.suitability.seniorAge`
 * (65 by default) are flagged for extra care.
 */
import { ageOn, type IsoDate } from './dates.js';
import type { Settings } from './settings.js';

type Senior = Pick<Settings['suitability'], 'seniorAge'>;

/** Whether a customer of `age` whole years is a senior. */
export const isSeniorAge = (age: number, s: Senior): boolean => age >= s.seniorAge;

/** Whether a customer born on `birthDate` is a senior on `asOf`; unknown birth dates are not. */
export const isSenior = (birthDate: IsoDate | null, asOf: IsoDate, s: Senior): boolean =>
  birthDate != null && isSeniorAge(ageOn(birthDate, asOf), s);
