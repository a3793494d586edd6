/**
 * `dedupe index add|remove|list|stats`: the persistent index `dedupe check` compares against. The
 * engine does the work; these print what it returns.
 */
import { addToIndex, indexStats, listIndex, removeFromIndex } from '../../engine/index.js';
import { renderAddResult, renderList, renderRemoveResult, renderStats } from '../../render/ingest.js';
import { renderJson } from '../../render/json.js';
import { outputStyle } from '../color.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { Feedback, withFeedback } from '../feedback.js';
import type { CliIO } from '../io.js';
import type { IndexCommand, OutputRequest } from '../requests.js';
import type { Chunks } from '../../input/records.js';

export async function runIndexAdd(command: IndexCommand, io: CliIO, version: string): Promise<number> {
  const started = io.now();
  const result = await withFeedback(io, command.output, false, (hooks) => addToIndex({ ...command, cwd: io.cwd, now: Date.now(), createdBy: `dedupe ${version}` }, hooks));
  const elapsedMs = io.now() - started;
  const { palette } = outputStyle(command.output, io);
  io.stdout.write(command.output.json ? renderJson(result) : renderAddResult(result, { palette, quiet: command.output.quiet, elapsedMs }));
  const files = result.added.length + result.updated.length + result.unchanged.length + result.unreadable.length;
  if (command.output.verbose) io.stderr.write(`dedupe: index add: ${files} files in ${elapsedMs.toFixed(0)} ms\n`);
  return EXIT_OK;
}

export async function runIndexRemove(
  request: { db: string; defaultDb: boolean; root?: string; dbFrom?: string; paths: string[]; output: OutputRequest; stdin?: Chunks },
  io: CliIO,
): Promise<number> {
  const feedback = new Feedback(io, { verbose: request.output.verbose, warningsInJson: false });
  const { db, defaultDb, root, dbFrom, paths, stdin } = request;
  const result = await removeFromIndex(
    { db, defaultDb, ...(root !== undefined ? { root } : {}), ...(dbFrom !== undefined ? { dbFrom } : {}), paths, cwd: io.cwd, ...(stdin ? { stdin } : {}) },
    feedback.hooks(),
  );
  for (const given of result.notFound) {
    feedback.warning(given === '-' ? `standard input: no article it holds is in the index ${request.db} with its text; nothing removed for it` : `${given}: not in the index ${request.db}; nothing removed for it`);
  }
  feedback.finish();
  const { palette } = outputStyle(request.output, io);
  io.stdout.write(request.output.json ? renderJson(result) : renderRemoveResult(result, { palette, quiet: request.output.quiet }));
  return EXIT_OK;
}

export async function runIndexList(request: { db: string; defaultDb: boolean; root?: string; dbFrom?: string; missing: boolean; output: OutputRequest }, io: CliIO): Promise<number> {
  const { db, defaultDb, root, dbFrom, missing } = request;
  const result = await listIndex({ db, defaultDb, ...(root !== undefined ? { root } : {}), ...(dbFrom !== undefined ? { dbFrom } : {}), missing, cwd: io.cwd }, new Feedback(io, { verbose: false, warningsInJson: false }).hooks());
  const { palette } = outputStyle(request.output, io);
  io.stdout.write(request.output.json ? renderJson(result) : renderList(result, { palette, quiet: request.output.quiet, missingOnly: missing }));
  return EXIT_OK;
}

export async function runIndexStats(request: { db: string; defaultDb: boolean; dbFrom?: string; verify: boolean; output: OutputRequest }, io: CliIO): Promise<number> {
  // An older index is upgraded when opened: said on stderr (it can take minutes).
  const { stats, verification } = await indexStats({ db: request.db, defaultDb: request.defaultDb, ...(request.dbFrom !== undefined ? { dbFrom: request.dbFrom } : {}), verify: request.verify, cwd: io.cwd }, new Feedback(io, { verbose: false, warningsInJson: false }).hooks());
  const { palette } = outputStyle(request.output, io);
  io.stdout.write(request.output.json ? renderJson(verification ? { ...stats, verification } : stats) : renderStats(stats, palette, verification, request.output.quiet));
  if (verification && !verification.ok) {
    // One line: SQLite's integrity report spans many ("*** in database main ***", one per page).
    const first = (verification.problems[0] ?? '').replace(/\s+/g, ' ').trim();
    const more = verification.problems.length > 1 ? ` and ${verification.problems.length - 1} more` : '';
    io.stderr.write(
      `dedupe: error: ${request.db}: the index is damaged (${first.length > 160 ? `${first.slice(0, 159)}…` : first}${more}); restore it from a backup or rebuild it\n`,
    );
    return EXIT_ERROR;
  }
  return EXIT_OK;
}
