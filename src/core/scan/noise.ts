/**
 * Per document, what is not article text and where its articles are: text repeated inside the
 * file (a headline or caption scraped twice; every occurrence is marked), junk lines (a scraper
 * artifact such as a bare "TT", publishing-system chrome such as "Leave a Reply"; text/junk.ts)
 * and stories (a file bundling several articles; text/stories.ts).
 */
import { boilerplateKind } from '../classify.js';
import type { Clusters, Corpus, Grouping, Noise, Story } from '../model.js';
import type { BoilerplateKind } from '../types.js';
import { junkKind } from '../text/junk.js';
import { detectStories } from '../text/stories.js';

export function findNoise(corpus: Corpus): Noise {
  const { docs, paragraphs, variantOf, variants, firstParagraphOf } = corpus;
  const repeated = new Uint8Array(paragraphs.length);
  const repeatOf = new Int32Array(paragraphs.length).fill(-1);
  const junk: Noise['junk'][number][] = new Array(paragraphs.length).fill(null);
  const storyOf = new Int32Array(paragraphs.length);
  const stories: Story[] = [];
  const firstStoryOf = new Int32Array(docs.length);
  docs.forEach((doc, docIndex) => {
    const base = firstParagraphOf[docIndex]!;
    const firstByKey = new Map<string, number>();
    doc.paragraphs.forEach((paragraph, index) => {
      const p = base + index;
      const v = variantOf[p]!;
      junk[p] = junkKind(paragraph, v < 0 ? 0 : variants[v]!.members.length);
      if (paragraph.textKey === null) return;
      const first = firstByKey.get(paragraph.textKey);
      if (first === undefined) firstByKey.set(paragraph.textKey, index);
      else {
        repeatOf[p] = first;
        repeated[p] = 1;
        repeated[base + first] = 1;
      }
    });
    firstStoryOf[docIndex] = stories.length;
    for (const span of detectStories(doc.paragraphs.map((x) => x.segment))) {
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
