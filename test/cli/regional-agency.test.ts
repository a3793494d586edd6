/**
 * `--agency` (and a config's "agency"): a name read as an agency's credit besides the built-in
 * ones (core/scan/provenance.ts, creditPatterns). fixtures/regional-agency: a Northwire story
 * and a copy that dropped its credit; a new user's trial found the copy named the original, its
 * bare dateline the only wire evidence, since "(Northwire)" counted for nothing.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/regional-agency';

function originalOf(report: Report): string | null {
  return report.groups[0]?.original ?? null;
}

describe("a regional agency's credit", () => {
  it('counts for nothing unnamed: the copy that dropped it is taken for the original', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    expect(originalOf(report)).toBe(`${FOLDER}/gazette.txt`);
    expect(report.options.agencies).toBeUndefined();
  });

  it('named with --agency, makes its story the original, and the copy dropped it', async () => {
    const { result, report } = await runJson<Report>([FOLDER, '--json', '--agency', 'Northwire']);
    expect(result.code).toBe(0);
    expect(originalOf(report)).toBe(`${FOLDER}/northwire.txt`);
    expect(report.groups[0]!.originalReasons).toContainEqual({ kind: 'dateline', detail: 'PORTSMOUTH, Maine (Northwire) —', weight: 3 });
    const copy = report.groups[0]!.members.find((m) => m.path.endsWith('gazette.txt'))!;
    expect(copy.comparison?.edits.map((e) => e.kind)).toContain('credit-dropped');
    expect(report.options.agencies).toEqual(['Northwire']);
    const human = await runInProcess([FOLDER, '--no-color', '--agency', 'Northwire']);
    expect(human.stdout).toMatch(/reprint {3}fixtures\/regional-agency\/gazette\.txt +keeps \d+% of the original; .*; agency credit dropped, trimmed from the bottom \(2\);/);
  });

  it('named in a config file as "agency", for the scan and for check', async () => {
    const cwd = tempDir('regional-agency-');
    mkdirSync(path.join(cwd, 'in'));
    for (const name of ['northwire.txt', 'gazette.txt']) copyFileSync(path.join(FOLDER, name), path.join(cwd, 'in', name));
    writeFileSync(path.join(cwd, '.dedupe.json'), JSON.stringify({ agency: ['Northwire'] }));
    expect(originalOf((await runJson<Report>(['in', '--json'], { cwd })).report)).toBe('in/northwire.txt');
    // An index of another story: the two incoming articles are a new story's group.
    copyFileSync('fixtures/seeds/004_7a4f2c888cc0ca1e.txt', path.join(cwd, 'other.txt'));
    expect((await runInProcess(['index', 'add', '-q', 'other.txt'], { cwd })).code).toBe(0);
    expect(originalOf((await runJson<Report>(['check', '--json', 'in'], { cwd })).report)).toBe('in/northwire.txt');
  });

  it('named to dedupe report, as to the scan (beyond one machine)', async () => {
    const out = path.join(tempDir('regional-agency-signed-'), 'signed');
    expect((await runInProcess(['sign', FOLDER, '--out', out, '-q'])).code).toBe(0);
    expect((await runInProcess(['join', out, '-q'])).code).toBe(0);
    expect(originalOf((await runJson<Report>(['report', out, '--json', '--agency', 'Northwire'])).report)).toBe(`${FOLDER}/northwire.txt`);
  });

  it('in a config, is a name or a list of names: another type is an error naming the file (exit 2)', async () => {
    const cwd = tempDir('regional-agency-config-');
    writeFileSync(path.join(cwd, '.dedupe.json'), JSON.stringify({ agency: 3 }));
    const result = await runInProcess(['.'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("dedupe: error: .dedupe.json: agency must be an agency's name or a list of them, got 3\n");
  });

  it('takes a name as its credit writes it: empty or bracketed is a usage error (exit 2)', async () => {
    for (const bad of ['', '(Northwire)']) {
      const result = await runInProcess([FOLDER, '--agency', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`dedupe: error: --agency takes an agency's name as its credit writes it in brackets, such as --agency Northwire for "(Northwire)"; got '${bad}'\n`);
    }
  });
});
