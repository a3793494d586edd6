/**
 * `dedupe diff <from> <to>`: the engine aligns the two articles, a renderer formats the blocks;
 * with --exit-code the exit status says whether they differ; --quiet prints nothing and implies
 * --exit-code, as git diff --quiet does.
 */
import { diffFiles } from '../../engine/index.js';
import { renderDiffReport } from '../../render/diff.js';
import { renderJson } from '../../render/json.js';
import { outputStyle, stdoutWidth } from '../color.js';
import { differs } from '../../core/index.js';
import { EXIT_FOUND, EXIT_OK } from '../exit-codes.js';
import { warn, type CliIO } from '../io.js';
import type { DiffCommand } from '../requests.js';

export async function runDiffCommand(command: DiffCommand, io: CliIO): Promise<number> {
  const report = await diffFiles(command.from, command.to, command.options, io.cwd);
  const changed = differs(report);
  // --quiet, as git diff --quiet: no output at all (not even --json's), only the exit code.
  if (command.output.quiet) return changed ? EXIT_FOUND : EXIT_OK;
  // A side without words makes the comparison say "keeps 0%" of nothing: said on stderr, as a
  // scan says it of an empty file (a new user diffed an empty file without a word of warning).
  for (const side of [report.from, report.to]) if (side.words === 0) warn(io, `${side.path}: no text (empty or only blank lines); the comparison has nothing of it`);
  if (command.output.json) io.stdout.write(renderJson(report));
  else {
    const { color, palette } = outputStyle(command.output, io);
    io.stdout.write(renderDiffReport(report, { palette, color, context: command.context, ...stdoutWidth(io), changed }));
  }
  // As `git diff --exit-code`: 1 tells a script the two differ; without the flag a diff is not a failure.
  return command.exitCode && changed ? EXIT_FOUND : EXIT_OK;
}
