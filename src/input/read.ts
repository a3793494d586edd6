/**
 * Reads one article file as text. Never throws for a bad file: it returns a warning instead,
 * so one unreadable file does not abort a scan of a thousand good ones.
 *
 * - UTF-8 only; a byte-order mark is dropped. Line ends (LF, CRLF, CR) are left to the
 *   segmenter, which accepts all three.
 * - A NUL byte means binary (an image or a PDF named .txt): skipped with a warning.
 * - Invalid UTF-8 (Latin-1 or Windows-1252 exports): skipped with a warning that says how to
 *   convert, rather than guessing an encoding and matching garbage.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Warning } from '../core/types.js';

export type ReadOutcome = { ok: true; text: string; bytes: number } | { ok: false; warning: Warning };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function readArticle(file: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return readFailure(file, error);
  }
  return decodeArticle(file, bytes);
}

/**
 * `readArticle` without the event loop, for the CLI's scan. Why: fs/promises' readFile takes
 * five thread-pool round trips per file (open, fstat, read, read, close), and each next step
 * waits for the busy main thread to turn the event loop, so read-ahead did not overlap the scan.
 * Measured on the 10 MB bench corpus (4,354 files, warm cache): 0.85 s waiting for reads in
 * the scan, 240 ms for the reads alone with 16 in flight, 55 ms with readFileSync.
 */
export function readArticleSync(file: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return readFailure(file, error);
  }
  return decodeArticle(file, bytes);
}

function readFailure(file: string, error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return { ok: false, warning: { code: 'vanished', path: file, message: `${file}: disappeared before it could be read; skipped` } };
  }
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String(code ?? error);
  return { ok: false, warning: { code: 'unreadable', path: file, message: `${file}: cannot be read (${reason}); skipped` } };
}

function decodeArticle(file: string, bytes: Buffer): ReadOutcome {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      warning: { code: 'binary', path: file, message: `${file}: binary file (NUL byte at offset ${nul}); skipped, exclude it with --exclude` },
    };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return {
      ok: false,
      warning: {
        code: 'invalid-utf8',
        path: file,
        message: `${file}: not valid UTF-8 (byte ${firstInvalidUtf8(bytes)}); skipped, convert it with iconv -f <encoding> -t utf-8`,
      },
    };
  }
  return { ok: true, text, bytes: bytes.length };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
