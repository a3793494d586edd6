/**
 * Sentence units for passage alignment (core/rewrite/units.ts): a paragraph is cut into its
 * sentences, short ones joined to the next, each with its content words and its figures.
 */
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions } from '../../src/core/index.js';
import { documentUnits, MIN_UNIT_WORDS, type Units } from '../../src/core/rewrite/units.js';
import { stopTokens } from '../../src/core/rewrite/stopwords.js';

const options = resolveOptions();

async function unitsOf(text: string): Promise<Units> {
  const signer = await createSigner(options);
  return documentUnits(signer.prepare({ id: 'a.txt', text }), stopTokens(options.seed));
}

const figures = (units: Units, u: number): number => units.numberAt[u + 1]! - units.numberAt[u]!;

describe('sentence units', () => {
  it('cut a paragraph into its sentences, a sentence under MIN_UNIT_WORDS words joined to the next, every word in one unit', async () => {
    const units = await unitsOf('The council met on Tuesday evening. It voted. The bridge will close for repairs in March.\n');
    expect(MIN_UNIT_WORDS).toBe(4);
    expect(units.count).toBe(2);
    expect([...units.words]).toEqual([6, 10]);
    expect([...units.paragraph]).toEqual([0, 0]);
  });

  it('keep content words only, sorted and distinct', async () => {
    const units = await unitsOf('The bridge and the bridge of the river.\n');
    const content = [...units.content.subarray(units.contentAt[0]!, units.contentAt[1]!)];
    expect(content).toHaveLength(2);
    expect(content).toEqual([...content].sort((a, b) => a - b));
  });

  it('read the figures of a short paragraph, digits and what NFKC turns into digits', async () => {
    expect(figures(await unitsOf('Talks resume on 12 March.\n'), 0)).toBe(1);
    expect(figures(await unitsOf('Talks resume in ㋀ again.\n'), 0)).toBe(1);
    expect(figures(await unitsOf('Talks resume in March again.\n'), 0)).toBe(0);
  });
});
