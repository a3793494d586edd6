/** A report that cannot be written (a full disk, a closed pipe) is not "reuse found". */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

describe('writing the report fails', () => {
  it('a full disk: one line on stderr, exit 2 (not 1, which CI reads as duplicates found), no stack trace', async () => {
    for (const args of [['fixtures/seeds'], ['--json', 'fixtures/seeds'], ['diff', 'fixtures/seeds/002_b644d28894aa6977.txt', 'fixtures/seeds/003_600098fa7e119347.txt']]) {
      const result = await runInProcess(args, { failWrites: 'ENOSPC' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe('dedupe: error: cannot write to standard output: no space left on device (ENOSPC)\n');
    }
  });

  it('--fail-on does not turn a write failure into exit 1', async () => {
    const result = await runInProcess(['--fail-on', 'shared', 'fixtures/seeds'], { failWrites: 'EIO' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dedupe: error: cannot write to standard output: input/output error (EIO)\n');
  });

  it('a closed pipe ends the run quietly', async () => {
    const result = await runInProcess(['fixtures/seeds'], { failWrites: 'EPIPE' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
