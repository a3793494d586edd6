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
 * The token table's hash of a token's characters: FNV-1a over the UTF-16 code units, finished
 * with the length and fmix32. The one-pass tokenizer runs it as it writes the characters.
 */
export const TOKEN_HASH_START = 0x811c9dc5;
export const TOKEN_HASH_PRIME = 0x01000193;
export function tokenHashEnd(h: number, length: number): number {
  return fmix32(h ^ Math.imul(length, 0x9e3779b1));
}

/**
 * The characters `chars[start, end)` as a string. A token (up to SHORT_TOKEN characters) is
 * built a character at a time: 50 ns for a word against 270 for a spread of its subarray,
 * which made this 100 ms of PAN's preparing (once per distinct token per thread). Longer runs
 * go in pieces: a spread of a very long token would overflow the stack.
 */
export function stringOf(chars: Uint16Array, start: number, end: number): string {
  const SHORT_TOKEN = 64;
  if (end - start <= SHORT_TOKEN) {
    let out = '';
    for (let i = start; i < end; i++) out += String.fromCharCode(chars[i]!);
    return out;
  }
  const PIECE = 4096;
  if (end - start <= PIECE) return String.fromCharCode(...chars.subarray(start, end));
  let out = '';
  for (let at = start; at < end; at += PIECE) out += String.fromCharCode(...chars.subarray(at, Math.min(end, at + PIECE)));
  return out;
}

/**
 * Hashes tokens with xxh64 under a seed, memoising each distinct token under a number (its id).
 * One instance per scan (or per index session, or per worker thread); not shared across seeds.
 *
 * Tokens are looked up in an open-addressing table over their characters, so the tokenizer's
 * character spans (text/normalize.ts, tokenizeInto) find their id without a string being made:
 * a string-keyed Map was the hottest function of a scan (about 270 ns a token on PAN). A string
 * is made once per distinct token, to hash it with xxh64.
 */
export class TokenHasher {
  /** Slot -> id + 1 (0: empty). */
  private slots = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  /** Per id: its table hash, where its characters are in `arena`, and how many. */
  private slotHash = new Uint32Array(4096);
  private charStart = new Uint32Array(4096);
  private charLength = new Uint32Array(4096);
  private arena = new Uint16Array(1 << 16);
  private arenaUsed = 0;
  private lo = new Uint32Array(4096);
  private hi = new Uint32Array(4096);
  private readonly strings: string[] = [];
  private size = 0;
  private readonly seed: bigint;
  private readonly word = new BigUint64Array(1);
  private readonly halves = new Uint32Array(this.word.buffer);
  /** Scratch for string lookups. */
  private scratch = new Uint16Array(256);

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

  /** The token an id stands for. */
  tokenString(id: number): string {
    return this.strings[id]!;
  }

  /** The id of the token `chars[start, end)`, made when new. */
  idOfSpan(chars: Uint16Array, start: number, end: number): number {
    let h = TOKEN_HASH_START;
    for (let i = start; i < end; i++) h = Math.imul(h ^ chars[i]!, TOKEN_HASH_PRIME);
    return this.idOfHashedSpan(chars, start, end, tokenHashEnd(h, end - start));
  }

  /** `idOfSpan` for a span whose hash the tokenizer already computed (tokenHashEnd of the running hash). */
  idOfHashedSpan(chars: Uint16Array, start: number, end: number, h: number): number {
    const length = end - start;
    const { slots, mask, slotHash, charLength, charStart, arena } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return this.add(chars, start, end, h, slot);
      const id = entry - 1;
      if (slotHash[id] !== h || charLength[id] !== length) continue;
      const at = charStart[id]! - start;
      let k = start;
      while (k < end && arena[at + k] === chars[k]) k++;
      if (k === end) return id;
    }
  }

  /** The id of a token given as a string (the Unicode path of tokenize, and tests). */
  idOf(token: string): number {
    if (this.scratch.length < token.length) this.scratch = new Uint16Array(Math.max(token.length, this.scratch.length * 2));
    for (let i = 0; i < token.length; i++) this.scratch[i] = token.charCodeAt(i);
    return this.idOfSpan(this.scratch, 0, token.length);
  }

  private add(chars: Uint16Array, start: number, end: number, hash: number, slot: number): number {
    const id = this.size++;
    const length = end - start;
    if (id === this.lo.length) this.growIds();
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint16Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
    this.arena.set(chars.subarray(start, end), this.arenaUsed);
    this.charStart[id] = this.arenaUsed;
    this.charLength[id] = length;
    this.slotHash[id] = hash;
    this.arenaUsed += length;
    const token = stringOf(chars, start, end);
    this.strings.push(token);
    this.word[0] = this.api.h64(token, this.seed);
    this.lo[id] = this.halves[0]!;
    this.hi[id] = this.halves[1]!;
    this.slots[slot] = id + 1;
    // Kept at most half full, so that probes stay short.
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private growIds(): void {
    const grow = (array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const grown = new Uint32Array(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.lo = grow(this.lo);
    this.hi = grow(this.hi);
    this.slotHash = grow(this.slotHash);
    this.charStart = grow(this.charStart);
    this.charLength = grow(this.charLength);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.slotHash[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The ids of a list of tokens, into `out` (grown when short); returns `out`. */
  idsOf(tokens: readonly string[], out: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
    const ids = out.length >= tokens.length ? out : new Uint32Array(Math.max(tokens.length, out.length * 2));
    for (let i = 0; i < tokens.length; i++) ids[i] = this.idOf(tokens[i]!);
    return ids;
  }

  /** The low 32 bits of each token's xxh64, in order: the token sequence as numbers (alignment compares these). */
  tokenHashesOf(ids: Uint32Array, count: number): Uint32Array {
    return this.tokenHashesInto(ids, count, new Uint32Array(count));
  }

  /** The same into `out` (at least `count` long); returns `out`. */
  tokenHashesInto(ids: Uint32Array, count: number, out: Uint32Array): Uint32Array {
    for (let i = 0; i < count; i++) out[i] = this.lo[ids[i]!]!;
    return out;
  }

  /**
   * 64-bit hashes (two lanes) of every window of `size` consecutive tokens, written into `lo`
   * and `hi` (which hold at least count - size + 1 values); returns how many.
   */
  shinglesOf(ids: Uint32Array, count: number, size: number, outLo: Uint32Array, outHi: Uint32Array): number {
    const windows = Math.max(0, count - size + 1);
    const lo = this.lo;
    const hi = this.hi;
    for (let start = 0; start < windows; start++) {
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
    return windows;
  }

  /** The text key's two 32-bit halves (high, low) of the last `textKeyOf` call. */
  readonly keyHalves = new Uint32Array(2);

  /** A 64-bit hash of the whole token sequence as 16 hex digits: the key of exact (normalised) equality. */
  textKeyOf(ids: Uint32Array, count: number): string {
    let a = 0x3c6ef372 ^ count;
    let b = 0xa54ff53a ^ Math.imul(count, 0x9e3779b1);
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      a = Math.imul(((a << 13) | (a >>> 19)) ^ this.lo[id]!, 0x9e3779b1) + 0x7f4a7c15;
      b = Math.imul(((b << 17) | (b >>> 15)) ^ this.hi[id]!, 0x85ebca77) + 0x165667b1;
    }
    const high = fmix32(a ^ Math.imul(b, 0xc2b2ae3d));
    const low = fmix32(b + high);
    this.keyHalves[0] = high;
    this.keyHalves[1] = low;
    return hex64(high, low);
  }

  // The same, for token lists given as strings (tests, and callers outside the signer).

  tokenHashes(tokens: readonly string[]): Uint32Array {
    return this.tokenHashesOf(this.idsOf(tokens, new Uint32Array(tokens.length)), tokens.length);
  }

  shingles(tokens: readonly string[], size: number): ShingleHashes {
    const windows = Math.max(0, tokens.length - size + 1);
    const lo = new Uint32Array(windows);
    const hi = new Uint32Array(windows);
    this.shinglesOf(this.idsOf(tokens, new Uint32Array(tokens.length)), tokens.length, size, lo, hi);
    return { lo, hi };
  }

  textKey(tokens: readonly string[]): string {
    return this.textKeyOf(this.idsOf(tokens, new Uint32Array(tokens.length)), tokens.length);
  }
}
