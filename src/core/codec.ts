/**
 * The one serialisation of a prepared document, used both to send it between threads (the
 * prepare pool) and to store it in the index (a blob per document). A document becomes one
 * Uint32Array of numbers, one string of texts and a small header:
 *
 *   per paragraph: FIELDS numbers (layout below), then its tokens, shingles, band keys, anchors
 *   texts: every paragraph's text, one after the other (lengths are in the numbers)
 *
 * Why packed: structured cloning a PreparedDocument copies every paragraph object, segment
 * object and small typed array one by one; receiving them on the main thread cost as much as
 * preparing them, so two threads were no faster than one (10 MB bench corpus: 1.9 s against
 * 1.8 s). Unpacking makes the paragraph objects with typed-array views into the one buffer.
 *
 * `encodeDocument` turns the packed form into bytes (little-endian whatever the machine, so an
 * index copied between machines reads the same); `decodeDocument` reverses it.
 */
import type { Layout, Metadata, PreparedDocument, PreparedParagraph } from './model.js';

/** What crosses between threads: transfer `numbers.buffer`, clone the rest. */
export interface PackedDocument {
  header: PackedHeader;
  numbers: Uint32Array;
  texts: string;
}

export interface PackedHeader {
  id: string;
  layout: Layout;
  lineCount: number;
  words: number;
  paragraphCount: number;
  modifiedAt?: number;
  /** The document's metadata (JSONL input), as JSON in the header: optional, so older blobs decode unchanged. */
  metadata?: Metadata;
}

// Per paragraph: index, startLine, endLine, blankLinesBefore, words, flags, text length,
// text key high and low halves, and the lengths of tokens, shingles, band keys and anchors.
const FIELDS = 13;
const HAS_SHINGLES = 1;
const CHROME = 2;
const NO_TEXT_KEY = 4;

function textKeyHalves(textKey: string | null): [number, number] {
  if (textKey === null) return [0, 0];
  return [parseInt(textKey.slice(0, 8), 16) >>> 0, parseInt(textKey.slice(8, 16), 16) >>> 0];
}

function textKeyOf(high: number, low: number): string {
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

export function packDocument(doc: PreparedDocument): PackedDocument {
  let size = 0;
  for (const p of doc.paragraphs) size += FIELDS + p.tokens.length + (p.shingles?.length ?? 0) + (p.bandKeys?.length ?? 0) + (p.anchors?.length ?? 0);
  const numbers = new Uint32Array(size);
  const texts: string[] = [];
  let at = 0;
  for (const p of doc.paragraphs) {
    const [high, low] = textKeyHalves(p.textKey);
    const { index, startLine, endLine, blankLinesBefore, text } = p.segment;
    numbers.set(
      [
        index,
        startLine,
        endLine,
        blankLinesBefore,
        p.words,
        (p.shingles ? HAS_SHINGLES : 0) | (p.chrome ? CHROME : 0) | (p.textKey === null ? NO_TEXT_KEY : 0),
        text.length,
        high,
        low,
        p.tokens.length,
        p.shingles?.length ?? 0,
        p.bandKeys?.length ?? 0,
        p.anchors?.length ?? 0,
      ],
      at,
    );
    at += FIELDS;
    for (const array of [p.tokens, p.shingles, p.bandKeys, p.anchors]) {
      if (!array) continue;
      numbers.set(array, at);
      at += array.length;
    }
    texts.push(text);
  }
  const header: PackedHeader = { id: doc.id, layout: doc.layout, lineCount: doc.lineCount, words: doc.words, paragraphCount: doc.paragraphs.length };
  if (doc.modifiedAt !== undefined) header.modifiedAt = doc.modifiedAt;
  if (doc.metadata !== undefined) header.metadata = doc.metadata;
  return { header, numbers, texts: texts.join('') };
}

export function unpackDocument(packed: PackedDocument): PreparedDocument {
  const { header, numbers, texts } = packed;
  const paragraphs: PreparedParagraph[] = new Array(header.paragraphCount);
  let at = 0;
  let char = 0;
  const take = (count: number): Uint32Array => {
    const array = numbers.subarray(at, at + count);
    at += count;
    return array;
  };
  for (let i = 0; i < header.paragraphCount; i++) {
    const field = (k: number): number => numbers[at + k]!;
    const flags = field(5);
    const textLength = field(6);
    const counts = [field(9), field(10), field(11), field(12)] as const;
    const segment = { index: field(0), startLine: field(1), endLine: field(2), text: texts.slice(char, char + textLength), blankLinesBefore: field(3) };
    const words = field(4);
    const textKey = flags & NO_TEXT_KEY ? null : textKeyOf(field(7), field(8));
    at += FIELDS;
    char += textLength;
    const tokens = take(counts[0]);
    const hasShingles = (flags & HAS_SHINGLES) !== 0;
    const shingles = hasShingles ? take(counts[1]) : null;
    const bandKeys = hasShingles ? take(counts[2]) : null;
    const anchors = hasShingles ? take(counts[3]) : null;
    const paragraph: PreparedParagraph = { segment, words, textKey, tokens, shingles, bandKeys, anchors };
    if (flags & CHROME) paragraph.chrome = true;
    paragraphs[i] = paragraph;
  }
  const doc: PreparedDocument = { id: header.id, layout: header.layout, lineCount: header.lineCount, words: header.words, paragraphs };
  if (header.modifiedAt !== undefined) doc.modifiedAt = header.modifiedAt;
  if (header.metadata !== undefined) doc.metadata = header.metadata;
  return doc;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Marks a byte string as an encoded document, and its layout version. */
const ENCODING_VERSION = 1;

function swapped(numbers: Uint32Array): Uint32Array {
  const out = new Uint32Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i]!;
    out[i] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
  }
  return out;
}

/**
 * A prepared document as bytes: [version, header length, numbers length] as three 32-bit
 * words, the header as JSON, padding to 4 bytes, the numbers, then the texts, all UTF-8 and
 * little-endian.
 */
export function encodeDocument(doc: PreparedDocument): Uint8Array {
  const { header, numbers, texts } = packDocument(doc);
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const textBytes = encoder.encode(texts);
  const numbersAt = 12 + Math.ceil(headerBytes.length / 4) * 4;
  const out = new Uint8Array(numbersAt + numbers.length * 4 + textBytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, ENCODING_VERSION, true);
  view.setUint32(4, headerBytes.length, true);
  view.setUint32(8, numbers.length, true);
  out.set(headerBytes, 12);
  const littleEndian = LITTLE_ENDIAN ? numbers : swapped(numbers);
  out.set(new Uint8Array(littleEndian.buffer, littleEndian.byteOffset, littleEndian.byteLength), numbersAt);
  out.set(textBytes, numbersAt + numbers.length * 4);
  return out;
}

/** Thrown for bytes that are not an encoded document (a damaged index row). */
export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

export function decodeDocument(bytes: Uint8Array): PreparedDocument {
  if (bytes.byteLength < 12) throw new CodecError(`encoded document of ${bytes.byteLength} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0, true);
  if (version !== ENCODING_VERSION) throw new CodecError(`encoded document of version ${version}, expected ${ENCODING_VERSION}`);
  const headerLength = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const numbersAt = 12 + Math.ceil(headerLength / 4) * 4;
  if (numbersAt + count * 4 > bytes.byteLength) throw new CodecError('encoded document is truncated');
  const decoder = new TextDecoder();
  const header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength))) as PackedHeader;
  // A copy: the blob need not be 4-byte aligned, and the document's arrays outlive it.
  const numbers = new Uint32Array(count);
  new Uint8Array(numbers.buffer).set(bytes.subarray(numbersAt, numbersAt + count * 4));
  const texts = decoder.decode(bytes.subarray(numbersAt + count * 4));
  return unpackDocument({ header, numbers: LITTLE_ENDIAN ? numbers : swapped(numbers), texts });
}
