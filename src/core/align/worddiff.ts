/**
 * Word-level differences between two paragraphs: Myers' O(ND) algorithm over the words' keys
 * (myers.ts, which gives the scripts jsdiff's diffArrays gave).
 *
 * Words are compared the way matching compares them (case, punctuation and quote style
 * folded), so a reprint that swaps straight for curly quotes shows no change there, while
 * "US" → "American" shows as a deletion and an insertion. The text of each operation is the
 * original words joined by single spaces: `equal` and `insert` texts rebuild the new
 * paragraph, `equal` and `delete` texts the old one.
 */
import { FAST_TOKEN, foldWords, hasUnspacedScript, tokenize } from '../text/normalize.js';
import type { EditOp } from '../types.js';
import { DELETED, EQUAL, INSERTED, SequenceDiffer } from './myers.js';

export type { EditOp };

/**
 * A text's words as diff units, in parallel arrays (an object per word was most of the word
 * diffs' garbage): each unit's text, the key matching compares, and whether whitespace followed
 * it in the text (false inside a run of Chinese characters).
 */
interface WordList {
  texts: string[];
  keys: string[];
  spaced: boolean[];
}

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]/g;
/** One unit per character of a script written without spaces, or a run of anything else. */
const UNSPACED_UNITS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;

const ASCII_WORD = /^[a-z0-9]*$/;

/**
 * The key of a lower-cased ASCII word: matching's tokens of it, joined by a space. "U.S." is two
 * tokens to matching ("u s"), so it differs from "US" here too: folded to "us" it was equal, and
 * a paragraph matching called edited showed no change (found by a new user).
 */
function asciiKey(lower: string): string {
  if (ASCII_WORD.test(lower)) return lower;
  const tokens = lower.match(FAST_TOKEN);
  if (tokens === null) return '';
  return tokens.map((token) => token.replace(NOT_ASCII_WORD, '')).join(' ');
}

/**
 * The words of a text as diff units, each with the key matching compares (normalize.ts's
 * folding, punctuation dropped). Chinese, Japanese or Thai runs become one unit per character,
 * as they are tokenised for matching, so their diffs show what changed.
 */
function words(text: string): WordList {
  const list: WordList = { texts: [], keys: [], spaced: [] };
  for (const word of text.match(/\S+/g) ?? []) {
    // ASCII words (nearly all of English news) need no Unicode folding: lower case and cut into
    // matching's tokens (asciiKey). NFKC per word was most of a scan's diff time; other words
    // are tokenised as matching does (normalize.ts, tokenize).
    if (ASCII.test(word)) {
      list.texts.push(word);
      list.keys.push(asciiKey(word.toLowerCase()));
      list.spaced.push(true);
      continue;
    }
    const pieces = hasUnspacedScript(word) ? (word.match(UNSPACED_UNITS) ?? [word]) : [word];
    pieces.forEach((piece, k) => {
      list.texts.push(piece);
      list.keys.push(tokenize(piece).tokens.join(' '));
      list.spaced.push(k === pieces.length - 1);
    });
  }
  return list;
}

/** The words of a text as word operations count them (a character of Chinese, Japanese or Thai each). */
export function unitsOf(text: string): Array<{ text: string; spaced: boolean }> {
  const list = words(text);
  return list.texts.map((unit, k) => ({ text: unit, spaced: list.spaced[k]! }));
}

const SPACED_WORD = /\S+/g;

/** How many units `unitsOf` finds in a text, without making them (the JSON report counts every run of unchanged words). */
export function countUnits(text: string): number {
  if (hasUnspacedScript(text)) return words(text).texts.length;
  let count = 0;
  SPACED_WORD.lastIndex = 0;
  while (SPACED_WORD.exec(text) !== null) count++;
  return count;
}

/** Word runs of at least this length with a sentence end count as whole sentences (sentenceRunWords). */
export const SENTENCE_MIN_WORDS = 5;
/** A run of words that ends a sentence, closing quotes after it of any of the languages quotes are read in (edit-summary.ts), Chinese and Japanese stops too (review). */
const ENDS_SENTENCE = /[.!?。！？]["”’»«“」』]?$/u;

/**
 * A deleted or inserted run's words when it is a whole sentence (SENTENCE_MIN_WORDS words or
 * more, ending one), else 0: counted only for runs that end a sentence. A comparison counts such
 * runs as sentences dropped, added, or moved when one deleted is inserted elsewhere, in the same
 * paragraph or another (align.ts sentenceRuns, edit-summary.ts).
 */
export function sentenceRunWords(op: EditOp): number {
  if (op.op === 'equal' || !ENDS_SENTENCE.test(op.text)) return 0;
  const n = countUnits(op.text);
  return n >= SENTENCE_MIN_WORDS ? n : 0;
}

/**
 * Which of the deleted runs were inserted word for word elsewhere, by their keys (foldWords: case
 * and punctuation aside), each insertion matched once: per deleted run, true when it moved. A
 * sentence moved is a deletion and an insertion to a word diff; the comparison calls it moved
 * and keeps its words (align.ts sentenceRuns and keptWords).
 */
export function movedKeys(deleted: readonly string[], inserted: readonly string[]): boolean[] {
  const left = new Map<string, number>();
  for (const key of inserted) left.set(key, (left.get(key) ?? 0) + 1);
  return deleted.map((key) => {
    const n = left.get(key) ?? 0;
    if (key === '' || n === 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** Operations turning `from` into `to`. */
export function wordDiff(from: string, to: string): EditOp[] {
  return diffUnits(words(from), words(to));
}

/** Edit scripts of the word diffs, scratch space kept from call to call (one thread runs a scan's). */
const differ = new SequenceDiffer();

function diffUnits(from: WordList, to: WordList): EditOp[] {
  const [fromKeys, toKeys] = [from.keys, to.keys];
  // Edits are mostly local (a word substituted, a sentence added): trimming the common start
  // and end first leaves Myers' algorithm a short middle. It halved the diff time of a scan.
  let prefix = 0;
  const shorter = Math.min(fromKeys.length, toKeys.length);
  while (prefix < shorter && fromKeys[prefix] === toKeys[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && fromKeys[fromKeys.length - 1 - suffix] === toKeys[toKeys.length - 1 - suffix]) suffix++;
  const script = differ.diff(fromKeys.slice(prefix, fromKeys.length - suffix), toKeys.slice(prefix, toKeys.length - suffix));
  const ops: EditOp[] = [];
  // Whether whitespace followed the last word of the last run written.
  let previousSpaced: boolean | undefined;
  // A run of words [start, end) of one side as an operation: single spaces between words, none
  // inside a run of Chinese characters; joined to the operation before when of the same kind.
  const emit = (op: EditOp['op'], list: WordList, start: number, end: number): void => {
    if (end <= start) return;
    let text = '';
    for (let k = start; k < end; k++) text += k < end - 1 && !list.spaced[k] ? list.texts[k]! : `${list.texts[k]!} `;
    text = text.trimEnd();
    if (text === '') return;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += `${previousSpaced === false ? '' : ' '}${text}`;
    else ops.push({ op, text });
    previousSpaced = list.spaced[end - 1];
  };
  // The common start, the script's runs (an equal or inserted run reads the new words, a
  // deleted one the old), the common end.
  emit('equal', to, 0, prefix);
  let fromAt = prefix;
  let toAt = prefix;
  for (let r = 0; r < script.count; r++) {
    const length = script.lengths[r]!;
    const kind = script.kinds[r];
    if (kind === DELETED) {
      emit('delete', from, fromAt, fromAt + length);
      fromAt += length;
    } else {
      emit(kind === INSERTED ? 'insert' : 'equal', to, toAt, toAt + length);
      toAt += length;
      if (kind === EQUAL) fromAt += length;
    }
  }
  emit('equal', to, toKeys.length - suffix, toKeys.length);
  return ops;
}

/**
 * `ops` (turning `from` into another text) with each unchanged run's words as `from` writes
 * them, where they differ from the run's text (which is the new side's): "the Russian army"
 * kept from "the Russian Army" is the same words to the diff, but the original said "Army". The
 * words are counted as the diff counts them (unitsOf), as the JSON report reads its operations.
 */
export function withOriginalWords(ops: readonly EditOp[], from: string): EditOp[] {
  const units = unitsOf(from);
  let at = 0;
  const out: EditOp[] = [];
  for (const op of ops) {
    if (op.op === 'insert') {
      out.push(op);
      continue;
    }
    const count = countUnits(op.text);
    const own = units.slice(at, at + count);
    at += count;
    if (op.op === 'delete') {
      out.push(op);
      continue;
    }
    const text = own.map((u, k) => (k < own.length - 1 && !u.spaced ? u.text : `${u.text} `)).join('').trimEnd();
    // Operations that do not walk `from` word for word (a long paragraph's unchanged piece is one
    // run of the copy's text, which may count its words otherwise: "well known" for
    // "well-known"; found in review) are left as they are, rather than shifted.
    if (foldWords(text) !== foldWords(op.text)) return [...ops];
    out.push(text === op.text ? op : { ...op, from: text });
  }
  return at === units.length ? out : [...ops];
}

/** Number of words deleted, inserted and kept, counted as the diff counts them (a character of Chinese, Japanese or Thai each: countUnits). */
export function changedWords(ops: readonly EditOp[]): { deleted: number; inserted: number; equal: number } {
  const count = { deleted: 0, inserted: 0, equal: 0 };
  for (const { op, text } of ops) {
    // Not text.split(' '): a run of such characters is joined without spaces, and counted one word (found in review).
    const n = countUnits(text);
    if (op === 'delete') count.deleted += n;
    else if (op === 'insert') count.inserted += n;
    else count.equal += n;
  }
  return count;
}
