/**
 * `dedupe sign`, `dedupe join` and `dedupe report`: the scan split in three over Parquet files
 * (README "Beyond one machine"). sign and join print one summary line (or --json, the engine's
 * result); report prints the scan's report, in the scan's formats, with the scan's exit codes.
 */
import { checkOutputFile, joinShards, reportShards, signShard, type ReportRun } from '../../engine/index.js';
import { renderJson } from '../../render/json.js';
import { renderJoinResult, renderJoinSteps, renderSignResult, renderSignStages } from '../../render/scale.js';
import { EXIT_OK } from '../exit-codes.js';
import { withFeedback } from '../feedback.js';
import { stageLine, type CliIO } from '../io.js';
import type { JoinCommand, ReportCommand, SignCommand } from '../requests.js';
import { writeScanReport } from './scan-output.js';

export async function runSignCommand(command: SignCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  const result = await withFeedback(io, output, false, (hooks) => signShard({ ...command, cwd: io.cwd, version }, hooks));
  const elapsed = io.now() - started;
  // The result is one summary line, so -q prints it too, as index add -q does (it printed nothing; found by a new user).
  if (output.json) io.stdout.write(renderJson(result));
  else io.stdout.write(renderSignResult(result, elapsed));
  if (output.verbose) io.stderr.write(`dedupe: sign: ${renderSignStages(result)}\n`);
  return EXIT_OK;
}

export async function runJoinCommand(command: JoinCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  const result = await withFeedback(io, output, false, (hooks) => joinShards({ dir: command.dir, cwd: io.cwd, memoryLimit: command.memoryLimit, threads: command.threads, version }, hooks));
  const elapsed = io.now() - started;
  if (output.json) io.stdout.write(renderJson(result));
  else io.stdout.write(renderJoinResult(result, elapsed));
  if (output.verbose) io.stderr.write(`dedupe: join: ${renderJoinSteps(result)}\n`);
  return EXIT_OK;
}

export async function runReportCommand(command: ReportCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  if (output.html !== undefined) checkOutputFile(output.html, io.cwd, '--html');
  const wordOps = output.json || output.ndjson || output.diff;
  const run = await withFeedback(io, output, true, async (hooks) => {
    const loaded = await reportShards({ dir: command.dir, cwd: io.cwd, memoryLimit: command.memoryLimit, threads: command.threads, maxMatches: command.maxMatches, wordOps, fileTimes: command.fileTimes, ...(command.agencies ? { agencies: command.agencies } : {}) }, hooks);
    // The warnings signing met, as the scan prints them.
    for (const warning of loaded.analysis.warnings) hooks.warning?.(warning);
    return loaded;
  });
  try {
    return await writeReport(command, run, io, version, started);
  } finally {
    run.close();
  }
}

function writeReport(command: ReportCommand, run: ReportRun, io: CliIO, version: string, started: number): Promise<number> {
  return writeScanReport(
    run.analysis,
    {
      output: command.output,
      failOn: command.failOn,
      // The page of a scan's report (it is one), titled "dedupe report <dir>".
      pagePaths: ['report', command.dir],
      version,
      started,
      noun: run.read.jsonlSources > 0 ? 'document' : 'file',
      verboseDetail: () => `${stageLine({ load: run.loadMs, ...run.timings })}; ${run.pageReads()} documents read back from disk`,
      command: 'report',
    },
    io,
  );
}
