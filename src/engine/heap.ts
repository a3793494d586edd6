/**
 * The V8 heap while a scan's report is written: main.ts calls `settleHeapForReport` once the
 * analysis is made and a full report (JSON, NDJSON, the human report) is about to be written
 * (CliIO.reportStarts; `-q` and `--fail-on` alone write none).
 *
 * Why: V8 sets the heap size of its next full collection by a factor of the live heap that it
 * picks between 1.1 and 4 from how fast collection has been, and after a scan it picks a large
 * one. Writing PAN's `--json` report keeps about 60 MB live on the heap (the corpus is in typed
 * arrays outside it) while making short-lived objects by the gigabyte (each document's report
 * and its JSON text, the group comparisons); what outlived a young collection piled up to 200
 * MB of heap before a full collection came, and the run peaked 100 MB above `-q` (449 against
 * 335 MiB). Hence, when the report starts: one full collection (what the scan let go), then a
 * fixed growth of HEAP_GROWING_PERCENT, so the report's garbage is collected every few tens of
 * megabytes. Not from the process's start: during a 100 MB scan the live heap grows to 220 MB
 * and frequent full collections made `-q` 10% slower and its peak 20 MiB higher (README,
 * Speed and memory).
 *
 * `node --heap-growing-percent=N bin/dedupe.js ...` chooses for itself and is left alone (0 is
 * V8's own choice).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The old generation may grow by this percentage of what a full collection left. On PAN `--json`:
 * 15 peaked at 339 MiB (median of 5) for 1.02 times V8's own choice's CPU time; 10 at 333 MiB
 * for 0.97 times 15's, within the noise (README).
 */
export const HEAP_GROWING_PERCENT = 10;

/** Whether node was started with the flag (either spelling). */
export function heapGrowthGiven(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
}

/** One full collection, then a fixed growth (above); nothing when node was given the flag. */
export function settleHeapForReport(execArgv: readonly string[] = process.execArgv): void {
  if (heapGrowthGiven(execArgv)) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // Node has no call for a collection; with --expose-gc set, a new context is given `gc`.
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as () => void;
  collect();
}
