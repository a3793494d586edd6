/**
 * Reads and prepares articles (segment, normalise, shingle, sign) on all cores.
 *
 * Preparing is per document and half of a scan's work; the machines this runs on have two
 * cores. Each worker thread reads the files it is given with the CLI's reader and prepares
 * them with its own Signer (same options, same seed: the same hashes as on the main thread),
 * then sends the prepared document back with its typed arrays transferred, not copied.
 * Results are handed out in the order the files were given, so a report does not depend on
 * which worker finished first. Small jobs are prepared in place: starting a worker costs
 * more than it saves below PARALLEL_MIN_FILES files.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSigner, type PreparedDocument, type ScanOptions } from '../core/index.js';
import type { PrepareTimings } from '../core/scan.js';
import type { Warning } from '../core/types.js';
import { readArticleSync } from '../input/read.js';
import { unpackDocument, type PackedDocument } from './packed-document.js';

export const PARALLEL_MIN_FILES = 200;
/** Files in flight per worker: enough to keep it busy while results travel back. */
const IN_FLIGHT = 16;

export type PrepareOutcome = { ok: true; prepared: PreparedDocument; bytes: number } | { ok: false; warning: Warning };

export interface WorkerJob {
  index: number;
  path: string;
}

export type WorkerReply =
  | { index: number; outcome: PrepareOutcome }
  | { index: number; packed: PackedDocument; bytes: number }
  | { timings: PrepareTimings }
  | { error: string; stack?: string };

export interface PrepareRun {
  outcomes: AsyncGenerator<PrepareOutcome>;
  /** Stage times summed over threads (CPU time, not wall time); complete once outcomes are drained. */
  timings: PrepareTimings;
}

/**
 * Threads to prepare with: DEDUPE_THREADS when set (1 keeps everything on the main thread),
 * else one per core, at most 8.
 */
export function threadCount(env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number(env.DEDUPE_THREADS);
  if (env.DEDUPE_THREADS !== undefined && Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  return Math.min(os.availableParallelism(), 8);
}

/** Reads and prepares `files` in order, in worker threads when it pays. */
export async function prepareFiles(
  files: readonly string[],
  options: Partial<ScanOptions>,
  clock: () => number,
  threads: number,
): Promise<PrepareRun> {
  if (threads < 2 || files.length < PARALLEL_MIN_FILES) return prepareInPlace(files, options, clock);
  return prepareInWorkers(files, options, clock, threads);
}

async function prepareInPlace(files: readonly string[], options: Partial<ScanOptions>, clock: () => number): Promise<PrepareRun> {
  const signer = await createSigner(options, clock);
  async function* outcomes(): AsyncGenerator<PrepareOutcome> {
    for (const file of files) yield prepareOne(file, signer);
  }
  return { outcomes: outcomes(), timings: signer.timings };
}

/** One file: read, then prepare. Shared by the main thread and the workers. */
export function prepareOne(file: string, signer: { prepare(doc: { id: string; text: string }): PreparedDocument }): PrepareOutcome {
  const read = readArticleSync(file);
  if (!read.ok) return { ok: false, warning: read.warning };
  return { ok: true, prepared: signer.prepare({ id: file, text: read.text }), bytes: read.bytes };
}

async function prepareInWorkers(files: readonly string[], options: Partial<ScanOptions>, clock: () => number, threads: number): Promise<PrepareRun> {
  // The main thread is one of the threads: file i goes to thread i % threads, thread 0 being
  // the main thread itself, so that on two cores one worker and the main thread share the files.
  const signer = await createSigner(options, clock);
  const timings = signer.timings;
  const results = new Map<number, PrepareOutcome>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const exited: Array<Promise<unknown>> = [];
  const workers = Array.from({ length: threads - 1 }, (_, k) => {
    const thread = k + 1;
    const worker = new Worker(new URL('./prepare-worker.js', import.meta.url), { workerData: { options } });
    // Listen now: a worker done early may have exited before the last file is yielded.
    exited.push(new Promise((resolve) => worker.once('exit', resolve)));
    let next = thread; // next file of this thread
    let inFlight = 0;
    const feed = (): void => {
      while (inFlight < IN_FLIGHT && next < files.length) {
        const job: WorkerJob = { index: next, path: files[next]! };
        next += threads;
        inFlight++;
        worker.postMessage(job);
      }
      if (inFlight === 0 && next >= files.length) worker.postMessage('done');
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('outcome' in reply || 'packed' in reply) {
        results.set(reply.index, 'packed' in reply ? { ok: true, prepared: unpackDocument(reply.packed), bytes: reply.bytes } : reply.outcome);
        inFlight--;
        feed();
      } else if ('timings' in reply) {
        for (const stage of Object.keys(timings) as Array<keyof PrepareTimings>) timings[stage] += reply.timings[stage];
      } else {
        failure = Object.assign(new Error(reply.error), { stack: reply.stack });
      }
      notify();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    feed();
    return worker;
  });

  async function* outcomes(): AsyncGenerator<PrepareOutcome> {
    try {
      for (let index = 0; index < files.length; index++) {
        if (index % threads === 0) {
          // Let workers' replies in before working, so they are fed while we prepare.
          await new Promise<void>((resolve) => setImmediate(resolve));
          yield prepareOne(files[index]!, signer);
          continue;
        }
        while (!results.has(index)) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const outcome = results.get(index)!;
        results.delete(index);
        yield outcome;
      }
      // Their stage times arrive just before they exit.
      await Promise.all(exited);
    } finally {
      for (const worker of workers) void worker.terminate();
    }
  }
  return { outcomes: outcomes(), timings };
}
