/**
 * `dedupe diff <from> <to>` as data: the paragraph alignment of two prepared documents with
 * counts, coverage both ways and each block's line spans and word operations. `diffBlocks`
 * states any alignment that way (the HTML report's side-by-side view of a group member).
 */
import { endLine, shingles, startLine, text, textKey } from '../document.js';
import { intersectionSize, unionSet } from '../matching/overlap.js';
import type { Corpus, Noise, PreparedDocument, StorySpan } from '../model.js';
import { share } from '../numbers.js';
import { findNoise } from '../scan/noise.js';
import { collectVariants } from '../scan/variants.js';
import { SCHEMA_VERSION, type DiffBlock, type DiffReport, type DiffSide, type SegmentRef, type SetAsideParagraph } from '../types.js';
import { withOriginalWords } from './worddiff.js';
import { alignParagraphs, alignParagraphsOf, keptTotals, paragraphCount, paragraphNumbers, type AlignedBlock, type AlignParagraph, type AlignRule } from './align.js';

/** One side of an alignment: the paragraphs aligned, and the segment each stands for in its document. */
export interface AlignedSide {
  paragraphs: readonly AlignParagraph[];
  /** Segment index of each paragraph; absent: the paragraphs are the document's segments, in order. */
  segments?: readonly number[];
}

/**
 * Aligned blocks as the report states them: line spans, similarity, and word operations or text.
 * With `originalWords`, each side in its own words: a same block's `fromText` and unchanged
 * runs' `from` where the original writes them otherwise (the HTML side-by-side view showed the
 * copy's "army" and straight quotes under "Original"; found by a new user).
 */
export function diffBlocks(blocks: readonly AlignedBlock[], from: AlignedSide, to: AlignedSide, originalWords = false): DiffBlock[] {
  const [fromParagraph, toParagraph] = [paragraphNumbers(from.paragraphs), paragraphNumbers(to.paragraphs)];
  const ref = (side: AlignedSide, paragraphOf: Int32Array, indexes: readonly number[]): SegmentRef[] => {
    return indexes.map((i, k) => {
      const out: SegmentRef = { segment: side.segments?.[i] ?? i, startLine: side.paragraphs[i]!.startLine, endLine: side.paragraphs[i]!.endLine };
      // A piece after the one before it of the same paragraph: renderers name the paragraph's lines once.
      if (k > 0 && indexes[k - 1] === i - 1 && paragraphOf[i] === paragraphOf[i - 1]) out.continues = true;
      return out;
    });
  };
  return blocks.map((block) => {
    const out: DiffBlock = {
      kind: block.kind,
      from: ref(from, fromParagraph, block.from),
      to: ref(to, toParagraph, block.to),
      similarity: block.similarity,
      moved: block.moved,
    };
    if (block.reworded) out.reworded = true;
    const fromText = (): string => block.from.map((i) => from.paragraphs[i]!.text).join(' ');
    if (block.ops) out.ops = originalWords ? withOriginalWords(block.ops, fromText()) : block.ops;
    else {
      out.text = block.to.length > 0 ? block.to.map((j) => to.paragraphs[j]!.text).join(' ') : fromText();
      if (originalWords && block.to.length > 0 && block.from.length > 0 && fromText() !== out.text) out.fromText = fromText();
    }
    return out;
  });
}

/**
 * `options`: the derived-pair rule, and with the scan's `seed` (and `minWords`), reworded
 * paragraphs are paired too, as a scan of the two articles finds them.
 */
/**
 * Whether the alignment found any change: a block other than "same", or a same block that moved
 * (--exit-code, and the report's "no change" line). A file of which one story was compared holds
 * more than the other (its other stories): the two differ (review: a change in the story left
 * out read "no change", exit 0).
 */
export function differs(report: DiffReport): boolean {
  // Paragraphs set aside (repeats, junk lines) are text of the files too: one marked changed is a change.
  const setAsideAlone = (side: DiffSide): boolean => (side.setAside ?? []).some((p) => p.changed);
  return (
    report.from.story !== undefined ||
    report.to.story !== undefined ||
    setAsideAlone(report.from) ||
    setAsideAlone(report.to) ||
    report.blocks.some((block) => block.kind !== 'same' || block.moved)
  );
}

export function diffDocuments(from: PreparedDocument, to: PreparedDocument, options: AlignRule): DiffReport {
  // The two files as a scan of them sees them: their repeats, junk lines and stories (scan/noise.ts).
  const corpus = collectVariants([from, to]);
  const noise = findNoise(corpus);
  const storiesOf = (docIndex: number): StorySpan[] => noise.stories.filter((story) => story.doc === docIndex).map((story) => story.span);
  const [fromStories, toStories] = [storiesOf(0), storiesOf(1)];
  const [fromSpan, toSpan] = closestStories(from, fromStories, to, toStories);
  const [fromSide, toSide] = [compared(corpus, noise, 0, fromSpan), compared(corpus, noise, 1, toSpan)];
  markChanged(fromSide, toSide);
  const all = [alignParagraphsOf(from), alignParagraphsOf(to)] as const;
  const a = fromSide.segments.map((i) => all[0][i]!);
  const b = toSide.segments.map((i) => all[1][i]!);
  const blocks = alignParagraphs(a, b, options);
  const summary = { same: 0, edited: 0, merged: 0, split: 0, dropped: 0, added: 0, moved: 0, coverage: 0, reused: 0 };
  for (const block of blocks) {
    summary[block.kind]++;
    if (block.moved) summary.moved++;
  }
  const kept = keptTotals(blocks, a, b);
  const words = (side: readonly AlignParagraph[]): number => side.reduce((sum, p) => sum + p.words, 0);
  const narrowed = (span: StorySpan | null, setAside: readonly SetAsideParagraph[]): boolean => span !== null || setAside.length > 0;
  const [fromWords, toWords] = [narrowed(fromSpan, fromSide.setAside) ? words(a) : from.words, narrowed(toSpan, toSide.setAside) ? words(b) : to.words];
  summary.coverage = share(kept.from, fromWords);
  summary.reused = share(kept.to, toWords);
  const side = (doc: PreparedDocument, paragraphs: readonly AlignParagraph[], count: number, span: StorySpan | null, stories: number, setAside: SetAsideParagraph[]): DiffSide => {
    const out: DiffSide = { path: doc.id, paragraphs: paragraphCount(paragraphs), words: count, layout: doc.layout };
    if (span) out.story = { index: span.index, stories, startLine: span.startLine, endLine: span.endLine };
    if (setAside.length > 0) out.setAside = setAside;
    return out;
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    from: side(from, a, fromWords, fromSpan, fromStories.length, fromSide.setAside),
    to: side(to, b, toWords, toSpan, toStories.length, toSide.setAside),
    summary,
    blocks: diffBlocks(blocks, { paragraphs: a, segments: fromSide.segments }, { paragraphs: b, segments: toSide.segments }),
  };
}

/**
 * The segments of document `docIndex` (0 or 1 of the pair) that are compared: its story's, or
 * all; without the paragraphs a scan leaves out of a story's text (scan/noise.ts: repeats inside
 * the file, site chrome), which are listed with why. A scan also leaves out a word or two found
 * more than once in the corpus (an artifact such as "TT"); of two files, that is a one-word
 * headline or a "***" found once in each, part of both stories: compared. Compared, the seeds' 000 against 002 listed its
 * repeated headline and captions and a bare "TT" as 7 of 8 paragraphs dropped, where the scan
 * counted 1 (a new user's run).
 */
function compared(corpus: Corpus, noise: Noise, docIndex: number, span: StorySpan | null): ComparedSide {
  const doc = corpus.docs[docIndex]!;
  const base = corpus.firstParagraphOf[docIndex]!;
  const segments: number[] = [];
  const setAside: SetAsideParagraph[] = [];
  const keys: string[] = [];
  const [first, last] = span ? [span.firstSegment, span.lastSegment] : [0, doc.count - 1];
  for (let i = first; i <= last; i++) {
    const p = base + i;
    const junk = noise.junk[p];
    // A short line found once in each file ("Dredging", a subhead, a "***" break) is part of both stories here.
    if (noise.repeated[p] === 0 && junk !== 'footer') {
      segments.push(i);
      continue;
    }
    const aside: SetAsideParagraph = { segment: i, startLine: startLine(doc, i), endLine: endLine(doc, i), reason: junk === 'footer' ? 'chrome' : junk ?? 'repeat', text: text(doc, i), changed: false };
    const firstCopy = noise.repeatOf[p]!;
    if (aside.reason === 'repeat' && firstCopy >= 0) aside.repeatOfLine = startLine(doc, firstCopy);
    setAside.push(aside);
    keys.push(textKey(doc, i) ?? `'${text(doc, i).trim()}`);
  }
  return { segments, setAside, keys };
}

/** One side of `dedupe diff` as compared: its segments, and those set aside with their text keys (matching's words). */
interface ComparedSide {
  segments: number[];
  setAside: SetAsideParagraph[];
  keys: string[];
}

/**
 * Marks as changed each set-aside paragraph whose words the other side does not set aside (one
 * for one, case, punctuation and quotes aside, as matching folds them) where the other side sets
 * aside paragraphs for the same reason: a headline repeated in both files and reworded in one.
 * Compared by their raw text, that read "both files: 2 paragraphs left out" with no change
 * shown, while exit 1 (review). Where the other side sets aside nothing for that reason (002
 * against 000's repeated headline and captions), they are this file's noise, as a scan reads
 * it: listed, not a change (every one was a "set aside only in" line; review of the session).
 */
function markChanged(a: ComparedSide, b: ComparedSide): void {
  const mark = (side: ComparedSide, other: ComparedSide): void => {
    const left = new Map<string, number>();
    for (const key of other.keys) left.set(key, (left.get(key) ?? 0) + 1);
    const reasons = new Set(other.setAside.map((p) => p.reason));
    side.keys.forEach((key, k) => {
      const count = left.get(key) ?? 0;
      const paragraph = side.setAside[k]!;
      if (count > 0) left.set(key, count - 1);
      else if (reasons.has(paragraph.reason)) paragraph.changed = true;
    });
  };
  mark(a, b);
  mark(b, a);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * The stories of the two files to compare: when one file holds several (a scraped page bundling
 * articles: seeds 000 and 001) and the other one, the bundle's story sharing the most shingles
 * with it (the first on a tie), as a scan reports stories, not files. Compared whole, seed 002
 * against 000 listed 000's second story, its repeated headlines and artifacts as 27 paragraphs
 * added, "48% of its own words come from it", where the scan said 000's story 1 kept 95% of
 * 002 (a new user's run). Two bundles are compared whole: one story of each would leave out
 * what the others changed (review). Null for a file compared whole, and for both when no story
 * shares anything with the other file.
 */
function closestStories(from: PreparedDocument, fromStories: readonly StorySpan[], to: PreparedDocument, toStories: readonly StorySpan[]): [StorySpan | null, StorySpan | null] {
  if ((fromStories.length < 2) === (toStories.length < 2)) return [null, null];
  const shinglesOf = (doc: PreparedDocument, span: StorySpan): Uint32Array => unionSet(range(span.firstSegment, span.lastSegment + 1).map((i) => shingles(doc, i)));
  const toSets = toStories.map((span) => shinglesOf(to, span));
  let best: [StorySpan, StorySpan] | null = null;
  let bestShared = 0;
  for (const fromSpan of fromStories) {
    const fromSet = shinglesOf(from, fromSpan);
    toStories.forEach((toSpan, k) => {
      const shared = intersectionSize(fromSet, toSets[k]!);
      if (shared > bestShared) [best, bestShared] = [[fromSpan, toSpan], shared];
    });
  }
  if (best === null) return [null, null];
  const [fromBest, toBest] = best as [StorySpan, StorySpan];
  return [fromStories.length > 1 ? fromBest : null, toStories.length > 1 ? toBest : null];
}
