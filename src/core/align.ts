/**
 * Aligns the paragraphs of two articles: which paragraph of `from` became which of `to`.
 * Used by `dedupe diff`, and by provenance to compare each reprint with its original.
 *
 * Every pair is measured exactly (two articles have at most a few thousand pairs; no LSH
 * needed). Blocks, in order of preference:
 * - merged (n → 1): a run of two or more consecutive `from` paragraphs that each lie mostly
 *   (MERGE_PART_CONTAINMENT) inside one `to` paragraph. Seeds: 002 lines 22-23 → 000 line 30;
 *   002 lines 9-10 ("What is Ukraine doing?" + its answer) → 000 line 19.
 * - split (1 → n): two or more `to` paragraphs that each lie at least --containment inside
 *   one `from` paragraph, adjacent or not. Seeds: 002 line 8 → 003 lines 17, 19 and 25.
 * - same / edited (1 → 1): identical normalised text, or derived (verify.ts), best first.
 * - dropped / added: what is left on either side.
 * A short paragraph (no shingles) counts as inside another when its words appear there as a
 * contiguous run, so a heading folded into the next paragraph is still found.
 */
import { tokenize } from './normalize.js';
import type { PreparedDocument } from './scan.js';
import { SCHEMA_VERSION, type DiffReport, type SegmentRef } from './types.js';
import { isDerived, overlap, type Overlap } from './verify.js';
import { wordDiff, type EditOp } from './worddiff.js';

export const MERGE_PART_CONTAINMENT = 0.6;

export interface AlignParagraph {
  startLine: number;
  endLine: number;
  text: string;
  words: number;
  textKey: string | null;
  shingles: Uint32Array | null;
}

export type BlockKind = 'same' | 'edited' | 'merged' | 'split' | 'dropped' | 'added';

export interface AlignedBlock {
  kind: BlockKind;
  /** Indexes into the `from` paragraphs, ascending. */
  from: number[];
  /** Indexes into the `to` paragraphs, ascending. */
  to: number[];
  /** Jaccard similarity of the two sides' shingle sets; 1 for identical text; null when one side is empty. */
  similarity: number | null;
  /** The block's `from` paragraphs come earlier or later than the surrounding order. */
  moved: boolean;
  /** Word operations turning the `from` side into the `to` side (edited, merged, split). */
  ops?: EditOp[];
}

export interface AlignRule {
  threshold: number;
  containment: number;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function unionSet(sets: ReadonlyArray<Uint32Array | null>): Uint32Array {
  const all: number[] = [];
  for (const set of sets) if (set) for (const v of set) all.push(v);
  const sorted = Uint32Array.from(all).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.slice(0, unique);
}

export function alignParagraphs(from: readonly AlignParagraph[], to: readonly AlignParagraph[], rule: AlignRule): AlignedBlock[] {
  const tokenCache = new Map<AlignParagraph, string[]>();
  const tokensOf = (p: AlignParagraph): string[] => {
    let tokens = tokenCache.get(p);
    if (!tokens) tokenCache.set(p, (tokens = tokenize(p.text).tokens));
    return tokens;
  };
  /** How much of `inner` lies inside `outer`, with the shingle overlap when both have shingles. */
  const inside = (inner: AlignParagraph, outer: AlignParagraph): { share: number; o: Overlap | null } => {
    if (inner.words === 0 || outer.words === 0) return { share: 0, o: null };
    if (inner.textKey !== null && inner.textKey === outer.textKey) return { share: 1, o: null };
    if (inner.shingles && outer.shingles) {
      const o = overlap(inner.shingles, outer.shingles);
      return { share: o.containmentOfA, o };
    }
    if (!inner.shingles) return { share: containsRun(tokensOf(outer), tokensOf(inner)) ? 1 : 0, o: null };
    return { share: 0, o: null };
  };

  // Pairwise measures, computed once.
  const share = from.map(() => new Float64Array(to.length)); // from[i] inside to[j]
  const reverseShare = from.map(() => new Float64Array(to.length)); // to[j] inside from[i]
  const pairs: Array<{ i: number; j: number; similarity: number }> = [];
  from.forEach((a, i) => {
    to.forEach((b, j) => {
      const ab = inside(a, b);
      const ba = inside(b, a);
      share[i]![j] = ab.share;
      reverseShare[i]![j] = ba.share;
      if (a.textKey !== null && a.textKey === b.textKey) pairs.push({ i, j, similarity: 1 });
      else if (ab.o && isDerived(ab.o, rule.threshold, rule.containment)) pairs.push({ i, j, similarity: ab.o.jaccard });
    });
  });

  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const blocks: AlignedBlock[] = [];

  // Merges: runs of consecutive `from` paragraphs inside one `to` paragraph.
  to.forEach((_, j) => {
    let run: number[] = [];
    const flush = (): void => {
      if (run.length >= 2 && run.some((i) => from[i]!.shingles) && !usedTo.has(j)) {
        blocks.push({ kind: 'merged', from: run, to: [j], similarity: null, moved: false });
        for (const i of run) usedFrom.add(i);
        usedTo.add(j);
      }
      run = [];
    };
    for (let i = 0; i < from.length; i++) {
      if (!usedFrom.has(i) && share[i]![j]! >= MERGE_PART_CONTAINMENT) run.push(i);
      else if (from[i]!.words > 0) flush();
    }
    flush();
  });

  // Splits: several `to` paragraphs inside one `from` paragraph.
  from.forEach((a, i) => {
    if (usedFrom.has(i) || !a.shingles) return;
    const parts: number[] = [];
    to.forEach((b, j) => {
      if (!usedTo.has(j) && b.shingles && reverseShare[i]![j]! >= rule.containment && b.textKey !== a.textKey) parts.push(j);
    });
    if (parts.length < 2) return;
    blocks.push({ kind: 'split', from: [i], to: parts, similarity: null, moved: false });
    usedFrom.add(i);
    for (const j of parts) usedTo.add(j);
  });

  // One to one, best similarity first (ties: document order).
  pairs.sort((x, y) => y.similarity - x.similarity || x.j - y.j || x.i - y.i);
  for (const { i, j, similarity } of pairs) {
    if (usedFrom.has(i) || usedTo.has(j)) continue;
    blocks.push({ kind: similarity === 1 ? 'same' : 'edited', from: [i], to: [j], similarity, moved: false });
    usedFrom.add(i);
    usedTo.add(j);
  }

  for (const block of blocks) {
    const fromText = block.from.map((i) => from[i]!.text).join(' ');
    const toText = block.to.map((j) => to[j]!.text).join(' ');
    if (block.kind !== 'same') block.ops = wordDiff(fromText, toText);
    if (block.similarity === null) {
      block.similarity = round(
        overlap(unionSet(block.from.map((i) => from[i]!.shingles)), unionSet(block.to.map((j) => to[j]!.shingles))).jaccard,
      );
    } else block.similarity = round(block.similarity);
  }
  markMoved(blocks);

  // Reading order: the `to` article's order, each dropped paragraph placed before the first
  // block that comes after it in `from`.
  const matched = blocks.sort((x, y) => x.to[0]! - y.to[0]!);
  const dropped = from.map((_, i) => i).filter((i) => !usedFrom.has(i));
  const ordered: AlignedBlock[] = [];
  let next = 0;
  for (const block of matched) {
    if (!block.moved) {
      while (next < dropped.length && dropped[next]! < block.from[0]!) {
        ordered.push({ kind: 'dropped', from: [dropped[next++]!], to: [], similarity: null, moved: false });
      }
    }
    ordered.push(block);
  }
  while (next < dropped.length) ordered.push({ kind: 'dropped', from: [dropped[next++]!], to: [], similarity: null, moved: false });
  // Added paragraphs in place.
  const result: AlignedBlock[] = [];
  let toNext = 0;
  const emitAddedBefore = (limit: number): void => {
    for (; toNext < limit; toNext++) {
      if (!usedTo.has(toNext)) result.push({ kind: 'added', from: [], to: [toNext], similarity: null, moved: false });
    }
  };
  for (const block of ordered) {
    if (block.to.length > 0) emitAddedBefore(block.to[0]!);
    result.push(block);
    if (block.to.length > 0) toNext = Math.max(toNext, block.to[0]! + 1);
  }
  emitAddedBefore(to.length);
  return result;
}

/** Blocks outside the longest increasing run of `from` positions (in `to` order) have moved. */
function markMoved(blocks: AlignedBlock[]): void {
  const sequence = [...blocks].sort((x, y) => x.to[0]! - y.to[0]!);
  const n = sequence.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) {
    for (let m = 0; m < k; m++) {
      if (sequence[m]!.from[0]! < sequence[k]!.from[0]! && length[m]! + 1 > length[k]!) {
        length[k] = length[m]! + 1;
        previous[k] = m;
      }
    }
  }
  let end = -1;
  for (let k = 0; k < n; k++) if (end < 0 || length[k]! > length[end]!) end = k;
  const inOrder = new Set<AlignedBlock>();
  for (let k = end; k >= 0; k = previous[k]!) inOrder.add(sequence[k]!);
  for (const block of blocks) block.moved = !inOrder.has(block);
}

/** The paragraph alignment of two prepared documents as a report (`dedupe diff`). */
export function diffDocuments(from: PreparedDocument, to: PreparedDocument, rule: AlignRule): DiffReport {
  const view = (doc: PreparedDocument): AlignParagraph[] =>
    doc.paragraphs.map((p) => ({ ...p.segment, words: p.words, textKey: p.textKey, shingles: p.shingles }));
  const a = view(from);
  const b = view(to);
  const blocks = alignParagraphs(a, b, rule);
  const ref = (paragraphs: readonly AlignParagraph[], indexes: readonly number[]): SegmentRef[] =>
    indexes.map((i) => ({ segment: i, startLine: paragraphs[i]!.startLine, endLine: paragraphs[i]!.endLine }));
  const summary = { same: 0, edited: 0, merged: 0, split: 0, dropped: 0, added: 0, moved: 0, coverage: 0, reused: 0 };
  let keptFrom = 0;
  let keptTo = 0;
  for (const block of blocks) {
    summary[block.kind]++;
    if (block.moved) summary.moved++;
    if (block.from.length > 0 && block.to.length > 0) {
      keptFrom += block.from.reduce((n, i) => n + a[i]!.words, 0);
      keptTo += block.to.reduce((n, j) => n + b[j]!.words, 0);
    }
  }
  summary.coverage = from.words === 0 ? 0 : round(keptFrom / from.words);
  summary.reused = to.words === 0 ? 0 : round(keptTo / to.words);
  return {
    schemaVersion: SCHEMA_VERSION,
    from: { path: from.id, paragraphs: a.length, words: from.words },
    to: { path: to.id, paragraphs: b.length, words: to.words },
    summary,
    blocks: blocks.map((block) => {
      const out: DiffReport['blocks'][number] = {
        kind: block.kind,
        from: ref(a, block.from),
        to: ref(b, block.to),
        similarity: block.similarity,
        moved: block.moved,
      };
      if (block.ops) out.ops = block.ops;
      else out.text = (block.to.length > 0 ? b[block.to[0]!]! : a[block.from[0]!]!).text;
      return out;
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
