/**
 * `dedupe [scan] <paths...>`: the engine scans, a renderer formats, the gate picks the exit code.
 * `-q` prints the summary line only, so the matches and the groups' provenance are never made;
 * `--json` and `--ndjson` write the report one document at a time, as it is made.
 */
import { failingParagraphs, scanPaths, type ScanRun } from '../../engine/index.js';
import { renderHuman, renderSummary } from '../../render/human.js';
import { renderJsonChunks, renderNdjsonLines } from '../../render/json.js';
import { humanLayout, outputStyle } from '../color.js';
import { EXIT_FOUND, EXIT_OK } from '../exit-codes.js';
import { Feedback } from '../feedback.js';
import { stageLine, type CliIO } from '../io.js';
import type { ScanCommand } from '../requests.js';

export async function runScanCommand(command: ScanCommand, io: CliIO): Promise<number> {
  const started = io.now();
  const { output } = command;
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson: true, quiet: output.quiet, progress: output.progress });
  let run: ScanRun;
  try {
    run = await scanPaths({ ...command, cwd: io.cwd, wordOps: output.json || output.ndjson || output.diff }, feedback.hooks());
  } finally {
    feedback.finish();
  }
  const { analysis } = run;
  const noun = run.jsonlSources > 0 ? 'document' : 'file';
  if (output.json || output.ndjson) {
    for (const chunk of output.json ? renderJsonChunks(analysis) : renderNdjsonLines(analysis)) io.stdout.write(chunk);
  } else if (output.quiet) {
    io.stdout.write(`${renderSummary(analysis, io.now() - started, noun)}\n`);
  } else {
    const report = analysis.report();
    const { color, palette } = outputStyle(output, io);
    io.stdout.write(renderHuman(report, { palette, color, ...humanLayout(output, io), quiet: false, diff: output.diff, elapsedMs: io.now() - started, noun }));
  }
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
