/**
 * Candidate pairs as a set: packed `low * count + high` numbers, sorted and deduplicated
 * whenever the buffer fills, so memory follows distinct pairs, not pairs times bands (every
 * channel and every band adds to one buffer); and a hash set of the pairs met, for work done
 * once a pair (PairSet).
 */
import { fmix32 } from '../signing/hash.js';

/** Distinct unordered pairs of item numbers below `count`. */
export class PairBuffer {
  private data = new Float64Array(4096);
  private length = 0;

  constructor(readonly count: number) {}

  add(a: number, b: number): void {
    if (a === b) return;
    if (this.length === this.data.length) {
      this.compact();
      if (this.length > this.data.length / 2) {
        const grown = new Float64Array(this.data.length * 2);
        grown.set(this.data.subarray(0, this.length));
        this.data = grown;
      }
    }
    this.data[this.length++] = a < b ? a * this.count + b : b * this.count + a;
  }

  private compact(): void {
    const sorted = this.data.subarray(0, this.length).sort();
    let unique = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
    this.length = unique;
  }

  /** The pairs, ascending, each once. */
  toArray(): Float64Array {
    this.compact();
    return this.data.slice(0, this.length);
  }
}

/**
 * Pairs of item numbers below `count` already met, in an open-addressing table: a pair of
 * items that share a bucket in one band mostly shares it in several (on PAN each pair of the
 * rewording channel in eight bands of 42), and whatever is done with a pair the first time need
 * not be done again (channel.ts, bandPairs: grading it, an exact overlap of two word sets).
 */
export class PairSet {
  /** Packed `low * count + high`; -1 where empty. */
  private keys: Float64Array;
  private size = 0;

  /** `expected`: about how many pairs will be met, to size the table at first (up to 2^20 slots, 8 MB; it grows past). */
  constructor(
    readonly count: number,
    expected = 0,
  ) {
    let slots = 1 << 12;
    while (slots < 2 * expected && slots < 1 << 20) slots *= 2;
    this.keys = new Float64Array(slots).fill(-1);
  }

  /** Adds the pair {a, b} (a !== b); false when it was there already. */
  add(a: number, b: number): boolean {
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const key = low * this.count + high;
    let mask = this.keys.length - 1;
    let slot = slotOf(low, high, mask);
    for (let probe = this.keys[slot]!; probe !== -1; probe = this.keys[slot]!) {
      if (probe === key) return false;
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      mask = this.keys.length - 1;
      slot = slotOf(low, high, mask);
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.size++;
    return true;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let k = 0; k < old.length; k++) {
      const key = old[k]!;
      if (key === -1) continue;
      const low = Math.floor(key / this.count);
      let slot = slotOf(low, key - low * this.count, mask);
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = key;
    }
  }
}

/** A table slot for the pair (low, high): the two numbers mixed. */
function slotOf(low: number, high: number, mask: number): number {
  return fmix32(Math.imul(low, 0x9e3779b1) ^ high) & mask;
}
