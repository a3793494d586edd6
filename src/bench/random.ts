/**
 * A small seeded pseudo-random generator for the benchmark corpus: same seed, same corpus, so
 * two `npm run bench` runs (or two machines) measure the same input.
 *
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, passes gjrand's tests at the
 * sizes used here, and is a few lines. Not for anything cryptographic.
 */
import { fmix32 } from '../core/signing/hash.js';

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for a sub-stream named by integers (for example epoch and article number). */
  static derive(seed: number, ...path: number[]): Random {
    let h = fmix32(seed ^ 0x5bd1e995);
    for (const part of path) h = fmix32((h ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0);
    return new Random(h);
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.below(items.length)]!;
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}
