/**
 * The candidate channel robust to rewording: which paragraphs of which pairs of documents may
 * be reworded from one another. Word 3-gram shingles do not survive a copy desk's rewording
 * (synonyms, clauses reordered, words dropped: PAN 2013's random obfuscation keeps 2% of its
 * paragraphs' 3-grams), but a reworded paragraph keeps most of its content words. So each
 * comparable paragraph variant is also signed on the set of its content words (order-free
 * unigrams, stop words and the scan's very common words left out) through the same machinery as
 * the shingles: one-permutation MinHash and LSH banding (matching/lsh.ts: optimalBanding,
 * bandKeys, SharedBuckets), tuned for a content-word Jaccard of CHANNEL_THRESHOLD. A sentence pair
 * at the seed level of passages.ts (Dice 0.33) is Jaccard 0.2, found 29% of the time alone; a
 * reworded passage has several such paragraphs, and one found is enough to align the region
 * around it (stage.ts).
 *
 * What keeps it cheap (the 100 MB bench corpus has 257,000 signed variants):
 * - content words are gathered, sorted and deduplicated in typed arrays (3 microseconds a
 *   variant to sign, signing/minhash.ts);
 * - a bucket pairs each item with its next CHANNEL_BUCKET_WINDOW items only, and a pair counts
 *   only when one side is unmatched (no copy in another text and no verified edit: matchedVariants): a
 *   paragraph that was reworded lost its shingles, so the rewritten side of a reworded pair has
 *   no match yet;
 * - a candidate is kept only when the two sets really overlap (exact, CHANNEL_MIN_SHARED words
 *   and CHANNEL_MIN_JACCARD or CHANNEL_MIN_CONTAINMENT), across documents, and not already
 *   verified by the shingle channel.
 */
import { fmix32 } from '../signing/hash.js';
import { MinHasher } from '../signing/minhash.js';
import { commonInRanges, sortInPlace } from '../matching/overlap.js';
import { PairBuffer } from '../matching/pairs.js';
import { bandKeys, optimalBanding, SharedBuckets, TextKeyOrder, type Banding } from '../matching/lsh.js';
import { hasShingles, isChrome, keyHigh, keyLow, tokens } from '../document.js';
import type { Corpus, Edges, PreparedDocument } from '../model.js';
import { stopHashes, stopTokens, TokenSet } from './stopwords.js';

export const CHANNEL_THRESHOLD = 0.3;
export const CHANNEL_HASHES = 128;
/** Fewer content words than this say too little to propose a pair (a dateline, a byline). */
export const CHANNEL_MIN_WORDS = 4;
/** A paragraph found in more than this many documents is paired through its first ones only (in content order: scan/variants.ts, contentRanks). */
export const MAX_MEMBERS = 8;
/** Items of an LSH bucket are paired with this many next ones (lsh.ts's BUCKET_WINDOW is 64 for shingles). */
export const CHANNEL_BUCKET_WINDOW = 16;

/**
 * Words in more than COMMON_SHARE of a scan's documents (of at least COMMON_MIN_DOCUMENTS) are
 * very common there and left out of the channel's sets, like stop words: Reuters' earnings
 * tables share "shr", "cts", "vs", "net", "revs" and "mln" across thousands of companies, and
 * with them every table proposed every other (4.7 million document pairs). A word that common
 * says nothing about which two documents are related. Counted on at most COMMON_SAMPLE
 * documents, evenly spaced (the share is all that is needed).
 */
export const COMMON_SHARE = 0.02;
export const COMMON_MIN_DOCUMENTS = 200;
export const COMMON_SAMPLE = 2000;

/**
 * Document frequencies of the scan's words, counted on about COMMON_SAMPLE documents picked by
 * their content (sampledDocument: the same documents whatever the files are called; picked in
 * id order, renaming the stories of Reuters-21578 changed which words were common and 400
 * statuses); null in a scan of fewer than COMMON_MIN_DOCUMENTS documents, where a share of
 * documents says little. Passage alignment weighs words by them (passages.ts): in a large scan
 * a word of a template ("eurobond", "denominations") is common and a name is rare.
 */
export interface ScanFrequencies {
  table: DocumentFrequency;
  /** Documents counted. */
  sampled: number;
}

/**
 * Whether a document is counted, one in `step`, by a mix of its content hash (Corpus.contentHash;
 * murmur3's finaliser, so that hashes close together spread): each document's own content
 * decides, so adding, removing or changing one document changes no other's (while `step`, one
 * in n, stays: a scan that grows past a multiple of COMMON_SAMPLE counts fewer of its documents). Taking every
 * step-th document in content order did not: one document more moved every later one's place,
 * and decoding the HTML references of 102 of PAN's 5,057 documents (text/entities.ts) changed
 * which half of the corpus was counted, and two statuses of PAN 01 with it.
 */
export function sampledDocument(contentHash: number, step: number): boolean {
  if (step <= 1) return true;
  let h = contentHash >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % step === 0;
}

export function scanFrequencies(corpus: Corpus, textOf?: Int32Array): ScanFrequencies | null {
  const documents = corpus.docs.length;
  if (documents < COMMON_MIN_DOCUMENTS) return null;
  const step = Math.max(1, Math.floor(documents / COMMON_SAMPLE));
  const counted = (doc: number): boolean => sampledDocument(corpus.contentHash[doc]!, step);
  const table = new DocumentFrequency();
  let sampled = 0;
  for (let d = 0; d < documents; d++) {
    if (!counted(d)) continue;
    countDocumentWords(table, corpus.docs[d]!, d);
    sampled++;
  }
  const frequencies = { table, sampled };
  return textOf ? countingTextsOnce(frequencies, corpus, textOf, counted) : frequencies;
}

/**
 * The frequencies with the documents of one text counted as one (`textOf`: per document its
 * text, copied-pairs.ts nearCopies: copies word for word or nearly), of the corpus's documents
 * that `counted` says the frequencies hold. A word's rarity says how many independent texts use
 * it: a wire story that three outlets carried word for word put its names in five documents with
 * a reprint retold from it, no longer rare in a scan of 200 (passages.ts, RARE_MIN_DOCUMENTS),
 * and the retelling was left unique because of the very copies that made it worth finding (a new
 * user's trial: the retold reprint found beside two verbatim copies, not beside three, alike in
 * a scan and in `check`). A text's words are the union of its documents' (each near copy's own
 * headline counted). `sampled` stays the documents counted: the shares that make a word rare
 * or very common (passages.ts RARE_SHARE, COMMON_SHARE) are of a scan's documents, and counting
 * texts there too moved words that no copy holds (BBC: 11 fewer edited paragraphs, COUNTER's
 * one-scan F1 0.456 -> 0.447; as it is, BBC 713 -> 716 edited, COUNTER 0.461, PAN and Reuters
 * unchanged, `npm run eval`).
 */
export function countingTextsOnce(frequencies: ScanFrequencies, corpus: Corpus, textOf: Int32Array, counted: (doc: number) => boolean): ScanFrequencies {
  const members = new Map<number, number[]>();
  for (let d = 0; d < corpus.docs.length; d++) {
    if (textOf[d] === d || !counted(d)) continue;
    const text = textOf[d]!;
    let list = members.get(text);
    if (!list) members.set(text, (list = counted(text) ? [text] : []));
    list.push(d);
  }
  const copies = [...members.values()].filter((list) => list.length >= 2);
  if (copies.length === 0) return frequencies;
  const { keys, lastDoc, counts } = frequencies.table.data();
  const table = DocumentFrequency.of({ keys: keys.slice(), lastDoc: lastDoc.slice(), counts: counts.slice() });
  for (const list of copies) {
    // Per word of the text, how many of its documents hold it: all but one of them are copies.
    // A Map per text, not a DocumentFrequency (three arrays of 65,536 slots each, for a text
    // of a few hundred words; a check counts every document, and a batch may hold thousands of
    // texts with copies: review).
    const within = new Map<number, number>();
    for (const d of list) {
      const doc = corpus.docs[d]!;
      const seen = new Set<number>();
      for (let i = 0; i < doc.count; i++) for (const word of tokens(doc, i)) seen.add(word);
      for (const word of seen) within.set(word, (within.get(word) ?? 0) + 1);
    }
    for (const [word, documents] of within) table.removeCount(word, documents - 1);
  }
  return { table, sampled: frequencies.sampled };
}

/**
 * Counts the words (token hashes) of a document into `table` as document `number` (each word
 * once per document): what scanFrequencies counts, and what the index keeps for the whole
 * archive (store/index-store.ts), so that `check` weighs words as the archive does.
 */
export function countDocumentWords(table: DocumentFrequency, doc: PreparedDocument, number: number): void {
  for (let i = 0; i < doc.count; i++) {
    const hashes = tokens(doc, i);
    for (let k = 0; k < hashes.length; k++) table.see(hashes[k]!, number);
  }
}

/** The archive's document counts of some words (the index's word_documents), over `documents` documents. */
export interface ArchiveWordCounts {
  documents: number;
  words: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/**
 * The document frequencies `check`'s rewrite stage weighs words by: over the whole archive
 * (counted by the index) and the incoming articles together, as a scan of both would count
 * them; null below COMMON_MIN_DOCUMENTS documents in all, as for a scan. Counted on only what a
 * check compares (the batch and the archived articles its lookup brings in), one article
 * checked alone got none (too few documents) and beside 100 others got the batch's, and its
 * verdict changed (a reviewer: 0.316 reused alone, 0 beside 100 business articles). Counted on
 * the archive alone, a batch unlike it went unweighed: 19,000 Reuters items checked against 617
 * BBC articles got 126,865 reworded pairs instead of 3,805, their earnings tables' words common
 * in the batch but unknown to the archive.
 */
export function checkFrequencies(
  incoming: readonly PreparedDocument[],
  others: readonly PreparedDocument[],
  archiveCounts: (words: readonly number[]) => ArchiveWordCounts,
): ScanFrequencies | null {
  // The words asked of the archive: the incoming articles' (counted here once) and those of the
  // other documents compared (archived articles brought in, incoming ones indexed unchanged).
  const table = new DocumentFrequency();
  incoming.forEach((doc, d) => countDocumentWords(table, doc, d));
  const words: number[] = [];
  table.forEach((word) => words.push(word));
  const rest = new DocumentFrequency();
  others.forEach((doc, d) => countDocumentWords(rest, doc, d));
  rest.forEach((word) => {
    if (table.count(word) === 0) words.push(word);
  });
  const archive = archiveCounts(words);
  const documents = archive.documents + incoming.length;
  if (documents < COMMON_MIN_DOCUMENTS) return null;
  for (let k = 0; k < archive.words.length; k++) table.addCount(archive.words[k]!, archive.counts[k]!);
  return { table, sampled: documents };
}

/** The scan's very common words (see COMMON_SHARE): none in a scan of fewer than COMMON_MIN_DOCUMENTS documents. */
export function commonWords(frequencies: ScanFrequencies | null, stop: TokenSet): number[] {
  if (!frequencies) return [];
  return frequencies.table.above(COMMON_SHARE * frequencies.sampled).filter((h) => !stop.has(h));
}

/** A DocumentFrequency's table as plain arrays (sent to another thread with an alignment job). */
export interface FrequencyData {
  keys: Uint32Array;
  lastDoc: Int32Array;
  counts: Uint32Array;
}

/** lastDoc of a token not seen in a document of the table's own (a count added with addCount, or a slot just made). */
const COUNTED_ELSEWHERE = -2;

/** Documents per token hash, in an open-addressing table. */
export class DocumentFrequency {
  /** The table's arrays (not copies). */
  data(): FrequencyData {
    return { keys: this.keys, lastDoc: this.lastDoc, counts: this.counts };
  }

  /** A table reading `data()` of another (its arrays, not copies: for reading). */
  static of(data: FrequencyData): DocumentFrequency {
    const table = new DocumentFrequency(data);
    for (let slot = 0; slot < data.lastDoc.length; slot++) if (data.lastDoc[slot] !== -1) table.size++;
    return table;
  }

  /** An empty table, or one over `data` (DocumentFrequency.of). */
  constructor(data?: FrequencyData) {
    this.keys = data?.keys ?? new Uint32Array(1 << 16);
    this.lastDoc = data?.lastDoc ?? new Int32Array(1 << 16).fill(-1);
    this.counts = data?.counts ?? new Uint32Array(1 << 16);
  }

  private keys: Uint32Array;
  private lastDoc: Int32Array;
  private counts: Uint32Array;
  private size = 0;

  see(h: number, doc: number): void {
    const slot = this.slotOf(h);
    if (this.lastDoc[slot] === doc) return;
    this.lastDoc[slot] = doc;
    this.counts[slot]!++;
  }

  /** The slot of token `h`, made when it has none (count 0, marked seen by no document of the table's own). */
  private slotOf(h: number): number {
    let mask = this.keys.length - 1;
    let slot = fmix32(h) & mask;
    while (this.lastDoc[slot] !== -1 && this.keys[slot] !== h) slot = (slot + 1) & mask;
    if (this.lastDoc[slot] !== -1) return slot;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.rehash();
      mask = this.keys.length - 1;
      slot = fmix32(h) & mask;
      while (this.lastDoc[slot] !== -1) slot = (slot + 1) & mask;
    }
    this.keys[slot] = h;
    this.size++;
    this.lastDoc[slot] = COUNTED_ELSEWHERE;
    return slot;
  }

  private rehash(): void {
    const { keys, lastDoc, counts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.lastDoc = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Uint32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (lastDoc[old] === -1) continue;
      let slot = fmix32(keys[old]!) & mask;
      while (this.lastDoc[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old]!;
      this.lastDoc[slot] = lastDoc[old]!;
      this.counts[slot] = counts[old]!;
    }
  }

  /**
   * Adds `documents` to a token's count, as counted elsewhere (check: the index's counts of the
   * archive, store/index-store.ts). The token is marked seen by no document of this table's own.
   */
  addCount(h: number, documents: number): void {
    if (documents <= 0) return;
    const slot = this.slotOf(h);
    this.counts[slot] = this.counts[slot]! + documents;
  }

  /** Takes `documents` from a token's count (countingTextsOnce: copies of one text counted once). */
  removeCount(h: number, documents: number): void {
    if (documents <= 0) return;
    const slot = this.slotOf(h);
    this.counts[slot] = Math.max(0, this.counts[slot]! - documents);
  }

  /** Documents the token was seen in (0 when never). */
  count(h: number): number {
    const mask = this.keys.length - 1;
    for (let slot = fmix32(h) & mask; this.lastDoc[slot] !== -1; slot = (slot + 1) & mask) if (this.keys[slot] === h) return this.counts[slot]!;
    return 0;
  }

  /** Tokens in the table. */
  get distinct(): number {
    return this.size;
  }

  /** Each token seen and its count, in no particular order. */
  forEach(visit: (word: number, documents: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.lastDoc[slot] !== -1) visit(this.keys[slot]!, this.counts[slot]!);
  }

  /** Tokens seen in more than `limit` documents. */
  above(limit: number): number[] {
    const out: number[] = [];
    for (let slot = 0; slot < this.keys.length; slot++) if (this.lastDoc[slot] !== -1 && this.counts[slot]! > limit) out.push(this.keys[slot]!);
    return out;
  }
}

/** The channel's signed variants: their numbers, band keys and content-word sets (flat, sorted). */
export interface Signed {
  variants: Int32Array;
  /** Per signed item: its variant's sole document, or -1. */
  soleDocument: Int32Array;
  /** Per signed item: its variant's text key (the order of a large bucket: lsh.ts, TextKeys). */
  keyHigh: Uint32Array;
  keyLow: Uint32Array;
  /** Band-major, so that a band's column is read in sequence: item i's key of band b at `keys[b * stride + i]`. */
  keys: Uint32Array;
  stride: number;
  setAt: Uint32Array;
  sets: Uint32Array;
  /** Per signed item: 1 when its variant has a match already (ChannelSource.matched); null when not known. */
  matched: Uint8Array | null;
}

/**
 * What signing reads: the signable variants (comparable, not publishing-system chrome), each
 * one's sole document (Variants.soleDocument), the token hashes of its first paragraph, and the
 * scan's very common words. On the scan's thread the tokens are read where the corpus holds them
 * (channelSource); for another thread they are copied flat (channelInput).
 */
export interface ChannelSource {
  variants: Int32Array;
  soleDocument: Int32Array;
  /** Per variant: its text key's halves. */
  keyHigh: Uint32Array;
  keyLow: Uint32Array;
  /** The token hashes of `variants[k]`'s first paragraph. */
  tokensOf(k: number): Uint32Array;
  /** All of the variants' tokens. */
  tokenCount: number;
  common: Uint32Array;
  /** The scan's seed (stop words are hashed with it; the channel's MinHash seed derives from it). */
  seed: number;
  /**
   * Per variant (by id): 1 when it has a match already (matchedVariants), when the verified pairs
   * are known as the channel is signed (on the scan's own thread). bandPairs then grades no pair
   * of two matched variants: rewordingCandidates drops those anyway (on PAN, 201,000 of the
   * 593,000 pairs the buckets proposed; the stage 0.1 s faster). Absent on a helper, which signs
   * before the shingle channel's pairs are verified: every pair is graded and the caller drops
   * them.
   */
  matched?: Uint8Array;
}

/**
 * A ChannelSource flat, so that it can be sent to another thread (engine/rewrite-pool.ts):
 * variant `variants[k]`'s tokens are `tokens[tokenAt[k] .. tokenAt[k + 1])`.
 */
export interface ChannelInput {
  variants: Int32Array;
  soleDocument: Int32Array;
  keyHigh: Uint32Array;
  keyLow: Uint32Array;
  tokenAt: Uint32Array;
  tokens: Uint32Array;
  common: Uint32Array;
  seed: number;
}

/** The signable variants of a scan, their tokens read in the corpus (not copied: 20 MB at PAN). */
export function channelSource(corpus: Corpus, frequencies: ScanFrequencies | null, stop: TokenSet, seed: number, matched?: Uint8Array): ChannelSource {
  const { variants } = corpus;
  const chosen = new Int32Array(variants.count);
  const firsts = new Int32Array(variants.count);
  const sole = new Int32Array(variants.count);
  const high = new Uint32Array(variants.count);
  const low = new Uint32Array(variants.count);
  let n = 0;
  let tokenCount = 0;
  for (let v = 0; v < variants.count; v++) {
    if (variants.comparable[v] === 0) continue;
    const p = variants.members[variants.memberStart[v]!]!;
    const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
    const i = corpus.paragraphIndex[p]!;
    if (isChrome(doc, i)) continue;
    chosen[n] = v;
    firsts[n] = p;
    sole[n] = variants.soleDocument[v]!;
    high[n] = keyHigh(doc, i);
    low[n] = keyLow(doc, i);
    n++;
    tokenCount += corpus.words[p]!;
  }
  return {
    variants: chosen.slice(0, n),
    soleDocument: sole.slice(0, n),
    keyHigh: high.slice(0, n),
    keyLow: low.slice(0, n),
    tokensOf: (k) => {
      const p = firsts[k]!;
      return tokens(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!);
    },
    tokenCount,
    common: Uint32Array.from(commonWords(frequencies, stop)),
    seed,
    matched,
  };
}

/** A source's tokens copied flat, to be sent to another thread. */
export function channelInput(source: ChannelSource): ChannelInput {
  const count = source.variants.length;
  const tokenAt = new Uint32Array(count + 1);
  const flat = new Uint32Array(source.tokenCount);
  for (let k = 0; k < count; k++) {
    const hashes = source.tokensOf(k);
    flat.set(hashes, tokenAt[k]!);
    tokenAt[k + 1] = tokenAt[k]! + hashes.length;
  }
  // Copies throughout: the input's arrays are moved to the other thread, and the source stays usable.
  return {
    variants: source.variants.slice(),
    soleDocument: source.soleDocument.slice(),
    keyHigh: source.keyHigh.slice(),
    keyLow: source.keyLow.slice(),
    tokenAt,
    tokens: flat,
    common: source.common.slice(),
    seed: source.seed,
  };
}

/** A flat input (channelInput) read as a source. */
export function readChannelInput(input: ChannelInput): ChannelSource {
  const { tokenAt, tokens: flat } = input;
  return {
    variants: input.variants,
    soleDocument: input.soleDocument,
    keyHigh: input.keyHigh,
    keyLow: input.keyLow,
    tokensOf: (k) => flat.subarray(tokenAt[k]!, tokenAt[k + 1]!),
    tokenCount: flat.length,
    common: input.common,
    seed: input.seed,
  };
}

let banding: Banding | null = null;

/**
 * The channel's banding: tuned for a content-word Jaccard of CHANNEL_THRESHOLD. Found once per
 * process (the search integrates the error areas of every (bands, rows): 7 ms, and a scan asked
 * for it twice).
 */
export function channelBanding(): Banding {
  banding ??= optimalBanding(CHANNEL_THRESHOLD, CHANNEL_HASHES);
  return { ...banding };
}

const minHashers = new Map<number, MinHasher>();

/**
 * The channel's MinHasher for a seed, made once per thread: making one (its bins' probe orders
 * and its WebAssembly plane) took 8 ms, once per signing of a scan. Signers share it, one call at
 * a time (its scratch space is used within a call).
 */
function channelMinHasher(seed: number): MinHasher {
  let hasher = minHashers.get(seed);
  if (!hasher) minHashers.set(seed, (hasher = new MinHasher(CHANNEL_HASHES, seed ^ 0x5bd1e995)));
  return hasher;
}

/**
 * Signs paragraphs' content-word sets for the channel: the words of a paragraph not in
 * `excluded` (stop words, and in a scan its very common words), sorted and distinct, then their
 * one-permutation MinHash and band keys (channelBanding). The scan signs its variants with it
 * (signChannel); the index stores the keys of its paragraphs with stop words only excluded, so
 * that `check` finds an archived article reworded throughout (store/lookup.ts).
 */
export class ContentWordSigner {
  readonly banding = channelBanding();
  private readonly bins: number;
  private readonly hasher: MinHasher;
  private readonly signature = new Uint32Array(CHANNEL_HASHES);
  private readonly band: Uint32Array;
  private lo = new Uint32Array(256);
  private hi = new Uint32Array(256);
  private words = new Uint32Array(256);

  constructor(
    seed: number,
    private readonly excluded: TokenSet,
  ) {
    this.bins = this.banding.bands * this.banding.rows;
    this.hasher = channelMinHasher(seed);
    this.band = new Uint32Array(this.banding.bands);
  }

  /**
   * The content words of a paragraph's tokens, sorted and distinct, or null when there are fewer
   * than CHANNEL_MIN_WORDS. A view of scratch space: valid until the next call.
   */
  contentOf(tokens: Uint32Array): Uint32Array | null {
    if (this.words.length < tokens.length) this.words = new Uint32Array(tokens.length * 2);
    const { words, excluded } = this;
    let n = 0;
    for (let t = 0; t < tokens.length; t++) {
      const h = tokens[t]!;
      if (!excluded.has(h)) words[n++] = h;
    }
    const content = sortInPlace(words.subarray(0, n));
    return content.length < CHANNEL_MIN_WORDS ? null : content;
  }

  /** The band keys of a content-word set (contentOf). A view of scratch space: valid until the next call. */
  keysOf(content: Uint32Array): Uint32Array {
    const count = content.length;
    if (this.lo.length < count) [this.lo, this.hi] = [new Uint32Array(count * 2), new Uint32Array(count * 2)];
    const { lo, hi } = this;
    // Each word's one 32-bit hash, mixed two ways: the value and the bin of one-permutation hashing.
    for (let t = 0; t < count; t++) {
      lo[t] = fmix32(content[t]! ^ 0x2545f491);
      hi[t] = fmix32(content[t]! + 0x9e3779b9);
    }
    this.hasher.signInto(lo, hi, count, this.signature, this.bins);
    return bandKeys(this.signature, this.banding, this.band);
  }
}

/** The signer of the index's content words: stop words left out, none of a scan's very common words (archivedContent). */
export function archiveSigner(seed: number): ContentWordSigner {
  return new ContentWordSigner(seed, stopTokens(seed));
}

/**
 * The content words of paragraph i of an archived document and their band keys, as the index
 * stores them (stop words left out; the scan's very common words cannot be, as an index has no
 * one scan), or null for a paragraph the channel would not sign: too short to compare,
 * publishing-system chrome, or fewer than CHANNEL_MIN_WORDS content words. Views of the
 * signer's scratch space.
 */
export function archivedContent(signer: ContentWordSigner, doc: PreparedDocument, i: number): { content: Uint32Array; keys: Uint32Array } | null {
  if (!hasShingles(doc, i) || isChrome(doc, i)) return null;
  const content = signer.contentOf(tokens(doc, i));
  return content === null ? null : { content, keys: archivedKeys(signer, content) };
}

/**
 * The index keeps the first ARCHIVED_CONTENT_BANDS of the channel's 42 bands. One paragraph
 * found is enough to bring an archived article in (the rewrite stage then aligns the whole pair,
 * as a scan does), so fewer keys per paragraph lose little at article level: at a content-word
 * Jaccard of 0.4 a paragraph is found with probability 0.65 (0.94 with all 42), and a reworded
 * article of five such paragraphs with 0.995. All 42 made `index add` of 10,000 BBC-based
 * articles 47% slower and the index 35% larger (npm run bench:index).
 *
 * Part of the index format, with the channel's banding and ContentWordSigner's hashing: the
 * index deletes a variant's keys by computing them again from its stored content words, so a
 * change to any of them needs a new index schema whose migration keys content_keys again
 * (test/unit/hash.test.ts pins a paragraph's keys, and fails first).
 */
export const ARCHIVED_CONTENT_BANDS = 16;

/** The content keys the index stores for a content-word set (contentOf): its first ARCHIVED_CONTENT_BANDS band keys. */
export function archivedKeys(signer: ContentWordSigner, content: Uint32Array): Uint32Array {
  return signer.keysOf(content).subarray(0, ARCHIVED_CONTENT_BANDS);
}

/** Items whose band keys are gathered before they are written to the band-major columns (signChannel). */
const KEY_BLOCK = 256;

/**
 * Signs every variant of the source with enough content words. It reads nothing but its source,
 * so it runs on any thread: on this one over the corpus (channelSource), on a helper over a copy
 * (readChannelInput).
 */
export function signChannel(source: ChannelSource): Signed {
  // Stop words and the scan's very common words in one set: one lookup a token.
  const signer = new ContentWordSigner(source.seed, new TokenSet([...stopHashes(source.seed), ...source.common]));
  const bands = signer.banding.bands;
  // Sized once for every variant and every token (most are signed, and a set holds at most its
  // paragraph's tokens), so nothing is copied to grow: at 200,000 variants the keys alone are
  // 34 MB. Band-major, a band's column of `stride` items each (bandPairs).
  const stride = source.variants.length;
  const keys = new Uint32Array(stride * bands);
  const variants = new Int32Array(stride);
  const soleDocument = new Int32Array(stride);
  const highs = new Uint32Array(stride);
  const lows = new Uint32Array(stride);
  const setAt = new Uint32Array(stride + 1);
  const sets = new Uint32Array(source.tokenCount);
  const matched = source.matched ? new Uint8Array(stride) : null;
  // Keys gather item-major in a block and go to their band columns a block at a time: written
  // one item at a time, each of an item's 42 keys landed on a cache line of its own (a third of
  // the signing's time on PAN).
  const block = new Uint32Array(KEY_BLOCK * bands);
  let blockStart = 0;
  let count = 0;
  const flush = (): void => {
    for (let band = 0; band < bands; band++) {
      const column = band * stride + blockStart;
      for (let j = 0, at = band; j < count - blockStart; j++, at += bands) keys[column + j] = block[at]!;
    }
    blockStart = count;
  };
  for (let k = 0; k < stride; k++) {
    const content = signer.contentOf(source.tokensOf(k));
    if (content === null) continue;
    const at = setAt[count]!;
    sets.set(content, at);
    setAt[count + 1] = at + content.length;
    block.set(signer.keysOf(content), (count - blockStart) * bands);
    variants[count] = source.variants[k]!;
    soleDocument[count] = source.soleDocument[k]!;
    highs[count] = source.keyHigh[k]!;
    lows[count] = source.keyLow[k]!;
    if (matched) matched[count] = source.matched![source.variants[k]!]!;
    count++;
    if (count - blockStart === KEY_BLOCK) flush();
  }
  flush();
  return {
    variants: variants.slice(0, count),
    soleDocument: soleDocument.slice(0, count),
    keyHigh: highs.slice(0, count),
    keyLow: lows.slice(0, count),
    keys,
    stride,
    setAt: setAt.slice(0, count + 1),
    sets: sets.subarray(0, setAt[count]!),
    matched: matched ? matched.slice(0, count) : null,
  };
}

/**
 * An LSH candidate is worth aligning when the two content-word sets really overlap (LSH is
 * probabilistic; this is exact): at least CHANNEL_MIN_SHARED words in common, and a Jaccard
 * similarity of CHANNEL_MIN_JACCARD or the smaller set lying CHANNEL_MIN_CONTAINMENT inside the
 * larger (a reworded sentence inside a longer paragraph).
 */
export const CHANNEL_MIN_SHARED = 3;
export const CHANNEL_MIN_JACCARD = 0.2;
export const CHANNEL_MIN_CONTAINMENT = 0.5;

/**
 * A document pair is aligned when the channel pairs two or more of its paragraphs, or one pair
 * strongly (Jaccard STRONG_JACCARD, or the smaller set STRONG_CONTAINMENT inside the larger):
 * most pairs of documents that share one paragraph's worth of content words by chance share
 * only that one (80% of the 100 MB bench corpus's candidate pairs, 55% of PAN's).
 */
export const STRONG_JACCARD = 0.4;
export const STRONG_CONTAINMENT = 0.7;

/** How two content-word sets of these sizes sharing `common` words overlap. 0: not enough; 1: enough to propose; 2: strong. */
export function overlapGrade(common: number, sizeA: number, sizeB: number): 0 | 1 | 2 {
  if (common < CHANNEL_MIN_SHARED) return 0;
  const jaccard = common / (sizeA + sizeB - common);
  const containment = common / Math.min(sizeA, sizeB);
  if (jaccard >= STRONG_JACCARD || containment >= STRONG_CONTAINMENT) return 2;
  return jaccard >= CHANNEL_MIN_JACCARD || containment >= CHANNEL_MIN_CONTAINMENT ? 1 : 0;
}

/** overlapGrade of signed items i and j. */
function signedOverlapGrade(signed: Signed, i: number, j: number): 0 | 1 | 2 {
  const { sets, setAt } = signed;
  const common = commonInRanges(sets, setAt[i]!, setAt[i + 1]!, sets, setAt[j]!, setAt[j + 1]!);
  return overlapGrade(common, setAt[i + 1]! - setAt[i]!, setAt[j + 1]! - setAt[j]!);
}

/**
 * Per variant: 1 when it has a match already, a verified edge or a copy in another document
 * that is not the same text as its own (a document of another Corpus.contentHash, the hash of
 * its paragraphs' text keys in order). A byte-identical copy of a whole file is no match of
 * that kind: with the seeds and a copy of the write-through 003, each of 003's reworded
 * paragraphs had a copy, 002's had verified edits, and the channel paired neither with the
 * other: 003's story "reused" of 002 fell from 50% to 40% although the copy added nothing.
 * Copies in other texts still count (a reprint's unchanged paragraph), which keeps the
 * channel's pairs few (counting no copy as a match cost PAN's stage a fifth more).
 */
export function matchedVariants(corpus: Corpus, edges: Edges): Uint8Array {
  const { variants, contentHash, paragraphDoc } = corpus;
  const matched = new Uint8Array(variants.count);
  for (let v = 0; v < variants.count; v++) {
    if (edges.edgeStart[v + 1]! > edges.edgeStart[v]!) matched[v] = 1;
    else if (variants.soleDocument[v] === -1) {
      const text = contentHash[paragraphDoc[variants.members[variants.memberStart[v]!]!]!];
      for (let m = variants.memberStart[v]! + 1; m < variants.memberStart[v + 1]! && matched[v] === 0; m++) {
        if (contentHash[paragraphDoc[variants.members[m]!]!] !== text) matched[v] = 1;
      }
    }
  }
  return matched;
}

/**
 * The channel's pairs: signed items (indexes into `variants`) packed low * count + high,
 * ascending, each once, with 1 in `strong` where their overlap is strong.
 */
export interface ChannelPairs {
  variants: Int32Array;
  pairs: Float64Array;
  strong: Uint8Array;
}

/**
 * The pairs of signed items that share an LSH bucket (each with its next CHANNEL_BUCKET_WINDOW
 * items) and really overlap (signedOverlapGrade), across documents. Graded as found, so that only the
 * few that overlap are kept (on the 100 MB bench 28,000 of 1.5 million). Which pairs already
 * have a match is left to the caller (rewordingCandidates): it needs the verified pairs, and
 * this needs only the signatures, so it runs while the shingle channel's pairs are verified.
 */
export function bandPairs(signed: Signed, banding: Banding): ChannelPairs {
  const count = signed.variants.length;
  const { keys, stride } = signed;
  const buckets = new SharedBuckets(count);
  const { sortedKeys, order } = buckets.sorter;
  const weak = new PairBuffer(count);
  const strong = new PairBuffer(count);
  const sole = signed.soleDocument;
  const matched = signed.matched;
  const textOrder = new TextKeyOrder(count, { high: (item) => signed.keyHigh[item]!, low: (item) => signed.keyLow[item]! });
  for (let band = 0; band < banding.bands; band++) {
    const n = buckets.group(keys.subarray(band * stride, band * stride + count));
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && sortedKeys[i] === sortedKeys[runStart]) continue;
      // A bucket larger than the window is taken in text-key order (lsh.ts, TextKeys).
      const large = i - runStart > CHANNEL_BUCKET_WINDOW + 1;
      const run = large ? textOrder.bucket(order, runStart, i) : order;
      const from = large ? 0 : runStart;
      const to = large ? i - runStart : i;
      for (let a = from; a < to; a++) {
        const end = Math.min(to, a + 1 + CHANNEL_BUCKET_WINDOW);
        for (let b = a + 1; b < end; b++) {
          const x = run[a]!;
          const y = run[b]!;
          if (sole[x]! >= 0 && sole[x] === sole[y]) continue;
          if (matched !== null && matched[x] === 1 && matched[y] === 1) continue;
          const grade = signedOverlapGrade(signed, x, y);
          if (grade === 2) strong.add(x, y);
          else if (grade === 1) weak.add(x, y);
        }
      }
      runStart = i;
    }
  }
  // A pair graded in two bands is graded the same: each pair is in one of the two buffers.
  const strongPairs = strong.toArray();
  const weakPairs = weak.toArray();
  const pairs = new Float64Array(strongPairs.length + weakPairs.length);
  const isStrong = new Uint8Array(pairs.length);
  for (let s = 0, w = 0, k = 0; k < pairs.length; k++) {
    if (w >= weakPairs.length || (s < strongPairs.length && strongPairs[s]! < weakPairs[w]!)) {
      pairs[k] = strongPairs[s++]!;
      isStrong[k] = 1;
    } else pairs[k] = weakPairs[w++]!;
  }
  return { variants: signed.variants, pairs, strong: isStrong };
}

/** Signs the source's variants and finds the channel's pairs (on any thread, as signChannel). */
export function channelPairs(source: ChannelSource): ChannelPairs {
  return bandPairs(signChannel(source), channelBanding());
}

/** A candidate pair of documents and the paragraphs (indexes in each) the channel paired. */
export interface DocumentCandidate {
  a: number;
  b: number;
  hits: Array<[number, number]>;
  /** One of the hits overlaps strongly (STRONG_JACCARD, STRONG_CONTAINMENT). */
  strong: boolean;
}

/**
 * Candidate document pairs with their paragraph hits, from content-word LSH over the
 * comparable variants, leaving out pairs the shingle channel verified (both sides `matched`:
 * matchedVariants, found once by the stage for this and copied-pairs.ts). The caller aligns those
 * with two hits or a strong one (stage.ts); all are compared whole.
 *
 * Each pair's first document, the order of the pairs (where two pairs find the same reworded
 * paragraphs, the first found is kept: stage.ts) and the documents a common paragraph is paired
 * through follow the documents' content (`rank`, scan/variants.ts contentRanks), not their
 * ids: renamed files give the same pairs, the same way round.
 */
export function rewordingCandidates(corpus: Corpus, matched: Uint8Array, channel: ChannelPairs, rank: Int32Array): DocumentCandidate[] {
  const { variants } = corpus;
  const count = channel.variants.length;
  const byDocuments = new Map<number, DocumentCandidate>();
  const docCount = corpus.docs.length;
  // A variant in more than MAX_MEMBERS paragraphs: its first in content order, found once.
  const firstMembers = new Map<number, number[]>();
  const membersOf = (v: number): ArrayLike<number> => {
    const all = variants.members.subarray(variants.memberStart[v]!, variants.memberStart[v + 1]!);
    if (all.length <= MAX_MEMBERS) return all;
    let first = firstMembers.get(v);
    if (!first) {
      first = Array.from(all)
        .sort((p, q) => rank[corpus.paragraphDoc[p]!]! - rank[corpus.paragraphDoc[q]!]! || p - q)
        .slice(0, MAX_MEMBERS);
      firstMembers.set(v, first);
    }
    return first;
  };
  for (let k = 0; k < channel.pairs.length; k++) {
    const packed = channel.pairs[k]!;
    const a = channel.variants[Math.floor(packed / count)]!;
    const b = channel.variants[packed % count]!;
    // A pair counts only when one side has no match yet (see the header).
    if (matched[a] === 1 && matched[b] === 1) continue;
    const grade = channel.strong[k] === 1 ? 2 : 1;
    const [membersA, membersB] = [membersOf(a), membersOf(b)];
    for (let m = 0; m < membersA.length; m++) {
      const p = membersA[m]!;
      for (let o = 0; o < membersB.length; o++) {
        const q = membersB[o]!;
        const [x, y] = [corpus.paragraphDoc[p]!, corpus.paragraphDoc[q]!];
        if (x === y) continue;
        const xFirst = rank[x]! < rank[y]!;
        const key = xFirst ? x * docCount + y : y * docCount + x;
        let candidate = byDocuments.get(key);
        if (!candidate) byDocuments.set(key, (candidate = { a: xFirst ? x : y, b: xFirst ? y : x, hits: [], strong: false }));
        if (grade === 2) candidate.strong = true;
        candidate.hits.push(xFirst ? [corpus.paragraphIndex[p]!, corpus.paragraphIndex[q]!] : [corpus.paragraphIndex[q]!, corpus.paragraphIndex[p]!]);
      }
    }
  }
  return [...byDocuments.values()].sort((x, y) => rank[x.a]! - rank[y.a]! || rank[x.b]! - rank[y.b]!);
}
