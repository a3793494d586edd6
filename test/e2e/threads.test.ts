/** Preparing on several threads (prepare-pool.ts) changes nothing a user sees. */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_FILES } from '../../src/engine/prepare-pool.js';
import { runCli } from '../helpers/cli.js';
import { writeArticles } from '../helpers/articles.js';
import { repoRoot } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

describe('worker threads', () => {
  it('give the same report, warnings and exit code as one thread', () => {
    const dir = tempDir();
    writeArticles(dir, PARALLEL_MIN_FILES + 40, { seed: 11, paragraphs: 6 });
    for (const seed of Object.values(SEED)) copyFileSync(path.join(repoRoot, seed), path.join(dir, path.basename(seed)));
    writeFileSync(path.join(dir, 'article-0101-binary.txt'), Buffer.from([1, 0, 2]));
    const one = runCli(['--json', '--fail-on', 'edited', dir], { env: { DEDUPE_THREADS: '1' } });
    const two = runCli(['--json', '--fail-on', 'edited', dir], { env: { DEDUPE_THREADS: '2' } });
    // Three workers and the main thread take jobs as each is free (JobQueue): still the one report.
    const four = runCli(['--json', '--fail-on', 'edited', dir], { env: { DEDUPE_THREADS: '4' } });
    // Reuse found (1), but the binary file was not read: a gate passes nothing it did not check (2).
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--fail-on edited: \d+ paragraphs shared or edited \(5 words or more, boilerplate and repeats left out\) in \d+ documents: .+\n/);
    expect(one.stderr).toMatch(/--fail-on edited: 1 article was not read, so not checked: .*article-0101-binary\.txt/);
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toMatch(/article-0101-binary\.txt: binary file/);
    expect(two.stdout).toBe(one.stdout);
    expect(four.stdout).toBe(one.stdout);
    expect(four.stderr).toBe(one.stderr);
    expect(four.code).toBe(one.code);
    const report = JSON.parse(two.stdout) as { summary: { documents: number; groups: number } };
    expect(report.summary.documents).toBe(PARALLEL_MIN_FILES + 40 + 5);
    expect(report.summary.groups).toBeGreaterThan(0);
  });
});
