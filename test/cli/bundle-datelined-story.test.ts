/**
 * A page that runs a local story under the wire story it reprints, with the usual gap, is two
 * stories: the second opens with a headline and a datelined lede ("PEN-Y-GARN —";
 * core/text/stories.ts, fixtures/bundle-datelined-story). It was one story, named the original
 * of the wire story, which "kept 58%" of it, "trimmed from the bottom (5)" (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/bundle-datelined-story';

describe('a page bundling a reprinted wire story and a local story', () => {
  it('is two stories: the wire story grouped with its reprint, the local story in no group', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const page = report.documents.find((doc) => doc.path.endsWith('valley-news-page.txt'))!;
    expect(page.stories.map((story) => [story.startLine, story.endLine, story.group ?? null])).toEqual([
      [1, 11, 1],
      [13, 21, null],
    ]);
    expect(report.groups).toHaveLength(1);
    const page0 = report.groups[0]!.members.find((member) => member.path.endsWith('valley-news-page.txt'))!;
    expect(page0.endLine).toBe(11);
  });

  it('does not name the page the original of the wire story it reprints', async () => {
    const { stdout, code } = await runCli([FOLDER, '--no-color']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('original fixtures/bundle-datelined-story/valley-news-page.txt');
    expect(stdout).not.toContain('trimmed from the bottom');
    expect(stdout).not.toMatch(/keeps 58%/);
  });
});
