/**
 * What the bench scripts share: one measurement in a child process of its own (measure.ts, so
 * each peak RSS is that run's alone), medians over runs, and the machine-independent
 * reference: `wc -w` over the same files, timed in the same session, so a figure here can be
 * compared with one taken on another machine (or on this one while it was busier) as a ratio.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Measurement, MeasureMode } from './measure.js';

const MEASURE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure.js');

export const MB = 1e6;
export const MIB = 1024 * 1024;

export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

export function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Runs a Node script in a child process of its own and returns the JSON object its last line
 * of stdout holds; rejects with `what` failed, why, and the end of its stderr.
 */
export function runJsonChild<T>(args: readonly string[], what: string, cwd?: string, env?: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd === undefined ? {} : { cwd }), ...(env === undefined ? {} : { env }) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as T);
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`${what} failed (${why}):\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

/** Runs measure.js on `paths` (relative to `cwd`) in a child process and returns its measurement; `env` replaces the child's environment. */
export function runMeasurement(paths: readonly string[], mode: MeasureMode, cwd: string, env?: NodeJS.ProcessEnv): Promise<Measurement> {
  const args = ['--expose-gc', MEASURE_SCRIPT, ...(mode === 'quiet' ? ['--quiet'] : []), ...paths];
  return runJsonChild<Measurement>(args, `measurement of ${paths.join(' ')}`, cwd, env);
}

/** The median of a list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The run whose wall time is the median (the lower middle one for an even count). */
export function medianRun(runs: readonly Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.elapsedMs - b.elapsedMs);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** Seconds `find <paths> -type f -print0 | xargs -0 cat | wc -w` takes, and the words it counts. */
export function wordCountSeconds(paths: readonly string[], cwd: string): Promise<{ seconds: number; words: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const quoted = paths.map((p) => `'${p.replaceAll("'", "'\\''")}'`).join(' ');
    const child = spawn('sh', ['-c', `find ${quoted} -type f -print0 | xargs -0 cat | wc -w`], { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`wc -w over ${paths.join(' ')} failed (exit ${code})`));
      else resolve({ seconds: (performance.now() - started) / 1000, words: Number(out.trim()) });
    });
  });
}

/** The median of `runs` timings of wc -w over the paths. */
export async function wordCountReference(paths: readonly string[], cwd: string, runs: number): Promise<{ seconds: number; words: number }> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await wordCountSeconds(paths, cwd));
  return { seconds: median(results.map((r) => r.seconds)), words: results[0]?.words ?? 0 };
}

export function machine(): string {
  const cpus = os.cpus();
  const off = process.env.DEDUPE_REWORDING === '0' ? '; DEDUPE_REWORDING=0: without the rewrite stage' : '';
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fixed(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}${off}`;
}

/** Memory the run itself took: peak RSS above the process's RSS before reading anything. */
export function scanMemory(m: Measurement): number {
  return Math.max(0, m.peakRss - m.baselineRss);
}

export function bytesPerParagraph(m: Measurement): number {
  return m.paragraphs === 0 ? 0 : scanMemory(m) / m.paragraphs;
}

export function markdownTable(header: readonly string[], body: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
