/**
 * The first stage of a report: documents in a fixed order, every paragraph numbered, and
 * paragraphs with the same normalised words collapsed into one variant (model.ts, Variants).
 *
 * Documents are sorted by id before anything order-dependent happens, so the report does not
 * depend on the order they were added; an id given twice is scanned once, with a warning.
 *
 * Variants are numbered in the order of their text keys (a hash of their normalised words),
 * not in order of first appearance: every later stage that walks variants in order (an LSH
 * bucket's window, the reworded pairs joined one by one into clusters) then sees the same
 * order whatever the files are called. Numbered by first appearance, renaming the files of a
 * Reuters sample changed 8 paragraphs' statuses (the rename-invariance test in scan.test.ts).
 */
import { hasKey, hasShingles, keyHigh, keyLow, words } from '../document.js';
import { KeyTable } from '../key-table.js';
import { KeySorter } from '../matching/lsh.js';
import type { Corpus, PreparedDocument, Variants } from '../model.js';
import type { Warning } from '../types.js';

/** Documents sorted by id, each id once; a repeated id and a document without text become warnings. */
export function orderDocuments(unsorted: readonly PreparedDocument[]): { docs: PreparedDocument[]; warnings: Warning[] } {
  const sorted = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs: PreparedDocument[] = [];
  const warnings: Warning[] = [];
  for (const doc of sorted) {
    if (docs.length > 0 && docs[docs.length - 1]!.id === doc.id) {
      warnings.push({ code: 'duplicate-id', path: doc.id, message: `${doc.id}: given more than once; scanned once` });
      continue;
    }
    docs.push(doc);
    // Listed all the same (it was read), but said: an empty file is often a failed download.
    if (doc.count === 0) warnings.push(emptyWarning(doc.id, 'listed with no paragraphs'));
  }
  return { docs, warnings };
}

/** Numbers every paragraph of `docs` (in order) and collapses identical texts into variants. */
export function collectVariants(docs: readonly PreparedDocument[]): Corpus {
  let size = 0;
  for (const doc of docs) size += doc.count;
  const paragraphDoc = new Int32Array(size);
  const paragraphIndex = new Int32Array(size);
  const wordCounts = new Uint32Array(size);
  const firstParagraphOf = new Int32Array(docs.length);
  const variantOf = new Int32Array(size);
  const byKey = new KeyTable(size);
  // First pass: a number for each distinct text, in order of first appearance, and its size.
  const counts = new Int32Array(size + 1);
  const soleDocument = new Int32Array(size);
  const comparable = new Uint8Array(size);
  const keyHighOf = new Uint32Array(size);
  const keyLowOf = new Uint32Array(size);
  let count = 0;
  let p = 0;
  docs.forEach((doc, docIndex) => {
    firstParagraphOf[docIndex] = p;
    for (let i = 0; i < doc.count; i++, p++) {
      paragraphDoc[p] = docIndex;
      paragraphIndex[p] = i;
      wordCounts[p] = words(doc, i);
      if (!hasKey(doc, i)) {
        variantOf[p] = -1;
        continue;
      }
      const v = byKey.indexOf(keyHigh(doc, i), keyLow(doc, i), count);
      if (v === count) {
        count++;
        keyHighOf[v] = keyHigh(doc, i);
        keyLowOf[v] = keyLow(doc, i);
        soleDocument[v] = docIndex;
        comparable[v] = hasShingles(doc, i) ? 1 : 0;
      } else if (soleDocument[v] !== docIndex) soleDocument[v] = -1;
      counts[v]!++;
      variantOf[p] = v;
    }
  });
  // Renumbered in key order (see the header).
  const numberOf = keyOrder(keyHighOf, keyLowOf, count);
  const sole = new Int32Array(count);
  const comparableOf = new Uint8Array(count);
  const memberCounts = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    const n = numberOf[v]!;
    sole[n] = soleDocument[v]!;
    comparableOf[n] = comparable[v]!;
    memberCounts[n] = counts[v]!;
  }
  for (let q = 0; q < size; q++) if (variantOf[q]! >= 0) variantOf[q] = numberOf[variantOf[q]!]!;
  // Second pass: members laid out variant after variant, each in paragraph order.
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < count; v++) memberStart[v + 1] = memberStart[v]! + memberCounts[v]!;
  const members = new Int32Array(memberStart[count]!);
  const filled = memberStart.slice(0, count);
  for (let q = 0; q < size; q++) {
    const v = variantOf[q]!;
    if (v >= 0) members[filled[v]!++] = q;
  }
  const variants: Variants = { count, memberStart, members, soleDocument: sole, comparable: comparableOf };
  return { docs, size, paragraphDoc, paragraphIndex, words: wordCounts, firstParagraphOf, variantOf, variants };
}

/**
 * Per key (numbered 0..count-1 as first seen): its number in ascending order of the 64-bit
 * keys. Two stable radix passes (low half, then high half) order them as one 64-bit key would.
 */
function keyOrder(high: Uint32Array, low: Uint32Array, count: number): Int32Array {
  const sorter = new KeySorter(count);
  sorter.sort(low, count);
  const byLow = sorter.order.slice(0, count);
  const highByLow = new Uint32Array(count);
  for (let i = 0; i < count; i++) highByLow[i] = high[byLow[i]!]!;
  sorter.sort(highByLow, count, byLow);
  const numberOf = new Int32Array(count);
  for (let i = 0; i < count; i++) numberOf[sorter.order[i]!] = i;
  return numberOf;
}

/**
 * Per document: its place when documents are ordered by content (their variants' numbers,
 * paragraph by paragraph, which follow the text keys), not by id. Where a stage must pick
 * one side of a pair or some documents among many (rewrite/channel.ts), it picks by this
 * rank, so that renaming files changes nothing. Documents with the same paragraphs tie, and
 * either choice then gives the same result.
 */
export function contentRanks(corpus: Corpus): Int32Array {
  const { docs, firstParagraphOf, variantOf } = corpus;
  const byContent = Array.from(docs, (_, d) => d).sort((x, y) => {
    const [fx, fy] = [firstParagraphOf[x]!, firstParagraphOf[y]!];
    const [nx, ny] = [docs[x]!.count, docs[y]!.count];
    for (let i = 0; i < nx && i < ny; i++) {
      const difference = variantOf[fx + i]! - variantOf[fy + i]!;
      if (difference !== 0) return difference;
    }
    return nx - ny || x - y;
  });
  const rank = new Int32Array(docs.length);
  byContent.forEach((doc, place) => (rank[doc] = place));
  return rank;
}

/** Per story (numbered in document order, each document's in order): its place in content order, its document's (contentRanks) first. */
export function storyRanks(stories: ReadonlyArray<{ doc: number }>, documentRank: Int32Array): Int32Array {
  const order = Array.from(stories, (_, story) => story).sort((x, y) => documentRank[stories[x]!.doc]! - documentRank[stories[y]!.doc]! || x - y);
  const rank = new Int32Array(stories.length);
  order.forEach((story, place) => (rank[story] = place));
  return rank;
}

/** How many paragraphs variant v stands for. */
export function memberCount(variants: Variants, v: number): number {
  return variants.memberStart[v + 1]! - variants.memberStart[v]!;
}

/** The warning for a document with no text; `outcome` says what was done with it (listed, stored). */
export function emptyWarning(id: string, outcome: string): Warning {
  return { code: 'empty', path: id, message: `${id}: no text (empty or only blank lines); ${outcome}` };
}
