/** Issue 11, defect 1: a reprint that keeps only the first paragraphs of a wire story is that story's reprint, not a site footer. */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import type { Report } from '../../src/core/types.js';
import { runJson } from '../helpers/in-process.js';

const DIR = 'fixtures/trimmed-reprint';

describe('a trimmed reprint (fixtures/trimmed-reprint)', () => {
  it('shares its four paragraphs with the full copies and joins their group', async () => {
    const { report, result } = await runJson<Report>([DIR]);
    expect(result.code).toBe(0);
    const trimmed = report.documents.find((d) => d.path === `${DIR}/first-four.txt`)!;
    expect(trimmed.segments.map((s) => s.status)).toEqual(['shared', 'shared', 'shared', 'shared']);
    expect(trimmed.group).not.toBeNull();
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.documents).toEqual([`${DIR}/first-four.txt`, `${DIR}/wire-copy.txt`, `${DIR}/wire.txt`]);
    expect(report.summary.boilerplate).toBe(0);
  });

  it('alone with the full story, the full story is its original: the trimmed copy is its opening paragraphs word for word (a new user got "undecided")', async () => {
    const { report, result } = await runJson<Report>([`${DIR}/wire.txt`, `${DIR}/first-four.txt`]);
    expect(result.code).toBe(0);
    expect(report.groups).toHaveLength(1);
    const group = report.groups[0]!;
    expect(group.original).toBe(`${DIR}/wire.txt`);
    expect(group.originalReasons.map((r) => r.detail)).toContain('the other copy is its opening paragraphs, word for word');
    const trimmed = group.members.find((m) => m.path === `${DIR}/first-four.txt`)!;
    expect(trimmed.role).toBe('reprint');
    expect(trimmed.comparison!.edits).toContainEqual({ kind: 'trimmed-from-bottom', count: 19 });
  });

  it('a copy cut by its last few paragraphs (the usual trim) is trimmed too (found in review)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    writeFileSync(path.join(dir, 'wire.txt'), wire);
    writeFileSync(path.join(dir, 'cut.txt'), `${wire.split('\n').slice(0, 19).join('\n')}\n`);
    const { report } = await runJson<Report>([dir]);
    expect(report.groups[0]!.original).toBe(path.join(dir, 'wire.txt'));
  });

  it('with a third copy that is no prefix (a reprint that dropped the dateline), the full story is still the original (found in review)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    const cut = `${wire.split('\n').slice(0, 12).join('\n')}\n`;
    writeFileSync(path.join(dir, 'wire.txt'), wire);
    writeFileSync(path.join(dir, 'cut.txt'), cut);
    writeFileSync(path.join(dir, 'herald.txt'), cut.replace('KYIV, Ukraine (AP) — ', ''));
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    expect(report.groups[0]!.original).toBe(path.join(dir, 'wire.txt'));
  });

  it('with a third copy trimmed further and a word changed, the full story is still the original (found by a new user)', async () => {
    const dir = tempDir();
    const lines = readFileSync(`${DIR}/wire.txt`, 'utf8').split('\n');
    writeFileSync(path.join(dir, 'full.txt'), lines.join('\n'));
    writeFileSync(path.join(dir, 'short.txt'), `${lines.slice(0, 15).join('\n')}\n`);
    writeFileSync(path.join(dir, 'ten-edited.txt'), `${lines.slice(0, 10).join('\n').replace('said', 'told reporters')}\n`);
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    expect(report.groups).toHaveLength(1);
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'full.txt'));
    expect(group.originalReasons.map((r) => r.detail)).toContain('the 2 other copies are its opening paragraphs, word for word but for 1 edited paragraph');
    expect(group.members.filter((m) => m.role === 'reprint').map((m) => path.basename(m.path))).toEqual(['short.txt', 'ten-edited.txt']);
  });

  it('a copy cut inside a paragraph, inside a word (head -c), is its opening paragraphs word for word (found by a new user)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    const cut = wire.slice(0, 1500);
    expect(cut.endsWith('\n') || cut.endsWith(' ')).toBe(false);
    writeFileSync(path.join(dir, 'wire.txt'), wire);
    writeFileSync(path.join(dir, 'cut.txt'), cut);
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'wire.txt'));
    expect(group.originalReasons.map((r) => r.detail)).toContain('the other copy is its opening paragraphs, word for word');
  });

  it('a copy cut to one word of a paragraph, or inside a long paragraph the copy keeps under 600 characters, is trimmed too (review)', async () => {
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    const lines = wire.split('\n');
    const long = [lines[0]!, lines.slice(1, 12).join(' '), ...lines.slice(12)].join('\n');
    const tenLines = lines.slice(0, 10).join('\n').length + 1;
    for (const [full, cut] of [
      [wire, wire.slice(0, tenLines + 2)], // "An": one word of the next paragraph
      [wire, wire.slice(0, 450)], // inside the third paragraph
      [long, long.slice(0, 700)], // inside the long paragraph, the copy's remnant one piece
      [long, long.slice(0, 1000)], // a lone word after a sentence break inside it
    ] as const) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'wire.txt'), full);
      writeFileSync(path.join(dir, 'cut.txt'), cut);
      const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
      expect(report.groups[0]!.original, JSON.stringify(cut.slice(-20))).toBe(path.join(dir, 'wire.txt'));
    }
  });

  it('an edited opening alone is no evidence of a trim: a brief and the write-through grown from it tie (review)', async () => {
    const dir = tempDir();
    const lines = readFileSync(`${DIR}/wire.txt`, 'utf8').split('\n');
    writeFileSync(path.join(dir, 'full.txt'), lines.join('\n'));
    writeFileSync(path.join(dir, 'ten-edited.txt'), `${lines.slice(0, 10).join('\n').replace('said', 'told reporters')}\n`);
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.original).toBeNull();
  });

  it('an older file adds to the trimmed-copy evidence, not pushes it out (found by a new user)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    writeFileSync(path.join(dir, 'wire.txt'), wire);
    writeFileSync(path.join(dir, 'cut.txt'), `${wire.split('\n').slice(0, 19).join('\n')}\n`);
    const hoursAgo = Date.now() / 1000 - 3 * 3600;
    utimesSync(path.join(dir, 'wire.txt'), hoursAgo, hoursAgo);
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'wire.txt'));
    expect(group.originalReasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['containment', 'file-time']));
    expect(group.confidence).toBeGreaterThan(0.73);
  });

  it('a copy with a short tail more (a newsletter line a reprint appends) is not thereby the original (found in review)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8');
    writeFileSync(path.join(dir, 'wire.txt'), wire);
    writeFileSync(path.join(dir, 'reprint.txt'), `${wire}\nFollow our live coverage of the war and sign up for the Morning Briefing newsletter to get the latest news every day.\n`);
    const { report } = await runJson<Report>([dir]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.original).toBeNull();
  });

  it('a copy with a line more at its top (a headline a scraper kept) is not thereby the original', async () => {
    const { report } = await runJson<Report>(['fixtures/line-endings/cr.txt', 'fixtures/bad-files/good.txt']);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.original).toBeNull();
  });

  it('one-word lines under a scraped copy ("Facebook", "Twitter") do not make it the fuller text, and so not the original (found by a new user)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8').trimEnd();
    writeFileSync(path.join(dir, 'ap.txt'), `${wire}\n`);
    writeFileSync(path.join(dir, 'scraped.txt'), `${wire}\n\nFacebook\nTwitter\n`);
    const { report } = await runJson<Report>([dir]);
    const group = report.groups[0]!;
    expect(group.original).not.toBe(path.join(dir, 'scraped.txt'));
    expect(group.originalReasons.map((r) => r.detail)).not.toContain('the other copy is its opening paragraphs, word for word');
  });

  it('one long paragraph more (an "About us" block cut into sentences) is one paragraph, not the two a trimmed copy needs (review)', async () => {
    const dir = tempDir();
    const wire = readFileSync(`${DIR}/wire.txt`, 'utf8').trimEnd();
    const about = Array.from({ length: 9 }, (_, k) => `The Valley Courier has served the county since 19${10 + k} and employs ${20 + k} reporters in its newsroom.`).join(' ');
    writeFileSync(path.join(dir, 'wire.txt'), `${wire}\n`);
    writeFileSync(path.join(dir, 'paper.txt'), `${wire}\n\n${about}\n`);
    const { report } = await runJson<Report>([dir]);
    expect(report.groups[0]!.originalReasons.map((r) => r.detail)).not.toContain('the other copy is its opening paragraphs, word for word');
  });
});

