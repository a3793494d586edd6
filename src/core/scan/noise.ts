/**
 * Per document, what is not article text and where its articles are: text repeated inside the
 * file (a headline or caption scraped twice; every occurrence is marked, except that of a page
 * scraped twice the first copy is the article: see REPEATED_RUN), junk lines (a scraper
 * artifact such as a bare "TT", publishing-system chrome such as "Leave a Reply"; text/junk.ts)
 * and stories (a file bundling several articles; text/stories.ts).
 */
import { boilerplateKind } from '../classify.js';
import { isChrome, segmentsOf, text } from '../document.js';
import { isBodyShaped } from '../align/align.js';
import type { Clusters, Corpus, Grouping, Noise, PreparedDocument, Story } from '../model.js';
import { junkKind } from '../text/junk.js';
import { detectStories } from '../text/stories.js';
import { memberCount } from './variants.js';
import type { BoilerplateKind } from '../types.js';

/**
 * A page (or its article) scraped twice, not a headline or a caption: among a file's later
 * copies of its paragraphs, the longest run repeating earlier paragraphs in their order
 * (interruptions such as "Continue reading the main story" or a headline repeated inside the
 * page skipped) holds at least this many paragraphs of running text (isBodyShaped). Its first
 * copy is then the article's text, and only the second is marked as a repeat. Every occurrence
 * of a repeated paragraph used to be marked, so that a file holding one article twice had no
 * text of its own: no group, 0% reused, and `check` passed it (found by a new user). A headline
 * and a caption scraped again (the seeds' 000 and 001) come back one or two at a time, out of
 * order; a "Most read" list of headlines at a page's top and bottom is no running text (found in
 * review: as text, it grouped two articles of one site).
 */
export const REPEATED_RUN = 3;
/** The run's first copies fill at least this share of the paragraphs from the first of them to the last. */
export const RUN_MIN_DENSITY = 0.5;

/**
 * Marks as article text again the first copies of a page scraped twice (REPEATED_RUN) among a
 * document's paragraphs base .. base + count - 1: the longest run of later copies whose first
 * copies come in increasing order (a longest increasing subsequence of repeatOf, patience
 * sorting: n log n).
 */
function keepFirstCopies(corpus: Corpus, doc: PreparedDocument, repeated: Uint8Array, repeatOf: Int32Array, base: number): void {
  const later: number[] = [];
  for (let index = 0; index < doc.count; index++) if (repeatOf[base + index]! >= 0) later.push(index);
  if (later.length < REPEATED_RUN) return;
  // tails[k]: the position in `later` ending the best run of length k + 1 found so far; back: each one's predecessor.
  const tails: number[] = [];
  const back = new Int32Array(later.length).fill(-1);
  const firstOf = (k: number): number => repeatOf[base + later[k]!]!;
  for (let k = 0; k < later.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firstOf(tails[mid]!) < firstOf(k)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const run: number[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = back[k]!) run.push(later[k]!);
  const body = run.filter((index) => isBodyShaped(text(doc, index), corpus.words[base + index]!)).length;
  if (body < REPEATED_RUN) return;
  // A block copied whole: its first copies lie close together. Captions repeated one by one
  // across a bundle's stories also come in order, with whole stories between them.
  // The run was collected from its end: its first copies fall from run[0]'s to the last one's.
  const span = repeatOf[base + run[0]!]! - repeatOf[base + run[run.length - 1]!]! + 1;
  if (run.length < RUN_MIN_DENSITY * span) return;
  for (const index of run) repeated[base + repeatOf[base + index]!] = 0;
}

export function findNoise(corpus: Corpus): Noise {
  const { docs, size, variantOf, variants, firstParagraphOf } = corpus;
  const repeated = new Uint8Array(size);
  const repeatOf = new Int32Array(size).fill(-1);
  const junk: Noise['junk'][number][] = new Array(size).fill(null);
  const storyOf = new Int32Array(size);
  const stories: Story[] = [];
  const firstStoryOf = new Int32Array(docs.length);
  docs.forEach((doc, docIndex) => {
    const base = firstParagraphOf[docIndex]!;
    // Same variant, same normalised text: the first position of each variant in this document.
    const firstOfVariant = new Map<number, number>();
    for (let index = 0; index < doc.count; index++) {
      const p = base + index;
      const v = variantOf[p]!;
      const occurrences = v < 0 ? 0 : memberCount(variants, v);
      junk[p] = junkKind({ words: corpus.words[p]!, chrome: isChrome(doc, index) }, occurrences);
      if (occurrences < 2) continue;
      const first = firstOfVariant.get(v);
      if (first === undefined) firstOfVariant.set(v, index);
      else {
        repeatOf[p] = first;
        repeated[p] = 1;
        repeated[base + first] = 1;
      }
    }
    keepFirstCopies(corpus, doc, repeated, repeatOf, base);
    firstStoryOf[docIndex] = stories.length;
    for (const span of detectStories(segmentsOf(doc))) {
      const unit = stories.length;
      stories.push({ doc: docIndex, span });
      for (let i = span.firstSegment; i <= span.lastSegment; i++) storyOf[base + i] = unit;
    }
  });
  return { repeated, repeatOf, junk, storyOf, stories, firstStoryOf };
}

/** Text that carries an article: not a repeat and not a junk line. */
export function isBody(noise: Noise, p: number): boolean {
  return noise.repeated[p] === 0 && noise.junk[p] === null;
}

/** A paragraph's boilerplate kind once grouping has found the site footers (classify.ts decides). */
export function boilerplateOf(noise: Noise, clusters: Clusters, grouping: Grouping, p: number): BoilerplateKind | null {
  const cluster = clusters.paragraphCluster[p]!;
  return boilerplateKind(noise.junk[p] ?? null, cluster >= 0 && grouping.boilerplate[cluster] === true);
}
