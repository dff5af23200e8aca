/** The import use case's options and results (CLI, tests and a future API share them). */
import type { Encoding } from './detect-encoding.js';
import type { Kind } from './file-kinds.js';
import type { ReasonCount } from './reject-summary.js';
import type { Settings } from '../../domain/settings.js';

/** The bank's import limits in force for a run (settings `imports`). */
export type ImportRules = Settings['imports'];

export interface ImportOptions {
  /** business date for undated file names (dated names keep their own) */
  date?: string;
  /** overrides detection */
  encoding?: Encoding;
  /** where reports go; default <reportRoot>/<run-id>/ */
  reportDir?: string;
  /** the folder of every run's reports: the CLI and server use <GUANHU_DATA_DIR>/imports */
  reportRoot?: string;
  /** called as each file finishes (its import_files row is written), for progress screens */
  onFile?: (file: FileResult) => void | Promise<void>;
  /**
   * load a holdings file even when it is much smaller than the latest earlier day (the operator
   * means it: `--accept-shrink`); audited with the figures
   */
  acceptShrink?: boolean;
  /** test seam: runs inside a file's merge transaction just before commit */
  beforeCommit?: (file: FileResult) => void | Promise<void>;
}

export type FileStatus = 'loaded' | 'unchanged' | 'failed';

export interface FileResult {
  file: string;
  path: string;
  kind: Kind;
  businessDate: string | null;
  status: FileStatus;
  encoding: string;
  checksum: string;
  read: number;
  loaded: number;
  rejected: number;
  /** rejected rows the rejects file does not list (beyond its cap on rows that could not be split) */
  rejectsLeftOut: number;
  durationMs: number;
  reportPath: string | null;
  rejectsPath: string | null;
  /** why the file failed, when it did */
  message: string | null;
  warnings: string[];
  /** holdings: distinct customers with a loaded row (the day's size, for the next day's shrink guard) */
  customers?: number;
  /** the top reject reasons with counts (a reference to a row rejected earlier in the import apart) */
  topReasons: ReasonCount[];
  /** where the time went: stage (Node pass + COPY), validate, build, merge */
  phasesMs: Record<string, number>;
}

export interface ImportResult {
  runId: string;
  reportDir: string;
  files: FileResult[];
  /** names that are not contract files, skipped */
  skipped: string[];
}

export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}
