import { describe, expect, it } from 'vitest';
import { CopyCsvSink, RecordSplitter } from './record-splitter.js';

/** Feeds bytes in chunks of `size`, returns the COPY output and the rejects. */
function split(input: string | Buffer, size = 3) {
  const s = new RecordSplitter(true, new CopyCsvSink());
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  let out = '';
  for (let i = 0; i < buf.length; i += size) out += s.push(buf.subarray(i, i + size)).bytes.toString();
  out += s.end().bytes.toString();
  return {
    out,
    rejects: s.rejects.map((r) => [r.line, r.column, r.reason]),
    read: s.read,
    header: s.header?.toString(),
  };
}

const sizes = [1, 2, 3, 7, 1 << 20];

describe('RecordSplitter', () => {
  it('prefixes each record with its physical line number, across chunk boundaries', () => {
    for (const size of sizes) {
      const r = split('a,b,c\n1,"x\ny",z\n2,"q""r",z\n3,多字节,z\n', size);
      expect(r.header).toBe('a,b,c');
      expect(r.out).toBe('2,1,"x\ny",z\n4,2,"q""r",z\n5,3,多字节,z\n');
      expect(r.read).toBe(3);
    }
  });

  it('strips CR of CRLF, skips empty lines, takes a last line without a line feed', () => {
    for (const size of sizes) expect(split('a,b\r\n1,2\r\n\r\n3,4', size).out).toBe('2,1,2\n4,3,4\n');
  });

  it('rejects records with the wrong number of fields and an unclosed quote at the end', () => {
    const r = split('a,b\n1\n1,2,3\n"4,5",6\n7,"8');
    expect(r.out).toBe('4,"4,5",6\n');
    expect(r.rejects).toEqual([
      [2, null, 'expected 2 columns, found 1'],
      [3, null, 'expected 2 columns, found 3'],
      [5, 'b', 'truncated last line'],
    ]);
  });

  it('rejects the line of a stray quote and reads on from the next line', () => {
    const lines = ['id,name,phone', 'C1,张"三,138', 'C2,李四,139', 'C3,"王,五",137', 'C4,"多\n行",136', 'C5,赵六,135'];
    for (const size of sizes) {
      const r = split(lines.join('\n') + '\n', size);
      expect(r.rejects, `chunks of ${size}`).toEqual([[2, 'name', 'unclosed quote']]);
      // a quoted line feed is kept while the record is short of its columns
      expect(r.out).toBe('3,C2,李四,139\n4,C3,"王,五",137\n5,C4,"多\n行",136\n7,C5,赵六,135\n');
      expect(r.read).toBe(5);
    }
  });

  it('rejects a record with a NUL byte or a CR inside a value, naming the column', () => {
    const r = split(Buffer.from('a,b\n1,x\u0000y\n2,x\ry\n3,ok\n'));
    expect(r.rejects).toEqual([
      [2, 'b', 'NUL byte (0x00) in the value'],
      [3, 'b', 'carriage return (CR) inside the value'],
    ]);
    expect(r.out).toBe('4,3,ok\n');
  });

  it('rejects the records holding bytes that are not UTF-8 and keeps the others', () => {
    const input = Buffer.concat([
      Buffer.from('id,name\nC1,张三\nC2,李'),
      Buffer.from([0xff]),
      Buffer.from('\nC3,王五\n'),
    ]);
    for (const size of sizes) {
      const r = split(input, size);
      expect(r.rejects, `chunks of ${size}`).toEqual([[3, 'name', 'bytes that are not UTF-8 in the value']]);
      expect(r.out).toBe('2,C1,张三\n4,C3,王五\n');
    }
  });

  it('fails a file whose lines end with CR only', () => {
    expect(() => split('a,b\r1,2\r3,4\r')).toThrow(/CR only/);
  });
});
