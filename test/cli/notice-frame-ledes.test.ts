/**
 * One newsroom's automated dividend notices for six companies (fixtures/notice-frame-ledes):
 * every line but the lede is a template's line, which links nothing; the ledes ("DENVER
 * (Metrowire) - Quarry Ltd raised its quarterly dividend to 14 cents a share from 12 cents ...")
 * differ in names and figures only, and passage alignment paired them, so the six were one
 * syndication group of copies in a folder scan (session 33's trial). In a scan under 200
 * documents a pair whose word diff swaps names and changes nothing but names and figures,
 * between stories that name different companies, is a template fill (scan/name-fills.ts): the
 * ledes stay edited and link nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { fillsOnlyNamesAndFigures } from '../../src/core/scan/name-fills.js';
import { wordDiff } from '../../src/core/align/worddiff.js';
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/notice-frame-ledes';

describe('notices of one frame whose ledes differ in names and figures only', () => {
  it('form no group, their ledes still edited, as template fills', async () => {
    // The human report's summary too: a scan of the folder found 1 group before.
    expect((await runJson<Report>([FOLDER, '--json'])).report.summary.groups).toBe(0);
    const { report } = await runJson<Report>([FOLDER, '--json']);
    expect(report.groups).toEqual([]);
    const quarry = report.documents.find((doc) => doc.path.endsWith('quarry.txt'))!;
    const lede = quarry.segments.find((seg) => seg.text.startsWith('DENVER'))!;
    expect(lede).toMatchObject({ status: 'edited', template: 'fill' });
  });
});

describe('fillsOnlyNamesAndFigures', () => {
  const swaps = (a: string, b: string): boolean => fillsOnlyNamesAndFigures(wordDiff(a, b));

  it('holds for a frame filled in for another company', () => {
    expect(swaps('DENVER (Metrowire) - Quarry Ltd raised its dividend to 14 cents.', 'AUSTIN (Metrowire) - Redwood Inc raised its dividend to 16 cents.')).toBe(true);
  });

  it('not for figures updated under the same names, a tag added to a headline, or words reworded', () => {
    expect(swaps('More than 900 firefighters battled the Ridge Fire.', 'More than 1,700 firefighters battled the Ridge Fire.')).toBe(false);
    expect(swaps('Chile copper mine halts output after collapse', 'UPDATE 1-Chile copper mine halts output after collapse')).toBe(false);
    expect(swaps('Quarry Ltd raised its dividend on Monday.', 'Redwood Inc lifted its payout on Monday.')).toBe(false);
    expect(swaps('Quarry Ltd', 'Redwood Inc')).toBe(false);
    // A credit changed, a name spelt another way: no figure changed (a review).
    expect(swaps('SPRINGFIELD (AP) — The council approved 12 new buses.', 'SPRINGFIELD (Reuters) - The council approved 12 new buses.')).toBe(false);
    expect(swaps('Moammar Gadhafi ruled for 42 years.', 'Muammar Gaddafi ruled for 42 years.')).toBe(false);
  });
});

describe('reprints that change only names (fixtures/names-changed-reprints; a review of the first version, which left each ungrouped)', () => {
  it.each([
    ['a-brief', 'the credit in a brief'],
    ['b-translit', 'a name spelt another way throughout'],
    ['c-correction', 'a misspelt name corrected'],
    ['e-opener', "a sentence's first word"],
    ['h-namedense', 'the credit in a lede naming four leaders'],
  ])('%s (%s) is grouped with its source', async (name) => {
    const dir = tempDir('names-changed-');
    for (const file of readdirSync('fixtures/names-changed-reprints').filter((f) => f.startsWith(`${name}-`))) copyFileSync(path.join('fixtures/names-changed-reprints', file), path.join(dir, file));
    const { report } = await runJson<Report>([dir, '--json']);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.members).toHaveLength(2);
  });
});
