/**
 * How typed arrays and hashes become SQLite values. Blobs hold uint32 values little-endian
 * whatever the machine, so an index copied between machines (a CI cache) reads the same.
 */
import { createHash } from 'node:crypto';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodeUint32s(values: Uint32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.allocUnsafe(values.length * 4);
  values.forEach((v, i) => out.writeUInt32LE(v, i * 4));
  return out;
}

export function decodeUint32s(blob: Uint8Array): Uint32Array {
  const count = Math.floor(blob.byteLength / 4);
  // Copy: a blob from SQLite is not necessarily 4-byte aligned.
  const out = new Uint32Array(count);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** The core's 16-hex normalised-text key as 8 bytes (half the size of the text, and of its index). */
export function encodeTextKey(textKey: string): Buffer {
  return Buffer.from(textKey, 'hex');
}

export function decodeTextKey(blob: Uint8Array): string {
  return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('hex');
}

/** Band keys are unsigned 32-bit; stored as signed so SQLite keeps each in 4 bytes, not 6. */
export function encodeBandKey(key: number): number {
  return key | 0;
}

/** What decides "unchanged" on re-add: SHA-256 of the article's text as read (after UTF-8 decoding). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
