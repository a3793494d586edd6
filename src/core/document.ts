/**
 * A prepared document held flat: every paragraph's numbers in one Uint32Array and every
 * paragraph's text in one string, read through the functions below. This is the form the
 * signer writes, the prepare pool sends between threads (its numbers are transferred, not
 * copied) and the index stores (core/codec.ts adds the bytes around it).
 *
 * Why flat: a paragraph as an object with a segment object and four small typed arrays cost
 * about 600 bytes of headers and kept the garbage collector busy (12% of a scan of PAN); a
 * paragraph here is 12 numbers and its arrays, and a document is three objects however long.
 *
 * Layout of paragraph i, from `at[i]` in `numbers`:
 *   0 startLine, 1 endLine, 2 blankLinesBefore, 3 words, 4 flags (HAS_KEY, HAS_SHINGLES, CHROME, CONTINUES),
 *   5 text key high half, 6 text key low half, 7 tokens, 8 shingles, 9 band keys, 10 anchors
 *   (counts), 11 text length, then the token hashes, the sorted shingle set, the band keys and
 *   the two anchors.
 * Its text is `texts.slice(textAt[i], textAt[i + 1])`.
 */
import type { Layout, PreparedDocument, Segment } from './model.js';

export type { PreparedDocument };

export const FIELDS = 12;
const HAS_KEY = 1;
const HAS_SHINGLES = 2;
const CHROME = 4;
/** A later piece of a paragraph cut at its sentences (Segment.continues). Absent in documents stored before it was kept: they read as whole paragraphs, as before. */
const CONTINUES = 8;

/** What one paragraph brings to `DocumentBuilder.add`. */
export interface ParagraphInput {
  startLine: number;
  endLine: number;
  blankLinesBefore: number;
  text: string;
  words: number;
  /** The text key's halves; null when the paragraph has no words. */
  key: [number, number] | null;
  chrome: boolean;
  /** A later piece of a paragraph cut at its sentences (Segment.continues). */
  continues?: boolean;
  tokens: ArrayLike<number>;
  shingles: ArrayLike<number> | null;
  bandKeys: ArrayLike<number> | null;
  anchors: ArrayLike<number> | null;
}

/** Writes paragraphs one after the other into one growing buffer. */
export class DocumentBuilder {
  private numbers = new Uint32Array(1024);
  private used = 0;
  private readonly texts: string[] = [];
  private count = 0;
  private words = 0;

  private room(needed: number): void {
    if (this.used + needed <= this.numbers.length) return;
    const grown = new Uint32Array(Math.max(this.numbers.length * 2, this.used + needed));
    grown.set(this.numbers.subarray(0, this.used));
    this.numbers = grown;
  }

  private append(values: ArrayLike<number> | null): void {
    if (!values) return;
    if (values instanceof Uint32Array) this.numbers.set(values, this.used);
    else for (let k = 0; k < values.length; k++) this.numbers[this.used + k] = values[k]!;
    this.used += values.length;
  }

  add(p: ParagraphInput): void {
    const tokens = p.tokens.length;
    const shingles = p.shingles?.length ?? 0;
    const bands = p.bandKeys?.length ?? 0;
    const anchors = p.anchors?.length ?? 0;
    this.room(FIELDS + tokens + shingles + bands + anchors);
    const n = this.numbers;
    const u = this.used;
    n[u] = p.startLine;
    n[u + 1] = p.endLine;
    n[u + 2] = p.blankLinesBefore;
    n[u + 3] = p.words;
    n[u + 4] = (p.key ? HAS_KEY : 0) | (p.shingles ? HAS_SHINGLES : 0) | (p.chrome ? CHROME : 0) | (p.continues === true ? CONTINUES : 0);
    n[u + 5] = p.key ? p.key[0] : 0;
    n[u + 6] = p.key ? p.key[1] : 0;
    n[u + 7] = tokens;
    n[u + 8] = shingles;
    n[u + 9] = bands;
    n[u + 10] = anchors;
    n[u + 11] = p.text.length;
    this.used += FIELDS;
    this.append(p.tokens);
    this.append(p.shingles);
    this.append(p.bandKeys);
    this.append(p.anchors);
    this.texts.push(p.text);
    this.words += p.words;
    this.count++;
  }

  finish(head: { id: string; layout: Layout; lineCount: number }): PreparedDocument {
    return indexed({ ...head, words: this.words, count: this.count, numbers: this.numbers.slice(0, this.used), texts: this.texts.join('') });
  }
}

/** A document with its paragraph offsets (`at`, `textAt`) found from its numbers. */
export function indexed(doc: Omit<PreparedDocument, 'at' | 'textAt'>): PreparedDocument {
  const at = new Uint32Array(doc.count);
  const textAt = new Uint32Array(doc.count + 1);
  const n = doc.numbers;
  let offset = 0;
  let char = 0;
  for (let i = 0; i < doc.count; i++) {
    at[i] = offset;
    textAt[i] = char;
    char += n[offset + 11]!;
    offset += FIELDS + n[offset + 7]! + n[offset + 8]! + n[offset + 9]! + n[offset + 10]!;
  }
  textAt[doc.count] = char;
  return { ...doc, at, textAt };
}

// ---- Reading one paragraph (i) of a document -------------------------------------------

export function words(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]! + 3]!;
}

export function startLine(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]!]!;
}

export function endLine(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]! + 1]!;
}

export function blankLinesBefore(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]! + 2]!;
}

export function hasKey(doc: PreparedDocument, i: number): boolean {
  return (doc.numbers[doc.at[i]! + 4]! & HAS_KEY) !== 0;
}

export function isChrome(doc: PreparedDocument, i: number): boolean {
  return (doc.numbers[doc.at[i]! + 4]! & CHROME) !== 0;
}

/** Whether paragraph i is a later piece of a paragraph cut at its sentences (Segment.continues). */
export function continuesParagraph(doc: PreparedDocument, i: number): boolean {
  return (doc.numbers[doc.at[i]! + 4]! & CONTINUES) !== 0;
}

export function hasShingles(doc: PreparedDocument, i: number): boolean {
  return (doc.numbers[doc.at[i]! + 4]! & HAS_SHINGLES) !== 0;
}

export function keyHigh(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]! + 5]!;
}

export function keyLow(doc: PreparedDocument, i: number): number {
  return doc.numbers[doc.at[i]! + 6]!;
}

const HEX = '0123456789abcdef';

/** The text key as 16 hex digits (the index stores it so), or null for a paragraph without words. */
export function textKey(doc: PreparedDocument, i: number): string | null {
  if (!hasKey(doc, i)) return null;
  let out = '';
  for (const half of [keyHigh(doc, i), keyLow(doc, i)]) for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(half >>> shift) & 15];
  return out;
}

export function text(doc: PreparedDocument, i: number): string {
  return doc.texts.slice(doc.textAt[i]!, doc.textAt[i + 1]!);
}

/** Paragraphs `from` to `to` (inclusive) of a document, their texts one at a time: a reader that stops early (text/names.ts reads a story's start) cuts no more. */
export function* paragraphTexts(doc: PreparedDocument, from = 0, to = doc.count - 1): Generator<string> {
  for (let i = from; i <= to; i++) yield text(doc, i);
}

export function tokens(doc: PreparedDocument, i: number): Uint32Array {
  const at = doc.at[i]! + FIELDS;
  return doc.numbers.subarray(at, at + doc.numbers[doc.at[i]! + 7]!);
}

export function shingles(doc: PreparedDocument, i: number): Uint32Array | null {
  if (!hasShingles(doc, i)) return null;
  const head = doc.at[i]!;
  const at = head + FIELDS + doc.numbers[head + 7]!;
  return doc.numbers.subarray(at, at + doc.numbers[head + 8]!);
}

/**
 * Where paragraph i's shingle set starts in `doc.numbers`, and how long it is; its band keys
 * and then its anchors follow it. For copying many paragraphs' sets without a view of each.
 */
export function shingleSpan(doc: PreparedDocument, i: number): { at: number; shingles: number; bandKeys: number } {
  const head = doc.at[i]!;
  const n = doc.numbers;
  return { at: head + FIELDS + n[head + 7]!, shingles: n[head + 8]!, bandKeys: n[head + 9]! };
}

export function bandKeys(doc: PreparedDocument, i: number): Uint32Array | null {
  if (!hasShingles(doc, i)) return null;
  const head = doc.at[i]!;
  const n = doc.numbers;
  const at = head + FIELDS + n[head + 7]! + n[head + 8]!;
  return n.subarray(at, at + n[head + 9]!);
}

export function anchors(doc: PreparedDocument, i: number): Uint32Array | null {
  if (!hasShingles(doc, i)) return null;
  const head = doc.at[i]!;
  const n = doc.numbers;
  const at = head + FIELDS + n[head + 7]! + n[head + 8]! + n[head + 9]!;
  return n.subarray(at, at + n[head + 10]!);
}

/** The paragraph as the segmenter cut it. */
export function segmentOf(doc: PreparedDocument, i: number): Segment {
  const segment: Segment = { index: i, startLine: startLine(doc, i), endLine: endLine(doc, i), text: text(doc, i), blankLinesBefore: blankLinesBefore(doc, i) };
  if (continuesParagraph(doc, i)) segment.continues = true;
  return segment;
}

/** Every paragraph's segment (for stories and other per-document passes). */
export function segmentsOf(doc: PreparedDocument): Segment[] {
  return Array.from({ length: doc.count }, (_, i) => segmentOf(doc, i));
}

/** One paragraph as a plain object, for callers that read a few (tests, tools), not for hot paths. */
export interface ParagraphView {
  segment: Segment;
  words: number;
  textKey: string | null;
  chrome: boolean;
  tokens: Uint32Array;
  shingles: Uint32Array | null;
  bandKeys: Uint32Array | null;
  anchors: Uint32Array | null;
}

export function paragraphViews(doc: PreparedDocument): ParagraphView[] {
  return Array.from({ length: doc.count }, (_, i) => ({
    segment: segmentOf(doc, i),
    words: words(doc, i),
    textKey: textKey(doc, i),
    chrome: isChrome(doc, i),
    tokens: tokens(doc, i),
    shingles: shingles(doc, i),
    bandKeys: bandKeys(doc, i),
    anchors: anchors(doc, i),
  }));
}
