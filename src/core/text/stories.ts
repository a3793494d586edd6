/**
 * Splits a file that holds several articles into stories. Scraped pages often bundle the
 * story a user asked for with others (seed 000: the North Korea story, then a Lebanon border
 * story; 001: the same story, then a Trump profile), and a reprinted story must be reported
 * apart from the unrelated one next to it.
 *
 * The cue is layout: inside a story, paragraphs are separated by the file's usual gap (0 or 1
 * blank line); between the bundled stories of the seeds there are 3, and the next story opens
 * with its headline. A story boundary is a gap wider than the file's most common gap, with at
 * least MIN_STORY_PARAGRAPHS paragraphs on each side, that is either WIDE_GAP_LINES blank
 * lines or more, or STORY_GAP_LINES followed by a headline-like line (at most HEADLINE_MAX_WORDS
 * words, not ending like a sentence; a question needs STORY_GAP_LINES more than the usual gap). A stray double blank line inside an article (13 of the
 * 2,224 BBC articles have one) is not a boundary.
 *
 * The other cue is the lede: a headline-like line followed by a paragraph that opens with a
 * dateline ("PEN-Y-GARN, Wales —", "LONDON, June 4 (Reuters) -"; text/dateline.ts), perhaps
 * after a byline or a date line, opens a story at the headline whatever the gap,
 * again with MIN_STORY_PARAGRAPHS on each side. A wire story has one dateline, at its top; a
 * page that ran a local story under the wire story with the usual gap was one story, named the
 * original of the wire story it reprinted, which "kept 58%" of it (a new user's run;
 * fixtures/bundle-datelined-story).
 *
 * And a page's list of links to other stories ("Related stories:", "Check Also", "You may also
 * like") ends the article above it: what follows, the links' titles and any story the page runs
 * next, is a story of its own, again with MIN_STORY_PARAGRAPHS on each side. A local story under
 * a reprint's "Related stories:" list made the reprint "partly derived" from the wire story it
 * copies whole (a new user's run; fixtures/related-links-bundle).
 */
import type { Segment, StorySpan } from '../model.js';
import { opensWithDateline } from './dateline.js';
import { isChromeLine } from './junk.js';

export type { StorySpan };

export const STORY_GAP_LINES = 2;
export const WIDE_GAP_LINES = 3;
export const MIN_STORY_PARAGRAPHS = 3;
export const HEADLINE_MAX_WORDS = 20;
/** A label over a list of links to other stories, alone on its line (the list's titles follow). */
const LINKS_LABEL =
  /^(?:related(?: stories| articles| posts| links| coverage| content| news)?|you (?:may|might) also like|more (?:stories|news)|read (?:more|next)|recommended(?: for you| stories| reading)?|most (?:read|popular)|trending(?: now| stories)?|(?:check|see) also|also read)\s*:?$/i;

/** A headline has words: a row of figures or a rule of dashes above a dateline is no headline. */
const HAS_LETTERS = /\p{L}{2}/u;
/** A line ending with a question mark (closing quotes or brackets after it): an explainer's subhead. */
const QUESTION_END = /\?["'”’)\]]*\s*$/;

/** How a sentence or clause ends, with a closing quote or bracket after it. */
const SENTENCE_END = /[.,;:]["”’)]?$/;

/**
 * Short and not ending like a sentence: a headline, a section title. Its end is read first, then
 * its words up to the one too many: a long paragraph is read to its end by neither (split into
 * its words, PAN's were 0.3 s of a scan once every paragraph was asked; session 31's profile).
 */
export function looksLikeHeadline(text: string): boolean {
  const trimmed = text.trim();
  return !SENTENCE_END.test(trimmed.slice(-2)) && hasAtMostWords(trimmed, HEADLINE_MAX_WORDS);
}

/** Whether trimmed text has at most `max` words, read only up to the one too many. */
function hasAtMostWords(trimmed: string, max: number): boolean {
  const gaps = /\s+/g;
  let words = 1;
  while (gaps.exec(trimmed) !== null) if (++words > max) return false;
  return true;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** A line between a headline and its lede: a byline or a date, 8 words at most, no sentence. */
const SHORT_LINE_MAX_WORDS = 8;
function isShortLine(text: string): boolean {
  const trimmed = text.trim();
  return hasAtMostWords(trimmed, SHORT_LINE_MAX_WORDS) && !/[.!?]["”’)]?$/.test(trimmed.slice(-2)) && !opensWithDateline(trimmed);
}

/** Whether a paragraph is a label over a list of links (short: the label alone on its line). */
function isLinksLabel(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= LINKS_LABEL_MAX_CHARS && LINKS_LABEL.test(trimmed);
}
const LINKS_LABEL_MAX_CHARS = 40;

/**
 * Per segment, how many paragraphs from it to the end are neither chrome nor a links label (made
 * once per file, when a links label asks: a page's "Check Also" over its comment form and
 * copyright line opens no story of chrome alone, fixtures/site-footer).
 */
function textFrom(segments: readonly Segment[]): Int32Array {
  const counts = new Int32Array(segments.length + 1);
  for (let i = segments.length - 1; i >= 0; i--) {
    const text = segments[i]!.text;
    counts[i] = counts[i + 1]! + (isChromeLine(text) || isLinksLabel(text) ? 0 : 1);
  }
  return counts;
}

export function detectStories(segments: readonly Segment[]): StorySpan[] {
  if (segments.length === 0) return [];
  const usualGap = mostCommon(segments.slice(1).map((s) => s.blankLinesBefore));
  const starts = [0];
  let textCounts: Int32Array | null = null;
  for (let i = MIN_STORY_PARAGRAPHS; i <= segments.length - MIN_STORY_PARAGRAPHS; i++) {
    const gap = segments[i]!.blankLinesBefore;
    // A headline opens a story after STORY_GAP_LINES blank lines; a question ("How is the West
    // reacting?") only after STORY_GAP_LINES more than the file's usual gap: an explainer's
    // subheads are questions, and in a file of blank-line-separated paragraphs one extra blank
    // line before one (where a scraped copy lost a picture) cut a verbatim reprint into two
    // stories, each "keeping" half the original (a new user's run;
    // fixtures/subhead-extra-blank-line). A feed dump of articles two blank lines apart, each
    // opening with its headline, is still cut at every article.
    if (i - starts[starts.length - 1]! < MIN_STORY_PARAGRAPHS) continue;
    const text = segments[i]!.text;
    const headlineGap = (): number => (QUESTION_END.test(text) ? usualGap + STORY_GAP_LINES : STORY_GAP_LINES);
    const byGap = gap > usualGap && (gap >= WIDE_GAP_LINES || (gap >= STORY_GAP_LINES && gap >= headlineGap() && looksLikeHeadline(text)));
    // The lede may come one short line after the headline: a byline or a date ("By Jane Doe,
    // Staff Writer", "June 4, 2024"; review: the cut fell on that line, the headline left above).
    const ledeAfter = (): boolean =>
      opensWithDateline(segments[i + 1]!.text) ||
      (i + 2 < segments.length && segments.length - i >= MIN_STORY_PARAGRAPHS + 1 && isShortLine(segments[i + 1]!.text) && opensWithDateline(segments[i + 2]!.text));
    const byLede = (): boolean => looksLikeHeadline(text) && HAS_LETTERS.test(text) && ledeAfter();
    const byLinks = (): boolean => isLinksLabel(text) && (textCounts ??= textFrom(segments))[i + 1]! >= MIN_STORY_PARAGRAPHS;
    if (byGap || byLede() || byLinks()) {
      starts.push(i);
    }
  }
  return starts.map((first, index) => {
    const last = (starts[index + 1] ?? segments.length) - 1;
    return {
      index,
      firstSegment: first,
      lastSegment: last,
      startLine: segments[first]!.startLine,
      endLine: segments[last]!.endLine,
    };
  });
}
