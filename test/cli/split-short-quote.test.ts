/**
 * A paragraph split in three whose last part is a quote too short for shingles: the quote is
 * part of the split, not an added paragraph (fixtures/split-short-quote; a new user's diff).
 */
import { describe, expect, it } from 'vitest';
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
});
