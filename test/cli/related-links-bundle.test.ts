/**
 * A page that runs a reprint, its "Related stories:" list and a local story of its own, with the
 * usual gap and no dateline (core/text/stories.ts; fixtures/related-links-bundle): the list ends
 * the reprint. It was one story, "partly derived" from the wire story it copies whole, and the
 * group's original undecided (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { detectStories } from '../../src/core/text/stories.js';
import { segment } from '../../src/core/text/segment.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/related-links-bundle';

describe('a reprint, its related links and a local story on one page', () => {
  it('is two stories: the reprint, derived from the wire story, and the rest in no group', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const page = report.documents.find((doc) => doc.path.endsWith('valley-weekly-page.txt'))!;
    expect(page.stories.map((story) => [story.startLine, story.endLine, story.group ?? null])).toEqual([
      [1, 9, 1],
      [11, 26, null],
    ]);
    const { stdout } = await runCli([FOLDER, '--no-color']);
    expect(stdout).toContain(`original ${FOLDER}/wire-orchard.txt`);
    expect(stdout).toMatch(/reprint +\S+valley-weekly-page\.txt:1-9 +keeps \d+% of the original; 5 same, 0 changed, 0 added, 2 dropped; trimmed from the bottom \(2\); story derived/);
  });

  it('opens no story of chrome alone: "Check Also" over a comment form and a copyright line', () => {
    const page = ['Bakery marks a century', 'It opened in 1924.', 'The family still runs it.', 'A plaque goes up next month.', 'Check Also', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Copyright 2024 Valley Courier. All rights reserved.'];
    expect(detectStories(segment(page.join('\n\n')).segments)).toHaveLength(1);
    const bundle = [...page.slice(0, 4), 'Related stories:', 'Library reopens after renovation', 'The library reopened on Saturday.', 'More than 200 people came.'];
    expect(detectStories(segment(bundle.join('\n\n')).segments).map((story) => story.startLine)).toEqual([1, 9]);
  });
});
