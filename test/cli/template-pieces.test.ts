/**
 * A lede reprinted word for word in three related stories is no template's lines because a copy
 * of a fourth story merged the paragraph quoting it with its neighbours into one long line: that
 * line's sentence pieces counted as texts of the cluster each, and five texts in seven
 * "paragraphs" crossed TEMPLATE_MIN_TEXTS (a new user's run on BBC stories and altered copies:
 * a trimmed reprint of the lede, 100% copied, said "no group, 0% reused").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { random } from '../helpers/articles.js';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/in-process.js';

const WORDS = 'harbour council ferry budget river station market bridge school winter tunnel airport rail museum garden library stadium hospital police street farmer village mayor minister island coast storm flood energy tariff export factory worker union strike court judge ruling appeal museum opera festival theatre album singer coach striker goal league season final record'.split(' ');

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let w = 0; w < words; w++) out.push(`${WORDS[Math.floor(next() * WORDS.length)]!}${Math.floor(next() * 90) + 10}`);
  return `${out[0]!.charAt(0).toUpperCase()}${out.join(' ').slice(1)}.`;
}

describe('a lede reprinted in three stories, and a merged copy of a fourth that quotes it', () => {
  it('groups the trimmed reprint with the stories it copies: the merged line is one paragraph of the cluster, not three texts', async () => {
    const next = random(2024);
    const dir = tempDir('template-pieces-');
    const lede = sentence(next, 30);
    const story = [sentence(next, 25), sentence(next, 25), sentence(next, 25)];
    const headline = 'Council backs the harbour plan';
    // Two outlets carry the story; a third kept only its headline and lede.
    writeFileSync(path.join(dir, 'a.txt'), [headline, lede, ...story].join('\n\n'));
    writeFileSync(path.join(dir, 'b.txt'), [headline, lede, ...story].join('\n\n'));
    writeFileSync(path.join(dir, 'c-trimmed.txt'), [headline, lede].join('\n\n'));
    // A related story quotes the lede in a longer paragraph; its copy merged that paragraph with
    // its neighbours into one line of over 600 characters, the lede edited by a word.
    // Short enough that the quoting paragraph stays whole (under 600 characters) in d.txt.
    const [s2, s3] = [sentence(next, 12), sentence(next, 12)];
    const before = sentence(next, 30);
    const after = sentence(next, 30);
    const quoting = `${lede} ${s2} ${s3}`;
    expect(quoting.length).toBeLessThan(600);
    writeFileSync(path.join(dir, 'd.txt'), ['Harbour plan divides the town', before, quoting, after].join('\n\n'));
    const edited = lede.replace(/ (\w+) /, ' changed ');
    const merged = `${before} ${edited} ${s2} ${s3} ${after}`;
    expect(merged.length).toBeGreaterThan(600);
    writeFileSync(path.join(dir, 'e-merged.txt'), ['Harbour plan divides the town', merged].join('\n\n'));
    const { report } = await runJson<Report>([dir]);
    const trimmed = report.documents.find((d) => d.path.endsWith('c-trimmed.txt'))!;
    const ledeSegment = trimmed.segments.find((s) => s.text.startsWith(lede.slice(0, 20)))!;
    expect(ledeSegment.status).toBe('shared');
    expect(ledeSegment.template ?? null).toBeNull();
    expect(trimmed.group).not.toBeNull();
    const group = report.groups.find((g) => g.documents.includes(trimmed.path))!;
    expect(group.documents.some((p) => p.endsWith('a.txt'))).toBe(true);
  });
});
