/**
 * `dedupe [scan] <paths...>`: the engine scans, a renderer formats, the gate picks the exit code.
 * `-q` prints the summary line only, so the matches and the groups' provenance are never made;
 * `--json` and `--ndjson` write the report one document at a time, as it is made. `--html <file>` also writes the HTML
 * report (html-report.ts), from the same documents as they go by.
 */
import { checkOutputFile, failingParagraphs, scanPaths, type ScanRun } from '../../engine/index.js';
import { fitSummary, renderHuman, renderSummary } from '../../render/human.js';
import { renderJsonChunks, renderNdjsonLines } from '../../render/json.js';
import { humanLayout, outputStyle, stdoutWidth } from '../color.js';
import { EXIT_FOUND, EXIT_OK } from '../exit-codes.js';
import { Feedback } from '../feedback.js';
import { finishHtml, HtmlReport, tappedSource } from '../html-report.js';
import { stageLine, type CliIO } from '../io.js';
import type { ScanCommand } from '../requests.js';

export async function runScanCommand(command: ScanCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  // A report file that cannot be written fails now, not after the scan.
  if (output.html !== undefined) checkOutputFile(output.html, io.cwd, '--html');
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson: true, quiet: output.quiet, progress: output.progress });
  let run: ScanRun;
  try {
    run = await scanPaths({ ...command, cwd: io.cwd, wordOps: output.json || output.ndjson || output.diff }, feedback.hooks());
  } finally {
    feedback.finish();
  }
  const { analysis } = run;
  const noun = run.jsonlSources > 0 ? 'document' : 'file';
  const html =
    output.html === undefined
      ? null
      : new HtmlReport(
          output.html,
          { summary: analysis.summary, options: analysis.options, warnings: analysis.warnings, groups: analysis.groups(), memberAlignment: (g, m, r) => analysis.memberAlignment(g, m, r) },
          { command: 'scan', paths: command.paths, generator: `dedupe ${version}` },
        );
  if (output.json || output.ndjson) {
    const source = html ? tappedSource(analysis, html) : analysis;
    for (const chunk of output.json ? renderJsonChunks(source) : renderNdjsonLines(source)) io.stdout.write(chunk);
  } else if (output.quiet) {
    const { fit, width } = stdoutWidth(io);
    io.stdout.write(`${fitSummary(renderSummary(analysis, io.now() - started, noun), fit ? width : undefined)}\n`);
    if (html) for (const doc of analysis.documents()) html.add(doc);
  } else {
    const report = analysis.report();
    const { color, palette } = outputStyle(output, io);
    io.stdout.write(renderHuman(report, { palette, color, ...humanLayout(output, io), quiet: false, diff: output.diff, elapsedMs: io.now() - started, noun }));
    if (html) for (const doc of report.documents) html.add(doc);
  }
  if (html) finishHtml(html, io, output.quiet);
  if (output.verbose) {
    const stages = { walk: run.walkMs, prepare: run.prepareMs, ...run.timings };
    io.stderr.write(`dedupe: ${renderSummary(analysis, io.now() - started, noun)}; ${stageLine(stages)}\n`);
  }
  if (command.failOn === undefined) return EXIT_OK;
  const found = failingParagraphs(analysis.paragraphs(), command.failOn, analysis.options.minWords);
  if (found === 0) return EXIT_OK;
  io.stderr.write(`dedupe: --fail-on ${command.failOn}: ${found} paragraph${found === 1 ? '' : 's'} found\n`);
  return EXIT_FOUND;
}
