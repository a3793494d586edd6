/** sortInPlace (matching/overlap.ts): the engine's sort for few values, a radix sort for many; both give the sorted distinct values. */
import { describe, expect, it } from 'vitest';
import { uint32Generator as generator } from '../helpers/random.js';
import { RADIX_SORT_MIN, sortInPlace } from '../../src/core/matching/overlap.js';
import { STORY_TERMS_RADIX_MIN } from '../../src/core/rewrite/story-reuse.js';

describe('sortInPlace', () => {
  it('gives the sorted distinct values, below and above the radix threshold, over the whole unsigned range', () => {
    const next = generator(3);
    for (const n of [0, 1, 2, 700, STORY_TERMS_RADIX_MIN, RADIX_SORT_MIN - 1, RADIX_SORT_MIN, RADIX_SORT_MIN + 1, 5000, 70_000]) {
      // Repeats (a story's words), values at both ends of the range, and spread bits.
      const palette = Array.from({ length: Math.max(1, n >> 2) }, (_, k) => (k === 0 ? 0 : k === 1 ? 0xffffffff : next()));
      const values = Uint32Array.from({ length: n }, () => palette[next() % palette.length]!);
      const expected = [...new Set(values)].sort((a, b) => a - b);
      expect([...sortInPlace(values.slice())], `n = ${n}`).toEqual(expected);
      // The same by radix from fewer values (story-reuse.ts's threshold) and by the engine's sort always.
      expect([...sortInPlace(values.slice(), STORY_TERMS_RADIX_MIN)], `n = ${n}, radix from ${STORY_TERMS_RADIX_MIN}`).toEqual(expected);
      expect([...sortInPlace(values.slice(), Infinity)], `n = ${n}, no radix`).toEqual(expected);
    }
  });
});
