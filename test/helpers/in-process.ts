/**
 * Runs the CLI in this process through `run(argv, io)`, with captured streams and a clock that
 * stands still (so "in 0.00 s" is the same on every run). Most CLI behaviour is tested this way;
 * test/e2e keeps a few tests that spawn the built binary.
 */
import { run } from '../../src/cli/program.js';

export interface InProcessResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  /** Width of a pretend terminal; undefined: not a terminal. */
  columns?: number;
  isTTY?: boolean;
  /** The folder the command runs in (index paths are stored relative to it); default: this process's. */
  cwd?: string;
}

export async function runInProcess(argv: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const saved = process.exitCode;
  try {
    const code = await run(argv, {
      stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY, columns: options.columns },
      stderr: { write: (text: string) => (stderr += text) },
      env: { DEDUPE_THREADS: '1', ...options.env },
      cwd: options.cwd ?? process.cwd(),
      now: () => 0,
    });
    return { stdout, stderr, code };
  } finally {
    process.exitCode = saved;
  }
}
