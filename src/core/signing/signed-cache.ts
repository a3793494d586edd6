/**
 * Paragraphs signed before, by text key: a repeated footer or a reprint's unchanged paragraph is
 * shingled and signed once. Keyed by the key's two 32-bit halves in an open-addressing table: a
 * Map keyed by the 16-digit strings cost more per lookup than signing saved (about 0.8 µs).
 * Bounded: when full it starts again empty, since the repeats that matter recur close together
 * and the arrays it keeps alive are copied out on a worker thread anyway.
 */
import type { PreparedParagraph } from '../model.js';

export type Signed = Pick<PreparedParagraph, 'shingles' | 'bandKeys' | 'anchors'>;

/** Entries before the cache starts again (a power of two half the table). */
const CAPACITY = 1 << 15;

export class SignedCache {
  private readonly high = new Uint32Array(CAPACITY * 2);
  private readonly low = new Uint32Array(CAPACITY * 2);
  private readonly slot = new Int32Array(CAPACITY * 2);
  private values: Signed[] = [];

  private find(high: number, low: number): number {
    const mask = this.slot.length - 1;
    let at = (Math.imul(low ^ high, 0x9e3779b1) >>> 0) & mask;
    while (this.slot[at] !== 0 && (this.high[at] !== high || this.low[at] !== low)) at = (at + 1) & mask;
    return at;
  }

  get(high: number, low: number): Signed | undefined {
    const entry = this.slot[this.find(high, low)]!;
    return entry === 0 ? undefined : this.values[entry - 1];
  }

  set(high: number, low: number, value: Signed): void {
    if (this.values.length >= CAPACITY) {
      this.slot.fill(0);
      this.values = [];
    }
    const at = this.find(high, low);
    if (this.slot[at] !== 0) return;
    this.values.push(value);
    this.high[at] = high;
    this.low[at] = low;
    this.slot[at] = this.values.length;
  }
}
