/**
 * Maps a file's header to the contract's columns: names match case-insensitively, unknown
 * columns are staged (as extra_<n>) but ignored with a warning, a missing required column fails
 * the whole file.
 */
import { parse } from 'csv-parse/sync';
import type { KindSpec } from './file-kinds.js';
import { ImportFileError } from './import-error.js';

export interface HeaderMap {
  /** staging column name per header position: the contract name, or extra_<n> */
  stageColumns: string[];
  /** contract columns present in the file */
  present: Set<string>;
  warnings: string[];
}

export function mapHeader(spec: KindSpec, header: Buffer | null): HeaderMap {
  if (!header) throw new ImportFileError('the file is empty (no header line)');
  const [names] = parse(header, { bom: true, relax_quotes: true }) as string[][];
  if (!names) throw new ImportFileError('the file is empty (no header line)');
  const known = new Map(spec.columns.map((c) => [c.name, c]));
  const present = new Set<string>();
  const warnings: string[] = [];
  const stageColumns = names.map((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) {
      warnings.push(`unknown column "${raw}" ignored`);
      return `extra_${i + 1}`;
    }
    if (present.has(name)) throw new ImportFileError(`column \`${name}\` appears twice in the header`);
    present.add(name);
    return name;
  });
  const missing = spec.columns.filter((c) => c.required && !present.has(c.name)).map((c) => `\`${c.name}\``);
  if (missing.length)
    throw new ImportFileError(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return { stageColumns, present, warnings };
}
