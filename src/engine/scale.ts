/**
 * The steps of a scan beyond one machine (`sign`, `join`, `report`: engine/parquet/), loaded
 * when first called. They run on DuckDB, whose native module takes about 0.1 s to load: every
 * other command, `dedupe --version` included, would pay for it on every run if it were
 * imported with the rest of the engine.
 */
import type { JoinRequest, JoinResult } from './parquet/join.js';
import type { ReportRequest, ReportRun } from './parquet/report.js';
import type { SignRequest, SignResult } from './parquet/sign.js';
import type { EngineHooks } from './scan.js';

export type { JoinRequest, JoinResult, StepFigure } from './parquet/join.js';
export type { ReportRequest, ReportRun } from './parquet/report.js';
export type { SignRequest, SignResult } from './parquet/sign.js';
export { DEFAULT_MEMORY_LIMIT } from './parquet/memory.js';

/** Signs a shard of the walk into Parquet files (engine/parquet/sign.ts). */
export async function signShard(request: SignRequest, hooks: EngineHooks = {}): Promise<SignResult> {
  return (await import('./parquet/sign.js')).signShard(request, hooks);
}

/** Joins the signed shards: candidate pairs verified in SQL (engine/parquet/join.ts). */
export async function joinShards(request: JoinRequest, hooks: EngineHooks = {}): Promise<JoinResult> {
  return (await import('./parquet/join.js')).joinShards(request, hooks);
}

/** Reads a joined run back into a report (engine/parquet/report.ts). */
export async function reportShards(request: ReportRequest, hooks: EngineHooks = {}): Promise<ReportRun> {
  return (await import('./parquet/report.js')).reportShards(request, hooks);
}
