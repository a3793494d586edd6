/**
 * PairSet (core/matching/pairs.ts): each unordered pair is new once, in either order, through
 * the table's growth; pairs that share one item or a packed-number neighbour are told apart.
 */
import { describe, expect, it } from 'vitest';
import { PairSet } from '../../src/core/matching/pairs.js';

describe('PairSet', () => {
  it('says a pair is new the first time only, whichever item comes first', () => {
    const set = new PairSet(10);
    expect(set.add(3, 7)).toBe(true);
    expect(set.add(7, 3)).toBe(false);
    expect(set.add(3, 7)).toBe(false);
    expect(set.add(3, 8)).toBe(true);
    expect(set.add(2, 7)).toBe(true);
  });

  it('keeps every pair through its growth, beyond the size it was given', () => {
    const count = 1000;
    const set = new PairSet(count, 10);
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < 200; a++) for (let b = a + 1; b < count; b += 37) pairs.push([a, b]);
    expect(pairs.length).toBeGreaterThan(1 << 12);
    for (const [a, b] of pairs) expect(set.add(b, a)).toBe(true);
    for (const [a, b] of pairs) expect(set.add(a, b)).toBe(false);
    expect(set.add(998, 999)).toBe(true);
  });
});
