/**
 * Paragraph clusters: variants joined by verified derived pairs (union-find), kept when they
 * span two or more documents, numbered in order of their first paragraph. For grouping each
 * cluster also says how many body words it holds in each story, and whether it is long enough
 * to be evidence. Grouping works on stories, so a file bundling two articles can take part in
 * two groups.
 *
 * Also here: stories that are copies of each other paragraph for paragraph, which always group.
 */
import { continuesParagraph, keyHigh, keyLow, text } from '../document.js';
import type { Clusters, ClusterInput, Corpus, Edges, Noise } from '../model.js';
import { looksLikeHeadline } from '../text/stories.js';
import { UnionFind } from '../unionfind.js';
import { variantKey } from './edges.js';
import type { FillTest } from './fills.js';
import { isTemplateCluster, mayBeTemplate } from './grouping.js';
import { isBody } from './noise.js';

/**
 * Variants joined by the edges. A reworded pair (passage alignment, rewrite/stage.ts) joins a
 * paragraph to a cluster only when one side is still in a single document: the paragraph that
 * was reworded. It never bridges two clusters that each span documents already; one such
 * bridge between two templated notices chained every notice of both templates together
 * (Reuters-21578: "4TH QTR NET" tables linked to dividend notices of other companies).
 *
 * So a reworded paragraph close to two such clusters joins only the first it is joined to,
 * and the reworded pairs are taken closest first (rewordedOrder): it joins the cluster it is
 * most like, whatever the files are called.
 */
function joinVariants(corpus: Corpus, edges: Edges): UnionFind {
  const { variants } = corpus;
  const sets = new UnionFind(variants.count);
  // Per root: its one document, or -1 when its variants span several.
  const docOf = Int32Array.from(variants.soleDocument);
  const join = (a: number, b: number): void => {
    const [ra, rb] = [sets.find(a), sets.find(b)];
    if (ra === rb) return;
    const doc = docOf[ra] === docOf[rb] ? docOf[ra]! : -1;
    sets.union(ra, rb);
    docOf[sets.find(ra)] = doc;
  };
  for (let k = 0; k < edges.pairA.length; k++) if (edges.reworded?.[k] !== 1) join(edges.pairA[k]!, edges.pairB[k]!);
  for (const k of rewordedOrder(corpus, edges)) {
    const [a, b] = [edges.pairA[k]!, edges.pairB[k]!];
    if (docOf[sets.find(a)]! >= 0 || docOf[sets.find(b)]! >= 0) join(a, b);
  }
  return sets;
}

/**
 * The reworded pairs, closest first: by similarity (content words' Jaccard), then by the
 * share of both paragraphs aligned, then by their texts' keys (not by variant numbers, which
 * follow the file names).
 */
function rewordedOrder(corpus: Corpus, edges: Edges): number[] {
  const out: number[] = [];
  for (let k = 0; k < edges.pairA.length; k++) if (edges.reworded?.[k] === 1) out.push(k);
  const cover = (k: number): number => edges.containmentOfA[k]! + edges.containmentOfB[k]!;
  // Ties by the pair's two texts' keys, the lower text first.
  const keyOf = (v: number): [number, number] => [variantKey(corpus, v, keyHigh), variantKey(corpus, v, keyLow)];
  const byKey = (x: readonly number[], y: readonly number[]): number => x[0]! - y[0]! || x[1]! - y[1]!;
  const keys = new Map(
    out.map((k) => {
      const pair = [keyOf(edges.pairA[k]!), keyOf(edges.pairB[k]!)].sort(byKey);
      return [k, pair.flat()];
    }),
  );
  const byKeys = (x: number, y: number): number => {
    const [a, b] = [keys.get(x)!, keys.get(y)!];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  return out.sort((x, y) => edges.jaccard[y]! - edges.jaccard[x]! || cover(y) - cover(x) || byKeys(x, y));
}

/**
 * `fills` tells template fills among the edges (scan/fills.ts by rare words, scan/name-fills.ts
 * by capitals below 200 documents; null for none): a cluster joined across documents by them
 * alone links nothing.
 */
export function buildClusters(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, fills: FillTest | null = null): Clusters {
  const { size, variantOf, variants, paragraphDoc } = corpus;
  const variantSets = joinVariants(corpus, edges);
  // Whether each root's variants span two documents or more: its first document, and a flag
  // (a Set of documents per root cost 15-30 MB on PAN, one per distinct paragraph).
  const firstDocOfRoot = new Int32Array(variants.count).fill(-1);
  const spansDocs = new Uint8Array(variants.count);
  for (let p = 0; p < size; p++) {
    const v = variantOf[p]!;
    if (v < 0) continue;
    const root = variantSets.find(v);
    const doc = paragraphDoc[p]!;
    if (firstDocOfRoot[root] === -1) firstDocOfRoot[root] = doc;
    else if (firstDocOfRoot[root] !== doc) spansDocs[root] = 1;
  }
  const clusterOfRoot = new Map<number, number>();
  const inputs: ClusterInput[] = [];
  // Whether a variant's text is counted among its cluster's texts yet.
  const counted = new Uint8Array(variants.count);
  const paragraphCluster = new Int32Array(size).fill(-1);
  const storyWords = new Array<number>(noise.stories.length).fill(0);
  // The clusters the current paragraph (its sentence pieces so far) was counted in.
  const countedIn = new Set<number>();
  for (let p = 0; p < size; p++) {
    // A new paragraph starts anew (read only when there is something to clear: every paragraph passes here).
    if (countedIn.size > 0 && !continuesParagraph(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!)) countedIn.clear();
    const words = corpus.words[p]!;
    const unit = noise.storyOf[p]!;
    const body = isBody(noise, p);
    if (body) storyWords[unit] = storyWords[unit]! + words;
    const v = variantOf[p]!;
    if (v < 0) continue;
    const root = variantSets.find(v);
    if (spansDocs[root] === 0) continue;
    let cluster = clusterOfRoot.get(root);
    if (cluster === undefined) {
      cluster = inputs.length;
      clusterOfRoot.set(root, cluster);
      inputs.push({ wordsByDocument: new Map(), eligible: false, paragraphs: 0, texts: 0, similarity: 1 });
    }
    paragraphCluster[p] = cluster;
    if (!body) continue;
    const input = inputs[cluster]!;
    if (words >= minWords) input.eligible = true;
    // A long paragraph cut at its sentences is one paragraph and one text of each cluster its
    // pieces are in: a merged copy's three pieces made three "texts" of one, and a lede reprinted
    // word for word in three stories became a template's lines (a new user's run;
    // TEMPLATE_MIN_TEXTS). A text is marked counted only when it is counted.
    if (!countedIn.has(cluster)) {
      countedIn.add(cluster);
      input.paragraphs++;
      if (counted[v] === 0) {
        counted[v] = 1;
        input.texts++;
      }
    }
    input.wordsByDocument.set(unit, (input.wordsByDocument.get(unit) ?? 0) + words);
    // Next to a junk line of its own document ("Leave a Reply", a copyright line): a footer's company.
    const doc = paragraphDoc[p]!;
    if ((p > 0 && paragraphDoc[p - 1] === doc && noise.junk[p - 1] !== null) || (p + 1 < size && paragraphDoc[p + 1] === doc && noise.junk[p + 1] !== null)) {
      (input.besideJunk ??= new Set()).add(unit);
    }
  }
  measureSimilarities(edges, variantSets, clusterOfRoot, inputs);
  if (fills) markFills(corpus, edges, noise, fills, paragraphCluster, inputs);
  markTemplateTexts(corpus, noise, paragraphCluster, inputs);
  return { paragraphCluster, inputs, storyWords };
}

/**
 * ClusterInput.fillOfStory of the clusters that are a template's (isTemplateCluster) or hold
 * parts that template fills join: per story in the body, its paragraph's variant, or the part it
 * is in. One pass over the paragraphs, and only when such a cluster is there.
 */
function markTemplateTexts(corpus: Corpus, noise: Noise, paragraphCluster: Int32Array, inputs: ClusterInput[]): void {
  const marked = inputs.map((input) => input.eligible && (isTemplateCluster(input) || input.parts !== undefined));
  if (!marked.includes(true)) return;
  inputs.forEach((input, cluster) => {
    if (!marked[cluster]) return;
    input.fillOfStory = new Map();
    input.parts?.forEach((part, n) => {
      for (const story of part) input.fillOfStory!.set(story, [n]);
    });
  });
  for (let p = 0; p < corpus.size; p++) {
    const cluster = paragraphCluster[p]!;
    if (cluster < 0 || !marked[cluster] || inputs[cluster]!.parts !== undefined || !isBody(noise, p)) continue;
    const story = noise.storyOf[p]!;
    // Every paragraph's: a headline and a lede in one cluster are two texts, and a reprint that
    // kept the lede word for word but rewrote the headline is no other item (review).
    const fills = inputs[cluster]!.fillOfStory!;
    const variant = corpus.variantOf[p]!;
    const list = fills.get(story);
    if (!list) fills.set(story, [variant]);
    else if (!list.includes(variant)) list.push(variant);
  }
}

/**
 * Each cluster's similarity (ClusterInput.similarity, the median Jaccard of its verified pairs),
 * read only where it can decide something: for clusters already wide and varied enough to be a
 * template (isTemplateCluster); the others keep 1. Most scans have none, and pass over no edge.
 */
function measureSimilarities(edges: Edges, variantSets: UnionFind, clusterOfRoot: ReadonlyMap<number, number>, inputs: ClusterInput[]): void {
  const similarities = new Map<number, number[]>();
  inputs.forEach((input, cluster) => {
    if (mayBeTemplate(input)) similarities.set(cluster, []);
  });
  if (similarities.size === 0) return;
  for (let k = 0; k < edges.pairA.length; k++) {
    if (edges.reworded?.[k] === 1) continue;
    const cluster = clusterOfRoot.get(variantSets.find(edges.pairA[k]!));
    if (cluster !== undefined) similarities.get(cluster)?.push(edges.jaccard[k]!);
  }
  for (const [cluster, values] of similarities) {
    if (values.length === 0) continue;
    values.sort((x, y) => x - y);
    inputs[cluster]!.similarity = values[Math.floor(values.length / 2)]!;
  }
}

/**
 * Where template fills (scan/fills.ts) join a cluster's stories: ClusterInput.fillsOnly when
 * they join all of them (no copy across documents, no other derived pair across documents), and
 * ClusterInput.parts when the cluster also holds evidence: its stories joined by copies and the
 * other derived pairs, which the fills join to one another and which link nothing together. A
 * notice reprinted by a second outlet and filled in again for another company (Porex, its
 * reprint, Medco) linked all three as one cluster of evidence before; now Porex and its reprint
 * link, Medco does not.
 *
 * Only the derived pairs of eligible clusters are tested, across stories that copies and the
 * pairs tested before have not joined yet: the stories joined at the end (the parts) do not
 * depend on the order, and a cluster whose stories a copy joins tests nothing.
 */
function markFills(corpus: Corpus, edges: Edges, noise: Noise, fills: FillTest, paragraphCluster: Int32Array, inputs: ClusterInput[]): void {
  const { soleDocument, members, memberStart, count } = corpus.variants;
  const clusterOfVariant = (v: number): number => {
    const cluster = paragraphCluster[members[memberStart[v]!]!]!;
    return cluster >= 0 && inputs[cluster]!.eligible ? cluster : -1;
  };
  const storyOfVariant = (v: number): number => noise.storyOf[members[memberStart[v]!]!]!;
  // Per cluster, what may join its stories: its copies (variants in two documents or more) and
  // its derived pairs across documents (two paragraphs of one document tell nothing of how
  // documents are linked). Joined per cluster: evidence in one cluster says nothing of a fill in
  // another (a template's lines, which link nothing, joined two notices' ledes). A reworded pair
  // between two clusters that each span documents joined neither (joinVariants) and is
  // filed under neither.
  const copies = byCluster(inputs.length, count, (v) => (soleDocument[v]! < 0 ? clusterOfVariant(v) : -1));
  const pairs = byCluster(inputs.length, edges.pairA.length, (k) => {
    const [a, b] = [edges.pairA[k]!, edges.pairB[k]!];
    if (soleDocument[a]! >= 0 && soleDocument[a] === soleDocument[b]) return -1;
    const cluster = clusterOfVariant(a);
    return cluster === clusterOfVariant(b) ? cluster : -1;
  });
  // One union-find over all stories, reset after each cluster over the stories it joined.
  const joined = new UnionFind(noise.stories.length);
  const touched: number[] = [];
  const join = (a: number, b: number): void => {
    touched.push(a, b);
    joined.union(a, b);
  };
  for (let cluster = 0; cluster < inputs.length; cluster++) {
    if (pairs.start[cluster] === pairs.start[cluster + 1]) continue;
    const input = inputs[cluster]!;
    joined.reset(touched);
    touched.length = 0;
    for (let c = copies.start[cluster]!; c < copies.start[cluster + 1]!; c++) {
      const v = copies.items[c]!;
      const first = storyOfVariant(v);
      for (let m = memberStart[v]! + 1; m < memberStart[v + 1]!; m++) join(first, noise.storyOf[members[m]!]!);
    }
    let hasFill = false;
    for (let e = pairs.start[cluster]!; e < pairs.start[cluster + 1]!; e++) {
      const k = pairs.items[e]!;
      const [sa, sb] = [storyOfVariant(edges.pairA[k]!), storyOfVariant(edges.pairB[k]!)];
      if (joined.find(sa) === joined.find(sb)) continue;
      if (fills.isFill(edges, k, input.wordsByDocument.size)) hasFill = true;
      else join(sa, sb);
    }
    if (!hasFill) continue;
    const parts = partsOf(joined, [...input.wordsByDocument.keys()].sort((x, y) => x - y));
    if (parts.length < 2) continue;
    if (parts.every((part) => part.length === 1)) input.fillsOnly = true;
    else if (fills.splitsClusters) input.parts = parts;
  }
}

/** Items 0..count-1 listed by cluster (`clusterOf`, -1 for none), each cluster's in order: `items[start[c] .. start[c + 1])`. */
function byCluster(clusters: number, count: number, clusterOf: (item: number) => number): { start: Int32Array; items: Int32Array } {
  const of = new Int32Array(count);
  const start = new Int32Array(clusters + 1);
  for (let item = 0; item < count; item++) {
    const cluster = (of[item] = clusterOf(item));
    if (cluster >= 0) start[cluster + 1]!++;
  }
  for (let c = 0; c < clusters; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, clusters);
  const items = new Int32Array(start[clusters]!);
  for (let item = 0; item < count; item++) if (of[item]! >= 0) items[next[of[item]!]!++] = item;
  return { start, items };
}

/** `stories` by their set in `joined`, in order of their first. */
function partsOf(joined: UnionFind, stories: readonly number[]): number[][] {
  const byRoot = new Map<number, number[]>();
  for (const story of stories) {
    const root = joined.find(story);
    const part = byRoot.get(root);
    if (part) part.push(story);
    else byRoot.set(root, [story]);
  }
  return [...byRoot.values()];
}

/**
 * Stories with the same text paragraph for paragraph after their headline (at least
 * `minWords` words that are not artifacts or chrome) in two or more documents: copies, linked
 * whatever their lines are classified as. A wire repeat under a new headline ("THOMPSON
 * MEDICAL CO INC <TM> SETS QUARTERLY", then "... DECLARES QTLY DIV") over the same short
 * dividend table is one.
 */
export function identicalStories(corpus: Corpus, noise: Noise, minWords: number): number[][] {
  const storiesByText = new Map<string, number[]>();
  noise.stories.forEach(({ doc, span }, unit) => {
    const base = corpus.firstParagraphOf[doc]!;
    const document = corpus.docs[doc]!;
    // Paragraphs of the same variant have the same text: the story's text is its variants in order.
    const keys: number[] = [];
    let words = 0;
    let first = span.firstSegment;
    if (span.lastSegment > first && looksLikeHeadline(text(document, first))) first++;
    for (let i = first; i <= span.lastSegment; i++) {
      const v = corpus.variantOf[base + i]!;
      // A second copy of a paragraph earlier in the file is no text of the story's: a story
      // that is all such copies (a page scraped twice, the copies set apart) is linked by none.
      if (v < 0 || noise.junk[base + i] !== null || noise.repeatOf[base + i]! >= 0) continue;
      keys.push(v);
      words += corpus.words[base + i]!;
    }
    if (words < minWords) return;
    const key = keys.join(' ');
    const same = storiesByText.get(key);
    if (same) same.push(unit);
    else storiesByText.set(key, [unit]);
  });
  return [...storiesByText.values()].filter((units) => new Set(units.map((u) => noise.stories[u]!.doc)).size > 1);
}
