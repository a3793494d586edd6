/**
 * `npm run bench`: speed and memory of the end-to-end scan (issue 9, "Speed and memory"). For
 * each corpus size it generates a synthetic news corpus from a real one (generate.ts), then
 * runs what `dedupe -q <folder>` and `dedupe --json <folder> > report.json` do, each run in a
 * child process of its own (measure.ts; so each peak RSS is that run's alone), and prints the
 * median run's MB/s, paragraphs/s, wall and CPU seconds, seconds per stage, peak RSS and bytes
 * per paragraph, beside `wc -w` over the same files timed in the same session (runs.ts).
 *
 *   npm run bench                              # 10 MB and 100 MB, -q and --json, 3 runs each
 *   npm run bench -- --sizes 1000 --runs 1     # the 1 GB corpus (generated once; keep it with --work)
 *   npm run bench -- --modes quiet --sizes 10,100 --seed 7
 *   npm run bench -- --work /tmp/dedupe-bench  # keep the corpora there and reuse them
 *
 * Figures are printed, never asserted: speed depends on the machine (README: Speed and memory).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCE, ensureCorpus, loadSource, type CorpusManifest } from './generate.js';
import { STAGES, type Measurement, type MeasureMode } from './measure.js';
import { bytesPerParagraph, fixed, log, machine, markdownTable, MB, medianRun, MIB, runMeasurement, scanMemory, wordCountReference } from './runs.js';
import { runScript } from './script.js';

export { markdownTable } from './runs.js';

/** The speeds issue 9 asks for on the project's 2-core machines, per mode. */
export const TARGET_MB_PER_S: Record<MeasureMode, number> = { quiet: 20, json: 10 };
/** Bytes per paragraph may rise this much from one size to the next and memory still count as linear. */
export const LINEAR_TOLERANCE = 0.15;
const MODE_LABEL: Record<MeasureMode, string> = { quiet: '-q', json: '--json' };

export interface SizeResult {
  megabytes: number;
  corpus: CorpusManifest;
  /** The median run (by wall time). */
  measurement: Measurement;
  /** Wall seconds of every run, in order. */
  runSeconds?: number[];
  /** `wc -w` over the same files: median seconds. */
  wcSeconds?: number;
}

const USAGE = `usage: npm run bench -- [--sizes 10,100] [--modes quiet,json] [--runs 3] [--seed 1] [--source ../shared/corpora/bbc] [--work <folder>] [--json]

  --sizes   corpus sizes in MB (10^6 bytes), comma-separated (default 10,100; 1000 for 1 GB)
  --modes   what to run: quiet (dedupe -q) and json (dedupe --json > file) (default both)
  --runs    runs per size and mode; the median run is reported (default 3)
  --seed    generator seed; same seed, same corpora (default 1)
  --source  the real corpus the synthetic ones are made from (default ../shared/corpora/bbc)
  --work    keep generated corpora in this folder and reuse them on the next run
            (default: a temporary folder, removed at the end)
  --json    print the results as JSON instead of tables`;

function column(r: SizeResult): string {
  return `${r.megabytes} MB ${MODE_LABEL[r.measurement.mode]}`;
}

export function rows(results: readonly SizeResult[]): Array<[string, ...string[]]> {
  const seconds = (r: SizeResult): number => r.measurement.elapsedMs / 1000;
  const each = (f: (r: SizeResult) => string): string[] => results.map(f);
  const out: Array<[string, ...string[]]> = [
    ['corpus (MB)', ...each((r) => fixed(r.measurement.bytes / MB, 1))],
    ['files', ...each((r) => fixed(r.measurement.documents, 0))],
    ['paragraphs', ...each((r) => fixed(r.measurement.paragraphs, 0))],
    ['wall seconds, end to end (median)', ...each((r) => fixed(seconds(r), 2))],
    ['  every run', ...each((r) => (r.runSeconds ?? [seconds(r)]).map((s) => fixed(s, 1)).join(' / '))],
    ['CPU seconds (user + system, all threads)', ...each((r) => fixed(r.measurement.cpuMs / 1000, 2))],
    ['MB/s', ...each((r) => fixed(r.measurement.bytes / MB / seconds(r), 1))],
    ['paragraphs/s', ...each((r) => fixed(r.measurement.paragraphs / seconds(r), 0))],
    ['wc -w over the same files (s)', ...each((r) => (r.wcSeconds === undefined ? '' : fixed(r.wcSeconds, 2)))],
    ['  dedupe time / wc -w time', ...each((r) => (r.wcSeconds ? fixed(seconds(r) / r.wcSeconds, 1) : ''))],
  ];
  for (const stage of STAGES) {
    const label = ['segment', 'normalize', 'shingle', 'sign'].includes(stage) ? `    ${stage} (CPU s, all threads)` : `  ${stage} (s)`;
    out.push([label, ...each((r) => fixed(r.measurement.stages[stage] / 1000, 2))]);
  }
  out.push(
    ['candidate pairs', ...each((r) => fixed(r.measurement.candidatePairs, 0))],
    ['verified pairs', ...each((r) => fixed(r.measurement.verifiedPairs, 0))],
    ['reworded pairs', ...each((r) => fixed(r.measurement.rewordedPairs ?? 0, 0))],
    ['JSON report (MB)', ...each((r) => (r.measurement.mode === 'json' ? fixed(r.measurement.jsonBytes / MB, 1) : ''))],
    ['  JSON / corpus', ...each((r) => (r.measurement.mode === 'json' ? fixed(r.measurement.jsonBytes / r.measurement.bytes, 2) : ''))],
    ['peak RSS (MiB)', ...each((r) => fixed(r.measurement.peakRss / MIB, 0))],
    ['RSS before scan (MiB)', ...each((r) => fixed(r.measurement.baselineRss / MIB, 0))],
    ['bytes/paragraph (peak RSS above that)', ...each((r) => fixed(bytesPerParagraph(r.measurement), 0))],
    ['heap after scan, report alive (MiB)', ...each((r) => fixed(r.measurement.heapAfterScan / MIB, 0))],
  );
  return out;
}

/**
 * One line per pair of consecutive sizes run in the same mode: does memory grow with
 * paragraphs, and no faster? Memory counts as linear when bytes per paragraph at the larger
 * size are at most LINEAR_TOLERANCE above those at the smaller; lower is expected, since the
 * fixed cost of compiled code and a young heap is spread over more paragraphs. The bytes each
 * added paragraph cost (between the two sizes) is printed too: it is the slope of the line.
 */
export function linearity(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const prior = results.slice(0, i).filter((r) => r.measurement.mode === results[i]!.measurement.mode && r.megabytes < results[i]!.megabytes);
    const smaller = prior[prior.length - 1];
    if (!smaller) continue;
    const a = smaller.measurement;
    const b = results[i]!.measurement;
    const drift = bytesPerParagraph(b) / Math.max(1, bytesPerParagraph(a)) - 1;
    const marginal = (scanMemory(b) - scanMemory(a)) / Math.max(1, b.paragraphs - a.paragraphs);
    const verdict = drift <= LINEAR_TOLERANCE ? 'linear (no faster than paragraphs)' : 'NOT linear (grows faster than paragraphs)';
    lines.push(
      `memory ${smaller.megabytes} MB → ${results[i]!.megabytes} MB${a.mode ? ` (${MODE_LABEL[a.mode]})` : ''}: paragraphs ×${fixed(b.paragraphs / a.paragraphs, 2)}, ` +
        `peak RSS above baseline ×${fixed(scanMemory(b) / Math.max(1, scanMemory(a)), 2)}, ` +
        `bytes/paragraph ${drift >= 0 ? '+' : ''}${fixed(drift * 100, 0)}%, ${fixed(marginal, 0)} bytes per added paragraph: ${verdict}`,
    );
  }
  return lines;
}

export function speedVerdicts(results: readonly SizeResult[]): string[] {
  return results.map((r) => {
    const mode = r.measurement.mode ?? 'quiet';
    const rate = r.measurement.bytes / MB / (r.measurement.elapsedMs / 1000);
    const target = TARGET_MB_PER_S[mode];
    return `speed ${r.megabytes} MB ${MODE_LABEL[mode]}: ${fixed(rate, 1)} MB/s (target ≥ ${target}: ${rate >= target ? 'met' : 'NOT met'})`;
  });
}

// ---------------------------------------------------------------------------------------

const OPTIONS = {
  sizes: { type: 'string', default: '10,100' },
  modes: { type: 'string', default: 'quiet,json' },
  seed: { type: 'string', default: '1' },
  source: { type: 'string', default: DEFAULT_SOURCE },
  work: { type: 'string' },
  runs: { type: 'string', default: '3' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

interface BenchPlan {
  sizes: number[];
  modes: MeasureMode[];
  seed: number;
  runs: number;
  source: string;
  work: string | undefined;
}

function planOf(argv: string[]): BenchPlan | string {
  const values = parseArgs({ args: argv, options: OPTIONS }).values;
  if (values.help) return USAGE;
  const sizes = values.sizes.split(',').map(Number);
  const modes = values.modes.split(',') as MeasureMode[];
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (sizes.some((s) => !(s > 0)) || !Number.isInteger(seed) || !(Number.isInteger(runs) && runs >= 1) || modes.some((m) => !(m in TARGET_MB_PER_S))) {
    throw new Error(`--sizes takes positive MB figures (10,100), --modes quiet and/or json, --seed a whole number, --runs a count`);
  }
  return { sizes, modes, seed, runs, source: values.source, work: values.work };
}

async function measureSize(plan: BenchPlan, megabytes: number, work: string, source: ReturnType<typeof loadSource>): Promise<SizeResult[]> {
  const out = path.join(work, `corpus-${megabytes}MB-seed${plan.seed}`);
  const started = Date.now();
  const { manifest, reused } = ensureCorpus({ source, out, targetBytes: Math.round(megabytes * MB), seed: plan.seed });
  log(
    `${reused ? 'reusing' : 'generated'} ${fixed(manifest.bytes / MB, 1)} MB corpus (${manifest.files} files, ` +
      `${manifest.reprints} reprints) in ${out}${reused ? '' : ` in ${fixed((Date.now() - started) / 1000, 1)} s`}`,
  );
  const wc = await wordCountReference(['.'], out, plan.runs);
  log(`${megabytes} MB: wc -w ${fixed(wc.seconds, 2)} s (${fixed(wc.words, 0)} words)`);
  const results: SizeResult[] = [];
  for (const mode of plan.modes) {
    const runs: Measurement[] = [];
    for (let run = 1; run <= plan.runs; run++) {
      // Run from inside the corpus, as `cd archive && dedupe --json . > report.json` would.
      const m = await runMeasurement(['.'], mode, out);
      log(`${megabytes} MB ${MODE_LABEL[mode]} run ${run}/${plan.runs}: ${fixed(m.elapsedMs / 1000, 2)} s (CPU ${fixed(m.cpuMs / 1000, 2)} s), peak RSS ${fixed(m.peakRss / MIB, 0)} MiB`);
      runs.push(m);
    }
    results.push({ megabytes, corpus: manifest, measurement: medianRun(runs), runSeconds: runs.map((m) => m.elapsedMs / 1000), wcSeconds: wc.seconds });
  }
  return results;
}

async function main(argv: string[]): Promise<number> {
  let plan: BenchPlan | string;
  try {
    plan = planOf(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (typeof plan === 'string') {
    process.stdout.write(`${plan}\n`);
    return 0;
  }
  if (!existsSync(plan.source)) {
    process.stderr.write(`bench: ${plan.source}: no such folder; give the BBC corpus with --source <folder>\n`);
    return 2;
  }
  const work = plan.work ? path.resolve(plan.work) : mkdtempSync(path.join(os.tmpdir(), 'dedupe-bench-'));
  const results: SizeResult[] = [];
  try {
    const source = loadSource(plan.source, plan.seed);
    for (const megabytes of plan.sizes) results.push(...(await measureSize(plan, megabytes, work, source)));
  } finally {
    if (!plan.work) rmSync(work, { recursive: true, force: true });
  }
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ machine: machine(), seed: plan.seed, runs: plan.runs, results }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(
    [
      `dedupe -q and dedupe --json > file, end to end (walk, read, scan, render, write), seed ${plan.seed}, median of ${plan.runs} run${plan.runs === 1 ? '' : 's'}`,
      `machine: ${machine()}`,
      '',
      markdownTable(['', ...results.map(column)], rows(results)),
      '',
      ...speedVerdicts(results),
      ...linearity(results),
      '',
    ].join('\n'),
  );
  return 0;
}

runScript(import.meta.url, 'bench', main);
