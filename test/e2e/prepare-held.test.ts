/**
 * Preparing ahead of turn is bounded (prepare-pool.ts, WORKER_HELD_MAX): behind one very long
 * article on one worker, the other threads' outcomes waited without bound to be handed out in
 * order (review: with three threads or more, every other file of the run was held in memory).
 */
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/core/options.js';
import { prepareFiles, WORKER_HELD_MAX, type PrepareJob } from '../../src/engine/prepare-pool.js';

describe('preparing on several threads', () => {
  it('holds a bounded number of outcomes behind a long article, and hands all out in order', async () => {
    // Job 0 goes to the first worker (each is given its first jobs as it starts) and keeps it busy.
    const long = Array.from({ length: 150_000 }, (_, i) => `Line ${i} says word${i % 5000} and then some more words.`).join('\n');
    const small = (i: number): string => `Article ${i} reports that council member ${i} voted on the budget today.`;
    const count = 1200;
    const jobs: PrepareJob[] = Array.from({ length: count }, (_, i) => ({ path: `a${i}.txt`, id: `a${i}.txt`, text: i === 0 ? long : small(i) }));
    const run = await prepareFiles(jobs, { options: resolveOptions(), threads: 3, contentHash: false, cwd: process.cwd() });
    const ids: string[] = [];
    for await (const outcome of run.outcomes) ids.push(outcome.job.id);
    expect(ids).toEqual(jobs.map((job) => job.id));
    // The limit was reached (so workers were held back and fed again: review), and never passed
    // by more than the replies already on their way (16 a worker).
    expect(run.heldPeak()).toBeGreaterThanOrEqual(WORKER_HELD_MAX);
    expect(run.heldPeak()).toBeLessThanOrEqual(WORKER_HELD_MAX + 2 * 16);
  }, 60_000);
});
