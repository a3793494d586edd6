/** An article whose line breaks were lost keeps every word: merged, nothing else (fixtures/line-breaks-lost; a new user's run). */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const ONE_LINE = 'fixtures/line-breaks-lost/oneline.txt';

describe('seed 002 with its line breaks lost (fixtures/line-breaks-lost)', () => {
  it('dedupe diff: one merged block keeping 100% of the words, with no deletion or insertion', async () => {
    const { stdout, code } = await runCli(['diff', '--no-color', SEED.original, ONE_LINE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/23 → 1 paragraphs; blocks: 0 same, 0 edited, 1 merged .*keeps 100% of the first's words, and 100% of its own words/);
    expect(stdout).not.toMatch(/\[-|\{\+/);
  });

  it("the group's comparison names only the merge (the older file the original)", async () => {
    const dir = tempDir();
    const [wire, oneLine] = [path.join(dir, 'wire.txt'), path.join(dir, 'oneline.txt')];
    writeFileSync(wire, readFileSync(SEED.original));
    writeFileSync(oneLine, readFileSync(ONE_LINE));
    utimesSync(wire, new Date('2024-10-23T08:00:00Z'), new Date('2024-10-23T08:00:00Z'));
    utimesSync(oneLine, new Date('2024-10-24T08:00:00Z'), new Date('2024-10-24T08:00:00Z'));
    const { report } = await runJson<Report>(['.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    expect(report.groups[0]!.original).toBe('wire.txt');
    const member = report.groups[0]!.members.find((m) => m.path === 'oneline.txt')!;
    expect(member.comparison!.coverage).toBe(1);
    expect(member.comparison!.edits.map((e) => e.kind)).toEqual(['paragraphs-merged']);
  });
});
