/** Process entry point: real streams and environment in, exit code out. */
import { run } from './program.js';

export async function main(): Promise<void> {
  // `dedupe ... | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => performance.now(),
  });
  // Set, not process.exit(): a large --json report still drains into a slow pipe.
  process.exitCode = code;
}
