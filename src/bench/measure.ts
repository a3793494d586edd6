/**
 * One benchmark measurement, run by `bench.ts` and `pan.ts` in a child process of its own so
 * that the peak resident set size (getrusage's ru_maxrss) belongs to this run alone:
 *
 *   node --expose-gc dist/bench/measure.js [--quiet] <paths...>
 *
 * It does what `dedupe --json <paths> > report.json` does (walk, read, scan, render the JSON
 * report, write it to a file), or with --quiet what `dedupe -q <paths>` does (the summary
 * line only: no matches, provenance or word operations are made), through the same functions
 * the CLI uses, and prints one JSON line (`Measurement`) on stdout.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { settleHeapForReport } from '../engine/heap.js';
import { loadXXHash } from '../core/signing/hash.js';
import { resolveOptions } from '../core/options.js';
import { defaultThreads, scanPaths } from '../engine/index.js';
import { renderSummary } from '../render/human.js';
import { renderJsonChunks } from '../render/json.js';
import { isMainModule } from './script.js';

export const STAGES = [
  'walk',
  'prepare',
  'segment',
  'normalize',
  'shingle',
  'sign',
  'candidates',
  'verify',
  'rewrite',
  'cluster',
  'report',
  'render',
  'write',
] as const;
export type Stage = (typeof STAGES)[number];

/** What is measured: `dedupe --json > file`, or `dedupe -q`. */
export type MeasureMode = 'json' | 'quiet';

export interface Measurement {
  mode: MeasureMode;
  bytes: number;
  documents: number;
  paragraphs: number;
  candidatePairs: number;
  verifiedPairs: number;
  /** Paragraph pairs found reworded by passage alignment (the rewrite stage). */
  rewordedPairs: number;
  /** Walk to JSON written (or to the summary line), milliseconds. */
  elapsedMs: number;
  /** CPU time (user + system, all threads) over the same span, milliseconds: less affected than wall time by other work on the machine. */
  cpuMs: number;
  /**
   * Milliseconds per stage. `prepare` is the wall time of reading and preparing the files on
   * all threads; segment, normalize, shingle and sign are their CPU time summed over threads.
   */
  stages: Record<Stage, number>;
  jsonBytes: number;
  /** Resident set size, bytes: after loading code and wasm, before reading anything. */
  baselineRss: number;
  /** Peak resident set size of the process, bytes. */
  peakRss: number;
  /** V8 heap in use after the scan and a full GC, with the report still alive, bytes. */
  heapAfterScan: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Renders the JSON report into a file, chunk by chunk as the CLI writes it; times rendering and writing apart. */
function writeJson(source: Parameters<typeof renderJsonChunks>[0], file: string, now: () => number): { renderMs: number; writeMs: number; jsonBytes: number } {
  let renderMs = 0;
  let writeMs = 0;
  let jsonBytes = 0;
  const fd = openSync(file, 'w');
  try {
    const chunks = renderJsonChunks(source);
    for (;;) {
      let t = now();
      const next = chunks.next();
      renderMs += now() - t;
      if (next.done) break;
      t = now();
      jsonBytes += writeSync(fd, next.value);
      writeMs += now() - t;
    }
  } finally {
    closeSync(fd);
  }
  return { renderMs, writeMs, jsonBytes };
}

/** DEDUPE_REWORDING=0 measures the scan without its rewrite stage, as the CLI does: what the stage costs is the difference. */
export function rewordingOn(): boolean {
  return process.env.DEDUPE_REWORDING !== '0';
}

export async function measure(paths: readonly string[], mode: MeasureMode = 'json'): Promise<Measurement> {
  await loadXXHash();
  collectGarbage();
  const baselineRss = process.memoryUsage().rss;
  const now = (): number => performance.now();
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-bench-report-'));
  try {
    const started = now();
    const cpuStart = process.cpuUsage();
    const run = await scanPaths(
      { paths: [...paths], include: [], exclude: [], cwd: process.cwd(), options: resolveOptions(), threads: defaultThreads(), wordOps: mode === 'json', rewording: rewordingOn() },
      { warning: (w) => process.stderr.write(`measure: warning: ${w.message}\n`), clock: now },
    );
    const { analysis, bytes } = run;
    const timings = { walk: run.walkMs, prepare: run.prepareMs, ...run.timings };
    let written = { renderMs: 0, writeMs: 0, jsonBytes: 0 };
    if (mode === 'json') {
      settleHeapForReport();
      written = writeJson(analysis, path.join(outDir, 'report.json'), now);
    } else {
      const t = now();
      renderSummary(analysis, 0, 'file');
      written.renderMs = now() - t;
    }
    const { renderMs, writeMs, jsonBytes } = written;
    const elapsedMs = now() - started;
    const cpu = process.cpuUsage(cpuStart);

    collectGarbage();
    const heapAfterScan = process.memoryUsage().heapUsed;
    const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const [stage, ms] of Object.entries(timings)) if (stage in stages) stages[stage as Stage] = ms;
    stages.render = renderMs;
    stages.write = writeMs;
    return {
      mode,
      bytes,
      documents: analysis.summary.documents,
      paragraphs: analysis.summary.paragraphs,
      candidatePairs: analysis.summary.candidatePairs,
      verifiedPairs: analysis.summary.verifiedPairs,
      rewordedPairs: analysis.summary.rewordedPairs,
      elapsedMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      stages,
      jsonBytes,
      baselineRss,
      peakRss: process.resourceUsage().maxRSS * 1024,
      heapAfterScan,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const quiet = args[0] === '--quiet';
  const paths = quiet ? args.slice(1) : args;
  if (paths.length === 0) {
    process.stderr.write('usage: node --expose-gc dist/bench/measure.js [--quiet] <paths...>\n');
    process.exitCode = 2;
  } else {
    measure(paths, quiet ? 'quiet' : 'json').then(
      (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
      (error: unknown) => {
        process.stderr.write(`measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
