/**
 * `dedupe index add|remove|stats`: the persistent index `dedupe check` compares against.
 * Wiring only: files from src/input, signing from src/core, storage in src/store, text from
 * src/render.
 */
import { Command } from 'commander';
import { createSigner, resolveOptions } from '../core/index.js';
import { renderAddResult, renderRemoveResult, renderStats, type AddResult, type RemoveResult } from '../render/ingest.js';
import { renderJson } from '../render/json.js';
import { contentHash } from '../store/codec.js';
import { IndexStore } from '../store/index-store.js';
import { registerCheckCommand } from './check-command.js';
import { EXIT_ERROR, EXIT_OK, UsageError } from './exit-codes.js';
import {
  addDbOption,
  addOutputOptions,
  addSigningOptions,
  addWalkOptions,
  dbPath,
  documentPath,
  findArticles,
  paletteFor,
  putArticle,
  readFiles,
  requestedOptions,
  type DbFlags,
  type OutputFlags,
  type PutSummary,
  type SigningFlags,
  type WalkFlags,
} from './index-shared.js';
import { warn, type CliIO } from './io.js';

export type AddFlags = DbFlags & OutputFlags & WalkFlags & SigningFlags;

export async function runIndexAdd(paths: readonly string[], flags: AddFlags, io: CliIO, cwd: string, version: string): Promise<number> {
  const started = io.now();
  const requested = requestedOptions(flags);
  resolveOptions(requested); // a bad option fails before anything is read or created
  const files = await findArticles(paths, flags);
  const { file, isDefault } = dbPath(flags);
  const store = IndexStore.open(file, { mode: 'write', requested, createFolder: isDefault, now: Date.now(), createdBy: `dedupe ${version}` });
  try {
    const signer = await createSigner(store.options);
    const summary: PutSummary = { added: [], updated: [], unchanged: [] };
    const unreadable: string[] = [];
    const addedAt = Date.now();
    await store.write(async (batch) => {
      for (const { file: article, outcome } of readFiles(files)) {
        if (!outcome.ok) {
          unreadable.push(article);
          warn(io, outcome.warning.message);
          continue;
        }
        const stored = documentPath(article, cwd);
        const current = { path: stored, contentHash: contentHash(outcome.text), bytes: outcome.bytes };
        putArticle(batch, current, () => signer.prepare({ id: stored, text: outcome.text }, true), addedAt, summary);
      }
      if (unreadable.length === files.length) {
        throw new UsageError(`none of the ${files.length} matching files could be read (see the warnings above); the index was not changed`);
      }
    });
    const stats = store.stats();
    const result: AddResult = {
      database: file,
      ...summary,
      unreadable,
      index: { documents: stats.documents, paragraphs: stats.paragraphs },
    };
    const elapsedMs = io.now() - started;
    io.stdout.write(
      flags.json
        ? renderJson(result)
        : renderAddResult(result, { palette: paletteFor(flags, io), quiet: flags.quiet === true, elapsedMs }),
    );
    if (flags.verbose) io.stderr.write(`dedupe: index add: ${files.length} files in ${elapsedMs.toFixed(0)} ms\n`);
    return EXIT_OK;
  } finally {
    store.close();
  }
}

export async function runIndexRemove(paths: readonly string[], flags: DbFlags & OutputFlags, io: CliIO, cwd: string): Promise<number> {
  const { file } = dbPath(flags);
  const store = IndexStore.open(file, { mode: 'write', mustExist: true });
  try {
    const removed: string[] = [];
    const notFound: string[] = [];
    await store.write(async (batch) => {
      for (const given of paths) {
        const target = documentPath(given, cwd);
        const matching = store.pathsUnder(target);
        if (matching.length === 0) notFound.push(given);
        for (const stored of matching) if (batch.remove(stored)) removed.push(stored);
      }
    });
    for (const given of notFound) warn(io, `${given}: not in the index ${file}; nothing removed for it`);
    const stats = store.stats();
    const result: RemoveResult = { database: file, removed, notFound, index: { documents: stats.documents, paragraphs: stats.paragraphs } };
    io.stdout.write(
      flags.json ? renderJson(result) : renderRemoveResult(result, { palette: paletteFor(flags, io), quiet: flags.quiet === true }),
    );
    return EXIT_OK;
  } finally {
    store.close();
  }
}

export function runIndexStats(flags: DbFlags & OutputFlags & { verify?: boolean }, io: CliIO): number {
  const { file } = dbPath(flags);
  const store = IndexStore.open(file, { mode: 'read' });
  try {
    const stats = store.stats();
    const verification = flags.verify ? store.verify() : undefined;
    io.stdout.write(
      flags.json
        ? renderJson(verification ? { ...stats, verification } : stats)
        : renderStats(stats, paletteFor(flags, io), verification),
    );
    if (verification && !verification.ok) {
      // One line: SQLite's integrity report spans many ("*** in database main ***", one per page).
      const first = (verification.problems[0] ?? '').replace(/\s+/g, ' ').trim();
      const more = verification.problems.length > 1 ? ` and ${verification.problems.length - 1} more` : '';
      io.stderr.write(
        `dedupe: error: ${file}: the index is damaged (${first.length > 160 ? `${first.slice(0, 159)}…` : first}${more}); restore it from a backup or rebuild it\n`,
      );
      return EXIT_ERROR;
    }
    return EXIT_OK;
  } finally {
    store.close();
  }
}

const INDEX_HELP = `
The index is an SQLite database (default .dedupe/index.db). Documents are stored under
their path relative to the current folder: run index commands and checks from the same
folder. Each add is one transaction: if it is interrupted, the index is as it was before.

Exit codes:
  0  finished
  2  usage or input error, or the --db file is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be written

Examples:
  dedupe index add archive/
  dedupe index stats
  dedupe index remove archive/2024-01-03/
  dedupe check --fail-on edited incoming/`;

/** Registers `index` (add, remove, stats) and `check` on the program. */
export function addIndexCommands(program: Command, io: CliIO): void {
  const cwd = process.cwd();
  const index = program
    .command('index')
    .description('keep a persistent index of ingested articles for dedupe check (add, remove, stats)')
    .addHelpText('after', INDEX_HELP);

  const add = addOutputOptions(
    addSigningOptions(addWalkOptions(addDbOption(index.command('add').argument('<paths...>', 'files or folders to add')))),
    'print the result as JSON',
  ).description('sign articles and store them; unchanged files are skipped, changed ones replaced');
  add.addHelpText('after', INDEX_HELP);
  add.action(async (paths: string[], flags: AddFlags) => {
    process.exitCode = await runIndexAdd(paths, flags, io, cwd, program.version() ?? 'unknown');
  });

  const remove = addOutputOptions(addDbOption(index.command('remove').argument('<paths...>', 'stored files, or folders to remove everything under')), 'print the result as JSON')
    .description('take articles out of the index (by stored path; the files need not exist)');
  remove.action(async (paths: string[], flags: DbFlags & OutputFlags) => {
    process.exitCode = await runIndexRemove(paths, flags, io, cwd);
  });

  const stats = addOutputOptions(addDbOption(index.command('stats')), 'print the statistics as JSON')
    .option('--verify', 'also check the whole index for damage (reads all of it); exit 2 if damaged')
    .description('what is in the index: documents, paragraphs, size, parameters');
  stats.action((flags: DbFlags & OutputFlags & { verify?: boolean }) => {
    process.exitCode = runIndexStats(flags, io);
  });

  registerCheckCommand(program, io, cwd);
}
