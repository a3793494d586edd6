/**
 * Candidates and verification over the variants: which variants are long enough to compare,
 * which pairs the candidate channels propose (matching/candidates.ts), and which of those the
 * exact measures confirm as derived (classify.ts). Only confirmed pairs become edges.
 */
import { isDerived, type DerivationRule } from '../classify.js';
import { findCandidatePairs, unpackPair, type Comparable } from '../matching/candidates.js';
import { overlap } from '../matching/overlap.js';
import { anchors, bandKeys, shingles } from '../document.js';
import type { Corpus, Edge } from '../model.js';

export interface Candidates {
  /** Variant numbers of the comparable variants; pairs are indexes into this list. */
  comparable: number[];
  /** Packed pairs (see matching/candidates.ts). */
  pairs: Float64Array;
}

/** The shingle set of a comparable variant (its first member's). */
export function variantShingles(corpus: Corpus, v: number): Uint32Array {
  const p = corpus.variants[v]!.members[0]!;
  return shingles(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!)!;
}

/** Candidate pairs among the variants that have shingles. */
export function findCandidates(corpus: Corpus, bands: number): Candidates {
  const comparable: number[] = [];
  const items: Comparable[] = [];
  corpus.variants.forEach((variant, v) => {
    if (!variant.comparable) return;
    const p = variant.members[0]!;
    const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
    const i = corpus.paragraphIndex[p]!;
    comparable.push(v);
    items.push({ shingles: shingles(doc, i)!, bandKeys: bandKeys(doc, i)!, anchors: anchors(doc, i)! });
  });
  return { comparable, pairs: findCandidatePairs(items, bands) };
}

export interface Edges {
  /** Per variant: its verified derived pairs. */
  byVariant: Edge[][];
  verifiedPairs: number;
}

/** Measures every candidate exactly; derived pairs across documents become edges. */
export function verifyCandidates(corpus: Corpus, candidates: Candidates, rule: DerivationRule): Edges {
  const { variants } = corpus;
  const { comparable, pairs } = candidates;
  const byVariant: Edge[][] = variants.map(() => []);
  let verifiedPairs = 0;
  for (const packed of pairs) {
    const [i, j] = unpackPair(packed, comparable.length);
    const a = comparable[i]!;
    const b = comparable[j]!;
    const va = variants[a]!;
    const vb = variants[b]!;
    // Both only ever in the same single document: says nothing about reuse across documents.
    if (va.soleDocument >= 0 && va.soleDocument === vb.soleDocument) continue;
    const o = overlap(variantShingles(corpus, a), variantShingles(corpus, b));
    if (!isDerived(o, rule)) continue;
    verifiedPairs++;
    byVariant[a]!.push({ other: b, overlap: o, reversed: false });
    byVariant[b]!.push({ other: a, overlap: o, reversed: true });
  }
  return { byVariant, verifiedPairs };
}
