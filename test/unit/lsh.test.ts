/** Candidate pairs from LSH band keys: the radix sort and the pair listing against brute force. */
import { describe, expect, it } from 'vitest';
import { uint32Generator as generator } from '../helpers/random.js';
import { candidatePairs, KeySorter, SharedBuckets, sortByKey, TextKeyOrder } from '../../src/core/matching/lsh.js';

describe('KeySorter and sortByKey', () => {
  it('order items by key, equal keys in item order, over the whole 32-bit range', () => {
    const next = generator(7);
    for (const n of [0, 1, 2, 17, 5000]) {
      // Few distinct keys (many ties), spread over low and high 16 bits.
      const palette = Array.from({ length: 40 }, () => next());
      const keys = Uint32Array.from({ length: n }, () => palette[next() % palette.length]!);
      const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
      expect([...sortByKey(keys)]).toEqual(expected);
      const sorter = new KeySorter(n);
      sorter.sort(keys);
      expect([...sorter.order]).toEqual(expected);
      expect([...sorter.sortedKeys]).toEqual(expected.map((i) => keys[i]));
    }
  });
});

/** The runs of equal keys (two items or more) in sorted order, each as [key, items in item order]. */
function runsOf(keys: ArrayLike<number>, items: ArrayLike<number>, n: number): Array<[number, number[]]> {
  const runs: Array<[number, number[]]> = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    if (j - i >= 2) runs.push([keys[i]!, Array.from({ length: j - i }, (_, k) => items[i + k]!)]);
    i = j;
  }
  return runs;
}

describe('SharedBuckets', () => {
  it('finds the buckets of sorting every item, lone keys left out, also where lone keys share a tally slot', () => {
    const next = generator(5);
    for (const n of [0, 1, 2, 50, 3000]) {
      // Shared keys, lone keys, and lone keys whose low bits collide with each other and with shared ones.
      const shared = Array.from({ length: 20 }, () => next());
      const keys = Uint32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? shared[next() % shared.length]! : i % 3 === 1 ? next() : ((next() << 16) | (shared[0]! & 0xffff)) >>> 0));
      const sorter = new KeySorter(n);
      sorter.sort(keys);
      const buckets = new SharedBuckets(n);
      const gathered = buckets.group(keys);
      expect(gathered).toBeLessThan(Math.max(1, n));
      expect(runsOf(buckets.sorter.sortedKeys, buckets.sorter.order, gathered)).toEqual(runsOf(sorter.sortedKeys, sorter.order, n));
      // Reused for the next band: the tally starts afresh.
      const again = buckets.group(keys.slice().reverse());
      const reversed = new KeySorter(n);
      reversed.sort(keys.slice().reverse());
      expect(runsOf(buckets.sorter.sortedKeys, buckets.sorter.order, again)).toEqual(runsOf(reversed.sortedKeys, reversed.order, n));
    }
  });
});

describe('candidatePairs', () => {
  it('lists each pair sharing a band key once, as low * count + high, ascending', () => {
    const next = generator(11);
    const count = 300;
    const bands = 5;
    const keys = Uint32Array.from({ length: count * bands }, (_, i) => (i % bands) * 1000 + (next() % 60));
    const expected: number[] = [];
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        let shared = false;
        for (let band = 0; band < bands; band++) if (keys[a * bands + band] === keys[b * bands + band]) shared = true;
        if (shared) expected.push(a * count + b);
      }
    }
    expect(expected.length).toBeGreaterThan(1000);
    expect([...candidatePairs(keys, count, bands)]).toEqual(expected);
  });
});

describe('TextKeyOrder', () => {
  it('puts a bucket in the order of its items\' text keys (high, low, then item), as sorting them with a comparison does', () => {
    const next = generator(11);
    const n = 3000;
    // Few distinct halves, so that ties on high and on both halves occur; both over the whole 32-bit range.
    const halves = Array.from({ length: 30 }, () => next());
    const high = Uint32Array.from({ length: n }, () => halves[next() % 30]!);
    const low = Uint32Array.from({ length: n }, () => halves[next() % 30]!);
    const order = new TextKeyOrder(n, { high: (item) => high[item]!, low: (item) => low[item]! });
    const items = Uint32Array.from({ length: n }, (_, k) => (k * 7919) % n);
    for (const [from, to] of [[0, n], [100, 180], [2990, 3000]] as const) {
      const expected = [...items.subarray(from, to)].sort((x, y) => high[x]! - high[y]! || low[x]! - low[y]! || x - y);
      expect([...order.bucket(items, from, to)]).toEqual(expected);
    }
  });
});
