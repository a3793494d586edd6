/**
 * The verified pairs of `dedupe join` as the scan's edges (core/model.ts, Edges): each pair's
 * text keys found among the report's variants, its measures computed from its counts exactly
 * as core/matching/overlap.ts computes them, and the pairs in the order the scan verifies
 * them (ascending variant numbers), so the report is the scan's.
 */
import { isDerived, type DerivationRule } from '../../core/classify.js';
import * as paragraph from '../../core/document.js';
import { KeyTable } from '../../core/key-table.js';
import type { Corpus, Edges, Overlap } from '../../core/model.js';
import { bigintToKey } from './numbers.js';

/** The pairs as read from pairs.parquet, in flat arrays. */
export interface JoinedPairs {
  aKey: bigint[];
  bKey: bigint[];
  aSize: number[];
  bSize: number[];
  common: number[];
}

/** Measures from counts, as overlap() in core/matching/overlap.ts computes them from the sets. */
export function overlapOfCounts(common: number, sizeA: number, sizeB: number): Overlap {
  const union = sizeA + sizeB - common;
  return {
    jaccard: union === 0 ? 0 : common / union,
    containmentOfA: sizeA === 0 ? 0 : common / sizeA,
    containmentOfB: sizeB === 0 ? 0 : common / sizeB,
  };
}

/** What went wrong matching the pairs with the paragraphs: the join is stale or damaged. */
export class PairsMismatch extends Error {}

/**
 * Variant numbers by text key. Read in paragraph order, a variant first seen where it is first
 * numbered: documents are read one after the other (report.ts keeps them on disk, paged.ts).
 */
function variantsByKey(corpus: Corpus): KeyTable {
  const { variants, docs, variantOf } = corpus;
  const table = new KeyTable(variants.count);
  let p = 0;
  for (const doc of docs) {
    for (let i = 0; i < doc.count; i++, p++) {
      const v = variantOf[p]!;
      if (v >= 0 && variants.members[variants.memberStart[v]!] === p) table.indexOf(paragraph.keyHigh(doc, i), paragraph.keyLow(doc, i), v);
    }
  }
  return table;
}

/** The pairs as edges over `corpus`'s variants; throws PairsMismatch when one does not fit. */
export function edgesFromPairs(corpus: Corpus, pairs: JoinedPairs, rule: DerivationRule): Edges {
  const table = variantsByKey(corpus);
  const count = pairs.aKey.length;
  const found = (key: bigint): number => {
    const [high, low] = bigintToKey(key);
    const v = table.get(high, low);
    if (v < 0 || corpus.variants.comparable[v] === 0) throw new PairsMismatch(`a pair names a text that no signed paragraph has`);
    return v;
  };
  const rows = Array.from({ length: count }, (_, k) => {
    const a = found(pairs.aKey[k]!);
    const b = found(pairs.bKey[k]!);
    const o = a < b ? overlapOfCounts(pairs.common[k]!, pairs.aSize[k]!, pairs.bSize[k]!) : overlapOfCounts(pairs.common[k]!, pairs.bSize[k]!, pairs.aSize[k]!);
    if (!isDerived(o, rule)) throw new PairsMismatch('a pair is not derived under the signing parameters');
    return { a: Math.min(a, b), b: Math.max(a, b), o };
  });
  // The scan verifies pairs in ascending order of their variants, and lists each variant's in that order.
  rows.sort((x, y) => x.a - y.a || x.b - y.b);
  const vcount = corpus.variants.count;
  const degree = new Int32Array(vcount + 1);
  for (const { a, b } of rows) {
    degree[a]!++;
    degree[b]!++;
  }
  const edgeStart = new Int32Array(vcount + 1);
  for (let v = 0; v < vcount; v++) edgeStart[v + 1] = edgeStart[v]! + degree[v]!;
  const edgeOf = new Int32Array(edgeStart[vcount]!);
  const next = edgeStart.slice(0, vcount);
  rows.forEach(({ a, b }, k) => {
    edgeOf[next[a]!++] = k * 2;
    edgeOf[next[b]!++] = k * 2 + 1;
  });
  return {
    pairA: Int32Array.from(rows, (r) => r.a),
    pairB: Int32Array.from(rows, (r) => r.b),
    jaccard: Float64Array.from(rows, (r) => r.o.jaccard),
    containmentOfA: Float64Array.from(rows, (r) => r.o.containmentOfA),
    containmentOfB: Float64Array.from(rows, (r) => r.o.containmentOfB),
    edgeStart,
    edgeOf,
    verifiedPairs: count,
  };
}
