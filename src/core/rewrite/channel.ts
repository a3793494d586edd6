/**
 * The candidate channel robust to rewording: which pairs of documents may hold a reworded
 * passage. Word 3-gram shingles do not survive a copy desk's rewording (synonyms, clauses
 * reordered, words dropped: PAN 2013's random obfuscation keeps 2% of its paragraphs' 3-grams),
 * but a reworded paragraph keeps most of its content words. So each comparable paragraph
 * variant is also signed on the set of its content words (order-free unigrams, stop words left
 * out: rewrite/stopwords.ts) through the same machinery as the shingles: one-permutation
 * MinHash (signing/minhash.ts) and LSH banding (matching/lsh.ts), tuned for a content-word
 * Jaccard of CHANNEL_THRESHOLD (0.3: a sentence pair at the seed level of passages.ts, Dice 0.33,
 * is Jaccard 0.2, caught 29% of the time alone; a reworded passage has several such paragraphs,
 * and one pair found is enough to align the two documents).
 *
 * A pair counts only across documents and when the shingle channel has not already verified it
 * (a copy or an edit is no news); each is turned into its documents' pair. A paragraph found
 * in more than MAX_MEMBERS documents is a syndicated copy or a template line, already matched
 * word for word: only its first MAX_MEMBERS documents are paired.
 */
import { fmix32 } from '../signing/hash.js';
import { MinHasher } from '../signing/minhash.js';
import { addBandPairs, bandKeys, optimalBanding } from '../matching/lsh.js';
import { PairBuffer } from '../matching/pairs.js';
import { isChrome, tokens } from '../document.js';
import type { Corpus, Edges } from '../model.js';
import type { TokenSet } from './stopwords.js';

export const CHANNEL_THRESHOLD = 0.3;
export const CHANNEL_HASHES = 128;
/** Fewer content words than this say too little to propose a pair (a dateline, a byline). */
export const CHANNEL_MIN_WORDS = 4;
export const MAX_MEMBERS = 8;

/** Whether variants a and b are already joined by a verified edge. */
function verified(edges: Edges, a: number, b: number): boolean {
  for (let e = edges.edgeStart[a]!; e < edges.edgeStart[a + 1]!; e++) {
    const code = edges.edgeOf[e]!;
    const k = code >>> 1;
    if ((code & 1) === 0 ? edges.pairB[k] === b : edges.pairA[k] === b) return true;
  }
  return false;
}

/** The distinct content words of paragraph p, into `out`; returns how many. */
function contentWords(corpus: Corpus, p: number, stop: TokenSet, out: number[]): number {
  const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
  const i = corpus.paragraphIndex[p]!;
  out.length = 0;
  if (isChrome(doc, i)) return 0;
  for (const h of tokens(doc, i)) if (!stop.has(h)) out.push(h);
  out.sort((x, y) => x - y);
  let n = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[n++] = out[k]!;
  out.length = n;
  return n;
}

/**
 * Candidate document pairs (lower document index first, each once) from content-word LSH over
 * the comparable variants, leaving out pairs the shingle channel verified.
 */
export function rewordingCandidates(corpus: Corpus, edges: Edges, stop: TokenSet, seed: number): Array<[number, number]> {
  const { variants } = corpus;
  const banding = optimalBanding(CHANNEL_THRESHOLD, CHANNEL_HASHES);
  const hasher = new MinHasher(CHANNEL_HASHES, seed ^ 0x5bd1e995);
  const signature = new Uint32Array(CHANNEL_HASHES);
  const band = new Uint32Array(banding.bands);
  const signed: number[] = [];
  let keys = new Uint32Array(1024 * banding.bands);
  const words: number[] = [];
  let lo = new Uint32Array(256);
  let hi = new Uint32Array(256);
  for (let v = 0; v < variants.count; v++) {
    if (variants.comparable[v] === 0) continue;
    const count = contentWords(corpus, variants.members[variants.memberStart[v]!]!, stop, words);
    if (count < CHANNEL_MIN_WORDS) continue;
    if (lo.length < count) [lo, hi] = [new Uint32Array(count * 2), new Uint32Array(count * 2)];
    // Each word's one 32-bit hash, mixed two ways: the value and the bin of one-permutation hashing.
    for (let k = 0; k < count; k++) {
      lo[k] = fmix32(words[k]! ^ 0x2545f491);
      hi[k] = fmix32(words[k]! + 0x9e3779b9);
    }
    hasher.signInto(lo, hi, count, signature, banding.bands * banding.rows);
    bandKeys(signature, banding, band);
    if ((signed.length + 1) * banding.bands > keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys.set(band, signed.length * banding.bands);
    signed.push(v);
  }
  const pairs = new PairBuffer(signed.length);
  addBandPairs(keys.subarray(0, signed.length * banding.bands), signed.length, banding.bands, pairs);
  const docPairs = new Set<number>();
  const docCount = corpus.docs.length;
  for (const packed of pairs.toArray()) {
    const a = signed[Math.floor(packed / signed.length)]!;
    const b = signed[packed % signed.length]!;
    const sole = variants.soleDocument;
    if (sole[a]! >= 0 && sole[a] === sole[b]) continue;
    if (verified(edges, a, b)) continue;
    const docsOf = (v: number): number[] => {
      const out: number[] = [];
      for (let m = variants.memberStart[v]!; m < variants.memberStart[v + 1]! && out.length < MAX_MEMBERS; m++) {
        const d = corpus.paragraphDoc[variants.members[m]!]!;
        if (out[out.length - 1] !== d) out.push(d);
      }
      return out;
    };
    for (const x of docsOf(a)) for (const y of docsOf(b)) if (x !== y) docPairs.add(Math.min(x, y) * docCount + Math.max(x, y));
  }
  return [...docPairs].sort((x, y) => x - y).map((key) => [Math.floor(key / docCount), key % docCount]);
}
