/**
 * What a command reads besides its arguments: the --files-from list, from a file or from
 * standard input, and JSONL articles on standard input (the path `-`). Standard input comes
 * through `io`, so tests feed it in-process.
 */
import { NEWLINE, NUL, openChunks, readPathList, type Chunks } from '../input/records.js';
import { STDIN_PATH } from '../engine/index.js';
import type { CliIO } from './io.js';
import type { ListRequest } from './requests.js';

/** Standard input as chunks; nothing when the caller gave none. */
export function stdinChunks(io: CliIO): Chunks {
  return io.stdin?.() ?? (async function* nothing() {})();
}

/** What a command reading articles carries: its paths, the --files-from list and standard input. */
interface ReadsArticles {
  paths: string[];
  filesFrom: ListRequest | undefined;
  listed?: string[];
  stdin?: Chunks;
}

/** Reads the --files-from list, if any, into `command.listed`; hands standard input over when a path is `-` (JSONL). */
export async function withInputs<T extends ReadsArticles>(command: T, io: CliIO): Promise<T> {
  if (command.paths.includes(STDIN_PATH)) command.stdin = stdinChunks(io);
  if (!command.filesFrom) return command;
  const { file, nul } = command.filesFrom;
  const chunks = file === '-' ? stdinChunks(io) : await openChunks(file, io.cwd, '--files-from');
  command.listed = await readPathList(chunks, nul ? NUL : NEWLINE, `--files-from ${file}`);
  return command;
}
