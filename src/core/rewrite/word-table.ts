/**
 * A table of 32-bit words by open addressing (linear probing, at most a quarter full), emptied
 * in one step by a generation stamp: the scratch space of passage alignment (passages.ts,
 * Aligner) and of the rare-word pairing (rare-pairs.ts, RarePairFinder), each reused for
 * thousands of candidate pairs, where clearing or reallocating a table per pair cost more than
 * the work in it. What a slot holds besides its word lives in the user's own arrays, as long as
 * the table (`size`).
 */
import { fmix32 } from '../signing/hash.js';

/** Slots per word at least: a quarter full keeps probes short. */
const SLOTS_PER_WORD = 4;

export class WordTable {
  keys: Uint32Array;
  private stamp: Int32Array;
  private generation = 0;

  constructor(size: number) {
    this.keys = new Uint32Array(size);
    this.stamp = new Int32Array(size);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Empties the table for up to `words` words; true when it grew, so that the user's per-slot arrays must grow to `size` too. */
  reset(words: number): boolean {
    this.generation++;
    let size = this.keys.length;
    while (size < words * SLOTS_PER_WORD) size *= 2;
    if (size === this.keys.length) return false;
    this.keys = new Uint32Array(size);
    this.stamp = new Int32Array(size);
    this.generation = 1;
    return true;
  }

  /** The slot holding `word`, or the empty slot where it would go. */
  slotOf(word: number): number {
    const mask = this.keys.length - 1;
    let slot = fmix32(word) & mask;
    while (this.stamp[slot] === this.generation && this.keys[slot] !== word) slot = (slot + 1) & mask;
    return slot;
  }

  /** Whether `slot` holds a word since the last reset. */
  taken(slot: number): boolean {
    return this.stamp[slot] === this.generation;
  }

  /** Puts `word` in the empty `slot` (slotOf's). */
  take(slot: number, word: number): void {
    this.stamp[slot] = this.generation;
    this.keys[slot] = word;
  }
}
