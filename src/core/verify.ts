/**
 * Exact verification of candidate pairs on their shingle sets. LSH is probabilistic; this is
 * not: every pair LSH proposes is measured here, so an LSH false positive never reaches the
 * report. Sets are sorted arrays of distinct 32-bit shingle hashes, intersected by a merge.
 */

/** Similarities and shares are reported to three decimals: enough to rank, stable across platforms. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Sorted distinct values: the shingle set of a paragraph. */
export function toSortedSet(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  }
  return sorted.slice(0, unique);
}

export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

export interface Overlap {
  /** |A ∩ B| / |A ∪ B| */
  jaccard: number;
  /** |A ∩ B| / |A|: how much of A lies inside B. */
  containmentOfA: number;
  /** |A ∩ B| / |B| */
  containmentOfB: number;
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  const common = intersectionSize(a, b);
  const union = a.length + b.length - common;
  return {
    jaccard: union === 0 ? 0 : common / union,
    containmentOfA: a.length === 0 ? 0 : common / a.length,
    containmentOfB: b.length === 0 ? 0 : common / b.length,
  };
}

/**
 * The rule for "derived" (reported as edited): Jaccard at or above `threshold`, or one
 * paragraph lying at least `containment` inside the other. The second clause finds
 * merges and splits: 002 lines 22-23 merged into one paragraph of 000, 002 line 8 split
 * into three paragraphs of 003. Both paragraphs have at least --min-words words (scan.ts
 * only verifies such pairs), so a short line inside a long one does not count.
 */
export function isDerived(o: Overlap, threshold: number, containment: number): boolean {
  return (
    o.jaccard >= threshold || o.containmentOfA >= containment || o.containmentOfB >= containment
  );
}

/**
 * A paragraph that only contains others (they lie inside it; it is not similar to any, nor
 * inside one) is edited when they make up at least this share of it together: 002 line 8 of
 * the seeds split into three paragraphs of 003 (shares 0.25 + 0.30 + 0.36), but not a
 * 35-word sentence that quotes an 8-word line from elsewhere (PAN 01, 0.23).
 */
export const CONTAINED_MIN_SHARE = 0.5;
