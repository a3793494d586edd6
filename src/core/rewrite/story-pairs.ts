/**
 * Which stories are compared whole (rewrite/story-reuse.ts), and the report's story pairs:
 *
 * - stories that share a paragraph cluster that is evidence of reuse (at least --min-words
 *   words, not boilerplate): copies, edits and reworded paragraphs (scan/clusters.ts);
 * - stories with paragraphs aligned by passage alignment (rewrite/stage.ts), whether or not
 *   the paragraphs became reworded matches;
 * - in a scan of two documents (`dedupe a.txt b.txt`, a pair checked on its own; not `check`'s
 *   incoming article and an archived one its lookup brought in), every pair of their stories:
 *   a newspaper story retold from agency copy in the paper's own words may match no paragraph
 *   and still be partly derived, which only the whole-story measures show. In a
 *   larger scan only paragraph evidence proposes a pair: topically close stories share content
 *   words everywhere (the seeds' unrelated 004 shares 46% of 002's words).
 *
 * Pairs across documents only, and at least one story in a listed document (in `check`, two
 * archived articles are not compared). A paragraph cluster in more than MAX_CLUSTER_STORIES
 * stories (a wire paragraph reprinted everywhere) pairs each with its first story only, so
 * pairs grow with the stories, not their square.
 */
import type { Clusters, Corpus, Edges, Grouping, Noise } from '../model.js';
import type { StoryPairReport } from '../types.js';
import { stopTokens } from './stopwords.js';
import { storyPair, storyTerms, type StoryTerms } from './story-reuse.js';
import { boilerplateOf, isBody } from '../scan/noise.js';
import { linkedParts } from '../scan/grouping.js';

export const MAX_CLUSTER_STORIES = 50;
/** A scan of at most this many documents compares every pair of stories across them. */
export const ALL_PAIRS_DOCUMENTS = 2;

export interface StoryPairInput {
  corpus: Corpus;
  noise: Noise;
  clusters: Clusters;
  grouping: Grouping;
  edges: Edges;
}

/** Whether variant v has a member among the global paragraphs [from, to] (members are in paragraph order). */
function hasMemberIn(corpus: Corpus, v: number, from: number, to: number): boolean {
  const { members, memberStart } = corpus.variants;
  let low = memberStart[v]!;
  let high = memberStart[v + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (members[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low < memberStart[v + 1]! && members[low]! <= to;
}

/**
 * Share of a story's evidence words (paragraphs of at least minWords words in its body) in
 * paragraphs with a copy or a derived (or reworded) paragraph in the other story.
 */
function reusedShare(input: StoryPairInput, body: readonly number[], other: number, minWords: number): number {
  const { corpus, noise, edges } = input;
  const { doc, span } = noise.stories[other]!;
  const from = corpus.firstParagraphOf[doc]! + span.firstSegment;
  const to = corpus.firstParagraphOf[doc]! + span.lastSegment;
  let counted = 0;
  let reused = 0;
  for (const p of body) {
    const words = corpus.words[p]!;
    if (words < minWords) continue;
    counted += words;
    const v = corpus.variantOf[p]!;
    let found = hasMemberIn(corpus, v, from, to);
    for (let e = edges.edgeStart[v]!; !found && e < edges.edgeStart[v + 1]!; e++) {
      const code = edges.edgeOf[e]!;
      const k = code >>> 1;
      found = hasMemberIn(corpus, (code & 1) === 0 ? edges.pairB[k]! : edges.pairA[k]!, from, to);
    }
    if (found) reused += words;
  }
  return counted === 0 ? 0 : reused / counted;
}

/**
 * Pairs of stories (global numbers, lower first) sharing an evidence cluster, each once. A
 * template fill's cluster (scan/fills.ts) pairs none: two notices of one frame about different
 * companies were called "derived" from each other.
 */
function clusterPairs(input: StoryPairInput, add: (a: number, b: number) => void): void {
  const { clusters, grouping, noise } = input;
  clusters.inputs.forEach((cluster, id) => {
    if (!cluster.eligible || grouping.boilerplate[id] || grouping.unlinked[id] || cluster.fillsOnly === true) return;
    // Within each part the fills do not join (scan/clusters.ts, markFills).
    for (const part of linkedParts(cluster)) {
      const stories = [...part].sort((x, y) => x - y);
      // Every pair of a part's stories; in a large one, the first story with each other.
      const firsts = stories.length > MAX_CLUSTER_STORIES ? 1 : stories.length;
      for (let i = 0; i < firsts; i++) {
        for (let j = i + 1; j < stories.length; j++) if (noise.stories[stories[i]!]!.doc !== noise.stories[stories[j]!]!.doc) add(stories[i]!, stories[j]!);
      }
    }
  });
}

/** The report's story pairs: cluster-linked and channel-paired stories, measured and called, ordered by their stories. */
export function buildStoryPairs(input: StoryPairInput, channelPairs: ReadonlyArray<readonly [number, number]>, options: { seed: number; minWords: number }): StoryPairReport[] {
  const { corpus, noise, clusters, grouping } = input;
  const count = noise.stories.length;
  const keys = new Set<number>();
  const add = (a: number, b: number): void => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const docs = corpus.docs;
    if (docs[noise.stories[x]!.doc]!.context && docs[noise.stories[y]!.doc]!.context) return;
    keys.add(x * count + y);
  };
  clusterPairs(input, add);
  // Two documents the user gave, not an incoming article and the archived one a lookup brought
  // in: in `check`, the story of a file the index already held was "partly derived" from an
  // unrelated archived article on the same topic while the matches said it matched nothing (a
  // new user's run).
  if (corpus.docs.length <= ALL_PAIRS_DOCUMENTS && corpus.docs.every((doc) => doc.context !== true)) {
    for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) if (noise.stories[a]!.doc !== noise.stories[b]!.doc) add(a, b);
  }
  for (const [a, b] of channelPairs) if (noise.stories[a]!.doc !== noise.stories[b]!.doc) add(a, b);
  const stop = stopTokens(options.seed);
  const bodies = new Map<number, number[]>();
  const bodyOf = (unit: number): number[] => {
    let body = bodies.get(unit);
    if (!body) {
      const { doc, span } = noise.stories[unit]!;
      const base = corpus.firstParagraphOf[doc]!;
      body = [];
      for (let i = span.firstSegment; i <= span.lastSegment; i++) {
        const p = base + i;
        if (isBody(noise, p) && !boilerplateOf(noise, clusters, grouping, p)) body.push(p);
      }
      bodies.set(unit, body);
    }
    return body;
  };
  const terms = new Map<number, StoryTerms>();
  const termsOf = (unit: number): StoryTerms => {
    let found = terms.get(unit);
    if (!found) terms.set(unit, (found = storyTerms(corpus, bodyOf(unit), stop)));
    return found;
  };
  const ref = (unit: number): { path: string; story: number } => ({ path: corpus.docs[noise.stories[unit]!.doc]!.id, story: noise.stories[unit]!.span.index });
  return [...keys]
    .sort((x, y) => x - y)
    .map((key) => {
      const [a, b] = [Math.floor(key / count), key % count];
      const group = grouping.groupOf[a]! >= 0 && grouping.groupOf[a] === grouping.groupOf[b] ? grouping.groupOf[a]! + 1 : null;
      const reused: [number, number] = [reusedShare(input, bodyOf(a), b, options.minWords), reusedShare(input, bodyOf(b), a, options.minWords)];
      return storyPair([ref(a), ref(b)], termsOf(a), termsOf(b), reused, group);
    });
}
