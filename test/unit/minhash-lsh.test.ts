/** MinHash estimates Jaccard; LSH banding finds pairs near the threshold with the predicted probability. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ShingleHashes } from '../../src/core/signing/hash.js';
import { fmix32 } from '../../src/core/signing/hash.js';
import { bandKeys, candidatePairs, candidateProbability, optimalBanding, sortByKey } from '../../src/core/matching/lsh.js';
import { estimateJaccard, MinHasher } from '../../src/core/signing/minhash.js';
import { overlap, toSortedSet } from '../../src/core/matching/overlap.js';

/** Deterministic pseudo-random 32-bit values. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = fmix32(state + 0x9e3779b9));
}

/** Two shingle sets of the given sizes sharing `common` elements, as 64-bit hashes. */
function pair(next: () => number, common: number, onlyA: number, onlyB: number): [ShingleHashes, ShingleHashes] {
  const make = (n: number) => Array.from({ length: n }, () => [next(), next()] as const);
  const shared = make(common);
  const a = [...shared, ...make(onlyA)];
  const b = [...shared, ...make(onlyB)];
  const toHashes = (items: ReadonlyArray<readonly [number, number]>): ShingleHashes => ({
    lo: Uint32Array.from(items, (x) => x[0]),
    hi: Uint32Array.from(items, (x) => x[1]),
  });
  return [toHashes(a), toHashes(b)];
}

describe('MinHash (one-permutation hashing with optimal densification)', () => {
  it('estimates Jaccard within tolerance over many random pairs, for short and long paragraphs', () => {
    const next = generator(42);
    const hasher = new MinHasher(128, 1);
    const errors: number[] = [];
    for (let trial = 0; trial < 400; trial++) {
      const size = 10 + (next() % 120); // 10..130 shingles: one-line to long paragraphs
      const common = next() % (size + 1);
      const [a, b] = pair(next, common, size - common, size - common + (next() % 10));
      const exact = overlap(toSortedSet(a.lo), toSortedSet(b.lo)).jaccard;
      const estimate = estimateJaccard(hasher.sign(a)!, hasher.sign(b)!);
      errors.push(Math.abs(estimate - exact));
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    errors.sort((x, y) => x - y);
    // Classic MinHash with 128 values has a standard error of at most 0.044 (MMDS 3.3).
    expect(mean).toBeLessThan(0.04);
    expect(errors[Math.floor(errors.length * 0.95)]!).toBeLessThan(0.1);
  });

  it('gives identical sets identical signatures and is deterministic per seed', () => {
    const [a] = pair(generator(1), 30, 0, 0);
    const copy: ShingleHashes = { lo: Uint32Array.from(a.lo).reverse(), hi: Uint32Array.from(a.hi).reverse() };
    expect(Array.from(new MinHasher(128, 1).sign(a)!)).toEqual(Array.from(new MinHasher(128, 1).sign(copy)!));
    expect(Array.from(new MinHasher(128, 1).sign(a)!)).not.toEqual(Array.from(new MinHasher(128, 2).sign(a)!));
  });

  it('has no signature for an empty set', () => {
    expect(new MinHasher(64, 1).sign({ lo: new Uint32Array(0), hi: new Uint32Array(0) })).toBeNull();
  });
});

describe('LSH banding', () => {
  it('computes bands and rows from the threshold, within the signature length', () => {
    for (const [threshold, n] of [[0.36, 128], [0.5, 128], [0.8, 128], [0.5, 64], [0.3, 256]] as const) {
      const { bands, rows } = optimalBanding(threshold, n);
      expect(bands * rows).toBeLessThanOrEqual(n);
      // the S-curve's steep part sits near the threshold
      expect(candidateProbability(threshold, bands, rows)).toBeGreaterThan(0.4);
      expect(candidateProbability(threshold / 3, bands, rows)).toBeLessThan(0.25);
    }
    expect(optimalBanding(0.8, 128).rows).toBeGreaterThan(optimalBanding(0.3, 128).rows);
  });

  it('finds pairs just above the threshold with the predicted recall', () => {
    const threshold = 0.5;
    const banding = optimalBanding(threshold, 128);
    const hasher = new MinHasher(128, 3);
    const next = generator(7);
    const count = 300;
    const keys = new Uint32Array(count * 2 * banding.bands);
    const jaccards: number[] = [];
    for (let i = 0; i < count; i++) {
      const [a, b] = pair(next, 45, 15, 15); // J = 45/75 = 0.6
      jaccards.push(overlap(toSortedSet(a.lo), toSortedSet(b.lo)).jaccard);
      keys.set(bandKeys(hasher.sign(a)!, banding), 2 * i * banding.bands);
      keys.set(bandKeys(hasher.sign(b)!, banding), (2 * i + 1) * banding.bands);
    }
    const pairs = new Set(candidatePairs(keys, 2 * count, banding.bands));
    let found = 0;
    for (let i = 0; i < count; i++) if (pairs.has(2 * i * (2 * count) + 2 * i + 1)) found++;
    const expected = candidateProbability(0.6, banding.bands, banding.rows);
    expect(jaccards[0]).toBeCloseTo(0.6);
    expect(found / count).toBeGreaterThan(expected - 0.1);
    // unrelated sets (J = 0) almost never collide
    const crossPairs = [...pairs].filter((p) => Math.floor(p / (2 * count)) >> 1 !== (p % (2 * count)) >> 1);
    expect(crossPairs.length).toBeLessThan(5);
  });

  it('radix-sorts items by key and lists each colliding pair once', () => {
    const keys = Uint32Array.from([0xffffffff, 3, 70000, 3, 0, 70000]);
    const order = Array.from(sortByKey(keys));
    expect(order.map((i) => keys[i])).toEqual([0, 3, 3, 70000, 70000, 0xffffffff]);
    // two bands: items 1 and 3 collide in both, 2 and 5 in the first only
    const twoBands = Uint32Array.from([9, 1, 5, 2, 7, 3, 5, 2, 8, 4, 7, 5]);
    expect(Array.from(candidatePairs(twoBands, 6, 2))).toEqual([1 * 6 + 3, 2 * 6 + 5]);
  });
});

describe('densification', () => {
  // Signatures of sets of 1 to 100 shingles from the walk over each empty bin's order, recorded
  // before empty bins of sparse sets took the filled bin of least rank instead: the two must
  // agree value for value (a set of 8 or fewer filled bins goes one way, 9 or more the other).
  const GOLDEN =
    '1:91daed1acfb16c7d 2:a3bc785de36ec19b 3:fc9b93712915d67b 5:f327d5a20453741f 8:cdc50cf476a3d2d5 9:d4d9499aff87eb52 12:c22770e233de3995 30:47dc4233dafd4006 100:87e4f7cf0519b918';

  it('fills empty bins as the walk over their orders does, for sparse and dense sets', () => {
    const hasher = new MinHasher(128, 1);
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    const out: string[] = [];
    for (const n of [1, 2, 3, 5, 8, 9, 12, 30, 100]) {
      const lo = new Uint32Array(n);
      const hi = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        lo[i] = next();
        hi[i] = next();
      }
      const signature = new Uint32Array(128);
      hasher.signInto(lo, hi, n, signature, 128);
      out.push(`${n}:${createHash('sha256').update(Buffer.from(signature.buffer)).digest('hex').slice(0, 16)}`);
    }
    expect(out.join(' ')).toBe(GOLDEN);
  });
});
