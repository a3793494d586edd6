/** What a command may touch of the process: streams, environment, working folder, clock. Passed in, so commands stay testable in-process. */
import type { EngineHooks } from '../engine/index.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the command runs in: index paths are stored relative to it. */
  cwd: string;
  /** Milliseconds, for the summary line and --verbose stage timings. */
  now(): number;
}

export function warn(io: CliIO, message: string): void {
  io.stderr.write(`dedupe: warning: ${message}\n`);
}

/** The engine's hooks for a command: warnings as they happen, the command's clock. */
export function engineHooks(io: CliIO): EngineHooks {
  return { warning: (warning) => warn(io, warning.message), clock: () => io.now() };
}

/** "walk 12 ms, prepare 80 ms, ..." for --verbose. */
export function stageLine(timings: object): string {
  return (Object.entries(timings) as Array<[string, number]>)
    .map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`)
    .join(', ');
}
