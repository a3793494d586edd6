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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1's printable range). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: stripBom(strictUtf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** C0 controls except tab, LF, CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Replaces each control character by one space: offsets and line numbers stay as they were. */
export function cleanControls(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * Character offsets of lines, split exactly as the segmenter splits them (LF, CRLF, CR).
 * Keeps offsets only, not the text.
 */
export class LineIndex {
  /** starts[i] = offset of line i (0-based); ends[i] = offset just past its last non-space character. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string) {
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    const add = (end: number): void => {
      let trimmed = end;
      while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
      this.starts.push(start);
      this.ends.push(trimmed);
    };
    for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) {
      add(m.index);
      start = m.index + m[0].length;
    }
    add(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The characters of 1-based lines startLine..endLine as a half-open [start, end) range,
   * without the trailing whitespace of the last line (the report's paragraph text drops it too).
   */
  span(startLine: number, endLine: number): Interval {
    const start = this.starts[startLine - 1];
    const end = this.ends[endLine - 1];
    if (start === undefined || end === undefined || endLine < startLine) {
      throw new RangeError(`lines ${startLine}-${endLine} are outside a text of ${this.lineCount} lines`);
    }
    return [start, Math.max(start, end)];
  }
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
