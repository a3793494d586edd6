/** Process entry point: real streams and environment in, exit code out. */
import { EXIT_ERROR } from './exit-codes.js';
import { settleHeapForReport } from '../engine/heap.js';
import { OutputError, writeErrorCode } from './io.js';
import { run } from './program.js';

export async function main(): Promise<void> {
  // Set when the reader closed the pipe: the next write stops the report (OutputError EPIPE),
  // and the run still decides its exit status (a --fail-on gate passed when the process
  // exited here at once; found by a new user).
  let readerGone = false;
  // A failed write to stdout arrives here, as an event, after the write returned.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const code = writeErrorCode(error) ?? 'EIO';
    // `dedupe ... | head` closes the pipe early: that is the reader's choice, not an error.
    if (code === 'EPIPE') {
      readerGone = true;
      return;
    }
    // A full disk is not "reuse found" (exit 1): one line and exit 2, so CI reads it as a failure to run.
    process.stderr.write(`dedupe: error: ${new OutputError(code).message}\n`);
    process.exit(EXIT_ERROR);
  });
  // Nowhere left to say anything: stop with the error code.
  process.stderr.on('error', () => process.exit(EXIT_ERROR));
  const stdout = {
    write(text: string): unknown {
      if (readerGone) throw new OutputError('EPIPE');
      return process.stdout.write(text);
    },
    get isTTY() {
      return process.stdout.isTTY;
    },
    get columns() {
      return process.stdout.columns;
    },
  };
  const code = await run(process.argv.slice(2), {
    stdout,
    stderr: process.stderr,
    stdin: () => process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => performance.now(),
    reportStarts: () => settleHeapForReport(),
  });
  // Set, not process.exit(): a large --json report still drains into a slow pipe.
  process.exitCode = code;
}
