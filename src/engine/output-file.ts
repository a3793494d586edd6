/**
 * Report files the user names (`--html <file>`): checked before the run, so a path that cannot
 * be written fails at once rather than after a long scan, and written afterwards a piece at a
 * time (a large report is never one string).
 *
 * An existing file is replaced only when it is empty or a report dedupe wrote (its head names
 * dedupe as the page's generator): `dedupe --html story1.md story2.md`, the report's name
 * forgotten, wrote over an article, and `--html .dedupe/index.db` over the index. What is
 * refused, with one line naming the path: any other existing file, a folder, a path in a folder
 * that does not exist (most likely a typo; no folder is made), a path through something that is
 * not a folder, and a place that cannot be written (a new file is created and removed again to
 * find out). The file is written only once the run has succeeded, to a file beside it that then
 * takes its name, so a failed run or a failed write leaves an earlier report as it was.
 */
import { accessSync, closeSync, constants, fchmodSync, fchownSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
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
  // A device path is named on purpose (/dev/stdout appended to a log): written as it is.
  if (info?.isFile() && info.size > 0 && !isDevicePath(target) && !isDedupeReport(target) && !isBlank(target, info.size)) {
    throw new InputError(`${flag} ${file}: the file exists and is not a report dedupe wrote; name a new file, such as report.html (dedupe replaces only its own reports)`);
  }
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

/** How a page dedupe wrote begins (render/html.ts): its generator is named in the first bytes. */
const REPORT_MARK = '<meta name="generator" content="dedupe ';
/** The bytes of a file read to find REPORT_MARK: the page's head comes first. */
const HEAD_BYTES = 1024;

/**
 * Whether the file at `target` holds nothing but whitespace (at most HEAD_BYTES of it): a file
 * made with `echo > out.html` to be filled is as empty as one made with `touch` (found by a new
 * user); false for anything unreadable.
 */
function isBlank(target: string, size: number): boolean {
  return size <= HEAD_BYTES && /^\s*$/.test(headOf(target) ?? 'x');
}

/** The first HEAD_BYTES bytes of the file at `target` as text, or null when it cannot be read. */
function headOf(target: string): string | null {
  let fd: number;
  try {
    fd = openSync(target, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.toString('utf8', 0, read);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Whether the file at `target` begins as a report dedupe wrote; false for anything unreadable. */
function isDedupeReport(target: string): boolean {
  const text = headOf(target);
  return text !== null && text.startsWith('<!DOCTYPE html>') && text.includes(REPORT_MARK);
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

/**
 * Writes `chunks` to `file` (replacing it: checkOutputFile said it may be) by way of a file
 * beside it that takes its name once complete; returns the bytes written. A failed write is one
 * InputError naming the file, and leaves the file as it was.
 */
export function writeOutputFile(file: string, cwd: string, chunks: Iterable<string>, flag: string): number {
  const target = path.resolve(cwd, file);
  const existing = statOrNull(target, `${flag} ${file}`);
  const open = (where: string, flags: string): number => {
    try {
      return openSync(where, flags);
    } catch (error) {
      throw new InputError(`${flag} ${file}: cannot write it: ${reason(error)}`);
    }
  };
  // A device or a pipe (/dev/stdout, even redirected to a file) is written as it is: nothing
  // there to replace, and replacing the file stdout was redirected to would lose the report on it.
  // Appended to: /dev/stdout redirected to a file is that file, opened again, and truncating it
  // lost what was written there before (the summary, earlier lines of a log; found in review).
  if ((existing && !existing.isFile()) || isDevicePath(target)) return writeChunks(open(target, 'a'), chunks, `${flag} ${file}`);
  // A link to a report, or to where a report is to be: the file it points to is written, not the link.
  const final = existing ? realpathSync(target) : linkTarget(target);
  const partial = path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.part`);
  let fd: number;
  try {
    fd = openSync(partial, 'wx');
  } catch (error) {
    // A folder that takes no new file, holding a report that can be written (checkOutputFile
    // found it so): the report is written in place, as before the file beside it.
    const code = (error as NodeJS.ErrnoException).code;
    if (existing && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) return writeChunks(open(final, 'w'), chunks, `${flag} ${file}`);
    throw new InputError(`${flag} ${file}: cannot write it: ${reason(error)}`);
  }
  let bytes: number;
  try {
    // A report replaced keeps its permissions, and its owner where this process may give it
    // (root's cron job rewriting a user's report did not take it over; found in review).
    if (existing) {
      fchmodSync(fd, existing.mode & 0o7777);
      if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) fchownSync(fd, existing.uid, existing.gid);
    }
    bytes = writeChunks(fd, chunks, `${flag} ${file}`);
  } catch (error) {
    removeQuietly(partial);
    throw error;
  }
  try {
    renameSync(partial, final);
  } catch (error) {
    removeQuietly(partial);
    throw new InputError(`${flag} ${file}: cannot write it: ${reason(error)}`);
  }
  return bytes;
}

/** Writes the chunks to fd and closes it; returns the bytes written. A failed write is one InputError naming `what`. */
function writeChunks(fd: number, chunks: Iterable<string>, what: string): number {
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      try {
        for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done);
      } catch (error) {
        throw new InputError(`${what}: cannot write it: ${reason(error)}`);
      }
      bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Paths under /dev (/dev/stdout, /dev/fd/1): a stream named on purpose. */
function isDevicePath(target: string): boolean {
  return target.startsWith('/dev/');
}

/** Where a link that points at nothing yet (a dangling link) points; the path itself when it is no link. */
function linkTarget(target: string): string {
  try {
    if (!lstatSync(target).isSymbolicLink()) return target;
    return path.resolve(path.dirname(target), readlinkSync(target));
  } catch {
    return target;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or not ours to remove: nothing more to do.
  }
}
