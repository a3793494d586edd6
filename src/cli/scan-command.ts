/**
 * `dedupe [scan] <paths...>`: walk, read, scan, print. Wiring only; the work is in
 * src/input, src/core and src/render.
 */
import { createScanner, resolveOptions } from '../core/index.js';
import type { Report, ScanOptions, SegmentMode, Warning } from '../core/types.js';
import { DEFAULT_INCLUDE, findFiles } from '../input/walk.js';
import { renderHuman, renderSummary } from '../render/human.js';
import { renderJsonChunks } from '../render/json.js';
import { outputStyle } from './color.js';
import { EXIT_FOUND, EXIT_OK, UsageError } from './exit-codes.js';
import { warn, type CliIO } from './io.js';
import { prepareFiles, threadCount } from './prepare-pool.js';

export type FailOn = 'shared' | 'edited';
export const FAIL_ON_VALUES: readonly FailOn[] = ['shared', 'edited'];

export interface ScanFlags {
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  include: string[];
  exclude: string[];
  segment?: string;
  threshold?: number;
  containment?: number;
  shingleSize?: number;
  numHashes?: number;
  minWords?: number;
  seed?: number;
  maxMatches?: number;
  failOn?: string;
  diff?: boolean;
}

export async function scanFiles(
  paths: readonly string[],
  flags: ScanFlags,
  io: CliIO,
): Promise<{ report: Report; elapsedMs: number; bytes: number; timings: Record<string, number> }> {
  const started = io.now();
  const options: Partial<ScanOptions> = {
    threshold: flags.threshold,
    containment: flags.containment,
    shingleSize: flags.shingleSize,
    numHashes: flags.numHashes,
    minWords: flags.minWords,
    seed: flags.seed,
    maxMatches: flags.maxMatches,
    segment: flags.segment as SegmentMode | undefined,
  };
  resolveOptions(options); // fail on a bad option before walking anything
  const walkStart = io.now();
  const files = await findFiles(paths, { include: flags.include, exclude: flags.exclude });
  const walkMs = io.now() - walkStart;
  if (files.length === 0) {
    const patterns = (flags.include.length > 0 ? flags.include : DEFAULT_INCLUDE).join(', ');
    const excluded = flags.exclude.length > 0 ? ` not excluded by ${flags.exclude.join(', ')}` : '';
    const fix = flags.exclude.length > 0 ? 'check --include and --exclude' : 'use --include to choose other files';
    throw new UsageError(`no files matching ${patterns}${excluded} in ${paths.join(', ')}; ${fix}`);
  }
  const scanner = await createScanner(options, () => io.now());
  const warnings: Warning[] = [];
  const prepareStart = io.now();
  let bytes = 0;
  let read = 0;
  const run = await prepareFiles(files, options, () => io.now(), threadCount(io.env));
  for await (const outcome of run.outcomes) {
    if (!outcome.ok) {
      warnings.push(outcome.warning);
      warn(io, outcome.warning.message);
      continue;
    }
    read++;
    bytes += outcome.bytes;
    scanner.addPrepared(outcome.prepared);
  }
  const prepareMs = io.now() - prepareStart;
  if (read === 0) {
    throw new UsageError(`none of the ${files.length} matching files could be read (see the warnings above)`);
  }
  const { report, timings } = scanner.finish(warnings, { wordOps: flags.json === true || flags.diff === true });
  // Read and prepare (segment to sign) ran together, possibly on several threads: `prepare` is
  // their wall time, the stage figures their summed CPU time.
  return { report, elapsedMs: io.now() - started, bytes, timings: { walk: walkMs, prepare: prepareMs, ...timings, ...run.timings } };
}

/** Paragraphs that count for --fail-on: evidence of reuse, not boilerplate, a repeat or a short line. */
export function failingParagraphs(report: Report, failOn: FailOn): number {
  const statuses = failOn === 'shared' ? ['shared'] : ['shared', 'edited'];
  let count = 0;
  for (const doc of report.documents) {
    for (const segment of doc.segments) {
      if (segment.repeat || segment.words < report.options.minWords) continue;
      if (statuses.includes(segment.status)) count++;
    }
  }
  return count;
}

export async function runScan(paths: readonly string[], flags: ScanFlags, io: CliIO): Promise<number> {
  if (flags.failOn !== undefined && !FAIL_ON_VALUES.includes(flags.failOn as FailOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got ${flags.failOn}`);
  }
  const { report, elapsedMs, timings } = await scanFiles(paths, flags, io);
  if (flags.json) {
    // In pieces: a large corpus's report is longer than the longest string V8 can hold.
    for (const chunk of renderJsonChunks(report)) io.stdout.write(chunk);
  } else {
    const { color, palette } = outputStyle(flags, io);
    io.stdout.write(
      renderHuman(report, { palette, color, width: io.stdout.columns ?? 100, quiet: flags.quiet === true, diff: flags.diff === true, elapsedMs }),
    );
  }
  if (flags.verbose) {
    const stages = Object.entries(timings)
      .map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`)
      .join(', ');
    io.stderr.write(`dedupe: ${renderSummary(report, elapsedMs)}; ${stages}\n`);
  }
  if (flags.failOn !== undefined) {
    const found = failingParagraphs(report, flags.failOn as FailOn);
    if (found > 0) {
      io.stderr.write(`dedupe: --fail-on ${flags.failOn}: ${found} paragraph${found === 1 ? '' : 's'} found\n`);
      return EXIT_FOUND;
    }
  }
  return EXIT_OK;
}
