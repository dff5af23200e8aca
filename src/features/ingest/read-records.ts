/**
 * Streams a file as batches of COPY-ready records: raw bytes are hashed (sha256 of the file as
 * delivered), decoded to UTF-8 (BOM dropped; GBK through iconv-lite's streaming decoder) and
 * split into records. Memory stays bounded by one read chunk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Encoding } from './detect-encoding.js';
import { RecordSplitter, type SplitBatch } from './record-splitter.js';

export interface ReadState {
  splitter: RecordSplitter;
  bytes: number;
  /** hex sha256, set once the whole file was read */
  checksum: string | null;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function newReadState(encoding: Encoding): ReadState {
  return { splitter: new RecordSplitter(encoding === 'utf8'), bytes: 0, checksum: null };
}

export async function* readRecords(
  path: string,
  encoding: Encoding,
  state: ReadState,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<SplitBatch> {
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
    const batch = state.splitter.push(chunk);
    if (batch.records || !state.splitter.header) yield batch;
  }
  const tail = decoder?.end();
  if (tail) yield state.splitter.push(Buffer.from(tail, 'utf8'));
  yield state.splitter.end();
  state.checksum = hash.digest('hex');
}
