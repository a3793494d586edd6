/**
 * A prepared document as a few flat arrays, to cross between threads cheaply.
 *
 * Structured cloning a PreparedDocument copies every paragraph object, segment object and
 * small typed array one by one; receiving them on the main thread cost as much as preparing
 * them, so two threads were no faster than one (10 MB bench corpus: 1.9 s against 1.8 s).
 * Packed, a document is one Uint32Array (numbers, shingles, band keys, anchors), one string
 * (paragraph texts and text keys) and a small header; unpacking makes the paragraph objects
 * with typed-array views into that one buffer.
 */
import type { PreparedDocument, PreparedParagraph } from '../core/scan.js';
import type { Layout } from '../core/types.js';

export interface PackedDocument {
  id: string;
  layout: Layout;
  lineCount: number;
  words: number;
  modifiedAt?: number;
  /** Per paragraph: FIELDS numbers, then its shingles, band keys and anchors. */
  numbers: Uint32Array;
  /** Paragraph texts then text keys, each prefixed by nothing: lengths are in `numbers`. */
  strings: string;
  paragraphCount: number;
}

// Per paragraph header: index, startLine, endLine, blankLinesBefore, words, flags,
// text length, text key length, shingle count, band key count, anchor count.
const FIELDS = 11;
const HAS_SHINGLES = 1;
const CHROME = 2;

export function packDocument(doc: PreparedDocument): PackedDocument {
  let size = 0;
  for (const p of doc.paragraphs) size += FIELDS + (p.shingles?.length ?? 0) + (p.bandKeys?.length ?? 0) + (p.anchors?.length ?? 0);
  const numbers = new Uint32Array(size);
  const strings: string[] = [];
  let at = 0;
  for (const p of doc.paragraphs) {
    const key = p.textKey ?? '';
    numbers[at++] = p.segment.index;
    numbers[at++] = p.segment.startLine;
    numbers[at++] = p.segment.endLine;
    numbers[at++] = p.segment.blankLinesBefore;
    numbers[at++] = p.words;
    numbers[at++] = (p.shingles ? HAS_SHINGLES : 0) | (p.chrome ? CHROME : 0) | (p.textKey === null ? 4 : 0);
    numbers[at++] = p.segment.text.length;
    numbers[at++] = key.length;
    numbers[at++] = p.shingles?.length ?? 0;
    numbers[at++] = p.bandKeys?.length ?? 0;
    numbers[at++] = p.anchors?.length ?? 0;
    for (const array of [p.shingles, p.bandKeys, p.anchors]) {
      if (array) {
        numbers.set(array, at);
        at += array.length;
      }
    }
    strings.push(p.segment.text, key);
  }
  const packed: PackedDocument = {
    id: doc.id,
    layout: doc.layout,
    lineCount: doc.lineCount,
    words: doc.words,
    numbers,
    strings: strings.join(''),
    paragraphCount: doc.paragraphs.length,
  };
  if (doc.modifiedAt !== undefined) packed.modifiedAt = doc.modifiedAt;
  return packed;
}

export function unpackDocument(packed: PackedDocument): PreparedDocument {
  const { numbers, strings } = packed;
  const paragraphs: PreparedParagraph[] = new Array(packed.paragraphCount);
  let at = 0;
  let char = 0;
  for (let i = 0; i < packed.paragraphCount; i++) {
    const index = numbers[at]!;
    const startLine = numbers[at + 1]!;
    const endLine = numbers[at + 2]!;
    const blankLinesBefore = numbers[at + 3]!;
    const words = numbers[at + 4]!;
    const flags = numbers[at + 5]!;
    const textLength = numbers[at + 6]!;
    const keyLength = numbers[at + 7]!;
    const shingleCount = numbers[at + 8]!;
    const bandCount = numbers[at + 9]!;
    const anchorCount = numbers[at + 10]!;
    at += FIELDS;
    const text = strings.slice(char, char + textLength);
    char += textLength;
    const key = strings.slice(char, char + keyLength);
    char += keyLength;
    const view = (count: number): Uint32Array | null => {
      if ((flags & HAS_SHINGLES) === 0) return null;
      const array = numbers.subarray(at, at + count);
      at += count;
      return array;
    };
    const shingles = view(shingleCount);
    const bandKeys = view(bandCount);
    const anchors = view(anchorCount);
    const paragraph: PreparedParagraph = {
      segment: { index, startLine, endLine, text, blankLinesBefore },
      words,
      textKey: flags & 4 ? null : key,
      shingles,
      bandKeys,
      anchors,
    };
    if (flags & CHROME) paragraph.chrome = true;
    paragraphs[i] = paragraph;
  }
  const doc: PreparedDocument = { id: packed.id, layout: packed.layout, lineCount: packed.lineCount, words: packed.words, paragraphs };
  if (packed.modifiedAt !== undefined) doc.modifiedAt = packed.modifiedAt;
  return doc;
}
