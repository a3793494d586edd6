/**
 * Candidate pairs as a set: packed `low * count + high` numbers, sorted and deduplicated
 * whenever the buffer fills, so memory follows distinct pairs, not pairs times bands (every
 * channel and every band adds to one buffer): at most about twice them, and as much again for
 * the merge's spare buffer (8 bytes a pair each; 1.16 million candidate pairs at 300 MB).
 */

/**
 * Distinct unordered pairs of item numbers below `count`. The buffer holds a sorted, distinct
 * prefix (the pairs compacted so far) and the pairs added since; a compaction sorts only those
 * and merges them in. Sorting the whole buffer each time cost 18 of 26 s on 40,000 near-identical
 * lines, whose large LSH buckets (windowed in text-key order, lsh.ts) add pairs in no order.
 */
export class PairBuffer {
  private data = new Float64Array(4096);
  private length = 0;
  /** The first `sorted` pairs of `data` are ascending and distinct. */
  private sorted = 0;
  private spare = new Float64Array(0);

  /**
   * `groups`: per item, a group number or -1; two items of one group are never a pair (the
   * scan's variants found in one and the same document only: they say nothing about reuse
   * across documents, and a file of 40,000 near-identical lines made 4 million of them).
   */
  constructor(
    readonly count: number,
    private readonly groups?: Int32Array,
  ) {}

  add(a: number, b: number): void {
    if (a === b) return;
    if (this.groups !== undefined && this.groups[a]! >= 0 && this.groups[a] === this.groups[b]) return;
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
    const { data, sorted } = this;
    const tail = data.subarray(sorted, this.length).sort();
    if (this.spare.length < this.length) this.spare = new Float64Array(data.length);
    // Merge the sorted prefix and the sorted tail into the spare buffer, each pair once.
    const out = this.spare;
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < sorted || j < tail.length) {
      const next = j >= tail.length || (i < sorted && data[i]! <= tail[j]!) ? data[i++]! : tail[j++]!;
      if (n === 0 || out[n - 1] !== next) out[n++] = next;
    }
    data.set(out.subarray(0, n));
    this.length = n;
    this.sorted = n;
  }

  /** The pairs, ascending, each once. */
  toArray(): Float64Array {
    this.compact();
    return this.data.slice(0, this.length);
  }
}
