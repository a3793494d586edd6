/**
 * `npm run bench:scale`: beyond one machine (issue 10), step by step. Generates a bench corpus
 * (generate.ts), then runs `dedupe sign` (each shard), `dedupe join` and `dedupe report --json
 * > file`, each in a child process of its own (scale-step.ts), and prints per step the wall
 * seconds, CPU seconds (all threads) and peak RSS, beside `wc -w` over the same files; then
 * the Parquet sets' sizes (bytes per paragraph), the join's rows and pairs per band and its
 * steps' times: the figures docs/scale.md plans a cluster from.
 *
 *   npm run bench:scale                                   # 100 MB, one shard
 *   npm run bench:scale -- --size 1000 --work /tmp/dedupe-scale   # the 1 GB corpus, kept
 *   npm run bench:scale -- --size 10 --shards 3 --check   # and compare with dedupe --json
 *
 * Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MEMORY_LIMIT } from '../engine/index.js';
import { DEFAULT_SOURCE, ensureCorpus, loadSource, repoRoot } from './generate.js';
import { fixed, log, machine, markdownTable, MB, MIB, runJsonChild, wordCountSeconds } from './runs.js';
import type { StepMeasurement } from './scale-step.js';
import { isMainModule } from './script.js';

const STEP_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scale-step.js');

const USAGE = `usage: npm run bench:scale -- [--size 100] [--shards 1] [--memory-limit <size>] [--threads n] [--seed 1] [--source <bbc>] [--work <folder>] [--check] [--json]

  --size          corpus size in MB (10^6 bytes; default 100, 1000 for the 1 GB corpus)
  --shards        shards to sign, one after the other (default 1)
  --memory-limit  DuckDB's memory limit for every step (default: each command's, 512MB for
                  sign and report, 2GB for join)
  --threads       DuckDB's threads for the join (default: one per core)
  --work          keep the corpus, the Parquet files and the report there (default: a
                  temporary folder, removed at the end)
  --check         also run dedupe --json on the corpus and compare the reports byte for byte
                  (the scan holds everything in memory: keep to 100 MB or less)
  --json          print the measurements as JSON`;

function runStep(args: readonly string[]): Promise<StepMeasurement> {
  return runJsonChild<StepMeasurement>([STEP_SCRIPT, ...args], args[0] ?? 'step');
}

/** Bytes of each Parquet set under the signed folder (all shards), and of the join's pairs. */
function setSizes(out: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (dir: string, set: string | null): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, set ?? (name === 'bands' ? 'bands' : name === 'join' ? 'pairs' : null));
      else if (name.endsWith('.parquet')) {
        const key = set ?? name.replace('.parquet', '');
        sizes.set(key, (sizes.get(key) ?? 0) + statSync(full).size);
      }
    }
  };
  walk(out, null);
  return sizes;
}

interface Run {
  megabytes: number;
  files: number;
  paragraphs: number;
  wc: { seconds: number; words: number };
  steps: StepMeasurement[];
  sets: Map<string, number>;
  same?: boolean;
}

function stepRows(run: Run): string[][] {
  const rows = [['wc -w over the same files', fixed(run.wc.seconds, 2), '', '']];
  for (const s of run.steps) rows.push([s.step.split(' ').slice(0, 1).join(' ') + (s.step.startsWith('sign') ? ` ${s.step.split(' ')[3]}` : ''), fixed(s.wallMs / 1000, 2), fixed(s.cpuMs / 1000, 2), fixed(s.peakRss / MIB, 0)]);
  return rows;
}

function joinLines(join: Record<string, unknown>): string[] {
  const rows = join.bandRows as number[];
  const pairs = join.bandPairs as number[];
  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  const steps = (join.steps as Array<{ step: string; ms: number; rows: number }>).map((s) => `${s.step} ${fixed(s.ms / 1000, 2)} s (${fixed(s.rows, 0)} rows)`).join(', ');
  return [
    `join: ${fixed(join.variants as number, 0)} distinct texts to compare; per band ${fixed(mean(rows), 0)} rows read and ${fixed(mean(pairs), 0)} pairs proposed (max ${fixed(Math.max(...pairs), 0)}); ` +
      `${fixed(join.anchorPairs as number, 0)} anchor pairs; ${fixed(join.candidatePairs as number, 0)} candidates, ${fixed(join.verifiedPairs as number, 0)} verified`,
    `join steps: ${steps}`,
  ];
}

function print(run: Run): void {
  const out: string[] = [`${run.megabytes} MB corpus: ${fixed(run.files, 0)} files, ${fixed(run.paragraphs, 0)} paragraphs, ${fixed(run.wc.words, 0)} words; ${machine()}`, ''];
  out.push(markdownTable(['step', 'wall s', 'CPU s', 'peak RSS MiB'], stepRows(run)), '');
  const sets = [...run.sets].map(([set, bytes]) => [set, fixed(bytes / MB, 1), fixed(bytes / run.paragraphs, 1)]);
  out.push(markdownTable(['Parquet set', 'MB', 'bytes/paragraph'], sets), '');
  const join = run.steps.find((s) => s.step.startsWith('join'));
  if (join) out.push(...joinLines(join.figures));
  const report = run.steps.find((s) => s.step.startsWith('report'));
  if (report) {
    const f = report.figures as { jsonBytes: number; loadMs: number; renderMs: number; pageReads: number };
    out.push(`report: loaded in ${fixed(f.loadMs / 1000, 2)} s, JSON ${fixed(f.jsonBytes / MB, 1)} MB written in ${fixed(f.renderMs / 1000, 2)} s, ${fixed(f.pageReads, 0)} documents read back from disk`);
  }
  if (run.same !== undefined) out.push(`dedupe --json on the corpus: ${run.same ? 'the same report, byte for byte' : 'A DIFFERENT REPORT'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** dedupe --json over the corpus, compared with the report's file. */
function sameAsScan(corpus: string, reportFile: string, work: string): boolean {
  const scanFile = path.join(work, 'scan.json');
  const result = spawnSync('sh', ['-c', `node '${path.join(repoRoot, 'bin/dedupe.js')}' --json . > '${scanFile}'`], { cwd: corpus, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('dedupe --json on the corpus failed');
  return readFileSync(scanFile).equals(readFileSync(reportFile));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '100' },
      shards: { type: 'string', default: '1' },
      'memory-limit': { type: 'string' },
      threads: { type: 'string', default: String(os.availableParallelism()) },
      seed: { type: 'string', default: '1' },
      source: { type: 'string', default: DEFAULT_SOURCE },
      work: { type: 'string' },
      check: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const [megabytes, shards, seed] = [Number(values.size), Number(values.shards), Number(values.seed)];
  if (!(megabytes > 0) || !(Number.isInteger(shards) && shards >= 1) || !existsSync(values.source)) {
    process.stderr.write(`bench:scale: check --size, --shards and --source (${values.source})\n${USAGE}\n`);
    return 2;
  }
  const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(os.tmpdir(), 'dedupe-scale-'));
  try {
    const corpus = path.join(work, `corpus-${megabytes}`);
    log(`corpus of ${megabytes} MB in ${corpus}`);
    const { manifest } = ensureCorpus({ source: loadSource(values.source, seed), out: corpus, targetBytes: Math.round(megabytes * 1e6), seed });
    const wc = await wordCountSeconds(['.'], corpus);
    const out = path.join(work, `signed-${megabytes}-${shards}`);
    rmSync(out, { recursive: true, force: true });
    const steps: StepMeasurement[] = [];
    const limit = (step: keyof typeof DEFAULT_MEMORY_LIMIT): string => values['memory-limit'] ?? DEFAULT_MEMORY_LIMIT[step];
    for (let n = 1; n <= shards; n++) {
      log(`sign ${n}/${shards}`);
      steps.push(await runStep(['sign', corpus, out, `${n}/${shards}`, limit('sign')]));
    }
    log('join');
    steps.push(await runStep(['join', out, limit('join'), values.threads]));
    log('report --json');
    const reportFile = path.join(work, `report-${megabytes}.json`);
    steps.push(await runStep(['report', out, limit('report'), reportFile]));
    const paragraphs = (steps.at(-1)!.figures as { summary: { paragraphs: number } }).summary.paragraphs;
    const run: Run = { megabytes, files: manifest.files, paragraphs, wc, steps, sets: setSizes(out) };
    if (values.check) run.same = sameAsScan(corpus, reportFile, work);
    if (values.json) process.stdout.write(`${JSON.stringify({ ...run, sets: Object.fromEntries(run.sets) })}\n`);
    else print(run);
    return run.same === false ? 1 : 0;
  } finally {
    if (!values.work) rmSync(work, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench:scale: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
