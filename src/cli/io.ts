/** What a command may touch of the process: streams, environment, terminal size. Passed in, so commands stay testable. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds, for the summary line and --verbose stage timings. */
  now(): number;
}

export function warn(io: CliIO, message: string): void {
  io.stderr.write(`dedupe: warning: ${message}\n`);
}
