/**
 * The rewrite stage gives the same report however its work is shared out (core/rewrite/stage.ts,
 * RewriteHelpers): on this thread alone, split into shares that are copied as a message would
 * copy them, and on a real helper thread (engine/rewrite-pool.ts). The corpus is made here:
 * articles and reworded copies of them (each sentence's words reordered, a word changed), enough
 * of them for the alignment to be shared out and for scan-wide word weights (a large scan).
 */
import { describe, expect, it } from 'vitest';
import { random as seeded } from '../helpers/articles.js';
import { analyse, createSigner, resolveOptions, type PreparedDocument } from '../../src/core/index.js';
import { collectVariants, contentRanks, orderDocuments } from '../../src/core/scan/variants.js';
import { findCandidates, verifyCandidates } from '../../src/core/scan/edges.js';
import { findNoise } from '../../src/core/scan/noise.js';
import { runAlignJob } from '../../src/core/rewrite/align-job.js';
import { channelInput, channelPairs, channelSource, COMMON_MIN_DOCUMENTS, COMMON_SAMPLE, commonWords, readChannelInput, scanFrequencies } from '../../src/core/rewrite/channel.js';
import { stopTokens } from '../../src/core/rewrite/stopwords.js';
import type { Corpus } from '../../src/core/model.js';
import { findRewordedPairs, ON_THIS_THREAD, SHARE_MIN_CANDIDATES, startRewrite, type RewriteHelpers } from '../../src/core/rewrite/stage.js';
import { RewritePool } from '../../src/engine/rewrite-pool.js';

const options = resolveOptions();
// 400 documents: a word found in an article and its copy only is rare (RARE_SHARE) from 400 on.
const PAIRS = 200;


/** Articles and their reworded copies: 2 * PAIRS documents of six paragraphs of two sentences. */
function rewordedCorpus(): Array<{ id: string; text: string }> {
  const random = seeded(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = (): string => Array.from({ length: 5 + Math.floor(random() * 5) }, () => pick([...'abcdefghiklmnoprstuvwy'])).join('');
  const general = Array.from({ length: 300 }, word);
  const stopWords = ['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'with', 'was'];
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const sentence = (words: string[]): string => `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
  const docs: Array<{ id: string; text: string }> = [];
  for (let d = 0; d < PAIRS; d++) {
    const topic = Array.from({ length: 40 }, word);
    const original: string[][][] = Array.from({ length: 6 }, () =>
      Array.from({ length: 2 }, () => shuffle([...Array.from({ length: 6 }, () => pick(topic)), pick(general), pick(general), pick(general), ...Array.from({ length: 3 }, () => pick(stopWords))])),
    );
    const reworded = original.map((paragraph) => paragraph.map((words) => shuffle([...words.slice(1), word()])));
    const text = (paragraphs: string[][][]): string => paragraphs.map((p) => p.map(sentence).join(' ')).join('\n\n') + '\n';
    docs.push({ id: `wire/${String(d).padStart(3, '0')}.txt`, text: text(original) });
    docs.push({ id: `reprint/${String(d).padStart(3, '0')}.txt`, text: text(reworded) });
  }
  return docs;
}

/** Helpers on this thread that split the alignment into three shares and copy every message, as postMessage would. */
const splitting: RewriteHelpers = {
  threads: 2,
  channelPairs: (source) => Promise.resolve(structuredClone(channelPairs(readChannelInput(structuredClone(channelInput(source)))))),
  align: (job) => Promise.resolve(structuredClone(runAlignJob(structuredClone(job)))),
};

const channelSourceOf = (corpus: Corpus) => channelSource(corpus, scanFrequencies(corpus), stopTokens(options.seed), options.seed);

describe('the rewrite stage shared out', async () => {
  const signer = await createSigner(options);
  const prepared: PreparedDocument[] = rewordedCorpus().map((doc) => signer.prepare(doc));
  const reportWith = async (helpers: RewriteHelpers | undefined): Promise<string> =>
    JSON.stringify((await analyse(prepared, options, [], { wordOps: true, ...(helpers ? { helpers } : {}) })).analysis.report());

  it('finds reworded copies in the made-up corpus, with enough candidates to share out, in a large scan', async () => {
    const corpus = collectVariants(orderDocuments(prepared).docs);
    const edges = verifyCandidates(corpus, findCandidates(corpus, options.bands), options);
    const found = await findRewordedPairs(corpus, edges, findNoise(corpus), options.minWords, options.seed, startRewrite(corpus, options.seed, ON_THIS_THREAD, contentRanks(corpus)), ON_THIS_THREAD);
    expect(prepared.length).toBeGreaterThanOrEqual(COMMON_MIN_DOCUMENTS);
    expect(found.candidates).toBeGreaterThanOrEqual(SHARE_MIN_CANDIDATES);
    expect(found.pairs.length).toBeGreaterThan(PAIRS);
  });

  it('refuses work, rather than waiting for ever, once a helper has stopped', async () => {
    const pool = new RewritePool(1);
    const corpus = collectVariants(orderDocuments(prepared.slice(0, 4)).docs);
    const input = () => channelSourceOf(corpus);
    await (pool as unknown as { workers: Array<{ terminate(): Promise<number> }> }).workers[0]!.terminate();
    await expect(pool.channelPairs(input())).rejects.toThrow(/rewrite helper stopped/);
    await pool.close();
    await expect(pool.channelPairs(input())).rejects.toThrow();
  });

  it('counts the scan\'s common words on the same documents whatever they are called', async () => {
    // Over COMMON_SAMPLE * 2 documents only every other one is counted. "zeta" is in every other
    // document by name: counted in name order, it was in all or none of those counted.
    const count = COMMON_SAMPLE * 2 + 200;
    const texts = Array.from({ length: count }, (_, i) => `Item ${i} was filed by clerk number ${i * 7}${i % 2 === 0 ? ' with zeta' : ''}.`);
    const common = (name: (i: number) => string): number[] => {
      const corpus = collectVariants(orderDocuments(texts.map((text, i) => signer.prepare({ id: name(i), text }))).docs);
      return commonWords(scanFrequencies(corpus), stopTokens(options.seed)).sort((x, y) => x - y);
    };
    const forward = common((i) => String(i).padStart(5, '0'));
    expect(forward.length).toBeGreaterThan(0);
    expect(common((i) => String(count - 1 - i).padStart(5, '0'))).toEqual(forward);
  });

  it('gives the same report on this thread, in copied shares and on a helper thread', async () => {
    const alone = await reportWith(undefined);
    expect(JSON.parse(alone).summary.rewordedPairs).toBeGreaterThan(PAIRS);
    expect(await reportWith(splitting)).toBe(alone);
    const pool = new RewritePool(1);
    try {
      expect(await reportWith(pool)).toBe(alone);
    } finally {
      await pool.close();
    }
  });
});
