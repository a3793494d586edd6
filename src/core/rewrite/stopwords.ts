/**
 * Stop words: the function words the rewrite stage leaves out of a paragraph's content words
 * (rewrite/units.ts) and of a story's word unigrams (rewrite/story-reuse.ts). A reworded
 * paragraph keeps its names, figures and topic words while its "the", "of", "said" change
 * freely, and two unrelated articles share their function words, so only content words say
 * that one text was written from another.
 *
 * Lists (the words as the tokenizer folds them: "don't" is "dont"):
 * - English: NLTK's English stop list (Bird, Klein & Loper, *Natural Language Processing with
 *   Python*, 2009; 179 words) with the reporting verbs and modals news uses in every story
 *   ("said", "says", "would", "could", "also", "mr").
 * - Urdu: postpositions, auxiliaries, pronouns and conjunctions (کے، کی، میں، ہے، اور ...), the
 *   function words of COUNTER's news stories (Sharjeel et al. 2016), whose agency and newspaper
 *   texts share them whether or not one was written from the other.
 *
 * The scan knows tokens only by their hash (signing/hash.ts): the list is hashed under the
 * scan's seed with the same function (rewrite/xxh64.ts), once per seed.
 */
import { tokenize } from '../text/normalize.js';
import { sortInPlace } from '../matching/overlap.js';
import { fmix32 } from '../signing/hash.js';
import { tokenHash } from './xxh64.js';

const ENGLISH = `i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself
yourselves he him his himself she she's her hers herself it it's its itself they them their theirs
themselves what which who whom this that that'll these those am is are was were be been being have
has had having do does did doing a an the and but if or because as until while of at by for with
about against between into through during before after above below to from up down in out on off
over under again further then once here there when where why how all any both each few more most
other some such no nor not only own same so than too very s t can will just don don't should
should've now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't
hasn hasn't haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't
shouldn shouldn't wasn wasn't weren weren't won won't wouldn wouldn't
said says say told would could may might must shall also mr mrs ms`;

/** The English list's words as written (text/names.ts leaves them out of names: a sentence's capitalised "The" or "Mr"). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/u).filter((word) => word !== ''));

const URDU = `کے کی کا کو میں سے نے پر ہے ہیں تھا تھی تھے اور یہ وہ اس ان کہ بھی ہو ہوا ہوئے ہوئی گیا گئی
گئے کر کیا کیے جو تو نہیں اپنے اپنی اپنا ایک لیے لئے ساتھ بعد تک جب کہا کرنے کرتے رہا رہی رہے جا
جائے جاتا جاتی جبکہ یا لیکن مگر پھر اب ہی دیا دی دیے والے والی والا ہم آپ انہوں انہیں اسے گا گی گے
ہوں ہونے کیلئے کےلئے`;

/** The stop words as the tokenizer folds them. */
export function stopWords(): string[] {
  return [...new Set(tokenize(`${ENGLISH}\n${URDU}`).tokens)];
}

/** A set of 32-bit token hashes, by open addressing (looked up once per token of a scan). */
export class TokenSet {
  private readonly keys: Uint32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(values: readonly number[]) {
    let capacity = 16;
    while (capacity < values.length * 4) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (const value of values) {
      let slot = fmix32(value) & this.mask;
      while (this.used[slot] === 1 && this.keys[slot] !== value) slot = (slot + 1) & this.mask;
      this.keys[slot] = value >>> 0;
      this.used[slot] = 1;
    }
  }

  has(value: number): boolean {
    for (let slot = fmix32(value) & this.mask; this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === value) return true;
    }
    return false;
  }
}

const bySeed = new Map<number, TokenSet>();

/** The stop words' token hashes under `seed`. */
export function stopHashes(seed: number): number[] {
  return stopWords().map((word) => tokenHash(word, seed));
}

/** The stop words' token hashes under `seed` as a set (computed once per seed). */
export function stopTokens(seed: number): TokenSet {
  let set = bySeed.get(seed);
  if (!set) {
    set = new TokenSet(stopHashes(seed));
    bySeed.set(seed, set);
  }
  return set;
}

/** The distinct content words of a paragraph's token hashes (stop words left out), sorted. */
export function contentWords(hashes: Uint32Array, stop: TokenSet): Uint32Array {
  return contentWordsOf([hashes], stop);
}

/** The distinct content words of several token runs together (a story's paragraphs), sorted: one array, one sort. */
export function contentWordsOf(runs: readonly Uint32Array[], stop: TokenSet): Uint32Array {
  let total = 0;
  for (const run of runs) total += run.length;
  const words = new Uint32Array(total);
  let n = 0;
  for (const run of runs) {
    for (let k = 0; k < run.length; k++) {
      const h = run[k]!;
      if (!stop.has(h)) words[n++] = h;
    }
  }
  return sortInPlace(words.subarray(0, n)).slice();
}
