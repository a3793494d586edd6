/**
 * Dividend notices of six companies in one frame, two of which happen to fill the payable line
 * alike ("payable on April 1 to shareholders of record ... March 15"): that line held word for
 * word is half of a short notice, and the two became copies, and `check --fail-on shared`
 * failed the second company's notice (a review). Stories are copies through a template's texts
 * only when they hold several of its paragraphs word for word (grouping.ts,
 * COPIED_TEMPLATE_MIN_CLUSTERS). The notices are written here, not kept in fixtures/: beside
 * fixtures/template-notices' twelve (another frame of such notices) the eighteen chain into one
 * group, as they did before this rule (open: two frames of one kind of notice).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

/** Company, city, cents, payable date, record date. */
const NOTICES: ReadonlyArray<readonly [string, string, number, string, string]> = [
  ['Greyfield', 'DAYTON', 10, 'April 1', 'March 15'],
  ['Hartwell', 'BOISE', 12, 'April 8', 'March 22'],
  ['Ivybridge', 'WICHITA', 14, 'April 15', 'March 29'],
  ['Juniper', 'PROVO', 10, 'April 1', 'March 15'],
  ['Kingsley', 'PEORIA', 16, 'May 6', 'April 19'],
  ['Larkspur', 'MOLINE', 18, 'May 13', 'April 26'],
];

function notice([company, city, cents, payable, record]: (typeof NOTICES)[number]): string {
  return [
    `${company} Corp declares quarterly dividend`,
    `${city} (Northwire) — ${company} Corp said on Thursday its board declared a quarterly cash dividend of ${cents} cents per share.`,
    `The dividend is payable on ${payable} to shareholders of record at the close of business on ${record}, and the ex-dividend date falls one business day before the record date, the company said.`,
  ].join('\n\n') + '\n';
}

/** The notices in `dir/folder`, all but `except`; returns the folder. */
function write(dir: string, folder: string, except?: string): string {
  mkdirSync(path.join(dir, folder), { recursive: true });
  for (const entry of NOTICES) if (entry[0] !== except) writeFileSync(path.join(dir, folder, `${entry[0].toLowerCase()}.txt`), notice(entry));
  return path.join(dir, folder);
}

describe('two companies whose notices fill one line of the frame alike', () => {
  it('are no copies of each other in a scan', async () => {
    const folder = write(tempDir(), 'notices');
    const { report } = await runJson<Report>([folder, '--json']);
    expect(report.groups).toEqual([]);
    const juniper = report.documents.find((doc) => doc.path.endsWith('juniper.txt'))!;
    const payable = juniper.segments.find((seg) => seg.text.startsWith('The dividend is payable on April 1'))!;
    expect(payable.template).toBe('lines');
  });

  it('and the second passes check --fail-on shared against an index of the others', async () => {
    const dir = tempDir();
    write(dir, 'archive', 'Juniper');
    writeFileSync(path.join(dir, 'juniper.txt'), notice(NOTICES[3]!));
    expect((await runCli(['index', 'add', 'archive', '-q'], { cwd: dir })).code).toBe(0);
    const gate = await runCli(['check', 'juniper.txt', '-q', '--fail-on', 'shared'], { cwd: dir });
    expect(gate.stderr).toBe('');
    expect(gate.code).toBe(0);
  });
});
