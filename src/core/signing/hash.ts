/**
 * Hashing of tokens, shingles and whole paragraphs, built on xxHash64 (xxhash-wasm).
 *
 * Why tokens are hashed rather than shingle strings: calling xxh64 on each k-gram string costs
 * about 290 ns (string encode into wasm memory, a BigInt result), which alone caps a scan near
 * 10 MB/s. Each distinct token is instead hashed once with xxh64 and memoised (news vocabulary
 * is Zipfian: a 5 MB corpus has 860k tokens but 31k distinct ones), and a k-gram's 64-bit hash
 * is a position-weighted sum of its tokens' xxh64 halves, finalised per 32-bit lane with
 * MurmurHash3's fmix32. Positions get different odd multipliers, so "a b c" and "b a c" differ.
 * Both 32-bit lanes drive MinHash (one picks the bin, the other is the value); the shingle sets
 * kept for exact verification hold the low lane only, where two different k-grams of a pair of
 * paragraphs collide with probability about n·m/2^32 (under 10^-6 for 40-word paragraphs).
 *
 * The values are part of the on-disk index format (issue 4): `test/unit/hash.test.ts` pins them
 * with golden values so that any change here fails loudly.
 */
import xxhash from 'xxhash-wasm';

type XXHashApi = Awaited<ReturnType<typeof xxhash>>;

let apiPromise: Promise<XXHashApi> | undefined;

/** Instantiates the wasm module once per process (no I/O: the bytes are inlined in the package). */
export function loadXXHash(): Promise<XXHashApi> {
  apiPromise ??= xxhash();
  return apiPromise;
}

/** MurmurHash3's 32-bit finaliser: a bijection with full avalanche. */
export function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_DIGITS = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));

function hexDigit(value: number, shift: number): number {
  return HEX_DIGITS[(value >>> shift) & 15]!;
}

/**
 * Two 32-bit values as 16 lower-case hex digits, zero-padded. Why not toString(16) and
 * padStart: measured 786 ns a key against 37 ns for one fromCharCode, and the scan makes a key
 * per paragraph (0.5 s of the 100 MB bench corpus).
 */
function hex64(high: number, low: number): string {
  const h = hexDigit;
  return String.fromCharCode(
    h(high, 28), h(high, 24), h(high, 20), h(high, 16), h(high, 12), h(high, 8), h(high, 4), h(high, 0),
    h(low, 28), h(low, 24), h(low, 20), h(low, 16), h(low, 12), h(low, 8), h(low, 4), h(low, 0),
  );
}

/** Odd multipliers per shingle position (up to the largest allowed shingle size, 16, times 2 - 1 for character shingles). */
const POSITION_MULTIPLIERS_LO = new Uint32Array(32);
const POSITION_MULTIPLIERS_HI = new Uint32Array(32);
{
  let state = 0x2545f491;
  for (let i = 0; i < 32; i++) {
    state = fmix32(state + 0x9e3779b9);
    POSITION_MULTIPLIERS_LO[i] = state | 1;
    state = fmix32(state + 0x9e3779b9);
    POSITION_MULTIPLIERS_HI[i] = state | 1;
  }
}

/** Hashes of a paragraph's shingles in two parallel 32-bit lanes. */
export interface ShingleHashes {
  lo: Uint32Array;
  hi: Uint32Array;
}

/**
 * Hashes tokens with xxh64 under a seed, memoising each distinct token. One instance per scan
 * (or per index session); not shared across seeds.
 */
export class TokenHasher {
  private readonly ids = new Map<string, number>();
  private lo = new Uint32Array(4096);
  private hi = new Uint32Array(4096);
  private size = 0;
  private readonly seed: bigint;
  private readonly word = new BigUint64Array(1);
  private readonly halves = new Uint32Array(this.word.buffer);
  private tokenIds = new Uint32Array(256);
  /** The token list `tokenIds` holds the ids of (see loadIds). */
  private idsFor: readonly string[] | null = null;

  constructor(
    private readonly api: XXHashApi,
    seed: number,
  ) {
    this.seed = BigInt(seed >>> 0);
  }

  /** Number of distinct tokens seen (memory grows with vocabulary, not with corpus size). */
  get vocabularySize(): number {
    return this.size;
  }

  /** The raw xxh64 of one token as [lo, hi] 32-bit halves. */
  tokenHash(token: string): [number, number] {
    const id = this.idOf(token);
    return [this.lo[id]!, this.hi[id]!];
  }

  private idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.size++;
      if (id === this.lo.length) {
        const lo = new Uint32Array(this.lo.length * 2);
        lo.set(this.lo);
        this.lo = lo;
        const hi = new Uint32Array(this.hi.length * 2);
        hi.set(this.hi);
        this.hi = hi;
      }
      this.word[0] = this.api.h64(token, this.seed);
      this.lo[id] = this.halves[0]!;
      this.hi[id] = this.halves[1]!;
      this.ids.set(token, id);
    }
    return id;
  }

  /**
   * The ids of `tokens`, in a buffer reused from call to call. The ids of the last list are kept:
   * the scan asks for a paragraph's textKey and then its shingles, and looking every token up
   * in the map twice was the largest single cost of the scan (idOf, 0.48 s of 4.5 s on the
   * 10 MB bench corpus). Token lists are treated as immutable, as tokenize returns them.
   */
  private loadIds(tokens: readonly string[]): Uint32Array {
    if (tokens === this.idsFor) return this.tokenIds;
    if (this.tokenIds.length < tokens.length) {
      this.tokenIds = new Uint32Array(Math.max(tokens.length, this.tokenIds.length * 2));
    }
    const ids = this.tokenIds;
    for (let i = 0; i < tokens.length; i++) ids[i] = this.idOf(tokens[i]!);
    this.idsFor = tokens;
    return ids;
  }

  /** The low 32 bits of each token's xxh64, in order: the token sequence as numbers (alignment compares these). */
  tokenHashes(tokens: readonly string[]): Uint32Array {
    const ids = this.loadIds(tokens);
    const out = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.lo[ids[i]!]!;
    return out;
  }

  /** 64-bit hashes (two lanes) of every window of `size` consecutive tokens. */
  shingles(tokens: readonly string[], size: number): ShingleHashes {
    const count = Math.max(0, tokens.length - size + 1);
    const outLo = new Uint32Array(count);
    const outHi = new Uint32Array(count);
    if (count === 0) return { lo: outLo, hi: outHi };
    const ids = this.loadIds(tokens);
    const lo = this.lo;
    const hi = this.hi;
    for (let start = 0; start < count; start++) {
      let a = size;
      let b = Math.imul(size, 0x27d4eb2f);
      for (let j = 0; j < size; j++) {
        const id = ids[start + j]!;
        a = (a + Math.imul(lo[id]!, POSITION_MULTIPLIERS_LO[j]!)) | 0;
        b = (b + Math.imul(hi[id]!, POSITION_MULTIPLIERS_HI[j]!)) | 0;
      }
      const mixedLo = fmix32(a ^ Math.imul(b, 0x165667b1));
      outLo[start] = mixedLo;
      outHi[start] = fmix32(b + mixedLo);
    }
    return { lo: outLo, hi: outHi };
  }

  /** A 64-bit hash of the whole token sequence as 16 hex digits: the key of exact (normalised) equality. */
  textKey(tokens: readonly string[]): string {
    const ids = this.loadIds(tokens);
    let a = 0x3c6ef372 ^ tokens.length;
    let b = 0xa54ff53a ^ Math.imul(tokens.length, 0x9e3779b1);
    for (let i = 0; i < tokens.length; i++) {
      const id = ids[i]!;
      a = Math.imul(((a << 13) | (a >>> 19)) ^ this.lo[id]!, 0x9e3779b1) + 0x7f4a7c15;
      b = Math.imul(((b << 17) | (b >>> 15)) ^ this.hi[id]!, 0x85ebca77) + 0x165667b1;
    }
    const high = fmix32(a ^ Math.imul(b, 0xc2b2ae3d));
    const low = fmix32(b + high);
    return hex64(high, low);
  }
}
