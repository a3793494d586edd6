/**
 * Splits an article into paragraphs with 1-based line spans.
 *
 * Blank lines always separate paragraphs. What a non-blank line break means depends on how
 * the file was written, detected per file:
 *
 * - `line` layout: one paragraph per line, as scraped web articles often are (seeds 000-002).
 *   Lines end at sentence ends.
 * - `block` layout: hard-wrapped text (Reuters-21578, PAN), where lines break mid-sentence and
 *   the lines of a block are joined. Inside a block a new paragraph still starts at an
 *   indented line (Reuters indents first lines by four spaces), and after a line that ends a
 *   sentence well short of the wrap width.
 *
 * Detection: among lines that are followed by another non-blank line, count those that end
 * without sentence-final punctuation. If at least half do, lines break mid-sentence: block.
 * A file without such lines gives the same paragraphs either way and is reported as line.
 *
 * Either way, a paragraph much longer than a news paragraph is then cut into its sentences
 * (LONG_PARAGRAPH_CHARS); the pieces keep the line span they lie on, so several can share a line.
 */
import type { Layout, Segment } from '../model.js';
import type { SegmentMode } from '../types.js';
import { chromeTrailerStart, isChromeLine } from './junk.js';

export type { Segment };

export interface Segmentation {
  layout: Layout;
  lineCount: number;
  segments: Segment[];
}

/** Share of continued lines ending mid-sentence at or above which a file is hard-wrapped. */
export const WRAPPED_LINE_SHARE = 0.5;
/** Inside a block, a sentence-final line shorter than this share of the wrap width ends a paragraph. */
export const SHORT_LINE_RATIO = 0.6;
/** The wrap width is this percentile of continued-line lengths: the longest lines but for a few overlong ones. */
const WRAP_WIDTH_PERCENTILE = 0.9;

/**
 * A paragraph longer than this many characters is cut into its sentences. News paragraphs are
 * one to three sentences; text that arrives without paragraph breaks is not (COUNTER's Urdu
 * stories are one line each, PAN's extracted web pages run hundreds of words per line), and
 * there a whole story as one "paragraph" hides which part of it was reused. Measured with
 * `npm run eval` (README "Accuracy"), PAN 2013 verbatim copies (folder 02), paragraph F1:
 * 0.41 without cutting, 0.90 at 600, 0.95 at 350, 0.97 when every paragraph is cut. 600 keeps
 * ordinary news paragraphs whole (the seeds' longest is 564 characters): cutting a lightly
 * edited 60-word wire paragraph into sentences turns it into shared and unique sentences.
 */
export const LONG_PARAGRAPH_CHARS = 600;
/**
 * A sentence shorter than this joins the next one ("Fact:", "4.", "Map of ."): alone it is
 * under --min-words and can only match exactly. PAN 02 F1 0.88 -> 0.90 (03: 0.07 -> 0.05).
 */
export const MIN_PIECE_CHARS = 40;

const SENTENCE_END = /[.!?:;"'\u201d\u2019\u00bb)\]\u2026\u3002\uff01\uff1f\u06d4\u061f]$/;
const INDENTED = /^(?:\t| {2,}|\u3000)/;

/**
 * Where a sentence ends inside a paragraph: . ! ? or an ellipsis, with any closing quotes or
 * brackets, then whitespace and no lower-case letter ("U.S. officials" stays whole); or a
 * full stop or question mark of Urdu/Arabic or CJK, which need no space after them.
 */
export const SENTENCE_BREAK =
  /[.!?\u2026]["'\u201d\u2019\u00bb)\]]*\s+(?!\p{Ll})|[\u06d4\u061f\u3002\uff01\uff1f]["'\u201d\u2019\u00bb)\]]*\s*/gu;

/** Newlines in text[from, to). A bounded loop: indexOf would search on to the end of an 8 MB line each time. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/**
 * [from, to) character ranges of the pieces a paragraph is cut into: the whole text when it
 * is at most LONG_PARAGRAPH_CHARS long, else its sentences, each at least MIN_PIECE_CHARS
 * long (the last may be shorter). Whitespace between pieces belongs to neither.
 */
export function sentencePieces(text: string): Array<[number, number]> {
  if (text.length <= LONG_PARAGRAPH_CHARS) return [[0, text.length]];
  const pieces: Array<[number, number]> = [];
  let pieceStart = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m !== null; m = SENTENCE_BREAK.exec(text)) {
    const next = m.index + m[0].length;
    if (next >= text.length) break;
    const end = m.index + m[0].trimEnd().length;
    if (end - pieceStart < MIN_PIECE_CHARS) continue;
    pieces.push([pieceStart, end]);
    pieceStart = next;
  }
  pieces.push([pieceStart, text.length]);
  return pieces;
}

/**
 * The pieces of a paragraph (sentencePieces) with chrome glued to its end (junk.ts,
 * chromeTrailerStart: from `trailer`, or -1) cut off as a piece of its own, so that the chrome
 * is recognised as chrome and the text before it is compared without it.
 */
function piecesOf(text: string, trailer: number): Array<[number, number]> {
  if (trailer < 0) return sentencePieces(text);
  const head = text.slice(0, trailer).trimEnd();
  return [...sentencePieces(head), [trailer, text.length]];
}

/** Splits text on any line ending (LF, CRLF, CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trimEnd());
}

/** Runs of non-blank lines as [start, end) line indexes. */
function blocks(lines: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || isBlank(lines[i]!);
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

export function detectLayout(lines: readonly string[]): Layout {
  let continued = 0;
  let midSentence = 0;
  for (const [start, end] of blocks(lines)) {
    for (let i = start; i < end - 1; i++) {
      // Publishing-system chrome ends without a full stop whatever the layout ("Leave a Reply"
      // over the comment form's next line): no evidence of wrapping (junk.ts, isChromeLine).
      if (isChromeLine(lines[i]!)) continue;
      continued++;
      if (!endsSentence(lines[i]!)) midSentence++;
    }
  }
  if (continued === 0) return 'line';
  return midSentence / continued >= WRAPPED_LINE_SHARE ? 'block' : 'line';
}

/** The 90th percentile of continued-line lengths: the column the text was wrapped at. */
function wrapWidth(lines: readonly string[], spans: ReadonlyArray<[number, number]>): number {
  const lengths: number[] = [];
  for (const [start, end] of spans) {
    for (let i = start; i < end - 1; i++) lengths.push(lines[i]!.trimEnd().length);
  }
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * WRAP_WIDTH_PERCENTILE))]!;
}

export function segment(text: string, mode: SegmentMode = 'auto'): Segmentation {
  const lines = splitLines(text);
  // A trailing newline does not start a line of its own.
  const lineCount = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const layout: Layout = mode === 'auto' ? detectLayout(lines) : mode;
  const spans = blocks(lines);
  const segments: Segment[] = [];
  let previousEnd = 0;
  const emit = (start: number, end: number): void => {
    const text =
      end - start === 1
        ? lines[start]!.trimEnd()
        : lines
            .slice(start, end)
            .map((l) => l.trimEnd())
            .join('\n');
    // The first piece of a paragraph is as far from the previous paragraph as the paragraph
    // is; later pieces of the same paragraph follow on directly (no story boundary between).
    let gap = start - previousEnd;
    const trailer = chromeTrailerStart(text);
    if (trailer < 0 && text.length <= LONG_PARAGRAPH_CHARS) {
      // One piece (sentencePieces), its lines joined by one newline each (lines hold none).
      segments.push({ index: segments.length, startLine: start + 1, endLine: end, text, blankLinesBefore: gap });
      previousEnd = end;
      return;
    }
    // Lines before each piece, counted on from the previous piece: counting from the start of
    // the text for every piece took 29 s for 8 MB of prose on one line of sentences.
    let newlinesBefore = 0;
    let counted = 0;
    for (const [from, to] of piecesOf(text, trailer)) {
      const piece = text.slice(from, to);
      newlinesBefore += countNewlines(text, counted, from);
      counted = from;
      const firstLine = start + 1 + newlinesBefore;
      const segment: Segment = {
        index: segments.length,
        startLine: firstLine,
        endLine: firstLine + countNewlines(piece, 0, piece.length),
        text: piece,
        blankLinesBefore: gap,
      };
      if (from > 0) segment.continues = true;
      segments.push(segment);
      gap = 0;
    }
    previousEnd = end;
  };

  if (layout === 'line') {
    for (const [start, end] of spans) for (let i = start; i < end; i++) emit(i, i + 1);
    return { layout, lineCount, segments };
  }

  const width = wrapWidth(lines, spans);
  for (const [start, end] of spans) {
    // Indentation marks paragraphs only when the block is not indented throughout.
    let indented = 0;
    for (let i = start; i < end; i++) if (INDENTED.test(lines[i]!)) indented++;
    const indentMarksParagraphs = indented > 0 && indented < end - start;
    let paragraphStart = start;
    let previousChrome = isChromeLine(lines[start]!);
    for (let i = start + 1; i < end; i++) {
      const previous = lines[i - 1]!;
      const lineChrome = isChromeLine(lines[i]!);
      const startsIndented = indentMarksParagraphs && INDENTED.test(lines[i]!);
      const shortSentenceEnd =
        endsSentence(previous) && previous.trimEnd().length < SHORT_LINE_RATIO * width;
      // A line of publishing-system chrome stands alone ("Leave a Reply" over the comment form's
      // line and a copyright line, under a hard-wrapped article, were joined into one paragraph
      // that no footer rule knew, and linked unrelated pages of one site; found by a new user).
      const chrome = previousChrome || lineChrome;
      previousChrome = lineChrome;
      if (startsIndented || shortSentenceEnd || chrome) {
        emit(paragraphStart, i);
        paragraphStart = i;
      }
    }
    emit(paragraphStart, end);
  }
  return { layout, lineCount, segments };
}
