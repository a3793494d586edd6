/**
 * `dedupe [scan] <paths...>`: the engine scans, a renderer formats, the gate picks the exit code.
 * `-q` prints the summary line only, so the matches and the groups' provenance are never made;
 * `--json` and `--ndjson` write the report one document at a time, as it is made. `--html <file>` also writes the HTML
 * report (html-report.ts), from the same documents as they go by.
 */
import { checkOutputFile, scanPaths } from '../../engine/index.js';
import { withFeedback } from '../feedback.js';
import { rewritingNote, stageLine, type CliIO } from '../io.js';
import type { ScanCommand } from '../requests.js';
import { writeScanReport } from './scan-output.js';

export async function runScanCommand(command: ScanCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const { output } = command;
  // A report file that cannot be written fails now, not after the scan.
  if (output.html !== undefined) checkOutputFile(output.html, io.cwd, '--html');
  const run = await withFeedback(io, output, true, (hooks) => scanPaths({ ...command, cwd: io.cwd, wordOps: output.json || output.ndjson || output.diff }, hooks));
  const { analysis } = run;
  return writeScanReport(
    analysis,
    {
      output,
      failOn: command.failOn,
      pagePaths: command.paths,
      version,
      started,
      noun: run.jsonlSources > 0 ? 'document' : 'file',
      verboseDetail: () => stageLine({ walk: run.walkMs, prepare: run.prepareMs, ...run.timings }) + rewritingNote(command),
      command: 'scan',
    },
    io,
  );
}
