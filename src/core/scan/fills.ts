/**
 * Template fills: two paragraphs that are one frame filled in with different names, such as two
 * wire notices about different companies ("Porex Technologies Corp said its board declared an
 * initial annual dividend of 10 cts per share, its first payout, payable March 26 ..." and
 * "Medco Containment Services Inc said its board declared ... payable March 19 ..."). Their
 * 3-grams are close enough to verify as an edit, but they are not one story: issue 11 asks that
 * templated items about different companies not be linked.
 *
 * A copy desk keeps a story's names, places and figures, which are rare in a large scan; a frame
 * is made of words every notice of its kind has. So in a scan with word weights (scanFrequencies,
 * 200 documents or more) a verified pair is a fill when one side puts a rare content word where
 * the other has another (rare as passage alignment counts it: rare-pairs.ts, scanRareTest), the
 * two share fewer than FILL_MIN_SHARED_RARE rare words, and so do their stories, which share no
 * paragraph word for word either (a headline). Grouping lets a cluster whose documents are
 * joined by fills alone link nothing (clusters.ts, grouping.ts isTemplateCluster), as it does
 * for a template's lines found in five documents or more; the paragraphs' statuses are
 * unchanged. A wide template was caught by the spread of its texts; this catches a frame filled
 * in twice.
 */
import { tokens } from '../document.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { DELETED, EQUAL, SequenceDiffer } from '../align/myers.js';
import type { ScanFrequencies } from '../rewrite/channel.js';
import { rareMaxCount, scanRareTest } from '../rewrite/rare-pairs.js';
import { contentWordsOf, stopTokens, type TokenSet } from '../rewrite/stopwords.js';
import { firstMember, lowerTextKeyFirst } from './edges.js';
import { WordTable } from '../rewrite/word-table.js';

/**
 * Two stories sharing this many rare words are not fills of one frame: a rewrite keeps two or
 * more of its names and figures (passage alignment's seeds ask the same of a sentence pair,
 * passages.ts SEED_MIN_RARE). Counted over the whole stories, not the two paragraphs: a
 * correction that rewords one clause ("If Mellon does not redeem the notes" -> "If the notes
 * are not redeemed") changes a rare word each side, and its story still shares the issuer, the
 * amount and the coupon with the first.
 */
export const FILL_MIN_SHARED_RARE = 2;

/** Whether edge k (a derived pair) is a template fill, its cluster in `stories` stories. */
export interface FillTest {
  isFill(edges: Edges, k: number, stories: number): boolean;
  /**
   * Whether fills may split a cluster that other pairs join in part (ClusterInput.parts), or
   * only make one that they join alone link nothing (ClusterInput.fillsOnly).
   */
  readonly splitsClusters: boolean;
}

export class TemplateFills implements FillTest {
  readonly splitsClusters = true;
  private readonly differ = new SequenceDiffer();
  private readonly rareWords: RareWordCount;
  private readonly isRare: (word: number) => boolean;
  private readonly stop: TokenSet;
  private readonly maxCount: number;
  private readonly storyWords = new Map<number, Uint32Array>();

  constructor(
    private readonly corpus: Corpus,
    private readonly noise: Noise,
    private readonly frequencies: ScanFrequencies,
    seed: number,
  ) {
    this.isRare = scanRareTest(frequencies, seed);
    this.rareWords = new RareWordCount(this.isRare);
    this.stop = stopTokens(seed);
    this.maxCount = rareMaxCount(frequencies.sampled);
  }

  /**
   * Whether edge k is a template fill, its cluster in `stories` stories: a word in all of them
   * may be counted in that many documents beyond the two a rare word's limit allows for, so a
   * story carried by three outlets still shares its names (a reviewer, when a rare word's limit
   * below 400 documents was 2: at 200 documents a word in three was no longer rare; it is 5 below
   * 1,000 since session 25, passages.ts). Not the stories' whole count: at 221 documents the limit
   * would then have been 4 for two stories, and "initial" and "payout" names that two dividend
   * notices share (the same 221 Reuters stories with the limit at 5 link no dividend notice: the
   * one new link is Schult Homes' offering, reported twice).
   */
  isFill(edges: Edges, k: number, stories: number): boolean {
    // A reworded pair was aligned on rare words already (passages.ts): never a fill.
    if (edges.reworded?.[k] === 1) return false;
    const { corpus, noise } = this;
    // In content order (text keys), not the variants' (file names): the diff's script, and so
    // whether it swaps, depends on which side is first (a reviewer's pair read both ways).
    const [va, vb] = lowerTextKeyFirst(corpus, edges.pairA[k]!, edges.pairB[k]!);
    const pa = firstMember(corpus, va);
    const pb = firstMember(corpus, vb);
    const sa = noise.storyOf[pa]!;
    const sb = noise.storyOf[pb]!;
    if (sa === sb) return false;
    // The cheap tests first: two paragraphs sharing FILL_MIN_SHARED_RARE rare words tell of one
    // thing, and a fill has a rare word of its own each side, which one puts where the other has
    // another (a name in the frame's place: a diff of two paragraphs). Then the stories: two
    // sharing as many rare words, or a paragraph word for word (a headline), tell of one thing (a
    // correction, a name fixed). Their words were the cost, asked first (whole stories: 100 ms
    // of PAN's clustering, where most edits swap no rare word).
    const a = paragraphTokens(corpus, pa);
    const b = paragraphTokens(corpus, pb);
    if (!this.rareWords.eachOwnFewShared(a, b) || !swapsRareWords(this.differ, a, b, this.isRare)) return false;
    return this.sharedNames(sa, sb, this.maxCount + Math.max(0, stories - 2)) < FILL_MIN_SHARED_RARE && !shareAParagraph(corpus, noise, sa, sb);
  }

  /** Content words of both stories found in at most `limit` documents of the sample. */
  private sharedNames(sa: number, sb: number, limit: number): number {
    const x = this.wordsOfStory(sa);
    const y = this.wordsOfStory(sb);
    let [i, j, shared] = [0, 0, 0];
    while (i < x.length && j < y.length) {
      if (x[i]! < y[j]!) i++;
      else if (x[i]! > y[j]!) j++;
      else {
        if (this.frequencies.table.count(x[i]!) <= limit) shared++;
        i++;
        j++;
      }
    }
    return shared;
  }

  /** A story's distinct content words (stop words left out), sorted. */
  private wordsOfStory(story: number): Uint32Array {
    let words = this.storyWords.get(story);
    if (!words) this.storyWords.set(story, (words = contentWordsOfStory(this.corpus, this.noise, story, this.stop)));
    return words;
  }
}


/** Whether two stories hold one paragraph of words word for word (not an artifact such as Reuters' "Reuter" sign-off, nor a repeat). */
function shareAParagraph(corpus: Corpus, noise: Noise, sa: number, sb: number): boolean {
  const variantsOf = (story: number): Set<number> => {
    const { doc, span } = noise.stories[story]!;
    const base = corpus.firstParagraphOf[doc]!;
    const out = new Set<number>();
    for (let i = span.firstSegment; i <= span.lastSegment; i++) {
      const v = corpus.variantOf[base + i]!;
      if (v >= 0 && noise.junk[base + i] === null && noise.repeatOf[base + i]! < 0) out.add(v);
    }
    return out;
  };
  const x = variantsOf(sa);
  for (const v of variantsOf(sb)) if (x.has(v)) return true;
  return false;
}


function paragraphTokens(corpus: Corpus, p: number): Uint32Array {
  return tokens(corpus.docs[corpus.paragraphDoc[p]!]!, corpus.paragraphIndex[p]!);
}

/**
 * Whether the word diff of two paragraphs replaces words holding a rare one with words holding
 * another rare one, in one place: "Porex Technologies Corp said" -> "Medco Containment Services
 * Inc said". A dateline put before a lede ("WASHINGTON - U.S. consumer credit rose") and a word
 * dropped further on ("consumer instalment credit") are two changes, each adding or removing a
 * rare word, and no swap: a digest quoting a story's lede is reuse.
 */
function swapsRareWords(differ: SequenceDiffer, a: Uint32Array, b: Uint32Array, isRare: (word: number) => boolean): boolean {
  const script = differ.diff(a, b);
  let [i, j] = [0, 0];
  let [deletedRare, insertedRare] = [false, false];
  for (let r = 0; r < script.count; r++) {
    const length = script.lengths[r]!;
    const kind = script.kinds[r]!;
    if (kind === EQUAL) {
      [deletedRare, insertedRare] = [false, false];
      i += length;
      j += length;
      continue;
    }
    if (kind === DELETED) {
      for (let t = i; t < i + length; t++) deletedRare ||= isRare(a[t]!);
      i += length;
    } else {
      for (let t = j; t < j + length; t++) insertedRare ||= isRare(b[t]!);
      j += length;
    }
    if (deletedRare && insertedRare) return true;
  }
  return false;
}

/** The rare words of two paragraphs counted in one scratch table (WordTable): no set is made per pair. */
class RareWordCount {
  private readonly table = new WordTable(1 << 10);
  /** Per slot: 1 when the word is in the first paragraph, 2 in the second, 3 in both. */
  private sides = new Uint8Array(1 << 10);

  constructor(private readonly isRare: (word: number) => boolean) {}

  /** Whether each paragraph has a rare word of its own, and they share fewer than FILL_MIN_SHARED_RARE. */
  eachOwnFewShared(a: Uint32Array, b: Uint32Array): boolean {
    const { table, isRare } = this;
    if (table.reset(a.length + b.length)) this.sides = new Uint8Array(table.size);
    const sides = this.sides;
    let [onlyA, onlyB, shared] = [0, 0, 0];
    for (let t = 0; t < a.length; t++) {
      const word = a[t]!;
      if (!isRare(word)) continue;
      const slot = table.slotOf(word);
      if (table.taken(slot)) continue;
      table.take(slot, word);
      sides[slot] = 1;
      onlyA++;
    }
    for (let t = 0; t < b.length; t++) {
      const word = b[t]!;
      if (!isRare(word)) continue;
      const slot = table.slotOf(word);
      if (!table.taken(slot)) {
        table.take(slot, word);
        sides[slot] = 2;
        onlyB++;
      } else if (sides[slot] === 1) {
        sides[slot] = 3;
        onlyA--;
        if (++shared >= FILL_MIN_SHARED_RARE) return false;
      }
    }
    return onlyA > 0 && onlyB > 0;
  }
}

/** Distinct content words of a story's paragraphs (stop words left out), sorted. */
function contentWordsOfStory(corpus: Corpus, noise: Noise, story: number, stop: TokenSet): Uint32Array {
  const { doc, span } = noise.stories[story]!;
  const document = corpus.docs[doc]!;
  const paragraphs: Uint32Array[] = [];
  for (let i = span.firstSegment; i <= span.lastSegment; i++) paragraphs.push(tokens(document, i));
  return contentWordsOf(paragraphs, stop);
}
