/**
 * Candidate pairs as a set (core/matching/pairs.ts, PairBuffer): whatever order pairs come in
 * and however often, across many compactions (a sorted prefix merged with the pairs added
 * since), the result is each pair once, ascending.
 */
import { describe, expect, it } from 'vitest';
import { PairBuffer } from '../../src/core/matching/pairs.js';
import { unitGenerator } from '../helpers/random.js';

describe('PairBuffer', () => {
  it('gives each pair once, ascending, from pairs added in any order and many times over', () => {
    const count = 300;
    const random = unitGenerator(5);
    const buffer = new PairBuffer(count);
    const expected = new Set<number>();
    // 60,000 additions of about 20,000 distinct pairs: the 4,096-slot buffer compacts many times.
    for (let k = 0; k < 60_000; k++) {
      const a = Math.floor(random() * 200);
      const b = Math.floor(random() * 100) + a % 7;
      buffer.add(a, b);
      if (a !== b) expected.add(Math.min(a, b) * count + Math.max(a, b));
    }
    expect(Array.from(buffer.toArray())).toEqual([...expected].sort((x, y) => x - y));
  });

  it('ignores a pair of an item with itself, and gives nothing when nothing was added', () => {
    const buffer = new PairBuffer(10);
    expect(Array.from(buffer.toArray())).toEqual([]);
    buffer.add(3, 3);
    buffer.add(4, 2);
    buffer.add(2, 4);
    expect(Array.from(buffer.toArray())).toEqual([2 * 10 + 4]);
  });

  it('keeps no pair of two items of one group, and every pair across groups or with an ungrouped item', () => {
    const groups = Int32Array.of(0, 0, 1, -1, -1);
    const buffer = new PairBuffer(5, groups);
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) buffer.add(a, b);
    const pairs = Array.from(buffer.toArray(), (packed) => [Math.floor(packed / 5), packed % 5]);
    expect(pairs).toEqual([[0, 2], [0, 3], [0, 4], [1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]]);
  });
});

