/**
 * Candidate pairs as a set: packed `low * count + high` numbers, sorted and deduplicated
 * whenever the buffer fills, so memory follows distinct pairs, not pairs times bands (every
 * channel and every band adds to one buffer).
 */

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
