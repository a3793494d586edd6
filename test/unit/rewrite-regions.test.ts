/**
 * Alignment over the regions around the channel's hits (core/rewrite/units.ts layoutRegions and
 * ParagraphUnits, rare-pairs.ts) finds what alignment over a whole document's units finds: the
 * units' numbering between regions is kept where MAX_GAP can reach across, and in a large scan
 * only paragraphs sharing two rare words with the other side are cut.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions } from '../../src/core/index.js';
import { isChrome, text, tokens, words } from '../../src/core/document.js';
import type { PreparedDocument } from '../../src/core/model.js';
import { fmix32 } from '../../src/core/signing/hash.js';
import { Aligner, alignParagraphs, MAX_GAP, RARE_MIN_DOCUMENTS, RARE_WEIGHT, type WordWeights } from '../../src/core/rewrite/passages.js';
import { narrowLayout, rareContentTest, rareMaxCount, RarePairFinder, RareWordCache } from '../../src/core/rewrite/rare-pairs.js';
import { DocumentFrequency } from '../../src/core/rewrite/channel.js';
import { stopTokens } from '../../src/core/rewrite/stopwords.js';
import { documentUnits, layoutRegions, ParagraphUnits, type Units } from '../../src/core/rewrite/units.js';

const options = resolveOptions();
const stop = stopTokens(options.seed);
type Ranges = Array<[number, number]>;

async function prepare(file: string): Promise<PreparedDocument> {
  const signer = await createSigner(options);
  return signer.prepare({ id: file, text: readFileSync(`fixtures/reworded-reprint/${file}`, 'utf8') });
}

const hasUnits = (doc: PreparedDocument) => (i: number): boolean => words(doc, i) > 0 && !isChrome(doc, i);

/** The unit ranges of paragraph ranges over a whole document's units (as alignment did before regions). */
function wholeRanges(units: Units, ranges: Ranges): Ranges {
  const first = (p: number): number => {
    let u = 0;
    while (u < units.count && units.paragraph[u]! < p) u++;
    return u;
  };
  return ranges.map(([from, to]): [number, number] => [first(from), first(to + 1)]).filter(([from, to]) => to > from);
}

function paragraphUnits(doc: PreparedDocument): ParagraphUnits {
  return new ParagraphUnits(stop, (i) => (hasUnits(doc)(i) ? { text: text(doc, i), tokens: tokens(doc, i), words: words(doc, i) } : null), MAX_GAP);
}

/** Regions in a document of `count` paragraphs: every one alone, pairs with gaps of 1 to 8 paragraphs, and the whole. */
function regionSets(count: number): Ranges[] {
  const sets: Ranges[] = [[[0, count - 1]]];
  for (let i = 0; i < count; i++) sets.push([[i, i]]);
  for (let gap = 1; gap <= 8; gap++) for (let i = 0; i + gap + 1 < count; i++) sets.push([[0, i], [i + gap + 1, Math.min(count - 1, i + gap + 2)]]);
  return sets;
}

/** Word weights for a "large scan": a fixed pseudo-random weight per word, about half of them rare. */
const weights: WordWeights = (word) => ((fmix32(word) % 1000) / 1000) * 2 * RARE_WEIGHT;

describe('alignment over regions', async () => {
  const wire = await prepare('wire.txt');
  const rewrite = await prepare('rewrite.txt');
  const wholeA = documentUnits(wire, stop);
  const wholeB = documentUnits(rewrite, stop);
  const aligner = new Aligner();
  const wordsA = (i: number): number => words(wire, i);
  const wordsB = (i: number): number => words(rewrite, i);

  it('align what the whole documents align, for every layout of regions', () => {
    const unitsA = paragraphUnits(wire);
    const unitsB = paragraphUnits(rewrite);
    const full: Ranges = [[0, rewrite.count - 1]];
    let aligned = 0;
    for (const idf of [null, weights]) {
      for (const ranges of regionSets(wire.count)) {
        const expected = alignParagraphs(aligner, wholeA, wholeRanges(wholeA, ranges), wholeB, wholeRanges(wholeB, full), wordsA, wordsB, idf);
        const sideA = unitsA.assemble(0, layoutRegions(ranges, hasUnits(wire), MAX_GAP));
        const sideB = unitsB.assemble(0, layoutRegions(full, hasUnits(rewrite), MAX_GAP));
        expect(alignParagraphs(aligner, sideA.units, sideA.ranges, sideB.units, sideB.ranges, wordsA, wordsB, idf), JSON.stringify(ranges)).toEqual(expected);
        aligned += expected.length;
      }
    }
    // The fixture is a reworded reprint: most layouts align something, so equality says something.
    expect(aligned).toBeGreaterThan(100);
  });

  it('align the same when only paragraphs sharing two rare words with the other side are cut (a large scan)', () => {
    const docs = [wire, rewrite];
    // Both documents' paragraphs numbered one after the other, each one's rare words found in order (slot k is paragraph k).
    const paragraphTokens = docs.flatMap((doc) => Array.from({ length: doc.count }, (_, i) => tokens(doc, i)));
    const rare = new RareWordCache(paragraphTokens.length, (k) => paragraphTokens[k]!, (word) => weights(word) >= RARE_WEIGHT && !stop.has(word));
    paragraphTokens.forEach((_, k) => rare.slot(k));
    const finder = new RarePairFinder();
    const full: Ranges = [[0, rewrite.count - 1]];
    let narrowed = 0;
    for (const ranges of regionSets(wire.count)) {
      const entriesA = layoutRegions(ranges, hasUnits(wire), MAX_GAP);
      const entriesB = layoutRegions(full, hasUnits(rewrite), MAX_GAP);
      const [activeA, activeB] = finder.find(entriesA, entriesB, (side, i) => (side === 0 ? i : wire.count + i), rare);
      const expected = alignParagraphs(aligner, wholeA, wholeRanges(wholeA, ranges), wholeB, wholeRanges(wholeB, full), wordsA, wordsB, weights);
      if (activeA.size === 0) {
        expect(expected).toEqual([]);
        continue;
      }
      const sideA = paragraphUnits(wire).assemble(0, narrowLayout(entriesA, activeA, hasUnits(wire), MAX_GAP));
      const sideB = paragraphUnits(rewrite).assemble(0, narrowLayout(entriesB, activeB, hasUnits(rewrite), MAX_GAP));
      expect(alignParagraphs(aligner, sideA.units, sideA.ranges, sideB.units, sideB.ranges, wordsA, wordsB, weights), JSON.stringify(ranges)).toEqual(expected);
      if (sideB.units.count < wholeB.count) narrowed++;
    }
    // Narrowing happened: some layouts cut fewer units than the whole reprint holds.
    expect(narrowed).toBeGreaterThan(10);
  });
});

describe('rareContentTest', () => {
  it('is true exactly for words in no more documents than a rare word can be, stop words left out', () => {
    const table = new DocumentFrequency();
    // Word w (1 to 60) is in the first w of 400 sampled documents; stop words 5 and 7 among them.
    for (let word = 1; word <= 60; word++) for (let doc = 0; doc < word; doc++) table.see(word, doc);
    const frequencies = { table, sampled: 400 };
    const maxCount = rareMaxCount(400);
    // Below 1,000 documents, at most RARE_MIN_DOCUMENTS (5); from there 0.5% of them.
    expect(maxCount).toBe(RARE_MIN_DOCUMENTS);
    expect([rareMaxCount(200), rareMaxCount(999), rareMaxCount(4000), rareMaxCount(19_043)]).toEqual([5, 5, 20, 95]);
    const isRare = rareContentTest(frequencies, [5, 7]);
    for (let word = 0; word <= 61; word++) {
      const count = table.count(word);
      expect(isRare(word), `word ${word} in ${count} documents`).toBe(Math.max(1, count) <= maxCount && word !== 5 && word !== 7);
    }
  });
});
