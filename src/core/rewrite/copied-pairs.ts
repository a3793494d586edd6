/**
 * Document pairs already shown to be one story by paragraphs copied word for word, whose other
 * paragraphs are aligned as a scan of two documents aligns them (stage.ts): a partly reworded copy.
 *
 * A copy desk that keeps some paragraphs word for word and retells others makes a pair the
 * rewording channel may never propose: the channel pairs paragraphs that have no match yet, and
 * the retold ones share too few content words with their source for its LSH (a BBC article with
 * its first paragraphs retold, among 250 others: 0 reworded pairs, where the two files alone gave
 * 2; a new user's ingest-gate trial, session 25). Where the channel does propose the pair, a large
 * scan's precise alignment seeds only sentences sharing two rare words (passages.ts), which a
 * retelling keeps few of. The copied paragraphs say the two are one story, so the pair is aligned
 * without that rule, as `dedupe diff` of the two files would; what only that alignment finds
 * passes the template-family rule as `--reworded thorough`'s second alignment does (families.ts).
 *
 * Not every shared paragraph says "one story". A paragraph counts when it has at least
 * COPIED_MIN_WORDS words (template lines, "Qtly div 10 cts vs 10 cts prior", "Avg shrs 11.2 mln
 * vs ...", are shorter), is no junk or chrome, and lies in at most COPIED_MAX_DOCUMENTS documents
 * (a line in more is a template's or a footer's, not one story's reprint); and such paragraphs
 * must hold COPIED_MIN_SHARE of the words of each document (a passage quoted in a long text does
 * not make the rest of it the same story: PAN 2013's pages, whose pairs of documents sharing a
 * copied passage numbered 2,190 without it, 144 with it). Only a copy counts, not an edit: on
 * Reuters-21578, verified edits counted too made 187 more linked pairs, nearly all one bond notice
 * (Toronto's) joined to eurobond notices through an edit of the template's fees line ("Fees
 * comprise 1-1/4 pct selling concession and 3/8 pct each for management and underwriting ...").
 *
 * Measured with `npm run eval` (README, step 15): BBC edited paragraphs 668 -> 708, each new one
 * I read a write-through of one BBC story by another (the Blue Gene/L supercomputer, the
 * Man Utd offer); Reuters-21578's dedupe groups 1,467 -> 1,469, its linked pairs 26,269 -> 26,438,
 * all of the new ones one bond notice (State Bank of South Australia) now edited from its other
 * version, whose template line is in a cluster of eurobond notices; PAN (PAN 01 still 0) and
 * COUNTER unchanged, but for `--reworded thorough`'s PAN 04 in one scan, F1 0.670 -> 0.669. Cost: PAN's `-q` 1% (79 pairs aligned in 70 ms), the 100 MB bench corpus's
 * 1,154 pairs 0.3 s.
 */
import { isChrome } from '../document.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { matchedVariants } from './channel.js';

/** A shared paragraph says "one story" from this many words: longer than a template's line. */
export const COPIED_MIN_WORDS = 20;

/** ... and when it lies in at most this many documents. */
export const COPIED_MAX_DOCUMENTS = 3;

/** Such paragraphs make two documents one story when they hold this share of the words of each. */
export const COPIED_MIN_SHARE = 0.2;

/** Documents of variant v's paragraphs when v is long, no junk or chrome, and in 1..COPIED_MAX_DOCUMENTS documents; else null. */
function storyDocuments(corpus: Corpus, noise: Noise, v: number, minWords: number, maxDocuments: number): number[] | null {
  const { variants, words, paragraphDoc, paragraphIndex, docs } = corpus;
  const first = variants.members[variants.memberStart[v]!]!;
  if (words[first]! < minWords || noise.junk[first] !== null) return null;
  if (isChrome(docs[paragraphDoc[first]!]!, paragraphIndex[first]!)) return null;
  const found: number[] = [];
  for (let m = variants.memberStart[v]!; m < variants.memberStart[v + 1]!; m++) {
    const doc = paragraphDoc[variants.members[m]!]!;
    if (found.includes(doc)) continue;
    if (found.length === maxDocuments) return null;
    found.push(doc);
  }
  return found;
}

/**
 * Whether document d has a paragraph a reworded pair could be found for: `scanMinWords` words or
 * more, no junk or chrome, and no match yet (channel.ts, matchedVariants). Found once per document.
 */
function withUnmatched(corpus: Corpus, edges: Edges, noise: Noise, scanMinWords: number): (d: number) => boolean {
  const matched = matchedVariants(corpus, edges);
  const known = new Map<number, boolean>();
  return (d) => {
    let open = known.get(d);
    if (open === undefined) {
      open = false;
      const doc = corpus.docs[d]!;
      for (let p = corpus.firstParagraphOf[d]!, i = 0; i < doc.count && !open; p++, i++) {
        const v = corpus.variantOf[p]!;
        open = v >= 0 && matched[v] === 0 && corpus.words[p]! >= scanMinWords && noise.junk[p] === null && !isChrome(doc, i);
      }
      known.set(d, open);
    }
    return open;
  };
}

/**
 * Pairs of documents (content order: `rank`, lower first; each once, sorted) that share paragraphs
 * saying "one story" (see the header) holding COPIED_MIN_SHARE of the words of each, are not one
 * text, and both have a paragraph without a match (`scanMinWords` words or more).
 */
export function copiedStoryPairs(corpus: Corpus, edges: Edges, noise: Noise, rank: Int32Array, scanMinWords: number, minWords = COPIED_MIN_WORDS, maxDocuments = COPIED_MAX_DOCUMENTS, minShare = COPIED_MIN_SHARE): Array<[number, number]> {
  const docCount = corpus.docs.length;
  // Per pair of documents: the words of the paragraphs they share.
  const shared = new Map<number, number>();
  const add = (x: number, y: number, words: number): void => {
    if (x === y) return;
    const key = rank[x]! < rank[y]! ? x * docCount + y : y * docCount + x;
    shared.set(key, (shared.get(key) ?? 0) + words);
  };
  const known = new Map<number, number[] | null>();
  const docsOf = (v: number): number[] | null => {
    let docs = known.get(v);
    if (docs === undefined) known.set(v, (docs = storyDocuments(corpus, noise, v, minWords, maxDocuments)));
    return docs;
  };
  for (let v = 0; v < corpus.variants.count; v++) {
    if (corpus.variants.memberStart[v + 1]! - corpus.variants.memberStart[v]! < 2 || corpus.variants.soleDocument[v]! >= 0) continue;
    const docs = docsOf(v);
    if (!docs) continue;
    const words = corpus.words[corpus.variants.members[corpus.variants.memberStart[v]!]!]!;
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) add(docs[i]!, docs[j]!, words);
  }
  const share = (doc: number, words: number): number => words / Math.max(1, corpus.docs[doc]!.words);
  const open = withUnmatched(corpus, edges, noise, scanMinWords);
  return [...shared]
    .map(([key, words]): [number, number, number] => [Math.floor(key / docCount), key % docCount, words])
    // Two copies of one text, or a pair of which one side has nothing left to find, have nothing to align.
    .filter(([a, b, words]) => Math.min(share(a, words), share(b, words)) >= minShare && corpus.contentHash[a] !== corpus.contentHash[b] && open(a) && open(b))
    .map(([a, b]): [number, number] => [a, b])
    .sort((p, q) => rank[p[0]]! - rank[q[0]]! || rank[p[1]]! - rank[q[1]]!);
}
