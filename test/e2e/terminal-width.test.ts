/**
 * The report in a real terminal (a pseudo-terminal made by util-linux `script`): what the
 * in-process tests pretend with `columns`, here the width the kernel reports. A pty made
 * without a terminal around it reports 0x0 columns, the case where COLUMNS must give the
 * width. Skipped where `script` is not installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../helpers/cli.js';

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/** Runs `command` (a shell line) in a fresh pty; its output lines, without the pty's CRs and colour codes. */
function inTerminal(command: string, env: Record<string, string | undefined> = {}): { lines: string[]; status: number | null } {
  const full: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...env };
  for (const key of Object.keys(full)) if (full[key] === undefined) delete full[key];
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: full as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  const lines = result.stdout.replace(/\r/g, '').replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, '').split('\n');
  return { lines, status: result.status };
}

const widest = (lines: readonly string[]): number => Math.max(...lines.map((line) => [...line].length));

describe.skipIf(!HAS_SCRIPT)('in a real terminal', () => {
  it('of 60 columns (stty cols 60), no line of the report is wider', () => {
    const { lines, status } = inTerminal(`stty cols 60; ${process.execPath} ${binPath} fixtures/seeds`);
    expect(status).toBe(0);
    expect(lines.length).toBeGreaterThan(200);
    expect(widest(lines)).toBeLessThanOrEqual(60);
  });

  it('that reports 0x0 columns, COLUMNS gives the width', () => {
    const { lines, status } = inTerminal(`stty cols 0 rows 0; ${process.execPath} ${binPath} fixtures/seeds`, { COLUMNS: '60' });
    expect(status).toBe(0);
    expect(lines.length).toBeGreaterThan(200);
    expect(widest(lines)).toBeLessThanOrEqual(60);
  });
});
