/**
 * The first stage of a report: documents in a fixed order, every paragraph numbered, and
 * paragraphs with the same normalised words collapsed into one variant (model.ts, Variants).
 *
 * Documents are sorted by id before anything order-dependent happens, so the report does not
 * depend on the order they were added; an id given twice is scanned once, with a warning.
 *
 * Nor does it depend on the ids themselves: variants are numbered in order of first appearance
 * (in id order: the stages after read variants in that order, close to their documents in
 * memory), and where the order would decide something (a window over a large LSH bucket, the
 * document a pair is aligned from, the documents sampled) the stages order by text key or by
 * contentRanks instead. Renaming the files of a Reuters sample once changed 8 paragraphs'
 * statuses (fixtures/renamed-files).
 */
import { hasKey, hasShingles, keyHigh, keyLow, words } from '../document.js';
import { KeyTable } from '../key-table.js';
import { sortByKey } from '../matching/lsh.js';
import { fmix32 } from '../signing/hash.js';
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
  let count = 0;
  let p = 0;
  const contentHash = new Uint32Array(docs.length);
  docs.forEach((doc, docIndex) => {
    firstParagraphOf[docIndex] = p;
    let hash = fmix32(doc.count);
    for (let i = 0; i < doc.count; i++, p++) {
      paragraphDoc[p] = docIndex;
      paragraphIndex[p] = i;
      wordCounts[p] = words(doc, i);
      if (!hasKey(doc, i)) {
        variantOf[p] = -1;
        hash = fmix32(hash + 1);
        continue;
      }
      const [high, low] = [keyHigh(doc, i), keyLow(doc, i)];
      hash = fmix32(Math.imul(hash ^ high, 0x9e3779b1) + low);
      const v = byKey.indexOf(high, low, count);
      if (v === count) {
        count++;
        soleDocument[v] = docIndex;
        comparable[v] = hasShingles(doc, i) ? 1 : 0;
      } else if (soleDocument[v] !== docIndex) soleDocument[v] = -1;
      counts[v]!++;
      variantOf[p] = v;
    }
    contentHash[docIndex] = hash;
  });
  // Second pass: members laid out variant after variant, each in paragraph order.
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < count; v++) memberStart[v + 1] = memberStart[v]! + counts[v]!;
  const members = new Int32Array(memberStart[count]!);
  const filled = memberStart.slice(0, count);
  for (let q = 0; q < size; q++) {
    const v = variantOf[q]!;
    if (v >= 0) members[filled[v]!++] = q;
  }
  const variants: Variants = { count, memberStart, members, soleDocument: soleDocument.slice(0, count), comparable: comparable.slice(0, count) };
  return { docs, size, paragraphDoc, paragraphIndex, words: wordCounts, firstParagraphOf, variantOf, variants, contentHash };
}

/**
 * Per document: its place when documents are ordered by content, not by id: by a hash of its
 * paragraphs' text keys (Corpus.contentHash), documents with the same hash by the keys themselves. Where a stage
 * must pick one side of a pair or some documents among many (rewrite/channel.ts, the footer
 * test in grouping.ts), it picks by this rank, so that renaming files changes nothing.
 * Documents with the same paragraphs tie (then by id), and either choice gives the same result.
 */
export function contentRanks(corpus: Corpus): Int32Array {
  const { docs, contentHash: hashes } = corpus;
  const order = Array.from(sortByKey(hashes));
  for (let from = 0; from < order.length; ) {
    let to = from + 1;
    while (to < order.length && hashes[order[to]!] === hashes[order[from]!]) to++;
    if (to - from > 1) {
      // Copied back one by one: spread into splice's arguments, 140,000 copies of one article overflowed the stack.
      const tied = order.slice(from, to).sort((x, y) => compareContent(docs[x]!, docs[y]!) || x - y);
      for (let k = 0; k < tied.length; k++) order[from + k] = tied[k]!;
    }
    from = to;
  }
  const rank = new Int32Array(docs.length);
  order.forEach((doc, place) => (rank[doc] = place));
  return rank;
}

/** Two documents compared paragraph by paragraph on their text keys (a paragraph without words has key 0). */
function compareContent(x: PreparedDocument, y: PreparedDocument): number {
  for (let i = 0; i < x.count && i < y.count; i++) {
    const difference = keyHigh(x, i) - keyHigh(y, i) || keyLow(x, i) - keyLow(y, i);
    if (difference !== 0) return difference;
  }
  return x.count - y.count;
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
