/**
 * What a file is, from its name alone: `<kind>.csv` or `<kind>_<YYYYMMDD>.csv`, and the order a
 * folder is loaded in (contract order of kinds, dated files by date).
 */
import { KINDS, type Kind } from './file-kinds.js';

export interface NamedFile {
  kind: Kind;
  /** business date from the name, ISO, or null for an undated name */
  date: string | null;
}

const NAME = /^([a-z]+)(?:_(\d{4})(\d{2})(\d{2}))?\.csv$/i;

export function parseFileName(name: string): NamedFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as Kind;
  if (!KINDS.includes(kind)) return null;
  return { kind, date: m[2] ? `${m[2]}-${m[3]}-${m[4]}` : null };
}

/** Contract order: org → … → complaints; within a kind, undated first, then by date. */
export function compareFiles(a: NamedFile & { name: string }, b: NamedFile & { name: string }): number {
  const k = KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind);
  if (k !== 0) return k;
  const d = (a.date ?? '').localeCompare(b.date ?? '');
  return d !== 0 ? d : a.name.localeCompare(b.name);
}

/** A real calendar date YYYY-MM-DD (used for names, --date and a holdings file's first row). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
