/**
 * The holdings fast path's load: one Node pass reads, splits and validates every row
 * (record-splitter.ts with holdings-rows.ts as its sink) and COPYs the final typed rows straight into the fresh standalone day table
 * (no staging table, no INSERT … SELECT). On PostgreSQL the COPY streams while Node validates, so
 * the two processes overlap. Rejected rows go to a temporary CSV file on disk (memory stays
 * bounded whatever the number of rejects) and from there into the rejects table, together with the
 * rejected rows' keys (a later valid row with the key of a rejected one is a duplicate, as in SQL).
 * Keys seen twice by hash become candidates for the exact duplicate check (merge-holdings.ts).
 */
import { appendFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import type { Encoding } from './detect-encoding.js';
import { SPECS } from './file-kinds.js';
import {
  HoldingsRows,
  type CopyFormat,
  type HoldingsColumns,
  type HoldingsRefs,
  type RowReject,
} from './holdings-rows.js';
import { IdSet } from './id-set.js';
import { ImportFileError } from './import-error.js';
import { KeySeen } from './key-seen.js';
import { mapHeader } from './map-header.js';
import { readChunks, type ReadProgress } from './read-records.js';
import { RecordSplitter, type SplitBatch } from './record-splitter.js';
import { lit } from './sql-text.js';
import { copyBatches } from './stage-file.js';

export interface HoldingsLoadInput {
  path: string;
  encoding: Encoding;
  /** from the name or --date; null: the first row's as_of_date */
  date: string | null;
  day: string;
  rejects: string;
  /** settings imports.positionCeilingFen: a larger balance is a rejected row */
  ceilingFen: bigint;
  onBytes: (bytes: number) => void;
}

export interface HoldingsLoad {
  read: ReadProgress;
  /** records read and structural rejects */
  scan: RecordSplitter;
  /** distinct customers among the loaded rows */
  customers: number;
  date: string;
  present: Set<string>;
  warnings: string[];
  /** every row's key by hash (key-seen.ts): its candidates are checked in SQL */
  keys: KeySeen;
}

const NO_DATE = 'no business date: none in the file name, no --date, and no valid as_of_date on the first row';
const FLUSH_REJECTS = 10_000;
/**
 * Binary COPY tuples: PostgreSQL reads lengths and fixed-width integers instead of parsing CSV,
 * digits and dates, which made its side of the COPY cheaper (the two processes share two cores).
 */
const COPY_FORMAT: CopyFormat = 'binary';

export async function loadHoldingsDay(h: DbHandle, i: HoldingsLoadInput): Promise<HoldingsLoad> {
  // the ids load while the file starts to be read
  const refsLoading = loadRefs(h.db);
  refsLoading.catch(() => undefined);
  const read: ReadProgress = { bytes: 0, checksum: null };
  const chunks = readChunks(i.path, i.encoding, read, i.onBytes);
  const scan = new RecordSplitter(i.encoding === 'utf8');
  // Scan until the header: it maps the columns (the rows are held back until then).
  let more = true;
  while (!scan.header && more) {
    const next = await chunks.next();
    if (next.done) {
      scan.end();
      more = false;
    } else scan.push(next.value);
  }
  const header = mapHeader(SPECS.holdings, scan.header);
  const refs = await refsLoading;
  const at = (name: string) => header.stageColumns.indexOf(name);
  const cols: HoldingsColumns = {
    as_of_date: at('as_of_date'),
    customer_id: at('customer_id'),
    account_id: at('account_id'),
    product_id: at('product_id'),
    balance: at('balance'),
    maturity_date: at('maturity_date'),
  };

  const keys = new KeySeen();
  const dir = mkdtempSync(join(tmpdir(), 'guanhu-holdings-'));
  const rejFile = join(dir, 'rejects.csv');
  let pending: RowReject[] = [];
  const flush = () => {
    if (!pending.length) return;
    appendFileSync(
      rejFile,
      stringify(pending.map((r) => [r.line, r.column, r.value, r.reason, r.accountId, r.productId])),
    );
    pending = [];
  };
  const rows = new HoldingsRows(
    header.stageColumns.length,
    cols,
    refs,
    i.date,
    (r) => {
      pending.push(r);
      if (pending.length >= FLUSH_REJECTS) flush();
    },
    keys,
    COPY_FORMAT,
  );
  rows.ceilingFen = i.ceilingFen;
  scan.begin(rows);
  const batches = scanned(scan, chunks, more);
  try {
    // Validate until the first row is seen: without a date from the name or --date, it gives the
    // business date, which the day table's CHECK constraint and as_of_date default need.
    const first: SplitBatch[] = [];
    while (rows.date === null) {
      const next = await batches.next();
      if (next.done) break;
      first.push(next.value);
    }
    if (rows.date === null) throw new ImportFileError(NO_DATE);
    const date = rows.date;
    await copyBatches(
      h,
      `${i.day} (customer_id, account_id, product_id, balance_fen, maturity_date, line_no)`,
      concat(first, batches),
      dayTable(i.day, date),
      COPY_FORMAT,
    );
    flush();
    await createRejects(h, i.rejects);
    if (rows.rejected) await h.copyFrom(rejectsTarget(i.rejects), createReadStream(rejFile));
    if (scan.rejects.length) {
      const csv = stringify(scan.rejects.map((r) => [r.line, r.column ?? '(row)', r.raw, r.reason]));
      await h.copyFrom(`${i.rejects} (line_no, column_name, value, reason)`, Readable.from([csv]));
    }
    return { read, scan, date, customers: rows.customers, present: header.present, warnings: header.warnings, keys };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The typed COPY rows: what was held back at the header, the rest of the file, its last line. */
async function* scanned(
  scan: RecordSplitter,
  chunks: AsyncIterator<Buffer>,
  more: boolean,
): AsyncGenerator<SplitBatch> {
  yield scan.push(Buffer.alloc(0));
  while (more) {
    const next = await chunks.next();
    if (next.done) more = false;
    else yield scan.push(next.value);
  }
  yield scan.end();
}

async function* concat(first: SplitBatch[], rest: AsyncIterable<SplitBatch>): AsyncGenerator<SplitBatch> {
  yield* first;
  yield* rest;
}

/**
 * The standalone day table: the parent's columns and constraints, CHECK (as_of_date = D) (ATTACH
 * then skips its scan), as_of_date defaulting to D (so the COPY does not carry it), and the line
 * number for duplicate reporting (dropped before the swap). Created in the COPY's transaction,
 * so that the COPY can write frozen rows.
 */
function dayTable(day: string, date: string): string[] {
  const d = `${lit(date)}::date`;
  return [
    `DROP TABLE IF EXISTS ${day}`,
    `CREATE TABLE ${day} (LIKE holdings INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
      line_no int NOT NULL, CONSTRAINT ${day}_date CHECK (as_of_date = ${d}))`,
    `ALTER TABLE ${day} ALTER COLUMN as_of_date SET DEFAULT ${d}`,
  ];
}

const rejectsTarget = (t: string) => `${t} (line_no, column_name, value, reason, account_id, product_id)`;

async function createRejects(h: DbHandle, table: string): Promise<void> {
  const unlogged = h.kind === 'postgres' ? 'UNLOGGED ' : '';
  await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${table}`));
  await h.db.execute(
    sql.raw(`CREATE ${unlogged}TABLE ${table} (line_no int NOT NULL, column_name text, value text, reason text,
      account_id text, product_id text)`),
  );
}

/** Every customer and product id, once per file (≈ 60–80 MiB for 1 M customers). */
async function loadRefs(db: AppDb): Promise<HoldingsRefs> {
  // on two pooled connections at once: the products' query does not wait for the customers'
  const [customers, products] = await Promise.all([
    idSet(db, 'customers', 'customer_id'),
    idSet(db, 'products', 'product_id'),
  ]);
  return { customers, products };
}

async function idSet(db: AppDb, table: string, id: string): Promise<IdSet> {
  // One string joined in SQL is far cheaper to fetch than a million row objects. An id with a line
  // feed in it would split in two, which the count gives away: then the set is rebuilt without
  // such ids (a row naming one is rejected as unknown, never accepted by a part of it).
  const [r] = await query<{ ids: string | null; n: number | string }>(
    db,
    sql.raw(`SELECT string_agg(${id}, E'\\n') AS ids, count(*) AS n FROM ${table}`),
  );
  if (!r?.ids) return IdSet.of([]);
  const joined = new IdSet(Buffer.from(r.ids));
  if (joined.size === Number(r.n)) return joined;
  const rows = await query<{ id: string }>(
    db,
    sql.raw(`SELECT ${id} AS id FROM ${table} WHERE strpos(${id}, E'\\n') = 0`),
  );
  return IdSet.of(rows.map((x) => x.id));
}
