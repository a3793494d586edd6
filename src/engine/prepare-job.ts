/**
 * One file (or one article given as text): read it, hash its text when asked, and prepare it,
 * unless its text is the version already stored. Shared by the main thread and the pool's
 * workers, so both do exactly the same.
 */
import path from 'node:path';
import type { PreparedDocument } from '../core/model.js';
import type { Signer } from '../core/signing/signer.js';
import type { InputDocument, Metadata, Warning } from '../core/types.js';
import { readArticleSync, type ReadOutcome } from '../input/read.js';
import { contentHash } from '../store/codec.js';

export interface PrepareJob {
  /** The file to read, as the walk found it (relative to the command's folder, or absolute); for an article given as text, where it came from. */
  path: string;
  /** The document's id in the report and the index (the path as given, or as the index stores it). */
  id: string;
  /** The article's text when it is not read from `path` (a JSONL line). */
  text?: string;
  metadata?: Metadata;
  /** Content hash of the version already stored: a file with the same text is not prepared. */
  storedHash?: string;
  /**
   * Where the job stands among everything the walk found (sources.ts): the number of its
   * source (text files first, in walk order, then JSONL sources), and for a JSONL article its
   * place in that source. The same in every shard of `dedupe sign`, which orders warnings by it.
   */
  source?: number;
  item?: number;
}

/**
 * What identifies a version of an article: its text, and its metadata when it has some, so
 * that `index add` stores a JSONL article again when only a field such as its URL changed.
 */
export function versionHash(text: string, metadata: Metadata | undefined): string {
  return contentHash(metadata === undefined ? text : `${text}\u0000${JSON.stringify(metadata)}`);
}

export type PrepareOutcome =
  /** `warning`: read, with something to say (stray NUL bytes read as spaces). */
  | { status: 'prepared'; job: PrepareJob; prepared: PreparedDocument; bytes: number; contentHash?: string; warning?: Warning }
  | { status: 'unchanged'; job: PrepareJob; bytes: number; contentHash: string }
  | { status: 'unreadable'; job: PrepareJob; warning: Warning };

/**
 * Reads and prepares one job; `cwd` is the folder relative paths are read from. With
 * `fileTimes`, a file's modification time goes to the core with its text (provenance's weakest
 * evidence: the oldest file); an article given as text (JSONL) has none.
 */
export function prepareJob(job: PrepareJob, signer: Signer, withHash: boolean, cwd: string, fileTimes = true): PrepareOutcome {
  const read: ReadOutcome = job.text !== undefined ? { ok: true, text: job.text, bytes: Buffer.byteLength(job.text) } : readArticleSync(path.resolve(cwd, job.path), job.path);
  if (!read.ok) return { status: 'unreadable', job, warning: read.warning };
  const hash = withHash || job.storedHash !== undefined ? versionHash(read.text, job.metadata) : undefined;
  if (hash !== undefined && hash === job.storedHash) return { status: 'unchanged', job, bytes: read.bytes, contentHash: hash };
  const input: InputDocument = { id: job.id, text: read.text };
  if (job.metadata !== undefined) input.metadata = job.metadata;
  if (fileTimes && read.modifiedAt !== undefined) input.modifiedAt = read.modifiedAt;
  const outcome: PrepareOutcome = { status: 'prepared', job, prepared: signer.prepare(input), bytes: read.bytes };
  if (hash !== undefined) outcome.contentHash = hash;
  if (read.warning) outcome.warning = read.warning;
  return outcome;
}
