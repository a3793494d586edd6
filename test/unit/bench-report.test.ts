/** The bench's printed verdicts and table (figures are printed, not asserted; the arithmetic is). */
import { describe, expect, it } from 'vitest';
import { linearity, markdownTable, speedVerdicts, type SizeResult } from '../../src/bench/bench.js';
import type { Measurement } from '../../src/bench/measure.js';

const MIB = 2 ** 20;

function result(megabytes: number, paragraphs: number, peakMiB: number, seconds: number, mode: Measurement['mode'] = 'quiet'): SizeResult {
  const measurement = {
    mode,
    bytes: megabytes * 1e6,
    paragraphs,
    peakRss: peakMiB * MIB,
    baselineRss: 54 * MIB,
    elapsedMs: seconds * 1000,
  } as Measurement;
  return { megabytes, corpus: {} as SizeResult['corpus'], measurement };
}

describe('bench verdicts', () => {
  it('calls memory linear when bytes per paragraph do not rise, and says so when they do', () => {
    const [linear] = linearity([result(10, 63_619, 304, 3), result(100, 635_170, 2168, 30)]);
    expect(linear).toContain('paragraphs ×9.98');
    expect(linear).toContain('bytes/paragraph -15%');
    expect(linear).toMatch(/: linear/);
    const [faster] = linearity([result(10, 63_619, 304, 3), result(100, 635_170, 4000, 30)]);
    expect(faster).toMatch(/NOT linear/);
  });

  it('compares each size with the next smaller one run in the same mode', () => {
    const lines = linearity([result(10, 63_619, 304, 3, 'quiet'), result(10, 63_619, 400, 3, 'json'), result(100, 635_170, 2168, 30, 'quiet'), result(100, 635_170, 3000, 30, 'json')]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^memory 10 MB → 100 MB \(-q\)/);
    expect(lines[1]).toMatch(/^memory 10 MB → 100 MB \(--json\)/);
  });

  it('compares MB/s with the target of its mode: 20 MB/s for -q, 10 MB/s for --json', () => {
    expect(speedVerdicts([result(10, 1, 100, 0.4), result(100, 1, 100, 10), result(100, 1, 100, 10, 'json'), result(100, 1, 100, 12.5, 'json')])).toEqual([
      'speed 10 MB -q: 25.0 MB/s (target ≥ 20: met)',
      'speed 100 MB -q: 10.0 MB/s (target ≥ 20: NOT met)',
      'speed 100 MB --json: 10.0 MB/s (target ≥ 10: met)',
      'speed 100 MB --json: 8.0 MB/s (target ≥ 10: NOT met)',
    ]);
  });

  it('prints a Markdown table with right-aligned figures', () => {
    expect(markdownTable(['', '10 MB'], [['files', '4,354'], ['MB/s', '3.0']])).toBe(
      ['|       | 10 MB |', '|-------|------:|', '| files | 4,354 |', '| MB/s  |   3.0 |'].join('\n'),
    );
  });
});
