/**
 * Which of the two contract encodings a file is in: UTF-8 (BOM or not) or GBK/GB18030. A strict
 * UTF-8 check of a sample decides first (GBK text is almost never valid UTF-8); otherwise chardet
 * names the encoding, and since the contract allows only these two, anything else is read as
 * GB18030 (a superset of GBK) with a warning.
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
  if (isUtf8(trimPartialUtf8(sample))) return { encoding: 'utf8' };
  const guess = chardet.detect(sample);
  if (guess === 'GB18030') return { encoding: 'gbk' };
  return { encoding: 'gbk', warning: `not UTF-8 (chardet guessed ${guess ?? 'nothing'}); read as GBK/GB18030` };
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
