/**
 * Which of the two contract encodings a file is in: UTF-8 (BOM or not) or GBK/GB18030. UTF-8
 * decides first: a sample that is UTF-8 but for a few bytes is UTF-8 (GBK text read as UTF-8 is
 * invalid at almost every Chinese character, so a handful of bad sequences among many good ones
 * is a damaged UTF-8 file: its damaged rows are rejected, record-splitter.ts). Otherwise chardet
 * names the encoding, and since the contract allows only these two, anything else is read as
 * GB18030 (a superset of GBK) with a warning. The reading then holds the file to the decision:
 * a UTF-8 file with many damaged rows fails (import-file.ts), a GBK file must decode cleanly
 * throughout (read-records.ts).
 */
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';

export type Encoding = 'utf8' | 'gbk';

const SAMPLE = 1 << 20;

export async function detectEncoding(path: string): Promise<{ encoding: Encoding; warning?: string }> {
  const fh = await open(path, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const head = trimPartialUtf8(sample);
  if (isUtf8(head)) return { encoding: 'utf8' };
  const { good, bad } = utf8Sequences(head);
  if (bad <= MAX_BAD_UTF8 || bad * 100 <= good) return { encoding: 'utf8' };
  const guess = chardet.detect(sample);
  if (guess === 'GB18030') return { encoding: 'gbk' };
  return { encoding: 'gbk', warning: `not UTF-8 (chardet guessed ${guess ?? 'nothing'}); read as GBK/GB18030` };
}

/** bad sequences that still leave a file UTF-8 (or 1% of its good multi-byte characters) */
const MAX_BAD_UTF8 = 3;

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
export function utf8Sequences(b: Buffer): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < b.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return { good, bad };
}

/** A sample cut mid-character would fail the strict check: drop an incomplete last sequence. */
function trimPartialUtf8(b: Buffer): Buffer {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? b.subarray(0, i) : b;
}
