/**
 * One customer's profile: identity, home outlet, age, risk assessment and tags. Everything comes
 * from the customer's own streams, so customer i is the same whichever chunk it is built in.
 */
import type { Rng } from './prng.js';
import { Rng as R, TAG } from './prng.js';
import { addYears, ageOn } from './days.js';
import { idNumber, mobile, personName } from './identity.js';
import { drawTargetYuan } from './aum-draw.js';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { isSeniorAge } from '../domain/suitability.js';
import type { Gender } from '../domain/enums.js';
import { outletFor, type Bank } from './bank.js';

export const TAGS = ['payroll', 'gba', 'social_security', 'senior', 'car_owner', 'mortgage'] as const;

export interface CustomerProfile {
  index: number;
  customerId: string;
  name: string;
  gender: Gender;
  birthDay: number;
  age: number;
  idNumber: string;
  phone: string;
  outlet: number;
  openDay: number;
  /** 1…5 for C1…C5, 0 when never assessed */
  risk: number;
  riskDay: number | null;
  tags: string[];
  /** target month-average AUM, fen (a float, rounded by the AUM walk) */
  targetFen: number;
}

export const customerId = (index: number) => `C${String(index + 1).padStart(8, '0')}`;

// age bands [from, to] and weights: about 18% are 65+, as in a mature retail book
const AGE_BANDS: readonly (readonly [number, number])[] = [
  [18, 25],
  [26, 35],
  [36, 45],
  [46, 55],
  [56, 64],
  [65, 75],
  [76, 90],
];
const AGE_WEIGHTS = [10, 20, 20, 18, 14, 12, 6];
const AGE_WEIGHTS_RICH = [2, 10, 22, 24, 20, 15, 7];
const RISK_WEIGHTS = [8, 27, 38, 19, 8];
const RISK_WEIGHTS_SENIOR = [25, 40, 25, 8, 2];
const EARLIEST_OPEN = 10_227; // 1998-01-01

export function customerProfile(bank: Bank, index: number): CustomerProfile {
  const { asOf, seed } = bank;
  const targetFen = drawTargetYuan(new R(seed, TAG.aum, index), index, bank.spec.customers) * 100;
  const r = new R(seed, TAG.customer, index);
  const gender = r.chance(0.5) ? 'm' : 'f';
  const band = AGE_BANDS[r.weighted(targetFen >= 20_000_000 ? AGE_WEIGHTS_RICH : AGE_WEIGHTS)]!;
  const birthDay = addYears(asOf, -r.int(band[0], band[1])) - r.int(0, 364);
  const age = ageOn(birthDay, asOf);
  const name = personName(r, gender);
  const id = idNumber(r, birthDay, gender);
  const phone = mobile(r);
  // wealthy customers are mostly homed at the centre outlet, where the private advisor sits
  let outlet = outletFor(bank, r.next());
  if (targetFen >= 600_000_000 && r.chance(0.9)) outlet = bank.centreOf[outlet]!;
  const earliest = Math.max(EARLIEST_OPEN, addYears(birthDay, 18));
  const latest = asOf - 60;
  const openDay = latest - Math.floor(Math.max(0, latest - earliest) * Math.pow(r.next(), 1.6));
  const { risk, riskDay } = riskAssessment(r, targetFen, age, openDay, asOf);
  return {
    index,
    customerId: customerId(index),
    name,
    gender,
    birthDay,
    age,
    idNumber: id,
    phone,
    outlet,
    openDay,
    risk,
    riskDay,
    tags: tags(r, age, targetFen),
    targetFen,
  };
}

function riskAssessment(r: Rng, targetFen: number, age: number, openDay: number, asOf: number) {
  if (r.chance(targetFen < 500_000 ? 0.35 : 0.04)) return { risk: 0, riskDay: null };
  const risk = 1 + r.weighted(isSeniorAge(age, DEFAULT_SETTINGS.suitability) ? RISK_WEIGHTS_SENIOR : RISK_WEIGHTS);
  // about a third are older than the 12-month validity
  const back = r.chance(0.68) ? r.int(0, 364) : r.int(366, 900);
  return { risk, riskDay: Math.min(asOf, Math.max(openDay, asOf - back)) };
}

function tags(r: Rng, age: number, targetFen: number): string[] {
  const rich = targetFen >= 20_000_000;
  const out: string[] = [];
  if (age < 60 && r.chance(0.35)) out.push('payroll');
  if (r.chance(rich ? 0.22 : 0.12)) out.push('gba');
  if (r.chance(0.45)) out.push('social_security');
  if (isSeniorAge(age, DEFAULT_SETTINGS.suitability)) out.push('senior');
  if (r.chance(rich ? 0.4 : 0.15)) out.push('car_owner');
  if (age >= 25 && age <= 55 && r.chance(0.2)) out.push('mortgage');
  return out;
}
