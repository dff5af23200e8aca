/**
 * Money is integer fen (bigint) inside Guanhu. These are the only conversions, used at the edges
 * (files, API, UI). Never through a float.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** '12345.6' → 1234560n. Throws on anything that is not a decimal with at most 2 decimals. */
export function parseYuan(s: string): bigint {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw new Error(`not an amount with at most 2 decimals: "${s}"`);
  const fen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}

/** 1234560n → '12345.60' */
export function formatYuan(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
