/**
 * Band keys of the variants a write batch creates, collected and inserted in key order.
 *
 * Every signed paragraph brings one key per band (37 by default) into the (key, variant)
 * B-tree, in random key order: each insert is a descent to a random leaf, and a large index
 * is rewritten page by page all over. Sorted runs touch each leaf once and append to a new
 * tree: 2.6 million keys took 5.3 s inserted as they came and 2.5 s sorted (better-sqlite3,
 * one transaction, 256 MiB cache). The buffer is flushed when full, before anything reads or
 * deletes band keys, and before the batch commits, so it changes speed, not what is stored.
 */
import { sortByKey } from '../core/matching/lsh.js';
import { encodeBandKey } from './codec.js';

/**
 * Key/variant pairs held before a flush: 8 bytes each, 64 MiB in all (about 15,000 articles'
 * worth), and as much again while sorting. Each flush is a pass over the band-key B-tree, so
 * fewer, larger runs write fewer pages.
 */
const CAPACITY = 1 << 23;
/** Rows per INSERT statement: fewer calls into SQLite, well under its limit of bound parameters. */
export const ROWS_PER_STATEMENT = 64;

export type InsertRows = (values: number[]) => void;

export class BandKeyBuffer {
  // Allocated on first use: a store opened for reading never needs them.
  private keys = new Uint32Array(0);
  private variants = new Uint32Array(0);
  private length = 0;

  /**
   * @param insertMany inserts ROWS_PER_STATEMENT rows given as [key, variant, key, variant, ...]
   * @param insertOne inserts one row
   */
  constructor(
    private readonly insertMany: InsertRows,
    private readonly insertOne: InsertRows,
    private readonly capacity = CAPACITY,
  ) {}

  get size(): number {
    return this.length;
  }

  add(bandKeys: Uint32Array, variantId: number): void {
    if (this.keys.length === 0) {
      this.keys = new Uint32Array(this.capacity);
      this.variants = new Uint32Array(this.capacity);
    }
    if (this.length + bandKeys.length > this.capacity) this.flush();
    for (const key of bandKeys) {
      this.keys[this.length] = key;
      this.variants[this.length++] = variantId;
    }
  }

  /** Inserts everything held, in the order SQLite keeps the keys (as signed integers), and empties the buffer. */
  flush(): void {
    const n = this.length;
    if (n === 0) return;
    // Flipping the top bit makes unsigned order equal signed order. The radix sort is stable and
    // pairs were added in increasing variant order, so equal keys stay in variant order.
    const biased = new Uint32Array(n);
    for (let i = 0; i < n; i++) biased[i] = (this.keys[i]! ^ 0x80000000) >>> 0;
    const order = sortByKey(biased);
    const row: number[] = [];
    let previousKey = -1;
    let previousVariant = -1;
    for (let i = 0; i < n; i++) {
      const at = order[i]!;
      const key = this.keys[at]!;
      const variant = this.variants[at]!;
      // Two bands of one variant may hash to the same key: store the pair once.
      if (key === previousKey && variant === previousVariant) continue;
      previousKey = key;
      previousVariant = variant;
      row.push(encodeBandKey(key), variant);
      if (row.length === ROWS_PER_STATEMENT * 2) {
        this.insertMany(row);
        row.length = 0;
      }
    }
    for (let i = 0; i < row.length; i += 2) this.insertOne([row[i]!, row[i + 1]!]);
    this.length = 0;
  }

  /** Forgets what is held (the batch is being rolled back). */
  clear(): void {
    this.length = 0;
  }
}
