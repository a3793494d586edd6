/** Small text helpers shared by the renderers. */
import { cutEnd, visibleWidth } from './fit.js';

/**
 * Whitespace collapsed, other control characters escaped (see printable), cut to `width`
 * characters with an ellipsis. Only as much of a long text as the preview can show is read:
 * collapsing and escaping each paragraph whole to show 60 characters of it took 0.37 s of
 * PAN's default report. A prefix collapses to a prefix of the whole text collapsed (each
 * whitespace run becomes one space, each character is escaped alone), so once a prefix gives
 * more than `width` characters the preview is that of the whole.
 */
export function preview(text: string, width: number): string {
  for (let take = 2 * Math.max(width, 0) + 64; ; take *= 4) {
    const whole = take >= text.length;
    const flat = printable((whole ? text : text.slice(0, take)).replace(/\s+/g, ' ').trimStart()).trimEnd();
    // Columns, not characters: a Chinese character takes two (a pipe's previews of Chinese ran
    // to 139 columns of 100; found by a new user). Latin, Greek and Cyrillic text takes the cheap path.
    const narrow = NARROW_ONLY.test(flat);
    const columns = narrow ? flat.length : visibleWidth(flat);
    if (!whole && columns <= width) continue;
    if (width <= 1) return flat.length > 0 ? '…' : '';
    if (columns <= width) return flat;
    return wholeEscapes(narrow ? `${flat.slice(0, width - 1).trimEnd()}…` : cutEnd(flat, width), flat);
  }
}

/** An escape `printable` writes: \n, \r, \t, \x1b, \u{202e}. */
const ESCAPE = /\\(?:x[0-9a-f]{2}|u\{[0-9a-f]+\}|[nrt])/g;

/**
 * A preview (`cut`, ending in an ellipsis, a prefix of `flat` before it) without the part of an
 * escape the cut fell inside: "RTL \u{20…" read as text (found by a new user).
 */
function wholeEscapes(cut: string, flat: string): string {
  const kept = cut.length - 1;
  for (const escape of flat.matchAll(ESCAPE)) {
    if (escape.index >= kept) break;
    if (escape.index + escape[0].length > kept) return `${cut.slice(0, escape.index).trimEnd()}…`;
  }
  return cut;
}

/** Text whose every character takes one column (no combining mark, no wide or zero-width character). */
const NARROW_ONLY = /^[\u0000-\u02ff\u0370-\u0482\u048a-\u058f]*$/;

/** `text` cut to `width` characters with an ellipsis, its spacing kept (for aligned lines). */
export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? '…' : `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * The line spans of a block's paragraphs, the pieces of one long paragraph (cut at sentences,
 * each on the lines it lies on: `continues`, or the next starting on the line where one ends) as
 * that paragraph's span once ("22-37", not "22-25,26-35,36-37" when a cut fell at a line's end).
 */
export function paragraphSpans(refs: ReadonlyArray<{ startLine: number; endLine: number; continues?: true }>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { startLine, endLine, continues } of refs) {
    const last = spans[spans.length - 1];
    if (last && (continues === true || startLine === last[1])) last[1] = Math.max(last[1], endLine);
    else spans.push([startLine, endLine]);
  }
  return spans;
}

export function lineSpan(startLine: number, endLine: number): string {
  return startLine === endLine ? String(startLine) : `${startLine}-${endLine}`;
}

/**
 * A share as a whole percentage, cut down, never rounded up: a document 79.8% reused read "80%"
 * in the table of a check whose gate (`--fail-on document`, 80% by default) let it pass (a new
 * user's trial). So "80%" means at least 80%, and "100%" all of it ("keeps 100% of the first's
 * words" once hid a word changed, 0.999; found by a new user). But never "0%" for a share above
 * nothing: below 1%, one decimal, cut down too but at least 0.1%.
 */
export function percent(share: number): string {
  // The small epsilon keeps shares stored a hair under their value (0.29 * 100 = 28.999...) whole.
  const whole = Math.floor(share * 100 + 1e-9);
  if (whole === 0 && share > 0) return `${Math.max(0.1, Math.floor(share * 1000 + 1e-9) / 10).toFixed(1)}%`;
  return `${whole}%`;
}

/** `other` shortened to its file name when it sits in the same folder as `from`; printable. */
export function relativeName(from: string, other: string): string {
  const folder = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1);
  return printable(folder(from) === folder(other) ? other.slice(folder(other).length) : other);
}

/**
 * The largest `measure` of the items (at least `floor`). A loop, not Math.max(...spread): a
 * spread of a document's 130,000 paragraphs, or of a scan's documents, overflows the call stack.
 */
export function largest<T>(items: Iterable<T>, measure: (item: T) => number, floor = 0): number {
  let most = floor;
  for (const item of items) most = Math.max(most, measure(item));
  return most;
}

/** The longest of `texts` (at least `floor`), in characters. */
export function widest(texts: Iterable<string>, floor = 0): number {
  return largest(texts, (text) => text.length, floor);
}

/** A count as people read it: thousands separated (`33,470`), as the progress line and the README write them. */
export function thousands(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * "196 paragraphs", or with long paragraphs cut at their sentences, "2 paragraphs in 14 pieces":
 * `count` segments, `continuing` of them later pieces of a long paragraph. The summary line, a
 * document's line and the documents table say it alike (a file of one long paragraph was "7
 * paragraphs" where `dedupe diff` said 1; found by a new user).
 */
export function paragraphsInPieces(count: number, continuing: number): string {
  return continuing > 0 ? `${plural(count - continuing, 'paragraph')} in ${thousands(count)} pieces` : plural(count, 'paragraph');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${thousands(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Control characters in a name or message (a file called `\e[2Jnews.txt`, a newline in a file
 * name) would act on the terminal or forge extra lines: they are shown escaped instead.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * The lines of a repeated text, each once with how often it is there: pieces of one long line
 * (cut at sentences) all lie on it, and an article of one line repeated four times read
 * "lines 1, 1, 1, 1" (a 1.4 MB line made 943-character lists; found by a new user). "line 1
 * (4 times)", "lines 1, 7", "lines 3 (2 times), 9".
 */
export function repeatLines(lines: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const line of lines) {
    const last = runs[runs.length - 1];
    if (last && last[0] === line) last[1]++;
    else runs.push([line, 1]);
  }
  const listed = runs.map(([line, times]) => (times === 1 ? String(line) : `${line} (${times} times)`)).join(', ');
  return `${runs.length === 1 ? 'line' : 'lines'} ${listed}`;
}

/**
 * A document's repeated texts: for each text found more than once in the file, its first
 * paragraph's number and the lines of every occurrence, in file order.
 */
export function repeatedLines(doc: { segments: ReadonlyArray<{ repeat?: boolean; repeatOf?: number; startLine: number }> }): Map<number, number[]> {
  const byFirst = new Map<number, number[]>();
  doc.segments.forEach((segment, i) => {
    if (!segment.repeat) return;
    const first = segment.repeatOf ?? i;
    const lines = byFirst.get(first);
    if (lines) lines.push(segment.startLine);
    // The first copy of a page scraped twice is text, not a repeat: its line still heads the list ("lines 1, 14").
    else if (first !== i && doc.segments[first] && !doc.segments[first]!.repeat) byFirst.set(first, [doc.segments[first]!.startLine, segment.startLine]);
    else byFirst.set(first, [segment.startLine]);
  });
  return byFirst;
}

/**
 * A long report (JSON or for people) is written in pieces of about this many characters. V8 cannot build a string over 2^29 - 24 characters
 * (`npm run bench` on a 100 MB corpus once failed in `JSON.stringify` with "RangeError:
 * Invalid string length"), and one string would hold the whole text, and its UTF-8 copy.
 * Small enough that a piece dies young: pieces of 1 MB lived long enough to be promoted, and
 * PAN's --json peaked at 467 MB instead of 386 MB, for no gain in speed.
 */
export const OUTPUT_PIECE_CHARS = 1 << 16;

/** `chunks` joined into pieces of at least `chars` characters (the last may be shorter): fewer, larger writes. */
export function* inPieces(chunks: Iterable<string>, chars: number): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= chars) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** Documents a gate's line names before "and N more". */
const GATE_NAMED_DOCUMENTS = 3;

/** "a.txt", "a.txt and b.txt", "3 documents: a.txt, b.txt, c.txt and 117 more" (a gate's line: which files to look at, never a line of thousands). */
export function namedDocuments(documents: readonly string[], counted = true): string {
  const named = documents.slice(0, GATE_NAMED_DOCUMENTS).map(printable);
  const more = documents.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${thousands(more)} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}` : named.join('');
  return counted && documents.length > 1 ? `${plural(documents.length, 'document')}: ${list}` : list;
}
