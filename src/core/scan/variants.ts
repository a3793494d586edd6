/**
 * The first stage of a report: documents in a fixed order, every paragraph numbered, and
 * paragraphs with the same normalised words collapsed into one variant (model.ts, Variant).
 *
 * Documents are sorted by id before anything order-dependent happens, so the report does not
 * depend on the order they were added; an id given twice is scanned once, with a warning.
 */
import { hasKey, hasShingles, keyHigh, keyLow, words } from '../document.js';
import type { Corpus, PreparedDocument, Variant } from '../model.js';
import type { Warning } from '../types.js';
import { KeyTable } from '../key-table.js';

/** Documents sorted by id, each id once; a repeated id becomes a warning. */
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
  const variants: Variant[] = [];
  const byKey = new KeyTable(size);
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
      const v = byKey.indexOf(keyHigh(doc, i), keyLow(doc, i), variants.length);
      if (v === variants.length) variants.push({ members: [], soleDocument: docIndex, comparable: hasShingles(doc, i) });
      const variant = variants[v]!;
      if (variant.soleDocument !== docIndex) variant.soleDocument = -1;
      variant.members.push(p);
      variantOf[p] = v;
    }
  });
  return { docs, size, paragraphDoc, paragraphIndex, words: wordCounts, firstParagraphOf, variantOf, variants };
}
