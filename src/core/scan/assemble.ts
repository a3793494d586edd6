/**
 * The last stage: the report's documents (every paragraph with its status, matches, cluster
 * and story), their stories with reuse shares, and the summary counts. Statuses come from
 * classify.ts; this stage only puts the pieces together.
 */
import { isEvidence, paragraphStatus } from '../classify.js';
import type { Clusters, Corpus, Grouping, Noise, PreparedDocument } from '../model.js';
import { share } from '../numbers.js';
import type { DocumentReport, SegmentReport, StoryReport, Summary } from '../types.js';
import type { MatchLister } from './matches.js';
import { boilerplateOf } from './noise.js';

export interface AssemblyInput {
  corpus: Corpus;
  noise: Noise;
  clusters: Clusters;
  grouping: Grouping;
  matches: MatchLister;
  /** Per story: the document whose matches are listed first (its group's original), or -1. */
  originalDocOfStory: Int32Array;
  minWords: number;
}

/** Reuse per story: words in evidence paragraphs, and of those the reused ones. */
interface StoryTally {
  reused: number[];
  counted: number[];
}

export function assembleDocuments(input: AssemblyInput, summary: Summary): DocumentReport[] {
  const { corpus, noise } = input;
  const tally: StoryTally = { reused: new Array<number>(noise.stories.length).fill(0), counted: new Array<number>(noise.stories.length).fill(0) };
  const documents: DocumentReport[] = [];
  corpus.docs.forEach((doc, docIndex) => {
    if (doc.context) return;
    summary.documents++;
    summary.paragraphs += doc.paragraphs.length;
    documents.push(assembleDocument(input, doc, docIndex, tally, summary));
  });
  return documents;
}

function assembleDocument(input: AssemblyInput, doc: PreparedDocument, docIndex: number, tally: StoryTally, summary: Summary): DocumentReport {
  const { corpus, noise, clusters, grouping } = input;
  const base = corpus.firstParagraphOf[docIndex]!;
  const counts = { shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0 };
  const segments = doc.paragraphs.map((paragraph, index): SegmentReport => {
    const p = base + index;
    const unit = noise.storyOf[p]!;
    const found = input.matches.find(p, input.originalDocOfStory[unit]!);
    const boilerplate = boilerplateOf(noise, clusters, grouping, p);
    const status = paragraphStatus(found.exactCount, found.derivedCount, boilerplate);
    const cluster = clusters.paragraphCluster[p]!;
    counts[status]++;
    summary[status]++;
    const report: SegmentReport = {
      index,
      startLine: paragraph.segment.startLine,
      endLine: paragraph.segment.endLine,
      words: paragraph.words,
      status,
      story: noise.stories[unit]!.span.index,
      cluster: cluster >= 0 ? cluster + 1 : null,
      matches: found.matches,
      matchCount: found.exactCount + found.derivedCount,
      text: paragraph.segment.text,
    };
    if (found.merges.length > 0) report.merges = found.merges;
    if (boilerplate) report.boilerplate = boilerplate;
    const repeat = noise.repeated[p] === 1;
    if (repeat) {
      report.repeat = true;
      if (noise.repeatOf[p]! >= 0) report.repeatOf = noise.repeatOf[p]!;
      counts.repeats++;
      summary.repeats++;
    }
    // Only paragraphs that could be evidence of reuse count, on both sides of the share:
    // a whole article copied is 100% reused, whatever its short headings.
    if (isEvidence({ words: paragraph.words, repeat, boilerplate: boilerplate !== null }, input.minWords)) {
      tally.counted[unit]! += paragraph.words;
      if (status !== 'unique') tally.reused[unit]! += paragraph.words;
    }
    return report;
  });
  const units: number[] = [];
  for (let unit = noise.firstStoryOf[docIndex]!; unit < noise.stories.length && noise.stories[unit]!.doc === docIndex; unit++) units.push(unit);
  const stories: StoryReport[] = units.map((unit) => {
    const { span } = noise.stories[unit]!;
    const group = grouping.groupOf[unit]!;
    return {
      index: span.index,
      startLine: span.startLine,
      endLine: span.endLine,
      segments: [span.firstSegment, span.lastSegment],
      words: clusters.storyWords[unit]!,
      reusedShare: share(tally.reused[unit]!, tally.counted[unit]!),
      group: group >= 0 ? group + 1 : null,
    };
  });
  const reused = units.reduce((sum, unit) => sum + tally.reused[unit]!, 0);
  const counted = units.reduce((sum, unit) => sum + tally.counted[unit]!, 0);
  return {
    path: doc.id,
    ...(doc.metadata !== undefined ? { metadata: doc.metadata } : {}),
    layout: doc.layout,
    lines: doc.lineCount,
    words: doc.words,
    counts,
    reusedShare: share(reused, counted),
    group: stories.find((s) => s.group !== null)?.group ?? null,
    stories,
    segments,
  };
}
