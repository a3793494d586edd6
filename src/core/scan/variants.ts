/**
 * The first stage of a report: documents in a fixed order, every paragraph numbered, and
 * paragraphs with the same normalised words collapsed into one variant (model.ts, Variant).
 *
 * Documents are sorted by id before anything order-dependent happens, so the report does not
 * depend on the order they were added; an id given twice is scanned once, with a warning.
 */
import type { Corpus, PreparedDocument, Variant } from '../model.js';
import type { Warning } from '../types.js';

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
  let total = 0;
  for (const doc of docs) total += doc.paragraphs.length;
  const paragraphs = new Array<Corpus['paragraphs'][number]>(total);
  const paragraphDoc = new Int32Array(total);
  const firstParagraphOf = new Int32Array(docs.length);
  const variantOf = new Int32Array(total);
  const variants: Variant[] = [];
  const variantByKey = new Map<string, number>();
  let p = 0;
  docs.forEach((doc, docIndex) => {
    firstParagraphOf[docIndex] = p;
    for (const paragraph of doc.paragraphs) {
      paragraphs[p] = paragraph;
      paragraphDoc[p] = docIndex;
      if (paragraph.textKey === null) {
        variantOf[p++] = -1;
        continue;
      }
      let v = variantByKey.get(paragraph.textKey);
      if (v === undefined) {
        v = variants.length;
        const { shingles, bandKeys, anchors } = paragraph;
        variants.push({ members: [], shingles, bandKeys, anchors, soleDocument: docIndex });
        variantByKey.set(paragraph.textKey, v);
      }
      const variant = variants[v]!;
      if (variant.soleDocument !== docIndex) variant.soleDocument = -1;
      variant.members.push(p);
      variantOf[p++] = v;
    }
  });
  return { docs, paragraphs, paragraphDoc, firstParagraphOf, variantOf, variants };
}
