/** Process entry point: real streams and environment in, exit code out. */
import { run } from './program.js';

export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => performance.now(),
  });
  // Let stdout drain (a large --json report into a pipe) before exiting.
  process.exitCode = code;
}
