/**
 * A helper thread of the rewrite stage (rewrite-pool.ts): finds the channel's pairs or aligns
 * a share of the candidate pairs, and sends the result back with its arrays moved, not copied.
 */
import { parentPort, type Transferable } from 'node:worker_threads';
import { runAlignJob } from '../core/rewrite/align-job.js';
import { channelPairs, readChannelInput } from '../core/rewrite/channel.js';
import type { RewriteReply, RewriteRequest } from './rewrite-pool.js';

const port = parentPort;
if (!port) throw new Error('rewrite-worker.js runs only as a worker thread');

port.on('message', (request: RewriteRequest) => {
  try {
    if ('sign' in request) {
      const channel = channelPairs(readChannelInput(request.sign));
      port.postMessage({ id: request.id, channel } satisfies RewriteReply, [channel.variants.buffer, channel.pairs.buffer, channel.strong.buffer] as Transferable[]);
    } else {
      const aligned = runAlignJob(request.align);
      port.postMessage({ id: request.id, aligned } satisfies RewriteReply, [aligned.alignedAt.buffer, aligned.a.buffer, aligned.b.buffer, aligned.coverA.buffer, aligned.coverB.buffer] as Transferable[]);
    }
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies RewriteReply);
  }
});
