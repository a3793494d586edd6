/**
 * MinHash signatures by one-permutation hashing with optimal densification.
 *
 * Classic MinHash (Broder 1997) applies n hash functions to every shingle: 128 multiply-adds
 * per shingle, which measured here at ~300 ms per 5 MB of news, more than the whole budget.
 * One-permutation hashing (Li, Owen & Zhang, NIPS 2012) uses the shingle's single 64-bit hash
 * once: its high half picks one of n bins, its low half is the value, and each bin keeps its
 * minimum. Paragraphs are short (a 40-word paragraph fills at most 38 of 128 bins), so empty
 * bins are filled by optimal densification (Shrivastava, ICML 2017): an empty bin i borrows
 * the value of the first non-empty bin in a fixed pseudo-random order of bins that depends
 * only on i and the seed. Both paragraphs of a pair walk the same order, so Pr[sig_A[i] =
 * sig_B[i]] is the Jaccard similarity, as for classic MinHash, at O(shingles + n) cost.
 *
 * Densifying is most of the cost for short paragraphs and for the rewrite channel's
 * content-word sets (10 words fill 10 of 128 bins; each of the other 118 looks for its source):
 * it runs in WebAssembly with SIMD (densify.wat) where it can, and here in JavaScript otherwise.
 */
import { fmix32, type ShingleHashes } from './hash.js';
import { DENSIFY_WASM } from './minhash-wasm.js';

/**
 * With at most this many bins filled, an empty bin takes the filled bin it would reach first by
 * comparing their ranks in its order (one step per filled bin), instead of walking its order
 * (about size / filled steps). The same value either way; measured on 128 bins, ranks are
 * faster up to 8 filled bins (3 words: 2.2 against 7.4 microseconds a set) and the walk from 10.
 * Short paragraphs and the rewording channel's content-word sets (7.7 words on PAN) are there.
 */
const RANKED_FILL_MAX = 8;

/**
 * With at most this many bins filled, empty bins find their sources in WebAssembly
 * (densify.wat: one 16-bit SIMD minimum per eight bins per filled bin); with more, walking
 * each empty bin's order is as fast (it takes about size / filled steps). Measured on 128 bins,
 * per set, JavaScript against WebAssembly: 3.9 against 0.56 microseconds at 8 words (the ranked
 * fill below), 2.5 against 1.2 at 30 (the walk), about even at 100 words (70 filled bins), the
 * walk ahead at 200 words (100 filled).
 */
const PLANE_FILL_MAX = 64;

/** The largest signature the WebAssembly plane serves: its keys are 16 bits, rank * 256 + bin. */
const PLANE_MAX_SIZE = 256;

/** What densify.wat exports. */
interface DensifyExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  minPlane: (plane: number, filled: number, count: number, best: number, size: number) => void;
}

/** The part of the WebAssembly API used here (TypeScript's declarations of it come with the DOM's). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
let densifyModule: object | null | undefined;

/** The compiled densify.wat (once), or null where WebAssembly SIMD is not available: then JavaScript densifies. */
function densifyWasm(api: WebAssemblyApi): object | null {
  if (densifyModule === undefined) {
    try {
      densifyModule = new api.Module(DENSIFY_WASM);
    } catch {
      densifyModule = null;
    }
  }
  return densifyModule;
}

/**
 * densify.wat's working memory for one MinHasher: the plane (row b: for each bin i, b's rank in
 * i's order * 256 + b), then the filled bins' list and the minimum of each bin (16-bit each).
 */
class DensifyPlane {
  /** The filled bins, written by signInto (a view of the module's memory). */
  readonly filledBins: Uint16Array;
  /** After `run`: per bin, its source's key (the source bin in the low byte). */
  readonly best: Uint16Array;
  private readonly minPlane: DensifyExports['minPlane'];
  private readonly filledAt: number;
  private readonly bestAt: number;

  static create(size: number, rankOf: Uint16Array): DensifyPlane | null {
    if (size > PLANE_MAX_SIZE || size % 8 !== 0 || !webAssembly) return null;
    const module = densifyWasm(webAssembly);
    return module ? new DensifyPlane(new webAssembly.Instance(module).exports as DensifyExports, size, rankOf) : null;
  }

  private constructor(
    exports: DensifyExports,
    private readonly size: number,
    rankOf: Uint16Array,
  ) {
    this.minPlane = exports.minPlane;
    const planeBytes = size * size * 2;
    this.filledAt = planeBytes;
    this.bestAt = planeBytes + size * 2;
    const needed = this.bestAt + size * 2;
    const pages = Math.ceil(needed / 65536) - exports.memory.buffer.byteLength / 65536;
    if (pages > 0) exports.memory.grow(pages);
    const buffer = exports.memory.buffer;
    const plane = new Uint16Array(buffer, 0, size * size);
    for (let b = 0; b < size; b++) for (let i = 0; i < size; i++) plane[b * size + i] = rankOf[i * size + b]! * 256 + b;
    this.filledBins = new Uint16Array(buffer, this.filledAt, size);
    this.best = new Uint16Array(buffer, this.bestAt, size);
  }

  /** Fills `best` from the first `count` of `filledBins`. */
  run(count: number): void {
    this.minPlane(0, this.filledAt, count, this.bestAt, this.size);
  }
}

export class MinHasher {
  /** probeOrder[i * size + t] is the t-th bin an empty bin i looks at. */
  private readonly probeOrder: Uint16Array;
  /** rankOf[i * size + b]: where bin b comes in empty bin i's order (the inverse of probeOrder). */
  private readonly rankOf: Uint16Array;
  private readonly filled: Uint8Array;
  private readonly filledBins: Uint16Array;
  /** Densification in WebAssembly (null: JavaScript only). */
  private readonly plane: DensifyPlane | null;

  /**
   * `densify`: 'javascript' leaves WebAssembly out (the tests compare the two); by default it is
   * used where available.
   */
  constructor(
    readonly size: number,
    seed: number,
    densify: 'auto' | 'javascript' = 'auto',
  ) {
    this.filled = new Uint8Array(size);
    this.probeOrder = new Uint16Array(size * size);
    this.rankOf = new Uint16Array(size * size);
    let state = fmix32(seed ^ 0x6a09e667);
    const next = (): number => {
      state = fmix32(state + 0x9e3779b9);
      return state;
    };
    for (let bin = 0; bin < size; bin++) {
      const base = bin * size;
      for (let t = 0; t < size; t++) this.probeOrder[base + t] = t;
      // Fisher-Yates shuffle with the seeded generator.
      for (let t = size - 1; t > 0; t--) {
        const j = next() % (t + 1);
        const tmp = this.probeOrder[base + t]!;
        this.probeOrder[base + t] = this.probeOrder[base + j]!;
        this.probeOrder[base + j] = tmp;
      }
      for (let t = 0; t < size; t++) this.rankOf[base + this.probeOrder[base + t]!] = t;
    }
    this.plane = densify === 'auto' ? DensifyPlane.create(size, this.rankOf) : null;
    this.filledBins = this.plane?.filledBins ?? new Uint16Array(size);
  }

  /** The signature of a non-empty shingle set; `null` when there are no shingles. */
  sign(hashes: ShingleHashes, out?: Uint32Array): Uint32Array | null {
    return this.signInto(hashes.lo, hashes.hi, hashes.lo.length, out ?? new Uint32Array(this.size), this.size);
  }

  /**
   * The first `bins` values of the signature of the `count` shingles in `lo`/`hi`, into `signature`
   * (the others are left as they were); null when there are no shingles. LSH reads only the
   * bands x rows first values (111 of 128 by default), so those are all the scan fills in.
   */
  signInto(lo: Uint32Array, hi: Uint32Array, count: number, signature: Uint32Array, bins: number): Uint32Array | null {
    if (count === 0) return null;
    const size = this.size;
    const filled = this.filled;
    signature.fill(0xffffffff);
    filled.fill(0);
    for (let i = 0; i < count; i++) {
      // Lemire's multiply-shift range reduction: floor(hi * size / 2^32), unbiased for size <= 2^21.
      const bin = Math.floor((hi[i]! * size) / 4294967296);
      const value = lo[i]!;
      if (filled[bin] === 0 || value < signature[bin]!) signature[bin] = value;
      filled[bin] = 1;
    }
    const probe = this.probeOrder;
    const filledBins = this.filledBins;
    let filledCount = 0;
    for (let bin = 0; bin < size; bin++) if (filled[bin] === 1) filledBins[filledCount++] = bin;
    const plane = this.plane;
    if (plane !== null && filledCount <= PLANE_FILL_MAX) {
      plane.run(filledCount);
      const best = plane.best;
      for (let bin = 0; bin < bins; bin++) if (filled[bin] === 0) signature[bin] = signature[best[bin]! & 0xff]!;
      return signature;
    }
    if (filledCount <= RANKED_FILL_MAX) {
      const rankOf = this.rankOf;
      for (let bin = 0; bin < bins; bin++) {
        if (filled[bin] === 1) continue;
        const base = bin * size;
        let best = filledBins[0]!;
        let bestRank = rankOf[base + best]!;
        for (let k = 1; k < filledCount; k++) {
          const rank = rankOf[base + filledBins[k]!]!;
          if (rank < bestRank) {
            bestRank = rank;
            best = filledBins[k]!;
          }
        }
        signature[bin] = signature[best]!;
      }
      return signature;
    }
    for (let bin = 0; bin < bins; bin++) {
      if (filled[bin] === 1) continue;
      const base = bin * size;
      for (let t = 0; t < size; t++) {
        const source = probe[base + t]!;
        if (filled[source] === 1) {
          signature[bin] = signature[source]!;
          break;
        }
      }
    }
    return signature;
  }
}

/** Fraction of equal positions: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}
