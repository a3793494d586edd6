/**
 * The template-family rule of thorough rewording (core/rewrite/families.ts): a pair only the
 * second alignment found is dropped when a side is paired with paragraphs of FAMILY_MIN_DOCUMENTS
 * or more other documents, unless its paragraphs share enough rare words; the first alignment's
 * pairs are never dropped.
 */
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/model.js';
import { FAMILY_MIN_DOCUMENTS, withoutTemplateLines, type FoundPair } from '../../src/core/rewrite/families.js';

/** Paragraph k is variant k, alone in document k: all withoutTemplateLines reads of a corpus. */
function corpusOf(paragraphs: number): Corpus {
  const numbers = Int32Array.from({ length: paragraphs }, (_, k) => k);
  return { variantOf: numbers, paragraphDoc: numbers } as unknown as Corpus;
}

function pair(a: number, b: number, secondOnly: boolean): FoundPair {
  return { a, b, p: b, q: a, secondOnly };
}

const noRareWords = (): number => 0;

describe('withoutTemplateLines', () => {
  it('drops the second alignment pairs of a line paired across a family of documents', () => {
    expect(FAMILY_MIN_DOCUMENTS).toBe(3);
    const family = [pair(0, 1, true), pair(0, 2, true), pair(0, 3, true)];
    expect(withoutTemplateLines(corpusOf(4), family, noRareWords, 2)).toEqual([]);
  });

  it('keeps pairs of fewer documents, the first alignment pairs, and pairs sharing rare words', () => {
    const two = [pair(0, 1, true), pair(0, 2, true)];
    expect(withoutTemplateLines(corpusOf(3), two, noRareWords, 2)).toEqual(two);
    const mixed = [pair(0, 1, false), pair(0, 2, true), pair(0, 3, true)];
    expect(withoutTemplateLines(corpusOf(4), mixed, noRareWords, 2)).toEqual([pair(0, 1, false)]);
    const named = (p: number, q: number): number => (p + q === 3 ? 2 : 0);
    expect(withoutTemplateLines(corpusOf(4), mixed, named, 2)).toEqual([pair(0, 1, false), pair(0, 3, true)]);
  });

  it('reads which paragraph is which variant, either way round', () => {
    const swapped = (a: number, b: number): FoundPair => ({ a, b, p: a, q: b, secondOnly: true });
    const family = [swapped(0, 1), swapped(0, 2), swapped(0, 3)];
    expect(withoutTemplateLines(corpusOf(4), family, noRareWords, 2)).toEqual([]);
    expect(withoutTemplateLines(corpusOf(3), family.slice(0, 2), noRareWords, 2)).toEqual(family.slice(0, 2));
  });

  it('counts documents, not paragraphs: one document of the family paired three times is one', () => {
    const corpus = { variantOf: Int32Array.of(0, 1, 2, 3), paragraphDoc: Int32Array.of(0, 1, 1, 1) } as unknown as Corpus;
    const pairs = [pair(0, 1, true), pair(0, 2, true), pair(0, 3, true)];
    expect(withoutTemplateLines(corpus, pairs, noRareWords, 2)).toEqual(pairs);
  });
});
