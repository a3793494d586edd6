/**
 * A page scraped twice (fixtures/page-scraped-twice): a file holding an article twice is that
 * article's copy, with the second copy marked as the repeat, and the ingest gate flags it
 * (found by a new user: no group, 0% reused, and `check --fail-on document` passed it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';
import type { Report } from '../../src/core/types.js';

const DIR = 'fixtures/page-scraped-twice';

describe('a page scraped twice (fixtures/page-scraped-twice)', () => {
  it('is one group with the article: the first copy is its text, the second the repeat, and a copy set apart is no story of its own', async () => {
    const { report, result } = await runJson<Report>([DIR]);
    expect(result.code).toBe(0);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.documents).toEqual([`${DIR}/scraped-twice-apart.txt`, `${DIR}/scraped-twice.txt`, `${DIR}/story.txt`]);
    // The copy set apart (lines 11-19 of scraped-twice-apart.txt) is no member: only its first story is.
    expect(report.groups[0]!.members).toHaveLength(3);
    for (const name of ['scraped-twice.txt', 'scraped-twice-apart.txt']) {
      const doc = report.documents.find((d) => d.path === `${DIR}/${name}`)!;
      expect(doc.reusedShare).toBe(1);
      expect(doc.segments.map((s) => s.repeatOf ?? null)).toEqual([null, null, null, null, null, 0, 1, 2, 3, 4]);
      expect(doc.segments.every((s) => s.status === 'shared')).toBe(true);
    }
  });

  it('fails the ingest gate against an index holding the article', async () => {
    const cwd = tempDir();
    const at = (name: string): string => path.join(repoRoot, DIR, name);
    expect((await runInProcess(['index', 'add', '--db', 'i.db', at('story.txt')], { cwd })).code).toBe(0);
    for (const name of ['scraped-twice.txt', 'scraped-twice-apart.txt']) {
      const result = await runInProcess(['check', '-q', '--db', 'i.db', '--fail-on', 'document', at(name)], { cwd });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`1 article is a copy (>= 80% of a story's words reused): ${at(name)}`);
    }
  });

  it('a headline and a caption scraped again one at a time stay repeats in every copy (the seeds)', async () => {
    const { report } = await runJson<Report>(['fixtures/seeds/000_2c77c33462164435.txt', 'fixtures/seeds/001_9df642e36ad14cf8.txt']);
    const doc = report.documents.find((d) => d.path.endsWith('000_2c77c33462164435.txt'))!;
    // Line 1 (the headline) and line 3 (a caption) come back at lines 4, 7, 9 and 10 (and the artifact at line 5 later): every occurrence is a repeat.
    const repeats = doc.segments.filter((s) => s.repeat).map((s) => s.startLine);
    expect(repeats.slice(0, 7)).toEqual([1, 3, 4, 5, 7, 9, 10]);
  });

  it('is found with lines inside its second copy (a "Continue reading" line, the headline again), and a list of headlines at top and bottom is not a page (found in review)', async () => {
    const dir = tempDir();
    const body = Array.from({ length: 4 }, (_, i) => `Body paragraph ${i}: ${Array.from({ length: 18 }, (_, j) => `b${i}w${j}`).join(' ')}`);
    const write = (name: string, paragraphs: string[]): void => writeFileSync(path.join(dir, name), `${paragraphs.join('\n\n')}\n`);
    write('story.txt', body);
    write('interrupted.txt', [...body, ...body.slice(0, 2), 'Continue reading the main story', ...body.slice(2)]);
    const headline = 'Headline Of The Day';
    write('headlines.txt', [headline, body[0]!, body[1]!, headline, body[2]!, headline, body[0]!, body[1]!, headline, body[2]!]);
    const cwd = tempDir();
    expect((await runInProcess(['index', 'add', '--db', 'i.db', path.join(dir, 'story.txt')], { cwd })).code).toBe(0);
    for (const name of ['interrupted.txt', 'headlines.txt']) {
      expect((await runInProcess(['check', '-q', '--db', 'i.db', '--fail-on', 'document', path.join(dir, name)], { cwd })).code, name).toBe(1);
    }
    // Two articles of one site, a "Most read" list of headlines at the top and the bottom of each: no group.
    const site = tempDir();
    const mostRead = ['Most read: Mayor announces new budget for the harbour district schools', 'Most read: Storm knocks out power to thousands across the northern valley', 'Most read: Local bakery wins national prize for its sourdough loaf recipe'];
    for (const topic of ['alpha', 'beta']) {
      const own = Array.from({ length: 4 }, (_, i) => `${topic} paragraph ${i}: ${Array.from({ length: 18 }, (_, j) => `${topic}${i}w${j}`).join(' ')}`);
      writeFileSync(path.join(site, `${topic}.txt`), `${[...mostRead, ...own, ...mostRead].join('\n\n')}\n`);
    }
    const { report } = await runJson<Report>(['--fail-on', 'shared', site]);
    expect(report.groups).toHaveLength(0);
  });
});
