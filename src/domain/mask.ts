/**
 * PII masking (PIPL). Names keep the first and last character (张*明; two-character names 张*),
 * phones keep 3 + 4 digits (138****5678), ID numbers keep only their last 4 characters: the first 6
 * are the region and the 8 after them the birth date, so keeping them as well would leave a
 * resident ID one date away from whole (and the 360 view shows non-owners an age, not the date).
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string | null): string | null {
  if (phone == null) return null;
  const p = phone.trim();
  if (p.length < 8) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

export function maskIdNumber(id: string | null): string | null {
  if (id == null) return null;
  const s = id.trim();
  if (s.length < 8) return '*'.repeat(s.length);
  return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}
