import { describe, expect, it } from 'vitest';
import { HoldingsRows, type RowReject } from './holdings-rows.js';
import { HoldingsScanner } from './holdings-scan.js';
import { IdSet } from './id-set.js';
import { KeySeen } from './key-seen.js';
import { RecordSplitter } from './record-splitter.js';

const cols = { as_of_date: 0, customer_id: 1, account_id: 2, product_id: 3, balance: 4, maturity_date: 5 };
const refs = {
  customers: IdSet.of(['C1', 'C2', 'C,3', 'C"4', '客户', 'C5']),
  products: IdSet.of(['DD01', 'TD01']),
};
const HEADER = 'as_of_date,customer_id,account_id,product_id,balance,maturity_date\n';

interface Outcome {
  out: string;
  rows: (string | number | null)[][];
  structural: (string | number)[][];
  read: number;
  header: string | undefined;
  candidates: number[];
  error: string | null;
}

const chunksOf = (buf: Buffer, size: number) => {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return parts;
};

/** the COPY output: CSV text, or binary tuples without (fast: false) or with the WebAssembly fast path */
type Output = 'csv' | { fast: boolean };

function rowsFor(rejects: RowReject[], keys: KeySeen, date: string | null, output: Output = 'csv') {
  if (output === 'csv') return new HoldingsRows(6, cols, refs, date, (r) => rejects.push(r), keys);
  return new HoldingsRows(6, cols, refs, date, (r) => rejects.push(r), keys, 'binary', output.fast);
}

function outcome(
  out: Buffer[],
  binary: boolean,
  rejects: RowReject[],
  s: { read: number; header: Buffer | null; rejects: { line: number; reason: string; raw: string }[] },
  keys: KeySeen,
  error: string | null,
): Outcome {
  return {
    out: Buffer.concat(out).toString(binary ? 'base64' : 'utf8'),
    rows: rejects.map((r) => [r.line, r.column, r.value, r.reason, r.accountId, r.productId]),
    structural: s.rejects.map((r) => [r.line, r.reason, r.raw]),
    read: s.read,
    header: s.header?.toString(),
    candidates: keys.candidates(),
    error,
  };
}

/** the earlier two-pass form: generic splitter, then HoldingsRows over its `<line>,record` copy */
function viaSplitter(input: Buffer, size: number, date: string | null = '2026-11-20'): Outcome {
  const s = new RecordSplitter(true);
  const rejects: RowReject[] = [];
  const keys = new KeySeen();
  const rows = rowsFor(rejects, keys, date);
  const out: Buffer[] = [];
  let error: string | null = null;
  try {
    for (const c of chunksOf(input, size)) {
      const b = s.push(c);
      if (b.records) out.push(rows.push(b.bytes));
    }
    const b = s.end();
    if (b.records) out.push(rows.push(b.bytes));
  } catch (e) {
    error = (e as Error).message;
  }
  return outcome(out, false, rejects, s, keys, error);
}

function viaScanner(
  input: Buffer,
  size: number,
  date: string | null = '2026-11-20',
  output: Output = 'csv',
): Outcome & { fastLoaded: number } {
  const s = new HoldingsScanner(true);
  const rejects: RowReject[] = [];
  const keys = new KeySeen();
  const rows = rowsFor(rejects, keys, date, output);
  const out: Buffer[] = [];
  let error: string | null = null;
  let begun = false;
  const started = () => {
    if (begun || !s.header) return;
    begun = true;
    s.begin(rows);
    out.push(s.push(Buffer.alloc(0)).bytes);
  };
  try {
    for (const c of chunksOf(input, size)) {
      out.push(s.push(c).bytes);
      started();
    }
    if (!s.header) s.end();
    started();
    out.push(s.end().bytes);
  } catch (e) {
    error = (e as Error).message;
  }
  return { ...outcome(out, output !== 'csv', rejects, s, keys, error), fastLoaded: rows.fastLoaded };
}

function scan(text: string, size = 3) {
  const { fastLoaded: _, ...r } = viaScanner(Buffer.from(text), size);
  return { ...r, rows: r.rows.map((x) => x.slice(0, 4)) };
}

/** the scanner's outcome without the fast path's own count (for comparing with the splitter) */
function scanned(input: Buffer, size: number, date: string | null = '2026-11-20'): Outcome {
  const { fastLoaded: _, ...r } = viaScanner(input, size, date);
  return r;
}

describe('HoldingsScanner', () => {
  it('writes typed rows in one scan, quoted fields (commas, line feeds, doubled quotes) re-quoted', () => {
    const r = scan(
      `${HEADER}2026-11-20,C1,A1,DD01,8766.52,\n2026-11-20,"C,3","A""2",TD01,7.5,2027-02-28\n` +
        `2026-11-20,C2,"A\n3",DD01,-0.00,""\n2026-11-20,"C""4",A4,DD01,1,\n`,
    );
    expect(r.out).toBe(
      'C1,A1,DD01,876652,,2\n"C,3","A""2",TD01,750,2027-02-28,3\nC2,"A\n3",DD01,0,,4\n"C""4",A4,DD01,100,,6\n',
    );
    expect(r.rows).toEqual([]);
    expect(r.read).toBe(4);
  });

  it('counts physical lines after quoted line feeds, skips empty lines, strips the CR of CRLF', () => {
    const r = scan(
      `\r\n${HEADER.replace('\n', '\r\n')}\r\n2026-11-20,C1,"A\r\n1\n",DD01,1,\r\n\n2026-11-20,C9,A2,DD01,1,\r\n`,
    );
    expect(r.header).toBe(HEADER.trim());
    expect(r.out).toBe('C1,"A\r\n1\n",DD01,100,,4\n');
    expect(r.rows).toEqual([[8, 'customer_id', 'C9', 'unknown customer']]);
    expect(r.read).toBe(2);
  });

  it('rejects too few and too many columns and a truncated last line, with the raw record', () => {
    const r = scan(`${HEADER}2026-11-20,C1\n2026-11-20,C1,A1,DD01,1,,x\n2026-11-20,C1,A2,DD01,1,\n2026-11-20,"C1`);
    expect(r.out).toBe('C1,A2,DD01,100,,4\n');
    expect(r.structural).toEqual([
      [2, 'expected 6 columns, found 2', '2026-11-20,C1'],
      [3, 'expected 6 columns, found 7', '2026-11-20,C1,A1,DD01,1,,x'],
      [5, 'truncated last line', '2026-11-20,"C1'],
    ]);
    expect(scan(`${HEADER}2026-11-20,C1,A1\r`).structural).toEqual([
      [2, 'truncated last line (expected 6 columns, found 3)', '2026-11-20,C1,A1'],
    ]);
    expect(scan(`${HEADER}2026-11-20,C1,A1,DD01,1,\r`).out).toBe('C1,A1,DD01,100,,2\n');
  });

  it('fails on invalid UTF-8 in a kept record, not in a rejected one', () => {
    const bad = Buffer.from([0xd5, 0xc5]);
    const kept = Buffer.concat([Buffer.from(`${HEADER}2026-11-20,C1,A`), bad, Buffer.from(',DD01,1,\n\n')]);
    expect(viaScanner(kept, 5).error).toBe('not valid UTF-8 before line 4 (is it GBK? try --encoding gbk)');
    const rejected = Buffer.concat([Buffer.from(`${HEADER}2026-11-20,C1,A`), bad, Buffer.from(',DD01\n')]);
    expect(viaScanner(rejected, 1 << 20).error).toBeNull();
  });

  it('writes what the splitter and HoldingsRows wrote, for every chunk size, on a mixed file', () => {
    const input = mixedFile(400);
    const reference = viaSplitter(input, 1 << 20);
    expect(reference.out.split('\n').length).toBeGreaterThan(50);
    expect(reference.rows.length).toBeGreaterThan(20);
    expect(reference.structural.length).toBeGreaterThan(10);
    expect(reference.candidates.length).toBeGreaterThan(0);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 100, 4096, 1 << 20]) {
      expect(scanned(input, size), `chunks of ${size}`).toEqual(viaSplitter(input, size));
      expect(scanned(input, size, null), `no date, chunks of ${size}`).toEqual(viaSplitter(input, size, null));
    }
    for (const tail of [
      '',
      '\n',
      '2026-11-20,"C2,A99\n',
      '2026-11-20,C2\r',
      '\r\n\r\n2026-11-20,C1,A1,DD01,1,2027-01-01\r',
    ]) {
      const other = Buffer.concat([mixedFile(80, ''), Buffer.from(tail)]);
      for (const size of [1, 3, 64, 1 << 20])
        expect(scanned(other, size), `ending ${JSON.stringify(tail)}, chunks of ${size}`).toEqual(
          viaSplitter(other, size),
        );
    }
  });

  it('writes the same binary tuples, rejects, lines and keys with the WebAssembly fast path', () => {
    const files = {
      mixed: mixedFile(400),
      'mostly clean': cleanFile(3000, 60),
      clean: cleanFile(3000, 0),
      'clean, CRLF': Buffer.from(cleanFile(3000, 0).toString().replaceAll('\n', '\r\n')),
      'clean, every field quoted': quoted(cleanFile(3000, 0)),
      'mostly clean, every field quoted, CRLF': quoted(cleanFile(3000, 60), '\r\n'),
      'mostly clean, CRLF': Buffer.from(cleanFile(3000, 60).toString().replaceAll('\n', '\r\n')),
      'clean, no last line feed': Buffer.concat([cleanFile(500, 0), Buffer.from('2026-11-20,C2,A2,DD01,3.5,')]),
      'clean, truncated last line': Buffer.concat([cleanFile(500, 0), Buffer.from('2026-11-20,C2,A2')]),
    };
    let fast = 0;
    for (const [name, input] of Object.entries(files))
      for (const size of [1, 7, 64, 100, 4096, 1 << 20])
        for (const date of ['2026-11-20', null]) {
          const plain = viaScanner(input, size, date, { fast: false });
          const withFast = viaScanner(input, size, date, { fast: true });
          expect(plain.fastLoaded).toBe(0);
          fast += withFast.fastLoaded;
          const { fastLoaded: _a, ...a } = withFast;
          const { fastLoaded: _b, ...b } = plain;
          expect(a, `${name}, chunks of ${size}, date ${date}`).toEqual(b);
          if (['clean', 'clean, CRLF', 'clean, every field quoted'].includes(name) && size >= 4096 && date)
            expect(withFast.fastLoaded, `${name}, chunks of ${size}`).toBeGreaterThan(2800);
        }
    expect(fast).toBeGreaterThan(10_000);
  });

  it('leaves a run with invalid UTF-8 to the TypeScript pass even when the scanner does not check it', () => {
    const input = Buffer.concat([
      Buffer.from(`${HEADER}2026-11-20,C1,A1,DD01,1,\n2026-11-20,C1,"A`),
      Buffer.from([0xff]),
      Buffer.from('",DD01,1,\n'),
    ]);
    const out = (fast: boolean) => {
      const s = new HoldingsScanner(false);
      const rows = new HoldingsRows(6, cols, refs, '2026-11-20', () => undefined, new KeySeen(), 'binary', fast);
      const parts = [s.push(input).bytes];
      s.begin(rows);
      parts.push(s.push(Buffer.alloc(0)).bytes, s.end().bytes);
      return { bytes: Buffer.concat(parts).toString('base64'), fast: rows.fastLoaded, loaded: rows.loaded };
    };
    expect(out(true)).toEqual({ ...out(false), fast: 0 });
    expect(out(true).loaded).toBe(2);
  });

  it('fails like the splitter on invalid UTF-8, wherever it is', () => {
    const bad = Buffer.from([0xff]);
    const lines = mixedFile(60).toString().split('\n');
    let failed = 0;
    // from line 3 on: the header must stay intact
    for (let at = 2; at < lines.length; at += 3) {
      const input = Buffer.concat([
        Buffer.from(lines.slice(0, at).join('\n') + '\n'),
        bad,
        Buffer.from(lines.slice(at).join('\n')),
      ]);
      for (const size of [4, 97, 1 << 20]) {
        const a = scanned(input, size);
        const b = viaSplitter(input, size);
        // a failed file keeps nothing of its pass: only the message counts then
        if (b.error) failed++;
        if (b.error) expect(a.error, `bad byte on line ${at + 1}, chunks of ${size}`).toBe(b.error);
        else expect(a, `bad byte on line ${at + 1}, chunks of ${size}`).toEqual(b);
      }
    }
    expect(failed).toBeGreaterThan(10);
  });
});

/**
 * A file as banks send it: grouped by customer, line feeds, valid rows — and one row in `badEvery`
 * (0: none) that some check rejects or that is not plain (quotes, CR, field count, minus sign).
 */
function cleanFile(rows: number, badEvery: number): Buffer {
  const bad = [
    '2026-11-20,C9,A1,DD01,1,',
    '2026-11-20,C1,A1,XX,1,',
    '2026-11-20,C1,A1,DD01,-0.00,',
    '2026-11-20,C1,A1,DD01,-5,',
    '2026-11-20,C1,A1,DD01,1,2026-02-30',
    '2026-11-20,C1,"A,1",DD01,1,',
    '2026-11-20,C1,A1,DD01,1,\r',
    '2026-11-20,C1,A1,DD01,1',
    '2026-11-19,C1,A1,DD01,1,',
    '',
    '2026-11-20,C1,A1,DD01,12345678901234567,',
    '2026-11-20,C1,A1,DD01,1234567890123456.78,2000-02-29',
  ];
  const customers = ['C1', 'C2', 'C5', '客户'];
  const lines = [HEADER.trimEnd()];
  for (let i = 0; i < rows; i++) {
    if (badEvery && i % badEvery === badEvery - 1) lines.push(bad[((i / badEvery) % bad.length) | 0]!);
    else {
      const c = customers[Math.floor(i / 7) % customers.length];
      const amount = [`${i}.${i % 100}`, `${i % 13}`, `${i}.5`, '0', '0.01'][i % 5];
      const maturity = i % 3 === 0 ? `20${27 + (i % 5)}-0${1 + (i % 9)}-${10 + (i % 19)}` : '';
      lines.push(`2026-11-20,${c},A${i % 997},${i % 2 ? 'DD01' : 'TD01'},${amount},${maturity}`);
    }
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** every field of every line in quotes (as some exports write them), commas inside kept */
function quoted(file: Buffer, eol = '\n'): Buffer {
  const lines = file.toString().split('\n');
  return Buffer.from(
    lines
      .map((l) =>
        l === ''
          ? l
          : l
              .split(',')
              .map((f) => `"${f.replaceAll('"', '""')}"`)
              .join(','),
      )
      .join(eol),
  );
}

/** a file with every structural and row case, mixed at random (fixed seed) */
function mixedFile(rows: number, tail = '2026-11-20,C2,A99,DD01,2,'): Buffer {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]!;
  const field = (kind: number) => {
    const v = [
      ['2026-11-20', '2026-11-20', '2026-11-20', '2026-11-19', '', '"2026-11-20"', '2026-13-01'],
      ['C1', 'C2', '"C,3"', '"C""4"', '客户', 'C9', '', 'C5', '"C1"'],
      ['A1', 'A2', 'A3', '"A\n4"', '"A,5"', '', 'A"6"', 'A\r7', '"A""8"', '账户'],
      ['DD01', 'TD01', 'XX', '', '"DD01"'],
      ['1', '8766.52', '7.5', '-0.00', '-5', '1.234', '', '1e3', '"12.30"', '000.1', '99999999999999999999'],
      ['', '2027-02-28', '2026-02-30', '""', '2024-02-29', 'x'],
    ][kind]!;
    return pick(v);
  };
  const eol = () => pick(['\n', '\n', '\n', '\r\n']);
  let text = `\n${HEADER.trimEnd()}${eol()}`;
  for (let i = 0; i < rows; i++) {
    const r = rnd(40);
    if (r === 0) text += eol();
    else if (r === 1) text += `2026-11-20,C1${eol()}`;
    else if (r === 2) text += `2026-11-20,C1,A1,DD01,1,,extra${eol()}`;
    else if (r === 3) text += `"2026-11-20","C1","A\n\n9",DD01,1,${eol()}`;
    else text += [0, 1, 2, 3, 4, 5].map(field).join(',') + eol();
  }
  text += tail;
  return Buffer.from(text);
}
