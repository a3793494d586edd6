/**
 * Runs the CLI in this process through `run(argv, io)`, with captured streams and a clock that
 * stands still (so "in 0.00 s" is the same on every run). Most CLI behaviour is tested this way;
 * test/e2e keeps a few tests that spawn the built binary.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/program.js';
import { expandReport } from './report.js';

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
  /** What standard input holds (for `--files-from -` and the path `-`); default: nothing. */
  stdin?: string | Uint8Array;
  /** stderr is a terminal of this width (progress lines); default: not a terminal. */
  stderrColumns?: number;
  /** The clock; default: one that stands still. */
  now?: () => number;
  /** stdout's writes fail with this system error code (ENOSPC: a full disk). */
  failWrites?: string;
  /** Called with each piece written to stderr, as it is written. */
  onStderr?: (text: string) => void;
  /** CliIO.reportStarts: called when a scan's full report is about to be written. */
  reportStarts?: () => void;
}

export async function runInProcess(argv: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const saved = process.exitCode;
  try {
    const failure = options.failWrites;
    const input = options.stdin;
    const code = await run(argv, {
      stdout: {
        write: (text: string) => {
          if (failure) throw Object.assign(new Error(`${failure}: write failed`), { code: failure, syscall: 'write' });
          stdout += text;
        },
        isTTY: options.isTTY,
        columns: options.columns,
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
          options.onStderr?.(text);
        },
        isTTY: options.stderrColumns !== undefined,
        columns: options.stderrColumns,
      },
      stdin: () => Readable.from(input === undefined ? [] : [typeof input === 'string' ? Buffer.from(input) : input]),
      // File times off unless a test asks: a checkout's file times say nothing, and a fixture
      // touched an hour after the others would otherwise change what a snapshot says.
      env: { DEDUPE_THREADS: '1', DEDUPE_FILE_TIMES: '0', ...options.env },
      cwd: options.cwd ?? process.cwd(),
      now: options.now ?? (() => 0),
      ...(options.reportStarts ? { reportStarts: options.reportStarts } : {}),
    });
    return { stdout, stderr, code };
  } finally {
    process.exitCode = saved;
  }
}

/** The spawned helper's shape (helpers/cli.ts), in-process: most CLI tests use this. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export async function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const runOptions: InProcessOptions = {};
  if (options.cwd !== undefined) runOptions.cwd = options.cwd;
  if (options.env !== undefined) runOptions.env = options.env;
  return runInProcess(args, runOptions);
}

/** Runs with --json and parses stdout, as written. */
export async function runRawJson<T = unknown>(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ report: T; result: CliResult }> {
  const result = await runCli([...args, '--json'], options);
  try {
    return { report: JSON.parse(result.stdout) as T, result };
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout.slice(0, 500)}\nstderr:\n${result.stderr}`);
  }
}

/** Runs with --json and parses stdout; a scan or check report is read back into the in-memory Report (helpers/report.ts). */
export async function runJson<T = unknown>(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ report: T; result: CliResult }> {
  const { report, result } = await runRawJson(args, options);
  return { report: expandReport<T>(report), result };
}
