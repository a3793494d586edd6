/** Runs the built CLI asynchronously, for tests that run several at once or kill one midway. */
import { spawn, type ChildProcess } from 'node:child_process';
import { binPath, repoRoot } from './cli.js';

export interface AsyncCliResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<AsyncCliResult>;
}

export function startCli(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number } = {}): RunningCli {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<AsyncCliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
  return { child, done };
}

export function runCliAsync(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number } = {}): Promise<AsyncCliResult> {
  return startCli(args, options).done;
}
