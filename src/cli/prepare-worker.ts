/**
 * Worker thread of the prepare pool (prepare-pool.ts): reads and prepares the files it is
 * sent, replies with each prepared document packed (packed-document.ts), and with its stage
 * times when told it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSigner, type ScanOptions } from '../core/index.js';
import { packDocument } from './packed-document.js';
import { prepareOne, type WorkerJob, type WorkerReply } from './prepare-pool.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.js runs only as a worker thread');

const signer = await createSigner((workerData as { options: Partial<ScanOptions> }).options, () => performance.now());

port.on('message', (message: WorkerJob | 'done') => {
  try {
    if (message === 'done') {
      const reply: WorkerReply = { timings: signer.timings };
      port.postMessage(reply);
      port.close();
      return;
    }
    const outcome = prepareOne(message.path, signer);
    if (!outcome.ok) {
      const reply: WorkerReply = { index: message.index, outcome };
      port.postMessage(reply);
      return;
    }
    const packed = packDocument(outcome.prepared);
    const reply: WorkerReply = { index: message.index, packed, bytes: outcome.bytes };
    port.postMessage(reply, [packed.numbers.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: WorkerReply = { error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    port.postMessage(reply);
  }
});
