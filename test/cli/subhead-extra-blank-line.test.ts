/**
 * One extra blank line before a subhead is no story boundary (fixtures/subhead-extra-blank-line;
 * core/text/stories.ts): in a file of blank-line-separated paragraphs, a verbatim copy of seed 002
 * with two blank lines before "How is the West reacting?" was cut into two stories, reported as
 * keeping 58% and 41% of the original, and `dedupe diff -q` said the two differ (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { detectStories } from '../../src/core/text/stories.js';
import { segment } from '../../src/core/text/segment.js';
import { runInProcess, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/subhead-extra-blank-line';

describe('a verbatim copy with one extra blank line before a subhead', () => {
  it('is one story, identical to the wire in the scan', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const copy = report.documents.find((d) => d.path.endsWith('copy.txt'))!;
    expect(copy.segments.map((s) => s.story)).toEqual(copy.segments.map(() => 0));
    expect(copy.segments.every((s) => s.status === 'shared')).toBe(true);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.members.map((m) => m.duplicateOf).sort()).toEqual([0, null]);
  });

  it('is no change to dedupe diff, which exits 0 with -q', async () => {
    const wire = `${FOLDER}/wire.txt`;
    const copy = `${FOLDER}/copy.txt`;
    const diff = await runInProcess(['diff', '--no-color', wire, copy]);
    expect(diff.stdout).toMatch(/^no change: the 23 paragraphs have the same words, in the same order$/m);
    expect((await runInProcess(['diff', '-q', wire, copy])).code).toBe(0);
  });

  it('while a headline after two blank lines, or anything after three, still opens a story', () => {
    const body = ['A b.', '', 'C d.', '', 'E f.'];
    const tail = ['', 'G h.', '', 'I j.', '', 'K l.'];
    const stories = (lines: string[]): number => detectStories(segment(lines.join('\n')).segments).length;
    // A question subhead one blank line further than the usual gap: the same story.
    expect(stories([...body, '', '', 'What happens next?', ...tail])).toBe(1);
    // A feed dump of articles two blank lines apart, each opening with its headline.
    expect(stories([...body, '', '', 'Another Story Begins Here', ...tail])).toBe(2);
    expect(stories([...body, '', '', '', 'What happens next?', ...tail])).toBe(2);
    expect(stories(['A b.', 'C d.', 'E f.', '', '', 'What Happens Next?', 'G h.', 'I j.', 'K l.'])).toBe(2);
  });
});
