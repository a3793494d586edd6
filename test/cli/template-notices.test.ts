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
import { runCli, runJson } from '../helpers/in-process.js';

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

  it("count none of the template's lines as reuse: each notice is 0% reused, its lines marked the template's", async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    expect(report.documents.map((d) => d.reusedShare)).toEqual(report.documents.map(() => 0));
    const ashford = report.documents.find((d) => d.path.endsWith('ashford.txt'))!;
    // Headline, lede, payable line, "paid a dividend every quarter since", tagline; the closing price is unique.
    expect(ashford.segments.map((s) => s.template ?? s.status)).toEqual(['lines', 'lines', 'lines', 'lines', 'unique', 'lines']);
  });

  it('a new company\'s notice passes check --fail-on document against the others; a reprint of one fails it', async () => {
    const dir = tempDir('template-notices-check-');
    const db = path.join(dir, 'index.db');
    const names = readdirSync(FOLDER).filter((n) => n.endsWith('.txt'));
    const archived = names.filter((n) => n !== 'pinecrest.txt').map((n) => path.join(FOLDER, n));
    expect((await runCli(['index', 'add', '-q', '--db', db, ...archived])).code).toBe(0);
    const notice = await runCli(['check', '-q', '--fail-on', 'document', '--db', db, path.join(FOLDER, 'pinecrest.txt')]);
    expect(notice.stderr).toBe('');
    expect(notice.code).toBe(0);
    const reprint = path.join(dir, 'reprint-of-halden.txt');
    writeFileSync(reprint, `${readFileSync(path.join(FOLDER, 'halden.txt'), 'utf8')}\nReprinted with permission by the Lakeside Courier.\n`);
    const copy = await runCli(['check', '-q', '--fail-on', 'document', '--db', db, reprint]);
    expect(copy.code).toBe(1);
    expect(copy.stderr).toMatch(/--fail-on document: 1 article is a copy/);
  });

  it('but a reprint of one of them is grouped with it', async () => {
    const dir = tempDir('template-notices-');
    for (const name of readdirSync(FOLDER).filter((n) => n.endsWith('.txt'))) copyFileSync(path.join(FOLDER, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'reprint-of-halden.txt'), `${readFileSync(path.join(FOLDER, 'halden.txt'), 'utf8')}\nReprinted with permission by the Lakeside Courier.\n`);
    const { report } = await runJson<Report>([dir, '--json']);
    expect(report.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['halden.txt', 'reprint-of-halden.txt']]);
  });
});
