/**
 * Passage alignment's extension and filtering (core/rewrite/passages.ts, after Sanchez-Perez et
 * al. 2014) and story-level calls (core/rewrite/story-reuse.ts): the rules, at their edges.
 */
import { describe, expect, it } from 'vitest';
import { Aligner, MAX_GAP, MIN_PASSAGE_SEEDS, passages, RARE_WEIGHT, SEED_MIN_RARE } from '../../src/core/rewrite/passages.js';
import type { Units } from '../../src/core/rewrite/units.js';
import { containment, DERIVED_WORDS, PARTLY_DERIVED_SCORE, reuseCall } from '../../src/core/rewrite/story-reuse.js';

describe('passages from seeds', () => {
  it('join seeds within MAX_GAP units on both sides into one passage', () => {
    expect(MAX_GAP).toBe(4);
    expect(passages([[0, 10], [2, 12], [6, 16]])).toEqual([[[0, 10], [2, 12], [6, 16]]]);
  });

  it('keep a passage only with MIN_PASSAGE_SEEDS seeds over two units or more of each side', () => {
    expect(MIN_PASSAGE_SEEDS).toBe(3);
    expect(passages([[0, 10], [2, 12]])).toEqual([]);
    // Three seeds, but one unit of a matched to three of b: a headline against three sentences.
    expect(passages([[0, 10], [0, 11], [0, 12]])).toEqual([]);
  });

  it('start a new passage past the gap on either side', () => {
    const far = passages([[0, 10], [1, 11], [2, 12], [20, 13], [21, 14], [22, 15]]);
    expect(far).toHaveLength(2);
    const elsewhere = passages([[0, 10], [1, 11], [2, 12], [3, 40], [4, 41], [5, 42]]);
    expect(elsewhere).toHaveLength(2);
  });
});

/** Units of one paragraph each, from their content words (no figures). */
function unitsOf(contents: ReadonlyArray<readonly number[]>): Units {
  const contentAt = [0];
  const content: number[] = [];
  for (const words of contents) {
    content.push(...[...new Set(words)].sort((x, y) => x - y));
    contentAt.push(content.length);
  }
  return {
    count: contents.length,
    paragraph: Int32Array.from(contents, (_, i) => i),
    words: Uint32Array.from(contents, (words) => words.length),
    contentAt: Uint32Array.from(contentAt),
    content: Uint32Array.from(content),
    numberAt: new Uint32Array(contents.length + 1),
    numbers: new Uint32Array(0),
  };
}

describe('seeds in a large scan (word weights from the scan)', () => {
  // Words from 1000 up are rare in the scan (names, places); the others are a template's or common.
  const idf = (word: number): number => (word >= 1000 ? 2 * RARE_WEIGHT : 1);
  const all = (units: Units): Array<[number, number]> => [[0, units.count]];
  const seeds = (a: Units, b: Units): Array<[number, number]> => new Aligner().seeds(a, all(a), b, all(b), idf, RARE_WEIGHT);

  it('need SEED_MIN_RARE rare words in common: a template and one shared name make no seed, two names do', () => {
    expect(SEED_MIN_RARE).toBe(2);
    // Two notices of one frame, one issuer's name each and one lead manager in common.
    const notice = unitsOf([[1, 2, 3, 4, 1000, 1001]]);
    const other = unitsOf([[1, 2, 3, 5, 1000, 1002]]);
    expect(seeds(notice, other)).toEqual([]);
    // A retelling that keeps both names.
    expect(seeds(notice, unitsOf([[1, 2, 3, 5, 1000, 1001]]))).toEqual([[0, 0]]);
  });
});

describe('passages are the same whichever document is a', () => {
  // Seeds come sorted by a's unit, then b's (bestPartners).
  const swap = (seeds: ReadonlyArray<[number, number]>): Array<[number, number]> => seeds.map(([u, v]): [number, number] => [v, u]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const canonical = (found: Array<Array<[number, number]>>): string[] => found.map((p) => JSON.stringify([...p].sort((x, y) => x[0] - y[0] || x[1] - y[1]))).sort();

  it('a chain of seeds, each near the next on both sides, is one passage either way round', () => {
    // Built in a's order onto the first passage whose b range was near, these once made one
    // passage one way round and none the other: (0, 8) opened a passage of its own before
    // (4, 4) joined (0, 0).
    const seeds: Array<[number, number]> = [[0, 0], [4, 4], [8, 0]];
    expect(passages(seeds)).toHaveLength(1);
    expect(canonical(passages(swap(seeds)).map(swap))).toEqual(canonical(passages(seeds)));
  });

  it('on random seeds too', () => {
    let state = 7;
    const next = (n: number): number => (state = (state * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const seeds = Array.from({ length: 3 + next(12) }, (): [number, number] => [next(30), next(30)]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(canonical(passages(swap(seeds)).map(swap))).toEqual(canonical(passages(seeds)));
    }
  });
});

describe('story-level calls', () => {
  it('call a story derived when its words or its matched share reach DERIVED_WORDS', () => {
    expect(reuseCall(DERIVED_WORDS, 0, 0)).toBe('derived');
    expect(reuseCall(0.1, 0, DERIVED_WORDS)).toBe('derived');
    expect(reuseCall(DERIVED_WORDS - 0.001, 0.9, 0)).toBe('partly-derived');
  });

  it('call it partly derived when the mean of words and bigrams reaches PARTLY_DERIVED_SCORE, else not derived', () => {
    expect(reuseCall(PARTLY_DERIVED_SCORE, PARTLY_DERIVED_SCORE, 0)).toBe('partly-derived');
    expect(reuseCall(0.4, 0.04, 0)).toBe('partly-derived');
    expect(reuseCall(0.4, 0.02, 0)).toBe('not-derived');
    expect(reuseCall(0.3, 0.1, 0.5)).toBe('not-derived');
  });

  it('measure containment as the share of the first set found in the second', () => {
    const a = Uint32Array.of(1, 2, 3, 4);
    const b = Uint32Array.of(2, 4, 6);
    expect(containment(a, b)).toBe(0.5);
    expect(containment(b, a)).toBeCloseTo(2 / 3);
    expect(containment(new Uint32Array(0), b)).toBe(0);
  });
});
