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
import type { EditOp } from './types.js';

export type { EditOp };

interface Word {
  text: string;
  key: string;
}

const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;

function words(text: string): Word[] {
  return (text.match(/\S+/g) ?? []).map((word) => ({
    text: word,
    key: word.normalize('NFKC').toLowerCase().replace(NOT_WORD, ''),
  }));
}

/** Operations turning `from` into `to`. */
export function wordDiff(from: string, to: string): EditOp[] {
  const changes = diffArrays(words(from), words(to), { comparator: (a, b) => a.key === b.key });
  const ops: EditOp[] = [];
  for (const change of changes) {
    const op: EditOp['op'] = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const text = change.value.map((w) => w.text).join(' ');
    if (text === '') continue;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else ops.push({ op, text });
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
