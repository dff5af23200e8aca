import { describe, expect, it } from 'vitest';
import { RecordSplitter } from './record-splitter.js';

/** Feeds text in chunks of `size` bytes, returns the COPY output and the rejects. */
function split(text: string, size = 3) {
  const s = new RecordSplitter(true);
  const buf = Buffer.from(text);
  let out = '';
  for (let i = 0; i < buf.length; i += size) out += s.push(buf.subarray(i, i + size)).bytes.toString();
  out += s.end().bytes.toString();
  return { out, rejects: s.rejects.map((r) => [r.line, r.reason]), read: s.read, header: s.header?.toString() };
}

describe('RecordSplitter', () => {
  it('prefixes each record with its physical line number, across chunk boundaries', () => {
    const r = split('a,b\n1,"x\ny"\n2,"q""r"\n3,多字节\n');
    expect(r.header).toBe('a,b');
    expect(r.out).toBe('2,1,"x\ny"\n4,2,"q""r"\n5,3,多字节\n');
    expect(r.read).toBe(3);
  });

  it('strips CR of CRLF, skips empty lines, takes a last line without a line feed', () => {
    expect(split('a,b\r\n1,2\r\n\r\n3,4').out).toBe('2,1,2\n4,3,4\n');
  });

  it('rejects records with the wrong number of fields and an unterminated quote at the end', () => {
    const r = split('a,b\n1\n1,2,3\n"4,5",6\n7,"8');
    expect(r.out).toBe('4,"4,5",6\n');
    expect(r.rejects).toEqual([
      [2, 'expected 2 columns, found 1'],
      [3, 'expected 2 columns, found 3'],
      [5, 'truncated last line'],
    ]);
  });

  it('fails on bytes that are not UTF-8', () => {
    const s = new RecordSplitter(true);
    s.push(Buffer.from('a\n'));
    expect(() => s.push(Buffer.from([0xd5, 0xc5, 0x0a]))).toThrow(/not valid UTF-8/);
  });
});
