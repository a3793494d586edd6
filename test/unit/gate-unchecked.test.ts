/**
 * A --fail-on gate passes nothing it did not check (engine/gate.ts, uncheckedInputs): skipped
 * files, unparsed JSONL lines, and folders it could not enter, whose files it never saw.
 */
import { describe, expect, it } from 'vitest';
import { uncheckedInputs } from '../../src/engine/gate.js';
import { uncheckedExit } from '../../src/cli/commands/gate-exit.js';
import type { CliIO } from '../../src/cli/io.js';
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

  it('says how many folders and articles were not read, and how to leave a folder out', () => {
    let stderr = '';
    const io: CliIO = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env: {}, cwd: '/', now: () => 0 };
    const folder: Warning = { code: 'unreadable-folder', path: 'news/lost+found', message: 'news/lost+found: folder cannot be read (permission denied); its files were skipped' };
    const file: Warning = { code: 'unreadable', path: 'news/b.txt', message: 'news/b.txt: file cannot be read (permission denied); skipped' };
    expect(uncheckedExit('shared', [folder], 'scan', io)).toBe(2);
    expect(stderr).toBe("dedupe: error: --fail-on shared: 1 folder was not read, so not checked: news/lost+found (see the warnings); make it readable or leave it out (--exclude '**/lost+found') and scan again\n");
    stderr = '';
    uncheckedExit('edited', [folder, folder, file], 'check', io);
    expect(stderr).toContain('--fail-on edited: 2 folders and 1 incoming article were not read, so not checked:');
  });
});
