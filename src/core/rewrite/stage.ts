/**
 * The rewrite stage (issue 11): reworded paragraphs found by passage alignment join the
 * verified pairs, so that they are `edited`, cluster and link their documents like any edit.
 *
 *   channel.ts    candidate document pairs from content-word MinHash/LSH (order-free, robust to rewording)
 *   units.ts      each candidate document's sentences with their content words (once per document)
 *   passages.ts   seed and extend over sentences (Sanchez-Perez et al. 2014): aligned paragraphs
 *
 * It runs only where the channel finds candidates: a scan whose documents share no content
 * words beyond chance aligns nothing. An aligned pair becomes a `reworded` edge unless its two
 * paragraphs are the same text or already a verified pair; its measures are the Jaccard
 * similarity of the two paragraphs' content words and, for each, the share of its words
 * aligned with the other (classify.ts, REWORDED_MIN_COVER, decides when that makes it edited).
 */
import { isChrome, tokens } from '../document.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { overlap } from '../matching/overlap.js';
import { rewordingCandidates, scanFrequencies } from './channel.js';
import { Aligner, alignParagraphs } from './passages.js';
import { contentWords, stopTokens, type TokenSet } from './stopwords.js';
import { documentUnits, type Units } from './units.js';

export interface RewordedPair {
  a: number;
  b: number;
  jaccard: number;
  coverA: number;
  coverB: number;
}

/** What the stage did, for timings and the summary. */
export interface RewriteOutcome {
  edges: Edges;
  /** Pairs of stories (global numbers, lower first) holding paragraphs that passage alignment aligned: compared whole later (story-pairs.ts). */
  storyPairs: Array<[number, number]>;
  /** Document pairs the channel proposed, and reworded pairs of paragraph variants found. */
  candidateDocumentPairs: number;
  rewordedPairs: number;
}

/** Distinct content words of paragraph p (sorted). */
function contentSet(corpus: Corpus, p: number, stop: TokenSet): Uint32Array {
  const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
  const i = corpus.paragraphIndex[p]!;
  return isChrome(doc, i) ? new Uint32Array(0) : contentWords(tokens(doc, i), stop);
}

function isVerified(edges: Edges, a: number, b: number): boolean {
  for (let e = edges.edgeStart[a]!; e < edges.edgeStart[a + 1]!; e++) {
    const code = edges.edgeOf[e]!;
    const k = code >>> 1;
    if ((code & 1) === 0 ? edges.pairB[k] === b : edges.pairA[k] === b) return true;
  }
  return false;
}

/**
 * Paragraphs either side of a channel hit that alignment looks at: a reworded passage is
 * aligned in the region around the paragraphs the channel paired, not over whole documents
 * (PAN's documents run to hundreds of sentences; aligning them whole took 0.7 ms a pair). Hits
 * closer than twice this join one region. MAX_GAP sentences (passages.ts) fit in it.
 */
export const WINDOW_PARAGRAPHS = 4;

/** Paragraph ranges [from, to] around the given paragraphs, merged where they overlap. */
function regions(paragraphs: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(paragraphs)].sort((x, y) => x - y);
  const out: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - WINDOW_PARAGRAPHS <= last[1] + 1) last[1] = p + WINDOW_PARAGRAPHS;
    else out.push([p - WINDOW_PARAGRAPHS, p + WINDOW_PARAGRAPHS]);
  }
  return out;
}

/** The first unit of `units` in paragraph `p` or after it. */
function firstUnitFrom(units: Units, p: number): number {
  let low = 0;
  let high = units.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (units.paragraph[mid]! < p) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Unit ranges [from, to) of the paragraph ranges (units are in paragraph order). */
function unitRanges(units: Units, ranges: ReadonlyArray<[number, number]>): Array<[number, number]> {
  return ranges.map(([from, to]): [number, number] => [firstUnitFrom(units, from), firstUnitFrom(units, to + 1)]).filter(([from, to]) => to > from);
}

/** Reworded pairs of variants, each once (lower variant first). */
export function findRewordedPairs(
  corpus: Corpus,
  edges: Edges,
  noise: Noise,
  minWords: number,
  seed: number,
): { pairs: RewordedPair[]; candidates: number; storyPairs: Array<[number, number]> } {
  const stop = stopTokens(seed);
  const frequencies = scanFrequencies(corpus);
  const candidates = rewordingCandidates(corpus, edges, stop, seed, frequencies).filter((c) => c.strong || c.hits.length >= 2);
  const idf = frequencies ? (word: number): number => Math.log(frequencies.sampled / Math.max(1, frequencies.table.count(word))) : null;
  const storyKeys = new Set<number>();
  const units = new Map<number, Units>();
  const unitsOf = (d: number): Units => {
    let found = units.get(d);
    if (!found) {
      const base = corpus.firstParagraphOf[d]!;
      found = documentUnits(corpus.docs[d]!, stop, (i) => noise.junk[base + i] !== null);
      units.set(d, found);
    }
    return found;
  };
  const found = new Map<number, RewordedPair>();
  const aligner = new Aligner();
  const { variantOf, words, firstParagraphOf, variants } = corpus;
  for (const { a: da, b: db, hits } of candidates) {
    const baseA = firstParagraphOf[da]!;
    const baseB = firstParagraphOf[db]!;
    const unitsA = unitsOf(da);
    const unitsB = unitsOf(db);
    const rangesA = unitRanges(unitsA, regions(hits.map(([pa]) => pa)));
    const rangesB = unitRanges(unitsB, regions(hits.map(([, pb]) => pb)));
    const aligned = alignParagraphs(aligner, unitsA, rangesA, unitsB, rangesB, (i) => words[baseA + i]!, (i) => words[baseB + i]!, idf);
    for (const { a, b, coverA, coverB } of aligned) {
      const p = baseA + a;
      const q = baseB + b;
      const [x, y] = [noise.storyOf[p]!, noise.storyOf[q]!];
      storyKeys.add(Math.min(x, y) * noise.stories.length + Math.max(x, y));
      const [va, vb] = [variantOf[p]!, variantOf[q]!];
      if (va < 0 || vb < 0 || va === vb || words[p]! < minWords || words[q]! < minWords) continue;
      if (variants.soleDocument[va]! >= 0 && variants.soleDocument[va] === variants.soleDocument[vb]) continue;
      if (isVerified(edges, va, vb)) continue;
      const [lo, hi, coverLo, coverHi] = va < vb ? [va, vb, coverA, coverB] : [vb, va, coverB, coverA];
      const key = lo * variants.count + hi;
      const known = found.get(key);
      if (known && known.coverA + known.coverB >= coverLo + coverHi) continue;
      const jaccard = overlap(contentSet(corpus, p, stop), contentSet(corpus, q, stop)).jaccard;
      found.set(key, { a: lo, b: hi, jaccard, coverA: coverLo, coverB: coverHi });
    }
  }
  const pairs = [...found.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  const count = noise.stories.length;
  const storyPairs = [...storyKeys].sort((x, y) => x - y).map((key): [number, number] => [Math.floor(key / count), key % count]);
  return { pairs, candidates: candidates.length, storyPairs };
}

/** The verified pairs with the reworded ones added (flagged in `reworded`), each variant's pairs in one run again. */
export function withRewordedPairs(edges: Edges, extra: readonly RewordedPair[], variantCount: number): Edges {
  if (extra.length === 0) return edges;
  const total = edges.pairA.length + extra.length;
  const pairA = new Int32Array(total);
  const pairB = new Int32Array(total);
  const jaccard = new Float64Array(total);
  const containmentOfA = new Float64Array(total);
  const containmentOfB = new Float64Array(total);
  const reworded = new Uint8Array(total);
  pairA.set(edges.pairA);
  pairB.set(edges.pairB);
  jaccard.set(edges.jaccard);
  containmentOfA.set(edges.containmentOfA);
  containmentOfB.set(edges.containmentOfB);
  if (edges.reworded) reworded.set(edges.reworded);
  extra.forEach((pair, n) => {
    const k = edges.pairA.length + n;
    pairA[k] = pair.a;
    pairB[k] = pair.b;
    jaccard[k] = pair.jaccard;
    containmentOfA[k] = pair.coverA;
    containmentOfB[k] = pair.coverB;
    reworded[k] = 1;
  });
  const degree = new Int32Array(variantCount + 1);
  for (let k = 0; k < total; k++) {
    degree[pairA[k]!]!++;
    degree[pairB[k]!]!++;
  }
  const edgeStart = new Int32Array(variantCount + 1);
  for (let v = 0; v < variantCount; v++) edgeStart[v + 1] = edgeStart[v]! + degree[v]!;
  const edgeOf = new Int32Array(edgeStart[variantCount]!);
  const next = edgeStart.slice(0, variantCount);
  for (let k = 0; k < total; k++) {
    edgeOf[next[pairA[k]!]!++] = k * 2;
    edgeOf[next[pairB[k]!]!++] = k * 2 + 1;
  }
  return { pairA, pairB, jaccard, containmentOfA, containmentOfB, edgeStart, edgeOf, verifiedPairs: edges.verifiedPairs, reworded };
}

/** Runs the stage: the edges with the reworded pairs added. */
export function addRewordedEdges(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, seed: number): RewriteOutcome {
  const { pairs, candidates, storyPairs } = findRewordedPairs(corpus, edges, noise, minWords, seed);
  return { edges: withRewordedPairs(edges, pairs, corpus.variants.count), storyPairs, candidateDocumentPairs: candidates, rewordedPairs: pairs.length };
}
