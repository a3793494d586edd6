/**
 * What `dedupe` and `dedupe report <dir>` print once a scan's analysis is made: the same report
 * in the same formats with the same exit codes (issue 10). JSON or NDJSON, the summary alone
 * (-q, fitted to the terminal), or the human report; the HTML page beside any of them; the
 * stage timings with --verbose; and --fail-on's verdict as the exit code.
 */
import type { ScanAnalysis } from '../../core/scan/scanner.js';
import { gateFindings, type FailOn } from '../../engine/index.js';
import { fitSummary, renderHumanChunks, renderSummary, type HumanView } from '../../render/human.js';
import { inPieces, namedDocuments, OUTPUT_PIECE_CHARS } from '../../render/text.js';
import { renderJsonChunks, renderNdjsonLines } from '../../render/json.js';
import { humanLayout, outputStyle, stdoutWidth } from '../color.js';
import { EXIT_FOUND, EXIT_OK } from '../exit-codes.js';
import { finishHtml, HtmlReport, tappedSource } from '../html-report.js';
import type { DocumentReport } from '../../core/types.js';
import { OutputError, warnUnusedFlags, type CliIO } from '../io.js';
import { foundLine, uncheckedExit } from './gate-exit.js';
import type { OutputRequest } from '../requests.js';

export interface ScanReportRequest {
  output: OutputRequest;
  failOn: FailOn | undefined;
  /** How the HTML page names the command run ("dedupe <paths>", "dedupe report <dir>"). */
  pagePaths: string[];
  version: string;
  /** When the command started (io.now()), for the elapsed time in the summary. */
  started: number;
  /** "file", or "document" when articles came from JSONL. */
  noun: 'file' | 'document';
  /** With --verbose: what follows the summary on stderr (the stages' timings). */
  verboseDetail: () => string;
  /** The command whose report this is: a gate failing on unread input says to run it again (the sharded report: to sign again). */
  command: 'scan' | 'report';
}

export async function writeScanReport(analysis: ScanAnalysis, request: ScanReportRequest, io: CliIO): Promise<number> {
  const { output, started, noun } = request;
  // Once the input was read: a run that fails on it says only why.
  warnUnusedFlags(io, output);
  // -q alone (and a --fail-on gate with it) makes no report: only the summary's counts.
  if (output.json || output.ndjson || !output.quiet || output.html !== undefined) io.reportStarts?.();
  const html =
    output.html === undefined
      ? null
      : new HtmlReport(
          output.html,
          { summary: analysis.summary, options: analysis.options, warnings: analysis.warnings, groups: analysis.groups(), memberAlignment: (g, m, r) => analysis.memberAlignment(g, m, r), storyPairs: () => analysis.storyPairs() },
          { command: 'scan', paths: request.pagePaths, generator: `dedupe ${request.version}` },
        );
  try {
    if (output.json || output.ndjson) {
      const source = html ? tappedSource(analysis, html) : analysis;
      await writeAll(io, output.json ? renderJsonChunks(source) : renderNdjsonLines(source), html === null);
    } else if (output.quiet) {
      const { fit, width } = stdoutWidth(io);
      io.stdout.write(`${fitSummary(renderSummary(analysis, io.now() - started, noun), fit ? width : undefined)}\n`);
      if (html) for (const doc of analysis.documents()) html.add(doc);
    } else {
      const { color, palette } = outputStyle(output, io);
      const view = streamedView(analysis, html);
      const chunks = renderHumanChunks(view, { palette, color, ...humanLayout(output, io), quiet: false, diff: output.diff, elapsedMs: io.now() - started, noun });
      await writeAll(io, inPieces(chunks, OUTPUT_PIECE_CHARS), html === null);
      view.finish();
    }
    if (html) finishHtml(html, io, output.quiet);
    if (output.verbose) io.stderr.write(`dedupe: ${renderSummary(analysis, io.now() - started, noun)}; ${request.verboseDetail()}\n`);
  } catch (error) {
    // The reader closed the pipe (| head): the report ends there, but the gate still decides
    // the exit status (it passed: found in review, even under set -o pipefail).
    if (!(error instanceof OutputError && error.code === 'EPIPE') || request.failOn === undefined) throw error;
  }
  if (request.failOn === undefined) return EXIT_OK;
  const { documents, ...found } = gateFindings(analysis.paragraphs(), request.failOn, analysis.options.minWords);
  if (found.paragraphs > 0) io.stderr.write(foundLine(request.failOn, found, analysis.options.minWords, namedDocuments(documents)));
  return uncheckedExit(request.failOn, analysis.warnings, request.command, io) ?? (found.paragraphs > 0 ? EXIT_FOUND : EXIT_OK);
}

/** Characters written between two turns of the event loop (writeAll). */
const CHARS_BETWEEN_TURNS = 1 << 20;

/**
 * Writes a report's pieces to stdout. With `stopEarly`, the event loop turns after each
 * megabyte or so: a reader that closed the pipe (`dedupe ... | head`) is reported as an 'error'
 * event after a write returns, and the process ends there (main.ts) instead of making the rest
 * of a report nobody reads (the 100 MB corpus's human report: 5 s; a 1 GB --json: minutes).
 * Not with --html, whose page is written after the report and needs all of it.
 */
async function writeAll(io: CliIO, pieces: Iterable<string>, stopEarly: boolean): Promise<void> {
  let written = 0;
  for (const piece of pieces) {
    io.stdout.write(piece);
    written += piece.length;
    if (stopEarly && written >= CHARS_BETWEEN_TURNS) {
      written = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * The human report's view of a scan: every document's head at once (cheap), each document's
 * report made when the report reaches it and let go once written, so the report of a large
 * corpus is never held whole (it was: a string of 90 MB for the 100 MB bench corpus, more
 * than V8's longest string somewhere past 500 MB of articles). With --html every document is
 * made, in order, for the page; `finish` makes those the report did not reach.
 */
function streamedView(analysis: ScanAnalysis, html: HtmlReport | null): HumanView & { finish(): void } {
  const all = analysis.documentIndexes();
  const heads = analysis.documentHeads();
  // Whether the report asked for the documents (one that shows none never does).
  let reached = false;
  function* documents(indexes: readonly number[]): Generator<DocumentReport> {
    reached = true;
    if (!html) {
      for (const k of indexes) yield analysis.document(all[k]!, heads[k]);
      return;
    }
    const wanted = new Set(indexes);
    for (let k = 0; k < all.length; k++) {
      const doc = analysis.document(all[k]!, heads[k]);
      html.add(doc);
      if (wanted.has(k)) yield doc;
    }
  }
  return {
    summary: analysis.summary,
    warnings: analysis.warnings,
    groups: analysis.groups(),
    storyPairs: analysis.storyPairs(),
    heads,
    documents,
    finish: () => {
      if (!reached && html) all.forEach((i, k) => html.add(analysis.document(i, heads[k])));
    },
  };
}
