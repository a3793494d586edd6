/**
 * A paragraph split in three whose last part is a quote too short for shingles: the quote is
 * part of the split, not an added paragraph (fixtures/split-short-quote; a new user's diff).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import type { DiffReport } from '../../src/core/types.js';
import { runCli } from '../helpers/in-process.js';

const WIRE = 'fixtures/split-short-quote/wire.txt';
const SPLIT = 'fixtures/split-short-quote/split.txt';

const rows = (diff: DiffReport): string[] => diff.blocks.map((b) => `${b.from.map((p) => p.startLine).join(',') || '-'}>${b.to.map((p) => p.startLine).join(',') || '-'} ${b.kind}`);

describe('a split whose last part is a short quote (fixtures/split-short-quote)', () => {
  it('takes the quote into the split: nothing added, and the quote kept in the word operations', async () => {
    const diff = JSON.parse((await runCli(['diff', '--json', WIRE, SPLIT])).stdout) as DiffReport;
    expect(rows(diff)).toEqual(['1>1 same', '3>3 same', '5>5,7,9 split', '7>11 same']);
    const split = diff.blocks[2]!;
    expect(split.ops!.filter((op) => op.op !== 'equal')).toEqual([]);
  });

  it('is the same merge the other way round', async () => {
    const diff = JSON.parse((await runCli(['diff', '--json', SPLIT, WIRE])).stdout) as DiffReport;
    expect(rows(diff)).toEqual(['1>1 same', '3>3 same', '5,7,9>5 merged', '11>7 same']);
  });

  it('takes a short quote between two parts too (review)', async () => {
    const dir = tempDir('split-middle-');
    const long = 'Ships drawing more than nine metres have waited outside the harbour since the spring, when a storm left a sand bar across the channel. “It needs a dredger.” The pilots\' association had asked for the work to start in the summer.';
    writeFileSync(path.join(dir, 'wire.txt'), `Dredging\n\n${long}\n`);
    writeFileSync(path.join(dir, 'split.txt'), `Dredging\n\n${long.replace(' “It needs a dredger.” ', '\n\n“It needs a dredger.”\n\n')}\n`);
    const diff = JSON.parse((await runCli(['diff', '--json', path.join(dir, 'wire.txt'), path.join(dir, 'split.txt')])).stdout) as DiffReport;
    expect(rows(diff)).toEqual(['1>1 same', '3>3,5,7 split']);
  });

  it('leaves a short paragraph that the original has on its own where it is: a subhead kept after the split (review)', async () => {
    const dir = tempDir('split-subhead-');
    const [first, second] = ['Ships have waited outside the harbour for high tide since the spring, when a storm left the sand bar across the channel.', 'The pilots asked for the work to start in the summer, and the port authority agreed to pay for it.'];
    const after = 'It has grown by half a metre since April, the harbour master said on Monday.';
    writeFileSync(path.join(dir, 'wire.txt'), `Dredging\n\n${first} ${second}\n\nThe sand bar\n\n${after}\n`);
    writeFileSync(path.join(dir, 'split.txt'), `Dredging\n\n${first}\n\n${second}\n\nThe sand bar\n\n${after}\n`);
    const diff = JSON.parse((await runCli(['diff', '--json', path.join(dir, 'wire.txt'), path.join(dir, 'split.txt')])).stdout) as DiffReport;
    expect(rows(diff)).toEqual(['1>1 same', '3>3,5 split', '5>7 same', '7>9 same']);
  });
});
