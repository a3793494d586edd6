/**
 * A --fail-on gate passes nothing it did not check (engine/gate.ts, uncheckedInputs): skipped
 * files, unparsed JSONL lines, and folders it could not enter, whose files it never saw.
 */
import { describe, expect, it } from 'vitest';
import { uncheckedInputs } from '../../src/engine/gate.js';
import type { Warning } from '../../src/core/types.js';

describe('uncheckedInputs', () => {
  it('counts an unreadable folder, an unreadable file and a bad line; not a file read with NULs', () => {
    const warnings: Warning[] = [
      { code: 'unreadable-folder', path: 't/sub', message: 't/sub: folder cannot be read (permission denied); its files were skipped' },
      { code: 'unreadable', path: 't/b.txt', message: 't/b.txt: file cannot be read (permission denied); skipped' },
      { code: 'bad-line', path: 'feed.jsonl:3', message: 'feed.jsonl:3: not JSON' },
      { code: 'nul-bytes', path: 't/c.txt', message: 't/c.txt: 1 NUL byte read as a space' },
    ];
    expect(uncheckedInputs(warnings).map((w) => w.code)).toEqual(['unreadable-folder', 'unreadable', 'bad-line']);
  });
});
