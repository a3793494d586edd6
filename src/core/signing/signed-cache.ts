/**
 * Paragraphs signed before, by text key: a repeated footer or a reprint's unchanged paragraph is
 * shingled and signed once. Keyed by the key's two 32-bit halves (key-table.ts): a Map keyed by
 * the 16-digit strings cost more per lookup than signing saved (about 0.8 µs). Bounded: when
 * full it starts again empty, since the repeats that matter recur close together and the arrays
 * it keeps alive are copied out on a worker thread anyway.
 */
import { KeyTable } from '../key-table.js';

/** A paragraph's signed arrays. */
export interface Signed {
  shingles: Uint32Array;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
}

/** Entries before the cache starts again. */
const CAPACITY = 1 << 15;

export class SignedCache {
  private keys = new KeyTable(CAPACITY);
  private values: Signed[] = [];

  get(high: number, low: number): Signed | undefined {
    const at = this.keys.get(high, low);
    return at < 0 ? undefined : this.values[at];
  }

  set(high: number, low: number, value: Signed): void {
    if (this.values.length >= CAPACITY) {
      this.keys = new KeyTable(CAPACITY);
      this.values = [];
    }
    if (this.keys.indexOf(high, low, this.values.length) === this.values.length) this.values.push(value);
  }
}
