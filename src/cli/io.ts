/** What a command may touch of the process: streams, environment, working folder, clock. Passed in, so commands stay testable in-process. */
import { printable } from '../render/text.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Standard input as the commands read it: chunks of bytes (or text), in order. */
export type Input = AsyncIterable<Uint8Array | string> & { isTTY?: boolean };

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Opened only when asked (`--files-from -`, the path `-` for JSONL articles): a stream on stdin is not made otherwise. */
  stdin?: () => Input;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the command runs in: index paths are stored relative to it. */
  cwd: string;
  /** Milliseconds, for the summary line and --verbose stage timings. */
  now(): number;
  /**
   * Called once when a scan's analysis is made and its full report (JSON, NDJSON, the human
   * report) is about to be written: the process entry settles V8's heap there (engine/heap.ts). Left
   * out in-process (tests), where the heap is not the command's.
   */
  reportStarts?: () => void;
}

export function warn(io: CliIO, message: string): void {
  io.stderr.write(`dedupe: warning: ${printable(message)}\n`);
}

/**
 * Says which flags of the human report a --json or --ndjson run leaves unused (requests.ts,
 * unusedFlags): `dedupe --json --only reused` writing every paragraph, without a word, reads as
 * a filter that failed.
 */
export function warnUnusedFlags(io: CliIO, output: { json: boolean; unusedFlags?: readonly string[] }): void {
  const unused = output.unusedFlags ?? [];
  if (unused.length === 0) return;
  if (unused[0] === '--max-matches') {
    warn(io, '--max-matches lists the matches of --json and --ndjson; the human report shows each paragraph\'s best match and counts the others ("+3")');
    return;
  }
  const names = unused.length === 1 ? unused[0]! : `${unused.slice(0, -1).join(', ')} and ${unused[unused.length - 1]!}`;
  const format = output.json ? '--json' : '--ndjson';
  warn(io, `${names} shape${unused.length === 1 ? 's' : ''} the human report only; ${format} writes every document and its word operations (select with jq: see "JSON report" in the README)`);
}

/**
 * Ends --verbose's stage line: the rewrite stage left out, or run thorough (the terminal report
 * showed no mode: a new user's trial); nothing for the default.
 */
export function rewritingNote(run: { rewording: boolean; thoroughRewording: boolean }): string {
  if (!run.rewording) return ' (rewrite off: --no-reworded, --reworded off or DEDUPE_REWORDING=0)';
  return run.thoroughRewording ? ' (reworded thorough)' : '';
}

/** "walk 12 ms, prepare 80 ms, ..." for --verbose. */
export function stageLine(timings: object): string {
  return (Object.entries(timings) as Array<[string, number]>)
    .map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`)
    .join(', ');
}

/**
 * Writing the report failed (a full disk, /dev/full, a closed pipe). Carries the system's code:
 * EPIPE is the reader's choice and ends the run quietly; anything else is exit 2, one line.
 */
export class OutputError extends Error {
  constructor(readonly code: string) {
    super(`cannot write to standard output: ${WRITE_ERRORS[code] ?? code} (${code})`);
    this.name = 'OutputError';
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBADF: 'it is closed',
  EPIPE: 'the reader closed the pipe',
  EAGAIN: 'it would block',
};

/** The error code of a failed write, or null when `error` is not one. */
export function writeErrorCode(error: unknown): string | null {
  if (error instanceof OutputError) return error.code;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** `output` whose failed writes throw OutputError, so `run` can tell them from other failures. */
export function guardedOutput(output: Output): Output {
  return {
    write(text: string): unknown {
      try {
        return output.write(text);
      } catch (error) {
        throw new OutputError(writeErrorCode(error) ?? 'EIO');
      }
    },
    get isTTY() {
      return output.isTTY;
    },
    get columns() {
      return output.columns;
    },
  };
}
