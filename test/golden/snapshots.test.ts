/**
 * Frozen behaviour (issue 8, "freeze behaviour first"): the human report (no colour), the JSON
 * report and `dedupe diff` output on the seeds and on every edge-case fixture, compared byte for
 * byte with the files in test/golden/snapshots/. A change to any of them must be intended: rerun
 * with UPDATE_GOLDEN=1 to rewrite the files, and commit them with a message that says why.
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const snapshots = path.join(repoRoot, 'test/golden/snapshots');
const update = process.env.UPDATE_GOLDEN === '1';

const SEEDS = 'fixtures/seeds';
const S = (name: string): string => `${SEEDS}/${name}`;
const EDGE_CASES = ['bad-files', 'bom', 'hard-wrapped', 'line-endings', 'one-paragraph-per-line', 'site-footer'];

/** Name of the snapshot file, and the command line (without `dedupe`). */
const CASES: Array<[string, string[]]> = [
  ['scan-seeds.txt', ['--no-color', SEEDS]],
  ['scan-seeds-diff.txt', ['--no-color', '--diff', SEEDS]],
  ['scan-seeds-quiet.txt', ['--no-color', '-q', SEEDS]],
  ['scan-seeds.json', ['--json', SEEDS]],
  ['scan-seeds-all-matches.json', ['--json', '--max-matches', '0', SEEDS]],
  ['scan-seeds-original-reprint-diff.txt', ['--no-color', '--diff', S('002_b644d28894aa6977.txt'), S('000_2c77c33462164435.txt')]],
  ['scan-fixtures.txt', ['--no-color', '--diff', 'fixtures']],
  ['scan-fixtures.json', ['--json', 'fixtures']],
  ...EDGE_CASES.flatMap((name): Array<[string, string[]]> => [
    [`scan-${name}.txt`, ['--no-color', `fixtures/${name}`]],
    [`scan-${name}.json`, ['--json', `fixtures/${name}`]],
  ]),
  ['diff-002-000.json', ['diff', '--json', S('002_b644d28894aa6977.txt'), S('000_2c77c33462164435.txt')]],
  ['diff-002-001.json', ['diff', '--json', S('002_b644d28894aa6977.txt'), S('001_9df642e36ad14cf8.txt')]],
  ['diff-002-003.json', ['diff', '--json', S('002_b644d28894aa6977.txt'), S('003_600098fa7e119347.txt')]],
  ['diff-002-004.json', ['diff', '--json', S('002_b644d28894aa6977.txt'), S('004_7a4f2c888cc0ca1e.txt')]],
  ['diff-002-003.txt', ['diff', '--no-color', S('002_b644d28894aa6977.txt'), S('003_600098fa7e119347.txt')]],
  ['diff-002-000.txt', ['diff', '--no-color', '--context', '0', S('002_b644d28894aa6977.txt'), S('000_2c77c33462164435.txt')]],
  ['diff-hard-wrapped.json', ['diff', '--json', 'fixtures/hard-wrapped/harbour-wrapped.txt', 'fixtures/hard-wrapped/harbour-reprint.txt']],
  ['diff-one-paragraph-per-line.json', ['diff', '--json', 'fixtures/one-paragraph-per-line/library.txt', 'fixtures/one-paragraph-per-line/library-copy.txt']],
  ['diff-site-footer.json', ['diff', '--json', 'fixtures/site-footer/bakery.txt', 'fixtures/site-footer/bakery-reprint.txt']],
];

describe('golden output (byte for byte)', () => {
  it.each(CASES)('%s', async (name, argv) => {
    const { stdout, stderr, code } = await runInProcess(argv);
    const actual = `$ dedupe ${argv.join(' ')}\nexit ${code}\n--- stderr\n${stderr}--- stdout\n${stdout}`;
    const file = path.join(snapshots, name);
    if (update || !existsSync(file)) {
      mkdirSync(snapshots, { recursive: true });
      writeFileSync(file, actual);
      if (!update) throw new Error(`${name}: no snapshot yet; written, check it and commit it`);
      return;
    }
    expect(actual === readFileSync(file, 'utf8'), `${name} differs from its snapshot; rerun with UPDATE_GOLDEN=1 if the change is intended`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
