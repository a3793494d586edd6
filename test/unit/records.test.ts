/** Records of a byte stream (input/records.ts): lines of JSONL, paths of a list. */
import { describe, expect, it, vi } from 'vitest';
import { NEWLINE, splitRecords } from '../../src/input/records.js';

async function* chunksOf(parts: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function records(parts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const { bytes } of splitRecords(chunksOf(parts), NEWLINE)) out.push(bytes.toString('utf8'));
  return out;
}

describe('splitRecords', () => {
  it('cuts at the separator wherever the chunks end, the last record without one too', async () => {
    expect(await records(['ab\ncd', '\n', 'e', 'f\n\ng'])).toEqual(['ab', 'cd', 'ef', '', 'g']);
    expect(await records(['', 'x'])).toEqual(['x']);
    expect(await records([])).toEqual([]);
  });

  it('joins a record spread over many chunks once (a 43 MB JSONL line was copied again with each chunk: quadratic; a new user)', async () => {
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const parts = Array.from({ length: 2000 }, (_, i) => `${'x'.repeat(99)}${i % 10}`);
      const got = await records([...parts, '\nnext']);
      expect(got).toEqual([parts.join(''), 'next']);
      expect(concat).toHaveBeenCalledTimes(1);
    } finally {
      concat.mockRestore();
    }
  });
});
