/**
 * Per document, what is not article text and where its articles are: text repeated inside the
 * file (a headline or caption scraped twice; every occurrence is marked, except that of a page
 * scraped twice the first copy is the article: see REPEATED_RUN), junk lines (a scraper
 * artifact such as a bare "TT", publishing-system chrome such as "Leave a Reply"; text/junk.ts)
 * and stories (a file bundling several articles; text/stories.ts).
 */
import { boilerplateKind } from '../classify.js';
import { isChrome, segmentsOf } from '../document.js';
import type { Clusters, Corpus, Grouping, Noise, Story } from '../model.js';
import { junkKind } from '../text/junk.js';
import { detectStories } from '../text/stories.js';
import { memberCount } from './variants.js';
import type { BoilerplateKind } from '../types.js';

/**
 * A run of at least this many paragraphs repeating, in order, a run of paragraphs earlier in the
 * file is the page (or part of it) scraped twice, not a headline or a caption: its first copy is
 * the article's text, and only the second is marked as a repeat. Every occurrence of a repeated
 * paragraph used to be marked, so that a file holding one article twice had no text of its own:
 * no group, 0% reused, and `check` passed it (found by a new user). A headline and a caption
 * scraped again (the seeds' 000 and 001) come back one or two at a time, out of order.
 */
export const REPEATED_RUN = 3;

/** Marks as article text again the first copies of repeated runs (REPEATED_RUN) among a document's paragraphs base .. base + count - 1. */
function keepFirstCopies(repeated: Uint8Array, repeatOf: Int32Array, base: number, count: number): void {
  let runStart = 0;
  for (let index = 0; index <= count; index++) {
    const previous = index > runStart ? repeatOf[base + index - 1]! : -1;
    const continues = index < count && previous >= 0 && repeatOf[base + index] === previous + 1;
    if (continues) continue;
    if (index - runStart >= REPEATED_RUN && repeatOf[base + runStart]! >= 0) {
      for (let k = runStart; k < index; k++) repeated[base + repeatOf[base + k]!] = 0;
    }
    runStart = index;
  }
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
    keepFirstCopies(repeated, repeatOf, base, doc.count);
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
