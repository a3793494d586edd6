/**
 * The group reports: for each syndication group, its stories with their provenance (which is
 * the original, which are versions and reprints, and what each changed; provenance.ts), and the
 * paragraph clusters that link it.
 */
import { alignParagraphOf, alignParagraphs, paragraphNumbers, type AlignParagraph, type AlignRule, type RewordedPairs } from '../align/align.js';
import { diffBlocks } from '../align/diff-report.js';
import type { Clusters, Corpus, Edges, Grouping, Noise } from '../model.js';
import { share } from '../numbers.js';
import { continuesParagraph, text, textKey } from '../document.js';
import type { DiffBlock, GroupMember, GroupReport } from '../types.js';
import { eachEdge } from './edges.js';
import { boilerplateOf, isBody } from './noise.js';
import { analyseGroup, publishedDate, type StoryView } from './provenance.js';
import { isTemplateCluster, linkedParts } from './grouping.js';

export interface GroupReports {
  groups: GroupReport[];
  /** Per story: the document of its group's original, or -1 (matches there are listed first). */
  originalDocOfStory: Int32Array;
}

interface LinkingCluster {
  /** Words of the cluster's longest paragraph. */
  weight: number;
  stories: Set<number>;
}

/**
 * Each group's linking clusters (eligible, not boilerplate, not a template's lines or fills, in
 * two or more of its stories), weighted by their longest paragraph, in one pass over the clusters.
 */
function linkingClusters(clusters: Clusters, grouping: Grouping): LinkingCluster[][] {
  const linkingOf: LinkingCluster[][] = grouping.groups.map(() => []);
  clusters.inputs.forEach((cluster, id) => {
    if (!cluster.eligible || grouping.boilerplate[id] || grouping.unlinked[id] || isTemplateCluster(cluster) || cluster.fillsOnly === true) return;
    let weight = 0;
    for (const words of cluster.wordsByDocument.values()) weight = Math.max(weight, words);
    // Per part (scan/clusters.ts, markFills): a story a template fill joins shares no text with
    // the others. The cluster links a group's stories that two or more of them in one part hold.
    const linkedByGroup = new Map<number, Set<number>>();
    for (const part of linkedParts(cluster)) {
      for (const [group, stories] of storiesByGroup(part, grouping.groupOf)) {
        if (stories.length < 2) continue;
        const linked = linkedByGroup.get(group) ?? new Set<number>();
        for (const unit of stories) linked.add(unit);
        linkedByGroup.set(group, linked);
      }
    }
    for (const [group, stories] of linkedByGroup) linkingOf[group]!.push({ weight, stories });
  });
  return linkingOf;
}

/** `stories` by their group (`groupOf`), those in none left out. */
function storiesByGroup(stories: readonly number[], groupOf: Int32Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const unit of stories) {
    const group = groupOf[unit]!;
    if (group < 0) continue;
    const list = out.get(group);
    if (list) list.push(unit);
    else out.set(group, [unit]);
  }
  return out;
}

/** The scan's reworded pairs (edges its rewrite stage added) as alignment reads them. */
function rewordedPairsOf(corpus: Corpus, edges: Edges): RewordedPairs {
  return {
    variantOf: (paragraph) => corpus.variantOf[paragraph]!,
    partners: (variant) => {
      const out: Array<[number, number]> = [];
      const { reworded } = edges;
      // Without an object per edge: asked for every dropped paragraph of every member (PAN: 150 a member).
      if (variant >= 0 && reworded) eachEdge(edges, variant, (other, k) => reworded[k] === 1 && out.push([other, edges.jaccard[k]!]));
      return out;
    },
  };
}

/** The rule comparing members: the scan's options, its reworded pairs paired as it found them. */
function memberRule(corpus: Corpus, edges: Edges, rule: AlignRule): AlignRule {
  return { ...rule, reworded: rewordedPairsOf(corpus, edges) };
}

export function buildGroupReports(corpus: Corpus, noise: Noise, clusters: Clusters, grouping: Grouping, options: AlignRule, edges: Edges): GroupReports {
  const rule = memberRule(corpus, edges, options);
  const linkingOf = linkingClusters(clusters, grouping);
  const originalDocOfStory = new Int32Array(noise.stories.length).fill(-1);
  const groups = grouping.groups.map((units, index): GroupReport => {
    const linking = linkingOf[index]!;
    const views = units.map((unit) => storyView(corpus, noise, clusters, grouping, unit));
    const sameAs = sameTextAs(views);
    const held = heldShares(linking, units, sameAs);
    const own = ownShares(clusters, units, views, sameAs);
    views.forEach((view, i) => {
      view.holds = held[i]!;
      view.ownShare = own[i]!;
    });
    const provenance = analyseGroup(views, rule, sameAs);
    const members: GroupMember[] = views.map((view, i) => {
      const { role, score, reasons, comparison, duplicateOf } = provenance.members[i]!;
      const member: GroupMember = { path: view.path, story: view.story, startLine: view.startLine, endLine: view.endLine, role, score, reasons, comparison, duplicateOf };
      if (duplicateOf !== null && wholeText(corpus, noise, units[i]!) !== wholeText(corpus, noise, units[duplicateOf]!)) member.duplicateExceptBoilerplate = true;
      return member;
    });
    const original = provenance.original === null ? null : views[provenance.original]!;
    if (provenance.original !== null) {
      const originalDoc = noise.stories[units[provenance.original]!]!.doc;
      for (const unit of units) originalDocOfStory[unit] = originalDoc;
    }
    return {
      id: index + 1,
      documents: [...new Set(views.map((v) => v.path))],
      clusters: linking.length,
      original: original?.path ?? null,
      originalStory: original?.story ?? null,
      confidence: provenance.confidence,
      originalReasons: provenance.original === null ? [] : provenance.members[provenance.original]!.reasons.filter((r) => r.weight > 0),
      members,
    };
  });
  return { groups, originalDocOfStory };
}

/**
 * Per member (`units`, texts by `sameAs`): the share of the group's shared text it holds, by the
 * linking clusters' weights. Text is shared when two different texts hold it: a cluster only
 * identical copies of one text hold says nothing of which text came first. Counted per file, a
 * byte-identical reprint of a write-through made all of the write-through's text "shared", and
 * the write-through, holding most of it, tied with the original's wire dateline (the seeds and a
 * copy of 003: original undecided; issue 11's defect 2 again, through the containment evidence).
 */
function heldShares(linking: readonly LinkingCluster[], units: readonly number[], sameAs: readonly number[]): number[] {
  const member = new Map(units.map((unit, i) => [unit, i]));
  const heldBy = new Float64Array(units.length);
  let total = 0;
  // One pass over the linking clusters (not stories x clusters).
  for (const { weight, stories } of linking) {
    const texts = new Set<number>();
    for (const unit of stories) texts.add(sameAs[member.get(unit)!]!);
    if (texts.size < 2) continue;
    total += weight;
    for (const unit of stories) heldBy[member.get(unit)!]! += weight;
  }
  return Array.from(heldBy, (weight) => share(weight, total));
}

/**
 * Per member (`units`, bodies in `views`, texts by `sameAs`): the share of its body's words in
 * paragraphs that no member of another text holds, copied or derived (StoryView.ownShare). An
 * identical copy of the member is the same text, not another member holding it (review: a
 * copy of a local story made it a reprint).
 */
function ownShares(clusters: Clusters, units: readonly number[], views: readonly StoryView[], sameAs: readonly number[]): number[] {
  const textOf = new Map(units.map((unit, i) => [unit, sameAs[i]!]));
  return views.map((view, i) => {
    let total = 0;
    let own = 0;
    for (const p of view.body) {
      total += p.words;
      const cluster = p.paragraph === undefined ? -1 : clusters.paragraphCluster[p.paragraph]!;
      let held = false;
      if (cluster >= 0) {
        for (const story of clusters.inputs[cluster]!.wordsByDocument.keys()) {
          const text = textOf.get(story);
          if (text !== undefined && text !== sameAs[i]) held = true;
        }
      }
      if (!held) own += p.words;
    }
    return share(own, total);
  });
}

/** Per story: the first story with the same body, paragraph for paragraph (same normalised words), or itself. */
function sameTextAs(views: readonly StoryView[]): number[] {
  const first = new Map<string, number>();
  return views.map((view, i) => {
    // Paragraph for paragraph: a piece of a long paragraph joined to the one before by "+",
    // paragraphs by a space, so that two long paragraphs merged into one line (cut at the same
    // sentences) are no identical copy (found by a new user).
    const numbers = paragraphNumbers(view.body);
    const key = view.body.map((p, k) => `${k > 0 && numbers[k] === numbers[k - 1] ? '+' : ' '}${p.textKey ?? ''}`).join('');
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, i);
    return i;
  });
}

/**
 * A story's text with its boilerplate (footers and scraper artifacts, which a body leaves out):
 * its paragraphs' text keys in order (a paragraph without words by its text), second copies of
 * earlier paragraphs (repeats) left out as in the body. Copies whose bodies are the same
 * (sameTextAs) differ here when one carries a footer the other lacks.
 */
function wholeText(corpus: Corpus, noise: Noise, unit: number): string {
  const { doc, span } = noise.stories[unit]!;
  const document = corpus.docs[doc]!;
  const base = corpus.firstParagraphOf[doc]!;
  const keys: string[] = [];
  for (let i = span.firstSegment; i <= span.lastSegment; i++) {
    if (noise.repeatOf[base + i]! < 0) keys.push(`${continuesParagraph(document, i) ? '+' : ' '}${textKey(document, i) ?? `'${text(document, i).trim()}`}`);
  }
  return keys.join('');
}

/**
 * A story's body, the paragraphs that carry its text (repeats, junk and boilerplate left out),
 * with each one's index among its document's segments.
 */
function storyBody(corpus: Corpus, noise: Noise, clusters: Clusters, grouping: Grouping, unit: number): { body: AlignParagraph[]; segments: number[] } {
  const { doc, span } = noise.stories[unit]!;
  const document = corpus.docs[doc]!;
  const base = corpus.firstParagraphOf[doc]!;
  const body: AlignParagraph[] = [];
  const segments: number[] = [];
  for (let i = span.firstSegment; i <= span.lastSegment; i++) {
    if (!isBody(noise, base + i) || boilerplateOf(noise, clusters, grouping, base + i)) continue;
    body.push(alignParagraphOf(document, i, base + i));
    segments.push(i);
  }
  return { body, segments };
}

/** A story as provenance sees it: its body (its share of the group's text, `holds`, is the group's to set: heldShares). */
function storyView(corpus: Corpus, noise: Noise, clusters: Clusters, grouping: Grouping, unit: number): StoryView {
  const { doc, span } = noise.stories[unit]!;
  const document = corpus.docs[doc]!;
  const { body } = storyBody(corpus, noise, clusters, grouping, unit);
  const view: StoryView = { path: document.id, story: span.index, startLine: span.startLine, endLine: span.endLine, body, holds: 0 };
  if (document.modifiedAt !== undefined) view.modifiedAt = document.modifiedAt;
  const published = publishedDate(document.metadata);
  if (published) view.published = published;
  return view;
}

/**
 * The paragraph alignment of one story with another (a group member with its original), as the
 * member's `comparison` counts it: the two bodies aligned, merges and splits included, each block
 * naming the segments of the two documents and carrying its word operations.
 */
export function alignStories(corpus: Corpus, noise: Noise, clusters: Clusters, grouping: Grouping, options: AlignRule, edges: Edges, fromUnit: number, toUnit: number): DiffBlock[] {
  const from = storyBody(corpus, noise, clusters, grouping, fromUnit);
  const to = storyBody(corpus, noise, clusters, grouping, toUnit);
  const blocks = alignParagraphs(from.body, to.body, memberRule(corpus, edges, options));
  // Each side in its own words: the HTML report's side-by-side view shows them (its only caller).
  return diffBlocks(blocks, { paragraphs: from.body, segments: from.segments }, { paragraphs: to.body, segments: to.segments }, true);
}
