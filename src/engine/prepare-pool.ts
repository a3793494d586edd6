/**
 * Reads and prepares articles (segment, normalise, shingle, sign) on all cores, for every
 * command that reads articles: the scan, `check` and `index add`.
 *
 * Preparing is per document and half of a scan's work; the machines this runs on have two
 * cores. Each worker thread reads the files it is given and prepares them with its own Signer
 * (same resolved options, same seed: the same hashes as on the main thread), then sends each
 * prepared document back packed (core/codec.ts) with its numbers transferred, not copied.
 * Jobs go, in order, to whichever thread is free for one (JobQueue): a worker as its replies
 * come back, the main thread whenever the next outcome in order is not back yet. Outcomes are
 * handed out in the order the jobs were given, so a report does not depend on which thread
 * prepared what. Small jobs are prepared in place: starting a worker costs more
 * than it saves below PARALLEL_MIN_FILES files.
 *
 * A job may carry the content hash of the version already stored (`index add`): a file whose
 * text hashes the same is reported unchanged and not signed at all.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unpackDocument, type PackedDocument } from '../core/codec.js';
import { createSigner, type Signer } from '../core/signing/signer.js';
import type { Clock, PreparedDocument, PrepareTimings } from '../core/model.js';
import type { ResolvedOptions, Warning } from '../core/types.js';
import { prepareJob, type PrepareJob, type PrepareOutcome } from './prepare-job.js';

export type { PrepareJob, PrepareOutcome };

export const PARALLEL_MIN_FILES = 200;
/** Files in flight per worker: enough to keep it busy while results travel back. */
const IN_FLIGHT = 16;
/**
 * The main thread prepares jobs of its own while the next outcome in order is a worker's and not
 * back, until this many outcomes wait to be handed out.
 */
const HELD_MAX = 64;
/**
 * Workers are given no more jobs while this many outcomes wait to be handed out, and are fed
 * again as they go: behind one very long file on one worker, the other workers' outcomes piled
 * up without bound until it was back (review; with three threads or more). Above HELD_MAX, so
 * that on two threads a worker is held back only when the main thread is too.
 */
export const WORKER_HELD_MAX = 256;
/** Threads when none are asked for: one per core, at most this many. */
const MAX_DEFAULT_THREADS = 8;

export interface PoolOptions {
  options: ResolvedOptions;
  /** Threads to prepare on, the main thread included (1: no workers). */
  threads: number;
  /** Whether outcomes carry the SHA-256 of each text (check and index add store it). */
  contentHash: boolean;
  /** The folder relative job paths are read from. */
  cwd: string;
  /** Whether files' modification times go to the core as evidence (default true; DEDUPE_FILE_TIMES=0 turns it off). */
  fileTimes?: boolean;
  clock?: Clock;
}

/** What a worker is sent and sends back. */
export type WorkerRequest = { index: number; job: PrepareJob } | 'done';
export type WorkerReply =
  | { index: number; outcome: Exclude<PrepareOutcome, { status: 'prepared' }> }
  | { index: number; packed: PackedDocument; bytes: number; contentHash?: string; warning?: Warning }
  | { timings: PrepareTimings }
  | { error: string; stack?: string };

export interface PrepareRun {
  outcomes: AsyncGenerator<PrepareOutcome>;
  /** Stage times summed over threads (CPU time, not wall time); complete once outcomes are drained. */
  timings: PrepareTimings;
  /** The most outcomes that waited at once to be handed out in order (what preparing ahead held in memory); 0 in place. */
  readonly heldPeak: () => number;
}

/** Threads to use by default: one per core, at most MAX_DEFAULT_THREADS. */
export function defaultThreads(): number {
  return Math.min(os.availableParallelism(), MAX_DEFAULT_THREADS);
}

/** Reads and prepares `jobs` in order, in worker threads when it pays. */
export async function prepareFiles(jobs: readonly PrepareJob[], pool: PoolOptions): Promise<PrepareRun> {
  const signer = await createSigner(pool.options, pool.clock);
  if (pool.threads < 2 || jobs.length < PARALLEL_MIN_FILES) {
    return { outcomes: inPlace(jobs, signer, pool), timings: signer.timings, heldPeak: () => 0 };
  }
  return prepareInWorkers(jobs, pool, signer);
}

async function* inPlace(jobs: readonly PrepareJob[], signer: Signer, pool: PoolOptions): AsyncGenerator<PrepareOutcome> {
  for (const job of jobs) yield prepareJob(job, signer, pool.contentHash, pool.cwd, pool.fileTimes ?? true);
}

/**
 * The worker's script. Run from the TypeScript sources (the tests), the built copy is used:
 * a worker thread cannot load a .ts file.
 */
function workerScript(): URL {
  const here = new URL('./prepare-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/engine/prepare-worker.js', import.meta.url);
}

/**
 * The jobs not yet given to a thread, handed out in order. Each thread used to take every
 * n-th job: the main thread waited for the worker's next file, in order, while the worker
 * started up (240 ms on PAN) and behind each long file it was given, 370-470 ms of a PAN scan
 * in all; now it prepares the next job itself meanwhile.
 */
class JobQueue {
  private next = 0;

  constructor(private readonly count: number) {}

  /** The next job's index, or -1 when every job was given out. */
  take(): number {
    return this.next < this.count ? this.next++ : -1;
  }
}

/** Outcomes as they are made (the workers' and the main thread's ahead of their turn), and a way to wait for the next one. */
class Mailbox {
  readonly results = new Map<number, PrepareOutcome>();
  failure: Error | null = null;
  /** The most results held at once. */
  peak = 0;
  /** Per worker: gives it jobs, if it has room and few enough results are held (called as results are handed out). */
  readonly feeders: Array<() => void> = [];
  private wake: (() => void) | null = null;

  hold(index: number, outcome: PrepareOutcome): void {
    this.results.set(index, outcome);
    if (this.results.size > this.peak) this.peak = this.results.size;
  }

  notify(): void {
    const resume = this.wake;
    this.wake = null;
    resume?.();
  }

  /** Waits until a reply arrives (or a worker fails). */
  async wait(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }
}

function startWorker(queue: JobQueue, jobs: readonly PrepareJob[], pool: PoolOptions, timings: PrepareTimings, mailbox: Mailbox): { worker: Worker; exited: Promise<unknown> } {
  const worker = new Worker(workerScript(), { workerData: { options: pool.options, contentHash: pool.contentHash, cwd: pool.cwd, fileTimes: pool.fileTimes ?? true } });
  // Listen now: a worker done early may have exited before the last file is yielded.
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  let inFlight = 0;
  let drained = false;
  const feed = (): void => {
    while (!drained && inFlight < IN_FLIGHT && mailbox.results.size < WORKER_HELD_MAX) {
      const index = queue.take();
      if (index < 0) drained = true;
      else {
        inFlight++;
        worker.postMessage({ index, job: jobs[index]! } satisfies WorkerRequest);
      }
    }
    if (inFlight === 0 && drained) worker.postMessage('done' satisfies WorkerRequest);
  };
  worker.on('message', (reply: WorkerReply) => {
    if ('outcome' in reply || 'packed' in reply) {
      mailbox.hold(reply.index, 'packed' in reply ? preparedFrom(reply, jobs[reply.index]!) : reply.outcome);
      inFlight--;
      feed();
    } else if ('timings' in reply) {
      for (const stage of Object.keys(timings) as Array<keyof PrepareTimings>) timings[stage] += reply.timings[stage];
    } else {
      mailbox.failure = Object.assign(new Error(reply.error), { stack: reply.stack });
    }
    mailbox.notify();
  });
  worker.on('error', (error) => {
    mailbox.failure = error;
    mailbox.notify();
  });
  mailbox.feeders.push(feed);
  feed();
  return { worker, exited };
}

function preparedFrom(reply: Extract<WorkerReply, { packed: PackedDocument }>, job: PrepareJob): PrepareOutcome {
  const prepared: PreparedDocument = unpackDocument(reply.packed);
  const outcome: PrepareOutcome = { status: 'prepared', job, prepared, bytes: reply.bytes };
  if (reply.contentHash !== undefined) outcome.contentHash = reply.contentHash;
  if (reply.warning !== undefined) outcome.warning = reply.warning;
  return outcome;
}

async function prepareInWorkers(jobs: readonly PrepareJob[], pool: PoolOptions, signer: Signer): Promise<PrepareRun> {
  // The main thread is one of the threads (thread 0), so that on two cores one worker and the
  // main thread share the files.
  const timings = signer.timings;
  const mailbox = new Mailbox();
  const queue = new JobQueue(jobs.length);
  const workers = Array.from({ length: pool.threads - 1 }, () => startWorker(queue, jobs, pool, timings, mailbox));
  const { results } = mailbox;
  async function* outcomes(): AsyncGenerator<PrepareOutcome> {
    try {
      for (let index = 0; index < jobs.length; index++) {
        while (!results.has(index)) {
          // The next outcome is a worker's and not back: prepare the next job here meanwhile
          // (it is this one when no thread has it yet), else wait for a reply.
          const own = results.size < HELD_MAX ? queue.take() : -1;
          if (own < 0) {
            await mailbox.wait();
            continue;
          }
          // Let workers' replies in before working, so they are fed while we prepare.
          await new Promise<void>((resolve) => setImmediate(resolve));
          mailbox.hold(own, prepareJob(jobs[own]!, signer, pool.contentHash, pool.cwd, pool.fileTimes ?? true));
        }
        const outcome = results.get(index)!;
        results.delete(index);
        // A worker held back (WORKER_HELD_MAX) takes jobs again.
        if (results.size === WORKER_HELD_MAX - 1) for (const feed of mailbox.feeders) feed();
        yield outcome;
      }
      // Their stage times arrive just before they exit.
      await Promise.all(workers.map((w) => w.exited));
    } finally {
      for (const { worker } of workers) void worker.terminate();
    }
  }
  return { outcomes: outcomes(), timings, heldPeak: () => mailbox.peak };
}
