/**
 * `dedupe sign`, `dedupe join` and `dedupe report`: the scan split in three over Parquet files
 * (README "Beyond one machine"). sign and join print one summary line (or --json, the engine's
 * result); report prints the scan's report, in the scan's formats, with the scan's exit codes.
 */
import { checkOutputFile, failingParagraphs, joinShards, reportShards, signShard, type JoinResult, type ReportRun, type SignResult } from '../../engine/index.js';
import { renderHuman, renderSummary } from '../../render/human.js';
import { renderJson, renderJsonChunks, renderNdjsonLines } from '../../render/json.js';
import { renderJoinResult, renderJoinSteps, renderSignResult, renderSignStages } from '../../render/scale.js';
import { humanLayout, outputStyle } from '../color.js';
import { EXIT_FOUND, EXIT_OK } from '../exit-codes.js';
import { Feedback } from '../feedback.js';
import { finishHtml, HtmlReport, tappedSource } from '../html-report.js';
import { stageLine, type CliIO } from '../io.js';
import type { JoinCommand, ReportCommand, SignCommand } from '../requests.js';

export async function runSignCommand(command: SignCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson: false, quiet: output.quiet, progress: output.progress });
  let result: SignResult;
  try {
    result = await signShard({ ...command, cwd: io.cwd, version }, feedback.hooks());
  } finally {
    feedback.finish();
  }
  const elapsed = io.now() - started;
  if (output.json) io.stdout.write(renderJson(result));
  else if (!output.quiet) io.stdout.write(renderSignResult(result, elapsed));
  if (output.verbose) io.stderr.write(`dedupe: sign: ${renderSignStages(result)}\n`);
  return EXIT_OK;
}

export async function runJoinCommand(command: JoinCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson: false, quiet: output.quiet, progress: output.progress });
  let result: JoinResult;
  try {
    result = await joinShards({ dir: command.dir, cwd: io.cwd, memoryLimit: command.memoryLimit, threads: command.threads, version }, feedback.hooks());
  } finally {
    feedback.finish();
  }
  const elapsed = io.now() - started;
  if (output.json) io.stdout.write(renderJson(result));
  else if (!output.quiet) io.stdout.write(renderJoinResult(result, elapsed));
  if (output.verbose) io.stderr.write(`dedupe: join: ${renderJoinSteps(result)}\n`);
  return EXIT_OK;
}

export async function runReportCommand(command: ReportCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  if (output.html !== undefined) checkOutputFile(output.html, io.cwd, '--html');
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson: true, quiet: output.quiet, progress: output.progress });
  let run: ReportRun;
  try {
    const wordOps = output.json || output.ndjson || output.diff;
    run = await reportShards({ dir: command.dir, cwd: io.cwd, memoryLimit: command.memoryLimit, threads: command.threads, maxMatches: command.maxMatches, wordOps }, feedback.hooks());
    // The warnings signing met, as the scan prints them.
    for (const warning of run.analysis.warnings) feedback.warning(warning.message);
  } finally {
    feedback.finish();
  }
  try {
    return writeReport(command, run, io, version, started);
  } finally {
    run.close();
  }
}

function writeReport(command: ReportCommand, run: ReportRun, io: CliIO, version: string, started: number): number {
  const { output } = command;
  const { analysis } = run;
  const noun = run.read.jsonlSources > 0 ? 'document' : 'file';
  // The page of a scan's report (it is one), titled "dedupe report <dir>".
  const html =
    output.html === undefined
      ? null
      : new HtmlReport(
          output.html,
          { summary: analysis.summary, options: analysis.options, warnings: analysis.warnings, groups: analysis.groups(), memberAlignment: (g, m, r) => analysis.memberAlignment(g, m, r) },
          { command: 'scan', paths: ['report', command.dir], generator: `dedupe ${version}` },
        );
  if (output.json || output.ndjson) {
    const source = html ? tappedSource(analysis, html) : analysis;
    for (const chunk of output.json ? renderJsonChunks(source) : renderNdjsonLines(source)) io.stdout.write(chunk);
  } else if (output.quiet) {
    io.stdout.write(`${renderSummary(analysis, io.now() - started, noun)}\n`);
    if (html) for (const doc of analysis.documents()) html.add(doc);
  } else {
    const report = analysis.report();
    const { color, palette } = outputStyle(output, io);
    io.stdout.write(renderHuman(report, { palette, color, ...humanLayout(output, io), quiet: false, diff: output.diff, elapsedMs: io.now() - started, noun }));
    if (html) for (const doc of report.documents) html.add(doc);
  }
  if (html) finishHtml(html, io, output.quiet);
  if (output.verbose) {
    io.stderr.write(`dedupe: ${renderSummary(analysis, io.now() - started, noun)}; ${stageLine({ load: run.loadMs, ...run.timings })}; ${run.pageReads()} documents read back from disk\n`);
  }
  if (command.failOn === undefined) return EXIT_OK;
  const found = failingParagraphs(analysis.paragraphs(), command.failOn, analysis.options.minWords);
  if (found === 0) return EXIT_OK;
  io.stderr.write(`dedupe: --fail-on ${command.failOn}: ${found} paragraph${found === 1 ? '' : 's'} found\n`);
  return EXIT_FOUND;
}
