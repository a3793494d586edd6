/**
 * `dedupe diff` of a file that bundles several stories compares the story sharing the most with
 * the other file, as a scan does (a new user's run: 002 against 000 listed 000's second story
 * as added, "48% of its own words come from it").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runRawJson } from '../helpers/in-process.js';

describe('dedupe diff against a page bundling two stories (seed 000)', () => {
  it('compares story 1, lines 1-30, and says so', async () => {
    const { stdout, code } = await runCli(['diff', '--no-color', SEED.original, SEED.reprintA]);
    expect(code).toBe(0);
    expect(stdout).toContain('000_2c77c33462164435.txt holds 2 stories; compared story 1, lines 1-30, the one sharing the most with the other file');
    expect(stdout).toMatch(/the second keeps 95% of the first's words, and 80% of its own words come from it/);
    expect(stdout).not.toMatch(/Lebanon/);
  });

  it('--json gives the story compared, and the paragraphs and words of that story', async () => {
    const { report } = await runRawJson<DiffReport>(['diff', SEED.original, SEED.reprintA]);
    expect(report.from.story).toBeUndefined();
    expect(report.to.story).toEqual({ index: 0, stories: 2, startLine: 1, endLine: 30 });
    expect(report.to.paragraphs).toBe(26);
    expect(report.blocks.every((b) => b.to.every((ref) => ref.endLine <= 30))).toBe(true);
  });

  it('two bundles are compared whole: a change in the second story is a change (review: it read "no change", exit 0)', async () => {
    const dir = tempDir();
    const bundle = readFileSync(SEED.reprintA, 'utf8');
    writeFileSync(path.join(dir, 'a.txt'), bundle);
    writeFileSync(path.join(dir, 'b.txt'), bundle.replace('Only three functioning crossings remain', 'Only two functioning crossings remain'));
    const { report } = await runRawJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: dir });
    expect(report.from.story).toBeUndefined();
    expect(report.to.story).toBeUndefined();
    expect((await runCli(['diff', '-q', 'a.txt', 'b.txt'], { cwd: dir })).code).toBe(1);
  });

  it('a bundle against its own first story: the same words, yet the files differ (-q exits 1), and the note says which story', async () => {
    const dir = tempDir();
    const bundle = readFileSync(SEED.reprintA, 'utf8');
    writeFileSync(path.join(dir, 'bundle.txt'), bundle);
    writeFileSync(path.join(dir, 'story.txt'), `${bundle.split('\n').slice(0, 30).join('\n')}\n`);
    expect((await runCli(['diff', '-q', 'story.txt', 'bundle.txt'], { cwd: dir })).code).toBe(1);
    const { stdout } = await runCli(['diff', '--no-color', 'story.txt', 'bundle.txt'], { cwd: dir });
    expect(stdout).toContain('bundle.txt holds 2 stories; compared story 1, lines 1-30');
  });

  it('two files of one story each are compared whole, as before', async () => {
    const { report } = await runRawJson<DiffReport>(['diff', SEED.original, SEED.update]);
    expect(report.from.story).toBeUndefined();
    expect(report.to.story).toBeUndefined();
  });
});
