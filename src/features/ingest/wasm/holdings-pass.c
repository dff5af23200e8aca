/*
 * The holdings pass's fast path, compiled to WebAssembly (scripts/build-wasm.sh): checks a run of
 * whole, plain records and writes their binary COPY tuples and duplicate-key hashes, byte for
 * byte what the TypeScript pass (holdings-scan.ts + holdings-rows.ts) writes for them.
 *
 * It only ever ACCEPTS: a run is taken whole or not at all. At the first record that is not plain
 * (a quote other than around a whole field, a CR other than the one before its line feed, an
 * empty line, another field count) or that any check would reject, or that it
 * cannot write the same way (a minus sign, a long amount), it returns -1 and the TypeScript pass
 * checks the whole run instead, with its reasons, rejects and errors. So the rules and their
 * messages live in one place; this file repeats only what an accepted row must satisfy.
 *
 * No libc: freestanding C, memory laid out by the caller (holdings-wasm.ts).
 */
typedef unsigned char u8;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;

#define LF 0x0a
#define CR 0x0d
#define QUOTE 0x22
#define COMMA 0x2c
#define MAX_FIELDS 64

/* An id set as laid out by IdSet (id-set.ts): joined bytes, each id's range, FNV-1a table. */
typedef struct {
  const u8 *joined;
  const i32 *starts;
  const i32 *ends;
  const i32 *table;
  i32 mask;
  i32 size;
} IdSet;

/* The file's layout and references, written by the caller before the first run. */
typedef struct {
  i32 fields;
  i32 as_of_date, customer_id, account_id, product_id, balance, maturity_date; /* -1: absent */
  u8 date[10];
  IdSet customers;
  IdSet products;
} Config;

static u32 fnv(const u8 *b, i32 s, i32 e) {
  u32 h = 0x811c9dc5u;
  for (i32 i = s; i < e; i++) h = (h ^ b[i]) * 0x01000193u;
  return h;
}

/* whether the id at position k of the set is b[s, e) */
static int is(const IdSet *set, i32 k, const u8 *b, i32 s, i32 e) {
  if (k < 0 || k >= set->size) return 0;
  i32 ks = set->starts[k];
  i32 len = e - s;
  if (set->ends[k] - ks != len) return 0;
  for (i32 i = 0; i < len; i++)
    if (set->joined[ks + i] != b[s + i]) return 0;
  return 1;
}

/* the id's position in the set, or -1 */
static i32 find(const IdSet *set, const u8 *b, i32 s, i32 e) {
  for (u32 slot = fnv(b, s, e) & (u32)set->mask;; slot = (slot + 1) & (u32)set->mask) {
    i32 k = set->table[slot];
    if (k == -1 || is(set, k, b, s, e)) return k;
  }
}

/*
 * Files come grouped by customer, in about the order the ids were loaded: the last customer
 * found and the next id are compared before hashing (as HoldingsRows.knownCustomer does).
 */
static i32 last_customer = -1;

static int known_customer(const IdSet *set, const u8 *b, i32 s, i32 e) {
  if (is(set, last_customer, b, s, e)) return 1;
  if (is(set, last_customer + 1, b, s, e)) {
    last_customer++;
    return 1;
  }
  i32 k = find(set, b, s, e);
  if (k < 0) return 0;
  last_customer = k;
  return 1;
}

static const i32 MONTH_DAYS[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static i32 digit(u8 c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

/* a real calendar date YYYY-MM-DD (dateOk in holdings-rows.ts); its days since 2000-01-01 in *days */
static int date_days(const u8 *b, i32 s, i32 e, i32 *days) {
  if (e - s != 10 || b[s + 4] != '-' || b[s + 7] != '-') return 0;
  i32 d[8] = {digit(b[s]), digit(b[s + 1]), digit(b[s + 2]), digit(b[s + 3]),
              digit(b[s + 5]), digit(b[s + 6]), digit(b[s + 8]), digit(b[s + 9])};
  for (int i = 0; i < 8; i++)
    if (d[i] < 0) return 0;
  i32 y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
  i32 m = d[4] * 10 + d[5];
  i32 day = d[6] * 10 + d[7];
  if (y == 0 || m < 1 || m > 12 || day < 1) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (day > (m == 2 && leap ? 29 : MONTH_DAYS[m])) return 0;
  /* days from civil (as pgDays): y ≥ 1, so every division here is of a non-negative number */
  if (m <= 2) y--;
  i32 era = y / 400;
  i32 yoe = y - era * 400;
  i32 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  i32 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = era * 146097 + doe - 730425;
  return 1;
}

/*
 * An amount ≥ 0 the TypeScript pass would accept and write the same way: digits, then optionally
 * '.' and one or two digits, at most 16 integer digits (so also at most 20 characters). Fen in
 * *fen. A minus sign is left to the TypeScript pass (a rejected negative, or a valid -0).
 */
static int amount_fen(const u8 *b, i32 s, i32 e, u64 *fen) {
  i32 i = s;
  u64 v = 0;
  while (i < e && b[i] >= '0' && b[i] <= '9') v = v * 10 + (u64)(b[i++] - '0');
  i32 int_digits = i - s;
  if (int_digits == 0 || int_digits > 16) return 0;
  i32 decimals = 0;
  if (i < e) {
    if (b[i] != '.') return 0;
    i++;
    while (i < e && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (u64)(b[i++] - '0');
      decimals++;
    }
    if (i != e || decimals == 0 || decimals > 2) return 0;
  }
  for (; decimals < 2; decimals++) v *= 10;
  *fen = v;
  return 1;
}

static u8 *put32(u8 *o, u32 v) {
  o[0] = (u8)(v >> 24);
  o[1] = (u8)(v >> 16);
  o[2] = (u8)(v >> 8);
  o[3] = (u8)v;
  return o + 4;
}

static u8 *put_text(u8 *o, const u8 *b, i32 s, i32 e) {
  o = put32(o, (u32)(e - s));
  for (i32 i = s; i < e; i++) *o++ = b[i];
  return o;
}

_Static_assert(__builtin_offsetof(Config, date) == 28, "Config layout (holdings-wasm.ts)");
_Static_assert(__builtin_offsetof(Config, customers) == 40, "Config layout (holdings-wasm.ts)");
_Static_assert(__builtin_offsetof(Config, products) == 64, "Config layout (holdings-wasm.ts)");
_Static_assert(sizeof(Config) == 88, "Config layout (holdings-wasm.ts)");

/* bytes of tuples and ints of key hashes written by the last run */
static i32 out_len;
static i32 keys_len;
i32 last_out_len(void) { return out_len; }
i32 last_keys_len(void) { return keys_len; }

/*
 * Checks the records of in[0, n) — whole records from a record start, n just after a line feed —
 * the first on physical line `line`. Writes their tuples to `out` and (hash, tag, line) per row
 * to `keys`. Returns the number of records, or -1: not all of them are plain and accepted.
 */
i32 run(const Config *c, const u8 *in, i32 n, i32 line, u8 *out, i32 *keys) {
  i32 starts[MAX_FIELDS];
  i32 ends[MAX_FIELDS];
  const i32 nf = c->fields;
  if (nf < 1 || nf > MAX_FIELDS || c->as_of_date < 0 || c->customer_id < 0 || c->account_id < 0 ||
      c->product_id < 0 || c->balance < 0)
    return -1;
  u8 *o = out;
  i32 *k = keys;
  i32 records = 0;
  i32 p = 0;
  while (p < n) {
    /* split one record: fields at commas, up to its line feed (a CR just before it is dropped) */
    i32 f = 0;
    i32 e;
    starts[0] = p;
    for (;;) {
      u8 ch = in[p];
      if (ch > COMMA) {
        p++;
        continue;
      }
      if (ch == COMMA) {
        if (f + 1 >= nf) return -1;
        ends[f] = p;
        starts[++f] = p + 1;
      } else if (ch == LF) {
        e = p;
        break;
      } else if (ch == CR) {
        if (p + 1 >= n || in[p + 1] != LF) return -1;
        e = p++;
        break;
      } else if (ch == QUOTE) {
        /*
         * A field quoted whole, "…", with no quote, CR or line feed inside: its value is what is
         * between the quotes (commas included), as the scanner's unescape() gives it. Anything
         * else with a quote is left to the TypeScript pass.
         */
        if (p != starts[f]) return -1;
        i32 q = p + 1;
        while (q < n && in[q] != QUOTE) {
          if (in[q] == LF || in[q] == CR) return -1;
          q++;
        }
        if (q + 1 >= n) return -1;
        starts[f] = p + 1;
        u8 next = in[q + 1];
        if (next == COMMA) {
          if (f + 1 >= nf) return -1;
          ends[f] = q;
          starts[++f] = q + 2;
          p = q + 2;
          continue;
        }
        if (next == LF) {
          e = q;
          p = q + 1;
          break;
        }
        if (next == CR && q + 2 < n && in[q + 2] == LF) {
          e = q;
          p = q + 2;
          break;
        }
        return -1;
      }
      p++;
      if (p >= n) return -1;
    }
    ends[f] = e;
    if (f + 1 != nf || e == starts[0]) return -1;
    p++; /* past the line feed */

    /* the checks of holdings-rows.ts, each only on its accepting side */
    i32 a = c->as_of_date;
    if (ends[a] - starts[a] != 10) return -1;
    for (int i = 0; i < 10; i++)
      if (in[starts[a] + i] != c->date[i]) return -1;
    i32 cu = c->customer_id, ac = c->account_id, pr = c->product_id, ba = c->balance, ma = c->maturity_date;
    if (ends[cu] == starts[cu] || ends[ac] == starts[ac] || ends[pr] == starts[pr] || ends[ba] == starts[ba])
      return -1;
    u64 fen;
    if (!amount_fen(in, starts[ba], ends[ba], &fen)) return -1;
    i32 days = 0;
    int has_date = ma >= 0 && ends[ma] > starts[ma];
    if (has_date && !date_days(in, starts[ma], ends[ma], &days)) return -1;
    if (!known_customer(&c->customers, in, starts[cu], ends[cu])) return -1;
    if (find(&c->products, in, starts[pr], ends[pr]) < 0) return -1;

    /* the duplicate-key hashes of KeySeen.add */
    u32 h = 0x811c9dc5u;
    u32 t = 0;
    for (i32 i = starts[ac]; i < ends[ac]; i++) {
      h = (h ^ in[i]) * 0x01000193u;
      t = t * 31u + in[i];
    }
    h = (h ^ 0xffu) * 0x01000193u;
    t = t * 31u + 0xffu;
    for (i32 i = starts[pr]; i < ends[pr]; i++) {
      h = (h ^ in[i]) * 0x01000193u;
      t = t * 31u + in[i];
    }
    k[0] = (i32)h;
    k[1] = (i32)t;
    k[2] = line;
    k += 3;

    /* the binary COPY tuple of HoldingsRows.binaryRow */
    *o++ = 0;
    *o++ = 6;
    o = put_text(o, in, starts[cu], ends[cu]);
    o = put_text(o, in, starts[ac], ends[ac]);
    o = put_text(o, in, starts[pr], ends[pr]);
    o = put32(o, 8);
    o = put32(o, (u32)(fen >> 32));
    o = put32(o, (u32)fen);
    if (has_date) {
      o = put32(o, 4);
      o = put32(o, (u32)days);
    } else {
      o = put32(o, 0xffffffffu);
    }
    o = put32(o, 4);
    o = put32(o, (u32)line);
    line++;
    records++;
  }
  out_len = (i32)(o - out);
  keys_len = (i32)(k - keys);
  return records;
}
