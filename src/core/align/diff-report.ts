/**
 * `dedupe diff <from> <to>` as data: the paragraph alignment of two prepared documents with
 * counts, coverage both ways and each block's line spans and word operations. `diffBlocks`
 * states any alignment that way (the HTML report's side-by-side view of a group member).
 */
import type { DerivationRule, PreparedDocument } from '../model.js';
import { overlap } from '../matching/overlap.js';
import { round3 } from '../numbers.js';
import { Aligner, alignParagraphs as alignPassages } from '../rewrite/passages.js';
import { contentWords, stopTokens } from '../rewrite/stopwords.js';
import { unitsOfParagraphs } from '../rewrite/units.js';
import { SCHEMA_VERSION, type DiffBlock, type DiffReport, type SegmentRef } from '../types.js';
import { alignParagraphs, alignParagraphsOf, markMoved, type AlignedBlock, type AlignParagraph } from './align.js';
import { wordDiff } from './worddiff.js';

/** One side of an alignment: the paragraphs aligned, and the segment each stands for in its document. */
export interface AlignedSide {
  paragraphs: readonly AlignParagraph[];
  /** Segment index of each paragraph; absent: the paragraphs are the document's segments, in order. */
  segments?: readonly number[];
}

/** Aligned blocks as the report states them: line spans, similarity, and word operations or text. */
export function diffBlocks(blocks: readonly AlignedBlock[], from: AlignedSide, to: AlignedSide): DiffBlock[] {
  const ref = (side: AlignedSide, indexes: readonly number[]): SegmentRef[] =>
    indexes.map((i) => ({ segment: side.segments?.[i] ?? i, startLine: side.paragraphs[i]!.startLine, endLine: side.paragraphs[i]!.endLine }));
  return blocks.map((block) => {
    const out: DiffBlock = {
      kind: block.kind,
      from: ref(from, block.from),
      to: ref(to, block.to),
      similarity: block.similarity,
      moved: block.moved,
    };
    if (block.reworded) out.reworded = true;
    if (block.ops) out.ops = block.ops;
    else out.text = (block.to.length > 0 ? to.paragraphs[block.to[0]!]! : from.paragraphs[block.from[0]!]!).text;
    return out;
  });
}

/**
 * The dropped and added paragraphs that passage alignment pairs (rewrite/passages.ts, the
 * scan's rewrite stage): each becomes one edited block, `reworded`, in the added paragraph's
 * place. A pair needs `minWords` words on each side, as in a scan; the most similar pairs (over
 * content words, as a scan ranks a paragraph's matches) are taken first, each paragraph once.
 */
function withRewordedBlocks(blocks: AlignedBlock[], a: readonly AlignParagraph[], b: readonly AlignParagraph[], seed: number, minWords: number): AlignedBlock[] {
  const dropped = new Set(blocks.filter((k) => k.kind === 'dropped').map((k) => k.from[0]!));
  const added = new Set(blocks.filter((k) => k.kind === 'added').map((k) => k.to[0]!));
  if (dropped.size === 0 || added.size === 0) return blocks;
  const stop = stopTokens(seed);
  const unitsA = unitsOfParagraphs(a, stop);
  const unitsB = unitsOfParagraphs(b, stop);
  const aligned = alignPassages(new Aligner(), unitsA, [[0, unitsA.count]], unitsB, [[0, unitsB.count]], (i) => a[i]!.words, (j) => b[j]!.words)
    .filter((p) => dropped.has(p.a) && added.has(p.b) && a[p.a]!.words >= minWords && b[p.b]!.words >= minWords)
    .map((p) => ({ i: p.a, j: p.b, similarity: round3(overlap(contentWords(a[p.a]!.tokens, stop), contentWords(b[p.b]!.tokens, stop)).jaccard) }))
    .sort((x, y) => y.similarity - x.similarity || x.j - y.j || x.i - y.i);
  const pairedTo = new Map<number, AlignedBlock>();
  const pairedFrom = new Set<number>();
  for (const { i, j, similarity } of aligned) {
    if (pairedFrom.has(i) || pairedTo.has(j)) continue;
    pairedTo.set(j, { kind: 'edited', from: [i], to: [j], similarity, moved: false, ops: wordDiff(a[i]!.text, b[j]!.text), reworded: true });
    pairedFrom.add(i);
  }
  if (pairedTo.size === 0) return blocks;
  const out = blocks
    .filter((k) => !(k.kind === 'dropped' && pairedFrom.has(k.from[0]!)))
    .map((k) => (k.kind === 'added' && pairedTo.has(k.to[0]!) ? pairedTo.get(k.to[0]!)! : k));
  markMoved(out.filter((k) => k.from.length > 0 && k.to.length > 0));
  return out;
}

/**
 * `options`: the derived-pair rule, and with the scan's `seed` (and `minWords`), reworded
 * paragraphs are paired too, as a scan of the two articles finds them.
 */
export function diffDocuments(from: PreparedDocument, to: PreparedDocument, options: DerivationRule & { seed?: number; minWords?: number }): DiffReport {
  const a = alignParagraphsOf(from);
  const b = alignParagraphsOf(to);
  const aligned = alignParagraphs(a, b, options);
  const blocks = options.seed === undefined ? aligned : withRewordedBlocks(aligned, a, b, options.seed, options.minWords ?? 0);
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
    blocks: diffBlocks(blocks, { paragraphs: a }, { paragraphs: b }),
  };
}
