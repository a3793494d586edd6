/**
 * The machine-readable report as JSON: one compact document, newline-terminated. Compact
 * because the report is large (each paragraph lists its matches with their word operations):
 * indentation made it 1.75 times bigger and slower to write, and `jq .` pretty-prints it for a
 * reader anyway.
 */
import type { DocumentReport, GroupReport, Report, ReportSource } from '../core/types.js';

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Pieces of about this many characters. V8 cannot build a string over 2^29 - 24 characters
 * (`npm run bench` on a 100 MB corpus once failed in `JSON.stringify` with "RangeError:
 * Invalid string length"), and one string would hold the whole text, and its UTF-8 copy.
 */
export const JSON_CHUNK_CHARS = 1 << 20;

/** Elements of a long array as JSON text, a slice of about chunkChars at a time, without the brackets. */
function* arrayBody<T>(items: Iterable<T>, chunkChars: number): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(item);
    pending.push(text);
    size += text.length;
    if (size >= chunkChars) {
      yield `${first ? '' : ','}${pending.join(',')}`;
      first = false;
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield `${first ? '' : ','}${pending.join(',')}`;
}

/**
 * `renderJson(report)` as a sequence of strings, byte for byte, for writing a report of any
 * size. Given a ReportSource, documents are made, written and let go one at a time.
 */
export function* renderJsonChunks(report: Report | ReportSource, chunkChars = JSON_CHUNK_CHARS): Generator<string> {
  const documents: Iterable<DocumentReport> = typeof report.documents === 'function' ? report.documents() : report.documents;
  const groups: GroupReport[] = typeof report.groups === 'function' ? report.groups() : report.groups;
  yield `{"schemaVersion":${JSON.stringify(report.schemaVersion)},"options":${JSON.stringify(report.options)},"summary":${JSON.stringify(report.summary)},"documents":[`;
  yield* arrayBody(documents, chunkChars);
  yield '],"groups":[';
  yield* arrayBody(groups, chunkChars);
  yield `],"warnings":${JSON.stringify(report.warnings)}}\n`;
}
