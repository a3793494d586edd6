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

describe('describeComparison', () => {
  it('says when a member shares no paragraph with the original (it read "reprint ... keeps 0%" beside "story derived"; found by a new user)', async () => {
    const { describeComparison } = await import('../../src/render/human.js');
    const none = { coverage: 0, reused: 0, paragraphs: { shared: 0, edited: 0, added: 7, dropped: 8, moved: 0 }, edits: [{ kind: 'new-lede' as const, count: 1 }] };
    expect(describeComparison(none)).toBe('shares no paragraph with the original (in the group through other members); keeps 0% of the original; 0 same, 0 changed, 7 added, 8 dropped; new lede');
    expect(describeComparison({ ...none, coverage: 0.02, paragraphs: { ...none.paragraphs, edited: 1 } })).toMatch(/^keeps 2% of the original; 0 same, 1 changed/);
  });
});
