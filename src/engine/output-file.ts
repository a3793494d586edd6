/**
 * Report files the user names (`--html <file>`): checked before the run, so a path that cannot
 * be written fails at once rather than after a long scan, and written afterwards a piece at a
 * time (a large report is never one string).
 *
 * An existing file is replaced, as a shell's `>` replaces it: naming the file asks for it. What
 * is refused, with one line naming the path: a folder, a path in a folder that does not exist
 * (most likely a typo; no folder is made), a path through something that is not a folder, and a
 * place that cannot be written (a new file is created and removed again to find out). The file is written only once the run has succeeded, so a failed
 * run leaves an earlier report as it was.
 */
import { accessSync, closeSync, constants, openSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from '../input/errors.js';

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EISDIR: 'is a folder',
  ENOENT: 'no such file or folder',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error.message : String(error);
  return `${WRITE_ERRORS[code] ?? code.toLowerCase()} (${code})`;
}

/** What is at `where`, or null when nothing is (also when a folder on the way is a file). */
function statOrNull(where: string, what: string): Stats | null {
  try {
    return statSync(where);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new InputError(`${what}: ${reason(error)}`);
  }
}

/**
 * Throws an InputError (exit 2) when `file` cannot be the report: `flag` names the option in the
 * message. Relative paths are taken from `cwd`.
 */
export function checkOutputFile(file: string, cwd: string, flag: string): void {
  const target = path.resolve(cwd, file);
  const info = statOrNull(target, `${flag} ${file}`);
  if (info?.isDirectory()) throw new InputError(`${flag} ${file}: is a folder; name a file in it, such as ${path.join(file, 'report.html')}`);
  const folder = path.dirname(target);
  const shown = path.dirname(file);
  const parent = statOrNull(folder, `${flag} ${file}`);
  if (!parent) throw new InputError(`${flag} ${file}: the folder ${shown} does not exist; create it first (mkdir -p ${shown})`);
  if (!parent.isDirectory()) throw new InputError(`${flag} ${file}: ${shown} is not a folder`);
  try {
    accessSync(info ? target : folder, constants.W_OK);
  } catch (error) {
    throw new InputError(`${flag} ${file}: cannot write ${info ? 'it' : `in ${shown}`}: ${reason(error)}`);
  }
  if (!info) probeCreate(target, `${flag} ${file}`, shown);
}

/**
 * Creates the file and removes it again: a folder can pass the access check and still take no
 * new file (root is let in everywhere; /proc or a read-only mount refuses at the open), and
 * that is found now rather than after the scan. The file did not exist, so nothing is lost.
 */
function probeCreate(target: string, what: string, folder: string): void {
  let fd: number;
  try {
    fd = openSync(target, 'wx');
  } catch (error) {
    // Made meanwhile by someone else: it can be written, and it is not ours to remove.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new InputError(`${what}: cannot create a file in ${folder}: ${reason(error)}`);
  }
  try {
    closeSync(fd);
    unlinkSync(target);
  } catch (error) {
    throw new InputError(`${what}: a file made to test ${folder} could not be removed again: ${reason(error)}`);
  }
}

/** Writes `chunks` to `file` (replacing it); returns the bytes written. A failed write is one InputError naming the file. */
export function writeOutputFile(file: string, cwd: string, chunks: Iterable<string>, flag: string): number {
  let fd: number;
  try {
    fd = openSync(path.resolve(cwd, file), 'w');
  } catch (error) {
    throw new InputError(`${flag} ${file}: cannot write it: ${reason(error)}`);
  }
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      try {
        for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done);
      } catch (error) {
        throw new InputError(`${flag} ${file}: cannot write it: ${reason(error)}`);
      }
      bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
