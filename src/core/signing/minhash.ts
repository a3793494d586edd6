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
 */
import { fmix32, type ShingleHashes } from './hash.js';

/**
 * With at most this many bins filled, an empty bin takes the filled bin it would reach first by
 * comparing their ranks in its order (one step per filled bin), instead of walking its order
 * (about size / filled steps). The same value either way; measured on 128 bins, ranks are
 * faster up to 8 filled bins (3 words: 2.2 against 7.4 microseconds a set) and the walk from 10.
 * Short paragraphs and the rewording channel's content-word sets (7.7 words on PAN) are there.
 */
const RANKED_FILL_MAX = 8;

export class MinHasher {
  /** probeOrder[i * size + t] is the t-th bin an empty bin i looks at. */
  private readonly probeOrder: Uint16Array;
  /** rankOf[i * size + b]: where bin b comes in empty bin i's order (the inverse of probeOrder). */
  private readonly rankOf: Uint16Array;
  private readonly filled: Uint8Array;
  private readonly filledBins: Uint16Array;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    this.filled = new Uint8Array(size);
    this.filledBins = new Uint16Array(size);
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
