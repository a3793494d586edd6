/**
 * The machine-readable report as JSON: one compact document, newline-terminated. Compact
 * because the report is large (each paragraph lists up to --max-matches matches with their
 * word operations): indentation made it 1.75 times bigger and slower to write, and `jq .`
 * pretty-prints it for a reader anyway.
 */
import type { Report } from '../core/types.js';

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * The same text as `renderJson`, byte for byte, in pieces of about this many characters.
 *
 * Why: V8 cannot build a string over 2^29 - 24 characters, and `npm run bench` on a 100 MB
 * corpus (a 740 MB report) failed in `JSON.stringify` with "RangeError: Invalid string
 * length"; the single string also held the whole text, and its UTF-8 copy, in memory.
 */
export const JSON_CHUNK_CHARS = 1 << 20;

/**
 * `renderJson(report)` as a sequence of strings, for writing a report of any size: long arrays
 * (documents) go a slice of elements at a time.
 */
export function* renderJsonChunks(report: Report, chunkChars = JSON_CHUNK_CHARS): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined || typeof value === 'function') continue; // left out, as JSON.stringify does
    const name = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      yield `${name}${JSON.stringify(value)}`;
      continue;
    }
    yield `${name}[`;
    let perSlice = 1;
    let written = 0;
    for (let start = 0; start < value.length; ) {
      const slice = value.slice(start, start + perSlice);
      const text = JSON.stringify(slice);
      yield `${start === 0 ? '' : ','}${text.slice(1, -1)}`;
      start += slice.length;
      written += text.length;
      // Aim the next slice at chunkChars from the average element so far.
      perSlice = Math.max(1, Math.min(65536, Math.floor((chunkChars * start) / written)));
    }
    yield ']';
  }
  yield '}\n';
}
