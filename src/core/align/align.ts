/**
 * Aligns the paragraphs of two articles: which paragraph of `from` became which of `to`.
 * Used by `dedupe diff` (diff-report.ts), and by provenance to compare each reprint with its
 * original (edit-summary.ts).
 *
 * Every pair that shares something is measured exactly (two articles have at most a few
 * thousand pairs; no LSH needed). Blocks, in order of preference:
 * - merged (n → 1): a run of two or more consecutive `from` paragraphs that each lie mostly
 *   (MERGE_PART_CONTAINMENT) inside one `to` paragraph. Seeds: 002 lines 22-23 → 000 line 30;
 *   002 lines 9-10 ("What is Ukraine doing?" + its answer) → 000 line 19.
 * - split (1 → n): two or more `to` paragraphs that each lie at least --containment inside
 *   one `from` paragraph, adjacent or not. Seeds: 002 line 8 → 003 lines 17, 19 and 25.
 * - same / edited (1 → 1): identical normalised text, or derived (classify.ts), best first.
 * - edited, reworded: a dropped and an added paragraph that passage alignment aligns (the
 *   scan's rewrite stage, rewrite/passages.ts), when the rule carries the scan's seed.
 * - same, without words: a paragraph with no words ("***", "<") and one with the same text on
 *   the other side (pairWordless): nothing else measures them.
 * - dropped / added: what is left on either side.
 * A short paragraph (no shingles) counts as inside another when its tokens appear there as a
 * contiguous run, so a heading folded into the next paragraph is still found.
 */
import { isDerived } from '../classify.js';
import { overlap, unionSet } from '../matching/overlap.js';
import { continuesParagraph, endLine, isChrome, shingles, startLine, text, textKey, tokens, words } from '../document.js';
import type { DerivationRule, PreparedDocument } from '../model.js';
import { round3 } from '../numbers.js';
import { Aligner, alignParagraphs as alignPassages } from '../rewrite/passages.js';
import { COPIED_MIN_SHARE, COPIED_MIN_WORDS } from '../rewrite/copied-pairs.js';
import { refutedByNames, sameNames, storyNames } from '../text/names.js';
import { contentWords, contentWordsOf, stopTokens, TokenSet } from '../rewrite/stopwords.js';
import { WordTable } from '../rewrite/word-table.js';
import { unitsOfParagraphs, type Units } from '../rewrite/units.js';
import type { EditOp } from '../types.js';
import { foldWords } from '../text/normalize.js';
import { changedWords, movedKeys, sentenceRunWords, wordDiff } from './worddiff.js';

/**
 * A `from` paragraph lying at least this share inside a `to` paragraph can be part of a merge:
 * lower than --containment, since the parts of a merge are edited to join (002 lines 22-23 lie
 * 0.6-0.7 inside 000 line 30).
 */
export const MERGE_PART_CONTAINMENT = 0.6;
/**
 * A paragraph made of several holds most of their words: at least this share of the parts'
 * words together. Two lines of a template each lie mostly inside a third of the same size, but
 * it is no merge of them (nor they a split of it); 002 lines 22-23 merged into 000 line 30 are.
 */
export const MERGED_SIZE_SHARE = 0.6;

/** What alignment needs of a paragraph: its place, text and the signer's tokens and shingles. */
export interface AlignParagraph {
  startLine: number;
  endLine: number;
  text: string;
  words: number;
  /** The text key (16 hex digits), or null for a paragraph without words. */
  textKey: string | null;
  shingles: Uint32Array | null;
  /** Token hashes in order (document.ts). */
  tokens: Uint32Array;
  /** In a scan: the paragraph's global number there (a group member's body), which its reworded pairs are found by (RewordedPairs). */
  paragraph?: number;
  /** A later piece of a paragraph cut at its sentences (Segment.continues): paragraphNumbers. */
  continues?: boolean;
}

/** Paragraph i of a prepared document as alignment sees it; `paragraph`, its global number in a scan (AlignParagraph.paragraph). */
export function alignParagraphOf(doc: PreparedDocument, i: number, paragraph?: number): AlignParagraph {
  const out: AlignParagraph = {
    startLine: startLine(doc, i),
    endLine: endLine(doc, i),
    text: text(doc, i),
    words: words(doc, i),
    textKey: textKey(doc, i),
    shingles: shingles(doc, i),
    tokens: tokens(doc, i),
    // Chrome cut from a paragraph's end (a site's footer glued to its last line: text/junk.ts,
    // chromeTrailerStart) is a paragraph of its own here, as it is to the scan: joined back, the
    // paragraph kept word for word was "edited" by the footer inserted (`dedupe diff` of a story
    // and its scraped copy, found by a new user).
    continues: continuesParagraph(doc, i) && !isChrome(doc, i),
  };
  if (paragraph !== undefined) out.paragraph = paragraph;
  return out;
}

/** All paragraphs of a prepared document as alignment sees them. */
export function alignParagraphsOf(doc: PreparedDocument): AlignParagraph[] {
  return Array.from({ length: doc.count }, (_, i) => alignParagraphOf(doc, i));
}

export type BlockKind = 'same' | 'edited' | 'merged' | 'split' | 'dropped' | 'added';

/**
 * The paragraph each of alignment's paragraphs belongs to, numbered from 0: a paragraph longer
 * than LONG_PARAGRAPH_CHARS is cut into its sentences for matching (text/segment.ts), and its
 * later pieces say they continue it (Segment.continues). Read from the segmenter, not guessed
 * from line spans: in a hard-wrapped block a sentence often ends at a line's end, and a guess
 * from the lines took such a paragraph for two, and its copy unwrapped for a merge of them
 * (found in review).
 */
export function paragraphNumbers(pieces: readonly AlignParagraph[]): Int32Array {
  const numbers = new Int32Array(pieces.length);
  let paragraph = -1;
  pieces.forEach((piece, k) => {
    const previous = pieces[k - 1];
    // A piece continues the one before it in the list only if that is the piece before it in its
    // document: a group member's body leaves out boilerplate, and the pieces after a left-out
    // one were joined to the paragraph before (found in review).
    const follows = previous !== undefined && piece.continues === true && (piece.paragraph === undefined || previous.paragraph === piece.paragraph - 1);
    if (!follows) paragraph++;
    numbers[k] = paragraph;
  });
  return numbers;
}

/** How many paragraphs the pieces make (paragraphNumbers). */
export function paragraphCount(pieces: readonly AlignParagraph[]): number {
  const numbers = paragraphNumbers(pieces);
  return numbers.length === 0 ? 0 : numbers[numbers.length - 1]! + 1;
}

/** Words of the paragraphs at `indexes`. */
export function wordsIn(paragraphs: readonly AlignParagraph[], indexes: readonly number[]): number {
  let words = 0;
  for (const i of indexes) words += paragraphs[i]!.words;
  return words;
}

/** How many paragraphs (paragraphNumbers) a block's pieces on one side lie in. */
export function paragraphsIn(pieces: readonly number[], numbers: Int32Array): number {
  let count = 0;
  for (let k = 0; k < pieces.length; k++) if (k === 0 || numbers[pieces[k]!] !== numbers[pieces[k - 1]!]) count++;
  return count;
}

/**
 * Words of the block's paragraphs on one side (`from`: the original's, `to`: the copy's) that the
 * other side keeps word for word: all of a `same` block's, and of an edited, merged or split
 * one's the share its word operations leave unchanged (equal words against deleted ones on the
 * `from` side, inserted ones on the `to` side). A paragraph cut to half its words keeps half of
 * them, not all (found by a new user: a copy with 45% of the words cut was said to keep 100%).
 */
function keptWords(block: AlignedBlock, paragraphs: readonly AlignParagraph[], side: 'from' | 'to', movedAcross = 0): number {
  const words = wordsIn(paragraphs, block[side]);
  if (block.kind === 'same' || !block.ops) return words;
  const { deleted, inserted, equal } = changedWords(block.ops);
  // A run deleted in one place and inserted word for word in another (a sentence moved) is kept:
  // a copy that only moved a sentence kept 98% of its original (found by a new user); so is a
  // sentence moved to another paragraph (`movedAcross`, this side's words of it: sentenceRuns).
  const changedOnSide = side === 'from' ? deleted : inserted;
  // Never more than this side changed: a sentence movedWords matched in its block (a run of the
  // same words without its full stop, say) is not counted again as moved across.
  const moved = Math.min(changedOnSide, (deleted > 0 && inserted > 0 ? movedWords(block.ops) : 0) + movedAcross);
  const changed = changedOnSide - moved;
  return equal + moved + changed === 0 ? 0 : (words * (equal + moved)) / (equal + moved + changed);
}

/**
 * Each word operation's key (foldWords), folded once: a comparison asks it of the same runs for
 * its moved sentences and its kept words (folding them twice cost PAN's --json 5%).
 */
const FOLDED = new WeakMap<EditOp, string>();
function folded(op: EditOp): string {
  let key = FOLDED.get(op);
  if (key === undefined) FOLDED.set(op, (key = foldWords(op.text)));
  return key;
}

/** The longest foldWords can make `text`: its length, and one more per "İ" (U+0130), the one character lower-casing lengthens. */
function foldedLengthAtMost(text: string): number {
  let length = text.length;
  for (let at = text.indexOf('\u0130'); at !== -1; at = text.indexOf('\u0130', at + 1)) length++;
  return length;
}

/** Words of the deleted runs that are inserted word for word elsewhere in the same operations (movedKeys). */
function movedWords(ops: readonly EditOp[]): number {
  const deleted = ops.filter((op) => op.op === 'delete');
  const moved = movedKeys(deleted.map(folded), ops.filter((op) => op.op === 'insert').map(folded));
  return deleted.reduce((words, op, k) => (moved[k] ? words + changedWords([op]).deleted : words), 0);
}

/** A whole sentence a block deletes or inserts (sentenceRunWords), and whether it moved: inserted word for word elsewhere in the comparison (or deleted elsewhere). */
export interface SentenceRun {
  /** The run (a dropped or added one-sentence paragraph's whole text as one), matched by its key (folded). */
  op: EditOp;
  /** Its units, as word operations count them. */
  words: number;
  /** Moved within its block (its words already kept by movedWords) or to or from another block. */
  moved: 'within' | 'across' | false;
}

/**
 * Per block, the whole sentences it deletes and inserts, each marked moved when the comparison
 * holds it on the other side too, word for word (movedKeys: case and punctuation aside). The one
 * account of moved sentences, read by the kept words (keptTotals) and the edit kinds
 * (edit-summary.ts). A sentence moved inside its paragraph is a deletion and an insertion of one
 * block; one moved to another paragraph was "sentence dropped, sentence added" with its words
 * lost (found by a new user), and a one-sentence paragraph moved into another is a dropped block
 * and an insertion elsewhere (found in review): a dropped or added block whose text is one
 * sentence counts as that sentence deleted or inserted.
 */
export function sentenceRuns(blocks: readonly AlignedBlock[], from: readonly AlignParagraph[], to: readonly AlignParagraph[]): { deleted: SentenceRun[][]; inserted: SentenceRun[][] } {
  const out = { deleted: blocks.map((): SentenceRun[] => []), inserted: blocks.map((): SentenceRun[] => []) };
  blocks.forEach((block, b) => {
    if (block.ops && block.kind !== 'same') {
      for (const op of block.ops) {
        const words = sentenceRunWords(op);
        if (words > 0) (op.op === 'delete' ? out.deleted : out.inserted)[b]!.push({ op, words, moved: false });
      }
      // Sentences moved inside the block: matched against every run the block writes on the other
      // side (a moved Chinese sentence's full stop is often an unchanged run of its own, so its
      // insertion is no sentence run); only blocks holding a sentence pay for it.
      const [deleted, inserted] = [out.deleted[b]!, out.inserted[b]!];
      // The other side's runs folded to keys, those too short to fold to any of `runs`' keys left
      // out: a word diff writes many runs of a word or two, and folding each was 0.26 s of PAN's
      // --json (cpu profile). A key is never longer than its text but for "İ", which lower-cases
      // to two characters (foldedLengthAtMost; a review).
      const keys = (kind: EditOp['op'], runs: readonly SentenceRun[]): string[] => {
        const shortest = Math.min(...runs.map((run) => folded(run.op).length));
        return block.ops!.filter((op) => op.op === kind && foldedLengthAtMost(op.text) >= shortest).map(folded);
      };
      if (deleted.length > 0) {
        movedKeys(deleted.map((run) => folded(run.op)), keys('insert', deleted)).forEach((moved, k) => {
          if (moved) deleted[k]!.moved = 'within';
        });
      }
      if (inserted.length > 0) {
        movedKeys(inserted.map((run) => folded(run.op)), keys('delete', inserted)).forEach((moved, k) => {
          if (moved) inserted[k]!.moved = 'within';
        });
      }
      return;
    }
    // A dropped or added paragraph of one sentence (one with a break inside is several).
    const [side, list, paragraphs] = block.kind === 'dropped' ? (['delete', out.deleted, from] as const) : block.kind === 'added' ? (['insert', out.inserted, to] as const) : [null, null, null];
    if (side === null) return;
    const indexes = block[side === 'delete' ? 'from' : 'to'];
    if (indexes.length !== 1) return;
    const text = paragraphs[indexes[0]!]!.text.trim();
    if (/[.!?。！？]\s/u.test(text)) return;
    const op: EditOp = { op: side, text };
    const words = sentenceRunWords(op);
    if (words > 0) list[b]!.push({ op, words, moved: false });
  });
  // Those not moved within their block, matched over the whole comparison.
  // Matched by their folded words, whatever their punctuation: a prefilter on counts of
  // space-separated words lost a moved sentence whose dashes became commas (review).
  const left = { deleted: out.deleted.flat().filter((run) => !run.moved), inserted: out.inserted.flat().filter((run) => !run.moved) };
  if (left.deleted.length > 0 && left.inserted.length > 0) {
    const keys = { deleted: left.deleted.map((run) => folded(run.op)), inserted: left.inserted.map((run) => folded(run.op)) };
    movedKeys(keys.deleted, keys.inserted).forEach((moved, k) => {
      if (moved) left.deleted[k]!.moved = 'across';
    });
    movedKeys(keys.inserted, keys.deleted).forEach((moved, k) => {
      if (moved) left.inserted[k]!.moved = 'across';
    });
  }
  return out;
}

/** Words each side keeps word for word over the blocks that pair paragraphs of both (keptWords): coverage's and reuse's numerators. */
export function keptTotals(
  blocks: readonly AlignedBlock[],
  from: readonly AlignParagraph[],
  to: readonly AlignParagraph[],
  runs: { deleted: readonly SentenceRun[][]; inserted: readonly SentenceRun[][] } = sentenceRuns(blocks, from, to),
): { from: number; to: number } {
  const totals = { from: 0, to: 0 };
  const across = (list: readonly SentenceRun[]): number => list.reduce((n, run) => (run.moved === 'across' ? n + run.words : n), 0);
  blocks.forEach((block, b) => {
    const [movedOut, movedIn] = [across(runs.deleted[b]!), across(runs.inserted[b]!)];
    if (block.from.length === 0 || block.to.length === 0) {
      // A one-sentence paragraph dropped here and inserted in another paragraph keeps its words.
      if (movedOut > 0) totals.from += wordsIn(from, block.from);
      if (movedIn > 0) totals.to += wordsIn(to, block.to);
      return;
    }
    totals.from += keptWords(block, from, 'from', movedOut);
    totals.to += keptWords(block, to, 'to', movedIn);
  });
  return totals;
}

export interface AlignedBlock {
  kind: BlockKind;
  /** Indexes into the `from` paragraphs, ascending. */
  from: number[];
  /** Indexes into the `to` paragraphs, ascending. */
  to: number[];
  /** Jaccard similarity of the two sides' shingle sets; 1 for identical text; null when one side is empty. */
  similarity: number | null;
  /** The block's `from` paragraphs come earlier or later than the surrounding order. */
  moved: boolean;
  /** Word operations turning the `from` side into the `to` side (edited, merged, split). */
  ops?: EditOp[];
  /** An edit found by passage alignment (a reworded paragraph): `similarity` is over content words. */
  reworded?: true;
}

function containsRun(haystack: Uint32Array, needle: Uint32Array): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * A shingle (or text, or token) found in more than this many paragraphs of one article is
 * template text ("was sold to the buyer at the auction" on 5,000 lines). Its paragraphs are
 * then only paired with those near the same position in the other article (NEAR_WINDOW either
 * side), so aligning two templated files stays linear instead of measuring every pair (25
 * million pairs for two 5,000-line files: 2 GB, then "Map maximum size exceeded"). Articles
 * without such text (news, the seeds) are aligned exactly as before.
 */
export const COMMON_POSTINGS = 32;
export const NEAR_WINDOW = 32;

/**
 * Calls `visit` for the entries of an ascending posting list, `list[from .. to)`: all of them
 * when the list is short, else those within NEAR_WINDOW of `near`.
 */
function eachPosting(list: ArrayLike<number>, from: number, to: number, near: number, visit: (j: number) => void): void {
  if (to - from <= COMMON_POSTINGS) {
    for (let k = from; k < to; k++) visit(list[k]!);
    return;
  }
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < near - NEAR_WINDOW) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < to && list[k]! <= near + NEAR_WINDOW; k++) visit(list[k]!);
}

/** eachPosting over a whole list (none when there is no list). */
function eachListed(list: readonly number[] | undefined, near: number, visit: (j: number) => void): void {
  if (list) eachPosting(list, 0, list.length, near, visit);
}

/**
 * The `to` paragraphs holding each shingle, ascending, in typed arrays reused by every
 * comparison of a thread: a table of the shingles (word-table.ts), and per shingle its run of
 * `postings`. A Map of arrays, one array per distinct shingle, built afresh for each of a
 * group's members, was a third of comparing PAN's members with their originals.
 */
class ShingleIndex {
  private readonly table = new WordTable(1 << 12);
  /** Per slot: its shingle's first posting and how many (counted, then filled). */
  private start = new Int32Array(1 << 12);
  private count = new Int32Array(1 << 12);
  private filled = new Int32Array(1 << 12);
  postings = new Int32Array(1 << 10);

  /** Indexes the shingles of `to`. */
  build(to: readonly AlignParagraph[]): void {
    let total = 0;
    for (const b of to) if (b.shingles) total += b.shingles.length;
    const { table } = this;
    if (table.reset(total)) {
      this.start = new Int32Array(table.size);
      this.count = new Int32Array(table.size);
      this.filled = new Int32Array(table.size);
    }
    if (this.postings.length < total) this.postings = new Int32Array(total * 2);
    const { start, count, filled, postings } = this;
    for (const b of to) {
      if (!b.shingles) continue;
      for (let k = 0; k < b.shingles.length; k++) {
        const slot = table.slotOf(b.shingles[k]!);
        if (!table.taken(slot)) {
          table.take(slot, b.shingles[k]!);
          count[slot] = 0;
          filled[slot] = -1;
        }
        count[slot]!++;
      }
    }
    // Runs laid out in the order their shingles are first met; paragraphs in order, so each run ascends.
    let next = 0;
    to.forEach((b, j) => {
      if (!b.shingles) return;
      for (let k = 0; k < b.shingles.length; k++) {
        const slot = table.slotOf(b.shingles[k]!);
        if (filled[slot] === -1) {
          start[slot] = next;
          next += count[slot]!;
          filled[slot] = 0;
        }
        postings[start[slot]! + filled[slot]!++] = j;
      }
    });
  }

  /** eachPosting over the `to` paragraphs holding `shingle`. */
  each(shingle: number, near: number, visit: (j: number) => void): void {
    const slot = this.table.slotOf(shingle);
    if (!this.table.taken(slot)) return;
    eachPosting(this.postings, this.start[slot]!, this.start[slot]! + this.count[slot]!, near, visit);
  }
}

const shingleIndex = new ShingleIndex();

function indexInto<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first tokens of the paragraphs with words but no shingles: what a short paragraph is looked up by. */
function firstTokensOfShort(paragraphs: readonly AlignParagraph[]): Set<number> {
  const first = new Set<number>();
  for (const p of paragraphs) if (!p.shingles && p.words > 0) first.add(p.tokens[0]!);
  return first;
}

/** Paragraph numbers by token, for the `wanted` tokens, of the paragraphs with words that `include` takes; each paragraph once per token, ascending. */
function tokenIndex(paragraphs: readonly AlignParagraph[], wanted: ReadonlySet<number>, include: (p: AlignParagraph) => boolean): Map<number, number[]> {
  const index = new Map<number, number[]>();
  if (wanted.size === 0) return index;
  // Every token of every paragraph is looked up: in a typed table, not the Set.
  const lookup = new TokenSet([...wanted]);
  paragraphs.forEach((p, j) => {
    if (p.words === 0 || !include(p)) return;
    for (const token of p.tokens) {
      if (!lookup.has(token)) continue;
      const list = index.get(token);
      if (!list) index.set(token, [j]);
      else if (list[list.length - 1] !== j) list.push(j);
    }
  });
  return index;
}

/** Pairwise measures of the pairs that share something, keyed `i * to.length + j`. */
interface PairMeasures {
  /** Share of from[i] inside to[j]. */
  share: Map<number, number>;
  /** Share of to[j] inside from[i]. */
  reverseShare: Map<number, number>;
  /** Derived pairs (and identical ones, similarity 1). */
  derived: Array<{ i: number; j: number; similarity: number }>;
}

/**
 * Measures only pairs that share something: an inverted index from shingle (or, for short
 * paragraphs, first token) to `to` paragraphs keeps this near-linear, where a full matrix of
 * two 10,000-paragraph files would take gigabytes.
 */
function measurePairs(from: readonly AlignParagraph[], to: readonly AlignParagraph[], rule: DerivationRule): PairMeasures {
  const m = to.length;
  const measures: PairMeasures = { share: new Map(), reverseShare: new Map(), derived: [] };
  const byKey = new Map<string, number[]>();
  to.forEach((b, j) => {
    if (b.textKey !== null) indexInto(byKey, b.textKey, j);
  });
  shingleIndex.build(to);
  // A short paragraph (no shingles) is looked up by its first token only, so only those
  // tokens are indexed: indexing every token of every paragraph was a third of aligning.
  const toByToken = tokenIndex(to, firstTokensOfShort(from), () => true);
  // Where paragraph i of `from` would sit in `to` if both kept their order.
  const nearFrom = (i: number): number => Math.round((i * m) / Math.max(1, from.length));
  // The `to` paragraphs a `from` paragraph touches, each once, in the order first touched.
  const touchedBy = new Int32Array(m).fill(-1);
  const touched: number[] = [];
  from.forEach((a, i) => {
    if (a.words === 0) return;
    touched.length = 0;
    const touch = (j: number): void => {
      if (touchedBy[j] === i) return;
      touchedBy[j] = i;
      touched.push(j);
    };
    const near = nearFrom(i);
    if (a.textKey !== null) eachListed(byKey.get(a.textKey), near, touch);
    if (a.shingles) for (let k = 0; k < a.shingles.length; k++) shingleIndex.each(a.shingles[k]!, near, touch);
    else eachListed(toByToken.get(a.tokens[0]!), near, touch);
    for (const j of touched) measurePair(a, to[j]!, i * m + j, i, j, rule, measures);
  });
  // Short `to` paragraphs inside long `from` ones are found the other way round.
  const fromByToken = tokenIndex(from, firstTokensOfShort(to), (a) => a.shingles !== null);
  to.forEach((b, j) => {
    if (b.shingles || b.words === 0) return;
    eachListed(fromByToken.get(b.tokens[0]!), Math.round((j * from.length) / Math.max(1, m)), (i) => {
      if (!measures.reverseShare.has(i * m + j) && containsRun(from[i]!.tokens, b.tokens)) measures.reverseShare.set(i * m + j, 1);
    });
  });
  return measures;
}

function measurePair(a: AlignParagraph, b: AlignParagraph, key: number, i: number, j: number, rule: DerivationRule, measures: PairMeasures): void {
  if (a.textKey !== null && a.textKey === b.textKey) {
    measures.share.set(key, 1);
    measures.reverseShare.set(key, 1);
    measures.derived.push({ i, j, similarity: 1 });
    return;
  }
  if (a.shingles && b.shingles) {
    const o = overlap(a.shingles, b.shingles);
    measures.share.set(key, o.containmentOfA);
    measures.reverseShare.set(key, o.containmentOfB);
    if (isDerived(o, rule)) measures.derived.push({ i, j, similarity: o.jaccard });
  } else if (!a.shingles && containsRun(b.tokens, a.tokens)) {
    measures.share.set(key, 1);
  }
}

/** Paragraphs already placed in a block, on each side. */
interface Used {
  from: Set<number>;
  to: Set<number>;
}

/**
 * Merges: runs of consecutive `from` paragraphs inside one `to` paragraph (paragraphs without
 * words, such as a stray "<", do not break a run).
 */
function findMerges(from: readonly AlignParagraph[], to: readonly AlignParagraph[], share: ReadonlyMap<number, number>, used: Used): AlignedBlock[] {
  const m = to.length;
  const blocks: AlignedBlock[] = [];
  const wordBearingBefore = new Int32Array(from.length + 1);
  from.forEach((a, i) => (wordBearingBefore[i + 1] = wordBearingBefore[i]! + (a.words > 0 ? 1 : 0)));
  const insideOf = new Map<number, number[]>(); // j -> i, ascending
  for (const [key, value] of share) if (value >= MERGE_PART_CONTAINMENT) indexInto(insideOf, key % m, Math.floor(key / m));
  for (const list of insideOf.values()) list.sort((x, y) => x - y);
  for (const j of [...insideOf.keys()].sort((x, y) => x - y)) {
    const candidates = insideOf.get(j)!.filter((i) => !used.from.has(i));
    let run: number[] = [];
    const flush = (): void => {
      const partWords = run.reduce((n, i) => n + from[i]!.words, 0);
      if (run.length >= 2 && run.some((i) => from[i]!.shingles) && !used.to.has(j) && to[j]!.words >= MERGED_SIZE_SHARE * partWords) {
        blocks.push({ kind: 'merged', from: run, to: [j], similarity: null, moved: false });
        for (const i of run) used.from.add(i);
        used.to.add(j);
      }
      run = [];
    };
    for (const i of candidates) {
      const previous = run[run.length - 1];
      // consecutive: no paragraph with words between the previous part and this one
      if (previous !== undefined && wordBearingBefore[i]! - wordBearingBefore[previous + 1]! > 0) flush();
      run.push(i);
    }
    flush();
  }
  return blocks;
}

/**
 * The parts of a split (indexes, ascending) with the paragraphs next to them or between them
 * that `isShortPart` takes: paragraphs too short for shingles (under --min-words, so never
 * measured as parts) that stand word for word in the split paragraph. A sentence split off into
 * a quote of four words ("“You don’t require them.”") was listed as added, and called a quote
 * added, while the rest of its paragraph was a split (a new user's diff). A merge takes such
 * parts already (findMerges measures every paragraph's share of the merged one).
 */
function withShortParts(parts: readonly number[], isShortPart: (k: number) => boolean): number[] {
  let first = parts[0]!;
  let last = parts[parts.length - 1]!;
  while (isShortPart(first - 1)) first--;
  while (isShortPart(last + 1)) last++;
  const inParts = new Set(parts);
  const out: number[] = [];
  for (let k = first; k <= last; k++) if (inParts.has(k) || isShortPart(k)) out.push(k);
  return out;
}

/** Splits: several `to` paragraphs each lying at least --containment inside one `from` paragraph. */
function findSplits(
  from: readonly AlignParagraph[],
  to: readonly AlignParagraph[],
  reverseShare: ReadonlyMap<number, number>,
  rule: DerivationRule,
  used: Used,
): AlignedBlock[] {
  const m = to.length;
  const blocks: AlignedBlock[] = [];
  const containsOf = new Map<number, number[]>(); // i -> j, ascending
  for (const [key, value] of reverseShare) if (value >= rule.containment) indexInto(containsOf, Math.floor(key / m), key % m);
  for (const list of containsOf.values()) list.sort((x, y) => x - y);
  // The texts of the original's paragraphs too short for shingles, found when a split is: a short
  // paragraph the original also has on its own (a subhead "The sand bar" kept as it was) is
  // that paragraph, not a part of a split beside it (review).
  let shortTexts: Set<string> | null = null;
  const originalHasAlone = (text: string | null): boolean =>
    (shortTexts ??= new Set(from.flatMap((p) => (p.shingles === null && p.textKey !== null ? [p.textKey] : [])))).has(text ?? '');
  for (const i of [...containsOf.keys()].sort((x, y) => x - y)) {
    const a = from[i]!;
    if (used.from.has(i) || !a.shingles) continue;
    const inside = containsOf.get(i)!;
    const parts = inside.filter((j) => !used.to.has(j) && to[j]!.shingles && to[j]!.textKey !== a.textKey);
    if (parts.length < 2 || a.words < MERGED_SIZE_SHARE * parts.reduce((n, j) => n + to[j]!.words, 0)) continue;
    // Short paragraphs inside this one: measurePairs found them word for word in it (reverseShare 1).
    const shortInside = new Set(inside.filter((j) => to[j]!.shingles === null && to[j]!.words > 0 && !used.to.has(j) && !originalHasAlone(to[j]!.textKey)));
    const whole = withShortParts(parts, (k) => shortInside.has(k));
    blocks.push({ kind: 'split', from: [i], to: whole, similarity: null, moved: false });
    used.from.add(i);
    for (const j of whole) used.to.add(j);
  }
  return blocks;
}

/**
 * Paragraphs without words (a "***" section break, a lone "<" or "—") have nothing to measure,
 * so the pairs above never hold them; one in `from` and one in `to` with the same text are the
 * same paragraph, paired in document order. Without this a file compared with itself had such a
 * paragraph dropped and added, and `dedupe diff --exit-code` said the two differed.
 */
function pairWordless(from: readonly AlignParagraph[], to: readonly AlignParagraph[], used: Used): AlignedBlock[] {
  const byText = new Map<string, number[]>();
  to.forEach((b, j) => {
    if (b.words === 0 && !used.to.has(j)) indexInto(byText, b.text.trim(), j);
  });
  const blocks: AlignedBlock[] = [];
  from.forEach((a, i) => {
    if (a.words !== 0 || used.from.has(i)) return;
    const j = byText.get(a.text.trim())?.shift();
    if (j === undefined) return;
    blocks.push({ kind: 'same', from: [i], to: [j], similarity: 1, moved: false });
    used.from.add(i);
    used.to.add(j);
  });
  return blocks;
}

/** One to one, best similarity first (ties: document order). */
function pairOneToOne(derived: PairMeasures['derived'], used: Used): AlignedBlock[] {
  const blocks: AlignedBlock[] = [];
  const sorted = [...derived].sort((x, y) => y.similarity - x.similarity || x.j - y.j || x.i - y.i);
  for (const { i, j, similarity } of sorted) {
    if (used.from.has(i) || used.to.has(j)) continue;
    blocks.push({ kind: similarity === 1 ? 'same' : 'edited', from: [i], to: [j], similarity, moved: false });
    used.from.add(i);
    used.to.add(j);
  }
  return blocks;
}

/**
 * A scan's reworded pairs (the edges its rewrite stage added, rewrite/stage.ts), by variant:
 * comparing a group member with its original, provenance pairs the paragraphs the scan found
 * reworded, besides those passage alignment of the two stories finds. Aligned over the whole
 * stories alone, a paragraph the scan called edited (reworded) from the original could come out
 * added (the stories' words weigh differently than in the scan's regions), and a member whose
 * reworded paragraph was its only tie to the original "kept 0%" of it (found by a new user).
 */
export interface RewordedPairs {
  /** The variant of a paragraph (by its global number). */
  variantOf(paragraph: number): number;
  /** The variants a variant was found reworded with, each with the pair's similarity over content words. */
  partners(variant: number): ReadonlyArray<readonly [variant: number, similarity: number]>;
}

/**
 * The derived-pair rule, and the scan's seed and minimum words: with a seed, reworded paragraphs
 * are paired too, by passage alignment, and given `reworded` and paragraphs that carry their
 * `paragraph` numbers, also as the scan paired them.
 */
export type AlignRule = DerivationRule & {
  seed?: number;
  minWords?: number;
  reworded?: RewordedPairs;
  /** Names read as agencies' credits besides the built-in ones, for the groups' provenance (scan/provenance.ts, creditPatterns). */
  agencies?: readonly string[];
};

/**
 * The blocks aligning `from` with `to`, with their word operations (wordDiff, made afresh: a
 * cache shared with the scan's match lists answered 4% of PAN's diffs and 1% of the 100 MB
 * bench corpus's, and held 125,000 operations alive through the report).
 */
export function alignParagraphs(from: readonly AlignParagraph[], to: readonly AlignParagraph[], rule: AlignRule): AlignedBlock[] {
  const measures = measurePairs(from, to, rule);
  const used: Used = { from: new Set(), to: new Set() };
  const blocks = [
    ...findMerges(from, to, measures.share, used),
    ...findSplits(from, to, measures.reverseShare, rule, used),
    ...pairOneToOne(measures.derived, used),
    ...pairWordless(from, to, used),
  ];
  for (const block of blocks) {
    const fromText = block.from.map((i) => from[i]!.text).join(' ');
    const toText = block.to.map((j) => to[j]!.text).join(' ');
    if (block.kind !== 'same') block.ops = wordDiff(fromText, toText);
    if (block.similarity === null) {
      block.similarity = round3(
        overlap(unionSet(block.from.map((i) => from[i]!.shingles)), unionSet(block.to.map((j) => to[j]!.shingles))).jaccard,
      );
    } else block.similarity = round3(block.similarity);
  }
  markMoved(blocks);
  const ordered = inReadingOrder(blocks, from.length, to.length, used);
  return wholeParagraphs(rule.seed === undefined ? ordered : withRewordedBlocks(ordered, from, to, rule.seed, rule.minWords ?? 0, rule.reworded), from, to);
}

/**
 * Sentence units of an article's paragraphs, kept while the paragraphs are: a group's original
 * is compared with each of its members (provenance.ts, edit-summary.ts), and cutting a long
 * original into sentences again for every member was most of what the comparisons cost (PAN:
 * 0.7 s of a --json report's 1.1 s of reworded pairing).
 */
const unitsCache = new WeakMap<readonly AlignParagraph[], { seed: number; units: Units }>();

function unitsOf(paragraphs: readonly AlignParagraph[], seed: number, stop: TokenSet): Units {
  const known = unitsCache.get(paragraphs);
  if (known && known.seed === seed) return known.units;
  const units = unitsOfParagraphs(paragraphs, stop);
  unitsCache.set(paragraphs, { seed, units });
  return units;
}

/** The passage aligner's scratch space (its tables), reused by every comparison of a thread: one per call cost 34 ms of PAN's --json. */
const aligner = new Aligner();

/** Dropped paragraphs and the copy's paragraphs `targets` the scan found reworded from one another (RewordedPairs), with their similarity. */
function pairsFound(known: RewordedPairs, a: readonly AlignParagraph[], b: readonly AlignParagraph[], dropped: ReadonlySet<number>, targets: ReadonlySet<number>): Array<{ i: number; j: number; similarity: number }> {
  const targetsByVariant = new Map<number, number[]>();
  for (const j of targets) indexInto(targetsByVariant, known.variantOf(b[j]!.paragraph!), j);
  const out: Array<{ i: number; j: number; similarity: number }> = [];
  for (const i of dropped) {
    for (const [variant, similarity] of known.partners(known.variantOf(a[i]!.paragraph!))) {
      for (const j of targetsByVariant.get(variant) ?? []) out.push({ i, j, similarity: round3(similarity) });
    }
  }
  return out;
}

/** Dropped paragraphs and the copy's paragraphs `targets` that passage alignment of the two articles pairs, with their similarity over content words. */
function passagePairs(
  a: readonly AlignParagraph[],
  b: readonly AlignParagraph[],
  seed: number,
  dropped: ReadonlySet<number>,
  targets: ReadonlySet<number>,
  figuresFree: boolean,
): Array<{ i: number; j: number; similarity: number }> {
  const stop = stopTokens(seed);
  const unitsA = unitsOf(a, seed, stop);
  const unitsB = unitsOf(b, seed, stop);
  const align = (free: boolean) => alignPassages(aligner, unitsA, [[0, unitsA.count]], unitsB, [[0, unitsB.count]], (i) => a[i]!.words, (j) => b[j]!.words, null, undefined, free);
  let aligned = align(figuresFree);
  // A pair that swaps a name for another refutes the two articles being one story: they are a
  // template filled in for two issuers who share a bank (a review), and are aligned again with
  // figures that must agree (refutedByNames).
  if (figuresFree && aligned.some((p) => refutedByNames(a[p.a]!.text, b[p.b]!.text))) aligned = align(false);
  return aligned
    .filter((p) => dropped.has(p.a) && targets.has(p.b))
    .map((p) => ({ i: p.a, j: p.b, similarity: round3(overlap(contentWords(a[p.a]!.tokens, stop), contentWords(b[p.b]!.tokens, stop)).jaccard) }));
}

/**
 * A headline is a first paragraph of at most HEADLINE_MAX_WORDS words that ends without a
 * sentence's end (no full stop, question or exclamation mark): the lede is the first paragraph
 * after the headlines. A copy that changed only its headline kept its lede (a new user's copy
 * with a new headline was said to have a new lede, and one with a rewritten lede was not); a
 * short lede that is a sentence ("Three people died in a house fire on Sunday.") is a lede
 * (found in review, where a count of words alone missed it).
 */
const HEADLINE_MAX_WORDS = 20;
const SENTENCE_END = /[.!?]["”’)]?$/;

/** Whether a paragraph reads as running text, not a headline: over HEADLINE_MAX_WORDS words, or ending a sentence. */
export function isBodyShaped(text: string, words: number): boolean {
  return words > HEADLINE_MAX_WORDS || SENTENCE_END.test(text.trimEnd());
}

/**
 * Whether two articles are one story by the paragraphs they keep the same, as a scan's copied
 * pairs are (rewrite/copied-pairs.ts): paragraphs of COPIED_MIN_WORDS words or more holding
 * COPIED_MIN_SHARE of each side's words; and by the names they state (text/names.ts), which
 * two notices of one template sharing a fixed line do not. Their sentences' figures may then
 * differ (passages.ts, figuresDiffer): a write-through updates them.
 */
function figuresMayDiffer(blocks: readonly AlignedBlock[], a: readonly AlignParagraph[], b: readonly AlignParagraph[]): boolean {
  const total = (paragraphs: readonly AlignParagraph[]): number => paragraphs.reduce((sum, p) => sum + p.words, 0);
  const kept = (side: 'from' | 'to', paragraphs: readonly AlignParagraph[]): number =>
    blocks.filter((block) => block.kind === 'same').reduce((sum, block) => sum + block[side].reduce((words, k) => words + (paragraphs[k]!.words >= COPIED_MIN_WORDS ? paragraphs[k]!.words : 0), 0), 0);
  if (kept('from', a) < COPIED_MIN_SHARE * total(a) || kept('to', b) < COPIED_MIN_SHARE * total(b)) return false;
  return sameNames(storyNames(a.map((p) => p.text)), storyNames(b.map((p) => p.text)));
}

/**
 * The dropped and added paragraphs found reworded from one another, by the scan (RewordedPairs)
 * or by passage alignment of the two (rewrite/passages.ts, as the scan's rewrite stage does,
 * for `dedupe diff`): each becomes one edited block, `reworded`, in the added
 * paragraph's place. A pair needs `minWords` words on each side, as in a scan; the most similar
 * pairs (over content words, as a scan ranks a paragraph's matches) are taken first, each
 * paragraph once. A dropped paragraph found reworded into a paragraph of the copy that is
 * already paired one to one with the paragraph next to it in the original joins that block as a
 * merge (rewordedMerges).
 */
function withRewordedBlocks(
  blocks: AlignedBlock[],
  a: readonly AlignParagraph[],
  b: readonly AlignParagraph[],
  seed: number,
  minWords: number,
  known?: RewordedPairs,
): AlignedBlock[] {
  const dropped = new Set(blocks.filter((k) => k.kind === 'dropped').map((k) => k.from[0]!));
  const added = new Set(blocks.filter((k) => k.kind === 'added').map((k) => k.to[0]!));
  if (dropped.size === 0 && added.size === 0) return blocks;
  // The copy's paragraphs paired one to one and changed, which a dropped paragraph next to its
  // pair may have been merged into; one kept word for word holds nothing of another (a
  // paragraph cut for restating the lede was "merged" into the lede kept as it was; review).
  // By the original's side, the paragraphs an added one next to their pair may be split from.
  const single = new Map<number, AlignedBlock>();
  const singleFrom = new Map<number, AlignedBlock>();
  for (const block of blocks) {
    if (block.kind !== 'edited' || block.from.length !== 1 || block.to.length !== 1) continue;
    single.set(block.to[0]!, block);
    singleFrom.set(block.from[0]!, block);
  }
  if (added.size === 0 && single.size === 0) return blocks;
  const targets = new Set([...added, ...single.keys()]);
  const sources = new Set([...dropped, ...(added.size > 0 ? singleFrom.keys() : [])]);
  // A pair needs minWords words a side (below): with no dropped paragraph or no target that long,
  // nothing can be paired, and the passage alignment of the two articles is not run.
  const longEnough = (paragraphs: readonly AlignParagraph[], indexes: ReadonlySet<number>): boolean => [...indexes].some((k) => paragraphs[k]!.words >= minWords);
  if (!longEnough(a, sources) || !longEnough(b, targets)) return blocks;
  // The pairs the scan found, then those passage alignment of the two finds: two copies of one
  // source reworded each in its own way share no pair the scan made (each was paired with the
  // source), yet one is reworded from the other. Passage alignment of two whole articles is the
  // cost of a comparison: in a scan, a merge or a split is looked for among the scan's pairs only
  // unless a dropped and an added paragraph ask for the alignment anyway.
  const scanned = known !== undefined && a.every((p) => p.paragraph !== undefined) && b.every((p) => p.paragraph !== undefined);
  const aligning = !scanned || (added.size > 0 && dropped.size > 0);
  const candidates = [...(scanned ? pairsFound(known, a, b, sources, targets) : []), ...(aligning ? passagePairs(a, b, seed, sources, targets, figuresMayDiffer(blocks, a, b)) : [])];
  const aligned = candidates
    .filter(({ i, j }) => a[i]!.words >= minWords && b[j]!.words >= minWords)
    .sort((x, y) => y.similarity - x.similarity || x.j - y.j || x.i - y.i);
  const fromDropped = aligned.filter(({ i }) => dropped.has(i));
  const pairedTo = new Map<number, AlignedBlock>();
  const pairedFrom = new Set<number>();
  for (const { i, j, similarity } of fromDropped) {
    if (pairedFrom.has(i) || pairedTo.has(j) || !added.has(j)) continue;
    pairedTo.set(j, { kind: 'edited', from: [i], to: [j], similarity, moved: false, ops: wordDiff(a[i]!.text, b[j]!.text), reworded: true });
    pairedFrom.add(i);
  }
  const stop = stopTokens(seed);
  const merged = rewordedMerges(fromDropped, pairedFrom, pairedTo, single, a, b, stop);
  const intoAdded = aligned.filter(({ i, j }) => singleFrom.has(i) && added.has(j) && !pairedTo.has(j));
  const split = rewordedSplits(intoAdded, new Map([...singleFrom].filter(([, block]) => !merged.has(block))), b, a, stop);
  if (pairedTo.size === 0 && merged.size === 0 && split.size === 0) return blocks;
  const matched = [...blocks.filter((k) => k.kind !== 'dropped' && k.kind !== 'added').map((k) => merged.get(k) ?? split.get(k) ?? k), ...pairedTo.values()];
  markMoved(matched);
  // Put in reading order again (dropped and added paragraphs among them): the blocks were
  // ordered before these pairs were known, and with each pair left in its added paragraph's
  // place a dropped paragraph once before them all came first (`5 → -` above `1 → 1`) and
  // paired paragraphs followed the dropped ones after them (a new user's diff).
  const used: Used = { from: new Set(matched.flatMap((k) => k.from)), to: new Set(matched.flatMap((k) => k.to)) };
  return inReadingOrder(matched, a.length, b.length, used);
}

/**
 * Whether paragraph x lies just before or just after the run `run` (ascending indexes) of
 * `paragraphs`, with no paragraph with words between: a reworded part of a merge or a split
 * (rewordedMerges, rewordedSplits) sits beside what it was joined to or cut from.
 */
function nextTo(paragraphs: readonly AlignParagraph[], x: number, run: readonly number[]): boolean {
  const [low, high] = [run[0]!, run[run.length - 1]!];
  const wordsBetween = (from: number, to: number): boolean => {
    for (let k = from + 1; k < to; k++) if (paragraphs[k]!.words > 0) return true;
    return false;
  };
  return x < low ? !wordsBetween(x, low) : x > high && !wordsBetween(high, x);
}

/**
 * Merges whose second part was reworded: a dropped paragraph of the original (not paired yet:
 * `paired` gets those taken here) found reworded into a copy's paragraph that a one-to-one block
 * pairs with the original's paragraph just before or after it (no paragraph with words between)
 * joins that block, which becomes a merge of the two. findMerges finds a merge by the parts'
 * shingles, which a reworded part has lost: a copy that joined two paragraphs and retold the
 * second read "trimmed from the bottom (2)" and listed it dropped (a new user's run). Only running
 * text (isBodyShaped) is merged this way: a headline retold in its lede was merged into it. A block
 * paired here (`pairedTo`, reworded) is replaced there; per block of `single` replaced, its merge.
 */
function rewordedMerges(
  aligned: ReadonlyArray<{ i: number; j: number }>,
  paired: Set<number>,
  pairedTo: Map<number, AlignedBlock>,
  single: ReadonlyMap<number, AlignedBlock>,
  a: readonly AlignParagraph[],
  b: readonly AlignParagraph[],
  stop: TokenSet,
): Map<AlignedBlock, AlignedBlock> {
  const out = new Map<AlignedBlock, AlignedBlock>();
  const taken = new Map<number, AlignedBlock>();
  for (const { i, j } of aligned) {
    if (paired.has(i)) continue;
    const block = taken.get(j) ?? pairedTo.get(j) ?? single.get(j);
    if (!block) continue;
    // A headline repeats its lede's words, and is not merged into it (the reworded fixture's was).
    if (![i, ...block.from].every((x) => isBodyShaped(a[x]!.text, a[x]!.words))) continue;
    if (!nextTo(a, i, block.from)) continue;
    const from = [...block.from, i].sort((x, y) => x - y);
    const fromText = from.map((x) => a[x]!.text).join(' ');
    // A reworded block's similarity is over content words (its `~`), a merge's over shingles.
    const similarity =
      block.reworded === true
        ? overlap(contentWordsOf(from.map((x) => a[x]!.tokens), stop), contentWords(b[j]!.tokens, stop)).jaccard
        : overlap(unionSet(from.map((x) => a[x]!.shingles)), unionSet([b[j]!.shingles])).jaccard;
    const merge: AlignedBlock = {
      kind: 'merged',
      from,
      to: [j],
      similarity: round3(similarity),
      moved: false,
      ops: wordDiff(fromText, b[j]!.text),
      ...(block.reworded === true ? { reworded: true } : {}),
    };
    if (pairedTo.has(j)) pairedTo.set(j, merge);
    else out.set(single.get(j)!, merge);
    taken.set(j, merge);
    paired.add(i);
  }
  return out;
}

/**
 * Splits whose second part was reworded, as rewordedMerges' merges: an added paragraph of the
 * copy found reworded from an original's paragraph that a one-to-one edited block pairs with the
 * copy's paragraph just before or after the added one (no paragraph with words between) joins
 * that block, which becomes a split of the one into both. findSplits finds a split by the
 * parts' shingles, which a reworded part has lost: a bulletin that cut a wire story's lede in
 * two and retold its second half ("..., knocking out power to 200,000 homes" into "... on
 * Saturday." and "It knocked out power to 200,000 homes") read an edited lede and an added
 * paragraph, and its group line "new lede" (a new user's trial). Only running text
 * (isBodyShaped), as for merges. `aligned`: pairs (i, j) of such paragraphs, the most similar
 * first; `singleFrom`: the blocks by their original paragraph. Per block replaced, its split.
 */
function rewordedSplits(
  aligned: ReadonlyArray<{ i: number; j: number }>,
  singleFrom: ReadonlyMap<number, AlignedBlock>,
  b: readonly AlignParagraph[],
  a: readonly AlignParagraph[],
  stop: TokenSet,
): Map<AlignedBlock, AlignedBlock> {
  const out = new Map<AlignedBlock, AlignedBlock>();
  const splitOf = new Map<number, AlignedBlock>();
  const taken = new Set<number>();
  for (const { i, j } of aligned) {
    const block = splitOf.get(i) ?? singleFrom.get(i);
    if (!block || taken.has(j)) continue;
    if (![j, ...block.to].every((y) => isBodyShaped(b[y]!.text, b[y]!.words))) continue;
    if (!nextTo(b, j, block.to)) continue;
    const to = [...block.to, j].sort((x, y) => x - y);
    const toText = to.map((y) => b[y]!.text).join(' ');
    const split: AlignedBlock = {
      kind: 'split',
      from: [i],
      to,
      // Over content words, as a reworded block's (its `~`).
      similarity: round3(overlap(contentWords(a[i]!.tokens, stop), contentWordsOf(to.map((y) => b[y]!.tokens), stop)).jaccard),
      moved: false,
      ops: wordDiff(a[i]!.text, toText),
      reworded: true,
    };
    out.set(singleFrom.get(i)!, split);
    splitOf.set(i, split);
    taken.add(j);
  }
  return out;
}

/**
 * Blocks over the pieces of long paragraphs (cut at sentences, paragraphNumbers) joined into
 * blocks over whole paragraphs: two paragraphs merged into one line of over 600 characters were
 * two "splits" of each into the pieces of that line, with word operations deleting the
 * sentences the other pieces hold (found by a new user), and a long paragraph with one word
 * changed was four same pieces and an edited one. A group of blocks joined through shared
 * paragraphs becomes one block:
 * - one paragraph with one other: one edited (or same) block, its pieces dropped or added on
 *   the way becoming deleted or inserted sentences in it when the rest keeps half of each side
 *   (JOIN_MIN_KEPT_SHARE) (a sentence dropped, added or moved inside a long paragraph read as
 *   pieces "same", "same", "dropped"; found by a new user);
 * - consecutive paragraphs with one (merged), or one with several (split), their dropped and
 *   added pieces taken in alike.
 * Its word operations are one diff of the two texts up to JOIN_DIFF_MAX_WORDS a side, else its
 * blocks' in order (a diff is quadratic in what changed). A merge (split) left of pieces of one
 * paragraph into one other is an edit of it. A paragraph all of whose pieces were dropped (or
 * added) is one dropped (added) block. Where pieces of a paragraph went to several others, they
 * stay blocks of their own.
 */
function wholeParagraphs(blocks: AlignedBlock[], from: readonly AlignParagraph[], to: readonly AlignParagraph[]): AlignedBlock[] {
  const fromParagraph = paragraphNumbers(from);
  const toParagraph = paragraphNumbers(to);
  const fromPieces = piecesPerParagraph(fromParagraph);
  const toPieces = piecesPerParagraph(toParagraph);
  if (fromPieces.length === from.length && toPieces.length === to.length) return blocks;
  // The block each dropped (added) piece is in.
  const droppedBlock = new Map<number, number>();
  const addedBlock = new Map<number, number>();
  blocks.forEach((block, k) => {
    if (block.kind === 'dropped') droppedBlock.set(block.from[0]!, k);
    if (block.kind === 'added') addedBlock.set(block.to[0]!, k);
  });
  const replaced = new Map<number, AlignedBlock | null>();
  const replace = (indexes: readonly number[], joined: AlignedBlock): void => {
    // In the place of the earliest of them in reading order (a loop: a spread of 150,000 overflowed the stack).
    let first = indexes[0]!;
    for (const k of indexes) if (k < first) first = k;
    for (const k of indexes) replaced.set(k, k === first ? joined : null);
  };
  const sides = { from: sidePieces(fromParagraph, fromPieces, droppedBlock), to: sidePieces(toParagraph, toPieces, addedBlock) };
  for (const members of blocksByParagraphs(blocks, fromParagraph, toParagraph)) {
    const joined = joinedBlock(members.map((k) => blocks[k]!), from, to, sides);
    if (joined) replace([...members, ...joined.absorbed.from.map((i) => droppedBlock.get(i)!), ...joined.absorbed.to.map((j) => addedBlock.get(j)!)], joined.block);
  }
  // Paragraphs dropped (added) whole: their pieces' blocks as one.
  const lost = (side: 'from' | 'to', kind: BlockKind, paragraphOf: Int32Array, pieces: Int32Array): void => {
    const blocksOf = new Map<number, number[]>();
    blocks.forEach((block, k) => {
      if (block.kind === kind && !replaced.has(k)) indexInto(blocksOf, paragraphOf[block[side][0]!]!, k);
    });
    for (const [paragraph, list] of blocksOf) {
      if (list.length < 2 || list.length !== pieces[paragraph]) continue;
      const indexes = list.map((k) => blocks[k]![side][0]!).sort((x, y) => x - y);
      replace(list, { kind, from: side === 'from' ? indexes : [], to: side === 'to' ? indexes : [], similarity: null, moved: false });
    }
  };
  lost('from', 'dropped', fromParagraph, fromPieces);
  lost('to', 'added', toParagraph, toPieces);
  const out: AlignedBlock[] = [];
  blocks.forEach((block, k) => {
    const instead = replaced.get(k);
    if (instead === undefined) out.push(withinOneParagraph(block, fromParagraph, toParagraph));
    else if (instead !== null) out.push(instead);
  });
  if (replaced.size > 0) markMoved(out.filter((block) => block.from.length > 0 && block.to.length > 0));
  markCrossing(out, fromParagraph, toParagraph);
  return out;
}

/**
 * A piece that went to another paragraph than the rest of its paragraph moved: a sentence moved
 * across the break between two long paragraphs left every piece "same" in order, and `dedupe
 * diff` said "no change" (found by a new user). Each paragraph's partner is the one holding most
 * of its pieces; a one-piece block to another paragraph is marked moved.
 */
function markCrossing(blocks: readonly AlignedBlock[], fromParagraph: Int32Array, toParagraph: Int32Array): void {
  const votes = new Map<number, Map<number, number>>();
  for (const block of blocks) {
    for (const i of block.from) {
      for (const j of block.to) {
        const g = fromParagraph[i]!;
        let tally = votes.get(g);
        if (!tally) votes.set(g, (tally = new Map()));
        tally.set(toParagraph[j]!, (tally.get(toParagraph[j]!) ?? 0) + 1);
      }
    }
  }
  const partner = (g: number): number => {
    let best = -1;
    let most = 0;
    for (const [h, n] of votes.get(g) ?? []) if (n > most || (n === most && h < best)) [best, most] = [h, n];
    return best;
  };
  for (const block of blocks) {
    if (block.from.length !== 1 || block.to.length !== 1) continue;
    if (partner(fromParagraph[block.from[0]!]!) !== toParagraph[block.to[0]!]) block.moved = true;
  }
}

/** A merge of pieces of one paragraph into one (or a split of one into pieces of one) is an edit of that paragraph, not a merge (split) of paragraphs. */
function withinOneParagraph(block: AlignedBlock, fromParagraph: Int32Array, toParagraph: Int32Array): AlignedBlock {
  const one = (indexes: readonly number[], numbers: Int32Array): boolean => indexes.every((i) => numbers[i] === numbers[indexes[0]!]);
  if ((block.kind === 'merged' || block.kind === 'split') && one(block.from, fromParagraph) && one(block.to, toParagraph)) return { ...block, kind: 'edited' };
  return block;
}

/** A long paragraph's dropped (added) pieces join its block when its matched pieces hold at least this share of its words, on each side. */
export const JOIN_MIN_KEPT_SHARE = 0.5;

/**
 * Paragraphs joined from pieces are diffed whole (one diff of the joined texts) up to this many
 * words a side, a long news paragraph's; longer ones join their pieces' operations, and stay
 * pieces when reordered.
 */
export const JOIN_DIFF_MAX_WORDS = 300;

/** How many pieces each paragraph has (paragraphNumbers). */
function piecesPerParagraph(numbers: Int32Array): Int32Array {
  const counts = new Int32Array(numbers.length === 0 ? 0 : numbers[numbers.length - 1]! + 1);
  for (const n of numbers) counts[n]!++;
  return counts;
}

/** Each paragraph's first piece (its pieces are consecutive), from the pieces per paragraph. */
function firstPieces(pieces: Int32Array): Int32Array {
  const first = new Int32Array(pieces.length);
  for (let p = 1; p < pieces.length; p++) first[p] = first[p - 1]! + pieces[p - 1]!;
  return first;
}

/** The matched blocks in groups joined through a paragraph of either side, each group in `from` order. */
function blocksByParagraphs(blocks: readonly AlignedBlock[], fromParagraph: Int32Array, toParagraph: Int32Array): number[][] {
  const parent = blocks.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  const matched = (block: AlignedBlock): boolean => block.from.length > 0 && block.to.length > 0;
  const firstBlockOf = new Map<number, number>();
  blocks.forEach((block, k) => {
    if (!matched(block)) return;
    // Paragraphs of the two sides keyed apart: from's as 2n, to's as 2n + 1.
    for (const key of [...block.from.map((i) => 2 * fromParagraph[i]!), ...block.to.map((j) => 2 * toParagraph[j]! + 1)]) {
      const first = firstBlockOf.get(key);
      if (first === undefined) firstBlockOf.set(key, k);
      else parent[root(k)] = root(first);
    }
  });
  const groups = new Map<number, number[]>();
  blocks.forEach((block, k) => {
    if (matched(block)) indexInto(groups, root(k), k);
  });
  return [...groups.values()].map((members) => members.sort((x, y) => blocks[x]!.from[0]! - blocks[y]!.from[0]!));
}

/** What joining pieces reads of one side: each piece's paragraph, each paragraph's pieces (how many, the first), and the block of each piece lost on that side (dropped or added). */
interface SidePieces {
  paragraph: Int32Array;
  pieces: Int32Array;
  first: Int32Array;
  lost: ReadonlyMap<number, number>;
}

function sidePieces(paragraph: Int32Array, pieces: Int32Array, lost: ReadonlyMap<number, number>): SidePieces {
  return { paragraph, pieces, first: firstPieces(pieces), lost };
}

/** Words of a text as word operations write them: single spaces between. */
const spaced = (text: string): string => text.split(/\s+/).filter(Boolean).join(' ');

/**
 * One block for a group of blocks (in `from` order) over whole paragraphs, with the dropped and
 * added pieces it takes in, or null when they do not make one (wholeParagraphs).
 */
function joinedBlock(
  members: readonly AlignedBlock[],
  from: readonly AlignParagraph[],
  to: readonly AlignParagraph[],
  sides: { from: SidePieces; to: SidePieces },
): { block: AlignedBlock; absorbed: { from: number[]; to: number[] } } | null {
  // In the same order on both sides: each block's pieces after the one before's.
  let inOrder = true;
  for (let k = 1; k < members.length && inOrder; k++) {
    const [before, after] = [members[k - 1]!, members[k]!];
    inOrder = after.from[0]! > before.from[before.from.length - 1]! && after.to[0]! > before.to[before.to.length - 1]!;
  }
  const matchedFrom = members.flatMap((b) => b.from).sort((x, y) => x - y);
  const matchedTo = members.flatMap((b) => b.to).sort((x, y) => x - y);
  const fromParagraphs = [...new Set(matchedFrom.map((i) => sides.from.paragraph[i]!))];
  const toParagraphs = [...new Set(matchedTo.map((j) => sides.to.paragraph[j]!))];
  if (fromParagraphs.length > 1 && toParagraphs.length > 1) return null;
  // The paragraphs' other pieces: dropped (added) ones are taken in by one paragraph with one
  // other; anything else, or any at all in a merge or a split, leaves the blocks as they are.
  const others = (paragraphs: readonly number[], side: SidePieces, matched: readonly number[]): number[] | null => {
    const inBlock = new Set(matched);
    const out: number[] = [];
    // A paragraph's pieces are consecutive: from its first, as many as it has.
    for (const paragraph of paragraphs) {
      for (let piece = side.first[paragraph]!; piece < side.first[paragraph]! + side.pieces[paragraph]!; piece++) {
        if (inBlock.has(piece)) continue;
        if (!side.lost.has(piece)) return null;
        out.push(piece);
      }
    }
    return out.sort((x, y) => x - y);
  };
  const droppedPieces = others(fromParagraphs, sides.from, matchedFrom);
  const addedPieces = others(toParagraphs, sides.to, matchedTo);
  if (droppedPieces === null || addedPieces === null) return null;
  const lostPieces = droppedPieces.length + addedPieces.length;
  const cut = sides.from.pieces[fromParagraphs[0]!]! > 1 || sides.to.pieces[toParagraphs[0]!]! > 1 || fromParagraphs.length > 1 || toParagraphs.length > 1;
  if (!cut) return null;
  if (fromParagraphs.length > 1) {
    // A merge joins consecutive paragraphs whole (findMerges' rule too).
    if (fromParagraphs[fromParagraphs.length - 1]! - fromParagraphs[0]! !== fromParagraphs.length - 1) return null;
  } else if (fromParagraphs.length === 1 && toParagraphs.length === 1 && matchedFrom.length === 1 && matchedTo.length === 1 && lostPieces === 0) {
    return null; // one piece with one piece: already a paragraph's block
  }
  const fromIndexes = [...matchedFrom, ...droppedPieces].sort((x, y) => x - y);
  const toIndexes = [...matchedTo, ...addedPieces].sort((x, y) => x - y);
  const same = inOrder && lostPieces === 0 && members.every((b) => b.kind === 'same');
  const kind: BlockKind = fromParagraphs.length > 1 ? 'merged' : toParagraphs.length > 1 ? 'split' : same ? 'same' : 'edited';
  const block: AlignedBlock = { kind, from: fromIndexes, to: toIndexes, similarity: 1, moved: false };
  const absorbed = { from: droppedPieces, to: addedPieces };
  if (kind === 'same') return { block, absorbed };
  // Up to JOIN_DIFF_MAX_WORDS a side (a news paragraph), one diff of the two paragraphs' texts,
  // as a diff of two paragraphs is: where the pieces are cut moves with an inserted sentence
  // (short sentences go in pairs), and reordered pieces are diffed as text. Longer (PAN's
  // paragraphs of hundreds of words, where one diff made --json 45% slower: a diff is quadratic
  // in what changed), the pieces' own operations in order, dropped and added pieces placed
  // between them, when the pieces are in order and none lies inside another block's span.
  const fromWords = wordsIn(from, fromIndexes);
  const toWords = wordsIn(to, toIndexes);
  if (sameWords(from, fromIndexes, to, toIndexes)) {
    // The same words in the same order, only the breaks moved (an article whose line breaks were
    // lost, all on one line): one unchanged run. Over JOIN_DIFF_MAX_WORDS the pieces' own
    // operations, cut where the two sides' pieces are, read as sentences dropped, added and
    // moved (a new user's run: "keeps 97%; sentence dropped (2), sentence moved, sentence added").
    block.ops = [{ op: 'equal', text: toIndexes.map((j) => to[j]!.text).join(' ') }];
  } else if (fromWords <= JOIN_DIFF_MAX_WORDS && toWords <= JOIN_DIFF_MAX_WORDS) {
    block.ops = wordDiff(fromIndexes.map((i) => from[i]!.text).join(' '), toIndexes.map((j) => to[j]!.text).join(' '));
  } else if (inOrder && !members.some((b) => straddles(b.from, droppedPieces) || straddles(b.to, addedPieces))) {
    // The equal words are the matched pieces' at most: when those are under JOIN_MIN_KEPT_SHARE
    // of a side, the join fails the test below; found without building the operations (PAN's
    // long paragraphs with a few sentences in common made --json 5% slower).
    if (lostPieces > 0 && (wordsIn(from, matchedFrom) < JOIN_MIN_KEPT_SHARE * fromWords || wordsIn(to, matchedTo) < JOIN_MIN_KEPT_SHARE * toWords)) return null;
    block.ops = opsInOrder(members, from, to, droppedPieces, addedPieces);
  } else return null;
  // Pieces dropped or added are taken in only when most of each paragraph is kept in the
  // other (JOIN_MIN_KEPT_SHARE): a sentence or two of a long paragraph borrowed by another stay
  // pieces of their own.
  if (lostPieces > 0) {
    const { deleted, inserted, equal } = changedWords(block.ops);
    if (equal < JOIN_MIN_KEPT_SHARE * (equal + deleted) || equal < JOIN_MIN_KEPT_SHARE * (equal + inserted)) return null;
  }
  block.similarity = round3(overlap(unionSet(fromIndexes.map((i) => from[i]!.shingles)), unionSet(toIndexes.map((j) => to[j]!.shingles))).jaccard);
  return { block, absorbed };
}

/** Whether paragraphs `fromIndexes` of `from` and `toIndexes` of `to`, each joined in order, have the same tokens in the same order. */
function sameWords(from: readonly AlignParagraph[], fromIndexes: readonly number[], to: readonly AlignParagraph[], toIndexes: readonly number[]): boolean {
  let j = 0; // the `to` paragraph read, and the next token in it
  let at = 0;
  for (const i of fromIndexes) {
    const tokens = from[i]!.tokens;
    for (let k = 0; k < tokens.length; k++) {
      while (j < toIndexes.length && at >= to[toIndexes[j]!]!.tokens.length) {
        j++;
        at = 0;
      }
      if (j >= toIndexes.length || to[toIndexes[j]!]!.tokens[at++] !== tokens[k]) return false;
    }
  }
  while (j < toIndexes.length && at >= to[toIndexes[j]!]!.tokens.length) {
    j++;
    at = 0;
  }
  return j >= toIndexes.length;
}

/** Whether one of `lost` lies between the first and the last of a block's pieces (its pieces ascend). */
function straddles(pieces: readonly number[], lost: readonly number[]): boolean {
  const [first, last] = [pieces[0]!, pieces[pieces.length - 1]!];
  return lost.some((piece) => piece > first && piece < last);
}

/**
 * The word operations of blocks in order on both sides (a same block's text as one equal run),
 * with the dropped pieces between them deleted and the added ones inserted where they lie; runs
 * of one kind joined.
 */
function opsInOrder(members: readonly AlignedBlock[], from: readonly AlignParagraph[], to: readonly AlignParagraph[], dropped: readonly number[], added: readonly number[]): EditOp[] {
  const ops: EditOp[] = [];
  const push = (op: EditOp): void => {
    if (op.text === '') return;
    const last = ops[ops.length - 1];
    if (last && last.op === op.op) last.text = `${last.text} ${op.text}`;
    else ops.push({ ...op });
  };
  let d = 0;
  let a = 0;
  const lostBefore = (fromLimit: number, toLimit: number): void => {
    for (; d < dropped.length && dropped[d]! < fromLimit; d++) push({ op: 'delete', text: spaced(from[dropped[d]!]!.text) });
    for (; a < added.length && added[a]! < toLimit; a++) push({ op: 'insert', text: spaced(to[added[a]!]!.text) });
  };
  for (const block of members) {
    lostBefore(block.from[0]!, block.to[0]!);
    for (const op of block.ops ?? [{ op: 'equal' as const, text: spaced(block.to.map((j) => to[j]!.text).join(' ')) }]) push(op);
  }
  lostBefore(Infinity, Infinity);
  return ops;
}

/**
 * Reading order: the `to` article's order, each dropped paragraph placed before the first block
 * that comes after it in `from`, and added paragraphs in place.
 */
function inReadingOrder(blocks: AlignedBlock[], fromCount: number, toCount: number, used: Used): AlignedBlock[] {
  const matched = blocks.sort((x, y) => x.to[0]! - y.to[0]!);
  const dropped: number[] = [];
  for (let i = 0; i < fromCount; i++) if (!used.from.has(i)) dropped.push(i);
  const ordered: AlignedBlock[] = [];
  let next = 0;
  for (const block of matched) {
    if (!block.moved) {
      while (next < dropped.length && dropped[next]! < block.from[0]!) {
        ordered.push({ kind: 'dropped', from: [dropped[next++]!], to: [], similarity: null, moved: false });
      }
    }
    ordered.push(block);
  }
  while (next < dropped.length) ordered.push({ kind: 'dropped', from: [dropped[next++]!], to: [], similarity: null, moved: false });
  const result: AlignedBlock[] = [];
  let toNext = 0;
  const emitAddedBefore = (limit: number): void => {
    for (; toNext < limit; toNext++) {
      if (!used.to.has(toNext)) result.push({ kind: 'added', from: [], to: [toNext], similarity: null, moved: false });
    }
  };
  for (const block of ordered) {
    if (block.to.length > 0) emitAddedBefore(block.to[0]!);
    result.push(block);
    if (block.to.length > 0) toNext = Math.max(toNext, block.to[0]! + 1);
  }
  emitAddedBefore(toCount);
  return result;
}

/**
 * Blocks outside the longest increasing run of `from` positions (in `to` order) have moved.
 * Patience sorting: O(n log n).
 */
function markMoved(blocks: AlignedBlock[]): void {
  const sequence = [...blocks].sort((x, y) => x.to[0]! - y.to[0]!);
  const tails: number[] = []; // index into sequence of the smallest tail of each run length
  const previous = new Int32Array(sequence.length).fill(-1);
  sequence.forEach((block, k) => {
    const value = block.from[0]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sequence[tails[mid]!]!.from[0]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1]!;
    tails[low] = k;
  });
  const inOrder = new Set<AlignedBlock>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) inOrder.add(sequence[k]!);
  for (const block of blocks) block.moved = !inOrder.has(block);
}
