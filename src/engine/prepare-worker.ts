/**
 * Worker thread of the prepare pool (prepare-pool.ts): prepares the jobs it is sent, replies
 * with each prepared document packed (core/codec.ts), and with its stage times when told it
 * is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packDocument } from '../core/codec.js';
import { createSigner } from '../core/signing/signer.js';
import type { ResolvedOptions } from '../core/types.js';
import { prepareJob } from './prepare-job.js';
import type { WorkerReply, WorkerRequest } from './prepare-pool.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.js runs only as a worker thread');

const data = workerData as { options: ResolvedOptions; contentHash: boolean; cwd: string; fileTimes: boolean };
const signer = await createSigner(data.options, () => performance.now());

port.on('message', (message: WorkerRequest) => {
  try {
    if (message === 'done') {
      port.postMessage({ timings: signer.timings } satisfies WorkerReply);
      port.close();
      return;
    }
    const outcome = prepareJob(message.job, signer, data.contentHash, data.cwd, data.fileTimes);
    if (outcome.status !== 'prepared') {
      port.postMessage({ index: message.index, outcome } satisfies WorkerReply);
      return;
    }
    const packed = packDocument(outcome.prepared);
    const reply: WorkerReply = { index: message.index, packed, bytes: outcome.bytes };
    if (outcome.contentHash !== undefined) reply.contentHash = outcome.contentHash;
    if (outcome.warning !== undefined) reply.warning = outcome.warning;
    port.postMessage(reply, [packed.numbers.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: WorkerReply = { error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    port.postMessage(reply);
  }
});
