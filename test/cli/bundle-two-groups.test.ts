/**
 * A page bundling two stories, each reprinted from a different article, is in two groups: the
 * documents table and the document's line name both, with a role in each (the table showed
 * only the first group, so no row showed the second; found by a new user).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { runCli, runJson } from '../helpers/in-process.js';

const DIR = 'fixtures/bundle-two-groups';

describe('a page whose two stories are in two groups (fixtures/bundle-two-groups)', () => {
  it('the table lists both groups and a role in each; the document line says "groups 1 and 2"', async () => {
    const { stdout, code } = await runCli(['--no-color', DIR]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ +1, 2 │ reprint, copy +│ fixtures\/bundle-two-groups\/daily-page\.txt +│/);
    expect(stdout).toMatch(/│ +1 │ original +│ fixtures\/bundle-two-groups\/library-wire\.txt/);
    expect(stdout).toMatch(/│ +2 │ copy +│ fixtures\/bundle-two-groups\/festival-report\.txt/);
    expect(stdout).toContain('\nfixtures/bundle-two-groups/daily-page.txt  groups 1 and 2, 2 stories, ');
  });

  it('the JSON keeps the document\'s first group in `group` and each story\'s in its own', async () => {
    const { report } = await runJson<Report>([DIR]);
    const page = report.documents.find((doc) => doc.path.endsWith('daily-page.txt'))!;
    expect(page.group).toBe(1);
    expect(page.stories.map((story) => story.group)).toEqual([1, 2]);
  });
});
