/**
 * Issue 11: a reworded reprint is still "edited", paragraph by paragraph, and derived at story
 * level; story-level reuse is in the report, in the human report and in `check`.
 */
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport, Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';
import { writeArticles } from '../helpers/articles.js';

const DIR = 'fixtures/reworded-reprint';
const WIRE = `${DIR}/wire.txt`;
const REWRITE = `${DIR}/rewrite.txt`;

describe('a reworded reprint (fixtures/reworded-reprint)', () => {
  it('its reworded paragraphs are edited, each with a reworded match, a similarity and word operations', async () => {
    const { report } = await runJson<Report>([DIR]);
    const rewrite = report.documents.find((d) => d.path === REWRITE)!;
    const body = rewrite.segments.slice(1);
    expect(body.map((s) => s.status)).toEqual(['edited', 'edited', 'edited', 'edited', 'edited', 'edited']);
    for (const segment of body) {
      const match = segment.matches[0]!;
      expect(match).toMatchObject({ path: WIRE, status: 'edited', reworded: true });
      expect(match.similarity).toBeGreaterThan(0.3);
      expect(match.similarity).toBeLessThan(1);
      expect(match.containment).toBeGreaterThanOrEqual(0.5);
      expect(match.ops!.some((op) => op.op === 'insert') && match.ops!.some((op) => op.op === 'equal')).toBe(true);
    }
    // Figures a rewrite keeps: the flooding paragraph is matched to the flooding paragraph.
    expect(rewrite.segments.find((s) => s.text.startsWith('Twice'))!.matches[0]!.startLine).toBe(9);
    expect(report.groups).toHaveLength(1);
  });

  it('its group line names the paragraphs reworded, not the sentences added and words substituted of a paraphrase (found by a new user)', async () => {
    // The wire an hour older, so that the evidence decides the original and the rewrite is compared with it.
    const dir = tempDir('reworded-edits-');
    copyFileSync(WIRE, path.join(dir, 'wire.txt'));
    copyFileSync(REWRITE, path.join(dir, 'rewrite.txt'));
    const hoursAgo = Date.now() / 1000 - 3 * 3600;
    utimesSync(path.join(dir, 'wire.txt'), hoursAgo, hoursAgo);
    const env = { DEDUPE_FILE_TIMES: '1' };
    const { report } = await runJson<Report>([dir], { env });
    expect(report.groups[0]!.original).toBe(path.join(dir, 'wire.txt'));
    const member = report.groups[0]!.members.find((m) => m.path === path.join(dir, 'rewrite.txt'))!;
    const kinds = member.comparison!.edits.map((e) => e.kind);
    expect(member.comparison!.edits).toContainEqual({ kind: 'paragraphs-reworded', count: 6 });
    expect(kinds).not.toContain('sentence-added');
    expect(kinds).not.toContain('words-substituted');
    const { stdout } = await runCli([dir], { env });
    expect(stdout).toContain('paragraphs reworded (6)');
    // Paragraphs, not pieces: three paragraphs joined into one of over 600 characters on both sides count once (review).
    const joined = (file: string): string => {
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
      return `${[lines[0], lines.slice(1, 4).join(' '), ...lines.slice(4)].join('\n\n')}\n`;
    };
    writeFileSync(path.join(dir, 'wire.txt'), joined(WIRE));
    writeFileSync(path.join(dir, 'rewrite.txt'), joined(REWRITE));
    utimesSync(path.join(dir, 'wire.txt'), hoursAgo, hoursAgo);
    const long = (await runJson<Report>([dir], { env })).report.groups[0]!.members.find((m) => m.path === path.join(dir, 'rewrite.txt'))!;
    const reworded = long.comparison!.edits.find((e) => e.kind === 'paragraphs-reworded')!.count;
    expect(reworded).toBeLessThanOrEqual(4);
    // And its paragraph counts count each of the copy's five paragraphs once per kind (it read "7 edited").
    expect(long.comparison!.paragraphs.edited).toBeLessThanOrEqual(5);
  });

  it('--no-reworded (or "reworded": false in the config) leaves them out, in the scan and in check', async () => {
    const statuses = (report: Report): string[] => report.documents.flatMap((d) => d.segments.map((s) => s.status));
    expect(statuses((await runJson<Report>([DIR])).report)).toContain('edited');
    expect(new Set(statuses((await runJson<Report>(['--no-reworded', DIR])).report))).toEqual(new Set(['unique']));
    const dir = tempDir('no-reworded-');
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: false }));
    expect(new Set(statuses((await runJson<Report>([path.resolve(DIR)], { cwd: dir })).report))).toEqual(new Set(['unique']));
    const db = path.join(tempDir('no-reworded-check-'), 'index.db');
    expect((await runCli(['index', 'add', REWRITE, '--db', db])).code).toBe(0);
    expect(new Set(statuses((await runJson<Report>(['check', WIRE, '--db', db])).report))).toEqual(new Set(['edited']));
    const off = await runJson<Report>(['check', '--no-reworded', WIRE, '--db', db]);
    expect(new Set(statuses(off.report))).toEqual(new Set(['unique']));
  });

  it('DEDUPE_REWORDING=0 leaves the stage out: the reworded paragraphs are unique and the stories unlinked', async () => {
    const { report } = await runJson<Report>([DIR], { env: { DEDUPE_REWORDING: '0' } });
    const rewrite = report.documents.find((d) => d.path === REWRITE)!;
    expect(rewrite.segments.slice(1).every((s) => s.status === 'unique')).toBe(true);
    expect(report.summary.rewordedPairs).toBe(0);
    expect(report.groups).toHaveLength(0);
  });

  it('the two stories are derived from one another, and the report says how much', async () => {
    const { report } = await runJson<Report>([DIR]);
    expect(report.storyPairs).toHaveLength(1);
    const pair = report.storyPairs[0]!;
    expect(pair.stories.map((s) => s.path)).toEqual([REWRITE, WIRE]);
    expect(pair.calls).toEqual(['derived', 'derived']);
    expect(pair.reused[0]).toBeGreaterThan(0.9);
    expect(pair.bigrams[0]).toBeLessThan(pair.words[0]);
    expect(pair.group).toBe(1);
  });
});

describe('story-level reuse', () => {
  it('the seeds: each member against the original in the group lines; 004 is compared with nothing', async () => {
    const { report } = await runJson<Report>(['fixtures/seeds']);
    expect(report.storyPairs.some((p) => p.stories.some((s) => s.path === SEED.unrelated))).toBe(false);
    const update = report.storyPairs.find((p) => p.stories[0].path === SEED.original && p.stories[1].path === SEED.update)!;
    expect(update.calls).toEqual(['derived', 'partly-derived']);
    const { stdout } = await runCli(['--no-color', 'fixtures/seeds']);
    expect(stdout).toMatch(/^ {2}version +fixtures\/seeds\/003_\S+ +keeps .*; story partly derived \(words \d+%, bigrams \d+%, reused \d+%\)$/m);
    expect(stdout).not.toContain('Story reuse outside groups');
  });

  it('two articles given alone are compared whole, even with no paragraph in common', async () => {
    const { report } = await runJson<Report>([SEED.original, SEED.unrelated]);
    expect(report.groups).toEqual([]);
    expect(report.storyPairs).toHaveLength(1);
    expect(report.storyPairs[0]!.words[0]).toBeGreaterThan(0);
  });

  it('check gives an incoming story’s call against the archived one', async () => {
    const db = path.join(tempDir('story-check-'), 'index.db');
    expect((await runCli(['index', 'add', SEED.original, '--db', db])).code).toBe(0);
    const { stdout } = await runCli(['check', '--no-color', SEED.update, '--db', db]);
    expect(stdout).toMatch(/002_b644d28894aa6977\.txt {2}\d+ paragraphs matched \(\d+ shared, \d+ edited; story partly derived \(words \d+%, bigrams \d+%, reused \d+%\)\)/);
    const { report } = await runJson<Report>(['check', SEED.update, '--db', db]);
    const pair = report.storyPairs.find((p) => p.stories.some((s) => s.path === SEED.original))!;
    expect(pair.stories.map((s) => s.path)).toContain(SEED.update);
  });

  it('check finds an archived article that the incoming one rewords throughout (no shingle in common), as a scan of both does', async () => {
    const db = path.join(tempDir('reworded-check-'), 'index.db');
    expect((await runCli(['index', 'add', REWRITE, SEED.original, SEED.unrelated, '--db', db])).code).toBe(0);
    const { report } = await runJson<Report>(['check', WIRE, '--db', db]);
    const wire = report.documents.find((d) => d.path === WIRE)!;
    const scanned = (await runJson<Report>([DIR])).report.documents.find((d) => d.path === WIRE)!;
    expect(wire.segments.map((s) => s.status)).toEqual(scanned.segments.map((s) => s.status));
    expect(wire.segments.filter((s) => s.status === 'edited')).toHaveLength(7);
    for (const segment of wire.segments) expect(segment.matches[0]).toMatchObject({ path: REWRITE, reworded: true });
    expect(report.storyPairs.find((p) => p.stories.some((s) => s.path === REWRITE))!.call).toBe('derived');
    // Indexed itself too (unchanged, so its stored version stands in for it and is left out),
    // it still finds the article it rewords.
    expect((await runCli(['index', 'add', WIRE, '--db', db])).code).toBe(0);
    const again = (await runJson<Report>(['check', WIRE, '--db', db])).report.documents.find((d) => d.path === WIRE)!;
    expect(again.segments.map((s) => s.status)).toEqual(scanned.segments.map((s) => s.status));
    // The seeds in the index are not brought in as reworded copies of it.
    const verbose = await runCli(['check', '-q', '--verbose', WIRE, '--db', db]);
    expect(verbose.stderr).toMatch(/check: 1 archived article loaded .*; \d+ content-word candidates for reworded paragraphs, [1-9]\d* kept\)/);
  });
});

describe('dedupe diff of a reworded reprint', () => {
  it('pairs the reworded paragraphs as edited blocks, marked reworded, with word operations, as the scan does', async () => {
    const { stdout, code } = await runCli(['diff', '--json', WIRE, REWRITE]);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout) as DiffReport;
    const reworded = diff.blocks.filter((b) => b.reworded);
    // wire.txt's paragraphs are retold in rewrite.txt's, in order; similarities as the scan's matches.
    expect(reworded.map((b) => [b.from[0]!.startLine, b.to[0]!.startLine])).toEqual([
      [3, 3],
      [5, 5],
      [7, 7],
      [9, 9],
      [11, 11],
      [13, 13],
    ]);
    expect(reworded.map((b) => b.similarity)).toEqual([0.621, 0.696, 0.5, 0.737, 0.6, 0.563]);
    for (const block of reworded) {
      expect(block.kind).toBe('edited');
      expect(block.ops!.some((op) => op.op === 'equal')).toBe(true);
    }
    expect(diff.summary.edited).toBe(6);
    // Coverage counts the words kept word for word: retold paragraphs keep fewer than half of theirs.
    expect(diff.summary.coverage).toBe(0.441);
    const text = await runCli(['diff', '--no-color', WIRE, REWRITE]);
    expect(text.stdout).toMatch(/ 9 {4}→ 9 {3}edited {3}~0\.74 /);
  });

  it('pairs nothing reworded between unrelated articles', async () => {
    const { stdout } = await runCli(['diff', '--json', SEED.original, SEED.unrelated]);
    expect((JSON.parse(stdout) as DiffReport).blocks.some((b) => b.reworded)).toBe(false);
  });
});

describe('a reworded paragraph whose long sentence was retold as three (fixtures/reworded-sentence-split)', () => {
  const SPLIT = 'fixtures/reworded-sentence-split';
  it('is edited on both sides, and the scan pairs it as `dedupe diff` does (it was unique on the rewrite side; a new user\'s run)', async () => {
    const { report } = await runJson<Report>([SPLIT]);
    const line = (file: string, startLine: number) => report.documents.find((d) => d.path === `${SPLIT}/${file}`)!.segments.find((s) => s.startLine === startLine)!;
    expect(line('wire.txt', 5)).toMatchObject({ status: 'edited' });
    expect(line('rewrite.txt', 5)).toMatchObject({ status: 'edited' });
    expect(line('rewrite.txt', 5).matches[0]).toMatchObject({ path: `${SPLIT}/wire.txt`, startLine: 5, reworded: true });
    const { stdout } = await runCli(['diff', '--json', `${SPLIT}/wire.txt`, `${SPLIT}/rewrite.txt`]);
    const pairs = (JSON.parse(stdout) as DiffReport).blocks.filter((b) => b.kind === 'edited').map((b) => [b.from[0]!.startLine, b.to[0]!.startLine]);
    expect(pairs).toContainEqual([5, 5]);
    const edited = report.documents.find((d) => d.path === `${SPLIT}/rewrite.txt`)!.segments.filter((s) => s.status === 'edited').map((s) => s.startLine);
    expect(edited).toEqual([5, 7, 11]);
  });
});

describe('two paragraphs joined, the second retold (fixtures/reworded-merge)', () => {
  const MERGE = 'fixtures/reworded-merge';
  it('is a merge in the group line and in `dedupe diff`, not a trim (it read "trimmed from the bottom (2)"; a new user\'s run)', async () => {
    const { stdout } = await runCli(['--no-color', MERGE]);
    const line = stdout.split('\n').find((l) => l.includes(`reprint   ${MERGE}/rewrite.txt`))!;
    expect(line).toContain('paragraphs merged');
    expect(line).toMatch(/trimmed from the bottom[,;]/);
    expect(line).toContain('3 dropped');
    const diff = JSON.parse((await runCli(['diff', '--json', `${MERGE}/wire.txt`, `${MERGE}/rewrite.txt`])).stdout) as DiffReport;
    const merged = diff.blocks.find((b) => b.kind === 'merged')!;
    expect(merged.from.map((p) => p.startLine)).toEqual([9, 11]);
    expect(merged.to.map((p) => p.startLine)).toEqual([9]);
    expect(diff.blocks.filter((b) => b.kind === 'dropped').map((b) => b.from[0]!.startLine)).toEqual([1, 3, 13]);
  });

  it('leaves a paragraph cut for restating the lede dropped, not merged into the lede kept word for word (fixtures/restatement-cut; review)', async () => {
    const diff = JSON.parse((await runCli(['diff', '--json', 'fixtures/restatement-cut/wire.txt', 'fixtures/restatement-cut/trimmed.txt'])).stdout) as DiffReport;
    expect(diff.blocks.map((b) => b.kind)).toEqual(['same', 'same', 'dropped', 'same', 'same', 'same']);
    expect(diff.blocks[2]!.from[0]!.startLine).toBe(5);
  });

  it('leaves a headline retold in the lede dropped, not merged into it (fixtures/reworded-reprint)', async () => {
    const diff = JSON.parse((await runCli(['diff', '--json', WIRE, REWRITE])).stdout) as DiffReport;
    expect(diff.blocks.some((b) => b.kind === 'merged')).toBe(false);
    expect(diff.blocks.find((b) => b.kind === 'dropped')!.from[0]!.startLine).toBe(1);
  });
});

describe('a reworded reprint with a paragraph left out (fixtures/reworded-diff-order)', () => {
  it('is listed by `dedupe diff` in reading order: the dropped paragraph between the reworded pairs around it (it came second, above them all; a new user\'s diff)', async () => {
    const DIR_ORDER = 'fixtures/reworded-diff-order';
    const diff = JSON.parse((await runCli(['diff', '--json', `${DIR_ORDER}/wire.txt`, `${DIR_ORDER}/rewrite.txt`])).stdout) as DiffReport;
    const rows = diff.blocks.map((b) => `${b.from.map((p) => p.startLine).join(',') || '-'}>${b.to.map((p) => p.startLine).join(',') || '-'} ${b.kind}`);
    expect(rows).toEqual(['1>- dropped', '->1 added', '3>3 edited', '5>5 edited', '7>- dropped', '9>7 edited', '11>9 edited', '13>11 edited', '15>13 same']);
    expect(diff.blocks.filter((b) => b.reworded).length).toBe(5);
  });
});

describe('a scan of two files and `dedupe diff` of them', () => {
  it('agree: each paragraph of the original the diff places in a block with the reprint (min-words or more) is shared or edited in the scan (002:5, merged into 000:16 and reworded, was unique in the scan; a new user\'s retold copy)', async () => {
    const diff = JSON.parse((await runCli(['diff', '--json', SEED.original, SEED.reprintA])).stdout) as DiffReport;
    const placed = new Set(diff.blocks.filter((b) => b.to.length > 0).flatMap((b) => b.from.map((p) => p.startLine)));
    const { report } = await runJson<Report>([SEED.original, SEED.reprintA]);
    const original = report.documents.find((d) => d.path === SEED.original)!;
    const unique = original.segments.filter((s) => placed.has(s.startLine) && s.words >= report.options.minWords && s.status === 'unique');
    expect(unique.map((s) => s.startLine)).toEqual([]);
    expect(placed.has(5)).toBe(true);
  });
});

describe('a reprint that retold the lede (fixtures/reworded-lede)', () => {
  it('counts the lede with the reworded paragraphs, not as a new lede (a new user\'s reworded copy)', async () => {
    const { stdout } = await runCli(['--no-color', 'fixtures/reworded-lede']);
    const line = stdout.split('\n').find((l) => l.includes('reprint   fixtures/reworded-lede/reprint.txt'))!;
    expect(line).toContain('1 changed');
    expect(line).toContain('paragraphs reworded');
    expect(line).not.toContain('new lede');
  });
});

describe("an agency's write-through (fixtures/write-through)", () => {
  it('names a paragraph edited in place as its sentences, not as reworded, though passage alignment paired it (a new user\'s run)', async () => {
    const dir = tempDir('write-through-');
    copyFileSync('fixtures/write-through/ap.txt', path.join(dir, 'ap.txt'));
    copyFileSync('fixtures/write-through/ap-writethrough.txt', path.join(dir, 'ap-writethrough.txt'));
    // The first version hours older: the file time decides the original.
    const hoursAgo = Date.now() / 1000 - 3 * 3600;
    utimesSync(path.join(dir, 'ap.txt'), hoursAgo, hoursAgo);
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '1' } });
    expect(report.groups[0]!.original).toBe(path.join(dir, 'ap.txt'));
    const member = report.groups[0]!.members.find((m) => m.path.endsWith('ap-writethrough.txt'))!;
    const edits = Object.fromEntries(member.comparison!.edits.map((e) => [e.kind, e.count]));
    // 4 since its lede, retold with the new death toll, aligns with the first lede (its figures
    // may differ: the two are one story by copied paragraphs and by the names they state;
    // fixtures/write-through-figures, text/names.ts).
    expect(edits['paragraphs-reworded']).toBe(4);
    expect(edits['sentence-added']).toBeGreaterThanOrEqual(1);
    // The block itself is still the reworded pair passage alignment found (line 15 -> line 7).
    const diff = JSON.parse((await runCli(['diff', '--json', path.join(dir, 'ap.txt'), path.join(dir, 'ap-writethrough.txt')])).stdout) as DiffReport;
    expect(diff.blocks.find((b) => b.from[0]?.startLine === 15)).toMatchObject({ reworded: true });
  });
});

describe('a group whose original is undecided', () => {
  it("gives each member's story-level call against the member it was written from", async () => {
    const { stdout } = await runCli(['--no-color', DIR]);
    expect(stdout).toContain(`copy      ${REWRITE}  compared with ${WIRE}: story derived (words 75%, bigrams 43%, reused 96%)`);
    expect(stdout).toContain(`copy      ${WIRE}     compared with ${REWRITE}: story derived (words 73%, bigrams 40%, reused 100%)`);
  });
});

describe('a reworded reprint among 200 to 399 documents', () => {
  it.each([250, 398])('is found among %i other articles: a word of the rewrite and its source is rare there too (no seed could form below 400 documents)', async (others) => {
    const folder = tempDir();
    writeArticles(folder, others, { seed: 42, paragraphs: 6 });
    const { report } = await runJson<Report>([DIR, folder]);
    const rewrite = report.documents.find((d) => d.path === REWRITE)!;
    expect(rewrite.segments.filter((s) => s.status === 'edited').length).toBeGreaterThanOrEqual(5);
    expect(report.summary.rewordedPairs).toBeGreaterThanOrEqual(5);
  });
});

describe('the order of a paragraph\'s matches', () => {
  it('lists edits that share its words before reworded ones (a sentence piece copied from the wire was listed with a reworded copy\'s ~0.55 first; a new user)', async () => {
    const { report } = await runJson<Report>(['--max-matches', '0', 'fixtures/seeds', 'fixtures/exact-copy']);
    const original = report.groups[0]!.original;
    let checked = 0;
    for (const doc of report.documents) {
      for (const segment of doc.segments) {
        // Past the group's original's own matches, listed first whatever they are.
        const rest = (segment.matches ?? []).filter((m) => m.path !== original && m.status === 'edited');
        const firstReworded = rest.findIndex((m) => m.reworded === true);
        if (firstReworded < 0) continue;
        checked++;
        expect(rest.slice(firstReworded).some((m) => m.reworded !== true), `${doc.path}:${segment.startLine}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
