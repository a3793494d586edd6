/**
 * A block's moved sentences (core/align/align.ts, sentenceRuns): a sentence deleted in one place
 * and inserted word for word in another of the same paragraph moved "within", whatever its case
 * and punctuation. Runs too short to fold to a sentence's key are not folded; "İ" lower-cases to
 * two characters, so a Turkish sentence's key is longer than its text (a review).
 */
import { describe, expect, it } from 'vitest';
import { sentenceRuns } from '../../src/core/align/align.js';
import type { EditOp } from '../../src/core/types.js';

function movedWithin(deleted: string, inserted: string): unknown[] {
  const ops: EditOp[] = [
    { op: 'delete', text: deleted },
    { op: 'equal', text: 'Belediye yetkilileri dün akşam uzun bir toplantı yaptı ve yeni kararlar aldı' },
    { op: 'insert', text: inserted },
    { op: 'equal', text: '.' },
  ];
  return sentenceRuns([{ kind: 'edited', from: [0], to: [0], ops, similarity: 0.9, moved: false }], [], []).deleted[0]!.map((run) => run.moved);
}

describe('sentenceRuns', () => {
  it('finds a sentence moved within its paragraph, case and punctuation aside', () => {
    expect(movedWithin('The mayor resigned on Monday.', '; the mayor resigned on Monday')).toEqual(['within']);
  });

  it('finds one whose key is longer than its text ("İ" lower-cases to two characters)', () => {
    expect(movedWithin('İzmir İl İdaresi İnceleme İstedi.', '; İzmir İl İdaresi İnceleme İstedi')).toEqual(['within']);
  });

  it('finds no move where the inserted run holds other words', () => {
    expect(movedWithin('The mayor resigned on Monday.', '; the mayor stayed on')).toEqual([false]);
  });
});
