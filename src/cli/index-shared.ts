/**
 * What `dedupe index ...` and `dedupe check` share: the --db flag and its default, the
 * signing options (which must agree with the index), the paths documents are stored under,
 * and reading files a few at a time ahead of the consumer.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { SEGMENT_MODES } from '../core/options.js';
import type { PreparedDocument } from '../core/scan.js';
import type { ScanOptions, SegmentMode } from '../core/types.js';
import { readArticleSync, type ReadOutcome } from '../input/read.js';
import { DEFAULT_INCLUDE, findFiles } from '../input/walk.js';
import type { AddResult } from '../render/ingest.js';
import type { Palette } from '../render/palette.js';
import type { WriteBatch } from '../store/index-store.js';
import { outputStyle } from './color.js';
import { UsageError } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { ScanFlags } from './scan-command.js';
import { collect, parseNumber } from './option-parsers.js';

/** Where the index lives unless --db says otherwise: a hidden folder in the current folder. */
export const DEFAULT_DB = path.join('.dedupe', 'index.db');

export interface DbFlags {
  db?: string;
}

export type OutputFlags = Pick<ScanFlags, 'json' | 'quiet' | 'color' | 'verbose'>;

export type WalkFlags = Pick<ScanFlags, 'include' | 'exclude'>;

/** Options that shape signatures; undefined when not given, so the index's own values apply. */
export type SigningFlags = Pick<ScanFlags, 'segment' | 'threshold' | 'containment' | 'shingleSize' | 'numHashes' | 'minWords' | 'seed'>;



export function addDbOption(command: Command): Command {
  return command.option('--db <file>', `the index file (default: ${DEFAULT_DB} in the current folder)`);
}

export function addOutputOptions(command: Command, json: string): Command {
  return command
    .option('--json', json)
    .option('-q, --quiet', 'print only the summary line')
    .option('--color', 'colour the output (default: when stdout is a terminal)')
    .option('--no-color', 'do not colour the output (also NO_COLOR=1)')
    .option('--verbose', 'timings on stderr, stack traces on errors');
}

export function addWalkOptions(command: Command): Command {
  return command
    .addOption(new Option('--include <glob>', 'files to read inside folders, repeatable').argParser(collect).default([], '**/*.txt'))
    .addOption(new Option('--exclude <glob>', 'files or folders to skip, repeatable').argParser(collect).default([], 'none'));
}

/**
 * The scan's signing options, without defaults: a new index takes the scan's defaults for
 * those not given; an existing index must agree with those given (see store/parameters.ts).
 */
export function addSigningOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--segment <mode>', 'how lines become paragraphs: auto, line, block (default: the index\'s; auto for a new one)').choices(
        SEGMENT_MODES,
      ),
    )
    .option('--threshold <jaccard>', "shingle Jaccard at which a paragraph counts as edited (default: the index's; 0.5)", parseNumber)
    .option('--containment <share>', "share of a paragraph inside another at which it counts as edited (default: the index's; 0.8)", parseNumber)
    .option('--shingle-size <words>', "words per shingle (default: the index's; 3)", parseNumber)
    .option('--num-hashes <n>', "MinHash signature length (default: the index's; 128)", parseNumber)
    .option('--min-words <n>', "shorter paragraphs match only when identical (default: the index's; 5)", parseNumber)
    .option('--seed <n>', "hash seed (default: the index's; 1)", parseNumber);
}

export function requestedOptions(flags: SigningFlags & { maxMatches?: number }): Partial<ScanOptions> {
  const requested: Partial<ScanOptions> = {};
  if (flags.segment !== undefined) requested.segment = flags.segment as SegmentMode;
  for (const key of ['threshold', 'containment', 'shingleSize', 'numHashes', 'minWords', 'seed', 'maxMatches'] as const) {
    if (flags[key] !== undefined) requested[key] = flags[key];
  }
  return requested;
}

export function dbPath(flags: DbFlags): { file: string; isDefault: boolean } {
  return flags.db === undefined ? { file: DEFAULT_DB, isDefault: true } : { file: flags.db, isDefault: false };
}

/**
 * The path a document is stored under, so that `a.txt`, `./a.txt` and `/abs/cwd/a.txt` are
 * one document: a path inside the current folder is stored relative to it (an index stays
 * usable when the checkout moves, as a CI workspace does, if commands run from the same
 * folder); a relative path outside it keeps its `../`; an absolute path outside it stays
 * absolute. Always forward slashes.
 */
export function documentPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const chosen = outside && path.isAbsolute(file) ? absolute : relative;
  return chosen.split(path.sep).join('/');
}

export async function findArticles(paths: readonly string[], flags: WalkFlags): Promise<string[]> {
  const files = await findFiles(paths, { include: flags.include, exclude: flags.exclude });
  if (files.length === 0) {
    const patterns = (flags.include.length > 0 ? flags.include : DEFAULT_INCLUDE).join(', ');
    throw new UsageError(`no files matching ${patterns} in ${paths.join(', ')}; use --include to choose other files`);
  }
  return files;
}

/**
 * Reads the files in order with the scan's synchronous reader: an asynchronous read-ahead did
 * not overlap the work on the main thread and cost more (see readArticleSync).
 */
export function* readFiles(files: readonly string[]): Generator<{ file: string; outcome: ReadOutcome }> {
  for (const file of files) yield { file, outcome: readArticleSync(file) };
}

export function paletteFor(flags: OutputFlags, io: CliIO): Palette {
  return outputStyle(flags, io).palette;
}

/** Counts and paths of one batch of files put into the index (shared by `index add` and `check --add`). */
export interface PutSummary {
  added: AddResult['added'];
  updated: AddResult['updated'];
  unchanged: string[];
}

/** A file read, identified by its stored path and content hash. */
export interface ArticleVersion {
  path: string;
  contentHash: string;
  bytes: number;
}

/**
 * Stores one article inside a write batch. `prepare` (signing, with signatures kept) is only
 * called when the content differs from the stored version: an unchanged file costs a lookup.
 */
export function putArticle(
  batch: WriteBatch,
  article: ArticleVersion,
  prepare: () => PreparedDocument,
  addedAt: number,
  summary: PutSummary,
): void {
  if (batch.contentHashOf(article.path) === article.contentHash) {
    summary.unchanged.push(article.path);
    return;
  }
  const prepared = prepare();
  const outcome = batch.put(prepared, { contentHash: article.contentHash, bytes: article.bytes, addedAt });
  const entry = { path: article.path, paragraphs: prepared.paragraphs.length };
  if (outcome === 'added') summary.added.push(entry);
  else if (outcome === 'updated') summary.updated.push(entry);
  else summary.unchanged.push(article.path);
}
