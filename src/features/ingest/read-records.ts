/**
 * Streams a file as decoded chunks (readChunks) or as batches of COPY-ready records
 * (readRecords): raw bytes are hashed (sha256 of the file as delivered), decoded to UTF-8 (BOM
 * dropped; GBK through iconv-lite's streaming decoder) and, for readRecords, split into records.
 * Memory stays bounded by one read chunk. The holdings fast path takes the chunks and splits them
 * itself (holdings-scan.ts), in the same pass as its checks.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Encoding } from './detect-encoding.js';
import { RecordSplitter, type SplitBatch } from './record-splitter.js';

export interface ReadProgress {
  bytes: number;
  /** hex sha256, set once the whole file was read */
  checksum: string | null;
}

export interface ReadState extends ReadProgress {
  splitter: RecordSplitter;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function newReadState(encoding: Encoding): ReadState {
  return { splitter: new RecordSplitter(encoding === 'utf8'), bytes: 0, checksum: null };
}

/** The file's bytes decoded to UTF-8, chunk by chunk (≈ 1 MiB), BOM dropped. */
export async function* readChunks(
  path: string,
  encoding: Encoding,
  state: ReadProgress,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  const decoder = encoding === 'gbk' ? iconv.getDecoder('gb18030') : null;
  let first = true;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(raw);
    state.bytes += raw.length;
    onBytes(state.bytes);
    let chunk = decoder ? Buffer.from(decoder.write(raw), 'utf8') : raw;
    if (first && !decoder && chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
    first = false;
    yield chunk;
  }
  const tail = decoder?.end();
  if (tail) yield Buffer.from(tail, 'utf8');
  state.checksum = hash.digest('hex');
}

export async function* readRecords(
  path: string,
  encoding: Encoding,
  state: ReadState,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<SplitBatch> {
  for await (const chunk of readChunks(path, encoding, state, onBytes)) {
    const batch = state.splitter.push(chunk);
    if (batch.records || !state.splitter.header) yield batch;
  }
  yield state.splitter.end();
}
