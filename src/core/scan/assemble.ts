/**
 * The last stages: every paragraph's status (classify.ts) in one pass, with the counts and reuse
 * shares that need nothing else (the summary, `-q`, `--fail-on`), then, only for a caller that
 * shows them, each document's report with its matches, built one document at a time so a large
 * report can be written out as it is made.
 */
import { isEvidence, paragraphStatus } from '../classify.js';
import { continuesParagraph, endLine, startLine, text } from '../document.js';
import type { Clusters, Corpus, Edges, Grouping, Noise, PreparedDocument } from '../model.js';
import { share } from '../numbers.js';
import type { DocumentHead, DocumentReport, SegmentReport, SegmentStatus, StoryReport, Summary, TemplateKind } from '../types.js';
import type { MatchLister } from './matches.js';
import { boilerplateOf } from './noise.js';
import { templateKind, templateLinesApart } from './grouping.js';

export interface AssemblyInput {
  corpus: Corpus;
  noise: Noise;
  clusters: Clusters;
  grouping: Grouping;
  matches: MatchLister;
  minWords: number;
  /** The verified and reworded pairs of variants (scan/edges.ts, rewrite/stage.ts). */
  edges: Edges;
  /** Pairs of stories the rewording channel paired (rewrite/stage.ts), compared whole with the cluster-linked ones. */
  channelStoryPairs: ReadonlyArray<readonly [number, number]>;
  /** Whether the rewrite stage ran (--no-reworded): group comparisons pair reworded paragraphs only then. */
  rewording?: boolean;
}

/** Status codes, per paragraph, in `Statuses.status`. */
const STATUS_NAMES: readonly SegmentStatus[] = ['unique', 'shared', 'edited', 'boilerplate'];
/** Template codes, per paragraph, in `Statuses.template` (0: none). */
const TEMPLATE_NAMES: ReadonlyArray<TemplateKind | null> = [null, 'fill', 'lines'];

/** The outcome of the status pass. */
export interface Statuses {
  /** Per paragraph: index into STATUS_NAMES. */
  status: Uint8Array;
  /** Per story: words of evidence paragraphs, and of those the reused ones (for reuse shares). */
  storyCounted: Float64Array;
  storyReused: Float64Array;
  /** Per paragraph: exact copies plus derived paragraphs elsewhere. */
  matchCount: Uint32Array;
  /** Per paragraph: index into TEMPLATE_NAMES, for a shared or edited paragraph whose matches link nothing. */
  template: Uint8Array;
}

export function statusOf(statuses: Statuses, p: number): SegmentStatus {
  return STATUS_NAMES[statuses.status[p]!]!;
}

export function templateOf(statuses: Statuses, p: number): TemplateKind | null {
  return TEMPLATE_NAMES[statuses.template[p]!] ?? null;
}

/** Classifies every paragraph and counts what the summary says; fills `summary`'s counts. */
export function classifyAll(input: AssemblyInput, summary: Summary): Statuses {
  const { corpus, noise, clusters, grouping } = input;
  const total = corpus.size;
  const statuses: Statuses = {
    status: new Uint8Array(total),
    storyCounted: new Float64Array(noise.stories.length),
    storyReused: new Float64Array(noise.stories.length),
    matchCount: new Uint32Array(total),
    template: new Uint8Array(total),
  };
  const linesApart = templateLinesApart(clusters.inputs);
  for (let p = 0; p < total; p++) {
    const { exactCount, derivedCount } = input.matches.counts(p);
    const boilerplate = boilerplateOf(noise, clusters, grouping, p);
    const status = paragraphStatus(exactCount, derivedCount, boilerplate);
    statuses.status[p] = STATUS_NAMES.indexOf(status);
    statuses.matchCount[p] = exactCount + derivedCount;
    const words = corpus.words[p]!;
    const repeat = noise.repeated[p] === 1;
    const unit = noise.storyOf[p]!;
    const cluster = clusters.paragraphCluster[p]!;
    const template = cluster >= 0 && (status === 'shared' || status === 'edited') ? templateKind(clusters.inputs[cluster]!, unit, linesApart(cluster), grouping.copiedTemplates?.get(cluster)) : null;
    statuses.template[p] = TEMPLATE_NAMES.indexOf(template);
    // Only paragraphs that could be evidence of reuse count, on both sides of the share:
    // a whole article copied is 100% reused, whatever its short headings.
    if (isEvidence({ words, repeat, boilerplate: boilerplate !== null, template }, input.minWords)) {
      statuses.storyCounted[unit]! += words;
      if (status !== 'unique') statuses.storyReused[unit]! += words;
    }
    if (corpus.docs[corpus.paragraphDoc[p]!]!.context) continue;
    summary[status]++;
    if (repeat) summary.repeats++;
  }
  for (const doc of corpus.docs) {
    if (doc.context) continue;
    summary.documents++;
    summary.paragraphs += doc.count;
    for (let i = 0; i < doc.count; i++) if (continuesParagraph(doc, i)) summary.continuingPieces++;
  }
  return statuses;
}

/** Global story numbers of a document's stories. */
function storiesOf(noise: Noise, docIndex: number): number[] {
  const units: number[] = [];
  for (let unit = noise.firstStoryOf[docIndex]!; unit < noise.stories.length && noise.stories[unit]!.doc === docIndex; unit++) units.push(unit);
  return units;
}

/**
 * One document's report. `originalDocOfStory` gives, per story, the document whose matches are
 * listed first (the story's group's original), or -1; `head`, its head when already made.
 */
export function assembleDocument(
  input: AssemblyInput,
  statuses: Statuses,
  originalDocOfStory: Int32Array,
  docIndex: number,
  head: DocumentHead = documentHead(input, statuses, docIndex),
): DocumentReport {
  const { corpus, noise, clusters, grouping } = input;
  const doc: PreparedDocument = corpus.docs[docIndex]!;
  const base = corpus.firstParagraphOf[docIndex]!;
  const segments = Array.from({ length: doc.count }, (_, index): SegmentReport => {
    const p = base + index;
    const unit = noise.storyOf[p]!;
    const status = statusOf(statuses, p);
    const found = input.matches.find(p, originalDocOfStory[unit]!);
    const cluster = clusters.paragraphCluster[p]!;
    const report: SegmentReport = {
      index,
      startLine: startLine(doc, index),
      endLine: endLine(doc, index),
      words: corpus.words[p]!,
      status,
      story: noise.stories[unit]!.span.index,
      cluster: cluster >= 0 ? cluster + 1 : null,
      matches: found.matches,
      matchCount: statuses.matchCount[p]!,
      text: text(doc, index),
    };
    if (found.merges.length > 0) report.merges = found.merges;
    const boilerplate = status === 'boilerplate' ? boilerplateOf(noise, clusters, grouping, p) : null;
    if (boilerplate) report.boilerplate = boilerplate;
    const template = templateOf(statuses, p);
    if (template) report.template = template;
    if (noise.repeated[p] === 1) {
      report.repeat = true;
      if (noise.repeatOf[p]! >= 0) report.repeatOf = noise.repeatOf[p]!;
    }
    if (continuesParagraph(doc, index)) report.continues = true;
    return report;
  });
  return { ...head, segments };
}

/** One document's report without its paragraphs (DocumentHead): their statuses counted, no match listed. */
export function documentHead(input: AssemblyInput, statuses: Statuses, docIndex: number): DocumentHead {
  const { corpus, noise, clusters, grouping } = input;
  const doc: PreparedDocument = corpus.docs[docIndex]!;
  const base = corpus.firstParagraphOf[docIndex]!;
  const counts = { shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0 };
  let pieces = 0;
  for (let p = base; p < base + doc.count; p++) {
    counts[statusOf(statuses, p)]++;
    if (noise.repeated[p] === 1) counts.repeats++;
  }
  for (let i = 1; i < doc.count; i++) if (continuesParagraph(doc, i)) pieces++;
  const units = storiesOf(noise, docIndex);
  const stories: StoryReport[] = units.map((unit) => {
    const { span } = noise.stories[unit]!;
    const group = grouping.groupOf[unit]!;
    return {
      index: span.index,
      startLine: span.startLine,
      endLine: span.endLine,
      segments: [span.firstSegment, span.lastSegment],
      words: clusters.storyWords[unit]!,
      reusedShare: share(statuses.storyReused[unit]!, statuses.storyCounted[unit]!),
      group: group >= 0 ? group + 1 : null,
    };
  });
  const reused = units.reduce((sum, unit) => sum + statuses.storyReused[unit]!, 0);
  const counted = units.reduce((sum, unit) => sum + statuses.storyCounted[unit]!, 0);
  return {
    path: doc.id,
    ...(doc.metadata !== undefined ? { metadata: doc.metadata } : {}),
    layout: doc.layout,
    lines: doc.lineCount,
    words: doc.words,
    counts,
    ...(pieces > 0 ? { continuingPieces: pieces } : {}),
    reusedShare: share(reused, counted),
    group: stories.find((s) => s.group !== null)?.group ?? null,
    stories,
  };
}
