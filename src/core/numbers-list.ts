/**
 * A list of 32-bit unsigned numbers in a typed array that grows by doubling: what a hot loop
 * appends to instead of a JavaScript array. Token hashes run to 2^32, beyond V8's small
 * integers, so an array of them is an array of doubles whose `push` cost 40 ms of the rewrite
 * stage on PAN (rewrite/units.ts); this keeps them as they are.
 */
export class Uint32List {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 256) {
    this.data = new Uint32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Room for `more` values beyond the length, so that a loop may write `data` directly. */
  reserve(more: number): void {
    if (this.length + more > this.data.length) this.grow(this.length + more);
  }

  private grow(needed: number): void {
    const grown = new Uint32Array(Math.max(needed, this.data.length * 2));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** The values as an array of their own (a copy). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
