/**
 * Candidate pairs: which paragraph variants are worth verifying. Two channels feed one set of
 * pairs (pairs.ts):
 *
 * 1. LSH banding (lsh.ts) finds pairs by Jaccard similarity, down to the candidate threshold
 *    (classify.ts, candidateThresholdFor).
 * 2. Containment anchors (anchors.ts) find a paragraph lying inside a larger one, whatever its
 *    Jaccard similarity with it.
 *
 * Every pair found here is measured exactly afterwards (scan/edges.ts): a channel may propose
 * too much, never decide.
 */
import { addAnchorPairs } from './anchors.js';
import { addBandPairs } from './lsh.js';
import { PairBuffer } from './pairs.js';

/** A paragraph variant long enough to be compared. */
export interface Comparable {
  shingles: Uint32Array;
  bandKeys: Uint32Array;
  anchors: Uint32Array;
}

/** Candidate pairs of `items`, packed as `low * items.length + high`, ascending, each once. */
export function findCandidatePairs(items: readonly Comparable[], bands: number): Float64Array {
  const count = items.length;
  const keys = new Uint32Array(count * bands);
  items.forEach((item, i) => keys.set(item.bandKeys, i * bands));
  const pairs = new PairBuffer(count);
  addBandPairs(keys, count, bands, pairs);
  addAnchorPairs(
    items.map((item) => item.shingles),
    items.map((item) => item.anchors),
    pairs,
  );
  return pairs.toArray();
}

/** The two item numbers of a packed pair, lower first. */
export function unpackPair(packed: number, count: number): [number, number] {
  return [Math.floor(packed / count), packed % count];
}
