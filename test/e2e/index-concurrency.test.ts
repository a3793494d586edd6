/**
 * Concurrent use of one index (issue 4): two checks at once, a check while an add runs, and
 * two adds at once (the second waits for the first's write lock), including two adds that
 * both create the index.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { writeArticles } from '../helpers/articles.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCliAsync, startCli } from '../helpers/spawn.js';
import { readReport } from '../helpers/report.js';

function indexWithSeeds(dir: string): string {
  const db = path.join(dir, 'index.db');
  const result = runCli(['index', 'add', '--db', db, SEED.original, SEED.unrelated]);
  expect(result.code, result.stderr).toBe(0);
  return db;
}

function documentsIn(db: string): number {
  return (JSON.parse(runCli(['index', 'stats', '--db', db, '--json']).stdout) as { documents: number }).documents;
}

describe('concurrent runs against one index', () => {
  it('two checks at once both work and agree', async () => {
    const db = indexWithSeeds(tempDir());
    const args = ['check', '--db', db, '--fail-on', 'edited', '--json', SEED.reprintA];
    const [a, b] = await Promise.all([runCliAsync(args), runCliAsync(args)]);
    for (const result of [a, b]) {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/^dedupe: --fail-on edited: \d+ paragraphs shared or edited \(/);
    }
    expect(a.stdout).toBe(b.stdout);
    const report = readReport<Report>(a.stdout);
    expect(report.documents[0]!.counts.edited).toBeGreaterThan(0);
  });

  it('a check while an add runs sees the index as it was before the add, or after it, and works', async () => {
    const dir = tempDir();
    const db = indexWithSeeds(dir);
    // An archive of 200 documents or more before and after the add: below that a check aligns
    // candidate articles whole, above it around their matches (rewrite/stage.ts, whole), which
    // pairs one more of the reprint's paragraphs.
    writeArticles(path.join(dir, 'archive'), 250, { seed: 4 });
    expect(runCli(['index', 'add', '--db', db, '-q', path.join(dir, 'archive')]).code).toBe(0);
    const expected = runCli(['check', '--db', db, '--json', SEED.reprintA]).stdout;
    // Unrelated articles: the check's report is the same before and after the add.
    writeArticles(path.join(dir, 'feed'), 400, { seed: 5 });
    const add = startCli(['index', 'add', '--db', db, '-q', path.join(dir, 'feed')]);
    let checks = 0;
    let duringAdd = 0;
    while (add.child.exitCode === null && checks < 20) {
      const check = await runCliAsync(['check', '--db', db, '--json', SEED.reprintA]);
      expect(check.code, check.stderr).toBe(0);
      expect(check.stderr).toBe('');
      expect(check.stdout).toBe(expected);
      checks++;
      if (add.child.exitCode === null) duringAdd++;
    }
    const added = await add.done;
    expect(added.code, added.stderr).toBe(0);
    // At least one check finished while the add was still writing.
    expect(duringAdd).toBeGreaterThan(0);
    expect(documentsIn(db)).toBe(652);
  });

  it('two adds at once: the second waits for the first, both land', async () => {
    const dir = tempDir();
    writeArticles(path.join(dir, 'one'), 150, { seed: 1 });
    writeArticles(path.join(dir, 'two'), 150, { seed: 2 });
    mkdirSync(path.join(dir, 'seeds'));
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'seeds', 'a.txt'));
    // Neither index exists yet: both runs try to create it.
    const db = path.join(dir, 'index.db');
    const [a, b] = await Promise.all([
      runCliAsync(['index', 'add', '--db', db, '-q', 'one', 'seeds'], { cwd: dir }),
      runCliAsync(['index', 'add', '--db', db, '-q', 'two', 'seeds'], { cwd: dir }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // seeds/a.txt is added by one run and skipped (unchanged) by the other.
    expect([a.stdout, b.stdout].join('')).toMatch(/1 skipped \(unchanged\)/);
    expect(documentsIn(db)).toBe(301);
    const verify = runCli(['index', 'stats', '--db', db, '--verify']);
    expect(verify.code).toBe(0);
  });
});

describe('check --add while another writer adds', () => {
  it('checks again against the index as it is now when it changed during the check: two copies of one new article never both pass and are both stored (a new user\'s run)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { checkPaths } = await import('../../src/engine/check.js');
    const dir = tempDir();
    const db = indexWithSeeds(dir);
    // One new article, arriving at two desks at once.
    writeArticles(path.join(dir, 'a'), 1, { seed: 77, paragraphs: 6, prefix: 'story-' });
    writeArticles(path.join(dir, 'b'), 1, { seed: 77, paragraphs: 6, prefix: 'story-' });
    const notices: string[] = [];
    let raced = false;
    const run = await checkPaths(
      { paths: ['a'], include: [], exclude: [], cwd: dir, db, defaultDb: false, requested: {}, wordOps: false, failOn: 'document', copyShare: 0.5, add: true, now: Date.now() },
      {
        notice: (message) => notices.push(message),
        progress: (event) => {
          // The other desk's run stores its copy while this one is being matched.
          if (event.stage !== 'match' || raced) return;
          raced = true;
          execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'dedupe.js'), 'index', 'add', '--db', db, 'b'], { cwd: dir });
        },
      },
    );
    expect(raced).toBe(true);
    expect(notices.join('\n')).toMatch(/changed while this batch was checked .*checking again/);
    // Checked again: this desk's copy of what the other stored is flagged, and not stored too.
    expect(run.flagged.map((d) => d.path)).toEqual(['a/story-0000.txt']);
    expect(run.added!.added).toEqual([]);
    expect(documentsIn(db)).toBe(3);
  }, 60_000);
});
