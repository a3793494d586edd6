/**
 * `dedupe [scan] <paths...>` as data: walk the paths (and read JSONL sources), read and
 * prepare the articles on all cores, run the report stages. Warnings reach the caller as they happen (a hook, so a long run shows
 * them early) and are kept in the report.
 */
import { buildReport, type ScanResult } from '../core/scan/scanner.js';
import type { Clock, PreparedDocument } from '../core/model.js';
import type { ResolvedOptions, Warning } from '../core/types.js';
import { nothingRead } from './files.js';
import type { PrepareJob } from './prepare-job.js';
import { prepareFiles } from './prepare-pool.js';
import { collectSources, type SourceRequest } from './sources.js';

export interface ScanRequest extends SourceRequest {
  options: ResolvedOptions;
  threads: number;
  /** Whether edited matches carry their word operations (only shown by --json and --diff). */
  wordOps: boolean;
}

/** How the engine reports back while it works; it never prints. */
export interface EngineHooks {
  warning?: (warning: Warning) => void;
  clock?: Clock;
}

export interface ScanRun extends ScanResult {
  /** Bytes of text read. */
  bytes: number;
  /** Text files found, and JSONL sources read. */
  files: number;
  jsonlSources: number;
  /** Articles read from JSONL lines. */
  records: number;
  /** Milliseconds of the walk and of reading and preparing (wall time), beside the core's stage timings. */
  walkMs: number;
  prepareMs: number;
}

/** Prepared documents of the jobs, in order; unreadable files become warnings. */
export async function prepareAll(
  jobs: readonly PrepareJob[],
  request: Pick<ScanRequest, 'options' | 'threads' | 'cwd'>,
  hooks: EngineHooks,
  warnings: Warning[],
): Promise<{ prepared: PreparedDocument[]; bytes: number; timings: Awaited<ReturnType<typeof prepareFiles>>['timings'] }> {
  const run = await prepareFiles(jobs, {
    options: request.options,
    threads: request.threads,
    contentHash: false,
    cwd: request.cwd,
    ...(hooks.clock ? { clock: hooks.clock } : {}),
  });
  const prepared: PreparedDocument[] = [];
  let bytes = 0;
  for await (const outcome of run.outcomes) {
    if (outcome.status === 'unreadable') {
      warnings.push(outcome.warning);
      hooks.warning?.(outcome.warning);
    } else if (outcome.status === 'prepared') {
      bytes += outcome.bytes;
      prepared.push(outcome.prepared);
      if (outcome.warning) {
        warnings.push(outcome.warning);
        hooks.warning?.(outcome.warning);
      }
    }
  }
  return { prepared, bytes, timings: run.timings };
}

export async function scanPaths(request: ScanRequest, hooks: EngineHooks = {}): Promise<ScanRun> {
  const clock = hooks.clock ?? (() => 0);
  const walkStart = clock();
  const warnings: Warning[] = [];
  const sources = await collectSources(request, (file) => file, (warning) => {
    warnings.push(warning);
    hooks.warning?.(warning);
  });
  const walkMs = clock() - walkStart;
  const prepareStart = clock();
  const { prepared, bytes, timings } = await prepareAll(sources.jobs, request, hooks, warnings);
  const prepareMs = clock() - prepareStart;
  if (prepared.length === 0) throw nothingRead(sources);
  const result = buildReport(prepared, request.options, warnings, { wordOps: request.wordOps }, clock, timings);
  return { ...result, bytes, files: sources.files, jsonlSources: sources.jsonlSources, records: sources.records, walkMs, prepareMs };
}
