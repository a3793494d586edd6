/**
 * Locality-sensitive hashing by banding (Leskovec, Rajaraman & Ullman, Mining of Massive
 * Datasets, ch. 3.4): a signature of b·r values is cut into b bands of r rows; two items
 * whose signatures agree on every row of at least one band become a candidate pair. The
 * probability of that for Jaccard similarity s is 1 - (1 - s^r)^b, an S-curve whose
 * steepest point sits near (1/b)^(1/r).
 *
 * Bands and rows are not hand-picked: `optimalBanding` chooses the (b, r) with b·r <= n that
 * minimises the weighted area of false positives (below the threshold) and false negatives
 * (above it), as datasketch's MinHashLSH does (`_optimal_param`).
 */
import { fmix32 } from '../signing/hash.js';
import { PairBuffer } from './pairs.js';

export interface Banding {
  bands: number;
  rows: number;
}

/**
 * Weights of the two error areas. Every candidate is verified exactly (verify.ts), so a false
 * positive costs only a set intersection while a false negative loses a match for good:
 * misses weigh three times as much as spurious candidates.
 */
export const FALSE_POSITIVE_WEIGHT = 0.25;
export const FALSE_NEGATIVE_WEIGHT = 0.75;

/** Probability that two items with Jaccard similarity s share at least one band. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/** Simpson's rule; the integrands are smooth polynomials in s. */
function integrate(f: (s: number) => number, from: number, to: number, steps = 64): number {
  if (to <= from) return 0;
  const h = (to - from) / steps;
  let sum = f(from) + f(to);
  for (let i = 1; i < steps; i++) sum += f(from + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

export function falsePositiveArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => candidateProbability(s, bands, rows), 0, threshold);
}

export function falseNegativeArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => 1 - candidateProbability(s, bands, rows), threshold, 1);
}

export function optimalBanding(
  threshold: number,
  numHashes: number,
  falsePositiveWeight = FALSE_POSITIVE_WEIGHT,
  falseNegativeWeight = FALSE_NEGATIVE_WEIGHT,
): Banding {
  let best: Banding = { bands: numHashes, rows: 1 };
  let bestError = Infinity;
  for (let bands = 1; bands <= numHashes; bands++) {
    const maxRows = Math.floor(numHashes / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const error =
        falsePositiveWeight * falsePositiveArea(threshold, bands, rows) +
        falseNegativeWeight * falseNegativeArea(threshold, bands, rows);
      if (error < bestError) {
        bestError = error;
        best = { bands, rows };
      }
    }
  }
  return best;
}

/** One 32-bit key per band: the band's r signature values hashed together with the band number. */
export function bandKeys(signature: Uint32Array, banding: Banding, out?: Uint32Array): Uint32Array {
  const { bands, rows } = banding;
  const keys = out ?? new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    const start = band * rows;
    for (let row = 0; row < rows; row++) {
      h = Math.imul(h ^ (signature[start + row] ?? 0), 0x01000193) + 0x7f4a7c15;
      h = (h << 13) | (h >>> 19);
    }
    keys[band] = fmix32(h);
  }
  return keys;
}

/**
 * Sorts items by 32-bit key: a two-pass LSD radix sort (16 bits a pass), linear in the number
 * of items and stable, so equal keys keep item order. Keys move with their items, so both
 * passes read their input in sequence and both histograms come from one pass. (The first
 * version moved item numbers only and looked each key up again, keys[order[i]], a random read
 * per item per pass. With buffers reused across bands and a band-major copy of the keys,
 * candidatePairs over the 361k paragraph variants x 37 bands of the 100 MB bench corpus
 * takes 0.4-0.6 s instead of 0.7-1.5 s, measured alternately on a busy machine.)
 */
export class KeySorter {
  /** After `sort`: the keys in ascending order. */
  readonly sortedKeys: Uint32Array;
  /** After `sort`: the item at each position of `sortedKeys` (the key's index among those given, or its entry in `items` when given). */
  readonly order: Uint32Array;
  private readonly passKeys: Uint32Array;
  private readonly passItems: Uint32Array;
  private readonly lowCounts = new Uint32Array(65536);
  private readonly highCounts = new Uint32Array(65536);

  constructor(readonly size: number) {
    this.sortedKeys = new Uint32Array(size);
    this.order = new Uint32Array(size);
    this.passKeys = new Uint32Array(size);
    this.passItems = new Uint32Array(size);
  }

  /**
   * Sorts the first `n` of `keys` into `sortedKeys` and `order`; `order` holds the item at each
   * position: `items[k]` for keys[k] when items are given, otherwise k.
   */
  sort(keys: Uint32Array, n = this.size, items?: Uint32Array): void {
    const { lowCounts: low, highCounts: high, passKeys, passItems, sortedKeys, order } = this;
    low.fill(0);
    high.fill(0);
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      low[key & 0xffff]!++;
      high[key >>> 16]!++;
    }
    let lowStart = 0;
    let highStart = 0;
    for (let digit = 0; digit < 65536; digit++) {
      const lowCount = low[digit]!;
      low[digit] = lowStart;
      lowStart += lowCount;
      const highCount = high[digit]!;
      high[digit] = highStart;
      highStart += highCount;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const at = low[key & 0xffff]!++;
      passKeys[at] = key;
      passItems[at] = items ? items[i]! : i;
    }
    for (let i = 0; i < n; i++) {
      const key = passKeys[i]!;
      const at = high[key >>> 16]!++;
      sortedKeys[at] = key;
      order[at] = passItems[i]!;
    }
  }
}

/** Orders item numbers by their 32-bit key (stable). */
export function sortByKey(keys: Uint32Array): Uint32Array {
  const sorter = new KeySorter(keys.length);
  sorter.sort(keys);
  return sorter.order;
}

/**
 * Adds candidate pairs from band keys laid out item-major (`keys[item * bands + band]`) to
 * `pairs`. Items agreeing on a band's key form a bucket. A bucket larger than BUCKET_WINDOW
 * (hundreds of near-identical paragraphs) would add pairs quadratically; its items are then
 * paired only with the next BUCKET_WINDOW items in the order of their texts' keys (TextKeys),
 * which still connects them all into one cluster while bounding the work.
 */
export const BUCKET_WINDOW = 64;

/**
 * Each item's text key (scan/variants.ts): a bucket too large to pair whole is taken in the
 * order of these, not of the items' numbers, which follow the documents' ids, so that renaming
 * files does not change which of its pairs are proposed. (sql/band_pairs.sql does the same.)
 */
export interface TextKeys {
  high(item: number): number;
  low(item: number): number;
}

/**
 * Large buckets of `count` items (0 .. count - 1) put in text-key order: by high key, then low
 * key, then item. Every item's place in that order is found once, when the first large bucket
 * comes (two stable radix sorts, KeySorter: linear), and a bucket is then sorted by those places
 * in a typed array. Each bucket of each band was sorted as objects with a comparison function:
 * one article of 100,000 near-identical sentences put them all in one bucket of every band of
 * the rewording channel, 4 of its 11 seconds (found by a new user).
 */
export class TextKeyOrder {
  private rank: Uint32Array | null = null;
  private itemAt: Uint32Array | null = null;

  constructor(
    private readonly count: number,
    private readonly keys: TextKeys,
  ) {}

  private ranks(): { rank: Uint32Array; itemAt: Uint32Array } {
    if (this.rank && this.itemAt) return { rank: this.rank, itemAt: this.itemAt };
    const { count, keys } = this;
    const lows = new Uint32Array(count);
    for (let item = 0; item < count; item++) lows[item] = keys.low(item) >>> 0;
    // Stable: by low key, items in order on ties; then by high key, low-key order kept on ties.
    const byLow = new KeySorter(count);
    byLow.sort(lows);
    const highs = new Uint32Array(count);
    for (let k = 0; k < count; k++) highs[k] = keys.high(byLow.order[k]!) >>> 0;
    const byHigh = new KeySorter(count);
    byHigh.sort(highs, count, byLow.order);
    const itemAt = byHigh.order;
    const rank = new Uint32Array(count);
    for (let k = 0; k < count; k++) rank[itemAt[k]!] = k;
    this.rank = rank;
    this.itemAt = itemAt;
    return { rank, itemAt };
  }

  /** The items of `order[from .. to)` (one bucket) in text-key order. */
  bucket(order: Uint32Array, from: number, to: number): Uint32Array {
    const { rank, itemAt } = this.ranks();
    const run = new Uint32Array(to - from);
    for (let k = 0; k < run.length; k++) run[k] = rank[order[from + k]!]!;
    run.sort();
    for (let k = 0; k < run.length; k++) run[k] = itemAt[run[k]!]!;
    return run;
  }
}

export function addBandPairs(keys: Uint32Array, count: number, bands: number, pairs: PairBuffer, textKeys?: TextKeys): void {
  // Band-major copy in one sequential pass: copying each band's column out of the item-major
  // keys read the whole array once per band (0.23-0.4 s of candidatePairs at 100 MB).
  const byBand = new Uint32Array(count * bands);
  for (let item = 0, at = 0; item < count; item++) {
    for (let band = 0; band < bands; band++) byBand[band * count + item] = keys[at++]!;
  }
  addBandMajorPairs(byBand, count, bands, pairs, textKeys);
}

/**
 * As addBandPairs, with the keys laid out band-major (`keys[band * count + item]`), as the scan
 * gathers them. Without `textKeys` a large bucket is taken in item order.
 */
export function addBandMajorPairs(byBand: Uint32Array, count: number, bands: number, pairs: PairBuffer, textKeys?: TextKeys): void {
  const buckets = new SharedBuckets(count);
  const { sortedKeys, order } = buckets.sorter;
  const textOrder = textKeys === undefined ? null : new TextKeyOrder(count, textKeys);
  for (let band = 0; band < bands; band++) {
    const n = buckets.group(byBand.subarray(band * count, (band + 1) * count));
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && sortedKeys[i] === sortedKeys[runStart]) continue;
      // A bucket larger than the window is taken in text-key order (TextKeys).
      const large = i - runStart > BUCKET_WINDOW + 1 && textOrder !== null;
      const run = large ? textOrder.bucket(order, runStart, i) : order;
      const from = large ? 0 : runStart;
      const to = large ? i - runStart : i;
      for (let a = from; a < to; a++) {
        const end = Math.min(to, a + 1 + BUCKET_WINDOW);
        for (let b = a + 1; b < end; b++) pairs.add(run[a]!, run[b]!);
      }
      runStart = i;
    }
  }
}

/**
 * Bits of SharedBuckets' two bitmaps per item, as a power of two: at 16 bits an item, an item
 * whose key no other item has shares its bit with another item about one time in sixteen, and is
 * sorted for nothing. At most MAX_TALLY_BITS (two bitmaps of 4 MiB at a 1 GB corpus's millions
 * of items; more items only means more of those collisions). Bits rather than byte counts keep
 * the bitmaps within a core's cache: at PAN's 150,000 items, 2 x 512 KiB.
 */
const TALLY_BITS_PER_ITEM = 16;
const MAX_TALLY_BITS = 1 << 25;

/**
 * The buckets of a band that can pair anything: the items whose key another item of the band
 * shares, sorted by key (stable, so a bucket keeps item order), without sorting the rest. Most
 * keys of a band are held by one item (on PAN 85% of the rewording channel's), so a first pass
 * marks each key's low bits (band keys are hashes) in a bitmap of keys seen once and one of keys
 * seen again, a second gathers the items whose bit was seen again, and only those are sorted. A
 * bit shared by two different keys lets a lone item through, to be found alone in the sort: the
 * buckets are exactly those of sorting every item.
 */
export class SharedBuckets {
  readonly sorter: KeySorter;
  private readonly once: Int32Array;
  private readonly again: Int32Array;
  private readonly mask: number;
  private readonly keys: Uint32Array;
  private readonly items: Uint32Array;

  constructor(readonly size: number) {
    this.sorter = new KeySorter(size);
    let bits = 1 << 12;
    while (bits < size * TALLY_BITS_PER_ITEM && bits < MAX_TALLY_BITS) bits *= 2;
    this.mask = bits - 1;
    this.once = new Int32Array(bits >>> 5);
    this.again = new Int32Array(bits >>> 5);
    this.keys = new Uint32Array(size);
    this.items = new Uint32Array(size);
  }

  /**
   * Groups one band's keys (one per item, `size` of them): afterwards the sorter's
   * `sortedKeys` and `order` (item numbers) hold the gathered items, whose count it returns;
   * runs of equal keys there are the band's buckets of two or more items.
   */
  group(column: Uint32Array): number {
    const { once, again, mask, keys, items } = this;
    once.fill(0);
    again.fill(0);
    for (let item = 0; item < this.size; item++) {
      const bit = column[item]! & mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if ((once[word]! & flag) !== 0) again[word]! |= flag;
      else once[word]! |= flag;
    }
    let n = 0;
    for (let item = 0; item < this.size; item++) {
      const key = column[item]!;
      const bit = key & mask;
      if ((again[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
        keys[n] = key;
        items[n++] = item;
      }
    }
    this.sorter.sort(keys, n, items);
    return n;
  }
}

/** Candidate pairs from band keys alone, ascending, each once (see addBandPairs). */
export function candidatePairs(keys: Uint32Array, count: number, bands: number): Float64Array {
  const pairs = new PairBuffer(count);
  addBandPairs(keys, count, bands, pairs);
  return pairs.toArray();
}
