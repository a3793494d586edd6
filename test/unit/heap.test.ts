/**
 * The heap's settling before a report (engine/heap.ts): when the process entry is told a report
 * starts (CliIO.reportStarts), and which node flags leave V8's own choice in place. The setting
 * itself changes V8 for the whole process, so it is left to the spawned binary's tests.
 */
import { describe, expect, it } from 'vitest';
import { heapGrowthGiven } from '../../src/engine/heap.js';
import { seeds } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';

describe('heap settling before a report', () => {
  it('is left to node when node was started with --heap-growing-percent, in either spelling', () => {
    expect(heapGrowthGiven(['--heap-growing-percent=0'])).toBe(true);
    expect(heapGrowthGiven(['--heap_growing_percent=40'])).toBe(true);
    expect(heapGrowthGiven(['--max-old-space-size=8192'])).toBe(false);
    expect(heapGrowthGiven(['--heap-growing-percentage=3'])).toBe(false);
    expect(heapGrowthGiven([])).toBe(false);
  });

  it('is asked for once by a scan that writes a report, and never by -q or a -q gate', async () => {
    const calls = async (argv: string[]): Promise<number> => {
      let count = 0;
      const result = await runInProcess([seeds, ...argv], { reportStarts: () => count++ });
      expect(result.stderr).not.toContain('error');
      return count;
    };
    expect(await calls(['--json'])).toBe(1);
    expect(await calls(['--ndjson'])).toBe(1);
    expect(await calls([])).toBe(1);
    expect(await calls(['-q'])).toBe(0);
    expect(await calls(['-q', '--fail-on', 'edited'])).toBe(0);
    expect(await calls(['--fail-on', 'edited', '--json'])).toBe(1);
  });
});
