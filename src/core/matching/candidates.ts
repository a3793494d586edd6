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
import { addAnchorPairs, type ShingleSets } from './anchors.js';
import { addBandMajorPairs, type TextKeys } from './lsh.js';
import { PairBuffer } from './pairs.js';

/**
 * The paragraph variants long enough to be compared, in flat arrays (a view object per
 * paragraph and array cost more memory than the numbers: 46 MB of headers on PAN).
 */
export interface CandidateItems {
  count: number;
  /** Band keys, band-major: item i's key in band b is `bandKeys[b * count + i]`. */
  bandKeys: Uint32Array;
  shingles: ShingleSets;
  /** Each item's two anchors (its first and last shingle). */
  anchors: Uint32Array;
  /** Each item's text key, read where it is held (the order of a large LSH bucket: lsh.ts). */
  textKeys?: TextKeys;
  /** Per item: the one document it occurs in, or -1 when in several; two items of one document are no candidate pair. */
  soleDocument?: Int32Array;
}

/**
 * Candidate pairs of the items, packed as `low * count + high`, ascending, each once; none of
 * two items of one document only (soleDocument). Such pairs still take their places in a large
 * bucket's window (lsh.ts), so the pairs across documents are those of pairing every item.
 */
export function findCandidatePairs(items: CandidateItems, bands: number): Float64Array {
  const pairs = new PairBuffer(items.count, items.soleDocument);
  addBandMajorPairs(items.bandKeys, items.count, bands, pairs, items.textKeys);
  addAnchorPairs(items.shingles, items.anchors, pairs);
  return pairs.toArray();
}

/** The two item numbers of a packed pair, lower first. */
export function unpackPair(packed: number, count: number): [number, number] {
  return [Math.floor(packed / count), packed % count];
}
