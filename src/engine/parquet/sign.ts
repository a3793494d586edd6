/**
 * `dedupe sign <paths...> --out <dir> [--shard i/n]`: walks the paths as the scan does, keeps
 * the files of shard i of n, prepares them on all cores (the prepare pool: the same prepared
 * documents the scan makes) and writes them as Parquet into <dir>/shard-<i>-of-<n>
 * (layout.ts), whole or not at all.
 *
 * The shard rule: a file belongs to shard (FNV-1a 32-bit hash of its path as walked, in UTF-8,
 * modulo n) + 1. The path as walked is the path given on the command line joined with the
 * file's place under it ("archive/2024/a.txt" for `dedupe sign archive`), so n machines that
 * run the same command from the same folder, each with its own --shard, split the files
 * between them with none read twice. A JSONL file goes whole to one shard. Standard input
 * (`-`) is split article by article, by the same hash of each article's id, so n machines fed
 * the same JSONL stream each keep their share.
 *
 * Warnings (unreadable files, bad JSONL lines) are stored with the shard and each gets its
 * place in the order the scan would print it: the walk's first, then the JSONL sources' lines,
 * then the files' in job order. The walk's, and standard input's, are stored by every shard;
 * the report keeps one copy of each place.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedOptions, Warning } from '../../core/types.js';
import { parametersOf } from '../../store/parameters.js';
import { nothingRead } from '../files.js';
import { prepareFiles, type PrepareJob } from '../prepare-pool.js';
import { prepareProgress, type EngineHooks } from '../scan.js';
import { collectSources, STDIN_PATH, type SourceRequest, type Sources } from '../sources.js';
import { Duck } from './duck.js';
import { FORMAT_VERSION, KEY, parameterDifference, partialFolder, readShard, removeSignLeftovers, shardFolder, shardFolders, ShardError, showUnder, type ReadCounts } from './layout.js';
import { ShardWriter, type WarningOrder, type WrittenCounts } from './shard-writer.js';

export interface ShardChoice {
  /** 1-based. */
  number: number;
  count: number;
}

export interface SignRequest extends SourceRequest {
  options: ResolvedOptions;
  /** Threads to prepare on (the prepare pool). */
  threads: number;
  out: string;
  shard: ShardChoice;
  /** DuckDB's memory limit while writing. */
  memoryLimit: string;
  /** The dedupe version, recorded in the files. */
  version: string;
  /** Whether files' modification times are stored, as the report's evidence of which copy came first (default true; DEDUPE_FILE_TIMES=0). */
  fileTimes?: boolean;
}

export interface SignResult {
  /** The shard's folder, as given (relative to the command's folder when --out was). */
  folder: string;
  shard: ShardChoice;
  read: ReadCounts;
  written: WrittenCounts;
  /** Text files the walk found, in all shards (this shard's are in `read`). */
  filesFound: number;
  warnings: number;
  walkMs: number;
  prepareMs: number;
  writeMs: number;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`: the shard rule's hash (stable across machines and versions). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (1-based) of a path as walked, of `count`. */
export function shardOf(file: string, count: number): number {
  return (fnv1a(file) % count) + 1;
}

/**
 * Whether `out` can take this shard, checked before anything is written: refused when the
 * shard is there already, or the folder holds a run of another shard count or other signing
 * parameters. Returns a shard already there (its Parquet file as shown, and the listing it was
 * signed from), to check this walk's listing against once it is known (signShard).
 */
async function checkOut(out: string, given: string, shard: ShardChoice, options: ResolvedOptions, settings: { memoryLimit: string }): Promise<{ file: string; listing: string | null } | null> {
  const show = showUnder(out, given);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new ShardError(given, `${given} is a file, not a folder; give --out a folder (it is created if missing)`);
  // A file further up is no folder to create (it was "internal error: ENOTDIR"); found by a new user.
  for (let up = path.dirname(out); up !== path.dirname(up); up = path.dirname(up)) {
    if (existsSync(up) && !statSync(up).isDirectory()) throw new ShardError(given, `${show(up)} is a file, not a folder; give --out a folder (it is created if missing)`);
  }
  // DuckDB reads "?" in its work database's path as the start of options, and fails to open it
  // (an internal error; found by a new user).
  if (out.includes('?')) throw new ShardError(given, `${given}: DuckDB cannot keep its work files under a path holding "?"; give --out a folder whose path has none`);
  const existing = shardFolders(out);
  const target = path.join(out, shardFolder(shard.number, shard.count));
  if (existing.some((e) => e.folder === target)) {
    throw new ShardError(show(target), `${show(target)} already exists: shard ${shard.number}/${shard.count} is signed; remove that folder to sign it again`);
  }
  const other = existing.find((e) => e.count !== shard.count);
  if (other) {
    throw new ShardError(show(other.folder), `${given} already holds ${show(other.folder)}, of a run of ${other.count} shard${other.count === 1 ? '' : 's'}, not ${shard.count}: sign into another folder, or remove that run`);
  }
  const first = existing[0];
  if (!first) return null;
  const duck = await Duck.open({ memoryLimit: settings.memoryLimit, threads: 1, tempDirectory: out });
  try {
    let info: Awaited<ReturnType<typeof readShard>>;
    try {
      info = await readShard(duck, first, show);
    } catch (error) {
      // Signing this shard again cannot mend another's format: the run is to be signed anew (a
      // review: "sign shard 1/4 again" when shard 2/4 was asked for, which then said it exists).
      if (!(error instanceof ShardError) || error.otherFormat === undefined) throw error;
      const remedy = Number(error.otherFormat) > FORMAT_VERSION ? 'a newer dedupe signed it: upgrade dedupe, or sign into another folder' : "remove that run's shard folders and sign every shard again, or sign into another folder";
      throw new ShardError(error.file, `${given} already holds a run signed in dedupe's Parquet format ${error.otherFormat} (${error.file}), this dedupe writes format ${FORMAT_VERSION}: ${remedy}`);
    }
    const file = show(info.files.documents);
    const difference = parameterDifference(info.signing, parametersOf(options));
    if (difference) {
      throw new ShardError(file, `${given} already holds a run signed with other parameters (${file}: ${difference}); sign into another folder, or with the same options`);
    }
    return { file, listing: info.listing };
  } finally {
    duck.close();
  }
}

/** What the walk found, this shard's jobs, and the warnings with their places in the scan's order. */
async function walk(request: SignRequest, hooks: EngineHooks, warnings: Array<{ warning: Warning; order: WarningOrder }>): Promise<{ sources: Sources; filesFound: number }> {
  let walkSeq = 0;
  // Per JSONL source: its warnings in order (standard input's are the same in every shard).
  const jsonlSeq = new Map<number, number>();
  const seen = new Set<string>();
  const sources = await collectSources(
    {
      ...request,
      // Standard input is split article by article (every machine reads the same feed); files whole.
      keep: (file) => file === STDIN_PATH || shardOf(file, request.shard.count) === request.shard.number,
      keepArticle: (id) => shardOf(id, request.shard.count) === request.shard.number,
    },
    (file) => {
      seen.add(file);
      return file;
    },
    (warning, source) => {
      const seq = source === undefined ? walkSeq++ : (jsonlSeq.get(source) ?? 0);
      if (source !== undefined) jsonlSeq.set(source, seq + 1);
      const order = source === undefined ? { stage: 0, position: seq, seq: 0 } : { stage: 1, position: source, seq };
      warnings.push({ warning, order });
      hooks.warning?.(warning);
    },
    hooks.progress,
  );
  return { sources, filesFound: seen.size };
}

/** A prepare warning's place: text files first, in walk order; then JSONL articles, by source and line. */
function prepareOrder(job: PrepareJob): WarningOrder {
  return { stage: 2, position: job.source ?? 0, seq: job.item ?? 0 };
}

function metadataOf(request: SignRequest, token: string, read: ReadCounts, listing: string): Map<string, string> {
  return new Map([
    [KEY.listing, listing],
    [KEY.format, String(FORMAT_VERSION)],
    [KEY.shard, String(request.shard.number)],
    [KEY.shards, String(request.shard.count)],
    [KEY.signing, JSON.stringify(parametersOf(request.options))],
    [KEY.token, token],
    [KEY.version, request.version],
    [KEY.read, JSON.stringify(read)],
  ]);
}

export async function signShard(request: SignRequest, hooks: EngineHooks = {}): Promise<SignResult> {
  const clock = hooks.clock ?? (() => 0);
  const out = path.resolve(request.cwd, request.out);
  const sibling = await checkOut(out, request.out, request.shard, request.options, request);
  const started = clock();
  const warnings: Array<{ warning: Warning; order: WarningOrder }> = [];
  const { sources, filesFound } = await walk(request, hooks, warnings);
  const walkMs = clock() - started;
  // join would refuse this shard beside one signed from other files: said now, before signing.
  if (sibling && sibling.listing !== null && sibling.listing !== sources.listing) {
    throw new ShardError(
      sibling.file,
      `${request.out} holds ${sibling.file}, signed from other files than this walk found: sign every shard of a run over the same files, or sign into another folder`,
    );
  }
  mkdirSync(out, { recursive: true });
  removeSignLeftovers(out);
  const partial = path.join(out, partialFolder(request.shard.number, request.shard.count, process.pid));
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  let writer: ShardWriter | null = null;
  try {
    writer = await ShardWriter.open(partial, request.shard.number - 1, { memoryLimit: request.memoryLimit, threads: Math.max(1, request.threads) });
    const prepareStart = clock();
    const read = await prepareInto(writer, sources, request, hooks, warnings);
    const prepareMs = clock() - prepareStart;
    for (const { warning, order } of warnings) writer.addWarning(warning, order);
    const writeStart = clock();
    hooks.progress?.({ stage: 'step', step: `sign: writing shard ${request.shard.number}/${request.shard.count} as Parquet` });
    await writer.finish(partial, metadataOf(request, randomUUID(), read, sources.listing));
    const folder = path.join(out, shardFolder(request.shard.number, request.shard.count));
    const shown = path.join(request.out, shardFolder(request.shard.number, request.shard.count));
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another sign of the same shard into the same folder finished first (it was an internal error; found by a new user).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ShardError(shown, `${shown} already exists: shard ${request.shard.number}/${request.shard.count} is signed; remove that folder to sign it again`);
      throw error;
    }
    return { folder: shown, shard: request.shard, read, written: writer.counts, filesFound, warnings: warnings.length, walkMs, prepareMs, writeMs: clock() - writeStart };
  } catch (error) {
    writer?.close();
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Prepares the shard's jobs on the pool and hands each document to the writer, in order. */
async function prepareInto(
  writer: ShardWriter,
  sources: Sources,
  request: SignRequest,
  hooks: EngineHooks,
  warnings: Array<{ warning: Warning; order: WarningOrder }>,
): Promise<ReadCounts> {
  const run = await prepareFiles(sources.jobs, { options: request.options, threads: request.threads, contentHash: false, cwd: request.cwd, fileTimes: request.fileTimes ?? true, ...(hooks.clock ? { clock: hooks.clock } : {}) });
  const progress = prepareProgress(sources.jobs.length, hooks);
  let bytes = 0;
  let prepared = 0;
  for await (const outcome of run.outcomes) {
    if (outcome.status === 'unreadable' || (outcome.status === 'prepared' && outcome.warning)) {
      const warning = outcome.status === 'unreadable' ? outcome.warning : outcome.warning!;
      warnings.push({ warning, order: prepareOrder(outcome.job) });
      hooks.warning?.(warning);
    }
    if (outcome.status === 'prepared') {
      bytes += outcome.bytes;
      prepared++;
      writer.addDocument(outcome.prepared);
    }
    progress(outcome);
  }
  // A shard that got files but could read none of them is an error, as a scan reading nothing is.
  if (prepared === 0 && sources.jobs.length > 0) throw nothingRead(sources, `; shard ${request.shard.number}/${request.shard.count} not written`);
  return { files: sources.files, jsonlSources: sources.jsonlSources, records: sources.records, bytes };
}

