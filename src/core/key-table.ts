/**
 * Numbers given to 64-bit keys (a text key's two 32-bit halves), in an open-addressing table of
 * typed arrays: the scan numbers 200,000 paragraphs of PAN by text key, and a Map keyed by the
 * 16-digit strings cost a string and its hash each.
 */
export class KeyTable {
  private high: Uint32Array;
  private low: Uint32Array;
  /** Slot -> value + 1 (0: empty). */
  private value: Int32Array;
  private mask: number;
  private used = 0;

  /** `expected`: how many keys may come (the table is sized for twice as many slots). */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.value = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slotOf(high: number, low: number): number {
    let slot = (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
    while (this.value[slot] !== 0 && (this.high[slot] !== high || this.low[slot] !== low)) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The value of the key, or -1. */
  get(high: number, low: number): number {
    return this.value[this.slotOf(high, low)]! - 1;
  }

  /** The value of the key; a new key takes `next`. */
  indexOf(high: number, low: number, next: number): number {
    const slot = this.slotOf(high, low);
    if (this.value[slot] !== 0) return this.value[slot]! - 1;
    if ((this.used + 1) * 2 > this.value.length) {
      this.grow();
      return this.indexOf(high, low, next);
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.value[slot] = next + 1;
    this.used++;
    return next;
  }

  private grow(): void {
    const { high, low, value } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(high.length * 2);
    this.value = new Int32Array(high.length * 2);
    this.mask = this.high.length - 1;
    for (let slot = 0; slot < value.length; slot++) {
      if (value[slot] === 0) continue;
      const at = this.slotOf(high[slot]!, low[slot]!);
      this.high[at] = high[slot]!;
      this.low[at] = low[slot]!;
      this.value[at] = value[slot]!;
    }
  }
}
