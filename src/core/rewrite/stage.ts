/**
 * The rewrite stage (issue 11): reworded paragraphs found by passage alignment join the
 * verified pairs, so that they are `edited`, cluster and link their documents like any edit.
 *
 *   channel.ts    candidate document pairs from content-word MinHash/LSH (order-free, robust to rewording)
 *   align-job.ts  alignment of candidate pairs as a job of plain data (on this thread or a helper)
 *   units.ts      the sentences of the paragraphs around the channel's hits, with their content words (once per paragraph of a job)
 *   rare-pairs.ts in a large scan, only paragraphs sharing two rare words with the other side are cut and seeded
 *   passages.ts   seed and extend over sentences (Sanchez-Perez et al. 2014): aligned paragraphs
 *   copied-pairs.ts  pairs already one story by copied paragraphs (a partly reworded copy), aligned as a pair
 *   families.ts   `--reworded thorough`'s second alignment, less the lines of template families
 *
 * It runs only where there are candidates (the channel's, or pairs of documents sharing copied
 * paragraphs): a scan whose documents share no content words beyond chance aligns nothing. An
 * aligned pair becomes a `reworded` edge unless its two
 * paragraphs are the same text or already a verified pair; its measures are the Jaccard
 * similarity of the two paragraphs' content words and, for each, the share of its words
 * aligned with the other (classify.ts, REWORDED_MIN_COVER, decides when that makes it edited).
 */
import { isChrome, paragraphTexts, text, tokens } from '../document.js';
import { refutedByNames, sameNames, storyNames } from '../text/names.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { commonInRanges, overlap } from '../matching/overlap.js';
import { alignJobSource, buildAlignJob, runAlignJob, type AlignCandidate, type AlignJob, type AlignJobSource, type AlignOutcome } from './align-job.js';
import { channelPairs, channelSource, matchedVariants, rewordingCandidates, scanFrequencies, type ChannelPairs, type ChannelSource, type ScanFrequencies } from './channel.js';
import { contentWords, stopTokens, type TokenSet } from './stopwords.js';
import { withoutTemplateLines, type FoundPair } from './families.js';
import { SEED_MIN_RARE } from './passages.js';
import { copiedStoryPairs } from './copied-pairs.js';
import type { RareWordCache } from './rare-pairs.js';

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
  /** Reworded pairs of paragraph variants found. */
  rewordedPairs: number;
}

/** Distinct content words of paragraph p (sorted). */
function contentSet(corpus: Corpus, p: number, stop: TokenSet): Uint32Array {
  const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
  const i = corpus.paragraphIndex[p]!;
  return isChrome(doc, i) ? new Uint32Array(0) : contentWords(tokens(doc, i), stop);
}

/**
 * Whether variant v has a paragraph in document `doc`: a binary search of its members, which are
 * in paragraph order (scan/variants.ts), for the document's first paragraph or a later one (a
 * site footer's variant has a member on every page).
 */
function inDocument(corpus: Corpus, v: number, doc: number): boolean {
  const { variants, paragraphDoc, firstParagraphOf } = corpus;
  const sole = variants.soleDocument[v]!;
  if (sole >= 0) return sole === doc;
  const first = firstParagraphOf[doc]!;
  let [lo, hi] = [variants.memberStart[v]!, variants.memberStart[v + 1]!];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (variants.members[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  return lo < variants.memberStart[v + 1]! && paragraphDoc[variants.members[lo]!] === doc;
}

/**
 * A reworded pair looser than this (the Jaccard similarity of its paragraphs' content words) is
 * left out when one paragraph's text is also in the other's own document (mergeRuns): a
 * headline sums up its own lede at about 0.3 (fixtures/headline-and-own-lede: 0.31, BBC's
 * sport/471: 0.30), while a write-through's new lede retold from the old one it keeps below
 * shares most of its words with it (0.68: a reviewer's UPDATE 1 of a Reuters brief) and is still
 * reworded from the brief.
 */
export const OWN_TEXT_MAX_JACCARD = 0.5;

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

/** Paragraph ranges [from, to] around the given paragraphs, merged where they overlap, within a document of `count` paragraphs. */
function regions(paragraphs: readonly number[], count: number): Array<[number, number]> {
  const sorted = [...new Set(paragraphs)].sort((x, y) => x - y);
  const out: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - WINDOW_PARAGRAPHS <= last[1] + 1) last[1] = p + WINDOW_PARAGRAPHS;
    else out.push([p - WINDOW_PARAGRAPHS, p + WINDOW_PARAGRAPHS]);
  }
  // Merged before clamping, so that regions are separated by the same paragraphs as before.
  return out.map(([from, to]): [number, number] => [Math.max(0, from), Math.min(count - 1, to)]);
}

/**
 * The whole of a document of `count` paragraphs as one region: what a scan of fewer than
 * COMMON_MIN_DOCUMENTS documents aligns (no scan frequencies). Regions save time in a large
 * scan, where words are weighed by the scan's frequencies whatever is aligned; in a small one
 * they are weighed over the units aligned (tf-isf, passages.ts), so aligning regions weighed
 * them otherwise than `dedupe diff` of the same two files, and the two disagreed (a new user's
 * retold copy: its lede edited in the diff, unique in the scan). Aligned whole, PAN's pairs
 * (each scanned on its own) gained recall: folder 03's F1 0.731 -> 0.772, 04's 0.735 -> 0.781.
 */
function whole(count: number): Array<[number, number]> {
  return [[0, count - 1]];
}

/**
 * Documents of more paragraphs than this are aligned around the channel's hits even in a small
 * scan: seeding two whole documents costs about the product of their lengths (two of 8,000
 * paragraphs took 2.7 s more whole than in regions; review). PAN's documents, news and COUNTER's
 * stories are far shorter.
 */
export const WHOLE_MAX_PARAGRAPHS = 2000;

/** Whether two documents of these sizes are short enough to align whole (WHOLE_MAX_PARAGRAPHS). */
function fitsWhole(countA: number, countB: number): boolean {
  return countA <= WHOLE_MAX_PARAGRAPHS && countB <= WHOLE_MAX_PARAGRAPHS;
}

/** Whether a candidate pair of documents of these sizes is aligned whole (see `whole`): in a small scan. */
function alignsWhole(start: RewriteStart, countA: number, countB: number): boolean {
  return start.frequencies === null && fitsWhole(countA, countB);
}

/**
 * Threads the stage can hand work to (the engine's, engine/rewrite-pool.ts). The channel's
 * pairs and the alignment are pure functions of plain data (channel.ts channelPairs,
 * align-job.ts runAlignJob), so they give the same results on any thread.
 */
export interface RewriteHelpers {
  /** Threads besides this one that take a share of the alignment (0: none). */
  readonly threads: number;
  /** Signs the channel's variants and finds its pairs (channel.ts, channelPairs). */
  channelPairs(source: ChannelSource): Promise<ChannelPairs>;
  align(job: AlignJob): Promise<AlignOutcome>;
}

/** Everything on the calling thread. */
export const ON_THIS_THREAD: RewriteHelpers = {
  threads: 0,
  channelPairs: (source) => Promise.resolve(channelPairs(source)),
  align: (job) => Promise.resolve(runAlignJob(job)),
};

/** The stage once started (startRewrite): the channel's pairs on their way, or to be found when asked for. */
export interface RewriteStart {
  frequencies: ScanFrequencies | null;
  /** The channel's pairs; `matched` (matchedVariants) lets a channel signed on this thread skip the pairs the stage drops. */
  channel: (matched: Uint8Array) => Promise<ChannelPairs>;
  /** Per document: its place in content order (scan/variants.ts, contentRanks). */
  rank: Int32Array;
  /** `--reworded thorough` in a large scan (frequencies known): candidates are aligned a second time (families.ts). */
  thorough: boolean;
  /** Per document, its text (copied-pairs.ts nearCopies), when the caller has found them. */
  texts?: Int32Array;
}

/**
 * Starts the stage as soon as the variants are known: the channel's signing, banding and
 * grading need nothing else, so on a helper thread they run while this thread finds and
 * verifies the shingle channel's pairs. Without helpers they wait until the stage asks for
 * them: on one thread nothing is gained by starting early, and the channel's arrays (its band
 * keys, 17 MB on PAN) were live beside the shingle channel's, raising the scan's peak memory;
 * one after the other, the second reuses the memory the first freed.
 */
export function startRewrite(
  corpus: Corpus,
  seed: number,
  helpers: RewriteHelpers,
  rank: Int32Array,
  given?: ScanFrequencies | null,
  thorough = false,
  texts?: Int32Array,
): RewriteStart {
  // Given (check: the archive's and the batch's, checkFrequencies), or counted on the scan's own documents.
  const frequencies = given === undefined ? scanFrequencies(corpus) : given;
  // A small scan already aligns as the second alignment would: thorough changes nothing there.
  const inLargeScan = thorough && frequencies !== null;
  const find = (matched?: Uint8Array): Promise<ChannelPairs> => helpers.channelPairs(channelSource(corpus, frequencies, stopTokens(seed), seed, matched));
  if (helpers.threads === 0) return { frequencies, channel: find, rank, thorough: inLargeScan, texts };
  const channel = find();
  // A failure is reported where the pairs are awaited, not as an unhandled rejection meanwhile.
  channel.catch(() => undefined);
  return { frequencies, channel: () => channel, rank, thorough: inLargeScan, texts };
}

/**
 * Below this many candidate pairs the alignment is not shared out: sending the work costs more
 * than it saves.
 */
export const SHARE_MIN_CANDIDATES = 64;

/** Splits candidates into `parts` runs of about equal work (paragraphs in their regions), in order: [from, to) each. */
function shares(candidates: readonly AlignCandidate[], parts: number): Array<[number, number]> {
  const cost = candidates.map((c) => [...c.regionsA, ...c.regionsB].reduce((sum, [from, to]) => sum + to - from + 1, 0));
  const total = cost.reduce((sum, c) => sum + c, 0);
  const out: Array<[number, number]> = [];
  let from = 0;
  let done = 0;
  for (let k = 0; k < candidates.length; k++) {
    done += cost[k]!;
    if (done >= (total * (out.length + 1)) / parts && out.length < parts - 1) {
      out.push([from, k + 1]);
      from = k + 1;
    }
  }
  out.push([from, candidates.length]);
  return out.filter(([x, y]) => y > x);
}

/** How many rare words of the scan (RareWordCache: the seeds' rare content words) paragraphs p and q share. */
function sharedRareWords(rare: RareWordCache): (p: number, q: number) => number {
  return (p, q) => {
    const [sp, sq] = [rare.slot(p), rare.slot(q)];
    // Read after both slots are found: finding one may grow the arrays.
    return commonInRanges(rare.words, rare.at[sp]!, rare.at[sp + 1]!, rare.words, rare.at[sq]!, rare.at[sq + 1]!);
  };
}

/** The key of the pair of stories holding paragraphs p and q (lower story first). */
function storyKey(noise: Noise, p: number, q: number): number {
  const [sx, sy] = [noise.storyOf[p]!, noise.storyOf[q]!];
  return Math.min(sx, sy) * noise.stories.length + Math.max(sx, sy);
}

/**
 * One alignment's outcome for candidates [from, to): the first (the scan's weights), or a second
 * one as a scan of two documents aligns (thorough's, families.ts, or of partly reworded copies,
 * copied-pairs.ts), whose pairs the template-family rule filters.
 */
interface AlignRun {
  range: [number, number];
  outcome: AlignOutcome;
  second: boolean;
  /** The candidates `range` indexes. */
  candidates: readonly AlignCandidate[];
  /** What the run aligned with (a scan's, or as a scan of two documents aligns: refuteByNames aligns again with it). */
  source: AlignJobSource;
  /** Candidates whose alignment here is left out (refuteByNames aligned them again). */
  skip?: ReadonlySet<number>;
}

/**
 * The runs, with each candidate that was aligned with figures free to differ (figuresFree) and
 * paired a paragraph that swaps a name for another (text/names.ts, refutedByNames) aligned again
 * with figures that must agree: its two documents were taken for one story by their copied
 * paragraphs and names, but a lede filled in for another issuer says they are a template's
 * (two eurobond notices with one lead manager; a review).
 */
function refuteByNames(corpus: Corpus, runs: readonly AlignRun[]): AlignRun[] {
  const out: AlignRun[] = [];
  for (const run of runs) {
    const { range: [from, to], outcome, candidates } = run;
    const refuted: AlignCandidate[] = [];
    const skip = new Set<number>();
    for (let k = from; k < to; k++) {
      const candidate = candidates[k]!;
      if (!candidate.figuresFree) continue;
      const [docA, docB] = [corpus.docs[candidate.a]!, corpus.docs[candidate.b]!];
      for (let x = outcome.alignedAt[k - from]!; x < outcome.alignedAt[k - from + 1]!; x++) {
        if (!refutedByNames(text(docA, outcome.a[x]!), text(docB, outcome.b[x]!))) continue;
        skip.add(k);
        refuted.push({ ...candidate, figuresFree: false });
        break;
      }
    }
    if (skip.size === 0) {
      out.push(run);
      continue;
    }
    out.push({ ...run, skip });
    out.push({ range: [0, refuted.length], outcome: runAlignJob(buildAlignJob(run.source, refuted, 0, refuted.length)), second: run.second, candidates: refuted, source: run.source });
  }
  return out;
}

/**
 * Partly reworded copies (copied-pairs.ts): document pairs already one story by copied
 * paragraphs, to align as a scan of two documents aligns them; none that the channel's
 * `candidates` already align so (a small scan, and the thorough mode's second alignment).
 */
function copiedCandidates(corpus: Corpus, noise: Noise, matched: Uint8Array, minWords: number, stop: TokenSet, start: RewriteStart, candidates: AlignCandidate[]): AlignCandidate[] {
  const docCount = corpus.docs.length;
  const alignedAsPairs = new Set(start.thorough || start.frequencies === null ? candidates.map((c) => c.a * docCount + c.b) : []);
  const copied = copiedStoryPairs(corpus, noise, start.rank, matched, minWords, stop, start.texts);
  // Two documents that are one story already by copied paragraphs, and name the same places,
  // people and bodies, align with their sentences' figures free to differ: a write-through
  // updates them (passages.ts, figuresDiffer; text/names.ts). The channel's candidates too.
  const names = new Map<number, Set<string>>();
  const namesOf = (d: number): Set<string> => {
    let found = names.get(d);
    if (!found) names.set(d, (found = storyNames(paragraphTexts(corpus.docs[d]!))));
    return found;
  };
  const sameStory = new Set(copied.filter(({ a, b }) => sameNames(namesOf(a), namesOf(b))).map(({ a, b }) => a * docCount + b));
  for (const candidate of candidates) if (sameStory.has(candidate.a * docCount + candidate.b)) candidate.figuresFree = true;
  return copied
    .filter(({ a, b }) => !alignedAsPairs.has(a * docCount + b) && fitsWhole(corpus.docs[a]!.count, corpus.docs[b]!.count))
    .map(({ a, b, unmatchedA, unmatchedB }): AlignCandidate => {
      const [countA, countB] = [corpus.docs[a]!.count, corpus.docs[b]!.count];
      const figuresFree = sameStory.has(a * docCount + b);
      // In a large scan, one side's retold paragraphs in their regions against the other side
      // whole (their sources may be matched elsewhere); both sides whole when both have some,
      // and in a small scan, which aligns every pair whole. (Of the 100 MB bench corpus's 6,828
      // pairs before copied-pairs.ts kept only paragraphs that could be retold, in regions 1.19
      // s, whole 1.49 s.)
      if (start.frequencies === null) return { a, b, regionsA: whole(countA), regionsB: whole(countB), figuresFree };
      if (unmatchedB.length === 0) return { a, b, regionsA: regions(unmatchedA, countA), regionsB: whole(countB), figuresFree };
      if (unmatchedA.length === 0) return { a, b, regionsA: whole(countA), regionsB: regions(unmatchedB, countB), figuresFree };
      return { a, b, regionsA: whole(countA), regionsB: whole(countB), figuresFree };
    });
}

/** Thorough (families.ts): a large scan's candidates aligned again as a scan of two documents aligns them. */
function thoroughRun(corpus: Corpus, asPair: AlignJobSource, candidates: readonly AlignCandidate[]): AlignRun {
  // Whole documents, as a small scan aligns them (alignsWhole): on PAN 01 and 03's documents
  // in one scan, F1 0.599 in the channel's regions, 0.668 whole, for 85 more Reuters links.
  const asPairs = candidates.map((c): AlignCandidate => {
    const [countA, countB] = [corpus.docs[c.a]!.count, corpus.docs[c.b]!.count];
    return fitsWhole(countA, countB) ? { ...c, regionsA: whole(countA), regionsB: whole(countB) } : c;
  });
  return { range: [0, candidates.length], outcome: runAlignJob(buildAlignJob(asPair, asPairs, 0, asPairs.length)), second: true, candidates: asPairs, source: asPair };
}

/**
 * The reworded pairs of variants the alignment runs found, each once (the best-covered
 * alignment of a pair kept), and the story pairs of the first alignment's pairs. A pair is left
 * out when its paragraphs are one variant, too short, in one document only, already verified by
 * the shingle channel, or loose (OWN_TEXT_MAX_JACCARD) with one's text in the other's document.
 */
function mergeRuns(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, stop: TokenSet, runs: readonly AlignRun[]): { found: Map<number, RewordedPair & FoundPair>; storyKeys: Set<number> } {
  const storyKeys = new Set<number>();
  const { variantOf, words, firstParagraphOf, variants } = corpus;
  const found = new Map<number, RewordedPair & FoundPair>();
  for (const { range: [from, to], outcome, second, candidates: aligned, skip } of runs) {
    for (let k = from; k < to; k++) {
      if (skip?.has(k)) continue;
      const { a: da, b: db } = aligned[k]!;
      const baseA = firstParagraphOf[da]!;
      const baseB = firstParagraphOf[db]!;
      for (let x = outcome.alignedAt[k - from]!; x < outcome.alignedAt[k - from + 1]!; x++) {
        const [coverA, coverB] = [outcome.coverA[x]!, outcome.coverB[x]!];
        const p = baseA + outcome.a[x]!;
        const q = baseB + outcome.b[x]!;
        // The second alignment's stories are paired by findRewordedPairs, for the pairs the template-family rule keeps.
        if (!second) storyKeys.add(storyKey(noise, p, q));
        const [va, vb] = [variantOf[p]!, variantOf[q]!];
        if (va < 0 || vb < 0 || va === vb || words[p]! < minWords || words[q]! < minWords) continue;
        if (variants.soleDocument[va]! >= 0 && variants.soleDocument[va] === variants.soleDocument[vb]) continue;
        if (isVerified(edges, va, vb)) continue;
        const [lo, hi, coverLo, coverHi] = va < vb ? [va, vb, coverA, coverB] : [vb, va, coverB, coverA];
        const key = lo * variants.count + hi;
        const known = found.get(key);
        // Found by the first alignment, a pair is not the second's alone, whichever measures it keeps.
        const secondOnly = second && (known === undefined || known.secondOnly);
        if (known && known.coverA + known.coverB >= coverLo + coverHi) {
          known.secondOnly = secondOnly;
          continue;
        }
        const jaccard = overlap(contentSet(corpus, p, stop), contentSet(corpus, q, stop)).jaccard;
        // A loose pair one of whose texts the other's own document holds: what the two have in
        // common that document says itself, no reuse across documents. A reprint under its own
        // headline: the wire's headline, which sums up its lede, was aligned with the reprint's
        // copy of that lede and called reworded from it (a new user's run; fixtures/headline-and-own-lede).
        if (jaccard < OWN_TEXT_MAX_JACCARD && (inDocument(corpus, vb, da) || inDocument(corpus, va, db))) continue;
        found.set(key, { a: lo, b: hi, jaccard, coverA: coverLo, coverB: coverHi, p, q, secondOnly });
      }
    }
  }
  return { found, storyKeys };
}

/** Reworded pairs of variants, each once (lower variant first). */
export async function findRewordedPairs(
  corpus: Corpus,
  edges: Edges,
  noise: Noise,
  minWords: number,
  seed: number,
  start: RewriteStart,
  helpers: RewriteHelpers,
): Promise<{ pairs: RewordedPair[]; candidates: number; storyPairs: Array<[number, number]> }> {
  const stop = stopTokens(seed);
  const matched = matchedVariants(corpus, edges);
  const candidates = rewordingCandidates(corpus, matched, await start.channel(matched), start.rank)
    .filter((c) => c.strong || c.hits.length >= 2)
    .map((c): AlignCandidate => {
      const [countA, countB] = [corpus.docs[c.a]!.count, corpus.docs[c.b]!.count];
      const wholePair = alignsWhole(start, countA, countB);
      return {
        a: c.a,
        b: c.b,
        regionsA: wholePair ? whole(countA) : regions(c.hits.map(([pa]) => pa), countA),
        regionsB: wholePair ? whole(countB) : regions(c.hits.map(([, pb]) => pb), countB),
      };
    });
  const copiedAll = copiedCandidates(corpus, noise, matched, minWords, stop, start, candidates);
  // A small scan aligns all its candidates that way: they join them; a large one aligns them apart.
  const copied = start.frequencies === null ? [] : copiedAll;
  if (start.frequencies === null) candidates.push(...copiedAll);
  // Nothing to align: the stage stops here (it runs only where candidates exist).
  if (candidates.length === 0 && copied.length === 0) return { pairs: [], candidates: 0, storyPairs: [] };
  const source = alignJobSource(corpus, noise, start.frequencies, seed);
  // The first share is aligned here, the others on helper threads meanwhile.
  const parts = candidates.length < SHARE_MIN_CANDIDATES ? [[0, candidates.length] as [number, number]] : shares(candidates, helpers.threads + 1);
  const remote = parts.slice(1).map(([from, to]) => {
    const outcome = helpers.align(buildAlignJob(source, candidates, from, to));
    // Caught at once: should a later share fail to be made, an earlier one's rejection (its
    // helper closed) is not left unhandled; failures are reported where the shares are awaited.
    outcome.catch(() => undefined);
    return outcome;
  });
  const [firstFrom, firstTo] = parts[0] ?? [0, 0];
  const first = runAlignJob(buildAlignJob(source, candidates, firstFrom, firstTo));
  // What a scan of two documents aligns with (no scan frequencies, no rare words); the paragraphs with units are the scan's.
  const asPair: AlignJobSource = { ...source, frequencies: null, rare: null };
  // On this thread while helpers align their shares.
  const copiedRun = copied.length > 0 ? runAlignJob(buildAlignJob(asPair, copied, 0, copied.length)) : null;
  const outcomes = [first, ...(await Promise.all(remote))];
  const runs = parts.map((range, part): AlignRun => ({ range, outcome: outcomes[part]!, second: false, candidates, source }));
  if (copiedRun) runs.push({ range: [0, copied.length], outcome: copiedRun, second: true, candidates: copied, source: asPair });
  if (start.thorough) runs.push(thoroughRun(corpus, asPair, candidates));
  const { found, storyKeys } = mergeRuns(corpus, edges, noise, minWords, stop, refuteByNames(corpus, runs));
  let all = [...found.values()];
  // The rare words are the large scan's (alignJobSource made their cache): only a large scan has
  // second alignments (a small one aligns every pair as a scan of two documents already). Copied
  // pairs alone pair a paragraph with at most two other documents (COPIED_MAX_DOCUMENTS), so the
  // rule drops their lines only where the scan's other alignments pair them more widely.
  if ((start.thorough || copied.length > 0) && source.rare) {
    all = withoutTemplateLines(corpus, all, sharedRareWords(source.rare), SEED_MIN_RARE);
    for (const pair of all) if (pair.secondOnly) storyKeys.add(storyKey(noise, pair.p, pair.q));
  }
  const pairs = all.map(({ a, b, jaccard, coverA, coverB }): RewordedPair => ({ a, b, jaccard, coverA, coverB })).sort((x, y) => x.a - y.a || x.b - y.b);
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

/** Finishes the stage (startRewrite began it): the edges with the reworded pairs added. */
export async function addRewordedEdges(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, seed: number, start: RewriteStart, helpers: RewriteHelpers = ON_THIS_THREAD): Promise<RewriteOutcome> {
  const { pairs, storyPairs } = await findRewordedPairs(corpus, edges, noise, minWords, seed, start, helpers);
  return { edges: withRewordedPairs(edges, pairs, corpus.variants.count), storyPairs, rewordedPairs: pairs.length };
}
