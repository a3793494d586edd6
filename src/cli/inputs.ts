/**
 * What a command reads besides its arguments: the --files-from list, from a file or from
 * standard input (through `io`, so tests feed it in-process).
 */
import { NEWLINE, NUL, openChunks, readPathList, type Chunks } from '../input/records.js';
import type { CliIO } from './io.js';
import type { ListRequest } from './requests.js';

/** Standard input as chunks; nothing when the caller gave none. */
export function stdinChunks(io: CliIO): Chunks {
  return io.stdin?.() ?? (async function* nothing() {})();
}

/** Reads the --files-from list, if any, into `command.listed`. */
export async function withListed<T extends { filesFrom: ListRequest | undefined; listed?: string[] }>(command: T, io: CliIO): Promise<T> {
  if (!command.filesFrom) return command;
  const { file, nul } = command.filesFrom;
  const chunks = file === '-' ? stdinChunks(io) : await openChunks(file, io.cwd, '--files-from');
  command.listed = await readPathList(chunks, nul ? NUL : NEWLINE);
  return command;
}
