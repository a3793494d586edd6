/** Issue 11, defect 2: a byte-identical copy of the original does not erase the provenance. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const COPY = 'fixtures/exact-copy/002-copy.txt';

describe('an exact copy of the original (fixtures/exact-copy)', () => {
  it('the evidence still decides the original, and the copies name each other', async () => {
    const { report } = await runJson<Report>(['fixtures/seeds', COPY]);
    expect(report.groups).toHaveLength(1);
    const group = report.groups[0]!;
    // Of the two copies of 002's text, the first in path order represents it.
    expect(group.original).toBe(COPY);
    expect(group.confidence).toBeGreaterThan(0.7);
    expect(group.originalReasons).toContainEqual({ kind: 'dateline', detail: 'KYIV, Ukraine (AP) —', weight: 3 });
    const index = (path: string) => group.members.findIndex((m) => m.path === path);
    const copy = group.members[index(SEED.original)]!;
    expect(copy).toMatchObject({ role: 'reprint', duplicateOf: index(COPY) });
    expect(copy.comparison!.coverage).toBe(1);
    expect(group.members[index(SEED.update)]!.role).toBe('version');
    expect(group.members[index(SEED.reprintA)]!.role).toBe('reprint');
    expect(group.members[index(SEED.unrelated)]).toBeUndefined();
  });

  it("a copy of another member (the write-through 003) changes nothing but its own line: 002 stays the original, 003's story pair with it the same", async () => {
    const UPDATE_COPY = 'fixtures/exact-copy/003-copy.txt';
    const { report: without } = await runJson<Report>(['fixtures/seeds']);
    const { report } = await runJson<Report>(['fixtures/seeds', UPDATE_COPY]);
    const group = report.groups[0]!;
    expect(group.original).toBe(SEED.original);
    expect(group.confidence).toBe(without.groups[0]!.confidence);
    const member = (path: string) => group.members.find((m) => m.path === path)!;
    expect(member(SEED.update).role).toBe('version');
    expect(member(UPDATE_COPY).role).toBe('version');
    // The first in path order (the copy) represents the text; the other names it.
    expect(member(SEED.update).duplicateOf).toBe(group.members.indexOf(member(UPDATE_COPY)));
    // The story pair 002-003 as measured without the copy (the channel still pairs 003's reworded paragraphs).
    const pairOf = (r: Report, other: string) => {
      const pair = r.storyPairs.find((p) => p.stories.some((s) => s.path === SEED.original) && p.stories.some((s) => s.path === other))!;
      // Oriented: index 0 about 002 (a pair lists its stories in path order).
      const at = pair.stories[0].path === SEED.original ? [0, 1] : [1, 0];
      const oriented = <T>(values: [T, T]): T[] => at.map((k) => values[k]!);
      return { words: oriented(pair.words), bigrams: oriented(pair.bigrams), reused: oriented(pair.reused), calls: oriented(pair.calls) };
    };
    const expected = pairOf(without, SEED.update);
    expect(pairOf(report, SEED.update)).toEqual(expected);
    expect(pairOf(report, UPDATE_COPY)).toEqual(expected);
  });

  it('a copy of the write-through beside it and the first version: still undecided, as the two alone (the copy made the write-through "hold 100%" and the original)', async () => {
    const dir = tempDir();
    for (const name of ['ap.txt', 'ap-writethrough.txt']) writeFileSync(path.join(dir, name), readFileSync(`fixtures/write-through/${name}`));
    writeFileSync(path.join(dir, 'reprint.txt'), readFileSync('fixtures/write-through/ap-writethrough.txt'));
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    expect(report.groups[0]!.original).toBeNull();
    expect(report.groups[0]!.members.flatMap((m) => m.reasons).filter((r) => r.kind === 'containment')).toEqual([]);
  });

  it('the human report says which copy another is identical to', async () => {
    const { stdout } = await runCli(['--no-color', 'fixtures/seeds', COPY]);
    expect(stdout).toMatch(/^ {2}original {2}fixtures\/exact-copy\/002-copy\.txt\s*$/m);
    expect(stdout).toMatch(/^ {2}reprint {3}fixtures\/seeds\/002_b644d28894aa6977\.txt\s+identical to fixtures\/exact-copy\/002-copy\.txt$/m);
  });

  it('two identical copies alone (original undecided) are each said to be identical to the other', async () => {
    const { stdout } = await runCli(['--no-color', SEED.original, COPY]);
    expect(stdout).toMatch(/original undecided/);
    expect(stdout).toMatch(/^ {2}copy {6}fixtures\/exact-copy\/002-copy\.txt\s+identical to fixtures\/seeds\/002_b644d28894aa6977\.txt$/m);
    expect(stdout).toMatch(/^ {2}copy {6}fixtures\/seeds\/002_b644d28894aa6977\.txt\s+identical to fixtures\/exact-copy\/002-copy\.txt$/m);
    expect(stdout).not.toMatch(/story derived/);
  });

  it('a copy with a footer added is identical apart from boilerplate: its file is not the other\'s (found by a new user, whom dedupe diff showed the footer added)', async () => {
    const dir = tempDir();
    const wire = readFileSync(SEED.original, 'utf8').trimEnd();
    writeFileSync(path.join(dir, 'wire.txt'), `${wire}\n`);
    writeFileSync(path.join(dir, 'copy.txt'), `${wire}\n`);
    writeFileSync(path.join(dir, 'footer.txt'), `${wire}\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n`);
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    const members = report.groups[0]!.members;
    const of = (name: string) => members.find((m) => m.path === name)!;
    expect(of('footer.txt').duplicateOf).not.toBeNull();
    expect(of('footer.txt').duplicateExceptBoilerplate).toBe(true);
    expect(of('wire.txt').duplicateOf).not.toBeNull();
    expect(of('wire.txt').duplicateExceptBoilerplate).toBeUndefined();
    const { stdout } = await runCli(['--no-color', '.'], { cwd: dir });
    expect(stdout).toMatch(/footer\.txt +identical to copy\.txt apart from boilerplate$/m);
    expect(stdout).toMatch(/wire\.txt +identical to copy\.txt$/m);
  });
});


describe("two pages of one site, their footer's copyright, newsletter and tag lines alike (found by a new user)", () => {
  it('are not grouped by their footer: its lines are boilerplate, even on two pages', async () => {
    const dir = tempDir();
    const footer = ['Click here to subscribe to the Valley Courier daily briefing.', 'Copyright 2024 Valley Courier Media Group. All rights reserved.', 'Posted in World News | Tagged Korea, Russia, Ukraine'].join('\n');
    writeFileSync(path.join(dir, 'korea.txt'), `${readFileSync(SEED.original, 'utf8').trimEnd()}\n${footer}\n`);
    writeFileSync(path.join(dir, 'other.txt'), `${readFileSync(SEED.unrelated, 'utf8').split('\n').slice(0, 20).join('\n')}\n${footer}\n`);
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    expect(report.groups).toEqual([]);
    const other = report.documents.find((d) => d.path === 'other.txt')!;
    expect(other.segments.slice(-3).map((s) => s.status)).toEqual(['boilerplate', 'boilerplate', 'boilerplate']);
  });
});
