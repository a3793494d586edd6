/**
 * Passage alignment of two documents by seed and extend over sentences, after Sanchez-Perez,
 * Sidorov & Gelbukh, "A winning approach to text alignment: text reuse detection at PAN 2014"
 * (also Torrejon & Ramos 2013, Suchomel et al. 2013, who seed and extend the same way):
 *
 * 1. Seeds: pairs of sentence units (rewrite/units.ts) whose content words overlap: Dice
 *    coefficient and cosine (tf-isf: each word weighted by ln(N / n), N the units aligned and n
 *    those holding the word, so a word in every sentence counts for little) both at least
 *    SEED_SIMILARITY, the paper's 0.33, sharing at least SEED_MIN_SHARED words. Two sentences
 *    that both state figures but share none are no seed: a rewrite keeps its figures, while
 *    templated items about different companies ("Qtly div 10 cts vs 10 cts prior" and
 *    "... 12 cts ...") differ in them. Of a unit's seeds, those with its best partner are kept
 *    (best from either side).
 * 2. Extension: seeds are joined into passages when a chain of seeds links them, each within
 *    MAX_GAP units of the next on both sides (the paper's maxgap of 4 sentences).
 * 3. Filtering: a passage counts only with at least MIN_PASSAGE_SEEDS seeds over at least two
 *    units of each document. One or two similar sentences between topically related texts
 *    are common (PAN 2013's no-plagiarism pairs share facts: "the seeds were planted in 1906 by
 *    ... Alexander Allison"); three in a row are not. Measured with `npm run eval` (README,
 *    "Accuracy").
 *
 * A paragraph is aligned with a paragraph of the other document when at least MIN_COVER of the
 * words of one of them lie in units seeded with units of the other by accepted passages, or in
 * units of it whose content words are mostly in the other (alignedShare).
 *
 * Hot path (thousands of region pairs on a large scan): the units of each side are given as
 * ranges of a document's units, word weights and postings live in a reused word table
 * (word-table.ts) cleared by a generation stamp, and per-unit tallies in reused typed arrays.
 */
import { WordTable } from './word-table.js';
import { commonInRanges } from '../matching/overlap.js';
import { REWORDED_MIN_COVER } from '../classify.js';
import type { Units } from './units.js';

export const SEED_SIMILARITY = 0.33;
export const SEED_MIN_SHARED = 2;
export const MAX_GAP = 4;
export const MIN_PASSAGE_SEEDS = 3;
export const MIN_COVER = REWORDED_MIN_COVER;

/** An aligned pair of paragraphs (indexes in their documents), with the share of each one's words aligned with the other. */
export interface AlignedParagraphs {
  a: number;
  b: number;
  coverA: number;
  coverB: number;
}

/**
 * A word's weight in the cosine of a seed. Sanchez-Perez et al. weigh by inverse sentence
 * frequency over the two documents (tf-isf), which is what a scan of a few documents uses; in a
 * large scan (rewrite/channel.ts, scanFrequencies) the weight is the word's inverse document
 * frequency in the scan, ln(N / n): there a template's words ("is issuing a ... eurobond due
 * ... paying ... pct", in hundreds of Reuters notices) weigh little and names and figures a
 * lot, so two notices of one template about different issuers are no seed, while a rewrite,
 * which keeps the names, is.
 */
export type WordWeights = (word: number) => number;

/** Units [from, to) of a document, in order. */
export type UnitRanges = ReadonlyArray<readonly [number, number]>;


/**
 * Unit u of `units` and unit v of `other` both state figures, and fewer than half of the figures
 * of the one stating fewer are in the other: a rewrite keeps its figures; two notices of one
 * template ("issuing a 40 mln Australian dlr eurobond due May 15, 1990 paying 14-1/2 pct" and
 * "... 100 mln ... May 27, 1992 ... 14-1/4 pct") share a few by chance. Not asked of two
 * documents that are one story already by paragraphs copied word for word and that name the
 * same places, people and bodies (`figuresFree`: rewrite/copied-pairs.ts, text/names.ts; in
 * `dedupe diff`, paragraphs kept the same): a write-through updates its figures ("More than 900
 * firefighters, supported by 14 air tankers ..." became "More than 1,700 firefighters,
 * supported by 20 air tankers ...") and was called dropped and added (a new user's trial;
 * fixtures/write-through-figures). Two notices of one template about different issuers keep a
 * long line word for word too, but name other banks (fixtures/template-fixed-line).
 */
function figuresDiffer(units: Units, u: number, other: Units, v: number): boolean {
  const [from, to] = [units.numberAt[u]!, units.numberAt[u + 1]!];
  const [otherFrom, otherTo] = [other.numberAt[v]!, other.numberAt[v + 1]!];
  if (from === to || otherFrom === otherTo) return false;
  return 2 * commonInRanges(units.numbers, from, to, other.numbers, otherFrom, otherTo) < Math.min(to - from, otherTo - otherFrom);
}

/**
 * In a large scan (word weights from its documents) a seed also shares at least SEED_MIN_RARE
 * words found in at most RARE_SHARE of the scan's documents (a weight of ln(1 / RARE_SHARE) or
 * more): a rewrite keeps its names, places and figures, which are rare, while notices of one
 * template about different issuers share only the template's words. Reuters-21578 (README,
 * "Accuracy").
 */
export const RARE_SHARE = 0.005;
export const SEED_MIN_RARE = 2;
export const RARE_WEIGHT = Math.log(1 / RARE_SHARE);
/**
 * In a scan too small for RARE_SHARE of it to hold this many documents (under RARE_MIN_DOCUMENTS
 * / RARE_SHARE = 1,000), a word is rare when found in at most this many.
 *
 * With RARE_WEIGHT alone no word shared by a rewrite and its source was rare from 200 documents
 * (where scans start counting weights) to 399: a new user's archive of 199 articles caught the
 * reworded fixture, one of 200 did not. Then the floor was the two documents a seed joins, and a
 * third document naming the story's country ("Ukraine", in one unrelated BBC article) made half
 * of a hand-reworded AP story unique in a scan of 300 articles; a second outlet's story on the
 * same topic, most of the rest (session 25, a new user's trial: 3 of its 6 body paragraphs found
 * by the precise mode, 6 with --reworded thorough or alone with the source). From 5 documents
 * all 6 are found beside both. Measured on slices of Reuters-21578 (300, 600 and 900 items: the
 * only new links are stories of one event, "SHULTZ LIKELY TO VISIT MOSCOW SOON" / "SHULTZ VISIT
 * TO MOSCOW POSSIBLE, SAY SOVIETS", no templated notice) and BBC (300 and 600 articles: edited
 * paragraphs 36 -> 44 and 79 -> 95); scans of 1,000 documents or more (every whole-corpus figure
 * of `npm run eval`) are as before.
 */
export const RARE_MIN_DOCUMENTS = 5;

/** The weight from which a word is rare in a scan of `sampled` documents: RARE_WEIGHT, or below 1,000 documents that of a word in RARE_MIN_DOCUMENTS of them. */
export function rareWeight(sampled: number): number {
  return Math.min(RARE_WEIGHT, Math.log(sampled / RARE_MIN_DOCUMENTS));
}

const LN = Array.from({ length: 4096 }, (_, n) => (n === 0 ? 0 : Math.log(n)));
const ln = (n: number): number => (n < LN.length ? LN[n]! : Math.log(n));

/** Reused scratch space of the aligner: a word table (unit counts, postings of the second side) and per-unit tallies. */
export class Aligner {
  /** The pair's words; per slot, in the arrays below: units holding it, b's postings, its weight. */
  private readonly words = new WordTable(1 << 12);
  private df = new Int32Array(1 << 12);
  private head = new Int32Array(1 << 12);
  /** Per slot: its word's weight in this pair's cosine (computed once per slot, not per use). */
  private weightOf = new Float64Array(1 << 12);
  /** The slots taken in this generation, `usedCount` of them. */
  private used = new Int32Array(1 << 10);
  private usedCount = 0;
  /** Per content word of the units aligned (a's, then b's, in the order seeds reads them): its slot, looked up once. */
  private slots = new Int32Array(1024);
  private nextOf = new Int32Array(1024);
  private unitOf = new Int32Array(1024);
  private shared = new Int32Array(256);
  private rare = new Int32Array(256);
  private dot = new Float64Array(256);
  private normA = new Float64Array(256);
  private normB = new Float64Array(256);

  private slot(word: number): number {
    const slot = this.words.slotOf(word);
    if (!this.words.taken(slot)) {
      this.words.take(slot, word);
      this.df[slot] = 0;
      this.head[slot] = -1;
      if (this.usedCount === this.used.length) {
        const grown = new Int32Array(this.used.length * 2);
        grown.set(this.used);
        this.used = grown;
      }
      this.used[this.usedCount++] = slot;
    }
    return slot;
  }

  private prepare(words: number): void {
    this.usedCount = 0;
    if (this.words.reset(words)) {
      const size = this.words.size;
      this.df = new Int32Array(size);
      this.head = new Int32Array(size);
      this.weightOf = new Float64Array(size);
    }
  }

  private tallies(countA: number, countB: number, postings: number, words: number): void {
    if (this.shared.length < countB) {
      this.shared = new Int32Array(countB * 2);
      this.dot = new Float64Array(countB * 2);
      this.normB = new Float64Array(countB * 2);
    }
    if (this.normA.length < countA) this.normA = new Float64Array(countA * 2);
    if (this.nextOf.length < postings) {
      this.nextOf = new Int32Array(postings * 2);
      this.unitOf = new Int32Array(postings * 2);
    }
    if (this.slots.length < words) this.slots = new Int32Array(words * 2);
  }

  /**
   * Seed pairs of units ([unit of a, unit of b], document unit numbers), the best partners of
   * either side. `idf`, when given (a large scan), weighs a word by the scan's documents instead
   * of the two documents' sentences (see `WordWeights`).
   */
  seeds(a: Units, rangesA: UnitRanges, b: Units, rangesB: UnitRanges, idf: WordWeights | null = null, rareFrom = RARE_WEIGHT, figuresFree = false): Array<[number, number]> {
    const listA = flatten(rangesA);
    const listB = flatten(rangesB);
    let wordsA = 0;
    let wordsB = 0;
    for (const u of listA) wordsA += a.contentAt[u + 1]! - a.contentAt[u]!;
    for (const v of listB) wordsB += b.contentAt[v + 1]! - b.contentAt[v]!;
    this.prepare(wordsA + wordsB);
    this.tallies(listA.length, listB.length, wordsB, wordsA + wordsB);
    // Each content word's slot is looked up once, here, and read from `slots` after: a's words
    // first (at 0), then b's (at wordsA), unit after unit in list order. Document frequencies
    // over both sides' units, and postings of b's units (local numbers).
    const slots = this.slots;
    let at = 0;
    for (const u of listA) {
      for (let k = a.contentAt[u]!; k < a.contentAt[u + 1]!; k++) {
        const slot = this.slot(a.content[k]!);
        slots[at++] = slot;
        this.df[slot]!++;
      }
    }
    let posting = 0;
    listB.forEach((v, local) => {
      for (let k = b.contentAt[v]!; k < b.contentAt[v + 1]!; k++) {
        const slot = this.slot(b.content[k]!);
        slots[at++] = slot;
        this.df[slot]!++;
        this.unitOf[posting] = local;
        this.nextOf[posting] = this.head[slot]!;
        this.head[slot] = posting++;
      }
    });
    const total = listA.length + listB.length;
    for (let k = 0; k < this.usedCount; k++) {
      const slot = this.used[k]!;
      this.weightOf[slot] = idf ? idf(this.words.keys[slot]!) : ln(total) - ln(this.df[slot]!);
    }
    const weightOf = this.weightOf;
    // The norm of the unit whose slots are slots[from .. from + size).
    const norm = (from: number, size: number): number => {
      let sum = 0;
      for (let k = from; k < from + size; k++) sum += weightOf[slots[k]!]! ** 2;
      return Math.sqrt(sum);
    };
    at = wordsA;
    listB.forEach((v, local) => {
      const size = b.contentAt[v + 1]! - b.contentAt[v]!;
      this.normB[local] = norm(at, size);
      at += size;
    });
    const found: Array<[number, number, number]> = [];
    const touched: number[] = [];
    if (this.rare.length < listB.length) this.rare = new Int32Array(listB.length * 2);
    at = 0;
    for (const u of listA) {
      const size = a.contentAt[u + 1]! - a.contentAt[u]!;
      const from = at;
      at += size;
      if (size < SEED_MIN_SHARED) continue;
      const normU = norm(from, size);
      touched.length = 0;
      for (let k = from; k < from + size; k++) {
        const slot = slots[k]!;
        const w = weightOf[slot]!;
        const rare = idf !== null && w >= rareFrom ? 1 : 0;
        for (let e = this.head[slot]!; e !== -1; e = this.nextOf[e]!) {
          const local = this.unitOf[e]!;
          if (this.shared[local] === 0) touched.push(local);
          this.shared[local]!++;
          this.rare[local]! += rare;
          this.dot[local]! += w * w;
        }
      }
      for (const local of touched) {
        const v = listB[local]!;
        const common = this.shared[local]!;
        const dice = (2 * common) / (size + b.contentAt[v + 1]! - b.contentAt[v]!);
        const cosine = normU > 0 && this.normB[local]! > 0 ? this.dot[local]! / (normU * this.normB[local]!) : 0;
        const rareEnough = idf === null || this.rare[local]! >= SEED_MIN_RARE;
        if (common >= SEED_MIN_SHARED && dice >= SEED_SIMILARITY && cosine >= SEED_SIMILARITY && rareEnough && (figuresFree || !figuresDiffer(a, u, b, v))) found.push([u, v, dice]);
        this.shared[local] = 0;
        this.rare[local] = 0;
        this.dot[local] = 0;
      }
    }
    return bestPartners(found);
  }
}

function flatten(ranges: UnitRanges): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) for (let u = from; u < to; u++) out.push(u);
  return out;
}

/**
 * The seeds that pair a unit with its best partner, seen from either side: a headline that is
 * one sentence of the other document's copy and also shares words with another of its
 * paragraphs pairs with the copy only. A long sentence split in two keeps both halves (each
 * half's best partner is the long sentence). Sorted by a's unit, then b's.
 */
function bestPartners(seeds: ReadonlyArray<[number, number, number]>): Array<[number, number]> {
  const bestA = new Map<number, number>();
  const bestB = new Map<number, number>();
  for (const [u, v, dice] of seeds) {
    bestA.set(u, Math.max(bestA.get(u) ?? 0, dice));
    bestB.set(v, Math.max(bestB.get(v) ?? 0, dice));
  }
  return seeds
    .filter(([u, v, dice]) => dice === bestA.get(u) || dice === bestB.get(v))
    .map(([u, v]): [number, number] => [u, v])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * Seeds joined into passages (step 2), then the passages that count (step 3). Two seeds are in
 * one passage when a chain of seeds joins them, each within MAX_GAP units of the next on both
 * sides: the same passages whichever document is called a and whatever order the seeds come
 * in. (Seeds were once added in a's order to the first passage whose range of b units they
 * fell near: which document was a changed what was found, so renaming files changed statuses.)
 */
export function passages(seeds: ReadonlyArray<[number, number]>): Array<Array<[number, number]>> {
  const sorted = [...seeds].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const parent = Int32Array.from(sorted, (_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  for (let k = 1; k < sorted.length; k++) {
    const [u, v] = sorted[k]!;
    for (let j = k - 1; j >= 0 && u - sorted[j]![0] <= MAX_GAP; j--) {
      if (Math.abs(v - sorted[j]![1]) > MAX_GAP) continue;
      const [x, y] = [root(j), root(k)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  const byRoot = new Map<number, Array<[number, number]>>();
  sorted.forEach((seed, k) => {
    const r = root(k);
    const list = byRoot.get(r);
    if (list) list.push(seed);
    else byRoot.set(r, [seed]);
  });
  return [...byRoot.values()].filter((p) => p.length >= MIN_PASSAGE_SEEDS && new Set(p.map((s) => s[0])).size >= 2 && new Set(p.map((s) => s[1])).size >= 2);
}

/**
 * Paragraph pairs of two documents aligned by accepted passages, over the given unit ranges.
 * `wordsA(i)` and `wordsB(i)` give a paragraph's words.
 */
export function alignParagraphs(
  aligner: Aligner,
  a: Units,
  rangesA: UnitRanges,
  b: Units,
  rangesB: UnitRanges,
  wordsA: (i: number) => number,
  wordsB: (i: number) => number,
  idf: WordWeights | null = null,
  rareFrom = RARE_WEIGHT,
  figuresFree = false,
): AlignedParagraphs[] {
  const accepted = passages(aligner.seeds(a, rangesA, b, rangesB, idf, rareFrom, figuresFree));
  if (accepted.length === 0) return [];
  // Per pair of paragraphs: the units of each side seeded with units of the other, each once.
  const pairs = new Map<string, { a: number; b: number; unitsA: Set<number>; unitsB: Set<number> }>();
  for (const passage of accepted) {
    for (const [u, v] of passage) {
      const pa = a.paragraph[u]!;
      const pb = b.paragraph[v]!;
      const key = `${pa} ${pb}`;
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { a: pa, b: pb, unitsA: new Set(), unitsB: new Set() }));
      pair.unitsA.add(u);
      pair.unitsB.add(v);
    }
  }
  const out: AlignedParagraphs[] = [];
  for (const pair of pairs.values()) {
    const coverA = alignedShare(a, pair.unitsA, b, pair.unitsB, wordsA(pair.a));
    const coverB = alignedShare(b, pair.unitsB, a, pair.unitsA, wordsB(pair.b));
    if (coverA >= MIN_COVER || coverB >= MIN_COVER) out.push({ a: pair.a, b: pair.b, coverA, coverB });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** The units of the paragraph unit u lies in: [first, last] (a paragraph's units are numbered in a row). */
function paragraphUnits(units: Units, u: number): [number, number] {
  const paragraph = units.paragraph[u]!;
  let first = u;
  let last = u;
  while (first > 0 && units.paragraph[first - 1] === paragraph && units.words[first - 1]! > 0) first--;
  while (last + 1 < units.count && units.paragraph[last + 1] === paragraph && units.words[last + 1]! > 0) last++;
  return [first, last];
}

/**
 * The share of a paragraph's words aligned with a paragraph of the other document (`seeded`:
 * its units seeded with units of that one, `partners`: those units). Aligned are its seeded
 * units, and its other units whose content words mostly (half or more, SEED_MIN_SHARED or more)
 * are in the other paragraph: a long sentence retold as three short ones (split, clauses
 * reordered) seeds one of them, the others sharing too few words with the long one for a seed's
 * Dice ("By Sunday evening the blaze had consumed more than 12,000 acres." of a 20-word
 * sentence), and the rewrite's paragraph stayed at 44%, unique, while its source was edited
 * (a new user's run). Only within a pair passage alignment already made: it adds no pair.
 */
function alignedShare(units: Units, seeded: ReadonlySet<number>, other: Units, partners: ReadonlySet<number>, words: number): number {
  if (words === 0) return 0;
  const [anyPartner] = partners;
  const [otherFirst, otherLast] = paragraphUnits(other, anyPartner!);
  const otherWords = new Set<number>();
  for (let k = other.contentAt[otherFirst]!; k < other.contentAt[otherLast + 1]!; k++) otherWords.add(other.content[k]!);
  const [anySeeded] = seeded;
  const [first, last] = paragraphUnits(units, anySeeded!);
  let sum = 0;
  for (let u = first; u <= last; u++) {
    if (!seeded.has(u)) {
      const [from, to] = [units.contentAt[u]!, units.contentAt[u + 1]!];
      let common = 0;
      for (let k = from; k < to; k++) if (otherWords.has(units.content[k]!)) common++;
      if (common < SEED_MIN_SHARED || 2 * common < to - from) continue;
    }
    sum += units.words[u]!;
  }
  return Math.min(1, sum / words);
}
