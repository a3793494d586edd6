/** The story-level call a group member's line gives when the original is undecided (a member's line ended with nothing; found by a new user). */
import { describe, expect, it } from 'vitest';
import type { GroupMember, GroupReport, StoryPairReport } from '../../src/core/types.js';
import { memberStoryCalls, storySides } from '../../src/render/human.js';

const member = (path: string): GroupMember => ({ path, story: 0, startLine: 1, endLine: 9, role: null, score: 0, reasons: [], comparison: null, duplicateOf: null });

describe('memberStoryCalls in a group whose original is undecided', () => {
  it('gives the strongest call against another member, and "not derived" when that is all there is', () => {
    const [a, b] = [member('00028.txt'), member('00178.txt')];
    const group: GroupReport = { id: 3, documents: [a.path, b.path], clusters: 1, original: null, originalStory: null, confidence: null, originalReasons: [], members: [a, b] };
    const pair: StoryPairReport = {
      stories: [{ path: a.path, story: 0 }, { path: b.path, story: 0 }],
      words: [0.29, 0.46],
      bigrams: [0.09, 0.15],
      reused: [0.04, 0.09],
      calls: ['not-derived', 'partly-derived'],
      call: 'partly-derived',
      group: 3,
    };
    const call = memberStoryCalls(group, storySides([pair]));
    expect(call(b)?.side.call).toBe('partly-derived');
    expect(call(b)?.other).toBe(a);
    expect(call(a)?.side.call).toBe('not-derived');
    expect(call(a)?.other).toBe(b);
    // No pair at all: none.
    expect(memberStoryCalls(group, storySides([]))(a)).toBeNull();
  });
});
