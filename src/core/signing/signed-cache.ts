/**
 * Paragraphs signed before, by text key: a repeated footer or a reprint's unchanged paragraph is
 * shingled and signed once. Keyed by the key's two 32-bit halves (key-table.ts): a Map keyed by
 * the 16-digit strings cost more per lookup than signing saved (about 0.8 µs). The arrays are
 * copied into one arena, not kept as small typed arrays: thousands of those living on were
 * work for the garbage collector. Bounded: when full it starts again empty, since the repeats
 * that matter recur close together.
 */
import { KeyTable } from '../key-table.js';

/** A paragraph's signed arrays. */
export interface Signed {
  shingles: Uint32Array;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
}

/** Entries, and numbers, before the cache starts again. */
const ENTRIES = 1 << 15;
const ARENA = 1 << 22;

export class SignedCache {
  private keys = new KeyTable(ENTRIES);
  private readonly arena = new Uint32Array(ARENA);
  private used = 0;
  /** Per entry: where its shingles start, and the three lengths. */
  private readonly start = new Uint32Array(ENTRIES);
  private readonly lengths = new Uint32Array(ENTRIES * 3);
  private entries = 0;

  /** The arrays signed for this key (views into the arena, valid until the next `set`), or undefined. */
  get(high: number, low: number): Signed | undefined {
    const entry = this.keys.get(high, low);
    if (entry < 0) return undefined;
    let at = this.start[entry]!;
    const view = (k: number): Uint32Array => {
      const length = this.lengths[entry * 3 + k]!;
      const array = this.arena.subarray(at, at + length);
      at += length;
      return array;
    };
    return { shingles: view(0), bandKeys: view(1), anchors: view(2) };
  }

  set(high: number, low: number, value: Signed): void {
    const size = value.shingles.length + value.bandKeys.length + value.anchors.length;
    if (size > ARENA) return;
    if (this.entries >= ENTRIES || this.used + size > ARENA) {
      this.keys = new KeyTable(ENTRIES);
      this.entries = 0;
      this.used = 0;
    }
    const entry = this.keys.indexOf(high, low, this.entries);
    if (entry !== this.entries) return;
    this.entries++;
    this.start[entry] = this.used;
    // Written out, not looped over a list of the three: that list and its iterator were most of
    // this method's time (about 100 ms of PAN's preparing).
    this.append(entry, 0, value.shingles);
    this.append(entry, 1, value.bandKeys);
    this.append(entry, 2, value.anchors);
  }

  private append(entry: number, k: number, array: Uint32Array): void {
    this.arena.set(array, this.used);
    this.used += array.length;
    this.lengths[entry * 3 + k] = array.length;
  }
}
