/**
 * A reprint that adds local paragraphs and its reporter's credit at the end is no original of
 * the wire story it reprints (fixtures/local-tail; a new user's run).
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { creditPatterns, isStaffCredit } from '../../src/core/scan/provenance.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/in-process.js';

const GAZETTE = 'fixtures/local-tail/gazette.txt';

describe('a wire story with a local tail added (fixtures/local-tail)', () => {
  it('is not the original of the wire story: the two tie on the AP dateline, and neither holds the other as its trimmed copy', async () => {
    const { report } = await runJson<Report>([SEED.original, GAZETTE]);
    const group = report.groups[0]!;
    expect(group.original).toBeNull();
    expect(group.members.flatMap((m) => m.reasons).filter((r) => r.kind === 'containment')).toEqual([]);
  });

  it('the older file then decides: the wire story is the original, the gazette a reprint with 3 paragraphs added', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'wire.txt'), readFileSync(SEED.original));
    writeFileSync(path.join(dir, 'gazette.txt'), readFileSync(GAZETTE));
    utimesSync(path.join(dir, 'wire.txt'), new Date('2024-10-23T08:00:00Z'), new Date('2024-10-23T08:00:00Z'));
    utimesSync(path.join(dir, 'gazette.txt'), new Date('2024-10-24T08:00:00Z'), new Date('2024-10-24T08:00:00Z'));
    const { report } = await runJson<Report>(['.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe('wire.txt');
    const gazette = group.members.find((m) => m.path === 'gazette.txt')!;
    expect(gazette.role).toBe('reprint');
    expect(gazette.comparison!.paragraphs).toMatchObject({ shared: 23, added: 3, dropped: 0 });
  });

  it("an agency's own credit closing the tail is the wire's: the fuller text keeps the trimmed-copy evidence", async () => {
    const dir = tempDir();
    const wire = readFileSync(SEED.original, 'utf8').trimEnd();
    writeFileSync(path.join(dir, 'cut.txt'), `${wire}\n`);
    writeFileSync(path.join(dir, 'full.txt'), `${wire}\n\nRussia has denied sending troops, and North Korea has not commented on the reports.\n\nAssociated Press writer Hyung-jin Kim in Seoul, South Korea, contributed to this report.\n`);
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    expect(report.groups[0]!.original).toBe('full.txt');
  });
});

describe("an outlet's own story closing with its reporter's credit (review)", () => {
  it('is still the original of its trimmed copy: no agency dateline, so the credit is its own', async () => {
    const dir = tempDir();
    const story = readFileSync(SEED.original, 'utf8').replace('KYIV, Ukraine (AP) — ', '').trimEnd();
    writeFileSync(path.join(dir, 'full.txt'), `${story}\n\nChoe Sang-Hun contributed reporting from Seoul, South Korea.\n`);
    writeFileSync(path.join(dir, 'trimmed.txt'), `${story.split('\n').slice(0, 14).join('\n')}\n`);
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    expect(report.groups[0]!.original).toBe('full.txt');
  });
});

describe('isStaffCredit', () => {
  it("reads an outlet's staff credit, not an agency's", () => {
    expect(isStaffCredit('Staff writer John Roe contributed to this report from Springfield.')).toBe(true);
    expect(isStaffCredit('Gazette reporter Ann Lee contributed to this report.')).toBe(true);
    expect(isStaffCredit('Associated Press writer Jim Heintz in Kyiv contributed to this report.')).toBe(false);
    expect(isStaffCredit('Reuters reporters in Moscow contributed to this report.')).toBe(false);
    expect(isStaffCredit('The council approved the report on Tuesday.')).toBe(false);
  });

  it('finds an --agency name that begins or ends with a letter outside ASCII', () => {
    const credits = creditPatterns(['ČTK', 'Agência Brasil', 'Tanjug']);
    expect(isStaffCredit('ČTK reporters in Prague contributed to this report.', credits)).toBe(false);
    expect(isStaffCredit('Staff writer Ana Lima and Agência Brasil contributed to this report.', credits)).toBe(false);
    // Inside a longer word a name is no credit.
    expect(isStaffCredit('Staff writer Ana Tanjugová contributed to this report.', credits)).toBe(true);
  });
});
