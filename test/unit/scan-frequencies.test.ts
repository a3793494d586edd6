/**
 * A scan's word frequencies count each text once (core/rewrite/channel.ts, countingTextsOnce):
 * copies of a document, word for word or under a headline of their own, add no document to the
 * count of the words they copy, so a story's names stay as rare however often it was carried.
 */
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions, type PreparedDocument } from '../../src/core/index.js';
import { collectVariants, contentRanks, orderDocuments } from '../../src/core/scan/variants.js';
import { findNoise } from '../../src/core/scan/noise.js';
import { COMMON_SAMPLE, countingTextsOnce, sampledDocument, scanFrequencies, type ScanFrequencies } from '../../src/core/rewrite/channel.js';
import { nearCopies } from '../../src/core/rewrite/copied-pairs.js';
import type { Corpus } from '../../src/core/model.js';
import { tokens } from '../../src/core/document.js';
import { random as seeded } from '../helpers/articles.js';

const options = resolveOptions();

/** `count` articles of four paragraphs of 25 made-up words each, every word its article's own but for a few shared ones. */
function articles(count: number): Array<{ id: string; text: string }> {
  const random = seeded(5);
  const word = (): string => Array.from({ length: 6 }, () => 'abcdefghiklmnoprstuvwy'[Math.floor(random() * 22)]!).join('');
  const shared = Array.from({ length: 50 }, word);
  return Array.from({ length: count }, (_, d) => {
    const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 25 }, (_, k) => (k % 5 === 0 ? shared[Math.floor(random() * shared.length)]! : word())).join(' ') + '.');
    return { id: `a/${String(d).padStart(3, '0')}.txt`, text: `Headline ${word()} ${word()}\n\n${paragraphs.join('\n\n')}\n` };
  });
}

async function corpusOf(docs: Array<{ id: string; text: string }>): Promise<Corpus> {
  const signer = await createSigner(options);
  const prepared: PreparedDocument[] = docs.map((doc) => signer.prepare(doc));
  return collectVariants(orderDocuments(prepared).docs);
}

async function frequenciesOf(docs: Array<{ id: string; text: string }>): Promise<{ corpus: Corpus; frequencies: ScanFrequencies }> {
  const corpus = await corpusOf(docs);
  const rank = contentRanks(corpus);
  return { corpus, frequencies: scanFrequencies(corpus, nearCopies(corpus, findNoise(corpus), rank))! };
}

/** Every word's count, sorted by word. */
function counts(frequencies: ScanFrequencies): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  frequencies.table.forEach((word, documents) => out.push([word, documents]));
  return out.sort((x, y) => x[0] - y[0]);
}

describe('word frequencies over texts, each once', () => {
  const base = articles(240);
  const headlineOf = (text: string): string => text.slice(0, text.indexOf('\n'));

  it('are the same with copies of an article added, word for word', async () => {
    const alone = await frequenciesOf(base);
    const copied = await frequenciesOf([...base, { id: 'b/copy-1.txt', text: base[7]!.text }, { id: 'b/copy-2.txt', text: base[7]!.text }]);
    expect(counts(copied.frequencies)).toEqual(counts(alone.frequencies));
    // The documents counted: the shares that make a word rare are of the scan's documents.
    expect(copied.frequencies.sampled).toBe(alone.frequencies.sampled + 2);
  });

  it("count a near copy's own headline, and its copied words once", async () => {
    const alone = await frequenciesOf(base);
    const text = base[7]!.text;
    const nearCopy = `Outlet zzqqxx report\n${text.slice(text.indexOf('\n'))}`;
    const copied = await frequenciesOf([...base, { id: 'b/near.txt', text: nearCopy }]);
    const changed = new Map(counts(copied.frequencies));
    // The copied words: as before. The new headline's words not in the article: one document more each.
    const article = new Set(await wordsOf(text));
    const added = (await wordsOf(`${headlineOf(nearCopy)}\n`)).filter((word) => !article.has(word));
    expect(added).toHaveLength(3);
    for (const [word, documents] of counts(alone.frequencies)) expect(changed.get(word)).toBe(added.includes(word) ? documents + 1 : documents);
    for (const word of added) expect(changed.get(word)).toBe((new Map(counts(alone.frequencies)).get(word) ?? 0) + 1);
    expect(copied.frequencies.sampled).toBe(alone.frequencies.sampled + 1);
  });

  it('count every document when none is a copy', async () => {
    const { corpus, frequencies } = await frequenciesOf(base);
    const plain = scanFrequencies(corpus)!;
    expect(counts(frequencies)).toEqual(counts(plain));
    expect(countingTextsOnce(plain, corpus, Int32Array.from(corpus.docs, (_, d) => d), () => true)).toBe(plain);
  });
});

describe('the documents a large scan counts', () => {
  it('are picked each by its own content: one document more changes no other count but its words', async () => {
    // Two documents in three past 2 * COMMON_SAMPLE: one in two is counted.
    const base = articles(2 * COMMON_SAMPLE + 100).map((doc) => ({ id: doc.id, text: doc.text.slice(0, doc.text.indexOf('\n\n', doc.text.indexOf('\n\n') + 2)) }));
    const before = await frequenciesOf(base);
    expect(before.frequencies.sampled).toBeGreaterThan(0.4 * base.length);
    expect(before.frequencies.sampled).toBeLessThan(0.6 * base.length);
    // Documents added until one is counted: every count before stays, but for the added one's words.
    for (let extra = 0; extra < 20; extra++) {
      const added = { id: `b/${extra}.txt`, text: `Added story ${extra}\n\nqqzz${extra} wwkk${extra} and more words that are new here.\n` };
      const after = await frequenciesOf([...base, added]);
      const addedWords = new Set(await wordsOf(added.text));
      const changed = new Map(counts(after.frequencies));
      for (const [word, documents] of counts(before.frequencies)) {
        if (!addedWords.has(word)) expect(changed.get(word)).toBe(documents);
      }
      if (after.frequencies.sampled === before.frequencies.sampled + 1) return;
      expect(after.frequencies.sampled).toBe(before.frequencies.sampled);
    }
    throw new Error('none of 20 added documents was counted');
  });

  it('are all of them under 2 * COMMON_SAMPLE, and about one in `step` above', () => {
    expect([0, 1, 2, 0xffffffff].every((hash) => sampledDocument(hash, 1))).toBe(true);
    const picked = Array.from({ length: 10_000 }, (_, k) => sampledDocument(k, 4)).filter(Boolean).length;
    expect(picked).toBeGreaterThan(2_300);
    expect(picked).toBeLessThan(2_700);
  });
});

/** The token hashes of a text, as a scan counts them. */
async function wordsOf(text: string): Promise<number[]> {
  const corpus = await corpusOf([{ id: 'x.txt', text }]);
  const doc = corpus.docs[0]!;
  const words: number[] = [];
  for (let i = 0; i < doc.count; i++) words.push(...tokens(doc, i));
  return words;
}
