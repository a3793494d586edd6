/**
 * Word-level differences between two paragraphs, with jsdiff (the `diff` package: Myers'
 * O(ND) algorithm) rather than a hand-written LCS.
 *
 * Words are compared the way matching compares them (case, punctuation and quote style
 * folded), so a reprint that swaps straight for curly quotes shows no change there, while
 * "US" → "American" shows as a deletion and an insertion. The text of each operation is the
 * original words joined by single spaces: `equal` and `insert` texts rebuild the new
 * paragraph, `equal` and `delete` texts the old one.
 */
import { diffArrays } from 'diff';
import { foldText, hasUnspacedScript } from './normalize.js';
import type { EditOp } from './types.js';

export type { EditOp };

interface Word {
  text: string;
  key: string;
  /** Whitespace followed this unit in the text (false inside a run of Chinese characters). */
  spaced: boolean;
}

const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;
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
    const pieces = hasUnspacedScript(word) ? (word.match(UNSPACED_UNITS) ?? [word]) : [word];
    pieces.forEach((piece, k) => units.push({ text: piece, key: foldText(piece).replace(NOT_WORD, ''), spaced: k === pieces.length - 1 }));
  }
  return units;
}

/** Operations turning `from` into `to`. */
export function wordDiff(from: string, to: string): EditOp[] {
  const changes = diffArrays(words(from), words(to), { comparator: (a, b) => a.key === b.key });
  const ops: EditOp[] = [];
  let previous: Word | undefined;
  for (const change of changes) {
    const op: EditOp['op'] = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const text = change.value.map((w, k) => (k < change.value.length - 1 && !w.spaced ? w.text : `${w.text} `)).join('').trimEnd();
    if (text === '') continue;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += `${previous?.spaced === false ? '' : ' '}${text}`;
    else ops.push({ op, text });
    previous = change.value[change.value.length - 1];
  }
  return ops;
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
