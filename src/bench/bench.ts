/**
 * `npm run bench`: speed and memory of the end-to-end scan (issue "dedupe scan", Speed and
 * memory). For each corpus size it generates a synthetic news corpus from a real one
 * (generate.ts), runs what `dedupe --json <folder> > report.json` does in a child process of
 * its own (measure.ts; one process per size, so each peak RSS is that size's alone) and prints
 * MB/s, paragraphs/s, time per stage, candidate pairs, peak RSS and bytes per paragraph.
 *
 *   npm run bench                        # 10 MB and 100 MB
 *   npm run bench -- --sizes 1,10 --seed 7
 *   npm run bench -- --work /tmp/dedupe-bench   # keep the corpora there and reuse them
 *
 * Figures are printed, never asserted: speed depends on the machine (README: Speed and memory).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCE, ensureCorpus, loadSource, type CorpusManifest } from './generate.js';
import { STAGES, type Measurement } from './measure.js';
import { isMainModule } from './script.js';

/** The speed the issue asks for on the project's 2-core machines. */
export const TARGET_MB_PER_S = 20;
/** Bytes per paragraph may rise this much from one size to the next and memory still count as linear. */
export const LINEAR_TOLERANCE = 0.15;

const MEASURE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure.js');

export interface SizeResult {
  megabytes: number;
  corpus: CorpusManifest;
  measurement: Measurement;
}

const USAGE = `usage: npm run bench -- [--sizes 10,100] [--seed 1] [--source ../shared/corpora/bbc] [--work <folder>] [--runs 1] [--json]

  --sizes   corpus sizes in MB (10^6 bytes), comma-separated (default 10,100)
  --seed    generator seed; same seed, same corpora (default 1)
  --source  the real corpus the synthetic ones are made from (default ../shared/corpora/bbc)
  --work    keep generated corpora in this folder and reuse them on the next run
            (default: a temporary folder, removed at the end)
  --runs    scans per size; the fastest is reported (default 1). Other work on the
            machine only ever slows a run down, so the fastest is the least disturbed
  --json    print the results as JSON instead of tables`;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function runChild(corpus: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    // Run from inside the corpus, as `cd archive && dedupe --json . > report.json` would: the
    // report names files by relative paths, as a user's report would.
    const child = spawn(process.execPath, ['--expose-gc', MEASURE_SCRIPT, '.'], { cwd: corpus, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as Measurement);
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`measurement of ${corpus} failed (${why}):\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

// ---------------------------------------------------------------------------------------
// Formatting

const MB = 1e6;
const MIB = 1024 * 1024;

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Memory the scan itself took: peak RSS above the process's RSS before reading anything. */
export function scanMemory(m: Measurement): number {
  return Math.max(0, m.peakRss - m.baselineRss);
}

/** Walk to report object: the end-to-end time less rendering and writing the JSON. */
export function scanSeconds(m: Measurement): number {
  return (m.elapsedMs - m.stages.render - m.stages.write) / 1000;
}

export function bytesPerParagraph(m: Measurement): number {
  return m.paragraphs === 0 ? 0 : scanMemory(m) / m.paragraphs;
}

export function rows(results: readonly SizeResult[]): Array<[string, ...string[]]> {
  const seconds = (r: SizeResult): number => r.measurement.elapsedMs / 1000;
  const out: Array<[string, ...string[]]> = [
    ['corpus (MB)', ...results.map((r) => fixed(r.measurement.bytes / MB, 1))],
    ['files', ...results.map((r) => fixed(r.measurement.documents, 0))],
    ['paragraphs', ...results.map((r) => fixed(r.measurement.paragraphs, 0))],
    ['seconds, end to end', ...results.map((r) => fixed(seconds(r), 2))],
    ['CPU seconds (user + system)', ...results.map((r) => fixed(r.measurement.cpuMs / 1000, 2))],
    ['MB/s', ...results.map((r) => fixed(r.measurement.bytes / MB / seconds(r), 1))],
    ['paragraphs/s', ...results.map((r) => fixed(r.measurement.paragraphs / seconds(r), 0))],
    ['MB/s without render + write', ...results.map((r) => fixed(r.measurement.bytes / MB / scanSeconds(r.measurement), 1))],
  ];
  for (const stage of STAGES) {
    const label = ['segment', 'normalize', 'shingle', 'sign'].includes(stage) ? `    ${stage} (CPU s, all threads)` : `  ${stage} (s)`;
    out.push([label, ...results.map((r) => fixed(r.measurement.stages[stage] / 1000, 2))]);
  }
  out.push(
    ['candidate pairs', ...results.map((r) => fixed(r.measurement.candidatePairs, 0))],
    ['verified pairs', ...results.map((r) => fixed(r.measurement.verifiedPairs, 0))],
    ['reworded pairs', ...results.map((r) => fixed(r.measurement.rewordedPairs ?? 0, 0))],
    ['JSON report (MB)', ...results.map((r) => fixed(r.measurement.jsonBytes / MB, 1))],
    ['peak RSS (MiB)', ...results.map((r) => fixed(r.measurement.peakRss / MIB, 0))],
    ['RSS before scan (MiB)', ...results.map((r) => fixed(r.measurement.baselineRss / MIB, 0))],
    ['bytes/paragraph (peak RSS above that)', ...results.map((r) => fixed(bytesPerParagraph(r.measurement), 0))],
    ['heap after scan, report alive (MiB)', ...results.map((r) => fixed(r.measurement.heapAfterScan / MIB, 0))],
  );
  return out;
}

export function markdownTable(header: readonly string[], body: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/**
 * One line per pair of consecutive sizes: does memory grow with paragraphs, and no faster?
 * Memory counts as linear when bytes per paragraph at the larger size are at most
 * LINEAR_TOLERANCE above those at the smaller; lower is expected, since the fixed cost of
 * compiled code and a young heap is spread over more paragraphs. The bytes each added
 * paragraph cost (between the two sizes) is printed too: it is the slope of the line.
 */
export function linearity(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!.measurement;
    const b = results[i]!.measurement;
    const drift = bytesPerParagraph(b) / Math.max(1, bytesPerParagraph(a)) - 1;
    const marginal = (scanMemory(b) - scanMemory(a)) / Math.max(1, b.paragraphs - a.paragraphs);
    const verdict = drift <= LINEAR_TOLERANCE ? 'linear (no faster than paragraphs)' : 'NOT linear (grows faster than paragraphs)';
    lines.push(
      `memory ${results[i - 1]!.megabytes} MB → ${results[i]!.megabytes} MB: paragraphs ×${fixed(b.paragraphs / a.paragraphs, 2)}, ` +
        `peak RSS above baseline ×${fixed(scanMemory(b) / Math.max(1, scanMemory(a)), 2)}, ` +
        `bytes/paragraph ${drift >= 0 ? '+' : ''}${fixed(drift * 100, 0)}%, ${fixed(marginal, 0)} bytes per added paragraph: ${verdict}`,
    );
  }
  return lines;
}

export function speedVerdicts(results: readonly SizeResult[]): string[] {
  return results.map((r) => {
    const rate = r.measurement.bytes / MB / (r.measurement.elapsedMs / 1000);
    return `speed ${r.megabytes} MB: ${fixed(rate, 1)} MB/s (target ≥ ${TARGET_MB_PER_S}: ${rate >= TARGET_MB_PER_S ? 'met' : 'NOT met'})`;
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fixed(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

// ---------------------------------------------------------------------------------------

const OPTIONS = {
  sizes: { type: 'string', default: '10,100' },
  seed: { type: 'string', default: '1' },
  source: { type: 'string', default: DEFAULT_SOURCE },
  work: { type: 'string' },
  runs: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ args: argv, options: OPTIONS }).values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sizes = values.sizes.split(',').map(Number);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (sizes.some((s) => !(s > 0)) || !Number.isInteger(seed) || !(Number.isInteger(runs) && runs >= 1)) {
    process.stderr.write(`bench: --sizes takes positive MB figures (10,100), --seed a whole number, --runs a count\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(values.source)) {
    process.stderr.write(`bench: ${values.source}: no such folder; give the BBC corpus with --source <folder>\n`);
    return 2;
  }
  const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(os.tmpdir(), 'dedupe-bench-'));
  const results: SizeResult[] = [];
  try {
    const source = loadSource(values.source, seed);
    for (const megabytes of sizes) {
      const out = path.join(work, `corpus-${megabytes}MB-seed${seed}`);
      const started = Date.now();
      const { manifest, reused } = ensureCorpus({ source, out, targetBytes: Math.round(megabytes * MB), seed });
      log(
        `${reused ? 'reusing' : 'generated'} ${fixed(manifest.bytes / MB, 1)} MB corpus (${manifest.files} files, ` +
          `${manifest.reprints} reprints) in ${out}${reused ? '' : ` in ${fixed((Date.now() - started) / 1000, 1)} s`}`,
      );
      let best: Measurement | undefined;
      for (let run = 1; run <= runs; run++) {
        log(`scanning ${megabytes} MB in a child process${runs > 1 ? ` (run ${run} of ${runs})` : ''}...`);
        const m = await runChild(out);
        log(`${megabytes} MB: ${fixed(m.elapsedMs / 1000, 2)} s (CPU ${fixed(m.cpuMs / 1000, 2)} s), peak RSS ${fixed(m.peakRss / MIB, 0)} MiB`);
        if (!best || m.elapsedMs < best.elapsedMs) best = m;
      }
      results.push({ megabytes, corpus: manifest, measurement: best! });
    }
  } finally {
    if (!values.work) rmSync(work, { recursive: true, force: true });
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ machine: machine(), seed, runs, results }, null, 2)}\n`);
    return 0;
  }
  const header = ['', ...results.map((r) => `${r.megabytes} MB`)];
  process.stdout.write(
    [
      `dedupe --json, end to end (walk, read, scan, render, write), seed ${seed}${runs > 1 ? `, fastest of ${runs} runs` : ''}`,
      `machine: ${machine()}`,
      '',
      markdownTable(header, rows(results)),
      '',
      ...speedVerdicts(results),
      ...linearity(results),
      '',
    ].join('\n'),
  );
  return 0;
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
