/**
 * Two paragraphs merged into one line of over 600 characters (fixtures/merged-long-paragraphs):
 * the long line is cut at its sentences for matching (text/segment.ts), and the alignment of
 * `dedupe diff` and of a group member with its original called it two splits of the original's
 * paragraphs into the pieces of that line, with 25 paragraphs for a file of 22 lines (found by a
 * new user). It is one merge, and a paragraph counts once however many pieces it was cut into.
 */
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport, Report } from '../../src/core/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';

const DIR = 'fixtures/merged-long-paragraphs';
const WIRE = `${DIR}/wire.txt`;
const MERGED = `${DIR}/merged.txt`;
const spans = (refs: DiffReport['blocks'][number]['from']): number[] => [...new Set(refs.map((r) => r.startLine))];

describe('two paragraphs merged into one long line (fixtures/merged-long-paragraphs)', () => {
  it('dedupe diff: one merge of lines 3 and 5 into line 3, the paragraphs counted whole', async () => {
    const { report, result } = await runJson<DiffReport>(['diff', WIRE, MERGED]);
    expect(result.code).toBe(0);
    expect(report.blocks.map((b) => [b.kind, spans(b.from), spans(b.to)])).toEqual([
      ['same', [1], [1]],
      ['merged', [3, 5], [3]],
      ['same', [7], [5]],
    ]);
    expect([report.from.paragraphs, report.to.paragraphs]).toEqual([4, 3]);
    expect(report.summary).toMatchObject({ same: 2, merged: 1, split: 0, edited: 0 });
    // The merge changed no word: its operations delete nothing.
    expect(report.blocks[1]!.ops!.every((op) => op.op === 'equal')).toBe(true);
  });

  it('the other way round it is one split, and the human diff names each line once', async () => {
    const { report } = await runJson<DiffReport>(['diff', MERGED, WIRE]);
    expect(report.blocks.map((b) => [b.kind, spans(b.from), spans(b.to)])).toEqual([
      ['same', [1], [1]],
      ['split', [3], [3, 5]],
      ['same', [5], [7]],
    ]);
    const human = await runInProcess(['diff', '--no-color', MERGED, WIRE]);
    expect(human.stdout).toContain('3 → 4 paragraphs; blocks: 2 same, 0 edited, 0 merged (n→1), 1 split (1→n)');
    expect(human.stdout).toMatch(/^ {2}3 {4}→ 3,5 {2}split /m);
  });

  it("in a scan, the reprint's comparison with its original counts one merged paragraph, not two splits", async () => {
    const dir = tempDir();
    for (const name of ['wire.txt', 'merged.txt']) copyFileSync(path.join(DIR, name), path.join(dir, name));
    const day = 24 * 3600;
    utimesSync(path.join(dir, 'wire.txt'), 1_700_000_000, 1_700_000_000);
    utimesSync(path.join(dir, 'merged.txt'), 1_700_000_000 + day, 1_700_000_000 + day);
    // File times are evidence in the CLI; the tests' runs leave them out unless asked (DEDUPE_FILE_TIMES).
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'wire.txt'));
    const member = group.members.find((m) => m.path === path.join(dir, 'merged.txt'))!;
    expect(member.comparison!.paragraphs).toEqual({ shared: 2, edited: 1, added: 0, dropped: 0, moved: 0 });
    expect(member.comparison!.edits).toEqual([{ kind: 'paragraphs-merged', count: 1 }]);
  });
});

describe('an article on one long line, repeated (found by a new user)', () => {
  it('lists each repeated sentence once with its line and count, not "lines 1, 1, 1, 1"', async () => {
    const dir = tempDir();
    const words = readFileSync(WIRE, 'utf8').split(/\s+/).filter(Boolean);
    writeFileSync(path.join(dir, 'one-line.txt'), `${[...words, ...words, ...words, ...words].join(' ')}\n`);
    const { stdout } = await runInProcess(['--no-color', path.join(dir, 'one-line.txt')]);
    expect(stdout).toContain(': line 1 (4 times)  ');
    expect(stdout).not.toContain('1, 1');
  });
});

describe('long paragraphs in review', () => {
  const vocabulary = 'harbour ferry council minister river bridge school budget police station village market farmer railway hospital tunnel election court judge museum'.split(' ');
  /** Sentence k: 14 words of the vocabulary, capitalised, so that a sentence break falls before it. */
  const sentence = (k: number): string => {
    const words = Array.from({ length: 14 }, (_, w) => vocabulary[(k * 7 + w * w * 3 + w) % vocabulary.length]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())} ${k}.`;
  };
  const paragraph = (ks: readonly number[]): string => ks.map(sentence).join(' ');
  /** Text wrapped at `width` columns, as a hard-wrapped file is. */
  const wrapped = (text: string, width: number): string => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line].join('\n');
  };
  const long = paragraph([10, 11, 12, 13, 14, 15, 16, 17]);
  const files = (texts: Record<string, string[]>): string => {
    const dir = tempDir();
    for (const [name, paragraphs] of Object.entries(texts)) writeFileSync(path.join(dir, name), `${paragraphs.join('\n\n')}\n`);
    return dir;
  };

  it('a merge into a hard-wrapped paragraph names its lines once, though a sentence ended at a line\'s end ("45-67", not "45-46,46-47,...")', async () => {
    const dir = files({ 'a.txt': ['Harbour story title', long, paragraph([20, 21, 22, 23, 24, 25])], 'b.txt': ['Harbour story title', wrapped(`${long} ${paragraph([20, 21, 22, 23, 24, 25])}`, 52)] });
    const { report } = await runJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: dir });
    const merged = report.blocks.find((b) => b.kind === 'merged')!;
    expect(merged.to.slice(1).every((ref) => ref.continues === true)).toBe(true);
    const human = await runInProcess(['diff', '--no-color', 'a.txt', 'b.txt'], { cwd: dir });
    const last = merged.to[merged.to.length - 1]!.endLine;
    expect(human.stdout).toMatch(new RegExp(`^ {2}3,5 +→ 3-${last} +merged `, 'm'));
  });

  it('a hard-wrapped long paragraph against the same text on one line is no change: its pieces say they continue it, whatever line a sentence ends on', async () => {
    // At 52 columns four of its sentences end at a line's end, where a guess from the lines took the paragraph for five.
    const dir = files({ 'flat.txt': ['Harbour story title', long, paragraph([20, 21])], 'wrapped.txt': ['Harbour story title', wrapped(long, 52), wrapped(paragraph([20, 21]), 52)] });
    for (const [a, b] of [['wrapped.txt', 'flat.txt'], ['flat.txt', 'wrapped.txt']]) {
      const result = await runInProcess(['diff', '--no-color', '--exit-code', a!, b!], { cwd: dir });
      expect(result.stdout).toContain('no change: the 3 paragraphs have the same words, in the same order');
      expect(result.code).toBe(0);
    }
  });

  it('sentences reordered inside a long paragraph are a change, not one same block: one edited paragraph', async () => {
    const dir = files({ 'a.txt': ['Title of the story', long], 'b.txt': ['Title of the story', paragraph([10, 11, 15, 12, 13, 14, 16, 17])] });
    const result = await runInProcess(['diff', '--no-color', '--exit-code', 'a.txt', 'b.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 → 2 paragraphs; blocks: 1 same, 1 edited');
  });

  it('a sentence dropped from, or added to, a long paragraph is one edited paragraph deleting (inserting) it (found by a new user: pieces "same" and one "dropped")', async () => {
    const dropped = files({ 'a.txt': ['Title of the story', long], 'b.txt': ['Title of the story', paragraph([10, 11, 12, 14, 15, 16, 17])] });
    const { report } = await runJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: dropped });
    expect(report.summary).toMatchObject({ same: 1, edited: 1, dropped: 0, added: 0 });
    expect(report.blocks[1]!.ops).toContainEqual({ op: 'delete', text: sentence(13) });
    const added = files({ 'a.txt': ['Title of the story', long], 'b.txt': ['Title of the story', `${long} ${sentence(99)}`] });
    const { report: other } = await runJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: added });
    expect(other.summary).toMatchObject({ same: 1, edited: 1, dropped: 0, added: 0 });
    expect(other.blocks[1]!.ops).toContainEqual({ op: 'insert', text: sentence(99) });
  });

  it('two long paragraphs merged into one line, each cut at the same sentences, are no identical copy in a scan (found by a new user)', async () => {
    const second = paragraph([30, 31, 32, 33, 34, 35, 36, 37]);
    const dir = files({ 'orig.txt': ['Title of the story', long, second], 'copy.txt': ['Title of the story', `${long} ${second}`] });
    utimesSync(path.join(dir, 'orig.txt'), 1_700_000_000, 1_700_000_000);
    utimesSync(path.join(dir, 'copy.txt'), 1_700_090_000, 1_700_090_000);
    const { report } = await runJson<Report>(['.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    const copy = report.groups[0]!.members.find((m) => m.path === 'copy.txt')!;
    expect(copy.duplicateOf).toBeNull();
    expect(copy.comparison!.edits).toContainEqual({ kind: 'paragraphs-merged', count: 1 });
  });

  it('a sentence moved across the break between two long paragraphs is a change: that piece moved (dedupe diff said "no change"; found by a new user)', async () => {
    const second = paragraph([30, 31, 32, 33, 34, 35, 36, 37]);
    const dir = files({ 'a.txt': ['Title of the story', long, second], 'b.txt': ['Title of the story', paragraph([10, 11, 12, 13, 14, 15, 16]), paragraph([17, 30, 31, 32, 33, 34, 35, 36, 37])] });
    const result = await runInProcess(['diff', '--no-color', '--exit-code', 'a.txt', 'b.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 moved');
  });

  it('a long paragraph dropped whole is one dropped paragraph, as the counts say', async () => {
    const dir = files({ 'a.txt': ['Title of the story', long, paragraph([20, 21])], 'b.txt': ['Title of the story', paragraph([20, 21])] });
    const { report } = await runJson<DiffReport>(['diff', 'a.txt', 'b.txt'], { cwd: dir });
    expect([report.from.paragraphs, report.to.paragraphs]).toEqual([3, 2]);
    expect(report.summary).toMatchObject({ same: 2, dropped: 1 });
  });
});
