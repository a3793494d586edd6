/**
 * A wire agency's own write-through that keeps most of its first brief (fixtures/update-keeps-brief:
 * "UPDATE 1-US to raise tariffs on Chinese steel; Beijing vows to retaliate", the brief's four
 * paragraphs and two new ones, under the same "WASHINGTON (Reuters) -" dateline) is the brief's
 * version, not its reprint: a new user's trial found it called a "reprint" that "keeps 97% of the
 * original", as another outlet's copy would be (scan/provenance.ts: a headline labelled as an
 * update of the original's wire makes a version however much of the brief it keeps).
 */
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { fixtures, tempDir, withFileTimes } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const HOUR = 3600;

describe("an agency's UPDATE 1 that keeps 97% of its first brief", () => {
  it('is the brief’s version, the brief the original', async () => {
    // The update's file three hours newer than the brief's.
    const dir = withFileTimes('update-keeps-brief', [['reuters-first.txt', 4 * HOUR], ['reuters-update-1.txt', HOUR]]);
    const { report } = await runJson<Report>(['--json', '.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe('reuters-first.txt');
    const update = group.members.find((m) => m.path === 'reuters-update-1.txt')!;
    expect(update.role).toBe('version');
    expect(update.comparison!.coverage).toBeGreaterThan(0.9);
    const { stdout } = await runCli(['--no-color', '.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    expect(stdout).toMatch(/\n +version +reuters-update-1\.txt +keeps 97% of the original/);
  });
});

describe('a copy word for word under an outlet\'s "UPDATED:" headline', () => {
  it('is a reprint, not the agency\'s version (a review)', async () => {
    const dir = tempDir();
    const now = Math.floor(Date.now() / 1000);
    const first = path.join(dir, 'reuters-first.txt');
    copyFileSync(path.join(fixtures, 'update-keeps-brief', 'reuters-first.txt'), first);
    utimesSync(first, now - 4 * HOUR, now - 4 * HOUR);
    const text = readFileSync(first, 'utf8');
    writeFileSync(path.join(dir, 'outlet-reprint.txt'), text.replace(/^/, 'UPDATED: '));
    const { report } = await runJson<Report>(['--json', '.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe('reuters-first.txt');
    expect(group.members.find((m) => m.path === 'outlet-reprint.txt')!.role).toBe('reprint');
  });
});
