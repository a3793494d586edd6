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
 *
 * An incoming paragraph with neither is looked up once more through the rewording channel's
 * keys (content_keys: order-free content words, core/rewrite/channel.ts): an article reworded
 * throughout shares no shingles with the one it retells. A stored variant whose content words
 * overlap the paragraph's as the scan's channel requires (overlapGrade) brings its documents in
 * too, and the scan's rewrite stage then aligns them as in any scan (issue 11).
 */
import { isDerived } from '../core/classify.js';
import { intersectionSize, overlap } from '../core/matching/overlap.js';
import { bandKeys, shingles, textKey } from '../core/document.js';
import { archivedContent, overlapGrade } from '../core/rewrite/channel.js';
import type { PreparedDocument } from '../core/model.js';
import type { DocumentRef, IndexStore } from './index-store.js';

export interface ContextOptions {
  threshold: number;
  containment: number;
  maxDocumentsPerParagraph: number;
  /** Stored paths not to load: incoming files that are themselves in the index stand for their stored version. */
  exclude: ReadonlySet<string>;
  /** Whether paragraphs with no match are looked up by their content words (default true; false with --no-reworded). */
  rewording?: boolean;
}

export interface ContextResult {
  /** Archived documents, `context: true`, ordered by path. */
  documents: PreparedDocument[];
  /** Incoming paragraphs whose archived matches were cut at `maxDocumentsPerParagraph`. */
  cappedParagraphs: number;
  /** Archived paragraph variants that LSH proposed and verification kept or rejected. */
  candidates: number;
  verified: number;
  /** Archived variants the rewording channel proposed, and those whose content words overlap enough to be aligned. */
  contentCandidates: number;
  contentProposed: number;
}

/**
 * A content key shared by more stored variants than this is skipped: made of words very common
 * in the archive (Reuters' "mln", "dlrs", "pct"), it says nothing about which article a
 * paragraph was reworded from, as the scan leaves out words found in more than 2% of its
 * documents (channel.ts, COMMON_SHARE). A reworded paragraph has other keys, of rarer words.
 */
export const CONTENT_KEY_MAX_VARIANTS = 256;

/** Archived variants an incoming paragraph brings in through its content words, at most (the strongest). */
export const CONTENT_MAX_PER_PARAGRAPH = 8;

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
    const reworded = { candidates: 0, proposed: 0 };
    const contentOf = new Map<number, Uint32Array | null>();
    const signer = store.contentWordSigner();
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
        // Nothing brought in (no match, or only the incoming file's own stored version, which is
        // excluded): the rewording channel's keys. Its strongest variants that bring in a document
        // not excluded, CONTENT_MAX_PER_PARAGRAPH at most.
        if (mine.size > 0 || options.rewording === false) continue;
        const archived = archivedContent(signer, doc, i);
        if (!archived) continue;
        let taken = 0;
        for (const variant of rewordedVariants(store, archived.content, archived.keys, contentOf, reworded)) {
          if (taken >= CONTENT_MAX_PER_PARAGRAPH) break;
          const refs = documentsWith(variant).filter((ref) => !options.exclude.has(ref.path)).slice(0, options.maxDocumentsPerParagraph - mine.size);
          if (refs.length === 0) continue;
          taken++;
          reworded.proposed++;
          for (const ref of refs) {
            mine.add(ref.id);
            documentIds.set(ref.id, ref.path);
          }
          if (mine.size >= options.maxDocumentsPerParagraph) break;
        }
      }
    }
    const ordered = [...documentIds].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const documents = ordered.map(([id]) => store.loadDocument(id));
    return { documents, cappedParagraphs, candidates, verified, contentCandidates: reworded.candidates, contentProposed: reworded.proposed };
  });
}

/**
 * The stored variants sharing a content key with a paragraph whose content words overlap its
 * own enough (overlapGrade), strongest first (grade, then Jaccard; ties to the earlier stored
 * variant). The caller takes the first CONTENT_MAX_PER_PARAGRAPH that bring a document in: as
 * in a scan, where a bucket pairs an item with its next 16 only, a paragraph of common words
 * (Reuters' "... said in a statement") must not bring in half the archive.
 */
function rewordedVariants(
  store: IndexStore,
  content: Uint32Array,
  keys: Uint32Array,
  contentOf: Map<number, Uint32Array | null>,
  counts: { candidates: number },
): number[] {
  const kept: Array<{ variant: number; grade: number; jaccard: number }> = [];
  const seen = new Set<number>();
  for (const key of keys) {
    const bucket = store.variantsByContentKey(key, CONTENT_KEY_MAX_VARIANTS + 1);
    if (bucket.length > CONTENT_KEY_MAX_VARIANTS) continue;
    for (const variant of bucket) {
      if (seen.has(variant)) continue;
      seen.add(variant);
      counts.candidates++;
      let stored = contentOf.get(variant);
      if (stored === undefined) contentOf.set(variant, (stored = store.variantContent(variant)));
      if (stored === null) continue;
      const common = intersectionSize(content, stored);
      const grade = overlapGrade(common, content.length, stored.length);
      if (grade > 0) kept.push({ variant, grade, jaccard: common / (content.length + stored.length - common) });
    }
  }
  kept.sort((x, y) => y.grade - x.grade || y.jaccard - x.jaccard || x.variant - y.variant);
  return kept.map((k) => k.variant);
}
