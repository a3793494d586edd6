/**
 * Passage alignment of two documents by seed and extend over sentences, after Sanchez-Perez,
 * Sidorov & Gelbukh, "A winning approach to text alignment: text reuse detection at PAN 2014"
 * (also Torrejon & Ramos 2013, Suchomel et al. 2013, who seed and extend the same way):
 *
 * 1. Seeds: pairs of sentence units (rewrite/units.ts) whose content words overlap: Dice
 *    coefficient and cosine (tf-isf: each word weighted by ln(N / n), N the two documents'
 *    units and n those holding the word, so a word in every sentence counts for little) both
 *    at least SEED_SIMILARITY, the paper's 0.33, sharing at least SEED_MIN_SHARED words. Two
 *    sentences that both state figures but share none are no seed: a rewrite keeps its figures,
 *    while templated items about different companies ("Qtly div 10 cts vs 10 cts prior" and
 *    "... 12 cts ...") differ in them. Of a unit's seeds, those with its best partner are kept
 *    (best from either side).
 * 2. Extension: seeds are joined into passages while the next seed lies within MAX_GAP units of
 *    the passage on both sides (the paper's maxgap of 4 sentences).
 * 3. Filtering: a passage counts only with at least MIN_PASSAGE_SEEDS seeds over at least two
 *    units of each document. One or two similar sentences between topically related texts
 *    are common (PAN 2013's no-plagiarism pairs share facts: "the seeds were planted in 1906 by
 *    ... Alexander Allison"); three in a row are not. Measured with `npm run eval` (README,
 *    "Accuracy").
 *
 * A paragraph is aligned with a paragraph of the other document when at least MIN_COVER of the
 * words of one of them lie in seeded units of accepted passages paired with units of the other.
 */
import type { Units } from './units.js';

export const SEED_SIMILARITY = 0.33;
export const SEED_MIN_SHARED = 2;
export const MAX_GAP = 4;
export const MIN_PASSAGE_SEEDS = 3;
export const MIN_COVER = 0.5;

interface Seed {
  a: number;
  b: number;
}

/** An aligned pair of paragraphs (indexes in their documents), with the share of each one's words aligned with the other. */
export interface AlignedParagraphs {
  a: number;
  b: number;
  coverA: number;
  coverB: number;
}

function intersects(x: Uint32Array, xFrom: number, xTo: number, y: Uint32Array, yFrom: number, yTo: number): boolean {
  let i = xFrom;
  let j = yFrom;
  while (i < xTo && j < yTo) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

/** Unit u of `units` and unit v of `other` state figures, and none of the same. */
function figuresDiffer(units: Units, u: number, other: Units, v: number): boolean {
  const [from, to] = [units.numberAt[u]!, units.numberAt[u + 1]!];
  const [otherFrom, otherTo] = [other.numberAt[v]!, other.numberAt[v + 1]!];
  return from < to && otherFrom < otherTo && !intersects(units.numbers, from, to, other.numbers, otherFrom, otherTo);
}

/** Per unit of both documents, the norm of its tf-isf vector, and each word's weight. */
function weights(a: Units, b: Units): { weight: Map<number, number>; normA: Float64Array; normB: Float64Array } {
  const df = new Map<number, number>();
  for (const units of [a, b]) for (const word of units.content) df.set(word, (df.get(word) ?? 0) + 1);
  const total = a.count + b.count;
  const weight = new Map<number, number>();
  for (const [word, n] of df) weight.set(word, Math.log(total / n));
  const norms = (units: Units): Float64Array => {
    const out = new Float64Array(units.count);
    for (let u = 0; u < units.count; u++) {
      let sum = 0;
      for (let k = units.contentAt[u]!; k < units.contentAt[u + 1]!; k++) sum += weight.get(units.content[k]!)! ** 2;
      out[u] = Math.sqrt(sum);
    }
    return out;
  };
  return { weight, normA: norms(a), normB: norms(b) };
}

/** Seed pairs of units, in order of `a`'s units. */
export function findSeeds(a: Units, b: Units): Seed[] {
  const { weight, normA, normB } = weights(a, b);
  const postings = new Map<number, number[]>();
  for (let v = 0; v < b.count; v++) {
    for (let k = b.contentAt[v]!; k < b.contentAt[v + 1]!; k++) {
      const list = postings.get(b.content[k]!);
      if (list) list.push(v);
      else postings.set(b.content[k]!, [v]);
    }
  }
  const shared = new Int32Array(b.count);
  const dot = new Float64Array(b.count);
  const seeds: Array<Seed & { dice: number }> = [];
  for (let u = 0; u < a.count; u++) {
    const size = a.contentAt[u + 1]! - a.contentAt[u]!;
    if (size < SEED_MIN_SHARED) continue;
    const touched: number[] = [];
    for (let k = a.contentAt[u]!; k < a.contentAt[u + 1]!; k++) {
      const word = a.content[k]!;
      const w = weight.get(word)!;
      for (const v of postings.get(word) ?? []) {
        if (shared[v] === 0) touched.push(v);
        shared[v]!++;
        dot[v]! += w * w;
      }
    }
    touched.sort((x, y) => x - y);
    for (const v of touched) {
      const common = shared[v]!;
      const dice = (2 * common) / (size + b.contentAt[v + 1]! - b.contentAt[v]!);
      const cosine = normA[u]! > 0 && normB[v]! > 0 ? dot[v]! / (normA[u]! * normB[v]!) : 0;
      if (common >= SEED_MIN_SHARED && dice >= SEED_SIMILARITY && cosine >= SEED_SIMILARITY && !figuresDiffer(a, u, b, v)) seeds.push({ a: u, b: v, dice });
      shared[v] = 0;
      dot[v] = 0;
    }
  }
  return bestPartners(seeds, a.count, b.count);
}

/**
 * The seeds that pair a unit with its best partner, seen from either side: a headline that is
 * one sentence of the other document's copy and also shares words with another of its
 * paragraphs pairs with the copy only. A long sentence split in two keeps both halves (each
 * half's best partner is the long sentence).
 */
function bestPartners(seeds: ReadonlyArray<Seed & { dice: number }>, countA: number, countB: number): Seed[] {
  const bestA = new Float64Array(countA);
  const bestB = new Float64Array(countB);
  for (const s of seeds) {
    bestA[s.a] = Math.max(bestA[s.a]!, s.dice);
    bestB[s.b] = Math.max(bestB[s.b]!, s.dice);
  }
  return seeds.filter((s) => s.dice === bestA[s.a] || s.dice === bestB[s.b]).map(({ a, b }) => ({ a, b }));
}

interface Passage {
  aLast: number;
  bFirst: number;
  bLast: number;
  seeds: Seed[];
}

/** Seeds joined into passages (step 2), then the passages that count (step 3). */
export function passages(seeds: readonly Seed[]): Seed[][] {
  const open: Passage[] = [];
  for (const seed of seeds) {
    let passage = open.find((p) => seed.a - p.aLast <= MAX_GAP && seed.b >= p.bFirst - MAX_GAP && seed.b <= p.bLast + MAX_GAP);
    if (!passage) {
      passage = { aLast: seed.a, bFirst: seed.b, bLast: seed.b, seeds: [] };
      open.push(passage);
    }
    passage.seeds.push(seed);
    passage.aLast = Math.max(passage.aLast, seed.a);
    passage.bFirst = Math.min(passage.bFirst, seed.b);
    passage.bLast = Math.max(passage.bLast, seed.b);
  }
  return open
    .filter((p) => p.seeds.length >= MIN_PASSAGE_SEEDS && new Set(p.seeds.map((s) => s.a)).size >= 2 && new Set(p.seeds.map((s) => s.b)).size >= 2)
    .map((p) => p.seeds);
}

/**
 * Paragraph pairs of two documents aligned by accepted passages. `wordsA(i)` and `wordsB(i)`
 * give a paragraph's words.
 */
export function alignParagraphs(a: Units, b: Units, wordsA: (i: number) => number, wordsB: (i: number) => number): AlignedParagraphs[] {
  const accepted = passages(findSeeds(a, b));
  if (accepted.length === 0) return [];
  // Words of each paragraph in units seeded with units of a given paragraph of the other side, each unit once per pair.
  const toB = new Map<string, Set<number>>();
  const toA = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, unit: number): void => {
    const set = map.get(key);
    if (set) set.add(unit);
    else map.set(key, new Set([unit]));
  };
  for (const passage of accepted) {
    for (const { a: u, b: v } of passage) {
      const pa = a.paragraph[u]!;
      const pb = b.paragraph[v]!;
      add(toB, `${pa} ${pb}`, u);
      add(toA, `${pa} ${pb}`, v);
    }
  }
  const share = (units: Units, set: ReadonlySet<number>, words: number): number => {
    let sum = 0;
    for (const u of set) sum += units.words[u]!;
    return words === 0 ? 0 : Math.min(1, sum / words);
  };
  const out: AlignedParagraphs[] = [];
  for (const [key, unitsA] of toB) {
    const [pa, pb] = key.split(' ').map(Number) as [number, number];
    const coverA = share(a, unitsA, wordsA(pa));
    const coverB = share(b, toA.get(key)!, wordsB(pb));
    if (coverA >= MIN_COVER || coverB >= MIN_COVER) out.push({ a: pa, b: pb, coverA, coverB });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}
