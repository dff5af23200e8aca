import { describe, expect, it } from 'vitest';
import { HoldingsRows, dateOk, moneyKind, pgDays, type CopyFormat, type RowReject } from './holdings-rows.js';
import { IdSet } from './id-set.js';
import { KeySeen } from './key-seen.js';
import { RecordSplitter } from './record-splitter.js';

const cols = { as_of_date: 0, customer_id: 1, account_id: 2, product_id: 3, balance: 4, maturity_date: 5 };
const refs = { customers: IdSet.of(['C1', 'C2', 'C,3']), products: IdSet.of(['DD01', 'TD01']) };

/** Splits `header + body` in chunks of `size` bytes with the rows checker as the splitter's sink. */
/** (the encoding tests write amounts up to the 16-digit limit: no ceiling unless a test sets one) */
function run(
  body: string,
  date: string | null = '2026-11-20',
  format: CopyFormat = 'csv',
  size = 1 << 20,
  ceilingFen = 10n ** 20n,
) {
  const rejects: RowReject[] = [];
  const keys = new KeySeen();
  const rows = new HoldingsRows(6, cols, refs, date, (r) => rejects.push(r), keys, format);
  rows.ceilingFen = ceilingFen;
  const s = new RecordSplitter(true, rows);
  const input = Buffer.from(`a,b,c,d,e,f\n${body}`);
  const parts: Buffer[] = [];
  for (let i = 0; i < input.length; i += size) parts.push(s.push(input.subarray(i, i + size)).bytes);
  parts.push(s.end().bytes);
  const bytes = Buffer.concat(parts);
  const out = format === 'csv' ? bytes.toString() : '';
  return {
    out,
    bytes,
    rejects: rejects.map((r) => [r.line, r.column, r.value, r.reason]),
    structural: s.rejects.map((r) => [r.line, r.column, r.reason]),
    keys,
    rows,
  };
}

/** PostgreSQL's reading of binary COPY tuples of (text, text, text, int8, date, int4) */
function decodeTuples(b: Buffer): unknown[][] {
  const out: unknown[][] = [];
  let p = 0;
  while (p < b.length) {
    const n = b.readInt16BE(p);
    p += 2;
    const row: unknown[] = [];
    for (let f = 0; f < n; f++) {
      const len = b.readInt32BE(p);
      p += 4;
      if (len < 0) row.push(null);
      else if (f < 3) row.push(b.toString('utf8', p, p + len));
      else if (f === 3) row.push(len === 8 ? b.readBigInt64BE(p).toString() : `bad length ${len}`);
      else if (f === 4)
        row.push(
          len === 4
            ? new Date(Date.UTC(2000, 0, 1 + b.readInt32BE(p))).toISOString().slice(0, 10)
            : `bad length ${len}`,
        );
      else row.push(len === 4 ? b.readInt32BE(p) : `bad length ${len}`);
      p += Math.max(len, 0);
    }
    out.push(row);
  }
  return out;
}

describe('HoldingsRows', () => {
  it('writes typed rows: fen by integer arithmetic, quoted fields re-quoted, line number last', () => {
    const r = run(
      '2026-11-20,C1,A1,DD01,8766.52,\n2026-11-20,"C,3","A""2",TD01,7.5,2027-02-28\n2026-11-20,C2,A3,DD01,-0.00,""\n',
    );
    expect(r.out).toBe('C1,A1,DD01,876652,,2\n"C,3","A""2",TD01,750,2027-02-28,3\nC2,A3,DD01,0,,4\n');
    expect(r.rejects).toEqual([]);
  });

  it('writes binary COPY tuples with the same values: unescaped text, int8 fen, days since 2000, line', () => {
    const body =
      '2026-11-20,C1,A1,DD01,8766.52,\n2026-11-20,"C,3","A""2",TD01,7.5,2027-02-28\n2026-11-20,C2,账户,DD01,-0.00,""\n' +
      '2026-11-20,C1,A4,DD01,9999999999999999.99,1999-12-31\n2026-11-20,C1,A5,DD01,12345678901234567,\n';
    const r = run(body, '2026-11-20', 'binary');
    expect(decodeTuples(r.bytes)).toEqual([
      ['C1', 'A1', 'DD01', '876652', null, 2],
      ['C,3', 'A"2', 'TD01', '750', '2027-02-28', 3],
      ['C2', '账户', 'DD01', '0', null, 4],
      ['C1', 'A4', 'DD01', '999999999999999999', '1999-12-31', 5],
    ]);
    expect(r.rejects).toEqual([
      [6, 'balance', '12345678901234567', 'amount too large (at most 16 digits before the decimal point)'],
    ]);
    for (const d of ['2000-01-01', '2000-02-29', '1970-01-01', '2400-03-01', '0001-01-01'])
      expect(new Date(Date.UTC(2000, 0, 1 + pgDays(Buffer.from(d), 0))).toISOString().slice(0, 10)).toBe(d);
  });

  it('gives the same rows, rejects and line numbers whatever the chunk boundaries', () => {
    const body =
      '2026-11-20,C1,A1,DD01,8766.52,\n\n2026-11-20,"C,3","A""2\nx",TD01,7.5,2027-02-28\r\n2026-11-20,C2,账户,DD01,-0.00,""\n' +
      '2026-11-20,C9,A4,DD01,1,\n2026-11-20,C1,"A"5,DD01,1,\n2026-11-20,C1,A6,DD01,1\n2026-11-20,C2,A7,TD01,3.10,';
    const whole = run(body, '2026-11-20', 'binary');
    expect(whole.rows.loaded).toBe(4);
    // (a line feed is a control character, which no id may hold)
    expect(whole.rejects).toEqual([
      [4, 'account_id', 'A"2\nx', 'invisible character U+000A in an id'],
      [7, 'customer_id', 'C9', 'unknown customer'],
    ]);
    expect(whole.structural).toEqual([[9, null, 'expected 6 columns, found 5']]);
    for (const size of [1, 2, 3, 5, 7, 16, 64]) {
      const r = run(body, '2026-11-20', 'binary', size);
      expect(r.bytes.toString('base64'), `chunks of ${size}`).toBe(whole.bytes.toString('base64'));
      expect([r.rejects, r.structural], `chunks of ${size}`).toEqual([whole.rejects, whole.structural]);
    }
  });

  it('rejects with the SQL path reasons, first failing check first', () => {
    const r = run(
      [
        '2026-11-19,C9,A1,DD01,1,',
        ',C1,A1,DD01,1,',
        '2026-11-20,C9,A1,DD01,1.234,',
        '2026-11-20,C1,A1,DD01,-5.00,',
        '2026-11-20,C1,A1,DD01,1,2026-02-30',
        '2026-11-20,C9,A1,DD01,1,',
        '2026-11-20,C1,A1,XX,1,',
        '2026-11-20,C1,,DD01,1,',
        '2026-11-20,C1,A1,DD01,"",',
        '',
      ].join('\n'),
    );
    expect(r.out).toBe('');
    expect(r.rejects).toEqual([
      [2, 'as_of_date', '2026-11-19', "as_of_date is not the file's business date 2026-11-20"],
      [3, 'as_of_date', '', 'required value is empty'],
      [4, 'balance', '1.234', 'not an amount with at most 2 decimals'],
      [5, 'balance', '-5.00', 'must not be negative'],
      [6, 'maturity_date', '2026-02-30', 'not a real date YYYY-MM-DD'],
      [7, 'customer_id', 'C9', 'unknown customer'],
      [8, 'product_id', 'XX', 'unknown product'],
      [9, 'account_id', '', 'required value is empty'],
      [10, 'balance', '', 'required value is empty'],
    ]);
  });

  it('finds customers in or out of the ids order', () => {
    const r = run(
      ['C2', 'C2', 'C,3', 'C1', 'C9', 'C1', 'C2'].map((c, i) => `2026-11-20,"${c}",A${i},DD01,1,\n`).join(''),
    );
    expect(r.rejects).toEqual([[6, 'customer_id', 'C9', 'unknown customer']]);
    expect(r.rows.loaded).toBe(6);
  });

  it('takes the first row as_of_date when there is no date, and marks repeated keys as candidates', () => {
    const r = run('2026-11-20,C1,A1,DD01,1,\n2026-11-20,C2,A1,DD01,2,\n');
    expect(r.rows.date).toBe('2026-11-20');
    expect(r.keys.candidates()).toEqual([2, 3]);
    expect(() => run('2026-13-01,C1,A1,DD01,1,\n', null)).toThrow(/no business date/);
  });

  it('checks money and dates like the SQL patterns', () => {
    const m = (s: string) => moneyKind(Buffer.from(s), 0, s.length);
    expect([m('0'), m('12.5'), m('-0.00'), m('-1'), m('1.'), m('.5'), m('1e3'), m('1'.repeat(21))]).toEqual([
      1, 1, 1, 2, 0, 0, 0, 0,
    ]);
    // more than 16 integer digits would not fit a bigint of fen
    expect([m('9'.repeat(16) + '.99'), m('1'.repeat(17)), m('-' + '1'.repeat(17))]).toEqual([1, 3, 3]);
    const d = (s: string) => dateOk(Buffer.from(s), 0, s.length);
    expect([d('2024-02-29'), d('2023-02-29'), d('0000-01-01'), d('2026-04-31'), d('2026-1-01')]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('IdSet', () => {
  it('finds ids by bytes', () => {
    const s = IdSet.of(['C1', 'C22', '客户']);
    const has = (v: string) => s.has(Buffer.from(v), 0, Buffer.byteLength(v));
    expect([has('C1'), has('C22'), has('客户'), has('C2'), has('')]).toEqual([true, true, true, false, false]);
  });

  it('gives positions in the joined ids, which a row compares before hashing', () => {
    const s = IdSet.of(['C1', 'C22', '客户']);
    const at = (v: string) => s.indexOf(Buffer.from(v), 0, Buffer.byteLength(v));
    const is = (k: number, v: string) => s.is(k, Buffer.from(v), 0, Buffer.byteLength(v));
    expect([at('C1'), at('C22'), at('客户'), at('C2')]).toEqual([0, 1, 2, -1]);
    expect([is(1, 'C22'), is(1, 'C1'), is(-1, 'C1'), is(3, 'C1')]).toEqual([true, false, false, false]);
  });

  it('rejects a balance above the ceiling, with the ceiling in yuan; one at it loads', () => {
    const r = run(
      '2026-11-20,C1,A1,DD01,1000000000000.00,\n2026-11-20,C1,A2,DD01,1000000000000.01,\n' +
        '2026-11-20,C1,A3,DD01,9999999999999999.99,\n2026-11-20,C1,A4,DD01,2000.5,\n',
      '2026-11-20',
      'csv',
      1 << 20,
      100_000_000_000_000n,
    );
    const reason = 'balance above the ceiling of 1,000,000,000,000 yuan';
    expect(r.rejects).toEqual([
      [3, 'balance', '1000000000000.01', reason],
      [4, 'balance', '9999999999999999.99', reason],
    ]);
    expect(r.out).toBe('C1,A1,DD01,100000000000000,,2\nC1,A4,DD01,200050,,5\n');
    const small = run(
      '2026-11-20,C1,A1,DD01,2000.5,\n2026-11-20,C1,A2,DD01,2000.51,\n',
      '2026-11-20',
      'csv',
      1 << 20,
      200050n,
    );
    expect(small.rejects).toEqual([[3, 'balance', '2000.51', 'balance above the ceiling of 2,000.50 yuan']]);
  });
});
