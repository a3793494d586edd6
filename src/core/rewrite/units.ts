/**
 * The units passage alignment works on (rewrite/passages.ts): a document's sentences, each with
 * its content words. Sanchez-Perez, Sidorov & Gelbukh ("A winning approach to text alignment",
 * PAN 2014) seed on sentence pairs: a reworded passage keeps its sentences' vocabulary while
 * their order, word order and length change, and a sentence is short enough that two unrelated
 * ones rarely share a third of their words.
 *
 * Units are cut from the signer's token hashes (document.ts), not tokenised again for matching:
 * each paragraph's text is cut into sentences (text/segment.ts, SENTENCE_BREAK) only to count
 * how many of its tokens each sentence holds. A sentence under MIN_UNIT_WORDS words joins the
 * next ("Fact:", "Pay April 15"); a paragraph whose sentences do not add up to its tokens (a
 * script the count reads differently) is one unit. Content words are the tokens that are not
 * stop words (rewrite/stopwords.ts); numbers (tokens of digits) are also kept apart, since a
 * rewrite keeps its figures (passages.ts).
 *
 * Made only for the documents of candidate pairs (rewrite/stage.ts), once each.
 */
import { isChrome, text, tokens, words } from '../document.js';
import type { PreparedDocument } from '../model.js';
import { tokenize, tokenizeInto, TokenBuffer } from '../text/normalize.js';
import { SENTENCE_BREAK } from '../text/segment.js';
import type { TokenSet } from './stopwords.js';

/** A sentence shorter than this many words joins the next (Sanchez-Perez et al. join sentences under 4 words). */
export const MIN_UNIT_WORDS = 4;

/** A document's sentence units, flat: unit u's content words are `content[contentAt[u] .. contentAt[u + 1])`, sorted and distinct; its numbers likewise. */
export interface Units {
  count: number;
  /** Per unit: the paragraph (its index in the document) it lies in. */
  paragraph: Int32Array;
  /** Per unit: its words (tokens). */
  words: Uint32Array;
  contentAt: Uint32Array;
  content: Uint32Array;
  numberAt: Uint32Array;
  numbers: Uint32Array;
}

const DIGITS = /^\p{N}+$/u;

/** Per sentence of a paragraph: its token count and which of its tokens are numbers; null when the counts do not add up. */
function sentenceTokens(paragraph: string, expected: number, buffer: TokenBuffer): { counts: number[]; numeric: boolean[] } | null {
  const counts: number[] = [];
  const numeric: boolean[] = [];
  let start = 0;
  const piece = (end: number): void => {
    const part = paragraph.slice(start, end);
    if (tokenizeInto(part, buffer)) {
      counts.push(buffer.count);
      let from = 0;
      for (let k = 0; k < buffer.count; k++) {
        const to = buffer.ends[k]!;
        let digits = true;
        for (let c = from; c < to && digits; c++) digits = buffer.chars[c]! >= 48 && buffer.chars[c]! <= 57;
        numeric.push(digits);
        from = to;
      }
    } else {
      const found = tokenize(part).tokens;
      counts.push(found.length);
      for (const token of found) numeric.push(DIGITS.test(token));
    }
  };
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(paragraph); m !== null; m = SENTENCE_BREAK.exec(paragraph)) {
    const next = m.index + m[0].length;
    if (next >= paragraph.length) break;
    piece(next);
    start = next;
  }
  piece(paragraph.length);
  return numeric.length === expected ? { counts, numeric } : null;
}

/** Sentence ranges [from, to) of token positions, short sentences joined to the next (the last to the one before). */
function joinShort(counts: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let at = 0;
  for (const count of counts) {
    at += count;
    if (at - from >= MIN_UNIT_WORDS) {
      ranges.push([from, at]);
      from = at;
    }
  }
  if (at > from) {
    if (ranges.length > 0) ranges[ranges.length - 1]![1] = at;
    else ranges.push([from, at]);
  }
  return ranges;
}

/** Appends `values` to `target` sorted and distinct (a typed array's sort: numeric, no comparator calls). */
function pushSortedDistinct(target: number[], values: readonly number[]): void {
  if (values.length === 0) return;
  const sorted = Uint32Array.from(values).sort();
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) target.push(sorted[i]!);
}

const ANY_NUMBER = /\p{N}/u;
/** Characters NFKC leaves as they are, digits aside: ASCII and Latin-1 up to ±. */
const BEYOND_PLAIN = /[^\x00-\u00b1]/;

/**
 * Whether a text may hold a token of digits: a number character (\p{N}, ① and ² included), or
 * one that NFKC turns into digits (㋀ is "1月").
 */
function mayHoldNumbers(text: string): boolean {
  return ANY_NUMBER.test(text) || (BEYOND_PLAIN.test(text) && ANY_NUMBER.test(text.normalize('NFKC')));
}

/** Units made paragraph by paragraph (documentUnits, unitsOfParagraphs). */
class UnitsBuilder {
  private readonly buffer = new TokenBuffer();
  private readonly paragraph: number[] = [];
  private readonly unitWords: number[] = [];
  private readonly contentAt = [0];
  private readonly content: number[] = [];
  private readonly numberAt = [0];
  private readonly numbers: number[] = [];

  constructor(private readonly stop: TokenSet) {}

  /** Paragraph i: its text, its token hashes and its word count. */
  add(i: number, paragraphText: string, hashes: Uint32Array, count: number): void {
    if (count === 0) return;
    // A paragraph is cut into sentences when it can hold two of MIN_UNIT_WORDS, and read for its
    // figures when it has any; a short one without a digit is one unit with none either way.
    const split = count >= 2 * MIN_UNIT_WORDS || mayHoldNumbers(paragraphText) ? sentenceTokens(paragraphText, count, this.buffer) : null;
    const ranges = split ? joinShort(split.counts) : [[0, count] as [number, number]];
    for (const [from, to] of ranges) {
      const own: number[] = [];
      const figures: number[] = [];
      for (let k = from; k < to; k++) {
        const h = hashes[k]!;
        if (split?.numeric[k]) figures.push(h);
        if (!this.stop.has(h)) own.push(h);
      }
      this.paragraph.push(i);
      this.unitWords.push(to - from);
      pushSortedDistinct(this.content, own);
      this.contentAt.push(this.content.length);
      pushSortedDistinct(this.numbers, figures);
      this.numberAt.push(this.numbers.length);
    }
  }

  finish(): Units {
    return {
      count: this.paragraph.length,
      paragraph: Int32Array.from(this.paragraph),
      words: Uint32Array.from(this.unitWords),
      contentAt: Uint32Array.from(this.contentAt),
      content: Uint32Array.from(this.content),
      numberAt: Uint32Array.from(this.numberAt),
      numbers: Uint32Array.from(this.numbers),
    };
  }
}

/**
 * The sentence units of a document. `skip(i)` leaves paragraph i out (junk lines: a scraper
 * artifact, publishing-system chrome).
 */
export function documentUnits(doc: PreparedDocument, stop: TokenSet, skip: (i: number) => boolean = () => false): Units {
  const builder = new UnitsBuilder(stop);
  for (let i = 0; i < doc.count; i++) {
    if (words(doc, i) === 0 || skip(i) || isChrome(doc, i)) continue;
    builder.add(i, text(doc, i), tokens(doc, i), words(doc, i));
  }
  return builder.finish();
}

/** The sentence units of a list of paragraphs (text, token hashes, words), `paragraph` numbering them in the list. */
export function unitsOfParagraphs(paragraphs: ReadonlyArray<{ text: string; tokens: Uint32Array; words: number }>, stop: TokenSet): Units {
  const builder = new UnitsBuilder(stop);
  paragraphs.forEach((p, i) => builder.add(i, p.text, p.tokens, p.words));
  return builder.finish();
}
