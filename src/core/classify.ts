/**
 * What the statuses mean: the one place that says when two paragraphs are derived from one
 * another, when a paragraph is shared, edited, unique or boilerplate, and which paragraphs
 * count as evidence of reuse. Every stage that needs one of these answers asks here:
 * verification (scan/edges.ts), the archive lookup of `dedupe check`, alignment, the matches
 * of a paragraph, the report's reuse shares and the `--fail-on` gate.
 *
 * - **derived** (a pair): Jaccard similarity of the shingle sets at least --threshold, or one
 *   paragraph lying at least --containment inside the other. The second clause finds merges and
 *   splits: 002 lines 22-23 merged into one paragraph of 000, 002 line 8 split into three
 *   paragraphs of 003. Both paragraphs have at least --min-words words (shorter ones have no
 *   shingles and match only when identical).
 * - **shared**: another document has a paragraph with exactly the same normalised words.
 * - **edited**: not shared, and another document has a paragraph it is derived from, by being
 *   similar to it or lying inside it; a paragraph that only contains others (they lie inside it)
 *   is edited when they make up at least CONTAINED_MIN_SHARE of it together; a reworded
 *   paragraph (passage alignment, rewrite/) is edited when at least REWORDED_MIN_COVER of its
 *   words lie in sentences aligned with paragraphs of other documents.
 * - **boilerplate**: a junk line (text/junk.ts: a scraper artifact or publishing-system chrome)
 *   or a paragraph of a site-footer cluster (scan/grouping.ts), whatever its matches.
 * - **unique**: none of these.
 * - **evidence of reuse**: at least --min-words words, not boilerplate, not repeated inside its
 *   own file, and not a template's (SegmentReport.template: a fill, or a template's lines, whose
 *   matches link nothing). Only such paragraphs count toward reuse shares and trip --fail-on: a
 *   dividend notice filled in from another company's frame read "81% reused" and failed
 *   `check --fail-on document`.
 */
import type { DerivationRule, Overlap } from './model.js';
import type { BoilerplateKind, SegmentStatus, TemplateKind } from './types.js';

export type { DerivationRule };

/** The rule for a pair: similar enough, or one lying inside the other. */
export function isDerived(o: Overlap, rule: DerivationRule): boolean {
  return o.jaccard >= rule.threshold || o.containmentOfA >= rule.containment || o.containmentOfB >= rule.containment;
}

/**
 * A paragraph that only contains others (they lie inside it; it is not similar to any, nor
 * inside one) is edited when they make up at least this share of it together: 002 line 8 of
 * the seeds split into three paragraphs of 003 (shares 0.25 + 0.30 + 0.36), but not a
 * 35-word sentence that quotes an 8-word line from elsewhere (PAN 01, 0.23).
 */
export const CONTAINED_MIN_SHARE = 0.5;

/**
 * A paragraph of which at least this share of the words lies in sentences aligned with another
 * document's paragraphs (rewrite/passages.ts) is edited: most of it was written from them.
 */
export const REWORDED_MIN_COVER = 0.5;

/** One derived pair seen from the paragraph being classified. */
export interface DerivedLink {
  jaccard: number;
  /** Share of this paragraph inside the other (for a reworded pair: of its words aligned with it). */
  inside: number;
  /** Found by passage alignment: `jaccard` is over content words, `inside` over aligned sentences. */
  reworded?: boolean;
}

/**
 * Whether a paragraph's derived pairs (with paragraphs of other documents) make it edited:
 * one of them is similar to it or holds it, or those lying inside it make up enough of it.
 */
export function isEditedBy(links: readonly DerivedLink[], rule: DerivationRule): boolean {
  let containedShare = 0;
  let alignedShare = 0;
  for (const link of links) {
    if (link.reworded) {
      alignedShare += link.inside;
      continue;
    }
    if (link.jaccard >= rule.threshold || link.inside >= rule.containment) return true;
    containedShare += link.inside;
  }
  return containedShare >= CONTAINED_MIN_SHARE || alignedShare >= REWORDED_MIN_COVER;
}

/** A paragraph's status from what it matches and whether it is boilerplate. */
export function paragraphStatus(exactCopies: number, derivedCopies: number, boilerplate: BoilerplateKind | null): SegmentStatus {
  if (boilerplate) return 'boilerplate';
  return exactCopies > 0 ? 'shared' : derivedCopies > 0 ? 'edited' : 'unique';
}

/** Why a paragraph is boilerplate: its own junk kind first, else membership of a site-footer cluster. */
export function boilerplateKind(junk: BoilerplateKind | null, inFooterCluster: boolean): BoilerplateKind | null {
  return junk ?? (inFooterCluster ? 'footer' : null);
}

/** Whether a paragraph can be evidence of reuse (see the header); `template`, its template kind if any. */
export function isEvidence(paragraph: { words: number; repeat: boolean; boilerplate: boolean; template?: TemplateKind | null }, minWords: number): boolean {
  return !paragraph.repeat && !paragraph.boilerplate && !paragraph.template && paragraph.words >= minWords;
}

/** Statuses that `--fail-on shared` and `--fail-on edited` fail on. */
export function failingStatuses(failOn: 'shared' | 'edited'): readonly SegmentStatus[] {
  return failOn === 'shared' ? ['shared'] : ['shared', 'edited'];
}

/**
 * The lowest Jaccard similarity at which the rule still calls a pair derived in the cases LSH
 * must find: a paragraph merged from two (or one half of a split) has a high containment and a
 * low Jaccard. If A is a fraction c of B's shingles and |A| = |B|/2, J = c/2 / (1 + 1/2 - c/2).
 * LSH is tuned for the lower of the Jaccard threshold and that (0.36 at c = 0.8), so merges of
 * two paragraphs surface as candidates; verification then applies the real rule.
 */
export function candidateThresholdFor(rule: DerivationRule): number {
  const halfRatio = 0.5;
  const containedHalf = (rule.containment * halfRatio) / (1 + halfRatio - rule.containment * halfRatio);
  return Math.min(rule.threshold, containedHalf);
}
