/**
 * The one serialisation of a prepared document, used both to send it between threads (the
 * prepare pool) and to store it in the index (a blob per document). A prepared document is
 * already flat (document.ts: one Uint32Array of numbers, one string of texts); packing adds a
 * small header, and `encodeDocument` turns the three into bytes (little-endian whatever the
 * machine, so an index copied between machines reads the same).
 */
import { indexed } from './document.js';
import type { Layout, Metadata, PreparedDocument } from './model.js';

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
  /** Paragraphs. */
  count: number;
  modifiedAt?: number;
  /** The document's metadata (JSONL input), as JSON in the header: optional, so older blobs decode unchanged. */
  metadata?: Metadata;
}

export function packDocument(doc: PreparedDocument): PackedDocument {
  const header: PackedHeader = { id: doc.id, layout: doc.layout, lineCount: doc.lineCount, words: doc.words, count: doc.count };
  if (doc.modifiedAt !== undefined) header.modifiedAt = doc.modifiedAt;
  if (doc.metadata !== undefined) header.metadata = doc.metadata;
  return { header, numbers: doc.numbers, texts: doc.texts };
}

export function unpackDocument(packed: PackedDocument): PreparedDocument {
  const { header, numbers, texts } = packed;
  const doc = indexed({ id: header.id, layout: header.layout, lineCount: header.lineCount, words: header.words, count: header.count, numbers, texts });
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
