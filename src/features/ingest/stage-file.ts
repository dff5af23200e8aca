/**
 * COPYs a file's records into its staging table `(line_no int, <header columns> text)`:
 * unlogged on PostgreSQL (a crash loses only the staging copy, and skipping WAL makes the
 * COPY cheaper), plain on PGlite. PostgreSQL gets one streaming COPY; PGlite buffers a whole
 * COPY's input, so it gets one COPY per ~50 k records.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, type CopyFormat } from './holdings-rows.js';
import type { SplitBatch } from './record-splitter.js';

const PGLITE_RECORDS_PER_COPY = 50_000;

export async function createStage(h: DbHandle, table: string, columns: string[]): Promise<void> {
  const cols = columns.map((c) => `${c} text`).join(', ');
  const unlogged = h.kind === 'postgres' ? 'UNLOGGED ' : '';
  await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${table}`));
  await h.db.execute(sql.raw(`CREATE ${unlogged}TABLE ${table} (line_no int NOT NULL, ${cols})`));
}

export async function copyIntoStage(
  h: DbHandle,
  table: string,
  columns: string[],
  batches: AsyncIterable<SplitBatch>,
): Promise<number> {
  return copyBatches(h, `${table} (line_no, ${columns.join(', ')})`, batches);
}

/**
 * One streaming COPY on PostgreSQL; one COPY per ~50 k records on PGlite. On PostgreSQL the
 * batches are read up to 8 ahead (≈ 8 MiB): without that, Node waited for each batch to drain
 * to the socket before making the next, so Node and the COPY backend took turns instead of
 * running on the two cores at once (holdings stage 4.0 s → 2.6 s).
 */
export async function copyBatches(
  h: DbHandle,
  target: string,
  batches: AsyncIterable<SplitBatch>,
  /** statements that create the target (on PostgreSQL in the COPY's transaction: client.ts) */
  create: string[] = [],
  /** 'binary': the batches are binary COPY tuples (the header and trailer are added here) */
  format: CopyFormat = 'csv',
): Promise<number> {
  const bin = format === 'binary';
  if (h.kind === 'postgres')
    return h.copyFrom(target, Readable.from(bytesOf(batches, bin), { highWaterMark: 8 }), { create, format });
  for (const statement of create) await h.db.execute(sql.raw(statement));
  let copied = 0;
  let parts: Buffer[] = [];
  let records = 0;
  const flush = async () => {
    if (records) {
      const input = bin ? [COPY_BINARY_HEADER, ...parts, COPY_BINARY_TRAILER] : parts;
      copied += await h.copyFrom(target, Readable.from(input), { format });
    }
    parts = [];
    records = 0;
  };
  for await (const b of batches) {
    if (!b.records) continue;
    parts.push(b.bytes);
    records += b.records;
    if (records >= PGLITE_RECORDS_PER_COPY) await flush();
  }
  await flush();
  return copied;
}

async function* bytesOf(batches: AsyncIterable<SplitBatch>, binary: boolean): AsyncGenerator<Buffer> {
  if (binary) yield COPY_BINARY_HEADER;
  for await (const b of batches) if (b.records) yield b.bytes;
  if (binary) yield COPY_BINARY_TRAILER;
}
