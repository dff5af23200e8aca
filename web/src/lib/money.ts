/**
 * Display helpers for money strings ("123456.78", decimal yuan). All arithmetic is done on
 * integer fen with BigInt; floats are never used for amounts.
 */

/** Parses a decimal yuan string to integer fen, or null when it is not a number. */
export function toFen(amount: string | null | undefined): bigint | null {
  if (amount === null || amount === undefined) return null;
  const m = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(String(amount));
  if (!m || (!m[2] && !m[3])) return null;
  const int = m[2] || '0';
  const frac = ((m[3] ?? '') + '000').slice(0, 3); // third digit for rounding
  let fen = BigInt(int) * 100n + BigInt(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) fen += 1n;
  return m[1] ? -fen : fen;
}

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Rounds `fen / divisor` half away from zero. */
function divRound(fen: bigint, divisor: bigint): bigint {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const q = (abs + divisor / 2n) / divisor;
  return neg ? -q : q;
}

/** Formats a value counted in 1/100 units as "1,234.56". */
function fixed2(hundredths: bigint): string {
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  const int = group((abs / 100n).toString());
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** ¥1,234,567.89 */
export function formatYuan(amount: string | null | undefined, opts?: { symbol?: boolean }): string {
  const fen = toFen(amount);
  if (fen === null) return '—';
  return `${opts?.symbol === false ? '' : '¥'}${fixed2(fen)}`;
}

/**
 * Compact form for tight spaces (tiles, cards, chart tooltips, org tables). The rule: the largest
 * unit the amount reaches, with two decimals — Chinese 万 / 亿 (¥123.46万), English K / M / B —
 * and below the first unit (10,000 zh, 1,000 en) whole yuan with thousands separators (¥8,532).
 * A compact amount never shows fen, so zero is ¥0 beside ¥24.36万, not ¥0.00.
 */
export function formatYuanCompact(amount: string | null | undefined, lang: string): string {
  const fen = toFen(amount);
  if (fen === null) return '—';
  const abs = fen < 0n ? -fen : fen;
  if (lang.startsWith('zh')) {
    if (abs >= 100_000_000_00n) return `¥${fixed2(divRound(fen, 100_000_000n))}亿`;
    if (abs >= 10_000_00n) return `¥${fixed2(divRound(fen, 10_000n))}万`;
    return wholeYuan(fen);
  }
  if (abs >= 1_000_000_000_00n) return `¥${fixed2(divRound(fen, 1_000_000_000n))}B`;
  if (abs >= 1_000_000_00n) return `¥${fixed2(divRound(fen, 1_000_000n))}M`;
  if (abs >= 1_000_00n) return `¥${fixed2(divRound(fen, 1_000n))}K`;
  return wholeYuan(fen);
}

/** ¥8,532 (fen rounded half away from zero), ¥0, ¥-12 */
function wholeYuan(fen: bigint): string {
  const y = divRound(fen, 100n);
  return `¥${y < 0n ? '-' : ''}${group((y < 0n ? -y : y).toString())}`;
}

/** Display-only number of yuan for charts (never used for money arithmetic). */
export function chartYuan(amount: string | null | undefined): number {
  const n = Number(amount);
  return Number.isFinite(n) ? n : 0;
}

/** Axis label for a chart value in yuan: 万 / K units. */
export function axisYuan(value: number, lang: string): string {
  if (lang.startsWith('zh')) {
    if (Math.abs(value) >= 1e8) return `${(value / 1e8).toFixed(1).replace(/\.0$/, '')}亿`;
    if (Math.abs(value) >= 1e4) return `${(value / 1e4).toFixed(0)}万`;
    return String(value);
  }
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (Math.abs(value) >= 1e3) return `${(value / 1e3).toFixed(0)}K`;
  return String(value);
}
