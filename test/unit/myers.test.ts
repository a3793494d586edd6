/**
 * The word diffs' edit scripts (core/align/myers.ts) against jsdiff's diffArrays, which made
 * them before: the same runs on random sequences with many ties (small alphabets), so that a
 * report's word operations did not change.
 */
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { unitGenerator as generator } from '../helpers/random.js';
import { DELETED, EQUAL, INSERTED, SequenceDiffer } from '../../src/core/align/myers.js';

const KIND = { [EQUAL]: 'equal', [INSERTED]: 'insert', [DELETED]: 'delete' } as const;

function ours(differ: SequenceDiffer, from: string[], to: string[]): string[] {
  const script = differ.diff(from, to);
  return Array.from({ length: script.count }, (_, r) => `${KIND[script.kinds[r] as 0 | 1 | 2]} ${script.lengths[r]}`);
}

function theirs(from: string[], to: string[]): string[] {
  return diffArrays(from, to).map((change) => `${change.added ? 'insert' : change.removed ? 'delete' : 'equal'} ${change.count}`);
}

describe('SequenceDiffer', () => {
  it('gives the edit script jsdiff gives, on 3,000 random pairs of sequences with many ties', () => {
    const random = generator(42);
    const differ = new SequenceDiffer();
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = 1 + Math.floor(random() * 6);
      const word = (): string => String.fromCharCode(97 + Math.floor(random() * alphabet));
      const from = Array.from({ length: Math.floor(random() * 30) }, word);
      // Half the time an edited copy (substitutions, deletions, insertions), otherwise unrelated.
      const to = random() < 0.5 ? from.flatMap((w) => (random() < 0.15 ? [] : random() < 0.15 ? [word(), w] : [random() < 0.1 ? word() : w])) : Array.from({ length: Math.floor(random() * 30) }, word);
      expect(ours(differ, from, to), `${from.join('')} -> ${to.join('')}`).toEqual(theirs(from, to));
    }
  });

  it('gives the same scripts when the runs of abandoned paths are dropped (long, unrelated sequences)', () => {
    const random = generator(7);
    const differ = new SequenceDiffer();
    for (const length of [400, 900]) {
      // Few shared items, so that the paths are long and many are left behind.
      const from = Array.from({ length }, () => `a${Math.floor(random() * 40)}`);
      const to = Array.from({ length }, () => `a${Math.floor(random() * 40) + 30}`);
      expect(ours(differ, from, to)).toEqual(theirs(from, to));
    }
    // The differ is left usable for short texts afterwards.
    expect(ours(differ, ['US', 'and'], ['American', 'and'])).toEqual(['delete 1', 'insert 1', 'equal 1']);
  });

  it('handles empty sides and identical sequences', () => {
    const differ = new SequenceDiffer();
    expect(ours(differ, [], [])).toEqual([]);
    expect(ours(differ, ['a', 'b'], [])).toEqual(['delete 2']);
    expect(ours(differ, [], ['a'])).toEqual(['insert 1']);
    expect(ours(differ, ['a', 'b'], ['a', 'b'])).toEqual(['equal 2']);
    expect(ours(differ, ['US', 'and'], ['American', 'and'])).toEqual(['delete 1', 'insert 1', 'equal 1']);
  });
});
