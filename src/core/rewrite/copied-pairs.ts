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
 * vs ...", are shorter), is no junk or chrome, and lies in at most COPIED_MAX_DOCUMENTS texts
 * (a line in more is a template's or a footer's, not one story's reprint; copies of one
 * document, word for word or nearly, are one text: NEAR_COPY_SHARE); and such paragraphs must hold COPIED_MIN_SHARE of the words of each
 * document (a passage quoted in a long text does not make the rest of it the same story: PAN
 * 2013's pairs of documents sharing a copied passage numbered 2,190 without this, 144 with it,
 * and aligning them all cost 16% of its scan). Only a copy counts, not an edit: on Reuters-21578,
 * verified edits counted too made 187 more linked pairs, nearly all one bond notice (Toronto's)
 * joined to eurobond notices through an edit of the template's fees line ("Fees comprise 1-1/4
 * pct selling concession and 3/8 pct each for management and underwriting ...").
 *
 * What is aligned: a side's paragraphs without a match that could retell something of the other
 * document (RETOLD_MIN_SHARE of their content words in it), against the other side whole, since
 * their sources may be matched elsewhere (a wire story other outlets carried). Any paragraph
 * without a match made 6,828 pairs of the 100 MB bench corpus (a reprint's added local quote
 * against its wire story), 1.5 s; these make 1,312, 0.4 s. Asking both sides for a paragraph
 * without a match was cheaper still but missed a retold copy of a wire story that another
 * outlet carried with edits (a reviewer's case, test/cli/partly-reworded-copy.test.ts).
 *
 * Measured with `npm run eval` (README, step 6b and "Accuracy"): BBC edited paragraphs 668 ->
 * 713, each new one I read a write-through of one BBC story by another (the Blue Gene/L
 * supercomputer, the Man Utd offer); Reuters-21578's dedupe groups 1,467 -> 1,469, its linked
 * pairs 26,269 -> 26,438, all of the new ones one bond notice (State Bank of South Australia)
 * now edited from its other version, whose template line is in a cluster of eurobond notices;
 * PAN (01 still 0) and COUNTER unchanged, but for `--reworded thorough`'s PAN 04 in one scan,
 * F1 0.670 -> 0.669. Cost (interleaved runs against the build before): PAN `-q` wall 1.02, CPU
 * 1.04 (89 pairs aligned in 84 ms); the 100 MB bench corpus wall 1.01, CPU 1.02.
 */
import { isChrome, tokens } from '../document.js';
import { commonInRanges } from '../matching/overlap.js';
import { contentWords, contentWordsOf, type TokenSet } from './stopwords.js';
import type { Corpus, Noise } from '../model.js';

/** A shared paragraph says "one story" from this many words: longer than a template's line. */
export const COPIED_MIN_WORDS = 20;

/** ... and when it lies in at most this many texts (copies of one document, word for word or nearly, are one text). */
export const COPIED_MAX_DOCUMENTS = 3;

/**
 * Documents sharing paragraphs that hold this share of the words of each are near copies of one
 * text (a wire story carried by several outlets, each under a headline of its own): one text for
 * COPIED_MAX_DOCUMENTS. Without it, three such pickups put the wire's paragraphs in five texts,
 * as a footer's are, and hid a reprint retold from it (a new user's trial: its check passed at
 * 48% reused). Looked for among paragraphs in at most NEAR_COPY_MAX_DOCUMENTS texts.
 */
export const NEAR_COPY_SHARE = 0.8;
export const NEAR_COPY_MAX_DOCUMENTS = 12;

/** Such paragraphs make two documents one story when they hold this share of the words of each. */
export const COPIED_MIN_SHARE = 0.2;

/**
 * A paragraph without a match may retell the other document when this share of its content words
 * is in it. A bound on the work, not on what is found: the BBC copy and the tests' copies are
 * found alike at 0.8; 0.5 leaves room for a retelling in words of its own.
 */
export const RETOLD_MIN_SHARE = 0.5;

/**
 * The documents of variant v's paragraphs, one per text (of documents with the same text,
 * Corpus.contentHash, the first in content order: a wire story carried word for word by two
 * more outlets is one text, and its pair with a partly reworded copy is aligned once), when v
 * is long enough, no junk or chrome, and in 2..COPIED_MAX_DOCUMENTS texts; else null.
 */
function storyDocuments(corpus: Corpus, noise: Noise, rank: Int32Array, v: number, textOf: ArrayLike<number>, maxTexts: number): number[] | null {
  const { variants, words, paragraphDoc, paragraphIndex, docs, contentHash } = corpus;
  const first = variants.members[variants.memberStart[v]!]!;
  if (words[first]! < COPIED_MIN_WORDS || noise.junk[first] !== null) return null;
  if (isChrome(docs[paragraphDoc[first]!]!, paragraphIndex[first]!)) return null;
  // One document per exact text (the first in content order); texts counted as `textOf` has
  // them (near copies one), and no more documents than NEAR_COPY_MAX_DOCUMENTS.
  const found: number[] = [];
  const texts = new Set<number>();
  for (let m = variants.memberStart[v]!; m < variants.memberStart[v + 1]!; m++) {
    const doc = paragraphDoc[variants.members[m]!]!;
    const same = found.findIndex((d) => contentHash[d] === contentHash[doc]);
    if (same >= 0) {
      if (rank[doc]! < rank[found[same]!]!) found[same] = doc;
      continue;
    }
    texts.add(textOf[doc]!);
    if (texts.size > maxTexts || found.length === NEAR_COPY_MAX_DOCUMENTS) return null;
    found.push(doc);
  }
  return found.length >= 2 ? found : null;
}

/**
 * Positions (in document d) of its paragraphs of `minWords` words or more, no junk or chrome,
 * that `taken` does not mark (their variant's 1).
 */
function paragraphsWithout(corpus: Corpus, noise: Noise, taken: Uint8Array, minWords: number, d: number): number[] {
  const doc = corpus.docs[d]!;
  const found: number[] = [];
  for (let p = corpus.firstParagraphOf[d]!, i = 0; i < doc.count; p++, i++) {
    const v = corpus.variantOf[p]!;
    if (v >= 0 && taken[v] === 0 && corpus.words[p]! >= minWords && noise.junk[p] === null && !isChrome(doc, i)) found.push(i);
  }
  return found;
}

/** `make(d)` of each document, made when first asked for. */
function perDocument<T>(make: (d: number) => T): (d: number) => T {
  const known = new Map<number, T>();
  return (d) => {
    let found = known.get(d);
    if (found === undefined) known.set(d, (found = make(d)));
    return found;
  };
}

/** A pair of documents to align, and per side its paragraphs without a match (positions; the retold ones, if any). */
export interface CopiedPair {
  a: number;
  b: number;
  unmatchedA: readonly number[];
  unmatchedB: readonly number[];
}

/**
 * Per pair of documents (key: lower rank * count + higher), the words of the paragraphs they
 * share that say "one story" when found in at most `maxTexts` texts (`textOf`: a document's text).
 */
function sharedWords(corpus: Corpus, noise: Noise, rank: Int32Array, textOf: ArrayLike<number>, maxTexts: number): Map<number, number> {
  const docCount = corpus.docs.length;
  const shared = new Map<number, number>();
  for (let v = 0; v < corpus.variants.count; v++) {
    if (corpus.variants.memberStart[v + 1]! - corpus.variants.memberStart[v]! < 2 || corpus.variants.soleDocument[v]! >= 0) continue;
    const docs = storyDocuments(corpus, noise, rank, v, textOf, maxTexts);
    if (!docs) continue;
    const words = corpus.words[corpus.variants.members[corpus.variants.memberStart[v]!]!]!;
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const [x, y] = rank[docs[i]!]! < rank[docs[j]!]! ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
        shared.set(x * docCount + y, (shared.get(x * docCount + y) ?? 0) + words);
      }
    }
  }
  return shared;
}

/** The share of document `doc`'s words that `words` of them are. */
function wordShare(corpus: Corpus): (doc: number, words: number) => number {
  return (doc, words) => words / Math.max(1, corpus.docs[doc]!.words);
}

/**
 * Per document, its text: the first in content order of the documents it is a copy of, word for
 * word (Corpus.contentHash) or nearly (NEAR_COPY_SHARE of the words of each shared, by
 * paragraphs in at most NEAR_COPY_MAX_DOCUMENTS texts; chains of near copies are one text).
 */
export function nearCopies(corpus: Corpus, noise: Noise, rank: Int32Array): Int32Array {
  const docCount = corpus.docs.length;
  const share = wordShare(corpus);
  const textOf = new Int32Array(docCount);
  const firstOfHash = new Map<number, number>();
  const byRank = Array.from({ length: docCount }, (_, d) => d).sort((x, y) => rank[x]! - rank[y]!);
  for (const d of byRank) {
    const hash = corpus.contentHash[d]!;
    if (!firstOfHash.has(hash)) firstOfHash.set(hash, d);
    textOf[d] = firstOfHash.get(hash)!;
  }
  const find = (d: number): number => {
    while (textOf[d] !== d) d = textOf[d] = textOf[textOf[d]!]!;
    return d;
  };
  for (const [key, words] of sharedWords(corpus, noise, rank, textOf, NEAR_COPY_MAX_DOCUMENTS)) {
    const [a, b] = [Math.floor(key / docCount), key % docCount];
    if (Math.min(share(a, words), share(b, words)) < NEAR_COPY_SHARE) continue;
    const [x, y] = [find(a), find(b)];
    if (x !== y) {
      if (rank[x]! < rank[y]!) textOf[y] = x;
      else textOf[x] = y;
    }
  }
  for (let d = 0; d < docCount; d++) textOf[d] = find(d);
  return textOf;
}

/**
 * Pairs of documents (content order: `rank`, lower first; each once, sorted) of different texts
 * that share paragraphs saying "one story" (see the header) holding COPIED_MIN_SHARE of the
 * words of each, one of them with a paragraph without a match (`matched`; `minWords` words or
 * more): a retold one, whose source may be matched elsewhere (another outlet's copy or edit of
 * the wire), so the other side is not asked for one.
 */
export function copiedStoryPairs(
  corpus: Corpus,
  noise: Noise,
  rank: Int32Array,
  matched: Uint8Array,
  minWords: number,
  stop: TokenSet,
  textOf: Int32Array = nearCopies(corpus, noise, rank),
): CopiedPair[] {
  const share = wordShare(corpus);
  const shared = sharedWords(corpus, noise, rank, textOf, COPIED_MAX_DOCUMENTS);
  const docCount = corpus.docs.length;
  // Each paragraph's content words found once, however many pairs its document is in.
  const unmatched = perDocument((d) => paragraphsWithout(corpus, noise, matched, minWords, d).map((i) => ({ i, own: contentWords(tokens(corpus.docs[d]!, i), stop) })));
  const vocabulary = perDocument((d) => contentWordsOf(Array.from({ length: corpus.docs[d]!.count }, (_, i) => tokens(corpus.docs[d]!, i)), stop));
  // Of d's paragraphs without a match, those that could retell something of `other`: most of
  // their content words are in it (a retelling keeps its source's names, figures and terms; a
  // reprint's added local quote does not).
  const retoldFrom = (d: number, other: number): number[] => {
    const theirs = vocabulary(other);
    return unmatched(d)
      .filter(({ own }) => commonInRanges(own, 0, own.length, theirs, 0, theirs.length) >= RETOLD_MIN_SHARE * own.length)
      .map(({ i }) => i);
  };
  const pairs: CopiedPair[] = [];
  for (const [key, words] of shared) {
    const [a, b] = [Math.floor(key / docCount), key % docCount];
    if (Math.min(share(a, words), share(b, words)) < COPIED_MIN_SHARE) continue;
    const [unmatchedA, unmatchedB] = [retoldFrom(a, b), retoldFrom(b, a)];
    if (unmatchedA.length > 0 || unmatchedB.length > 0) pairs.push({ a, b, unmatchedA, unmatchedB });
  }
  return pairs.sort((p, q) => rank[p.a]! - rank[q.a]! || rank[p.b]! - rank[q.b]!);
}
