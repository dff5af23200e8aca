/**
 * Streams a file as decoded chunks (readChunks) or as batches of COPY-ready records
 * (readRecords): raw bytes are hashed (sha256 of the file as delivered), decoded to UTF-8 (BOM
 * dropped; GBK through iconv-lite's streaming decoder) and, for readRecords, split into records.
 * Memory stays bounded by one read chunk. The holdings fast path takes the chunks and gives the
 * same splitter its own sink (holdings-rows.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Encoding } from './detect-encoding.js';
import { ImportFileError } from './import-error.js';
import { CopyCsvSink, RecordSplitter, type SplitBatch } from './record-splitter.js';

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
  return { splitter: new RecordSplitter(encoding === 'utf8', new CopyCsvSink()), bytes: 0, checksum: null };
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
  let lines = 1;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(raw);
    state.bytes += raw.length;
    onBytes(state.bytes);
    let chunk = decoder ? gbkChecked(decoder.write(raw), lines) : raw;
    if (decoder) lines += countLf(chunk);
    if (first && !decoder && chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
    first = false;
    yield chunk;
  }
  const tail = decoder?.end();
  if (tail) yield gbkChecked(tail, lines);
  state.checksum = hash.digest('hex');
}

const REPLACEMENT = '\uFFFD';

/**
 * GBK text as UTF-8 bytes: the decoder writes U+FFFD for a byte sequence that is not GB18030,
 * so a replacement character means the file is not GBK there (it cannot be data: GB18030 has
 * its own code for U+FFFD, which a bank's export never writes).
 */
function gbkChecked(text: string, line: number): Buffer {
  const at = text.indexOf(REPLACEMENT);
  if (at >= 0) {
    let l = line;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) l++;
    throw new ImportFileError(
      `not valid GBK at line ${l}: bytes that are neither GBK nor GB18030 (is the file UTF-8? try --encoding utf8)`,
    );
  }
  return Buffer.from(text, 'utf8');
}

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
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
