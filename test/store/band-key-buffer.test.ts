/** Band keys buffered and inserted in key order: everything added comes out once, sorted as SQLite sorts it. */
import { describe, expect, it } from 'vitest';
import { BandKeyBuffer, ROWS_PER_STATEMENT } from '../../src/store/band-key-buffer.js';
import { random } from '../helpers/articles.js';

function collect(capacity?: number): { buffer: BandKeyBuffer; rows: Array<[number, number]>; statements: number[] } {
  const rows: Array<[number, number]> = [];
  const statements: number[] = [];
  const take = (values: number[]): void => {
    statements.push(values.length / 2);
    for (let i = 0; i < values.length; i += 2) rows.push([values[i]!, values[i + 1]!]);
  };
  return { buffer: new BandKeyBuffer(take, take, capacity), rows, statements };
}

describe('BandKeyBuffer', () => {
  it('inserts every (key, variant) pair once, in signed key order then variant order', () => {
    const { buffer, rows, statements } = collect();
    const next = random(3);
    const expected: Array<[number, number]> = [];
    for (let variant = 1; variant <= 300; variant++) {
      const keys = new Uint32Array(37).map(() => Math.floor(next() * 0x100000000));
      if (variant % 50 === 0) keys[5] = keys[4]!; // two bands of one variant with one key
      if (variant % 7 === 0) keys[0] = 0x80000001; // negative as a signed integer
      if (variant % 11 === 0) keys[1] = 12345; // a key shared across variants
      buffer.add(keys, variant);
      for (const key of new Set(keys)) expected.push([key | 0, variant]);
    }
    expect(rows).toEqual([]);
    buffer.flush();
    expect(buffer.size).toBe(0);
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(rows).toEqual(expected);
    expect(statements.slice(0, -1).every((n) => n === ROWS_PER_STATEMENT || n === 1)).toBe(true);
  });

  it('flushes by itself when full, and forgets what a rolled-back batch held', () => {
    const { buffer, rows } = collect(100);
    buffer.add(new Uint32Array(60).map((_, i) => i), 1);
    expect(rows).toHaveLength(0);
    buffer.add(new Uint32Array(60).map((_, i) => i), 2);
    expect(rows).toHaveLength(60);
    buffer.clear();
    buffer.flush();
    expect(rows).toHaveLength(60);
  });
});
