/**
 * Deterministic randomness for the synthetic bank. sfc32 (small, fast, passes PractRand) seeded
 * through a murmur3 finaliser, so every entity gets its own independent stream from
 * (seed, tag, index, sub-index). That is what lets generation run in chunks, or skip tables,
 * and still produce byte-identical data: no draw depends on how many draws came before it in
 * some other entity.
 */

/** murmur3 fmix32: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Stream tags: one per kind of entity, so streams never collide across kinds. */
export const TAG = {
  org: 1,
  staff: 2,
  customer: 3,
  aum: 4,
  walk: 5,
  holdings: 6,
  pastHoldings: 7,
  assign: 8,
  history: 9,
  contacts: 10,
  transactions: 11,
  complaints: 12,
  monthly: 13,
  outletWeight: 14,
} as const;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, tag = 0, i = 0, j = 0) {
    const h0 = fmix((seed >>> 0) ^ 0x9e3779b9);
    const h1 = fmix(h0 ^ Math.imul(tag + 1, 0x27d4eb2d));
    const h2 = fmix(h1 ^ Math.imul((i >>> 0) + 0x165667b1, 0x85ebca77));
    const h3 = fmix(h2 ^ Math.imul((j >>> 0) + 0x61c88647, 0xc2b2ae3d));
    this.a = h3;
    this.b = fmix(h3 ^ 0xdeadbeef);
    this.c = fmix(h3 ^ 0x7f4a7c15);
    this.d = 1;
    for (let k = 0; k < 12; k++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)]!;
  }

  /** index drawn with probability proportional to weights[i] */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** standard normal (Box-Muller; the second value is dropped to keep streams simple) */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson count; Knuth for small means, a rounded normal above 30 */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}
