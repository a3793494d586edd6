/**
 * Candidates and verification over the variants: which variants are long enough to compare,
 * which pairs the candidate channels propose (matching/candidates.ts), and which of those the
 * exact measures confirm as derived (classify.ts). Only confirmed pairs become edges, kept in
 * flat arrays (model.ts, Edges).
 */
import { isDerived, type DerivationRule } from '../classify.js';
import { keyHigh, keyLow, shingles, shingleSpan } from '../document.js';
import type { ShingleSets } from '../matching/anchors.js';
import { findCandidatePairs, type CandidateItems } from '../matching/candidates.js';
import { measuresOf, overlap } from '../matching/overlap.js';
import type { Corpus, Edge, Edges, Overlap } from '../model.js';

export interface Candidates {
  /** Variant numbers of the comparable variants; pairs are indexes into this list. */
  comparable: number[];
  /** Packed pairs (see matching/candidates.ts). */
  pairs: Float64Array;
  /** The comparable variants' shingle sets, in the order of `comparable`, when gathered flat. */
  shingles?: ShingleSets;
}

/** The shingle set of a comparable variant (its first member's). */
export function variantShingles(corpus: Corpus, v: number): Uint32Array {
  const p = corpus.variants.members[corpus.variants.memberStart[v]!]!;
  return shingles(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!)!;
}

/** Candidate pairs among the variants that have shingles. */
export function findCandidates(corpus: Corpus, bands: number): Candidates {
  const comparable: number[] = [];
  let total = 0;
  for (let v = 0; v < corpus.variants.count; v++) {
    if (corpus.variants.comparable[v] === 0) continue;
    comparable.push(v);
    total += spanOf(corpus, v).shingles;
  }
  const items = gatherItems(corpus, comparable, total, bands);
  return { comparable, pairs: findCandidatePairs(items, bands), shingles: items.shingles };
}

/** A half of variant v's text key (keyHigh or keyLow of its first member). */
export function variantKey(corpus: Corpus, v: number, half: typeof keyHigh): number {
  const p = corpus.variants.members[corpus.variants.memberStart[v]!]!;
  return half(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!);
}

function spanOf(corpus: Corpus, v: number): { doc: Corpus['docs'][number]; at: number; shingles: number; bandKeys: number } {
  const p = corpus.variants.members[corpus.variants.memberStart[v]!]!;
  const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
  return { doc, ...shingleSpan(doc, corpus.paragraphIndex[p]!) };
}

/** The comparable variants' shingle sets, band keys (band-major) and anchors, copied into flat arrays. */
function gatherItems(corpus: Corpus, comparable: readonly number[], totalShingles: number, bands: number): CandidateItems {
  const count = comparable.length;
  const items: CandidateItems = {
    count,
    bandKeys: new Uint32Array(count * bands),
    shingles: { data: new Uint32Array(totalShingles), start: new Uint32Array(count + 1) },
    anchors: new Uint32Array(count * 2),
    textKeys: {
      high: (item) => variantKey(corpus, comparable[item]!, keyHigh),
      low: (item) => variantKey(corpus, comparable[item]!, keyLow),
    },
    soleDocument: Int32Array.from(comparable, (v) => corpus.variants.soleDocument[v]!),
  };
  let used = 0;
  comparable.forEach((v, item) => {
    const { doc, at, shingles: length, bandKeys: keys } = spanOf(corpus, v);
    const n = doc.numbers;
    items.shingles.start[item] = used;
    items.shingles.data.set(n.subarray(at, at + length), used);
    used += length;
    const keysAt = at + length;
    for (let band = 0; band < bands && band < keys; band++) items.bandKeys[band * count + item] = n[keysAt + band]!;
    items.anchors[2 * item] = n[keysAt + keys]!;
    items.anchors[2 * item + 1] = n[keysAt + keys + 1]!;
  });
  items.shingles.start[count] = used;
  return items;
}

/** overlap() of items i and j of flat shingle sets. */
function flatOverlap(sets: ShingleSets, i: number, j: number): Overlap {
  const { data, start } = sets;
  let x = start[i]!;
  const xEnd = start[i + 1]!;
  let y = start[j]!;
  const yEnd = start[j + 1]!;
  let common = 0;
  while (x < xEnd && y < yEnd) {
    const u = data[x]!;
    const v = data[y]!;
    if (u === v) {
      common++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  const sizeA = xEnd - start[i]!;
  const sizeB = yEnd - start[j]!;
  return measuresOf(common, sizeA, sizeB);
}

/** Measures every candidate exactly; derived pairs across documents become edges. */
export function verifyCandidates(corpus: Corpus, candidates: Candidates, rule: DerivationRule): Edges {
  const { soleDocument, count } = corpus.variants;
  const { comparable, pairs } = candidates;
  const pairA: number[] = [];
  const pairB: number[] = [];
  const jaccard: number[] = [];
  const containmentOfA: number[] = [];
  const containmentOfB: number[] = [];
  const degree = new Int32Array(count + 1);
  const n = comparable.length;
  const flat = candidates.shingles;
  for (const packed of pairs) {
    const i = Math.floor(packed / n);
    const j = packed - i * n;
    const a = comparable[i]!;
    const b = comparable[j]!;
    // Both only ever in the same single document: says nothing about reuse across documents
    // (candidates from findCandidates hold none such; candidates given otherwise may).
    if (soleDocument[a]! >= 0 && soleDocument[a] === soleDocument[b]) continue;
    // From the flat sets the candidates were found in when there are: no view per pair, and
    // the sets side by side in memory (verification at 1 GB read them from all over the heap).
    const o = flat ? flatOverlap(flat, i, j) : overlap(variantShingles(corpus, a), variantShingles(corpus, b));
    if (!isDerived(o, rule)) continue;
    pairA.push(a);
    pairB.push(b);
    jaccard.push(o.jaccard);
    containmentOfA.push(o.containmentOfA);
    containmentOfB.push(o.containmentOfB);
    degree[a]!++;
    degree[b]!++;
  }
  // Each variant's pairs in one run of edgeOf, in the order they were verified.
  const edgeStart = new Int32Array(count + 1);
  for (let v = 0; v < count; v++) edgeStart[v + 1] = edgeStart[v]! + degree[v]!;
  const edgeOf = new Int32Array(edgeStart[count]!);
  const next = edgeStart.slice(0, count);
  for (let k = 0; k < pairA.length; k++) {
    edgeOf[next[pairA[k]!]!++] = k * 2;
    edgeOf[next[pairB[k]!]!++] = k * 2 + 1;
  }
  return {
    pairA: Int32Array.from(pairA),
    pairB: Int32Array.from(pairB),
    jaccard: Float64Array.from(jaccard),
    containmentOfA: Float64Array.from(containmentOfA),
    containmentOfB: Float64Array.from(containmentOfB),
    edgeStart,
    edgeOf,
    verifiedPairs: pairA.length,
  };
}

/** Calls `visit` with each of variant v's edges: the other variant, the pair's number `k` in the arrays, and whether v is its second variant. */
export function eachEdge(edges: Edges, v: number, visit: (other: number, k: number, reversed: boolean) => void): void {
  for (let e = edges.edgeStart[v]!; e < edges.edgeStart[v + 1]!; e++) {
    const code = edges.edgeOf[e]!;
    const k = code >>> 1;
    const reversed = (code & 1) === 1;
    visit(reversed ? edges.pairA[k]! : edges.pairB[k]!, k, reversed);
  }
}

/** Variant v's edges as objects (the few a paragraph's matches need). */
export function edgesOf(edges: Edges, v: number): Edge[] {
  const out: Edge[] = [];
  eachEdge(edges, v, (other, k, reversed) => {
    out.push({
      other,
      overlap: { jaccard: edges.jaccard[k]!, containmentOfA: edges.containmentOfA[k]!, containmentOfB: edges.containmentOfB[k]! },
      reversed,
      reworded: edges.reworded?.[k] === 1,
    });
  });
  return out;
}

/** The pair's two variants, the one with the lower text key first. */
export function lowerTextKeyFirst(corpus: Corpus, a: number, b: number): [number, number] {
  const [ha, hb] = [variantKey(corpus, a, keyHigh), variantKey(corpus, b, keyHigh)];
  if (ha !== hb) return ha < hb ? [a, b] : [b, a];
  return variantKey(corpus, a, keyLow) <= variantKey(corpus, b, keyLow) ? [a, b] : [b, a];
}

/** A variant's first paragraph (global number). */
export function firstMember(corpus: Corpus, variant: number): number {
  return corpus.variants.members[corpus.variants.memberStart[variant]!]!;
}
