/**
 * What a command reads, as prepare jobs: the text files the walk finds (read later, on the
 * pool's threads) and the articles of JSONL sources (files ending .jsonl or .ndjson, and the
 * path `-` for standard input), read here line by line with their metadata.
 *
 * Ids name documents in the report and the index, so they must be unique: a JSONL id used
 * twice, or equal to a file's id, is an InputError (exit 2) naming both places.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Warning } from '../core/types.js';
import { InputError } from '../input/errors.js';
import { isJsonl, readJsonl, STDIN_NAME } from '../input/jsonl.js';
import { readFailureWarning } from '../input/read.js';
import type { Chunks } from '../input/records.js';
import { findArticles, type WalkRequest } from './files.js';
import type { PrepareJob } from './prepare-job.js';
import type { ProgressEvent } from './scan.js';

/** The path that stands for standard input (JSONL articles). */
export const STDIN_PATH = '-';

export interface SourceRequest extends WalkRequest {
  /** Standard input, read when the paths include `-`. */
  stdin?: Chunks;
  /**
   * Which of the files found to read (`dedupe sign --shard`: the shard's share), by the path
   * as walked (`-` for standard input); the rest are listed but not read. Default: all.
   */
  keep?: (file: string) => boolean;
  /**
   * Which articles of standard input to read (`dedupe sign --shard`: every machine is given the
   * same feed and keeps its share, by id). Default: all.
   */
  keepArticle?: (id: string) => boolean;
}

export interface Sources {
  jobs: PrepareJob[];
  /** Text files found, and JSONL sources read (files and standard input). */
  files: number;
  jsonlSources: number;
  /** Articles read from JSONL lines. */
  records: number;
  /**
   * SHA-256 of everything the walk found (every file, in walk order, before `keep`), with "-"
   * for standard input: the same on every machine that runs the same `dedupe sign` over the
   * same files, so that shards signed from different listings can be told apart.
   */
  listing: string;
}

/** Where each id was first seen, to name both places when one comes again. */
class Ids {
  private readonly seen = new Map<string, string>();

  claim(id: string, where: string): void {
    const previous = this.seen.get(id);
    if (previous !== undefined) throw new InputError(`${where}: id ${JSON.stringify(id)} is already used by ${previous}; ids must be unique`);
    this.seen.set(id, where);
  }
}

/**
 * The jobs for everything the request names. `idOf` gives a text file's document id (the path
 * as given for the scan, the stored path for the index); JSONL articles keep their own ids.
 * `onWarning` gets, for a warning about a JSONL source, the source's number (PrepareJob.source).
 */
export async function collectSources(
  request: SourceRequest,
  idOf: (file: string) => string,
  onWarning: (warning: Warning, source?: number) => void,
  onProgress?: (event: ProgressEvent) => void,
): Promise<Sources> {
  onProgress?.({ stage: 'walk' });
  const paths = request.paths.filter((p) => p !== STDIN_PATH);
  const readStdin = paths.length < request.paths.length;
  const walked = paths.length > 0 || (request.listed?.length ?? 0) > 0 || !readStdin ? await findArticles({ ...request, paths }, (w) => onWarning(w)) : [];
  const keep = request.keep ?? (() => true);
  const listing = createHash('sha256');
  for (const file of walked) listing.update(`${file}\n`);
  if (readStdin) listing.update(`${STDIN_PATH}\n`);
  const sources: Sources = { jobs: [], files: 0, jsonlSources: 0, records: 0, listing: listing.digest('hex') };
  const ids = new Ids();
  const jsonlFiles: string[] = [];
  let textFiles = 0;
  for (const file of walked) {
    if (isJsonl(file)) {
      jsonlFiles.push(file);
      continue;
    }
    const id = idOf(file);
    // Claimed even when another shard reads it: a JSONL id equal to it is an error in every shard.
    ids.claim(id, file);
    const source = textFiles++;
    if (!keep(file)) continue;
    sources.jobs.push({ path: file, id, source });
    sources.files++;
  }
  for (const [k, file] of jsonlFiles.entries()) {
    if (!keep(file)) continue;
    const source = textFiles + k;
    const chunks = await openJsonl(file, request.cwd, (w) => onWarning(w, source));
    if (chunks) await addJsonl(chunks, { name: file, source }, sources, ids, onWarning, onProgress);
  }
  if (readStdin && keep(STDIN_PATH)) {
    const stdin = request.stdin ?? (async function* nothing() {})();
    const from = { name: STDIN_NAME, source: textFiles + jsonlFiles.length, ...(request.keepArticle ? { keep: request.keepArticle } : {}) };
    // What standard input held goes into the listing: shards signed from different feeds on
    // standard input (one truncated) were joined as one run (found by a new user).
    const read = createHash('sha256');
    const hashed = (async function* hashing() {
      for await (const chunk of stdin) {
        read.update(chunk);
        yield chunk;
      }
    })();
    await addJsonl(hashed, from, sources, ids, onWarning, onProgress);
    sources.listing = createHash('sha256').update(sources.listing).update(read.digest('hex')).digest('hex');
  }
  return sources;
}

async function addJsonl(
  chunks: Chunks,
  from: { name: string; source: number; keep?: (id: string) => boolean },
  sources: Sources,
  ids: Ids,
  onWarning: (warning: Warning, source?: number) => void,
  onProgress?: (event: ProgressEvent) => void,
): Promise<void> {
  sources.jsonlSources++;
  let articles = 0;
  for await (const item of readJsonl(chunks, from.name)) {
    if ('code' in item) {
      onWarning(item, from.source);
      continue;
    }
    const where = `${from.name}:${item.line}`;
    ids.claim(item.id, where);
    const place = articles++;
    if (from.keep && !from.keep(item.id)) continue;
    const job: PrepareJob = { path: where, id: item.id, text: item.text, source: from.source, item: place };
    if (item.metadata) job.metadata = item.metadata;
    sources.jobs.push(job);
    sources.records++;
    onProgress?.({ stage: 'read', done: sources.records });
  }
}

/** A JSONL file's bytes, or null (with a warning) when it cannot be read; never blocks on a pipe. */
async function openJsonl(file: string, cwd: string, onWarning: (warning: Warning) => void): Promise<Chunks | null> {
  try {
    const handle = await open(path.resolve(cwd, file), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      onWarning({ code: 'unreadable', path: file, message: `${file}: not a regular file (a pipe, socket or device); skipped` });
      return null;
    }
    return handle.createReadStream();
  } catch (error) {
    onWarning(readFailureWarning(file, error));
    return null;
  }
}
