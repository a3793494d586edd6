/**
 * Thorough rewording (`--reworded thorough`): in a large scan, the candidate pairs are aligned a
 * second time as a scan of two documents aligns them (whole: stage.ts), and what that finds joins the usual pairs,
 * less the lines of template families.
 *
 * Why a second alignment: a large scan weighs words by the scan's document frequencies and seeds
 * only sentences sharing two rare words (passages.ts, SEED_MIN_RARE), so that notices of one
 * template about different issuers are no seed. Long texts reworded word by word keep few rare
 * words per sentence: PAN 2013's random obfuscation, aligned pair by pair (tf-isf over the two
 * documents' sentences, Sanchez-Perez et al. 2014), scores paragraph F1 0.772, and 0.166 when
 * all its documents are scanned at once. Replacing the large scan's weights loses what they find
 * (Reuters-21578: 1,108 links of same-event stories, named by their rare names, gone), so the
 * second alignment adds to the first and never takes away.
 *
 * Why families: aligned over the two documents' sentences alone, lines of a template ("... is
 * issuing a 100 mln dlr eurobond due ... lead manager ...") align across issuers. A paragraph
 * that only the second alignment pairs, with paragraphs of FAMILY_MIN_DOCUMENTS or more other
 * documents, is a template's line unless it shares at least SEED_MIN_RARE rare words (names,
 * figures) with the one it is paired with: a rewrite is paired with its source, perhaps a copy
 * or two of it, and keeps the source's names. Measured with `npm run eval` (README, "PAN 2013,
 * one scan, --reworded thorough"): PAN 03 in one scan 0.166 -> 0.649, 04 0.218 -> 0.670, PAN 01
 * still 0 called; Reuters-21578's linked pairs 26,269 -> 27,524 (without the family rule, and
 * replacing the first alignment instead of adding to it, 29,636), most of the new ones bond
 * notices, money-market and monthly-series items of one template. The size was chosen on PAN 01
 * and 03's documents in one scan with the second alignment replacing the first: families of 2
 * documents lowered PAN 03 0.592 -> 0.575 for 166 fewer Reuters links, of 4 kept PAN and added
 * 885 links.
 */
import type { Corpus } from '../model.js';

/** A paragraph paired (by the second alignment only) with paragraphs of this many other documents is a template's line (see above). */
export const FAMILY_MIN_DOCUMENTS = 3;

/** A reworded pair: its two variants, a paragraph of each, and whether only the second alignment found it. */
export interface FoundPair {
  a: number;
  b: number;
  /** Global paragraph numbers of the two sides as aligned (of variants a and b, in either order). */
  p: number;
  q: number;
  secondOnly: boolean;
}

/**
 * `pairs` without the template lines the second alignment found: a pair it alone found is kept
 * when both its variants are paired (by either alignment) with paragraphs of fewer than
 * FAMILY_MIN_DOCUMENTS other documents, or when its two paragraphs share `minRare` rare words
 * (`sharedRare`).
 */
export function withoutTemplateLines<T extends FoundPair>(corpus: Corpus, pairs: readonly T[], sharedRare: (p: number, q: number) => number, minRare: number): T[] {
  const documents = new Map<number, Set<number>>();
  const add = (variant: number, doc: number): void => {
    let docs = documents.get(variant);
    if (!docs) documents.set(variant, (docs = new Set()));
    docs.add(doc);
  };
  for (const pair of pairs) {
    // A variant's partners are the documents of the paragraphs it is paired with (a variant found
    // in several documents, a paragraph copied word for word, is one line, not a family).
    const [ofA, ofB] = corpus.variantOf[pair.p] === pair.a ? [pair.p, pair.q] : [pair.q, pair.p];
    add(pair.a, corpus.paragraphDoc[ofB]!);
    add(pair.b, corpus.paragraphDoc[ofA]!);
  }
  const family = (variant: number): boolean => documents.get(variant)!.size >= FAMILY_MIN_DOCUMENTS;
  return pairs.filter((pair) => !pair.secondOnly || !(family(pair.a) || family(pair.b)) || sharedRare(pair.p, pair.q) >= minRare);
}
