/**
 * A digest that runs two unrelated wire stories' ledes on with the file's usual gap, each opening
 * with its headline, is two stories by what they copy (core/scan/story-links.ts;
 * fixtures/digest-two-stories): it was one story that held both ledes, named the original of
 * both wire stories, and put them in one group (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/digest-two-stories';

describe('a morning briefing quoting two unrelated wire stories', () => {
  it('is cut into two stories, each grouped with its own wire story, the original of neither', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
    expect(report.groups).toHaveLength(2);
    const groupFiles = report.groups.map((group) => group.members.map((member) => name(member.path)).sort());
    expect(groupFiles).toEqual(
      expect.arrayContaining([
        ['morning-briefing.txt', 'reprint-harbour.txt', 'wire-harbour.txt'],
        ['morning-briefing.txt', 'reprint-orchestra.txt', 'wire-orchestra.txt'],
      ]),
    );
    const digestStories = report.groups.map((group) => group.members.find((member) => name(member.path) === 'morning-briefing.txt')!);
    expect(digestStories.map((member) => [member.story, member.startLine, member.endLine]).sort()).toEqual([
      [0, 1, 7],
      [1, 9, 15],
    ]);
    for (const group of report.groups) expect(name(group.original ?? '')).not.toBe('morning-briefing.txt');
  });

  it('names each of its stories by its lines in the human report', async () => {
    const { stdout, code } = await runCli([FOLDER]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 groups|, 2 groups in /m);
    expect(stdout).toContain('morning-briefing.txt:1-7');
    expect(stdout).toContain('morning-briefing.txt:9-15');
  });
});

describe('one story whose copies hold its early and its later paragraphs alike', () => {
  it('stays one story', async () => {
    // The wire story and a copy of it whole: every paragraph links the same document.
    const { report } = await runJson<Report>([`${FOLDER}/wire-harbour.txt`, `${FOLDER}/wire-orchestra.txt`, `${FOLDER}/reprint-orchestra.txt`, '--json']);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.members.every((member) => member.story === 0)).toBe(true);
  });
});
