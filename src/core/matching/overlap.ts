/**
 * Exact measures of two paragraphs' shingle sets. LSH is probabilistic; this is not: every pair
 * a candidate channel proposes is measured here, so an LSH false positive never reaches the
 * report. Sets are sorted arrays of distinct 32-bit shingle hashes, intersected by a merge.
 * Whether a pair's measures make it "derived" is classify.ts's to say.
 */
import type { Overlap } from '../model.js';

export type { Overlap };

/** Sorted distinct values: the shingle set of a paragraph. */
export function toSortedSet(values: ArrayLike<number>): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  }
  return sorted.slice(0, unique);
}

/** The shingle set of scratch values, in place: `values` sorted, its distinct values moved to the front; returns a view of them. */
export function sortInPlace(values: Uint32Array): Uint32Array {
  values.sort();
  let unique = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[i - 1]) values[unique++] = values[i]!;
  }
  return values.subarray(0, unique);
}

/** How many values two sorted distinct runs share: x[xFrom..xTo) and y[yFrom..yTo), by a merge. */
export function commonInRanges(x: Uint32Array, xFrom: number, xTo: number, y: Uint32Array, yFrom: number, yTo: number): number {
  let i = xFrom;
  let j = yFrom;
  let common = 0;
  while (i < xTo && j < yTo) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      common++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return common;
}

export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  return commonInRanges(a, 0, a.length, b, 0, b.length);
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  return measuresOf(intersectionSize(a, b), a.length, b.length);
}

/** The measures of two sets of these sizes sharing `common` values. */
export function measuresOf(common: number, sizeA: number, sizeB: number): Overlap {
  const union = sizeA + sizeB - common;
  return {
    jaccard: union === 0 ? 0 : common / union,
    containmentOfA: sizeA === 0 ? 0 : common / sizeA,
    containmentOfB: sizeB === 0 ? 0 : common / sizeB,
  };
}

/** The union of several sorted sets (a merged block's paragraphs), sorted and distinct. */
export function unionSet(sets: ReadonlyArray<Uint32Array | null>): Uint32Array {
  const all = new Uint32Array(sets.reduce((n, set) => n + (set?.length ?? 0), 0));
  let offset = 0;
  for (const set of sets) {
    if (!set) continue;
    all.set(set, offset);
    offset += set.length;
  }
  return toSortedSet(all);
}
