/**
 * `dedupe diff <from> <to>`: the engine aligns the two articles, a renderer formats the blocks.
 */
import { diffFiles } from '../../engine/index.js';
import { renderDiffReport } from '../../render/diff.js';
import { renderJson } from '../../render/json.js';
import { outputStyle } from '../color.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import type { DiffCommand } from '../requests.js';

export async function runDiffCommand(command: DiffCommand, io: CliIO): Promise<number> {
  const report = await diffFiles(command.from, command.to, command.options, io.cwd);
  if (command.output.json) {
    io.stdout.write(renderJson(report));
    return EXIT_OK;
  }
  const { color, palette } = outputStyle(command.output, io);
  io.stdout.write(renderDiffReport(report, { palette, color, context: command.context, width: io.stdout.columns ?? 100 }));
  return EXIT_OK;
}
