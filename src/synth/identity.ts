/**
 * Chinese personal identity details: names, 18-digit resident ID numbers with a valid GB 11643
 * check character, and 11-digit mobile numbers. Synthetic, but shaped like the real thing so
 * masking, search and validation code meets realistic input.
 */
import { GIVEN_FEMALE, GIVEN_MALE, MOBILE_PREFIXES, REGION_CODES, SURNAMES, SURNAME_WEIGHTS } from './names.js';
import type { Rng } from './prng.js';
import { ymd } from './days.js';
import type { Gender } from '../domain/enums.js';

const surnameCumulative = (() => {
  let t = 0;
  return SURNAME_WEIGHTS.map((w) => (t += w));
})();
const surnameTotal = surnameCumulative[surnameCumulative.length - 1]!;

export function surname(r: Rng): string {
  const x = r.next() * surnameTotal;
  // binary search over cumulative weights: this runs once per customer
  let lo = 0;
  let hi = surnameCumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (surnameCumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return SURNAMES[lo]!;
}

export function personName(r: Rng, gender: Gender): string {
  const chars = gender === 'm' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = r.chance(0.72) ? r.pick(chars) + r.pick(chars) : r.pick(chars);
  return surname(r) + given;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** region + birth date + 3-digit sequence (odd for men, even for women) + check character */
export function idNumber(r: Rng, birthDay: number, gender: Gender): string {
  const [y, m, d] = ymd(birthDay);
  let seq = r.int(0, 499) * 2 + (gender === 'm' ? 1 : 0);
  if (seq === 0) seq = 2;
  const first17 =
    r.pick(REGION_CODES) +
    String(y) +
    String(m).padStart(2, '0') +
    String(d).padStart(2, '0') +
    String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

export function mobile(r: Rng): string {
  return r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
}
