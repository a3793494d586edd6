/**
 * Helper threads for the rewrite stage (core/rewrite/stage.ts, RewriteHelpers): the channel's
 * signing, banding and grading, and shares of the passage alignment, run here while the main thread goes on with the
 * scan's other stages or its own share.
 *
 * After preparing, a scan's remaining stages run on the main thread alone, so on two cores one
 * core sat idle through the rewrite stage, the largest of them (PAN: 1.8 s of a 5.6 s scan).
 * The channel's pairs need only the variants, so they are found beside finding and verifying the
 * shingle channel's pairs; alignment is split by candidate pairs. Both are pure functions of the
 * plain data sent (core/rewrite/channel.ts channelPairs, align-job.ts runAlignJob), and the stage
 * merges results in candidate order, so the report is the same with or without helpers.
 *
 * The threads are started once the articles are prepared, for a large scan only
 * (HELPERS_MIN_PARAGRAPHS); they load while the main thread collects the variants.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import type { AlignJob, AlignOutcome } from '../core/rewrite/align-job.js';
import { channelInput, type ChannelInput, type ChannelPairs, type ChannelSource } from '../core/rewrite/channel.js';
import type { RewriteHelpers } from '../core/rewrite/stage.js';

/** What a helper is sent and sends back. */
export type RewriteRequest = { id: number; sign: ChannelInput } | { id: number; align: AlignJob };
export type RewriteReply = { id: number; channel: ChannelPairs } | { id: number; aligned: AlignOutcome } | { id: number; error: string; stack?: string };

function workerScript(): URL {
  const here = new URL('./rewrite-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/engine/rewrite-worker.js', import.meta.url);
}

interface Pending {
  resolve: (reply: RewriteReply) => void;
  reject: (error: Error) => void;
}

/** Helper threads; `close` ends them (call it once the scan's stages are done). */
export class RewritePool implements RewriteHelpers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  /** Set when a helper failed or stopped: every request waiting or to come is refused with it. */
  private failure: Error | null = null;
  private nextId = 0;
  private turn = 0;

  constructor(readonly threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(workerScript());
      worker.on('message', (reply: RewriteReply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (!waiting) return;
        if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error), { stack: reply.stack }));
        else waiting.resolve(reply);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('messageerror', (error) => this.failAll(error));
      // A helper that stops while work is asked of it would leave the scan waiting for ever.
      worker.on('exit', (code) => this.failAll(new Error(`rewrite helper stopped (exit code ${code})`)));
      return worker;
    });
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(request: RewriteRequest, transfer: Transferable[]): Promise<RewriteReply> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request, transfer);
    });
  }

  async channelPairs(source: ChannelSource): Promise<ChannelPairs> {
    // Copied flat for this call: its arrays move to the helper instead of being copied again.
    const input = channelInput(source);
    const reply = await this.send({ id: this.nextId++, sign: input }, [input.variants.buffer, input.soleDocument.buffer, input.tokenAt.buffer, input.tokens.buffer] as Transferable[]);
    if (!('channel' in reply)) throw new Error('rewrite helper: expected the channel pairs');
    return reply.channel;
  }

  async align(job: AlignJob): Promise<AlignOutcome> {
    // The word frequencies are shared with the main thread's own share: copied, not moved.
    const moved = [job.paragraphs.buffer, job.tokenAt.buffer, job.tokens.buffer, job.words.buffer, job.bases.buffer, job.entryAt.buffer, job.entries.buffer, job.figuresFree.buffer] as Transferable[];
    const reply = await this.send({ id: this.nextId++, align: job }, moved);
    if (!('aligned' in reply)) throw new Error('rewrite helper: expected an alignment');
    return reply.aligned;
  }

  async close(): Promise<void> {
    this.failAll(new Error('rewrite helpers closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Below this many paragraphs a scan gets no helpers. Measured on two cores (npm run bench):
 * with helpers PAN (202,000 paragraphs) ran 2% faster in wall time for 12% more CPU time and
 * 170 MB more memory (a helper's heap and the data it is sent), the 100 MB bench corpus
 * (637,000 paragraphs) 15% faster for the same CPU time. Two threads that each sort and hash
 * large arrays slow each other down on these machines, so the gain comes only where the stage
 * is long.
 */
export const HELPERS_MIN_PARAGRAPHS = 400_000;

/**
 * At most this many helpers: one finds the channel's pairs, and the alignment is shared among
 * them and the main thread; each costs its own heap and a copy of its share's paragraphs
 * (about 700 MB at 1 GB), so more cores are not all worth a helper.
 */
export const MAX_HELPERS = 3;

/** Helpers for a scan of `paragraphs` on `threads` threads (the main thread one of them): none on one thread or a smaller scan. */
export function startRewritePool(threads: number, paragraphs: number): RewritePool | null {
  return threads >= 2 && paragraphs >= HELPERS_MIN_PARAGRAPHS ? new RewritePool(Math.min(MAX_HELPERS, threads - 1)) : null;
}

/** Runs `work` with helpers for a scan of `paragraphs` on `threads` threads (none for a small scan), and ends them after. */
export async function withRewriteHelpers<T>(threads: number, paragraphs: number, work: (helpers: RewriteHelpers | undefined) => Promise<T>): Promise<T> {
  const pool = startRewritePool(threads, paragraphs);
  try {
    return await work(pool ?? undefined);
  } finally {
    await pool?.close();
  }
}
