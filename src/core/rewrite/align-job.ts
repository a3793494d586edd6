/**
 * Passage alignment of candidate document pairs (passages.ts) as a job that carries all it
 * reads: the paragraphs (text, token hashes, words) and, per candidate pair, the layout of each
 * side's regions (units.ts, layoutRegions). Plain data in and out, so that the engine can run
 * parts of the candidates on other threads (engine/rewrite-pool.ts) while the main thread runs
 * a part itself; the stage merges the outcomes in candidate order (stage.ts), so a report does
 * not depend on how the work was split.
 *
 * Alignment is per candidate pair and its cost is in cutting the regions' paragraphs into
 * sentence units and seeding (PAN: 0.4 and 0.35 s of the stage's 1.6 s on one thread).
 */
import type { Corpus, Noise } from '../model.js';
import { isChrome, text, tokens } from '../document.js';
import { DocumentFrequency, type FrequencyData, type ScanFrequencies } from './channel.js';
import { Aligner, alignParagraphs, MAX_GAP, rareWeight, type WordWeights } from './passages.js';
import { stopTokens } from './stopwords.js';
import { narrowLayout, RarePairFinder, RareWordCache, scanRareTest } from './rare-pairs.js';
import { layoutRegions, ParagraphUnits, UnitsScratch } from './units.js';

export interface AlignJob {
  seed: number;
  /** Global numbers of the paragraphs the job reads, with their texts, token hashes (`tokens[tokenAt[k] .. tokenAt[k + 1])`) and words. */
  paragraphs: Int32Array;
  texts: string[];
  tokenAt: Uint32Array;
  tokens: Uint32Array;
  words: Uint32Array;
  /**
   * Per candidate pair k, its sides s = 2k (the lower document) and 2k + 1: the side's first
   * global paragraph `bases[s]` and its layout `entries[entryAt[s] .. entryAt[s + 1])`.
   */
  bases: Int32Array;
  entryAt: Uint32Array;
  entries: Int32Array;
  /** A large scan's document frequencies, which weigh words (passages.ts, WordWeights); null in a small scan. */
  frequencies: { table: FrequencyData; sampled: number } | null;
  /** Per candidate pair k: 1 when its sentences' figures may differ (AlignCandidate.figuresFree). */
  figuresFree: Uint8Array;
}

/** Per candidate pair k: its aligned paragraph pairs (indexes in their documents) are those from alignedAt[k] to alignedAt[k + 1]. */
export interface AlignOutcome {
  alignedAt: Uint32Array;
  a: Int32Array;
  b: Int32Array;
  coverA: Float64Array;
  coverB: Float64Array;
}

/** A candidate pair of documents to align, and the paragraph ranges (within each) around the channel's hits. */
export interface AlignCandidate {
  a: number;
  b: number;
  regionsA: ReadonlyArray<readonly [number, number]>;
  regionsB: ReadonlyArray<readonly [number, number]>;
  /** Its documents are one story already by paragraphs copied word for word (copied-pairs.ts) and by the names they state (text/names.ts): their sentences' figures may differ (passages.ts, figuresDiffer). */
  figuresFree?: boolean;
}

/**
 * Per global paragraph: 1 when it has sentence units (words, and neither junk nor chrome). Found
 * once per stage (alignJobSource), in document order, since layouts ask it of the same
 * paragraphs several times.
 */
function paragraphsWithUnits(corpus: Corpus, noise: Noise): Uint8Array {
  const out = new Uint8Array(corpus.words.length);
  corpus.docs.forEach((doc, d) => {
    const base = corpus.firstParagraphOf[d]!;
    for (let i = 0; i < doc.count; i++) {
      const p = base + i;
      out[p] = corpus.words[p]! > 0 && noise.junk[p] === null && !isChrome(doc, i) ? 1 : 0;
    }
  });
  return out;
}

/** A large scan's rare words of its paragraphs (global numbers), found when first asked for. */
function rareWordsOfCorpus(corpus: Corpus, frequencies: ScanFrequencies, seed: number): RareWordCache {
  return new RareWordCache(corpus.words.length, (p) => tokens(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!), scanRareTest(frequencies, seed));
}

/** Finds the rare words of a layout's aligned paragraphs that have units (paragraphsWithUnits): the paragraphs RarePairFinder reads. */
function findRareWords(rare: RareWordCache, layout: readonly number[], base: number, withUnits: Uint8Array): void {
  for (let e = 0; e < layout.length; e++) {
    const entry = layout[e]!;
    if (entry >= 0 && (entry & 1) === 1 && withUnits[base + (entry >> 1)] === 1) rare.slot(base + (entry >> 1));
  }
}

/**
 * What every job of a scan's stage is built from, found once for all its shares: which
 * paragraphs have units, and in a large scan the rare words of those asked for.
 */
export interface AlignJobSource {
  corpus: Corpus;
  seed: number;
  frequencies: ScanFrequencies | null;
  withUnits: Uint8Array;
  rare: RareWordCache | null;
}

export function alignJobSource(corpus: Corpus, noise: Noise, frequencies: ScanFrequencies | null, seed: number): AlignJobSource {
  return { corpus, seed, frequencies, withUnits: paragraphsWithUnits(corpus, noise), rare: frequencies ? rareWordsOfCorpus(corpus, frequencies, seed) : null };
}

/**
 * The job for candidates[from .. to). In a large scan (word frequencies known) each pair's
 * layouts are narrowed here to the paragraphs that can seed (rare-pairs.ts), so that the job
 * carries only those and the paragraphs numbering them: on PAN 15,000 of the 59,000 paragraphs
 * of the regions a helper's share used to carry.
 */
export function buildAlignJob(source: AlignJobSource, candidates: readonly AlignCandidate[], from: number, to: number): AlignJob {
  const { corpus, withUnits, rare, frequencies, seed } = source;
  const bases = new Int32Array(2 * (to - from));
  const entryAt = new Uint32Array(2 * (to - from) + 1);
  const entries: number[] = [];
  // The paragraphs the job carries: marked once each, listed in the order first met.
  const isNeeded = new Uint8Array(withUnits.length);
  const needed: number[] = [];
  const finder = new RarePairFinder();
  for (let k = from; k < to; k++) {
    const { a, b, regionsA, regionsB } = candidates[k]!;
    const [baseA, baseB] = [corpus.firstParagraphOf[a]!, corpus.firstParagraphOf[b]!];
    const unitsA = (i: number): boolean => withUnits[baseA + i] === 1;
    const unitsB = (i: number): boolean => withUnits[baseB + i] === 1;
    let layoutA: number[] = layoutRegions(regionsA, unitsA, MAX_GAP);
    let layoutB: number[] = layoutRegions(regionsB, unitsB, MAX_GAP);
    if (rare) {
      // A large scan: only paragraphs sharing two rare words with the other side can seed.
      findRareWords(rare, layoutA, baseA, withUnits);
      findRareWords(rare, layoutB, baseB, withUnits);
      const [activeA, activeB] = finder.find(layoutA, layoutB, (side, i) => rare.known((side === 0 ? baseA : baseB) + i), rare);
      [layoutA, layoutB] = activeA.size === 0 ? [[], []] : [narrowLayout(layoutA, activeA, unitsA, MAX_GAP), narrowLayout(layoutB, activeB, unitsB, MAX_GAP)];
    }
    const sides: Array<[number, readonly number[]]> = [[baseA, layoutA], [baseB, layoutB]];
    sides.forEach(([base, layout], side) => {
      const s = 2 * (k - from) + side;
      bases[s] = base;
      for (let e = 0; e < layout.length; e++) {
        const entry = layout[e]!;
        entries.push(entry);
        const p = base + (entry >> 1);
        if (entry >= 0 && withUnits[p] === 1 && isNeeded[p] === 0) {
          isNeeded[p] = 1;
          needed.push(p);
        }
      }
      entryAt[s + 1] = entries.length;
    });
  }
  const paragraphs = Int32Array.from(needed).sort();
  const texts: string[] = [];
  const words = new Uint32Array(paragraphs.length);
  const tokenAt = new Uint32Array(paragraphs.length + 1);
  paragraphs.forEach((p, k) => {
    words[k] = corpus.words[p]!;
    tokenAt[k + 1] = tokenAt[k]! + words[k]!;
  });
  const tokensFlat = new Uint32Array(tokenAt[paragraphs.length]!);
  paragraphs.forEach((p, k) => {
    const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
    const i = corpus.paragraphIndex[p]!;
    texts.push(text(doc, i));
    tokensFlat.set(tokens(doc, i), tokenAt[k]!);
  });
  return {
    seed,
    paragraphs,
    texts,
    tokenAt,
    tokens: tokensFlat,
    words,
    bases,
    entryAt,
    entries: Int32Array.from(entries),
    frequencies: frequencies ? { table: frequencies.table.data(), sampled: frequencies.sampled } : null,
    figuresFree: Uint8Array.from({ length: to - from }, (_, k) => (candidates[from + k]!.figuresFree === true ? 1 : 0)),
  };
}

/** Aligns every candidate pair of a job (a pure function of the job: it runs on any thread). */
export function runAlignJob(job: AlignJob): AlignOutcome {
  const local = new Map<number, number>();
  job.paragraphs.forEach((p, k) => local.set(p, k));
  const stop = stopTokens(job.seed);
  const units = new ParagraphUnits(
    stop,
    (p) => {
      const k = local.get(p);
      if (k === undefined) return null;
      return { text: job.texts[k]!, tokens: job.tokens.subarray(job.tokenAt[k]!, job.tokenAt[k + 1]!), words: job.words[k]! };
    },
    MAX_GAP,
  );
  const table = job.frequencies ? DocumentFrequency.of(job.frequencies.table) : null;
  const sampled = job.frequencies?.sampled ?? 0;
  const idf: WordWeights | null = table ? (word) => Math.log(sampled / Math.max(1, table.count(word))) : null;
  const rareFrom = rareWeight(sampled);
  const aligner = new Aligner();
  // Each side's units are views of reused space: alignParagraphs is done with them before the next pair.
  const [scratchA, scratchB] = [new UnitsScratch(), new UnitsScratch()];
  const pairs = job.bases.length / 2;
  const alignedAt = new Uint32Array(pairs + 1);
  const a: number[] = [];
  const b: number[] = [];
  const coverA: number[] = [];
  const coverB: number[] = [];
  const wordsOf = (base: number) => (i: number): number => {
    const k = local.get(base + i);
    return k === undefined ? 0 : job.words[k]!;
  };
  for (let k = 0; k < pairs; k++) {
    const [baseA, baseB] = [job.bases[2 * k]!, job.bases[2 * k + 1]!];
    const entriesA = job.entries.subarray(job.entryAt[2 * k]!, job.entryAt[2 * k + 1]!);
    const entriesB = job.entries.subarray(job.entryAt[2 * k + 1]!, job.entryAt[2 * k + 2]!);
    if (entriesA.length === 0) {
      // Nothing that can seed (buildAlignJob narrowed it away).
      alignedAt[k + 1] = a.length;
      continue;
    }
    const sideA = units.assemble(baseA, entriesA, scratchA);
    const sideB = units.assemble(baseB, entriesB, scratchB);
    for (const found of alignParagraphs(aligner, sideA.units, sideA.ranges, sideB.units, sideB.ranges, wordsOf(baseA), wordsOf(baseB), idf, rareFrom, job.figuresFree[k] === 1)) {
      a.push(found.a);
      b.push(found.b);
      coverA.push(found.coverA);
      coverB.push(found.coverB);
    }
    alignedAt[k + 1] = a.length;
  }
  return { alignedAt, a: Int32Array.from(a), b: Int32Array.from(b), coverA: Float64Array.from(coverA), coverB: Float64Array.from(coverB) };
}
