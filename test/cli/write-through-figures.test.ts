/**
 * An agency's write-through updates the figures of a paragraph it keeps ("More than 900
 * firefighters, supported by 14 air tankers ..." became "More than 1,700 firefighters, supported
 * by 20 air tankers ..."; fixtures/write-through-figures). Passage alignment takes no sentence
 * pair whose figures differ as a seed, so that notices of one template about different companies
 * do not pair, and the paragraph was "dropped" and "added" in the scan and in `dedupe diff` (a
 * new user's trial). Two articles that are one story already by paragraphs kept word for word,
 * and that name the same places, people and bodies (text/names.ts), are aligned with figures
 * free to differ (rewrite/passages.ts, figuresDiffer): the paragraph is edited, its word diff
 * showing the new figures. Two eurobond notices of different issuers that keep one long fixed
 * line (fixtures/template-fixed-line; a review of a first version without the names, which
 * paired their fills) stay apart.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/write-through-figures';
const FIRST = `${FOLDER}/ap-wildfire.txt`;
const UPDATE = `${FOLDER}/ap-wildfire-update.txt`;

describe('a write-through that updates the figures of a paragraph it keeps', () => {
  it('has that paragraph edited from the first version in a scan', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const update = report.documents.find((doc) => doc.path === UPDATE)!;
    const firefighters = update.segments.find((seg) => seg.text.startsWith('More than 1,700 firefighters'))!;
    expect(firefighters.status).toBe('edited');
    expect(firefighters.matches[0]).toMatchObject({ path: FIRST, reworded: true });
  });

  it('and in dedupe diff, with the figures in its word diff', async () => {
    const { stdout, code } = await runCli(['diff', '--no-color', FIRST, UPDATE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n +9 +→ 11 +edited +~0\.\d+ +More than \[-900-\] \{\+1,700\+\} firefighters/);
    expect(stdout).not.toMatch(/dropped +\[-More than 900 firefighters/);
  });
});

describe('two notices of one template about different issuers, one long line the same', () => {
  const NOTICES = 'fixtures/template-fixed-line';
  const GECC = `${NOTICES}/gecc-eurobond.txt`;
  const HAMBURGISCHE = `${NOTICES}/hamburgische-eurobond.txt`;

  it('keep their fills unpaired in a scan: only the fixed line is shared', async () => {
    const { report } = await runJson<Report>([NOTICES, '--json']);
    expect(report.summary).toMatchObject({ shared: 2, edited: 0 });
    for (const doc of report.documents) expect(doc.segments.filter((seg) => seg.status === 'edited')).toEqual([]);
  });

  it('and in dedupe diff', async () => {
    const { stdout, code } = await runCli(['diff', '--no-color', GECC, HAMBURGISCHE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n +3 +→ - +dropped +\[-General Electric Credit Corp/);
    expect(stdout).toMatch(/\n +7 +→ - +dropped +\[-The selling concession is one pct/);
    expect(stdout).not.toMatch(/ edited /);
  });
});

describe('two such notices whose issuers share their lead manager (a review)', () => {
  it('name the same bank and place, but the swapped issuer in the lede keeps them apart, in a scan and in dedupe diff', async () => {
    const dir = tempDir('same-manager-');
    const gecc = readFileSync('fixtures/template-fixed-line/gecc-eurobond.txt', 'utf8').replace('lead manager Hambros Bank Ltd', 'lead manager Orion Royal Bank Ltd');
    writeFileSync(path.join(dir, 'gecc.txt'), gecc);
    copyFileSync('fixtures/template-fixed-line/hamburgische-eurobond.txt', path.join(dir, 'hamburgische.txt'));
    const { report } = await runJson<Report>([dir, '--json']);
    expect(report.summary).toMatchObject({ shared: 2, edited: 0 });
    const { stdout } = await runCli(['diff', '--no-color', path.join(dir, 'gecc.txt'), path.join(dir, 'hamburgische.txt')]);
    expect(stdout).toMatch(/\n +3 +→ - +dropped +\[-General Electric Credit Corp/);
    expect(stdout).not.toMatch(/ edited /);
  });
});
