/**
 * One step of `npm run bench:scale`, run by scale.ts in a child process of its own so that the
 * peak resident set size (getrusage's ru_maxrss, all threads) and the CPU time belong to that
 * step alone. Does what the CLI does, through the same engine functions:
 *
 *   node dist/bench/scale-step.js sign <corpus> <out> <i/n> <memory limit>     dedupe sign . --out <out> --shard i/n
 *   node dist/bench/scale-step.js join <out> <memory limit> <threads>           dedupe join <out>
 *   node dist/bench/scale-step.js report <out> <memory limit> <report file>     dedupe report <out> --json > <report file>
 *
 * and prints one JSON line (`StepMeasurement`) on stdout.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolveOptions } from '../core/options.js';
import { defaultThreads, joinShards, reportShards, signShard } from '../engine/index.js';
import { renderJsonChunks } from '../render/json.js';
import { isMainModule } from './script.js';

export interface StepMeasurement {
  step: string;
  wallMs: number;
  /** User + system CPU time of all threads (DuckDB's and the prepare pool's included). */
  cpuMs: number;
  peakRss: number;
  /** What the step produced, as the engine returned it (sign and join), or the report's figures. */
  figures: Record<string, unknown>;
}

const now = (): number => performance.now();

async function sign(corpus: string, out: string, shard: string, memoryLimit: string): Promise<Record<string, unknown>> {
  const [number, count] = shard.split('/').map(Number) as [number, number];
  const result = await signShard(
    { paths: ['.'], include: [], exclude: [], cwd: corpus, options: resolveOptions(), threads: defaultThreads(), out, shard: { number, count }, memoryLimit, version: 'bench' },
    { clock: now },
  );
  return { ...result };
}

async function join(out: string, memoryLimit: string, threads: number): Promise<Record<string, unknown>> {
  const result = await joinShards({ dir: out, cwd: process.cwd(), memoryLimit, threads, version: 'bench' }, { clock: now });
  return { ...result };
}

async function report(out: string, memoryLimit: string, file: string): Promise<Record<string, unknown>> {
  const run = await reportShards({ dir: out, cwd: process.cwd(), memoryLimit, threads: defaultThreads(), maxMatches: resolveOptions().maxMatches, wordOps: true }, { clock: now });
  let jsonBytes = 0;
  let renderMs = 0;
  const fd = openSync(file, 'w');
  try {
    const started = now();
    for (const chunk of renderJsonChunks(run.analysis)) jsonBytes += writeSync(fd, chunk);
    renderMs = now() - started;
  } finally {
    closeSync(fd);
    run.close();
  }
  return { summary: run.analysis.summary, loadMs: run.loadMs, timings: run.timings, renderMs, jsonBytes, pageReads: run.pageReads() };
}

async function main(argv: string[]): Promise<StepMeasurement> {
  const [step, ...args] = argv;
  const started = now();
  const cpu = process.cpuUsage();
  let figures: Record<string, unknown>;
  if (step === 'sign') figures = await sign(args[0]!, args[1]!, args[2]!, args[3]!);
  else if (step === 'join') figures = await join(args[0]!, args[1]!, Number(args[2]));
  else if (step === 'report') figures = await report(args[0]!, args[1]!, args[2]!);
  else throw new Error(`unknown step ${step}`);
  const used = process.cpuUsage(cpu);
  return { step: `${step} ${args.join(' ')}`, wallMs: now() - started, cpuMs: (used.user + used.system) / 1000, peakRss: process.resourceUsage().maxRSS * 1024, figures };
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (measurement) => process.stdout.write(`${JSON.stringify(measurement)}\n`),
    (error: unknown) => {
      process.stderr.write(`scale-step: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
