/**
 * Story-level reuse (issue 11): how much of one story's vocabulary and phrasing is found in
 * another, and a call per direction: derived, partly derived or not derived. Paragraph matches
 * say which paragraphs were copied or reworded; a newspaper story retold from agency copy in
 * the paper's own words shares the agency story's words and phrases spread over all its
 * sentences, with few sentences close enough to match (COUNTER's partly derived stories have 3%
 * of their words in matched paragraphs). Whole-story containment is the measure the COUNTER
 * and METER studies build on (Sharjeel et al. 2016; Clough et al. 2002).
 *
 * For each story, from its body (repeats, scraper junk and boilerplate left out):
 * - words: its distinct word unigrams, all of them. Stop words are kept: a story written from
 *   another keeps its function words with its content words, and every pair of stories shares
 *   a similar number of them, which the fitted thresholds absorb; leaving them out
 *   (rewrite/stopwords.ts) lowered COUNTER's held-out macro-F1 from 0.751 to 0.722. Very common
 *   words of the scan are kept too: the measure of two stories does not depend on what else
 *   was scanned with them.
 * - bigrams: its distinct pairs of consecutive words inside a paragraph, except a pair of two
 *   stop words ("of the", which says nothing about phrasing).
 * Containment of A in B = share of A's distinct words (bigrams) found in B.
 *
 * - reused: the share of its words in paragraphs matched to B (copies, edits, reworded
 *   paragraphs), the paragraph-level evidence summed over the story (story-pairs.ts).
 *
 * The call of A as derived from B: `derived` when at least DERIVED_WORDS of A's words are in B,
 * or of its words lie in paragraphs matched to B (a story copied paragraph for paragraph under
 * a rewritten lede, or reworded sentence by sentence, is wholly derived whatever its vocabulary);
 * else `partly-derived` when the mean of its word and bigram containment reaches
 * PARTLY_DERIVED_SCORE; else `not-derived`. Unigrams alone cannot tell a story rewritten from
 * another from an independent report of the same event (both name the same people and places);
 * shared phrasing can. Both thresholds were fitted by `npm run eval` on COUNTER (README,
 * "Accuracy": fitted on one half of the stories, measured on the other, then fitted on all for
 * these constants).
 */
import { fmix32 } from '../signing/hash.js';
import { tokens } from '../document.js';
import type { Corpus } from '../model.js';
import { intersectionSize, sortInPlace } from '../matching/overlap.js';
import { roundShare, share } from '../numbers.js';
import type { ReuseCall, StoryPairReport, StoryRef } from '../types.js';
import type { TokenSet } from './stopwords.js';

/**
 * A story's words and bigrams are sorted by radix from this many values (not overlap.ts's
 * RADIX_SORT_MIN): they are hashes in text order, where a radix sort is faster from about 600
 * values on these machines (2,000 random hashes: 16-21 against 37 ns a value). Measured on PAN's
 * --json report (3,982 stories, 7.5 million values): story terms 410 -> 300 ms, the same report.
 * Not lowered for every caller: the scan's -q sorts (shingle sets, content words) took 30% longer
 * with it, their mid-sized arrays already mostly in order, which the engine's sort is quick on.
 */
export const STORY_TERMS_RADIX_MIN = 1024;

export const DERIVED_WORDS = 0.677;
export const PARTLY_DERIVED_SCORE = 0.215;

/** A story's distinct words and bigrams, as sorted hashes. */
export interface StoryTerms {
  words: Uint32Array;
  bigrams: Uint32Array;
}


/** The terms of a story whose body is the given paragraphs (global paragraph numbers). */
export function storyTerms(corpus: Corpus, paragraphs: readonly number[], stop: TokenSet): StoryTerms {
  let total = 0;
  for (const p of paragraphs) total += tokens(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!).length;
  // Typed arrays sized once, sorted and deduplicated in place: a story's terms as numbers in a
  // plain array, copied into a typed one to sort, took 0.4 s of PAN's --json report.
  const words = new Uint32Array(total);
  const bigrams = new Uint32Array(total);
  let w = 0;
  let g = 0;
  for (const p of paragraphs) {
    const hashes = tokens(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!);
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k]!;
      const isStop = stop.has(h);
      words[w++] = h;
      if (k === 0) continue;
      const before = hashes[k - 1]!;
      if (isStop && stop.has(before)) continue;
      bigrams[g++] = fmix32(Math.imul(before, 0x9e3779b1) ^ h);
    }
  }
  return { words: sortInPlace(words.subarray(0, w), STORY_TERMS_RADIX_MIN).slice(), bigrams: sortInPlace(bigrams.subarray(0, g), STORY_TERMS_RADIX_MIN).slice() };
}

/** Share of `a`'s values found in `b` (sorted distinct arrays); 0 for an empty `a`. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/** The call of a story as derived from another, from its containment in it and its paragraphs matched to it. */
export function reuseCall(words: number, bigrams: number, reused: number): ReuseCall {
  if (Math.max(words, reused) >= DERIVED_WORDS) return 'derived';
  return (words + bigrams) / 2 >= PARTLY_DERIVED_SCORE ? 'partly-derived' : 'not-derived';
}

const STRENGTH: Record<ReuseCall, number> = { 'not-derived': 0, 'partly-derived': 1, derived: 2 };

/** The stronger of two calls. */
export function strongerCall(x: ReuseCall, y: ReuseCall): ReuseCall {
  return STRENGTH[x] >= STRENGTH[y] ? x : y;
}

/** The measures and calls of two stories, both ways (index k about stories[k] as found in the other). */
export function storyPair(stories: [StoryRef, StoryRef], termsA: StoryTerms, termsB: StoryTerms, reusedShares: [number, number], group: number | null): StoryPairReport {
  // Each intersection once, for both directions (a quarter of PAN's story pairs' time was the second).
  const bothWays = (a: Uint32Array, b: Uint32Array): [number, number] => {
    const common = intersectionSize(a, b);
    // containment(a, b) and containment(b, a), from one intersection.
    return [share(common, a.length), share(common, b.length)];
  };
  const words = bothWays(termsA.words, termsB.words);
  const bigrams = bothWays(termsA.bigrams, termsB.bigrams);
  const reused: [number, number] = [roundShare(reusedShares[0]), roundShare(reusedShares[1])];
  const calls: [ReuseCall, ReuseCall] = [reuseCall(words[0], bigrams[0], reused[0]), reuseCall(words[1], bigrams[1], reused[1])];
  return { stories, words, bigrams, reused, calls, call: strongerCall(calls[0], calls[1]), group };
}
