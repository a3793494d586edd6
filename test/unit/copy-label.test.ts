/** The article --fail-on document names on its line: the lines of its copied stories, the first three and a count of the rest. */
import { describe, expect, it } from 'vitest';
import { copyLabel } from '../../src/cli/commands/check.js';
import type { DocumentReport, StoryReport } from '../../src/core/types.js';

function story(index: number, reusedShare: number): StoryReport {
  const startLine = index * 10 + 1;
  return { index, startLine, endLine: startLine + 8, segments: [index * 5, index * 5 + 4], words: 100, reusedShare, group: 1 };
}

function article(shares: readonly number[]): DocumentReport {
  return {
    path: 'feed.txt',
    layout: 'line',
    lines: shares.length * 10,
    words: shares.length * 100,
    counts: { shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0 },
    reusedShare: 0.5,
    group: 1,
    stories: shares.map((share, i) => story(i, share)),
    segments: [],
  };
}

describe('copyLabel', () => {
  it('names a file of one story by its path alone, and the copied stories of a file of several', () => {
    expect(copyLabel(article([1]), 0.8)).toBe('feed.txt');
    expect(copyLabel(article([1, 0.1]), 0.8)).toBe('feed.txt (lines 1-9)');
    expect(copyLabel(article([1, 0.9, 0.85]), 0.8)).toBe('feed.txt (lines 1-9, 11-19, 21-29)');
  });

  it('stops after three and counts the rest (a feed dump of 505 copied stories made a 5 KB line)', () => {
    expect(copyLabel(article([1, 1, 1, 1]), 0.8)).toBe('feed.txt (lines 1-9, 11-19, 21-29 and 1 more story)');
    expect(copyLabel(article(Array.from({ length: 505 }, () => 1)), 0.8)).toBe('feed.txt (lines 1-9, 11-19, 21-29 and 502 more stories)');
    // No copied story (not flagged): the path, not "lines )".
    expect(copyLabel(article([0.1, 0.2]), 0.8)).toBe('feed.txt');
  });
});
