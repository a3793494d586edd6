/**
 * The units passage alignment works on (rewrite/passages.ts): a document's sentences, each with
 * its content words. Sanchez-Perez, Sidorov & Gelbukh ("A winning approach to text alignment",
 * PAN 2014) seed on sentence pairs: a reworded passage keeps its sentences' vocabulary while
 * their order, word order and length change, and a sentence is short enough that two unrelated
 * ones rarely share a third of their words.
 *
 * Units are cut from the signer's token hashes (document.ts), not tokenised again for matching:
 * each paragraph's text is cut into sentences only to count how many of its tokens each
 * sentence holds (one pass over its characters, text/normalize.ts sentenceCutsInto, where
 * segment.ts's SENTENCE_BREAK would cut it). A sentence under MIN_UNIT_WORDS words joins the
 * next ("Fact:", "Pay April 15"); a paragraph whose sentences do not add up to its tokens (a
 * script the count reads differently) is one unit. Content words are the tokens that are not
 * stop words (rewrite/stopwords.ts); numbers (tokens of digits) are also kept apart, since a
 * rewrite keeps its figures (passages.ts).
 *
 * Made only for the paragraphs alignment looks at (ParagraphUnits, layoutRegions: around the
 * channel's hits, rewrite/stage.ts), once per paragraph of an alignment job.
 */
import { isChrome, text, tokens, words } from '../document.js';
import type { PreparedDocument } from '../model.js';
import { SentenceCuts, sentenceCutsInto, tokenize, tokenizeInto, TokenBuffer } from '../text/normalize.js';
import { SENTENCE_BREAK } from '../text/segment.js';
import type { TokenSet } from './stopwords.js';
import { Uint32List } from '../numbers-list.js';

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

/**
 * For text the one-pass cutter does not read (sentenceCutsInto): the token count at each
 * sentence's end and, per token, 1 when it is all digits, by cutting at SENTENCE_BREAK and
 * tokenising each piece; null when the counts do not add up.
 */
function sentenceTokens(paragraph: string, expected: number, buffer: TokenBuffer): { ends: number[]; numeric: number[] } | null {
  const ends: number[] = [];
  const numeric: number[] = [];
  let start = 0;
  const piece = (end: number): void => {
    const part = paragraph.slice(start, end);
    if (tokenizeInto(part, buffer)) {
      let from = 0;
      for (let k = 0; k < buffer.count; k++) {
        const to = buffer.ends[k]!;
        let digits = true;
        for (let c = from; c < to && digits; c++) digits = buffer.chars[c]! >= 48 && buffer.chars[c]! <= 57;
        numeric.push(digits ? 1 : 0);
        from = to;
      }
    } else for (const token of tokenize(part).tokens) numeric.push(DIGITS.test(token) ? 1 : 0);
    ends.push(numeric.length);
  };
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(paragraph); m !== null; m = SENTENCE_BREAK.exec(paragraph)) {
    const next = m.index + m[0].length;
    if (next >= paragraph.length) break;
    piece(next);
    start = next;
  }
  piece(paragraph.length);
  return numeric.length === expected ? { ends, numeric } : null;
}

/**
 * Sentence ranges [from, to) of token positions from the token counts at each sentence's end
 * (ascending, the last the paragraph's), short sentences joined to the next (the last to the
 * one before).
 */
function joinShort(ends: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let at = 0;
  for (const end of ends) {
    at = end;
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

/** Up to this many values are sorted by insertion (a sentence's content words): faster than a typed array's sort, a call and a view each, for so few. */
const INSERTION_SORT_MAX = 24;

/** Units made paragraph by paragraph (documentUnits, unitsOfParagraphs, ParagraphUnits). */
class UnitsBuilder {
  private readonly buffer = new TokenBuffer();
  readonly paragraph: number[] = [];
  readonly unitWords: number[] = [];
  readonly contentAt = [0];
  readonly content = new Uint32List(4096);
  readonly numberAt = [0];
  readonly numbers = new Uint32List(256);
  private readonly cuts = new SentenceCuts();
  private scratch = new Uint32Array(256);

  constructor(private readonly stop: TokenSet) {}

  /**
   * Token ranges of paragraph text's sentence units, and per token whether it is all digits
   * (null: none known); one pass over the characters (sentenceCutsInto) where the text allows.
   */
  private split(paragraphText: string, count: number): { ranges: Array<[number, number]>; numeric: ArrayLike<number> | null } {
    if (sentenceCutsInto(paragraphText, this.cuts) && this.cuts.count === count) {
      // The cuts are scratch, emptied by the next call: the paragraph's end goes on in place.
      this.cuts.cuts.push(count);
      return { ranges: joinShort(this.cuts.cuts), numeric: this.cuts.digits };
    }
    const found = sentenceTokens(paragraphText, count, this.buffer);
    return found ? { ranges: joinShort(found.ends), numeric: found.numeric } : { ranges: [[0, count]], numeric: null };
  }

  /** Appends the distinct values of scratch[0 .. n) to `target`, sorted. */
  private pushDistinct(target: Uint32List, n: number): void {
    if (n === 0) return;
    const scratch = this.scratch;
    if (n <= INSERTION_SORT_MAX) {
      // A sentence's few words: sorted in place, without a typed array's sort (a call and a view each).
      for (let k = 1; k < n; k++) {
        const value = scratch[k]!;
        let j = k - 1;
        while (j >= 0 && scratch[j]! > value) {
          scratch[j + 1] = scratch[j]!;
          j--;
        }
        scratch[j + 1] = value;
      }
    } else scratch.subarray(0, n).sort();
    target.reserve(n);
    const data = target.data;
    let length = target.length;
    for (let k = 0; k < n; k++) if (k === 0 || scratch[k] !== scratch[k - 1]) data[length++] = scratch[k]!;
    target.length = length;
  }

  /** Paragraph i: its text, its token hashes and its word count. */
  add(i: number, paragraphText: string, hashes: Uint32Array, count: number): void {
    if (count === 0) return;
    // A paragraph is cut into sentences when it can hold two of MIN_UNIT_WORDS, and read for its
    // figures when it has any; a short one without a digit is one unit with none either way.
    const { ranges, numeric } = count >= 2 * MIN_UNIT_WORDS || mayHoldNumbers(paragraphText) ? this.split(paragraphText, count) : { ranges: [[0, count] as [number, number]], numeric: null };
    if (this.scratch.length < count) this.scratch = new Uint32Array(count * 2);
    for (const [from, to] of ranges) {
      this.paragraph.push(i);
      this.unitWords.push(to - from);
      let n = 0;
      for (let k = from; k < to; k++) if (!this.stop.has(hashes[k]!)) this.scratch[n++] = hashes[k]!;
      this.pushDistinct(this.content, n);
      this.contentAt.push(this.content.length);
      n = 0;
      if (numeric) for (let k = from; k < to; k++) if (numeric[k] === 1) this.scratch[n++] = hashes[k]!;
      this.pushDistinct(this.numbers, n);
      this.numberAt.push(this.numbers.length);
    }
  }

  get count(): number {
    return this.paragraph.length;
  }

  finish(): Units {
    return {
      count: this.paragraph.length,
      paragraph: Int32Array.from(this.paragraph),
      words: Uint32Array.from(this.unitWords),
      contentAt: Uint32Array.from(this.contentAt),
      content: this.content.toArray(),
      numberAt: Uint32Array.from(this.numberAt),
      numbers: this.numbers.toArray(),
    };
  }
}

/**
 * The sentence units of a whole document. `skip(i)` leaves paragraph i out (junk lines: a
 * scraper artifact, publishing-system chrome). The scan cuts only the paragraphs it aligns
 * (ParagraphUnits); this is what that must agree with (test/unit/rewrite-regions.test.ts).
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

/**
 * Which paragraphs of a document alignment lays out as units, in order, around the regions it
 * aligns ([from, to] paragraph ranges of the document, in order, at least one paragraph apart):
 * an entry `2 * i + 1` is paragraph i of a region (aligned), `2 * i` paragraph i between two
 * regions (numbered, not aligned), and -1 stands for `maxGap + 1` empty units.
 *
 * What matters of the units' numbering is which units lie within MAX_GAP of one another
 * (passages.ts). So between two regions the layout holds the real paragraphs in between when
 * at most `maxGap` of them have units (their units may then number `maxGap` or fewer), and
 * otherwise `maxGap + 1` empty units: each paragraph with words has at least one unit, so more
 * than `maxGap` such paragraphs make a real gap longer than `maxGap` too, and
 * the alignment is the same as over the whole document's units. `hasUnits(i)` says without
 * cutting whether paragraph i has any (words, and not junk or chrome).
 */
export function layoutRegions(ranges: ReadonlyArray<readonly [number, number]>, hasUnits: (i: number) => boolean, maxGap: number): number[] {
  const entries: number[] = [];
  ranges.forEach(([from, to], r) => {
    if (r > 0) {
      const gapFrom = ranges[r - 1]![1] + 1;
      let bearing = 0;
      for (let i = gapFrom; i < from && bearing <= maxGap; i++) if (hasUnits(i)) bearing++;
      if (bearing > maxGap) entries.push(-1);
      else for (let i = gapFrom; i < from; i++) entries.push(2 * i);
    }
    for (let i = from; i <= to; i++) entries.push(2 * i + 1);
  });
  return entries;
}

/** A paragraph as units are cut from it: its text, token hashes and words. */
export interface UnitSource {
  text: string;
  tokens: Uint32Array;
  words: number;
}

/**
 * Units of single paragraphs (by global paragraph number), each cut when first asked for and
 * kept. Alignment only looks at the regions around the channel's hits (stage.ts): on PAN
 * 89,000 paragraphs of the 166,000 in the documents of candidate pairs, so cutting whole
 * documents did twice the work.
 */
export class ParagraphUnits {
  private readonly store: UnitsBuilder;
  /** Per paragraph cut: its slot in `first` and `count` (its first unit in the store, and how many). */
  private readonly slotOf = new Map<number, number>();
  private readonly first: number[] = [];
  private readonly count: number[] = [];

  /** `paragraph(p)` gives global paragraph p, or null when it has no units (no words, junk, chrome). */
  constructor(
    stop: TokenSet,
    private readonly paragraph: (p: number) => UnitSource | null,
    private readonly maxGap: number,
  ) {
    this.store = new UnitsBuilder(stop);
  }

  /** The slot of global paragraph p, cut when first asked for. */
  private slot(p: number): number {
    let slot = this.slotOf.get(p);
    if (slot === undefined) {
      const first = this.store.count;
      const found = this.paragraph(p);
      if (found) this.store.add(p, found.text, found.tokens, found.words);
      slot = this.first.length;
      this.slotOf.set(p, slot);
      this.first.push(first);
      this.count.push(this.store.count - first);
    }
    return slot;
  }

  /**
   * The units of a layout (layoutRegions) of the document whose first paragraph is global
   * paragraph `base`, as one Units object (paragraph numbers within the document), and the unit
   * ranges to align.
   */
  assemble(base: number, entries: ArrayLike<number>, scratch = new UnitsScratch()): { units: Units; ranges: Array<[number, number]> } {
    const ranges: Array<[number, number]> = [];
    let unitCount = 0;
    let contentCount = 0;
    let numberCount = 0;
    const { store } = this;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      if (entry < 0) {
        unitCount += this.maxGap + 1;
        continue;
      }
      const slot = this.slot(base + (entry >> 1));
      const first = this.first[slot]!;
      const count = this.count[slot]!;
      if (count === 0) continue;
      if (entry & 1) {
        const last = ranges[ranges.length - 1];
        if (last && last[1] === unitCount) last[1] += count;
        else ranges.push([unitCount, unitCount + count]);
      }
      unitCount += count;
      contentCount += store.contentAt[first + count]! - store.contentAt[first]!;
      numberCount += store.numberAt[first + count]! - store.numberAt[first]!;
    }
    const units = scratch.units(unitCount, contentCount, numberCount);
    let u = 0;
    let c = 0;
    let n = 0;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      if (entry < 0) {
        for (let k = 0; k <= this.maxGap; k++, u++) {
          units.paragraph[u] = 0;
          units.words[u] = 0;
          units.contentAt[u + 1] = c;
          units.numberAt[u + 1] = n;
        }
        continue;
      }
      const i = entry >> 1;
      const slot = this.slotOf.get(base + i)!;
      const first = this.first[slot]!;
      for (let k = first; k < first + this.count[slot]!; k++, u++) {
        units.paragraph[u] = i;
        units.words[u] = store.unitWords[k]!;
        for (let x = store.contentAt[k]!; x < store.contentAt[k + 1]!; x++) units.content[c++] = store.content.data[x]!;
        for (let x = store.numberAt[k]!; x < store.numberAt[k + 1]!; x++) units.numbers[n++] = store.numbers.data[x]!;
        units.contentAt[u + 1] = c;
        units.numberAt[u + 1] = n;
      }
    }
    return { units, ranges };
  }
}

/**
 * Reused space for the Units that ParagraphUnits.assemble makes (views of it, valid until the
 * next call with the same scratch): an alignment job assembles two sides per candidate pair,
 * and seven new typed arrays a side were 20% of assembling on PAN.
 */
export class UnitsScratch {
  private paragraph = new Int32Array(256);
  private words = new Uint32Array(256);
  private contentAt = new Uint32Array(257);
  private content = new Uint32Array(1024);
  private numberAt = new Uint32Array(257);
  private numbers = new Uint32Array(256);

  /** Units of these sizes over the scratch space, their first offsets 0; the rest is the caller's to write. */
  units(count: number, contentCount: number, numberCount: number): Units {
    if (this.paragraph.length < count) {
      this.paragraph = new Int32Array(count * 2);
      this.words = new Uint32Array(count * 2);
      this.contentAt = new Uint32Array(count * 2 + 1);
      this.numberAt = new Uint32Array(count * 2 + 1);
    }
    if (this.content.length < contentCount) this.content = new Uint32Array(contentCount * 2);
    if (this.numbers.length < numberCount) this.numbers = new Uint32Array(numberCount * 2);
    this.contentAt[0] = 0;
    this.numberAt[0] = 0;
    return {
      count,
      paragraph: this.paragraph.subarray(0, count),
      words: this.words.subarray(0, count),
      contentAt: this.contentAt.subarray(0, count + 1),
      content: this.content.subarray(0, contentCount),
      numberAt: this.numberAt.subarray(0, count + 1),
      numbers: this.numbers.subarray(0, numberCount),
    };
  }
}
