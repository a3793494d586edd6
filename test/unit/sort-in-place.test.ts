/** sortInPlace (matching/overlap.ts): the engine's sort for few values, a radix sort for many; both give the sorted distinct values. */
import { describe, expect, it } from 'vitest';
import { RADIX_SORT_MIN, sortInPlace } from '../../src/core/matching/overlap.js';

/** mulberry32 */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

describe('sortInPlace', () => {
  it('gives the sorted distinct values, below and above the radix threshold, over the whole unsigned range', () => {
    const next = generator(3);
    for (const n of [0, 1, 2, RADIX_SORT_MIN - 1, RADIX_SORT_MIN, RADIX_SORT_MIN + 1, 5000, 70_000]) {
      // Repeats (a story's words), values at both ends of the range, and spread bits.
      const palette = Array.from({ length: Math.max(1, n >> 2) }, (_, k) => (k === 0 ? 0 : k === 1 ? 0xffffffff : next()));
      const values = Uint32Array.from({ length: n }, () => palette[next() % palette.length]!);
      const expected = [...new Set(values)].sort((a, b) => a - b);
      expect([...sortInPlace(values.slice())], `n = ${n}`).toEqual(expected);
    }
  });
});
