/**
 * Reads one article file as text. Never throws for a bad file: it returns a warning instead,
 * so one unreadable file does not abort a scan of a thousand good ones.
 *
 * - UTF-8 only; a byte-order mark is dropped. Line ends (LF, CRLF, CR) are left to the
 *   segmenter, which accepts all three.
 * - NUL bytes: an article with a few stray ones (PAN has articles with 1-7) is read with each
 *   NUL as a space, and a warning; a file that is mostly control bytes, or not UTF-8 around its
 *   NULs, is binary (an image or a PDF named .txt): skipped with a warning. UTF-16 text
 *   (byte-order mark FF FE or FE FF, or every other byte zero) is named as such, with the
 *   command to convert it.
 * - Invalid UTF-8 (Latin-1 or Windows-1252 exports): skipped with a warning that says how to
 *   convert, rather than guessing an encoding and matching garbage.
 * - A file larger than the longest string JavaScript can hold is skipped before it is read,
 *   and said to be too large (not "invalid UTF-8", which is what decoding it would claim).
 */
import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Warning } from '../core/types.js';

/** The length of the UTF-8 sequence a lead byte starts (2 to 4), or 0 for a byte that starts none. */
function utf8LengthOf(lead: number): number {
  return lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/**
 * Length of the well-formed UTF-8 sequence of two or more bytes starting at `i`, or 0: the
 * Unicode Standard's table of well-formed byte sequences (3.9, Table 3-7), which is what the
 * strict decoder refuses otherwise. Its second byte is narrower after E0 (no overlong forms),
 * ED (no surrogates), F0 (no overlong forms) and F4 (nothing above U+10FFFF).
 */

function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const length = utf8LengthOf(lead);
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * What text that is not UTF-8 most likely is, for the fix a warning suggests:
 * - `damaged-utf8`: mostly valid UTF-8 sequences, with a few bytes that are not (a file cut
 *   mid-character, or two encodings mixed): converting it from another encoding would garble
 *   the rest;
 * - `windows-1252`: a single-byte Western encoding (Latin-1, Windows-1252: what most non-UTF-8
 *   news exports are): few bytes above 0x7F, mostly alone between ASCII ones, as accented
 *   letters and curly quotes do. Cyrillic or Greek code pages and double-byte encodings
 *   (Shift-JIS, GBK, Big5) write nearly every letter that way, so they are many;
 * - null: no guess.
 */
function likelyEncoding(bytes: Uint8Array): 'damaged-utf8' | 'windows-1252' | 'windows-1252-stray' | 'latin1' | null {
  let sequences = 0;
  let strays = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      sequences++;
      i += length - 1;
      continue;
    }
    strays++;
    if (i + 1 < bytes.length && bytes[i + 1]! >= 0x80) paired++;
  }
  if (sequences > strays) return 'damaged-utf8';
  // Western text: an accented letter or a curly quote now and then (French or German news: 2-5%
  // of bytes; at most one in five here), two in a row only in some words ("Größe").
  if (!(strays > 0 && strays * 5 <= bytes.length && paired * 2 <= strays)) return null;
  if (!bytes.some((b) => WINDOWS_1252_UNDEFINED.has(b))) return 'windows-1252';
  // Curly quotes or dashes of Windows-1252 beside them (0x80-0x9F, which Latin-1 reads as
  // control characters): Windows-1252 with stray bytes, dropped by iconv -c (review).
  return bytes.some((b) => b >= 0x80 && b <= 0x9f && !WINDOWS_1252_UNDEFINED.has(b)) ? 'windows-1252-stray' : 'latin1';
}

/**
 * The five bytes Windows-1252 leaves undefined (Latin-1 reads them as C1 controls): iconv -f
 * WINDOWS-1252 stops at the first of them and leaves the converted file cut short there (a
 * new user's trial: the cut article was then scanned as a good one), while -f LATIN1 converts
 * every byte.
 */
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * A failure carries its warning (the scan prints it and keeps it in the report) and its parts:
 * what is wrong and, when there is one, what to do, for commands that phrase it as an error.
 */
export type ReadOutcome =
  | { ok: true; text: string; bytes: number; warning?: Warning; modifiedAt?: number }
  | { ok: false; warning: Warning; reason: string; fix?: string };

/**
 * The largest file read as one article: V8's longest string (2^29 - 24 UTF-16 units on 64-bit
 * machines). UTF-8 never takes fewer bytes than UTF-16 units, so a file of at most this many
 * bytes always decodes; a larger one cannot, and decoding failed with "invalid UTF-8".
 */
export const MAX_ARTICLE_BYTES = bufferConstants.MAX_STRING_LENGTH;

/**
 * Share of control bytes (C0 other than tab, line ends and form feed; DEL; NUL) above which a
 * file with NUL bytes is binary. Measured on PAN 2013's eight source files with NULs: the six
 * articles have 0.01-0.45% control bytes, the two files of noise 12.8% and 13.9%.
 */
export const MAX_CONTROL_SHARE = 0.01;

type ReadFailure = Extract<ReadOutcome, { ok: false }>;

function failure(code: Warning['code'], file: string, reason: string, fix?: string): ReadFailure {
  const message = `${file}: ${reason}; skipped${fix ? ` (${fix})` : ''}`;
  return fix ? { ok: false, warning: { code, path: file, message }, reason, fix } : { ok: false, warning: { code, path: file, message }, reason };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads `file`; messages name it `name` (the path as the user gave it, when `file` is resolved). */
export async function readArticle(file: string, name = file): Promise<ReadOutcome> {
  let bytes: Buffer;
  let modifiedAt: number;
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    const unusable = notReadable(info, name);
    if (unusable) return unusable;
    bytes = await handle.readFile();
    modifiedAt = info.mtimeMs;
  } catch (error) {
    return readFailure(name, error);
  } finally {
    await handle?.close();
  }
  return withTime(decodeArticle(name, bytes), modifiedAt);
}

/**
 * A named pipe given on purpose, read to its end as one article: `dedupe diff <(curl ...) b.txt`
 * (a shell's process substitution names a pipe). A scan never reads one (a walk could meet a
 * pipe with no writer and wait for ever); diff reads the two files it was given.
 */
export async function readPipedArticle(file: string, name = file): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return readFailure(name, error);
  }
  return decodeArticle(name, bytes);
}

/**
 * `readArticle` without the event loop, for the CLI's scan. Why: fs/promises' readFile takes
 * five thread-pool round trips per file (open, fstat, read, read, close), and each next step
 * waits for the busy main thread to turn the event loop, so read-ahead did not overlap the scan.
 * Measured on the 10 MB bench corpus (4,354 files, warm cache): 0.85 s waiting for reads in
 * the scan, 240 ms for the reads alone with 16 in flight, 55 ms with readFileSync.
 */
export function readArticleSync(file: string, name = file): ReadOutcome {
  let bytes: Buffer;
  let modifiedAt: number;
  let fd: number | undefined;
  try {
    // Non-blocking open: opening a named pipe for reading would wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    const unusable = notReadable(info, name);
    if (unusable) return unusable;
    bytes = readFileSync(fd);
    modifiedAt = info.mtimeMs;
  } catch (error) {
    return readFailure(name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return withTime(decodeArticle(name, bytes), modifiedAt);
}

/**
 * A read article with its file's modification time (milliseconds since the epoch): the core
 * takes it as weak evidence of which copy came first (core/scan/provenance.ts). The time is
 * data handed to the core, which never looks at files itself.
 */
function withTime(outcome: ReadOutcome, modifiedAt: number): ReadOutcome {
  return outcome.ok ? { ...outcome, modifiedAt: Math.round(modifiedAt) } : outcome;
}

/** Why a file cannot be read as an article before reading it (not a regular file, too large), or null. */
function notReadable(info: Stats, name: string): ReadOutcome | null {
  if (info.isDirectory()) return failure('unreadable', name, 'cannot be read (is a folder)');
  if (!info.isFile()) return failure('unreadable', name, 'not a regular file (a pipe, socket or device)');
  if (info.size > MAX_ARTICLE_BYTES) {
    return failure('too-large', name, `too large to read as one article (${megabytes(info.size)}; at most ${megabytes(MAX_ARTICLE_BYTES)} per file)`, 'split it into articles');
  }
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The warning for a file that could not be opened or read (`error` from the system). */
export function readFailureWarning(file: string, error: unknown): Warning {
  return readFailure(file, error).warning;
}

function readFailure(file: string, error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return failure('vanished', file, 'missing (a broken link, or deleted during the run)');
  if (code === 'ENAMETOOLONG') return failure('unreadable', file, 'cannot be read (its path is longer than the system allows)', 'move it to a shorter path');
  // open(2) refuses a socket, and a device with no driver, with ENXIO or ENODEV before there is a file to stat.
  if (code === 'ENXIO' || code === 'ENODEV') return failure('unreadable', file, 'not a regular file (a pipe, socket or device)');
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String(code ?? error);
  return failure('unreadable', file, `cannot be read (${reason})`);
}

/** A path or value as one word of a POSIX shell command: as it is when plain, else single-quoted (the iconv hint, and the CLI's corrected command lines). */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The whole command that converts `file` to UTF-8, into a new file beside it (`a.txt` into
 * `a.utf8.txt`), never over it: the encoding named is a guess, and the original must survive a
 * wrong one. The user's shell reads relative paths from the folder the scan ran in, as `file` is.
 */
function iconvCommand(options: string, file: string): string {
  const extension = path.extname(file);
  const converted = `${file.slice(0, file.length - extension.length)}.utf8${extension}`;
  return `iconv ${options} ${shellWord(file)} > ${shellWord(converted)}`;
}

/** What to do with text that is not UTF-8, by what it most likely is (likelyEncoding). */
const ENCODING_FIX = {
  'damaged-utf8': (file: string) =>
    `it is mostly UTF-8, with bytes that are not (cut mid-character, or two encodings mixed): mend them, or drop them with ${iconvCommand('-c -f UTF-8 -t UTF-8', file)}`,
  'windows-1252': (file: string) => `it reads as Windows-1252 or Latin-1; convert it: ${iconvCommand('-f WINDOWS-1252 -t UTF-8', file)}`,
  latin1: (file: string) => `it reads as Latin-1 (with bytes Windows-1252 does not define); convert it: ${iconvCommand('-f LATIN1 -t UTF-8', file)}`,
  'windows-1252-stray': (file: string) =>
    `it reads as Windows-1252, with bytes it does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D); convert it, dropping them: ${iconvCommand('-c -f WINDOWS-1252 -t UTF-8', file)}`,
  unknown: (file: string) => `convert it: ${iconvCommand('-f <encoding> -t UTF-8', file)}; file --mime-encoding ${shellWord(file)} may name the encoding`,
} as const;

function decodeArticle(file: string, bytes: Buffer): ReadOutcome {
  // UTF-16 (a Windows "Unicode" export) starts with its byte-order mark and is full of NULs:
  // name it, rather than calling it binary. UTF-32's mark starts as UTF-16LE's does, so it is
  // looked for first (named UTF-16LE, the iconv command given made a file read as binary: a new
  // user's trial).
  const marked = byteOrderMark(bytes);
  if (marked) return failure('invalid-utf8', file, `${marked} text, not UTF-8`, `convert it: ${iconvCommand(`-f ${marked} -t UTF-8`, file)}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const wide = wideWithoutMark(bytes);
    if (wide) return failure('invalid-utf8', file, `${wide} text without a byte-order mark, not UTF-8`, `convert it: ${iconvCommand(`-f ${wide} -t UTF-8`, file)}`);
    return textWithNuls(file, bytes, nul) ?? failure('binary', file, `binary file, not text (NUL byte at offset ${nul})`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const cut = cutCharacterAtEnd(file, bytes);
    if (cut) return cut;
    return failure(
      'invalid-utf8',
      file,
      `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`,
      ENCODING_FIX[likelyEncoding(bytes) ?? 'unknown'](file),
    );
  }
  return { ok: true, text, bytes: bytes.length };
}

/**
 * UTF-8 text whose last character is cut short (`head -c`, a download or a copy stopped early):
 * every byte valid but the last one to three, which start a multi-byte character and stop. Read
 * without them, with a warning: the file was skipped whole, though the cut loses at most one
 * character (found in review); null for any other invalid byte.
 */
function cutCharacterAtEnd(file: string, bytes: Buffer): ReadOutcome | null {
  const at = firstInvalidUtf8(bytes);
  const length = utf8LengthOf(bytes[at]!);
  const left = bytes.length - at;
  if (length === 0 || left >= length) return null;
  for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return null;
  const text = strictUtf8.decode(bytes.subarray(0, at));
  const message = `${file}: ends inside a character (the first ${left} of its ${length} UTF-8 bytes: cut short?); read without ${left === 1 ? 'that byte' : 'them'}`;
  return { ok: true, text, bytes: bytes.length, warning: { code: 'cut-character', path: file, message } };
}

/**
 * Text with a few stray NUL bytes (a scraper's or converter's slip), read with each NUL as a
 * space so that line numbers and offsets do not move; null when the file is binary: not UTF-8
 * around its NULs, or over MAX_CONTROL_SHARE control bytes.
 */
function textWithNuls(file: string, bytes: Buffer, firstNul: number): ReadOutcome | null {
  let control = 0;
  let nuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) nuls++;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  if (control > MAX_CONTROL_SHARE * bytes.length) return null;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  const message = `${file}: ${nuls} NUL byte${nuls === 1 ? '' : 's'} (first at offset ${firstNul}) read as ${nuls === 1 ? 'a space' : 'spaces'}`;
  return { ok: true, text: text.replaceAll('\0', ' '), bytes: bytes.length, warning: { code: 'nul-bytes', path: file, message } };
}

type WideEncoding = 'UTF-32LE' | 'UTF-32BE' | 'UTF-16LE' | 'UTF-16BE';

/** The encoding a byte-order mark at the start of `bytes` names (UTF-32's before UTF-16's, whose mark begins it), or null. */
function byteOrderMark(bytes: Uint8Array): WideEncoding | null {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (bytes.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32LE';
  if (bytes.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  if (bytes.length >= 2 && b0 === 0xff && b1 === 0xfe) return 'UTF-16LE';
  if (bytes.length >= 2 && b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  return null;
}

/**
 * UTF-32 or UTF-16 text without a byte-order mark, from where its zero bytes fall in the first
 * 512 bytes. UTF-32: every character of the Basic Multilingual Plane has two zero bytes (the
 * high ones), in at least 90% of characters, and its lowest byte is not zero. UTF-16: in
 * Latin-script text every other byte is zero: at least 40% of odd (LE) or even (BE) bytes zero,
 * and the others not.
 */
function wideWithoutMark(bytes: Uint8Array): WideEncoding | null {
  const words = Math.min(bytes.length, 512) >> 2;
  if (words >= 2) {
    const zeros = [0, 0, 0, 0];
    for (let i = 0; i < words * 4; i++) if (bytes[i] === 0) zeros[i & 3]!++;
    const [z0, z1, z2, z3] = zeros as [number, number, number, number];
    if (z2 >= 0.9 * words && z3 >= 0.9 * words && z0 <= 0.05 * words) return 'UTF-32LE';
    if (z0 >= 0.9 * words && z1 >= 0.9 * words && z3 <= 0.05 * words) return 'UTF-32BE';
  }
  return utf16WithoutMark(bytes);
}

/** UTF-16 text without a byte-order mark (see wideWithoutMark). */
function utf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const length = Math.min(bytes.length, 512) & ~1;
  if (length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = length / 2;
  if (oddZeros >= 0.4 * half && evenZeros <= 0.05 * half) return 'UTF-16LE';
  if (evenZeros >= 0.4 * half && oddZeros <= 0.05 * half) return 'UTF-16BE';
  return null;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (utf8SequenceAt): where the strict decoder stopped. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return i;
}
