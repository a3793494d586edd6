/**
 * `dedupe [scan] <paths...>` as data: walk the paths (and read JSONL sources), read and
 * prepare the articles on all cores, run the report stages. Warnings reach the caller as they happen (a hook, so a long run shows
 * them early) and are kept in the report.
 */
import { analyse, type ScanAnalysis } from '../core/scan/scanner.js';
import type { ScanFrequencies } from '../core/rewrite/channel.js';
import type { Clock, PreparedDocument, PrepareTimings } from '../core/model.js';
import type { ResolvedOptions, StageTimings, Warning } from '../core/types.js';
import { nothingRead } from './files.js';
import type { PrepareJob, PrepareOutcome } from './prepare-job.js';
import { prepareFiles } from './prepare-pool.js';
import { withRewriteHelpers } from './rewrite-pool.js';
import { collectSources, type SourceRequest } from './sources.js';

export interface ScanRequest extends SourceRequest {
  options: ResolvedOptions;
  threads: number;
  /** Whether edited matches carry their word operations (only shown by --json and --diff). */
  wordOps: boolean;
  /** Whether files' modification times are evidence of which copy came first (default true). */
  fileTimes?: boolean;
  /** Whether to look for reworded paragraphs (the rewrite stage; default true). */
  rewording?: boolean;
  /** `--reworded thorough`: a large scan also aligns its candidate pairs as a scan of two documents does (core/rewrite/families.ts). */
  thoroughRewording?: boolean;
  /** `--agency`: names read as agencies' credits besides the built-in ones (core/scan/provenance.ts). */
  agencies?: readonly string[];
}

/**
 * Where a command is: finding files, reading JSONL, reading and preparing the articles,
 * matching paragraphs, looking up the index, storing into it, or waiting for another
 * process's write lock on it; or a named step of `sign`, `join` or `report` (`step`).
 */
export type ProgressStage = 'walk' | 'read' | 'prepare' | 'match' | 'lookup' | 'store' | 'wait-lock' | 'step';

export interface ProgressEvent {
  stage: ProgressStage;
  /** Articles done so far (read: JSONL articles read; prepare: of `total`). */
  done?: number;
  total?: number;
  /** Paragraphs prepared so far (prepare), or to match (match). */
  paragraphs?: number;
  /** Bytes of text prepared so far. */
  bytes?: number;
  /** wait-lock and store: the index file. */
  file?: string;
  /** step: what is being done ("join: band 3 of 37"). */
  step?: string;
}

/** How the engine reports back while it works; it never prints. */
export interface EngineHooks {
  warning?: (warning: Warning) => void;
  /** Something to tell the user that is neither a warning nor progress: an index upgrade, which can take minutes. */
  notice?: (message: string) => void;
  /** Called as the work goes on, often (once per article): the caller decides what to draw and when. */
  progress?: (event: ProgressEvent) => void;
  clock?: Clock;
}

export interface ScanRun {
  /** Statuses and counts; the report itself is made when asked for (analysis.report(), or documents one at a time). */
  analysis: ScanAnalysis;
  timings: StageTimings;
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

/** The progress hook of the prepare stage: call it with each outcome, in order. */
export function prepareProgress(total: number, hooks: EngineHooks): (outcome: PrepareOutcome) => void {
  let done = 0;
  let paragraphs = 0;
  let bytes = 0;
  return (outcome) => {
    done++;
    if (outcome.status === 'prepared') paragraphs += outcome.prepared.count;
    if (outcome.status !== 'unreadable') bytes += outcome.bytes;
    hooks.progress?.({ stage: 'prepare', done, total, paragraphs, bytes });
  };
}

/** Prepared documents of the jobs, in order; unreadable files become warnings. */
export async function prepareAll(
  jobs: readonly PrepareJob[],
  request: Pick<ScanRequest, 'options' | 'threads' | 'cwd' | 'fileTimes'>,
  hooks: EngineHooks,
  warnings: Warning[],
): Promise<{ prepared: PreparedDocument[]; bytes: number; timings: Awaited<ReturnType<typeof prepareFiles>>['timings'] }> {
  const run = await prepareFiles(jobs, {
    options: request.options,
    threads: request.threads,
    contentHash: false,
    cwd: request.cwd,
    fileTimes: request.fileTimes ?? true,
    ...(hooks.clock ? { clock: hooks.clock } : {}),
  });
  const prepared: PreparedDocument[] = [];
  let bytes = 0;
  const progress = prepareProgress(jobs.length, hooks);
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
    progress(outcome);
  }
  return { prepared, bytes, timings: run.timings };
}

/**
 * The core's analysis of prepared documents, its rewrite stage on helper threads where it runs
 * and pays (engine/rewrite-pool.ts); the core's own warnings (an id given twice, a document
 * without text) then reach the hooks, after the engine's (`warnings`).
 */
export async function analyseOnThreads(
  prepared: readonly PreparedDocument[],
  options: ResolvedOptions,
  warnings: readonly Warning[],
  run: { wordOps: boolean; rewording: boolean; thoroughRewording?: boolean; threads: number; paragraphs: number; earlier: PrepareTimings; frequencies?: ScanFrequencies | null; agencies?: readonly string[] },
  hooks: EngineHooks,
): Promise<{ analysis: ScanAnalysis; timings: StageTimings }> {
  const clock = hooks.clock ?? (() => 0);
  const given = { ...(run.frequencies === undefined ? {} : { frequencies: run.frequencies }), ...(run.agencies === undefined ? {} : { agencies: run.agencies }) };
  const result = await withRewriteHelpers(run.rewording ? run.threads : 1, run.paragraphs, (helpers) =>
    analyse(prepared, options, warnings, { wordOps: run.wordOps, rewording: run.rewording, thoroughRewording: run.thoroughRewording === true, ...given, ...(helpers ? { helpers } : {}) }, clock, run.earlier),
  );
  for (const warning of result.analysis.warnings.slice(warnings.length)) hooks.warning?.(warning);
  return result;
}

export async function scanPaths(request: ScanRequest, hooks: EngineHooks = {}): Promise<ScanRun> {
  const clock = hooks.clock ?? (() => 0);
  const walkStart = clock();
  const warnings: Warning[] = [];
  const sources = await collectSources(request, (file) => file, (warning) => {
    warnings.push(warning);
    hooks.warning?.(warning);
  }, hooks.progress);
  const walkMs = clock() - walkStart;
  const rewording = request.rewording ?? true;
  const prepareStart = clock();
  const { prepared, bytes, timings } = await prepareAll(sources.jobs, request, hooks, warnings);
  const prepareMs = clock() - prepareStart;
  if (prepared.length === 0) throw nothingRead({ ...sources, warned: warnings.length > 0 });
  const paragraphs = prepared.reduce((sum, doc) => sum + doc.count, 0);
  hooks.progress?.({ stage: 'match', paragraphs });
  const { analysis, timings: stages } = await analyseOnThreads(prepared, request.options, warnings, { wordOps: request.wordOps, rewording, thoroughRewording: request.thoroughRewording === true, threads: request.threads, paragraphs, earlier: timings, ...(request.agencies ? { agencies: request.agencies } : {}) }, hooks);
  return { analysis, timings: stages, bytes, files: sources.files, jsonlSources: sources.jsonlSources, records: sources.records, walkMs, prepareMs };
}
