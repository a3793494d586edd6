/**
 * Which archived articles `dedupe check` must look at: those with a paragraph that an incoming
 * paragraph equals (same normalised-text key) or derives from (an LSH candidate through a
 * shared band key, verified on the shingle sets with the scan's own rule, core/verify.ts).
 * Only those are loaded and handed to the scanner as context documents, so a check reads a
 * few documents, not the archive, and its statuses and matches come from the scan's code.
 *
 * A paragraph found in very many archived articles (a wire story in hundreds of papers, a
 * footer on every page) loads at most `maxDocumentsPerParagraph` of them, earliest added
 * first: enough to classify it, and a check stays fast. Their count is returned so the CLI
 * can say when matches were cut.
 */
import { isDerived } from '../core/classify.js';
import { overlap } from '../core/matching/overlap.js';
import { bandKeys, shingles, textKey } from '../core/document.js';
import type { PreparedDocument } from '../core/model.js';
import type { DocumentRef, IndexStore } from './index-store.js';

export interface ContextOptions {
  threshold: number;
  containment: number;
  maxDocumentsPerParagraph: number;
  /** Stored paths not to load: incoming files that are themselves in the index stand for their stored version. */
  exclude: ReadonlySet<string>;
}

export interface ContextResult {
  /** Archived documents, `context: true`, ordered by path. */
  documents: PreparedDocument[];
  /** Incoming paragraphs whose archived matches were cut at `maxDocumentsPerParagraph`. */
  cappedParagraphs: number;
  /** Archived paragraph variants that LSH proposed and verification kept or rejected. */
  candidates: number;
  verified: number;
}

export function findContext(store: IndexStore, incoming: readonly PreparedDocument[], options: ContextOptions): ContextResult {
  return store.read(() => {
    const shinglesOf = new Map<number, Uint32Array | null>();
    const verdict = new Map<string, boolean>(); // `${variant}:${textKey}` → derived?
    const documentIds = new Map<number, string>();
    // The documents of a variant, looked up once: a footer's variant comes back for every page
    // of its site. One more than fits (after exclusions), to know whether a list was cut.
    const documentsOf = new Map<number, DocumentRef[]>();
    const documentsWith = (variant: number): DocumentRef[] => {
      let refs = documentsOf.get(variant);
      if (!refs) documentsOf.set(variant, (refs = store.documentsWithVariant(variant, options.maxDocumentsPerParagraph + options.exclude.size + 1)));
      return refs;
    };
    let cappedParagraphs = 0;
    let candidates = 0;
    let verified = 0;
    for (const doc of incoming) {
      for (let i = 0; i < doc.count; i++) {
        const key = textKey(doc, i);
        if (key === null) continue;
        const matched: number[] = [];
        const exact = store.variantByTextKey(key);
        if (exact !== undefined) matched.push(exact);
        const set = shingles(doc, i);
        const keys = bandKeys(doc, i);
        if (keys && set) {
          const seen = new Set<number>(matched);
          for (const band of keys) {
            for (const variant of store.variantsByBandKey(band)) {
              if (seen.has(variant)) continue;
              seen.add(variant);
              const memo = `${variant}:${key}`;
              let derived = verdict.get(memo);
              if (derived === undefined) {
                candidates++;
                let stored = shinglesOf.get(variant);
                if (stored === undefined) shinglesOf.set(variant, (stored = store.variantShingles(variant)));
                derived = stored !== null && isDerived(overlap(set, stored), options);
                if (derived) verified++;
                verdict.set(memo, derived);
              }
              if (derived) matched.push(variant);
            }
          }
        }
        const mine = new Set<number>();
        let capped = false;
        for (const variant of matched) {
          const room = options.maxDocumentsPerParagraph - mine.size;
          if (room <= 0) {
            capped = true;
            break;
          }
          for (const ref of documentsWith(variant)) {
            if (options.exclude.has(ref.path) || mine.has(ref.id)) continue;
            if (mine.size >= options.maxDocumentsPerParagraph) {
              capped = true;
              break;
            }
            mine.add(ref.id);
            documentIds.set(ref.id, ref.path);
          }
        }
        if (capped) cappedParagraphs++;
      }
    }
    const ordered = [...documentIds].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const documents = ordered.map(([id]) => store.loadDocument(id));
    return { documents, cappedParagraphs, candidates, verified };
  });
}
