/**
 * From paragraph clusters to syndication groups of documents.
 *
 * Two documents belong to one group when the text they share is evidence of reuse: paragraph
 * clusters (copies and verified edits of one paragraph) of at least --min-words words (a "TT"
 * or "Leave a Reply" line proves nothing) that are not boilerplate, adding up to at least
 * LINK_MIN_WORDS words. One shared paragraph of that length links its documents at once;
 * shorter shared lines count per pair of documents. BBC match previews share a 7-word line
 * ("BBC1, Radio 4 LW and this website") and a 14-word team list, which is not syndication.
 *
 * Boilerplate is the site footer problem: "Your email address will not be published" recurs
 * on every page of a site and would chain all of them into one group. Clusters that occur in
 * exactly the same documents form a block (a footer is several lines that travel together).
 * A block is boilerplate when it is a minor part (under a third of the words: a footer is a
 * few lines, while a reprinted story is most of its page, or half of a page that bundles two
 * stories as seeds 000 and 001 do) of at least BOILERPLATE_MIN_DOCUMENTS documents and of most
 * documents it occurs in, and most pairs of the documents where it is minor are otherwise
 * unrelated: outside the block they share less than RELATED_SHARE of their words; and at
 * least BOILERPLATE_MIN_DOCUMENTS of them are unrelated to one another (unrelatedPages). (A trimmed
 * reprint made of the block's paragraphs alone is no evidence either way: issue 11.) A wire story reprinted by many
 * outlets fails the last two tests (it is most of each reprint, and the reprints share its
 * other paragraphs too).
 */
import type { ClusterInput, Grouping } from '../model.js';
import type { TemplateKind } from '../types.js';
import { UnionFind } from '../unionfind.js';

export type { ClusterInput, Grouping };

/** A footer recurs: a block found in fewer stories than this is not one (two stories sharing text are a reprint). */
export const BOILERPLATE_MIN_DOCUMENTS = 3;
/** A footer is a minor part of a page: under this share of most of its stories' words (a reprint is most of its page, or half of one that bundles two stories). */
export const BOILERPLATE_MAX_SHARE = 1 / 3;
/** Stories sharing at least this share of their words outside the block are related (reprints), not strangers under one footer. */
export const RELATED_SHARE = 0.1;
/** Shared words that link two documents (a typical news paragraph is 20-40 words). */
export const LINK_MIN_WORDS = 20;
/**
 * A template: a cluster found in at least TEMPLATE_MIN_DOCUMENTS documents whose paragraphs are
 * mostly different texts (at least TEMPLATE_MIN_TEXTS of them) links none of them. A wire
 * paragraph syndicated widely is mostly reprinted as it is, a few outlets each editing it; a
 * template is filled in anew every time. Reuters-21578 files hundreds of notices in one frame
 * ("The non-callable bond is available in denominations of one mln yen and will be listed in
 * Luxembourg", "... of 5,000 dlrs ..."; Chicago's daily cattle slaughter estimates), and their
 * lines, 3-gram neighbours of one another, chained 183 eurobond notices of different issuers
 * into one group: a cluster of 170 documents and 163 texts in 242 paragraphs. Issue 11 asks that
 * templated items about different companies not be linked. From 5 documents on (8 until
 * session 11): at 5 the Reuters groups it breaks are all notices of one frame about different
 * weeks or companies (New York business loans, SEC shelf filings, convertible eurobonds of
 * different issuers), BBC, PAN and COUNTER are unchanged; at 4 a repeated story lost its group.
 */
export const TEMPLATE_MIN_DOCUMENTS = 5;
export const TEMPLATE_MIN_TEXTS = 0.7;
/**
 * ... and whose texts are far apart: the median similarity of its derived pairs under this. A
 * story's write-throughs update the figures in every paragraph too, in as many versions, but
 * keep the rest of each sentence (Jaccard about 0.85: floods kill 12, then 15, then 18); a
 * template's fills change names and figures in a short frame (0.5-0.7: "Item 3 was sold ...",
 * "Item 5002 was sold ...", 0.64).
 */
export const TEMPLATE_MAX_SIMILARITY = 0.7;

/** Whether a cluster is wide and varied enough to be a template: its similarity then decides (isTemplateCluster). */
export function mayBeTemplate(cluster: ClusterInput): boolean {
  return cluster.wordsByDocument.size >= TEMPLATE_MIN_DOCUMENTS && cluster.texts >= TEMPLATE_MIN_TEXTS * cluster.paragraphs;
}

/**
 * Whether a cluster is a template's lines (see TEMPLATE_MIN_DOCUMENTS), or a frame filled in
 * with different names and nothing more (scan/fills.ts): either links nothing.
 */
export function isTemplateCluster(cluster: ClusterInput): boolean {
  return cluster.fillsOnly === true || (mayBeTemplate(cluster) && cluster.similarity < TEMPLATE_MAX_SIMILARITY);
}

/**
 * A block recurring across otherwise unrelated stories is a site's footer only when it is short
 * lines (each under LINK_MIN_WORDS words: "Leave a Reply", a copyright line, a newsletter
 * plug), or recurs on at least this many unrelated pages, as a site's footer does on every page
 * of the site. A long paragraph in fewer is news prose: a background paragraph that BBC follow-up
 * stories repeat ("Mr Ebbers could face a sentence of 85 years if convicted ...": 95 BBC
 * paragraphs were footers), or two AP paragraphs quoted in three local stories, which as footers
 * counted toward no reuse and passed `--fail-on shared` (a new user's ingest gate). Such a block
 * is `unlinked`: shared or edited as it is, linking no stories (they are related by a passage,
 * not reprints of one another).
 */
export const PROSE_FOOTER_MIN_PAGES = 10;

/** Short clusters spread over more documents than this are too common to count per pair. */
const SHORT_CLUSTER_MAX_DOCUMENTS = 64;
/** Pairs are checked among at most this many documents of a block (the first in content order: the same whatever the files are called). */
const RELATEDNESS_SAMPLE = 24;

/**
 * `identical` lists sets of documents with the same text, paragraph for paragraph (after
 * normalising): they always form a group, whatever the boilerplate and link-length rules say
 * about their lines. Reuters wire repeats are short earnings tables ("Shr profit three cts vs
 * loss seven cts") whose lines recur across hundreds of reports.
 */
export function groupDocuments(
  documentWords: readonly number[],
  clusters: readonly ClusterInput[],
  identical: ReadonlyArray<readonly number[]> = [],
  rank: ArrayLike<number> = Int32Array.from(documentWords, (_, story) => story),
): Grouping {
  const { boilerplate, unlinked } = findFooterClusters(documentWords, clusters, copyOf(identical, rank), rank);
  const links = new UnionFind(documentWords.length);
  for (const same of identical) for (const doc of same.slice(1)) links.union(same[0]!, doc);
  const copiedTemplates = linkThroughClusters(links, documentWords, clusters, (id) => boilerplate[id]! || unlinked[id]!);
  return { boilerplate, unlinked, ...groupsOf(links, documentWords.length), copiedTemplates };
}

/**
 * Per document: the one standing for the documents with the same text (the first in content
 * order, `rank`: they may differ in their headlines), or itself.
 */
function copyOf(identical: ReadonlyArray<readonly number[]>, rank: ArrayLike<number>): Int32Array {
  const first = Int32Array.from({ length: rank.length }, (_, doc) => doc);
  for (const same of identical) {
    let chosen = same[0]!;
    for (const doc of same) if (rank[doc]! < rank[chosen]!) chosen = doc;
    for (const doc of same) first[doc] = chosen;
  }
  return first;
}

/**
 * Per cluster: whether it belongs to a block that recurs across otherwise unrelated documents.
 * Documents with the same text count once (`copyOf`): a footer recurs on different pages, and
 * two copies of one page carrying a paragraph that a third page reworded are a reprint, not
 * three pages under one footer.
 */
function findFooterClusters(documentWords: readonly number[], clusters: readonly ClusterInput[], copyOf: Int32Array, rank: ArrayLike<number>): { boilerplate: boolean[]; unlinked: boolean[] } {
  const clustersOf: Array<Map<number, number>> = Array.from({ length: documentWords.length }, () => new Map());
  clusters.forEach((cluster, id) => {
    if (!cluster.eligible) return;
    for (const [doc, words] of cluster.wordsByDocument) clustersOf[doc]!.set(id, words);
  });
  const boilerplate = clusters.map(() => false);
  const unlinked = clusters.map(() => false);
  const blocks = new Map<string, number[]>();
  // Short clusters ("Leave a Reply") join the analysis too: they never link documents, but a
  // short line travelling with a footer is part of that footer.
  clusters.forEach((cluster, id) => {
    if (cluster.wordsByDocument.size < BOILERPLATE_MIN_DOCUMENTS) return;
    const key = [...cluster.wordsByDocument.keys()].sort((a, b) => a - b).join(',');
    const block = blocks.get(key);
    if (block) block.push(id);
    else blocks.set(key, [id]);
  });
  for (const [key, blockClusters] of blocks) {
    const docs = key.split(',').map(Number);
    const inBlock = new Set(blockClusters);
    const minor: number[] = [];
    // Copies count once: the first of them met in the block (copies may differ in a headline,
    // so the one standing for them need not be in it).
    const copiesSeen = new Set<number>();
    for (const doc of docs) {
      if (copiesSeen.has(copyOf[doc]!)) continue;
      copiesSeen.add(copyOf[doc]!);
      let words = 0;
      for (const id of blockClusters) words += clusters[id]!.wordsByDocument.get(doc) ?? 0;
      if (words < BOILERPLATE_MAX_SHARE * documentWords[doc]!) minor.push(doc);
    }
    // A footer recurs as a minor part of pages: of at least BOILERPLATE_MIN_DOCUMENTS of them,
    // and of most. A document that is the block, or mostly the block, says nothing about
    // whether the pages carrying it are related: a trimmed reprint (the first paragraphs of a
    // wire story, issue 11) is mostly the block, and the two full copies it was cut from are
    // related to each other, so only pages where the block is minor are compared.
    const pages = copiesSeen.size;
    if (minor.length * 2 <= pages || minor.length < BOILERPLATE_MIN_DOCUMENTS) continue;
    const sample = minor.sort((x, y) => rank[x]! - rank[y]!).slice(0, RELATEDNESS_SAMPLE);
    const related = new Uint8Array(sample.length * sample.length);
    let pairs = 0;
    let relatedPairs = 0;
    for (let i = 0; i < sample.length; i++) {
      for (let j = i + 1; j < sample.length; j++) {
        pairs++;
        if (sharedOutside(sample[i]!, sample[j]!, inBlock, clustersOf, documentWords) >= RELATED_SHARE) {
          relatedPairs++;
          related[i * sample.length + j] = related[j * sample.length + i] = 1;
        }
      }
    }
    const unrelated = unrelatedPages(related, sample.length);
    if (relatedPairs * 2 >= pairs || unrelated < BOILERPLATE_MIN_DOCUMENTS) continue;
    // Prose: a paragraph of the block long enough to link stories on its own (linkThroughClusters),
    // and not among a footer's lines: a site's 30-word "about us" line beside "Leave a Reply" on
    // four pages is a footer (review), an AP paragraph quoted in three local stories is not.
    const prose = blockClusters.some((id) => minor.some((doc) => (clusters[id]!.wordsByDocument.get(doc) ?? 0) >= LINK_MIN_WORDS));
    const besideJunk = minor.filter((doc) => blockClusters.some((id) => clusters[id]!.besideJunk?.has(doc) === true)).length;
    if (prose && unrelated < PROSE_FOOTER_MIN_PAGES && besideJunk * 2 < minor.length) {
      // A passage of a family of related pages (a wire story and its reprints) quoted in other
      // stories links them to it as any shared paragraph does: each quoting story is a partial
      // use of the family's story; cut off, two local stories quoting the AP story left its
      // group while one alone was in it (review). Among unrelated pages only, it links none.
      if (relatedPairs === 0) for (const id of blockClusters) unlinked[id] = true;
      continue;
    }
    for (const id of blockClusters) boilerplate[id] = true;
  }
  return { boilerplate, unlinked };
}

/**
 * How many of `count` pages (in content order) are unrelated to one another, taken greedily,
 * the pages related to fewest others first (then in content order): each kept unless related
 * to one kept already. A footer recurs on BOILERPLATE_MIN_DOCUMENTS unrelated stories: an
 * original and its trimmed reprint sharing a sentence with one unrelated article are two (a
 * new user's run found the reprint's paragraph called a footer). Not sets joined through chains
 * of related pairs, nor pages taken in content order alone: one digest page related to every
 * article of a site would count as the only story, and the site's footer would go unseen (a
 * reviewer's counterexample); taken last, it leaves the articles it links.
 */
function unrelatedPages(related: Uint8Array, count: number): number {
  const degree = Array.from({ length: count }, (_, i) => related.subarray(i * count, (i + 1) * count).reduce((sum, r) => sum + r, 0));
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => degree[a]! - degree[b]! || a - b);
  const kept: number[] = [];
  for (const i of order) if (kept.every((k) => related[i * count + k] === 0)) kept.push(i);
  return kept.length;
}

/**
 * Stories holding a template's texts word for word (sameTextStories) are copies of one another,
 * not two items of the template, when those texts add up to this share of the smaller story's
 * words: a copy of a wire story checked against four outlets' reprints of it, each paragraph of
 * theirs edited in house style, shared every paragraph with the story word for word, yet the
 * five texts of each paragraph were a template's lines, which link nothing, and the gate passed
 * the copy (a new user's trial; fixtures/house-style-reprints). A template's fixed line that
 * notices of different issuers share ("The bonds will be listed in Luxembourg ...") is a small
 * part of each: linked through such lines whatever their share, 18 more Reuters-21578
 * documents joined groups, notices of different issuers (eurobonds, share offerings, banks'
 * prime rates).
 */
export const COPIED_TEMPLATE_SHARE = 0.5;
/**
 * ... in at least this many of the template's clusters: two notices of different companies
 * whose fills happen to agree on one line ("payable on April 1 to holders of record March 15")
 * hold that line word for word, and in a short notice it was half the words (a review: two
 * dividend notices became copies, and check --fail-on shared failed a new company's notice).
 * A copy of a story holds several of its paragraphs so.
 */
export const COPIED_TEMPLATE_MIN_CLUSTERS = 2;

/**
 * Links documents through the clusters that are evidence: one of at least LINK_MIN_WORDS
 * words links its documents at once; shorter ones add up per pair of documents; a template's
 * texts held word for word link copies (COPIED_TEMPLATE_SHARE). Returns, per template cluster
 * (by id), the stories it linked so.
 */
function linkThroughClusters(links: UnionFind, documentWords: readonly number[], clusters: readonly ClusterInput[], linksNothing: (id: number) => boolean): Map<number, Set<number>> {
  const documentCount = documentWords.length;
  const pairWords = new Map<number, number>();
  // Per pair of stories: the words of the template texts they hold word for word, and in which clusters.
  const copied = new Map<number, { words: number; clusters: number[] }>();
  const apart = toldApart(clusters);
  clusters.forEach((cluster, id) => {
    if (!cluster.eligible || linksNothing(id)) return;
    if (isTemplateCluster(cluster)) {
      for (const stories of sameTextStories(cluster)) {
        for (let i = 0; i < stories.length; i++) {
          for (let j = i + 1; j < stories.length; j++) {
            const [a, b] = stories[i]! < stories[j]! ? [stories[i]!, stories[j]!] : [stories[j]!, stories[i]!];
            const key = a * documentCount + b;
            const pair = copied.get(key) ?? { words: 0, clusters: [] };
            // Each cluster once per pair, whatever texts of it the two share.
            if (pair.clusters.includes(id)) continue;
            pair.words += Math.min(cluster.wordsByDocument.get(a)!, cluster.wordsByDocument.get(b)!);
            pair.clusters.push(id);
            copied.set(key, pair);
          }
        }
      }
      return;
    }
    // Parts joined by template fills alone link within themselves only (clusters.ts, markFills).
    for (const docs of linkedParts(cluster)) {
      let longest = 0;
      for (const doc of docs) longest = Math.max(longest, cluster.wordsByDocument.get(doc)!);
      if (longest >= LINK_MIN_WORDS) {
        for (const doc of docs.slice(1)) links.union(docs[0]!, doc);
        continue;
      }
      if (docs.length > SHORT_CLUSTER_MAX_DOCUMENTS) continue;
      // A short line in as many stories as a template's lines are (TEMPLATE_MIN_DOCUMENTS) is the
      // template's fixed text where the stories are items of templates (toldApart); in fewer it is
      // theirs: two copies of one company's earnings table, each line filled the same, link.
      const wide = cluster.wordsByDocument.size >= TEMPLATE_MIN_DOCUMENTS;
      for (let i = 0; i < docs.length; i++) {
        for (let j = i + 1; j < docs.length; j++) {
          const [a, b] = docs[i]! < docs[j]! ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
          if (wide && apart(a, b)) continue;
          const key = a * documentCount + b;
          const words = (pairWords.get(key) ?? 0) + Math.min(cluster.wordsByDocument.get(a)!, cluster.wordsByDocument.get(b)!);
          pairWords.set(key, words);
          if (words >= LINK_MIN_WORDS) links.union(a, b);
        }
      }
    }
  });
  const copiedTemplates = new Map<number, Set<number>>();
  for (const [key, { words, clusters: ids }] of copied) {
    const [a, b] = [Math.floor(key / documentCount), key % documentCount];
    if (ids.length < COPIED_TEMPLATE_MIN_CLUSTERS || words < COPIED_TEMPLATE_SHARE * Math.min(documentWords[a]!, documentWords[b]!)) continue;
    links.union(a, b);
    for (const id of ids) {
      const stories = copiedTemplates.get(id) ?? new Set<number>();
      stories.add(a).add(b);
      copiedTemplates.set(id, stories);
    }
  }
  return copiedTemplates;
}

/** The stories of a template's cluster (isTemplateCluster) that hold one of its texts word for word with another: sets of two or more. */
function sameTextStories(cluster: ClusterInput): number[][] {
  const byText = new Map<number, number[]>();
  for (const [story, texts] of cluster.fillOfStory ?? []) {
    for (const text of texts) {
      const list = byText.get(text);
      if (list) list.push(story);
      else byText.set(text, [story]);
    }
  }
  return [...byText.values()].filter((stories) => stories.length > 1);
}

/**
 * Whether two stories are different items of templates: each holds lines of a template
 * (isTemplateCluster) or of a cluster whose parts template fills join (ClusterInput.fillOfStory),
 * and no such line of one is the other's text (a reprint of a templated notice keeps its filled
 * lines word for word, Porex and its reprint). The short lines (under LINK_MIN_WORDS words)
 * such stories share with TEMPLATE_MIN_DOCUMENTS stories or more are a template's too, and add
 * up to no link between them: thirty
 * dividend notices of different companies, each headline and lede filled in anew (in two
 * clusters of template lines, ten notices and twenty), were one group through their tagline
 * and "The company has paid a dividend every quarter since 1970." (a new user's trial; and
 * `check --fail-on document` failed a 31st company's notice).
 */
function toldApart(clusters: readonly ClusterInput[]): (a: number, b: number) => boolean {
  const fillsOf = new Map<number, Array<[number, number]>>();
  clusters.forEach((cluster, id) => {
    for (const [story, fills] of cluster.fillOfStory ?? []) {
      let list = fillsOf.get(story);
      if (!list) fillsOf.set(story, (list = []));
      for (const fill of fills) list.push([id, fill]);
    }
  });
  if (fillsOf.size === 0) return () => false;
  return (a, b) => {
    const [ofA, ofB] = [fillsOf.get(a), fillsOf.get(b)];
    if (!ofA || !ofB) return false;
    for (const [id, fill] of ofA) for (const [other, otherFill] of ofB) if (id === other && fill === otherFill) return false;
    return true;
  };
}

/**
 * Why a story's paragraph in `cluster` links no other story, when it is a template's: the
 * cluster is a template's lines or fills alone (isTemplateCluster), or the story is joined to the
 * cluster's other parts by fills alone (ClusterInput.parts), or (`apart`, templateLinesApart)
 * the cluster is a short line of a template the story is told apart from every other story by.
 * Null when the cluster links it (or is too short to link anything: not a template's doing).
 */
export function templateKind(cluster: ClusterInput, story: number, apart?: (story: number) => boolean, copied?: ReadonlySet<number>): TemplateKind | null {
  if (!cluster.eligible) return null;
  if (cluster.fillsOnly === true) return 'fill';
  // A copy of a story holding its template texts word for word (COPIED_TEMPLATE_SHARE) is linked by them.
  if (isTemplateCluster(cluster)) return copied?.has(story) === true ? null : 'lines';
  // A story the fills alone join to the others (a part of its own) links through none of them.
  if (cluster.parts?.some((part) => part.length === 1 && part[0] === story)) return 'fill';
  return apart?.(story) === true ? 'lines' : null;
}

/**
 * For templateKind: whether a story's paragraph in a cluster is a template's fixed short line
 * that links it to none of the cluster's other stories, since it is told apart from each of them
 * (toldApart; linkThroughClusters skips such pairs). The payable line and the tagline of
 * dividend notices of different companies were "shared" and counted as reuse, so each notice
 * read 85% reused and `check --fail-on document` called a new company's notice a copy (a new
 * user's trial, fixtures/template-notices), though no group joined them. Made once per scan;
 * a reprint of a notice is not told apart from it, and its lines stay evidence.
 */
export function templateLinesApart(clusters: readonly ClusterInput[]): (cluster: number) => ((story: number) => boolean) | undefined {
  const apart = toldApart(clusters);
  const made = new Map<number, ((story: number) => boolean) | undefined>();
  const make = (cluster: ClusterInput): ((story: number) => boolean) | undefined => {
    if (!cluster.eligible || cluster.wordsByDocument.size < TEMPLATE_MIN_DOCUMENTS) return undefined;
    // As linkThroughClusters counts a part: a line of LINK_MIN_WORDS words links at once, and one
    // in over SHORT_CLUSTER_MAX_DOCUMENTS stories never does; neither is this rule's.
    const counted = linkedParts(cluster).filter((docs) => docs.length > 1 && docs.length <= SHORT_CLUSTER_MAX_DOCUMENTS && docs.every((doc) => cluster.wordsByDocument.get(doc)! < LINK_MIN_WORDS));
    if (counted.length === 0) return undefined;
    return (story) => {
      const part = counted.find((docs) => docs.includes(story));
      return part !== undefined && part.every((other) => other === story || apart(Math.min(story, other), Math.max(story, other)));
    };
  };
  return (id) => {
    if (!made.has(id)) made.set(id, make(clusters[id]!));
    return made.get(id);
  };
}

/** The sets of a cluster's stories it links among themselves: its parts (ClusterInput.parts), or all its stories. */
export function linkedParts(cluster: ClusterInput): ReadonlyArray<readonly number[]> {
  return cluster.parts ?? [[...cluster.wordsByDocument.keys()]];
}

/**
 * The grouping with only the groups that hold a listed story (`listed`): in `check` the
 * archived articles are context, and a group of archived articles alone, brought in by the
 * lookup, is none of the incoming articles' business (a clean article read "1 group").
 */
export function listedGroupsOnly(grouping: Grouping, listed: (story: number) => boolean): Grouping {
  const groups = grouping.groups.filter((group) => group.some(listed));
  if (groups.length === grouping.groups.length) return grouping;
  const groupOf = new Int32Array(grouping.groupOf.length).fill(-1);
  groups.forEach((group, index) => {
    for (const story of group) groupOf[story] = index;
  });
  return { boilerplate: grouping.boilerplate, unlinked: grouping.unlinked, groups, groupOf };
}

/** The linked sets of two or more documents, ordered by their first document. */
function groupsOf(links: UnionFind, documentCount: number): Pick<Grouping, 'groups' | 'groupOf'> {
  const members = new Map<number, number[]>();
  for (let doc = 0; doc < documentCount; doc++) {
    const root = links.find(doc);
    const list = members.get(root);
    if (list) list.push(doc);
    else members.set(root, [doc]);
  }
  const groups = [...members.values()].filter((g) => g.length > 1).sort((a, b) => a[0]! - b[0]!);
  const groupOf = new Int32Array(documentCount).fill(-1);
  groups.forEach((group, index) => {
    for (const doc of group) groupOf[doc] = index;
  });
  return { groups, groupOf };
}

/** Share of two documents' words that they reuse from each other outside the given clusters. */
function sharedOutside(
  a: number,
  b: number,
  excluded: ReadonlySet<number>,
  clustersOf: ReadonlyArray<Map<number, number>>,
  documentWords: readonly number[],
): number {
  const [small, large] = clustersOf[a]!.size <= clustersOf[b]!.size ? [a, b] : [b, a];
  const largeClusters = clustersOf[large]!;
  let shared = 0;
  for (const [id, words] of clustersOf[small]!) {
    if (excluded.has(id)) continue;
    const other = largeClusters.get(id);
    if (other !== undefined) shared += words + other;
  }
  const total = documentWords[a]! + documentWords[b]!;
  return total === 0 ? 0 : shared / total;
}
