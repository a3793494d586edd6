/**
 * `dedupe diff <from> <to>` as data: the paragraph alignment of two prepared documents with
 * counts, coverage both ways and each block's line spans and word operations. `diffBlocks`
 * states any alignment that way (the HTML report's side-by-side view of a group member).
 */
import type { PreparedDocument } from '../model.js';
import { share } from '../numbers.js';
import { SCHEMA_VERSION, type DiffBlock, type DiffReport, type SegmentRef } from '../types.js';
import { withOriginalWords } from './worddiff.js';
import { alignParagraphs, alignParagraphsOf, keptTotals, paragraphCount, paragraphNumbers, type AlignedBlock, type AlignParagraph, type AlignRule } from './align.js';

/** One side of an alignment: the paragraphs aligned, and the segment each stands for in its document. */
export interface AlignedSide {
  paragraphs: readonly AlignParagraph[];
  /** Segment index of each paragraph; absent: the paragraphs are the document's segments, in order. */
  segments?: readonly number[];
}

/**
 * Aligned blocks as the report states them: line spans, similarity, and word operations or text.
 * With `originalWords`, each side in its own words: a same block's `fromText` and unchanged
 * runs' `from` where the original writes them otherwise (the HTML side-by-side view showed the
 * copy's "army" and straight quotes under "Original"; found by a new user).
 */
export function diffBlocks(blocks: readonly AlignedBlock[], from: AlignedSide, to: AlignedSide, originalWords = false): DiffBlock[] {
  const [fromParagraph, toParagraph] = [paragraphNumbers(from.paragraphs), paragraphNumbers(to.paragraphs)];
  const ref = (side: AlignedSide, paragraphOf: Int32Array, indexes: readonly number[]): SegmentRef[] => {
    return indexes.map((i, k) => {
      const out: SegmentRef = { segment: side.segments?.[i] ?? i, startLine: side.paragraphs[i]!.startLine, endLine: side.paragraphs[i]!.endLine };
      // A piece after the one before it of the same paragraph: renderers name the paragraph's lines once.
      if (k > 0 && indexes[k - 1] === i - 1 && paragraphOf[i] === paragraphOf[i - 1]) out.continues = true;
      return out;
    });
  };
  return blocks.map((block) => {
    const out: DiffBlock = {
      kind: block.kind,
      from: ref(from, fromParagraph, block.from),
      to: ref(to, toParagraph, block.to),
      similarity: block.similarity,
      moved: block.moved,
    };
    if (block.reworded) out.reworded = true;
    const fromText = (): string => block.from.map((i) => from.paragraphs[i]!.text).join(' ');
    if (block.ops) out.ops = originalWords ? withOriginalWords(block.ops, fromText()) : block.ops;
    else {
      out.text = block.to.length > 0 ? block.to.map((j) => to.paragraphs[j]!.text).join(' ') : fromText();
      if (originalWords && block.to.length > 0 && block.from.length > 0 && fromText() !== out.text) out.fromText = fromText();
    }
    return out;
  });
}

/**
 * `options`: the derived-pair rule, and with the scan's `seed` (and `minWords`), reworded
 * paragraphs are paired too, as a scan of the two articles finds them.
 */
/** Whether the alignment found any change: a block other than "same", or a same block that moved (--exit-code, and the report's "no change" line). */
export function differs(report: DiffReport): boolean {
  return report.blocks.some((block) => block.kind !== 'same' || block.moved);
}

export function diffDocuments(from: PreparedDocument, to: PreparedDocument, options: AlignRule): DiffReport {
  const a = alignParagraphsOf(from);
  const b = alignParagraphsOf(to);
  const blocks = alignParagraphs(a, b, options);
  const summary = { same: 0, edited: 0, merged: 0, split: 0, dropped: 0, added: 0, moved: 0, coverage: 0, reused: 0 };
  for (const block of blocks) {
    summary[block.kind]++;
    if (block.moved) summary.moved++;
  }
  const kept = keptTotals(blocks, a, b);
  summary.coverage = share(kept.from, from.words);
  summary.reused = share(kept.to, to.words);
  return {
    schemaVersion: SCHEMA_VERSION,
    from: { path: from.id, paragraphs: paragraphCount(a), words: from.words, layout: from.layout },
    to: { path: to.id, paragraphs: paragraphCount(b), words: to.words, layout: to.layout },
    summary,
    blocks: diffBlocks(blocks, { paragraphs: a }, { paragraphs: b }),
  };
}
