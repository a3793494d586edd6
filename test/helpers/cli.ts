/** Runs the built CLI (bin/dedupe.js) as a user would, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readReport } from './report.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binPath = path.join(repoRoot, 'bin/dedupe.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Kill the CLI after this long (a hang is a failure, not a stuck test run). */
  timeoutMs?: number;
}

export function runCli(args: readonly string[], options: CliRunOptions = {}): CliResult {
  // COLUMNS (exported by some shells) would fit the report to the developer's terminal.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env as NodeJS.ProcessEnv,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? 120_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Runs the CLI with --json and parses stdout; a scan or check report is read back into the in-memory Report (helpers/report.ts). */
export function runJson<T = unknown>(args: readonly string[], options: CliRunOptions = {}): { report: T; result: CliResult } {
  const result = runCli([...args, '--json'], options);
  let report: T;
  try {
    report = readReport<T>(result.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout.slice(0, 500)}\nstderr:\n${result.stderr}`);
  }
  return { report, result };
}
