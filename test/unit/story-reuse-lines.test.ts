/**
 * The text report's "Story reuse outside groups" lines: each says what comparing two stories
 * whole found ("compared with", as an undecided group's members say), not that one was written
 * "from" the other; a partly derived story may be another outlet's own report of the event (review).
 */
import { describe, expect, it } from 'vitest';
import type { StoryPairReport } from '../../src/core/types.js';
import { renderStoryReuse } from '../../src/render/human.js';
import { plainPalette } from '../../src/render/palette.js';

const pair = (calls: StoryPairReport['calls'], group: number | null = null): StoryPairReport => ({
  stories: [{ path: 'paper/story.txt', story: 0 }, { path: 'wire/ap.txt', story: 0 }],
  words: [0.52, 0.41],
  bigrams: [0.23, 0.18],
  reused: [0, 0],
  calls,
  call: calls.includes('derived') ? 'derived' : calls.includes('partly-derived') ? 'partly-derived' : 'not-derived',
  group,
});

const render = (pairs: StoryPairReport[]): string | null => renderStoryReuse(pairs, new Set(['paper/story.txt', 'wire/ap.txt']), plainPalette, () => 1);

describe('story reuse outside groups', () => {
  it('says each partly derived side was compared with the other, with its measures', () => {
    const out = render([pair(['partly-derived', 'not-derived'])])!;
    expect(out).toContain('Story reuse outside groups (1)');
    expect(out).toContain('  paper/story.txt compared with wire/ap.txt: story partly derived (words 52%, bigrams 23%, reused 0%)');
    expect(out).not.toMatch(/story\.txt from /);
  });

  it('lists both sides when both are derived, and nothing for pairs in a group or not derived', () => {
    const both = render([pair(['derived', 'partly-derived'])])!;
    expect(both).toContain('paper/story.txt compared with wire/ap.txt: story derived');
    expect(both).toContain('wire/ap.txt compared with paper/story.txt: story partly derived');
    expect(render([pair(['derived', 'derived'], 0), pair(['not-derived', 'not-derived'])])).toBeNull();
  });
});
