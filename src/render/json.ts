/** The machine-readable report: `Report` as JSON, one document, newline-terminated. */
import type { Report } from '../core/types.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The same text as `renderJson`, byte for byte, in pieces of about this many characters.
 *
 * Why: the JSON report runs at about 7 times the size of the corpus (each paragraph lists up
 * to --max-matches matches), and V8 cannot build a string over 2^29 - 24 characters. `npm run
 * bench` on a 100 MB corpus (a 740 MB report) failed in `JSON.stringify` with "RangeError:
 * Invalid string length"; it also held the whole text, and its UTF-8 copy, in memory.
 */
export const JSON_CHUNK_CHARS = 1 << 20;

/**
 * `renderJson(report)` as a sequence of strings, for writing a report of any size. Each field
 * of the report is serialised by `JSON.stringify` wrapped in an object of its own, so that it
 * comes out at the right indentation with nothing to re-indent; long arrays (documents) go a
 * slice of elements at a time.
 */
export function* renderJsonChunks(report: Report, chunkChars = JSON_CHUNK_CHARS): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(report)) {
    const name = JSON.stringify(key);
    if (!Array.isArray(value) || value.length === 0) {
      const text = JSON.stringify({ [key]: value }, null, 2);
      if (text === '{}') continue; // undefined and functions are left out, as JSON.stringify does
      yield `${first ? '' : ','}\n${text.slice(2, -2)}`;
      first = false;
      continue;
    }
    // '{\n  "documents": [\n' + elements at their final indentation + '\n  ]\n}'
    const head = `{\n  ${name}: [\n`.length;
    const tail = '\n  ]\n}'.length;
    yield `${first ? '' : ','}\n  ${name}: [\n`;
    first = false;
    let perSlice = 1;
    let written = 0;
    for (let start = 0; start < value.length; ) {
      const slice = value.slice(start, start + perSlice);
      const text = JSON.stringify({ [key]: slice }, null, 2);
      yield `${start === 0 ? '' : ',\n'}${text.slice(head, -tail)}`;
      start += slice.length;
      written += text.length;
      // Aim the next slice at chunkChars from the average element so far.
      perSlice = Math.max(1, Math.min(65536, Math.floor((chunkChars * start) / written)));
    }
    yield '\n  ]';
  }
  yield first ? '}\n' : '\n}\n';
}
