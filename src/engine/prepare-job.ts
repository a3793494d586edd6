/**
 * One file: read it, hash its text when asked, and prepare it, unless its text is the version
 * already stored. Shared by the main thread and the pool's workers, so both do exactly the same.
 */
import path from 'node:path';
import type { PreparedDocument } from '../core/model.js';
import type { Signer } from '../core/signing/signer.js';
import type { Warning } from '../core/types.js';
import { readArticleSync } from '../input/read.js';
import { contentHash } from '../store/codec.js';

export interface PrepareJob {
  /** The file to read, as the walk found it (relative to the command's folder, or absolute). */
  path: string;
  /** The document's id in the report and the index (the path as given, or as the index stores it). */
  id: string;
  /** Content hash of the version already stored: a file with the same text is not prepared. */
  storedHash?: string;
}

export type PrepareOutcome =
  /** `warning`: read, with something to say (stray NUL bytes read as spaces). */
  | { status: 'prepared'; job: PrepareJob; prepared: PreparedDocument; bytes: number; contentHash?: string; warning?: Warning }
  | { status: 'unchanged'; job: PrepareJob; bytes: number; contentHash: string }
  | { status: 'unreadable'; job: PrepareJob; warning: Warning };

/** Reads and prepares one job; `cwd` is the folder relative paths are read from. */
export function prepareJob(job: PrepareJob, signer: Signer, withHash: boolean, cwd: string): PrepareOutcome {
  const read = readArticleSync(path.resolve(cwd, job.path), job.path);
  if (!read.ok) return { status: 'unreadable', job, warning: read.warning };
  const hash = withHash || job.storedHash !== undefined ? contentHash(read.text) : undefined;
  if (hash !== undefined && hash === job.storedHash) return { status: 'unchanged', job, bytes: read.bytes, contentHash: hash };
  const outcome: PrepareOutcome = { status: 'prepared', job, prepared: signer.prepare({ id: job.id, text: read.text }), bytes: read.bytes };
  if (hash !== undefined) outcome.contentHash = hash;
  if (read.warning) outcome.warning = read.warning;
  return outcome;
}
