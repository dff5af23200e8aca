/**
 * What changed between two versions of the bank settings, as stored (settingsToJson: money in fen
 * as decimal strings). A change is a leaf: a field whose value differs, one that was added (an
 * older version lacked it, `before` undefined) or removed. Lists are compared whole, as they are
 * stored whole (src/domain/settings.ts), and reported as one change.
 */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface SettingsChange {
  /** dotted path of the field, e.g. `tiers.floorsFen.premium` */
  path: string;
  /** absent when the field is new in the later version */
  before?: Json;
  /** absent when the field is gone from the later version */
  after?: Json;
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function same(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

/** The changes from `before` to `after`, in the later version's field order (then removed fields). */
export function diffSettings(before: Json | undefined, after: Json | undefined, path = ''): SettingsChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    return keys.flatMap((k) => diffSettings(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (same(before, after)) return [];
  const change: SettingsChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return [change];
}
