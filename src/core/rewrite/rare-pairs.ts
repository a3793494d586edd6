/**
 * Which paragraphs of a candidate pair's regions can hold a seed at all, in a large scan: there
 * a seed's two sentence units share at least SEED_MIN_RARE rare words (passages.ts, a word's
 * weight rareWeight(N) or more), and a unit lies inside one paragraph, so its paragraph shares
 * them with the other unit's paragraph. Only paragraphs in such a pair are worth seeding; of
 * the others, those between two of them are still cut when the units' numbering needs their
 * count (narrowLayout, as units.ts layoutRegions), and the rest are left out. With a scan's
 * word weights a unit's seeds do not depend on the units around it, so the alignment is the
 * same. On PAN most region paragraphs share no two rare
 * words with the other side.
 *
 * In a small scan (no scan-wide weights) every paragraph of the regions is aligned: there a
 * word's weight depends on all the units aligned.
 */
import { rareWeight, SEED_MIN_RARE } from './passages.js';
import { stopHashes, TokenSet } from './stopwords.js';
import type { ScanFrequencies } from './channel.js';
import { WordTable } from './word-table.js';
import { sortInPlace } from '../matching/overlap.js';

/**
 * The largest document count of a rare word (a weight of rareWeight(sampled) or more, as seeds
 * count them): the weight ln(sampled / max(1, count)) falls as the count grows, so a word is rare up
 * to the largest count whose weight still reaches it (found with the same expression).
 */
export function rareMaxCount(sampled: number): number {
  const rareFrom = rareWeight(sampled);
  let maxCount = 0;
  while (Math.log(sampled / Math.max(1, maxCount + 1)) >= rareFrom) maxCount++;
  return maxCount;
}

/**
 * Whether a word is a rare content word of a large scan: not a stop word, and counted in no more
 * documents than rareMaxCount. The words that are not are far fewer than the scan's words (on
 * PAN, most words are counted once or twice), so they go in one small set: one lookup a token in
 * a table that stays in cache, where probing the whole frequency table took 46 ms a scan.
 */
export function rareContentTest(frequencies: ScanFrequencies, stop: readonly number[]): (word: number) => boolean {
  const maxCount = rareMaxCount(frequencies.sampled);
  if (maxCount === 0) return () => false;
  const excluded = new TokenSet([...stop, ...frequencies.table.above(maxCount)]);
  return (word) => !excluded.has(word);
}

/**
 * rareContentTest of a scan, the stop words hashed with its seed, made once per frequencies
 * and seed: alignment (align-job.ts) and grouping (scan/fills.ts) ask for the same one, 10-17 ms
 * to make on PAN.
 */
export function scanRareTest(frequencies: ScanFrequencies, seed: number): (word: number) => boolean {
  let bySeed = testsMade.get(frequencies);
  if (!bySeed) testsMade.set(frequencies, (bySeed = new Map()));
  let test = bySeed.get(seed);
  if (!test) bySeed.set(seed, (test = rareContentTest(frequencies, stopHashes(seed))));
  return test;
}

const testsMade = new WeakMap<ScanFrequencies, Map<number, (word: number) => boolean>>();

/** Each paragraph's distinct rare content words, sorted, flat: paragraph k's are `words[at[k] .. at[k + 1])`. */
export interface RareWords {
  readonly at: Uint32Array;
  readonly words: Uint32Array;
}

/**
 * RareWords of paragraphs numbered 0 to `paragraphs - 1`, each found when first asked for
 * (`slot`) and kept: the alignment job builder asks only for the paragraphs around a candidate
 * pair's hits (align-job.ts), without copying their tokens. Paragraph p's words are
 * `words[at[s] .. at[s + 1])` for its slot s; `at` and `words` are replaced as they grow.
 */
export class RareWordCache implements RareWords {
  at: Uint32Array = new Uint32Array(1024);
  words: Uint32Array = new Uint32Array(4096);
  private readonly slotOf: Int32Array;
  private slots = 0;

  constructor(
    paragraphs: number,
    private readonly tokensOf: (p: number) => Uint32Array,
    /** Whether a word is a rare content word (rareContentTest). */
    private readonly isRareContent: (word: number) => boolean,
  ) {
    this.slotOf = new Int32Array(paragraphs).fill(-1);
  }

  /** The slot of paragraph p if its words were found, else -1. */
  known(p: number): number {
    return this.slotOf[p]!;
  }

  /** The slot of paragraph p, its words found now if they were not yet. */
  slot(p: number): number {
    const known = this.slotOf[p]!;
    if (known >= 0) return known;
    const tokens = this.tokensOf(p);
    const s = this.slots++;
    if (this.at.length < s + 2) this.at = grown(this.at, s + 2);
    const from = this.at[s]!;
    if (this.words.length < from + tokens.length) this.words = grown(this.words, from + tokens.length);
    const words = this.words;
    let n = from;
    for (let t = 0; t < tokens.length; t++) {
      const word = tokens[t]!;
      if (!this.isRareContent(word)) continue;
      words[n++] = word;
    }
    if (n - from > 1) n = from + sortInPlace(words.subarray(from, n)).length;
    this.at[s + 1] = n;
    this.slotOf[p] = s;
    return s;
  }
}

/** A copy of `array` at least `size` long (twice its length or more). */
function grown(array: Uint32Array, size: number): Uint32Array {
  const out = new Uint32Array(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}

/**
 * Finds the aligned entries of two layouts (layoutRegions: odd entries are aligned paragraphs)
 * that share SEED_MIN_RARE rare words with some aligned paragraph of the other side. Reuses its
 * scratch space: a word table (word-table.ts: each rare word of the second side, with the
 * paragraphs holding it as a linked list), and a tally per paragraph of that side.
 */
export class RarePairFinder {
  /** Side b's rare words; per slot, `head` starts its list of paragraphs. */
  private readonly words = new WordTable(1 << 10);
  private head = new Int32Array(1 << 10);
  private paragraphOf = new Int32Array(256);
  private nextOf = new Int32Array(256);
  private tally = new Int32Array(64);
  private tallyStamp = new Int32Array(64);
  private tallyGeneration = 0;

  /** `keyOf(side, i)`: paragraph i of side 0 (a) or 1 (b) in `rare`, -1 when it is not there (no units). */
  find(entriesA: ArrayLike<number>, entriesB: ArrayLike<number>, keyOf: (side: 0 | 1, i: number) => number, rare: RareWords): [Set<number>, Set<number>] {
    const { at, words: flat } = rare;
    const activeA = new Set<number>();
    const activeB = new Set<number>();
    // Side b's rare words into the table, with postings (local paragraph numbers).
    const paragraphsB: number[] = [];
    let postings = 0;
    let words = 0;
    for (let e = 0; e < entriesB.length; e++) {
      const entry = entriesB[e]!;
      if (entry < 0 || (entry & 1) === 0) continue;
      const k = keyOf(1, entry >> 1);
      if (k >= 0) words += at[k + 1]! - at[k]!;
    }
    if (words === 0) return [activeA, activeB];
    if (this.words.reset(words)) this.head = new Int32Array(this.words.size);
    if (this.paragraphOf.length < words) {
      this.paragraphOf = new Int32Array(words * 2);
      this.nextOf = new Int32Array(words * 2);
    }
    for (let e = 0; e < entriesB.length; e++) {
      const entry = entriesB[e]!;
      if (entry < 0 || (entry & 1) === 0) continue;
      const k = keyOf(1, entry >> 1);
      if (k < 0 || at[k + 1]! - at[k]! < SEED_MIN_RARE) continue;
      const local = paragraphsB.length;
      paragraphsB.push(entry >> 1);
      for (let w = at[k]!; w < at[k + 1]!; w++) {
        const slot = this.words.slotOf(flat[w]!);
        if (!this.words.taken(slot)) {
          this.words.take(slot, flat[w]!);
          this.head[slot] = -1;
        }
        this.paragraphOf[postings] = local;
        this.nextOf[postings] = this.head[slot]!;
        this.head[slot] = postings++;
      }
    }
    if (paragraphsB.length === 0) return [activeA, activeB];
    if (this.tally.length < paragraphsB.length) {
      this.tally = new Int32Array(paragraphsB.length * 2);
      this.tallyStamp = new Int32Array(paragraphsB.length * 2);
      this.tallyGeneration = 0;
    }
    for (let e = 0; e < entriesA.length; e++) {
      const entry = entriesA[e]!;
      if (entry < 0 || (entry & 1) === 0) continue;
      const k = keyOf(0, entry >> 1);
      if (k < 0 || at[k + 1]! - at[k]! < SEED_MIN_RARE) continue;
      this.tallyGeneration++;
      for (let w = at[k]!; w < at[k + 1]!; w++) {
        const slot = this.words.slotOf(flat[w]!);
        if (!this.words.taken(slot)) continue;
        for (let x = this.head[slot]!; x !== -1; x = this.nextOf[x]!) {
          const local = this.paragraphOf[x]!;
          if (this.tallyStamp[local] !== this.tallyGeneration) {
            this.tallyStamp[local] = this.tallyGeneration;
            this.tally[local] = 0;
          }
          // Words are distinct within a paragraph, so each count is one more word in common.
          if (++this.tally[local]! === SEED_MIN_RARE) {
            activeA.add(entry >> 1);
            activeB.add(paragraphsB[local]!);
          }
        }
      }
    }
    return [activeA, activeB];
  }
}

/**
 * A layout narrowed to the active paragraphs: they are the aligned ones; between two of them
 * the paragraphs in between are kept for numbering when they could hold `maxGap` units or
 * fewer (`hasUnits`), and otherwise stand as one wide gap (-1), as in layoutRegions. Entries
 * before the first active paragraph and after the last do not change which units lie within
 * `maxGap` of one another, and are left out.
 */
export function narrowLayout(entries: ArrayLike<number>, active: ReadonlySet<number>, hasUnits: (i: number) => boolean, maxGap: number): number[] {
  const out: number[] = [];
  let between: number[] = [];
  let bearing = 0;
  let wide = false;
  let started = false;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    if (entry >= 0 && (entry & 1) === 1 && active.has(entry >> 1)) {
      if (started) {
        if (wide || bearing > maxGap) out.push(-1);
        else out.push(...between);
      }
      out.push(entry);
      started = true;
      between = [];
      bearing = 0;
      wide = false;
      continue;
    }
    if (!started) continue;
    if (entry < 0) {
      wide = true;
      continue;
    }
    const i = entry >> 1;
    if (hasUnits(i)) bearing++;
    if (!wide && bearing <= maxGap) between.push(2 * i);
  }
  return out;
}
