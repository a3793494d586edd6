/** What the seeds must show (issue "dedupe scan"), checked on the real binary's JSON. */
import { describe, expect, it } from 'vitest';
import type { DocumentReport, Report, SegmentReport } from '../../src/core/types.js';
import { runInProcess, runJson } from '../helpers/in-process.js';
import { SEED } from '../helpers/fixtures.js';

// Every match listed (the default lists the best one): these tests read matches to several files.
const { report, result } = await runJson<Report>(['--max-matches', '0', 'fixtures/seeds']);

function doc(path: string): DocumentReport {
  const found = report.documents.find((d) => d.path === path);
  if (!found) throw new Error(`${path} not in report`);
  return found;
}

function atLine(path: string, line: number): SegmentReport {
  const found = doc(path).segments.find((s) => s.startLine <= line && line <= s.endLine);
  if (!found) throw new Error(`${path}:${line} not in report`);
  return found;
}

function matchTo(segment: SegmentReport, path: string) {
  return segment.matches.find((m) => m.path === path);
}

describe('dedupe fixtures/seeds', () => {
  it('exits 0 with nothing on stderr', async () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(report.schemaVersion).toBe(4);
    expect(report.documents.map((d) => d.path)).toEqual(Object.values(SEED).sort());
  });

  it('000 and 001 share their North Korea story word for word', async () => {
    for (let line = 12; line <= 30; line++) {
      const segment = atLine(SEED.reprintA, line);
      expect(segment.status, `000:${line}`).toBe('shared');
      expect(matchTo(segment, SEED.reprintB)?.status, `000:${line}`).toBe('shared');
    }
  });

  it('most of that story is edited relative to 002, e.g. "US" became "American" in the lede', async () => {
    const lede = atLine(SEED.reprintA, 12);
    const toOriginal = matchTo(lede, SEED.original);
    expect(toOriginal).toMatchObject({ status: 'edited', startLine: 1 });
    expect(toOriginal!.similarity).toBeGreaterThan(0.7);
    expect(toOriginal!.similarity).toBeLessThan(1);
    const original = doc(SEED.original);
    expect(original.counts.edited).toBeGreaterThan(original.segments.length / 2);
  });

  it('finds the merge: 002 lines 22 and 23 are one paragraph, line 30, in 000', async () => {
    for (const line of [22, 23]) {
      const segment = atLine(SEED.original, line);
      const merged = matchTo(segment, SEED.reprintA);
      expect(merged, `002:${line}`).toMatchObject({ status: 'edited', startLine: 30, containment: 1 });
    }
  });

  it("000's Lebanon story and 001's Trump story are unique", async () => {
    for (const [path, from, to] of [
      [SEED.reprintA, 45, 67],
      [SEED.reprintB, 45, 87],
    ] as const) {
      const story = doc(path).segments.filter((s) => s.startLine >= from && s.endLine <= to);
      expect(story.length).toBeGreaterThan(5);
      for (const segment of story) expect(segment.status, `${path}:${segment.startLine}`).toBe('unique');
    }
  });

  it('002 and 003 share paragraphs word for word; 003 has new unique paragraphs', async () => {
    const injection = atLine(SEED.update, 33);
    expect(injection.text).toMatch(/^An injection of 10,000 North Korean troops/);
    expect(matchTo(injection, SEED.original)?.status).toBe('shared');
    const analysts = atLine(SEED.update, 57);
    expect(analysts.text).toMatch(/^For analysts, the introduction of troops/);
    expect(matchTo(analysts, SEED.original)?.status).toBe('shared');
    for (const line of [1, 5, 7, 9, 21, 35, 37, 41]) expect(atLine(SEED.update, line).status, `003:${line}`).toBe('unique');
  });

  it('004 is a different article: no reuse and in no group', async () => {
    const unrelated = doc(SEED.unrelated);
    expect(unrelated.counts.shared + unrelated.counts.edited).toBe(0);
    expect(unrelated.group).toBeNull();
  });

  it('one group holds 000, 001, 002 and 003', async () => {
    expect(report.groups.map((g) => g.documents)).toEqual([[SEED.reprintA, SEED.reprintB, SEED.original, SEED.update]]);
  });

  it('marks the headline and captions scraped twice as repeats, which alone do not make text shared', async () => {
    const headlineAgain = atLine(SEED.reprintA, 7);
    expect(headlineAgain.repeatOf).toBe(atLine(SEED.reprintA, 1).index);
    // 000's Lebanon caption is repeated three times in 000 and appears nowhere else.
    const caption = atLine(SEED.reprintA, 43);
    expect(caption.repeatOf).toBeDefined();
    expect(caption.status).toBe('unique');
  });
});

describe('the AP story and another outlet\'s own article on the same event (002 and 004 alone)', () => {
  it('share no paragraph and no group; their partly derived story call is not read as one written from the other (found by a new user)', async () => {
    const { report } = await runJson<Report>([SEED.original, SEED.unrelated]);
    expect(report.groups).toHaveLength(0);
    expect(report.documents.flatMap((d) => d.segments).filter((s) => s.status === 'shared' || s.status === 'edited')).toHaveLength(0);
    expect(report.storyPairs.map((p) => p.call)).toEqual(['partly-derived']);
    const { stdout } = await runInProcess([SEED.original, SEED.unrelated]);
    expect(stdout).toContain('partly derived is shared wording, which independent reports of one event also have');
    expect(stdout).not.toContain('written from');
  });
});
