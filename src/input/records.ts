/**
 * Streams of bytes cut into records: lines of a JSONL file or of a path list, or NUL-separated
 * paths as `find -print0` writes them. Works on bytes, not text, so a record is decoded on its
 * own (a bad byte spoils one line, not the stream) and any size of input streams through.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';

/** Newline, for lines; NUL, for `find -print0`. */
export const NEWLINE = 0x0a;
export const NUL = 0x00;

export type Chunks = AsyncIterable<Uint8Array | string>;

/**
 * The records of `chunks` split at `separator`, each without it, in order, with its 1-based
 * number. A last record without a separator is yielded too; an empty input yields nothing.
 */
export async function* splitRecords(chunks: Chunks, separator: number): AsyncGenerator<{ bytes: Buffer; number: number }> {
  // The start of a record not ended yet, a copy of each chunk's piece: joined once, when its
  // separator comes. Joined with each chunk as it came, a 43 MB line was copied 660 times over
  // (a JSONL article of 800,000 sentences; found by a new user), quadratic in its length.
  let pending: Buffer[] = [];
  let number = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(separator, start); end >= 0; end = bytes.indexOf(separator, start)) {
      const tail = bytes.subarray(start, end);
      yield { bytes: pending.length > 0 ? Buffer.concat([...pending, tail]) : tail, number: ++number };
      pending = [];
      start = end + 1;
    }
    // Copied: the stream may reuse its chunk's memory.
    if (start < bytes.length) pending.push(Buffer.from(bytes.subarray(start)));
  }
  if (pending.length > 0) yield { bytes: pending.length === 1 ? pending[0]! : Buffer.concat(pending), number: ++number };
}

/**
 * Paths, one per record: newline-separated (a trailing CR, from a list written on Windows, is
 * dropped) or NUL-separated (taken exactly). Empty records are skipped. A NUL inside a line
 * is an InputError naming the list (`name`): no path holds one, so the list was written by
 * `find -print0` and wants -0 (read as it is, the whole list became one impossible path).
 */
export async function readPathList(chunks: Chunks, separator: typeof NEWLINE | typeof NUL, name = 'the --files-from list'): Promise<string[]> {
  const paths: string[] = [];
  for await (const { bytes, number } of splitRecords(chunks, separator)) {
    if (separator === NEWLINE && bytes.includes(NUL)) {
      throw new InputError(`${name}: line ${number} holds a NUL byte, as find -print0 writes; add -0 (--null) to read a NUL-separated list`);
    }
    let text = bytes.toString('utf8');
    if (separator === NEWLINE && text.endsWith('\r')) text = text.slice(0, -1);
    if (text.length > 0) paths.push(text);
  }
  return paths;
}

/**
 * A file's bytes as a stream, read from `cwd` when relative; an InputError (exit 2) naming the
 * file, as `what` calls it, when it cannot be opened.
 */
export async function openChunks(file: string, cwd: string, what: string): Promise<Chunks> {
  try {
    const handle = await open(path.resolve(cwd, file), 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new InputError(`${what} ${file}: is a folder; give a file`);
    }
    return handle.createReadStream();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`${what} ${file}: ${reason}; check the path`);
  }
}
