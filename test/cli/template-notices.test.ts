/**
 * Notices of one template about different companies are no syndication group
 * (fixtures/template-notices; core/scan/grouping.ts, toldApart): each headline and lede is the
 * template filled in anew, and the fixed lines they all carry (the payable line, "The company has
 * paid a dividend every quarter since ...", the tagline) are the template's. A new user's thirty
 * such notices were one group. A reprint of one notice is still grouped with it.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/template-notices';

describe('dividend notices of one template about twelve companies', () => {
  it('form no group', async () => {
    const { result, report } = await runJson<Report>([FOLDER, '--json']);
    expect(result.code).toBe(0);
    expect(report.summary.documents).toBe(12);
    expect(report.groups).toEqual([]);
    // Their lines are still found in one another: the template's text recurs.
    expect(report.summary.shared + report.summary.edited).toBeGreaterThan(0);
  });

  it('but a reprint of one of them is grouped with it', async () => {
    const dir = tempDir('template-notices-');
    for (const name of readdirSync(FOLDER).filter((n) => n.endsWith('.txt'))) copyFileSync(path.join(FOLDER, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'reprint-of-halden.txt'), `${readFileSync(path.join(FOLDER, 'halden.txt'), 'utf8')}\nReprinted with permission by the Lakeside Courier.\n`);
    const { report } = await runJson<Report>([dir, '--json']);
    expect(report.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['halden.txt', 'reprint-of-halden.txt']]);
  });
});
