/**
 * Documents ranked by content (core/scan/variants.ts, contentRanks): the order the stages pick
 * documents in where names must not matter.
 */
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions } from '../../src/core/index.js';
import type { Corpus, PreparedDocument } from '../../src/core/model.js';
import { collectVariants, contentRanks, orderDocuments } from '../../src/core/scan/variants.js';

describe('contentRanks', () => {
  it('ranks the same texts the same way whatever the documents are called', async () => {
    const signer = await createSigner(resolveOptions());
    const texts = ['A wire story about a flood barrier.', 'A council approves its budget.', 'Troops are sent to the front.', 'A bakery closes after fifty years.'];
    const ranked = (name: (i: number) => string): string[] => {
      const corpus = collectVariants(orderDocuments(texts.map((text, i) => signer.prepare({ id: name(i), text }))).docs);
      const rank = contentRanks(corpus);
      // Each document named "<name>|<which text>": the ranks listed by text.
      return [...corpus.docs.keys()].sort((x, y) => rank[x]! - rank[y]!).map((d) => corpus.docs[d]!.id.split('|')[1]!);
    };
    const forward = ranked((i) => `a${i}|${i}`);
    expect(ranked((i) => `${9 - i}|${i}`)).toEqual(forward);
  });

  it('ranks 200,000 documents of one text (a tie that once overflowed the stack)', () => {
    const count = 200_000;
    const empty = { count: 0 } as PreparedDocument;
    const corpus = { docs: Array.from({ length: count }, () => empty), contentHash: new Uint32Array(count) } as unknown as Corpus;
    const rank = contentRanks(corpus);
    expect(rank[0]).toBe(0);
    expect(rank[count - 1]).toBe(count - 1);
  });
});
