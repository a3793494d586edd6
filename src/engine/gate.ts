/**
 * The `--fail-on` gate, over a finished report: which paragraphs or documents trip it. The scan
 * fails on paragraphs; `check` can also fail on a whole document (a copy).
 */
import { failingStatuses, isEvidence } from '../core/classify.js';
import type { DocumentReport, Report, SegmentStatus, StoryReport, TemplateKind, Warning } from '../core/types.js';
import { SKIPPED_FILE_CODES } from '../core/warnings.js';

export type FailOn = 'shared' | 'edited';
export const FAIL_ON_VALUES: readonly FailOn[] = ['shared', 'edited'];
export type CheckFailOn = FailOn | 'document';
export const CHECK_FAIL_ON: readonly CheckFailOn[] = [...FAIL_ON_VALUES, 'document'];

/**
 * What a --fail-on gate did not check: files skipped (SKIPPED_FILE_CODES), folders it could not
 * enter (their files were never seen) and JSONL lines not parsed. A gate passes nothing it did
 * not check, so these fail it (exit 2), in the scan as in check.
 */
export function uncheckedInputs(warnings: readonly Warning[]): Warning[] {
  return warnings.filter((w) => SKIPPED_FILE_CODES.has(w.code) || w.code === 'unreadable-folder' || w.code === 'bad-line');
}

/** --fail-on document: the share of a story's words that makes its article a copy (issue 4: "say >= 80%"). */
export const DEFAULT_COPY_SHARE = 0.8;

/** What the gate reads of a paragraph (a report's segment, or the scan's analysis, which names its document). */
export interface ParagraphFacts {
  status: SegmentStatus;
  words: number;
  repeat?: boolean;
  /** A template's paragraph (a fill, or lines filled in anew): its matches link nothing. */
  template?: TemplateKind | null;
  document?: string;
  /** A later sentence piece of a long paragraph (SegmentReport.continues): not a paragraph of its own. */
  continues?: boolean;
}

/**
 * What trips --fail-on shared or edited: the paragraphs that are evidence of reuse (classify.ts,
 * isEvidence: at least --min-words words, not a repeat, not a template's; boilerplate has its
 * own status) with such a status; the sentence pieces of long paragraphs they are in (`pieces`,
 * as the summary's status counts count them); and the documents (as the facts name them) that
 * hold them, in order, each once. A long paragraph cut at its sentences is one paragraph however
 * many of its pieces trip the gate: "16 paragraphs shared" beside a summary of "4 paragraphs in
 * 16 pieces" (a new user's run).
 */
export function gateFindings(paragraphs: Iterable<ParagraphFacts>, failOn: FailOn, minWords: number): { paragraphs: number; pieces: number; documents: string[] } {
  const statuses = failingStatuses(failOn);
  let count = 0;
  let pieces = 0;
  // Numbers the paragraphs as the pieces go by; the last one counted.
  let paragraph = -1;
  let counted = -1;
  const documents: string[] = [];
  for (const piece of paragraphs) {
    if (piece.continues !== true) paragraph++;
    if (!statuses.includes(piece.status)) continue;
    if (!isEvidence({ words: piece.words, repeat: piece.repeat === true, boilerplate: false, template: piece.template }, minWords)) continue;
    pieces++;
    if (counted !== paragraph) {
      count++;
      counted = paragraph;
    }
    if (piece.document !== undefined && documents[documents.length - 1] !== piece.document) documents.push(piece.document);
  }
  return { paragraphs: count, pieces, documents };
}

/** The paragraphs of a report's documents, for the gate. */
export function* segmentsOf(documents: readonly DocumentReport[]): Generator<ParagraphFacts> {
  for (const doc of documents) yield* doc.segments;
}

/** The stories of a document that are copies: at least `copyShare` of their words reused. */
export function copiedStories(doc: DocumentReport, copyShare: number): StoryReport[] {
  return doc.stories.filter((story) => story.reusedShare >= copyShare);
}

/**
 * Whether a reported document trips the rule. For `document`, each story the file holds is
 * judged on its own: a reprint bundled with an unrelated story (seed 000: the AP story
 * reprinted whole, then a Lebanon story) is a copy, though only 60% of the file is.
 */
export function isFlagged(doc: DocumentReport, report: Report, failOn: CheckFailOn, copyShare: number): boolean {
  if (failOn === 'document') return copiedStories(doc, copyShare).length > 0;
  return gateFindings(doc.segments, failOn, report.options.minWords).paragraphs > 0;
}
