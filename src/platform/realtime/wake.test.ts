import { describe, expect, it } from 'vitest';
import { decodeWake, encodeWake, WAKE_PAYLOAD_LIMIT } from './wake.js';

describe('the NOTIFY wake-up payload', () => {
  it('names the recipients, once each', () => {
    const text = encodeWake(['S00007', 'S00008', 'S00007']);
    expect(decodeWake(text)).toEqual(new Set(['S00007', 'S00008']));
  });

  it('says "look everywhere" when the list would not fit PostgreSQL’s 8000-byte limit', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `S${String(i).padStart(5, '0')}`);
    const text = encodeWake(many);
    expect(text).toBe('');
    expect(decodeWake(text)).toBe('all');
    const fits = many.slice(0, 700);
    expect(Buffer.byteLength(encodeWake(fits))).toBeLessThanOrEqual(WAKE_PAYLOAD_LIMIT);
    expect(decodeWake(encodeWake(fits))).toEqual(new Set(fits));
  });

  it('reads a lost connection (null) or anything unexpected as "look everywhere"', () => {
    for (const p of [null, '', 'not json', '{"a":1}', '[1,2]']) expect(decodeWake(p)).toBe('all');
  });
});
