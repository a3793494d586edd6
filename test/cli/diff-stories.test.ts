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
    // The repeated headline and captions and the bare "TT" are left out, as the scan leaves them out (80% with them).
    expect(stdout).toMatch(/the second keeps 94% of the first's words, and 89% of its own words come from it/);
    expect(stdout).toContain(`\n${SEED.reprintA}: 7 paragraphs left out, as a scan leaves them out of a story: lines 1, 3, 4, 7, 9, 10 (repeated in the file); line 5 (artifact)\n`);
    expect(stdout).not.toMatch(/Lebanon/);
  });

  it('--json gives the story compared, and the paragraphs and words of that story', async () => {
    const { report } = await runRawJson<DiffReport>(['diff', SEED.original, SEED.reprintA]);
    expect(report.from.story).toBeUndefined();
    expect(report.to.story).toEqual({ index: 0, stories: 2, startLine: 1, endLine: 30 });
    expect(report.to.paragraphs).toBe(19);
    expect(report.blocks.every((b) => b.to.every((ref) => ref.endLine <= 30))).toBe(true);
  });

  it('leaves out the repeated headline, captions and "TT" as the scan does: 1 paragraph added where it listed 8 (a new user)', async () => {
    const { report } = await runRawJson<DiffReport>(['diff', SEED.reprintA, SEED.original]);
    expect(report.summary).toMatchObject({ dropped: 1, added: 1 });
    expect(report.from.setAside?.map((p) => [p.startLine, p.reason, p.repeatOfLine ?? null])).toEqual([
      [1, 'repeat', null],
      [3, 'repeat', null],
      [4, 'repeat', 3],
      [5, 'artifact', null],
      [7, 'repeat', 1],
      [9, 'repeat', 3],
      [10, 'repeat', 3],
    ]);
    expect(report.from.setAside?.[0]?.text).toMatch(/^Officials Say North Korea Has Sent Troops/);
    expect(report.to.setAside).toBeUndefined();
    // No aligned block names a line set aside.
    const aside = new Set(report.from.setAside?.map((p) => p.segment));
    expect(report.blocks.some((b) => b.from.some((ref) => aside.has(ref.segment)))).toBe(false);
  });

  it('a file against itself: its repeats are said once for both, and nothing changed (exit 0 with --exit-code)', async () => {
    const { stdout, code } = await runCli(['diff', '--no-color', '--exit-code', SEED.reprintA, SEED.reprintA]);
    expect(code).toBe(0);
    expect(stdout).toContain('\nboth files: 14 paragraphs left out, as a scan leaves them out of a story: lines 1, 3, 4, 7, 9, 10, 34, 36, 37, 40, 42, 43 (repeated in the file); lines 5, 38 (artifact)\n');
    expect(stdout).toMatch(/\nno change: the 31 paragraphs have the same words, in the same order\n$/);
  });

  it('a headline repeated in both files and reworded in both is a change, shown; in other quotes only, no change (review: it exited 1 and showed nothing)', async () => {
    const dir = tempDir();
    const story = 'Council "approves" harbour plan\n\nThe council voted on Monday to dredge the harbour channel before the summer season.\n\nShips have waited outside since a storm left a sand bar across the channel.\n\nCouncil "approves" harbour plan\n\nThe work will cost four million euros, the mayor said after the meeting.\n';
    writeFileSync(path.join(dir, 'a.txt'), story);
    writeFileSync(path.join(dir, 'b.txt'), story.replaceAll('"approves"', 'rejects'));
    writeFileSync(path.join(dir, 'c.txt'), story.replaceAll('"approves"', '\u201capproves\u201d'));
    const changed = await runCli(['diff', '--no-color', '--exit-code', 'a.txt', 'b.txt'], { cwd: dir });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('\n  set aside only in a.txt, line 1 (repeated in the file): [-Council "approves" harbour plan-]\n');
    expect(changed.stdout).toContain('\n  set aside only in b.txt, line 7 (repeated in the file): {+Council rejects harbour plan+}\n');
    expect(changed.stdout).not.toContain('both files');
    const { report } = await runRawJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: dir });
    expect(report.from.setAside?.map((p) => p.changed)).toEqual([true, true]);
    const quotes = await runCli(['diff', '--no-color', '--exit-code', 'a.txt', 'c.txt'], { cwd: dir });
    expect(quotes.code).toBe(0);
    expect(quotes.stdout).toContain('\nboth files: 2 paragraphs left out, as a scan leaves them out of a story: lines 1, 7 (repeated in the file)\nno change: ');
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
