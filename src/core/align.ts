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
import { isDerived, overlap, round3, toSortedSet, type Overlap } from './verify.js';
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
  const all = new Uint32Array(sets.reduce((n, set) => n + (set?.length ?? 0), 0));
  let offset = 0;
  for (const set of sets) {
    if (!set) continue;
    all.set(set, offset);
    offset += set.length;
  }
  return toSortedSet(all);
}

export function alignParagraphs(from: readonly AlignParagraph[], to: readonly AlignParagraph[], rule: AlignRule): AlignedBlock[] {
  const tokenCache = new Map<AlignParagraph, string[]>();
  const tokensOf = (p: AlignParagraph): string[] => {
    let tokens = tokenCache.get(p);
    if (!tokens) tokenCache.set(p, (tokens = tokenize(p.text).tokens));
    return tokens;
  };
  // Pairwise measures, only for pairs that share something: an inverted index from shingle
  // (or, for short paragraphs, first word) to `to` paragraphs keeps this near-linear, where a
  // full matrix of two 10,000-paragraph files would take gigabytes.
  const m = to.length;
  const share = new Map<number, number>(); // i * m + j -> share of from[i] inside to[j]
  const reverseShare = new Map<number, number>(); // i * m + j -> share of to[j] inside from[i]
  const pairs: Array<{ i: number; j: number; similarity: number }> = [];
  const index = <K>(map: Map<K, number[]>, key: K, value: number): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const byShingle = new Map<number, number[]>();
  const byKey = new Map<string, number[]>();
  const toByToken = new Map<string, number[]>();
  const fromByToken = new Map<string, number[]>();
  to.forEach((b, j) => {
    if (b.textKey !== null) index(byKey, b.textKey, j);
    if (b.shingles) for (const h of b.shingles) index(byShingle, h, j);
    if (b.words > 0) for (const token of new Set(tokensOf(b))) index(toByToken, token, j);
  });
  from.forEach((a, i) => {
    if (a.shingles) for (const token of new Set(tokensOf(a))) index(fromByToken, token, i);
  });
  from.forEach((a, i) => {
    if (a.words === 0) return;
    const touched = new Set<number>(a.textKey === null ? [] : (byKey.get(a.textKey) ?? []));
    if (a.shingles) for (const h of a.shingles) for (const j of byShingle.get(h) ?? []) touched.add(j);
    else for (const j of toByToken.get(tokensOf(a)[0]!) ?? []) touched.add(j);
    for (const j of touched) {
      const b = to[j]!;
      const key = i * m + j;
      if (a.textKey !== null && a.textKey === b.textKey) {
        share.set(key, 1);
        reverseShare.set(key, 1);
        pairs.push({ i, j, similarity: 1 });
        continue;
      }
      if (a.shingles && b.shingles) {
        const o = overlap(a.shingles, b.shingles);
        share.set(key, o.containmentOfA);
        reverseShare.set(key, o.containmentOfB);
        if (isDerived(o, rule.threshold, rule.containment)) pairs.push({ i, j, similarity: o.jaccard });
      } else if (!a.shingles && containsRun(tokensOf(b), tokensOf(a))) {
        share.set(key, 1);
      }
    }
  });
  // Short `to` paragraphs inside long `from` ones are found the other way round.
  to.forEach((b, j) => {
    if (b.shingles || b.words === 0) return;
    for (const i of fromByToken.get(tokensOf(b)[0]!) ?? []) {
      if (!reverseShare.has(i * m + j) && containsRun(tokensOf(from[i]!), tokensOf(b))) reverseShare.set(i * m + j, 1);
    }
  });

  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const blocks: AlignedBlock[] = [];

  // Merges: runs of consecutive `from` paragraphs inside one `to` paragraph (paragraphs
  // without words, such as a stray "<", do not break a run).
  const wordBearingBefore = new Int32Array(from.length + 1);
  from.forEach((a, i) => (wordBearingBefore[i + 1] = wordBearingBefore[i]! + (a.words > 0 ? 1 : 0)));
  const insideOf = new Map<number, number[]>(); // j -> i, ascending
  const containsOf = new Map<number, number[]>(); // i -> j, ascending
  for (const [key, value] of share) if (value >= MERGE_PART_CONTAINMENT) index(insideOf, key % m, Math.floor(key / m));
  for (const [key, value] of reverseShare) if (value >= rule.containment) index(containsOf, Math.floor(key / m), key % m);
  for (const list of [...insideOf.values(), ...containsOf.values()]) list.sort((x, y) => x - y);
  for (const j of [...insideOf.keys()].sort((x, y) => x - y)) {
    const candidates = insideOf.get(j)!.filter((i) => !usedFrom.has(i));
    let run: number[] = [];
    const flush = (): void => {
      if (run.length >= 2 && run.some((i) => from[i]!.shingles) && !usedTo.has(j)) {
        blocks.push({ kind: 'merged', from: run, to: [j], similarity: null, moved: false });
        for (const i of run) usedFrom.add(i);
        usedTo.add(j);
      }
      run = [];
    };
    for (const i of candidates) {
      const previous = run[run.length - 1];
      // consecutive: no paragraph with words between the previous part and this one
      if (previous !== undefined && wordBearingBefore[i]! - wordBearingBefore[previous + 1]! > 0) flush();
      run.push(i);
    }
    flush();
  }

  // Splits: several `to` paragraphs inside one `from` paragraph.
  for (const i of [...containsOf.keys()].sort((x, y) => x - y)) {
    const a = from[i]!;
    if (usedFrom.has(i) || !a.shingles) continue;
    const parts = containsOf.get(i)!.filter((j) => !usedTo.has(j) && to[j]!.shingles && to[j]!.textKey !== a.textKey);
    if (parts.length < 2) continue;
    blocks.push({ kind: 'split', from: [i], to: parts, similarity: null, moved: false });
    usedFrom.add(i);
    for (const j of parts) usedTo.add(j);
  }

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
      block.similarity = round3(
        overlap(unionSet(block.from.map((i) => from[i]!.shingles)), unionSet(block.to.map((j) => to[j]!.shingles))).jaccard,
      );
    } else block.similarity = round3(block.similarity);
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

/**
 * Blocks outside the longest increasing run of `from` positions (in `to` order) have moved.
 * Patience sorting: O(n log n).
 */
function markMoved(blocks: AlignedBlock[]): void {
  const sequence = [...blocks].sort((x, y) => x.to[0]! - y.to[0]!);
  const tails: number[] = []; // index into sequence of the smallest tail of each run length
  const previous = new Int32Array(sequence.length).fill(-1);
  sequence.forEach((block, k) => {
    const value = block.from[0]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sequence[tails[mid]!]!.from[0]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1]!;
    tails[low] = k;
  });
  const inOrder = new Set<AlignedBlock>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) inOrder.add(sequence[k]!);
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
  summary.coverage = from.words === 0 ? 0 : round3(keptFrom / from.words);
  summary.reused = to.words === 0 ? 0 : round3(keptTo / to.words);
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

