/**
 * The machine-readable report: `--json` (one compact document, newline-terminated) and
 * `--ndjson` (one line per document as soon as it is made, then one per group, then the summary).
 * Both write the JSON form of the report (core/report-json.ts, schema version 4). Compact because the report
 * is large: indentation made it 1.75 times bigger and slower to write, and `jq .` pretty-prints
 * it for a reader anyway.
 */
import { filesOf, JsonWriter } from '../core/report-json.js';
import type { DocumentReport, GroupReport, Report, ReportSource, StoryPairReport } from '../core/types.js';
import { inPieces, OUTPUT_PIECE_CHARS } from './text.js';

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}


/** Elements of a long array as JSON text, a slice of about chunkChars at a time, without the brackets. */
function arrayBody<T>(items: Iterable<T>, chunkChars: number): Generator<string> {
  return inPieces(
    (function* () {
      let first = true;
      for (const item of items) {
        yield `${first ? '' : ','}${JSON.stringify(item)}`;
        first = false;
      }
    })(),
    chunkChars,
  );
}

/** A report's parts, made when read (a ReportSource) or already made (a Report). */
function partsOf(report: Report | ReportSource): {
  files: string[];
  listed: number;
  documents: Iterable<DocumentReport>;
  groups: () => GroupReport[];
  storyPairs: () => StoryPairReport[];
} {
  if (typeof report.documents === 'function') {
    const source = report as ReportSource;
    const files = source.files();
    return { files, listed: source.summary.documents, documents: source.documents(), groups: () => source.groups(), storyPairs: () => source.storyPairs() };
  }
  const whole = report as Report;
  return { files: filesOf(whole), listed: whole.documents.length, documents: whole.documents, groups: () => whole.groups, storyPairs: () => whole.storyPairs };
}

/**
 * The JSON report as a sequence of strings, for writing a report of any size; given a
 * ReportSource, documents are made, written and let go one at a time. `extra` fields (what
 * `check` decided) are written last.
 */
export function* renderJsonChunks(report: Report | ReportSource, extra: Record<string, unknown> = {}, chunkChars = OUTPUT_PIECE_CHARS): Generator<string> {
  const { files, listed, documents, groups, storyPairs } = partsOf(report);
  const writer = new JsonWriter(files, listed);
  yield `{"schemaVersion":${report.schemaVersion},"options":${JSON.stringify(report.options)},"summary":${JSON.stringify(report.summary)},"files":[`;
  yield* arrayBody(files, chunkChars);
  yield '],"documents":[';
  yield* arrayBody((function* () {
    for (const doc of documents) yield writer.document(doc);
  })(), chunkChars);
  yield '],"groups":[';
  yield* arrayBody(groups().map((g) => writer.group(g)), chunkChars);
  const pairs = storyPairs();
  if (pairs.length > 0) {
    yield '],"storyPairs":[';
    yield* arrayBody(pairs.map((p) => writer.storyPair(p)), chunkChars);
  }
  yield `],"warnings":${JSON.stringify(report.warnings)}`;
  for (const [key, value] of Object.entries(extra)) yield `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  yield '}\n';
}

/** The whole JSON report as one string (small reports: `check`, tests). */
export function renderReportJson(report: Report | ReportSource, extra: Record<string, unknown> = {}): string {
  return [...renderJsonChunks(report, extra)].join('');
}

/**
 * `--ndjson`: a first line with the report's options and files, then one line per document
 * (as soon as it is made: nothing is held whole), one per group, and a last line with the
 * summary and warnings. Every line is an object with a `type`.
 */
export function* renderNdjsonLines(report: Report | ReportSource, extra: Record<string, unknown> = {}): Generator<string> {
  const { files, listed, documents, groups, storyPairs } = partsOf(report);
  const writer = new JsonWriter(files, listed);
  yield `${JSON.stringify({ type: 'report', schemaVersion: report.schemaVersion, options: report.options, files })}\n`;
  for (const doc of documents) yield `${JSON.stringify({ type: 'document', ...writer.document(doc) })}\n`;
  for (const group of groups()) yield `${JSON.stringify({ type: 'group', ...writer.group(group) })}\n`;
  for (const pair of storyPairs()) yield `${JSON.stringify({ type: 'storyPair', ...writer.storyPair(pair) })}\n`;
  yield `${JSON.stringify({ type: 'summary', summary: report.summary, warnings: report.warnings, ...extra })}\n`;
}
