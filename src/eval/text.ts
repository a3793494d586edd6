/**
 * Corpus bytes to the text dedupe reads, and report line spans back to character offsets.
 *
 * The corpora are older than UTF-8 everywhere: one BBC file and one Reuters file hold
 * Windows-1252 bytes, 14 PAN files hold NUL bytes and 436 other control characters. dedupe
 * skips a file with a NUL as binary (src/input/read.ts), so the converters clean the text:
 * every control character other than tab and line ends becomes one space. The replacement
 * is one character for one character, so a character offset in the cleaned text is the same
 * offset in the original (PAN's gold spans are character offsets into the original files).
 */
import { characterReferenceAt } from '../core/text/entities.js';
import { withoutBom } from '../core/text/normalize.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1's printable range). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: withoutBom(strictUtf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}


/** C0 controls except tab, LF, CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Replaces each control character by one space: offsets and line numbers stay as they were. */
export function cleanControls(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * Character offsets of the report's paragraphs in the text dedupe read. The report gives a
 * paragraph as 1-based lines plus its text; a long paragraph cut at sentence ends
 * (segment.ts) gives several pieces on one line, so a span is found by matching the
 * paragraph's text from its first line on, after the previous paragraph. The text is the
 * file's own apart from whitespace (line ends are stripped of trailing spaces), so the match
 * skips whitespace and nothing else.
 */
export class TextIndex {
  /** lineStarts[i] = offset of line i (0-based), lines split as the segmenter splits them. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    const lineEnd = /\r\n|\r|\n/g;
    for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) this.lineStarts.push(m.index + m[0].length);
  }

  /** Spans of a document's paragraphs, given in report order. Throws when a text is not found. */
  spans(segments: ReadonlyArray<{ startLine: number; text: string }>): Interval[] {
    const out: Interval[] = [];
    let cursor = 0;
    for (const seg of segments) {
      const lineStart = this.lineStarts[seg.startLine - 1];
      if (lineStart === undefined) throw new RangeError(`line ${seg.startLine} is outside a text of ${this.lineStarts.length} lines`);
      const span = this.match(seg.text, Math.max(cursor, lineStart));
      if (!span) throw new Error(`paragraph at line ${seg.startLine} ("${seg.text.slice(0, 40)}") not found in the text`);
      out.push(span);
      cursor = span[1];
    }
    return out;
  }

  private match(piece: string, from: number): Interval | null {
    const text = this.text;
    let i = 0;
    let j = from;
    let start = -1;
    while (i < piece.length) {
      if (j >= text.length) return null;
      const a = piece[i]!;
      const b = text[j]!;
      // The report's paragraphs have the file's HTML references decoded (core/text/entities.ts).
      const reference = b === '&' ? characterReferenceAt(text, j) : null;
      if (reference !== null && piece.startsWith(reference.decoded, i) && (start >= 0 || !isSpace(reference.decoded))) {
        if (start < 0) start = j;
        i += reference.decoded.length;
        j += reference.length;
      } else if (a === b && (start >= 0 || !isSpace(a))) {
        if (start < 0) start = j;
        i++;
        j++;
      } else if (reference !== null && isSpace(reference.decoded)) j += reference.length;
      else if (isSpace(b)) j++;
      else if (isSpace(a)) i++;
      else return null;
    }
    return start < 0 ? [from, from] : [start, j];
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || /\s/.test(ch);
}

/** Half-open character range [start, end). */
export type Interval = readonly [number, number];

/** Total length of the union of intervals. */
export function unionLength(intervals: readonly Interval[]): number {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  return total + (curEnd - curStart);
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a[0], b[0]);
  const end = Math.min(a[1], b[1]);
  return end > start ? [start, end] : null;
}

/** Characters of `range` covered by the union of `cover`. */
export function coveredLength(range: Interval, cover: readonly Interval[]): number {
  const parts: Interval[] = [];
  for (const c of cover) {
    const part = intersect(range, c);
    if (part) parts.push(part);
  }
  return unionLength(parts);
}

/** Text compared for "identical": whitespace runs collapsed, ends trimmed. */
export function whitespaceNormalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Decodes the entities SGML and XML corpora use (&lt; &gt; &amp; &quot; &apos; &#N; &#xN;). */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of one XML/SGML start tag, e.g. `<feature name="x" this_offset="3" />`. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const attribute = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = attribute.exec(tag); m !== null; m = attribute.exec(tag)) {
    out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}
