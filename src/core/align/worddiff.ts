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
import { foldText, hasUnspacedScript } from '../text/normalize.js';
import type { EditOp } from '../types.js';
import { DELETED, EQUAL, INSERTED, SequenceDiffer } from './myers.js';

export type { EditOp };

interface Word {
  text: string;
  key: string;
  /** Whitespace followed this unit in the text (false inside a run of Chinese characters). */
  spaced: boolean;
}

const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]/g;
/** One unit per character of a script written without spaces, or a run of anything else. */
const UNSPACED_UNITS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;

/**
 * The words of a text as diff units, each with the key matching compares (normalize.ts's
 * folding, punctuation dropped). Chinese, Japanese or Thai runs become one unit per character,
 * as they are tokenised for matching, so their diffs show what changed.
 */
function words(text: string): Word[] {
  const units: Word[] = [];
  for (const word of text.match(/\S+/g) ?? []) {
    // ASCII words (nearly all of English news) need no Unicode folding: lower case and drop
    // punctuation, as foldText would. NFKC per word was most of a scan's diff time.
    if (ASCII.test(word)) {
      units.push({ text: word, key: word.toLowerCase().replace(NOT_ASCII_WORD, ''), spaced: true });
      continue;
    }
    const pieces = hasUnspacedScript(word) ? (word.match(UNSPACED_UNITS) ?? [word]) : [word];
    pieces.forEach((piece, k) => units.push({ text: piece, key: foldText(piece).replace(NOT_WORD, ''), spaced: k === pieces.length - 1 }));
  }
  return units;
}

/** The words of a text as word operations count them (a character of Chinese, Japanese or Thai each). */
export function unitsOf(text: string): Array<{ text: string; spaced: boolean }> {
  return words(text);
}

const SPACED_WORD = /\S+/g;

/** How many units `unitsOf` finds in a text, without making them (the JSON report counts every run of unchanged words). */
export function countUnits(text: string): number {
  if (hasUnspacedScript(text)) return words(text).length;
  let count = 0;
  SPACED_WORD.lastIndex = 0;
  while (SPACED_WORD.exec(text) !== null) count++;
  return count;
}

/** Something that gives the word operations turning one text into another: wordDiff, or a WordDiffer's memory of it. */
export type WordDiff = (from: string, to: string) => EditOp[];

/** Operations turning `from` into `to`. */
export function wordDiff(from: string, to: string): EditOp[] {
  return diffUnits(words(from), words(to));
}

/** Edit scripts of the word diffs, scratch space kept from call to call (one thread runs a scan's). */
const differ = new SequenceDiffer();

function diffUnits(fromWords: Word[], toWords: Word[]): EditOp[] {
  // Edits are mostly local (a word substituted, a sentence added): trimming the common start
  // and end first leaves Myers' algorithm a short middle. It halved the diff time of a scan.
  let prefix = 0;
  const shorter = Math.min(fromWords.length, toWords.length);
  while (prefix < shorter && fromWords[prefix]!.key === toWords[prefix]!.key) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    fromWords[fromWords.length - 1 - suffix]!.key === toWords[toWords.length - 1 - suffix]!.key
  ) {
    suffix++;
  }
  const fromKeys = fromWords.slice(prefix, fromWords.length - suffix).map((w) => w.key);
  const toKeys = toWords.slice(prefix, toWords.length - suffix).map((w) => w.key);
  const script = differ.diff(fromKeys, toKeys);
  // Runs of words, as [kind, words]: the common start, the script's runs (an equal or inserted
  // run reads the new words, a deleted one the old), the common end.
  const runs: Array<[EditOp['op'], Word[]]> = [];
  if (prefix > 0) runs.push(['equal', toWords.slice(0, prefix)]);
  let fromAt = prefix;
  let toAt = prefix;
  for (let r = 0; r < script.count; r++) {
    const length = script.lengths[r]!;
    const kind = script.kinds[r];
    if (kind === DELETED) {
      runs.push(['delete', fromWords.slice(fromAt, fromAt + length)]);
      fromAt += length;
    } else {
      runs.push([kind === INSERTED ? 'insert' : 'equal', toWords.slice(toAt, toAt + length)]);
      toAt += length;
      if (kind === EQUAL) fromAt += length;
    }
  }
  if (suffix > 0) runs.push(['equal', toWords.slice(toWords.length - suffix)]);
  const ops: EditOp[] = [];
  let previous: Word | undefined;
  for (const [op, words] of runs) {
    const text = words.map((w, k) => (k < words.length - 1 && !w.spaced ? w.text : `${w.text} `)).join('').trimEnd();
    if (text === '') continue;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += `${previous?.spaced === false ? '' : ' '}${text}`;
    else ops.push({ op, text });
    previous = words[words.length - 1];
  }
  return ops;
}

/**
 * wordDiff with memory, for a scan: a reprinted paragraph is compared with the same original
 * paragraph once per copy. The cache is bounded; the operation lists returned are shared
 * between callers (they end up in the report anyway) and must not be changed. Words are not
 * cached: keeping millions of small word objects alive made garbage collection cost more than
 * cutting texts again (report stage at 100 MB: 15.4 s with such a cache, 11.6 s without).
 */
export class WordDiffer {
  private results = new Map<string, Map<string, EditOp[]>>();
  private resultCount = 0;
  private static readonly MAX_ENTRIES = 50_000;

  diff(from: string, to: string): EditOp[] {
    let byTarget = this.results.get(from);
    const known = byTarget?.get(to);
    if (known) return known;
    const ops = diffUnits(words(from), words(to));
    if (this.resultCount >= WordDiffer.MAX_ENTRIES) {
      this.results = new Map();
      this.resultCount = 0;
      byTarget = undefined;
    }
    if (!byTarget) this.results.set(from, (byTarget = new Map()));
    byTarget.set(to, ops);
    this.resultCount++;
    return ops;
  }
}

/** Number of words deleted and inserted. */
export function changedWords(ops: readonly EditOp[]): { deleted: number; inserted: number; equal: number } {
  const count = { deleted: 0, inserted: 0, equal: 0 };
  for (const { op, text } of ops) {
    const n = text.split(' ').length;
    if (op === 'delete') count.deleted += n;
    else if (op === 'insert') count.inserted += n;
    else count.equal += n;
  }
  return count;
}
