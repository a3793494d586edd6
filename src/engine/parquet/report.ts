/**
 * `dedupe report <dir>`: the scan's report from the Parquet files alone. The shards'
 * paragraphs become prepared documents again (their text, lines, tokens and shingles are all
 * in paragraphs.parquet), the verified pairs of `dedupe join` become the scan's edges
 * (pairs.ts), and the scan's own stages do the rest (core/scan/scanner.ts, `analyse` with
 * `verified`): clusters, groups, provenance, statuses and word diffs, so the report, its
 * formats and its exit codes are the scan's.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBDataChunk, DuckDBListVector, DuckDBVector } from '@duckdb/node-api';
import { DocumentBuilder } from '../../core/document.js';
import type { Corpus, Edges, Layout, Metadata, PreparedDocument } from '../../core/model.js';
import { analyse, type ScanAnalysis } from '../../core/scan/scanner.js';
import type { ResolvedOptions, StageTimings, Warning } from '../../core/types.js';
import { resolveOptions } from '../../core/options.js';
import type { EngineHooks } from '../scan.js';
import { Duck, fileList, kvMetadata, literal, parquetPath } from './duck.js';
import { withDamageNamed } from './join.js';
import { JOIN_FOLDER, KEY, PAIRS_FILE, parameterDifference, readRun, ShardError, type ReadCounts, type RunInfo } from './layout.js';
import { bigintToKey } from './numbers.js';
import { DocumentPager } from './paged.js';
import { edgesFromPairs, PairsMismatch, type JoinedPairs } from './pairs.js';
import type { IndexParameters } from '../../store/parameters.js';

export interface ReportRequest {
  dir: string;
  cwd: string;
  memoryLimit: string;
  threads: number;
  /** --max-matches. */
  maxMatches: number;
  /** Whether edited matches carry their word operations (--json, --ndjson, --diff). */
  wordOps: boolean;
  /** Whether the files' modification times stored at signing are evidence (DEDUPE_FILE_TIMES; default true). */
  fileTimes?: boolean;
  /** `--agency`: names read as agencies' credits besides the built-in ones (core/scan/provenance.ts). */
  agencies?: readonly string[];
}

export interface ReportRun {
  /** The report, made when read: its documents' text stays on disk until then (paged.ts). */
  analysis: ScanAnalysis;
  /** Lets go of the documents on disk: call once the report is written. */
  close(): void;
  /** Documents read back from disk while the report was made (so far). */
  pageReads(): number;
  timings: StageTimings;
  /** What the shards read, summed: for the summary line ("files" or "documents"). */
  read: ReadCounts;
  loadMs: number;
}

interface DocumentHead {
  id: string;
  layout: Layout;
  lineCount: number;
  paragraphs: number;
  metadata?: Metadata;
  modifiedAt?: number;
}

/** The integers of row `r` of a list column, as unsigned 32-bit values. */
function listAt(vector: DuckDBListVector, r: number): Uint32Array | null {
  if (vector.getItem(r) === null) return null;
  const child = vector.childVector;
  const offset = vector.getEntryOffset(r);
  const out = new Uint32Array(vector.getEntryLength(r));
  for (let k = 0; k < out.length; k++) out[k] = child.getItem(offset + k) as number;
  return out;
}

/** Every shard's documents, by document number. */
async function readHeads(duck: Duck, run: RunInfo, fileTimes: boolean): Promise<Map<bigint, DocumentHead>> {
  const heads = new Map<bigint, DocumentHead>();
  const sql = `SELECT doc, id, layout, line_count, paragraphs, metadata, modified_at FROM read_parquet(${fileList(run.shards.map((s) => s.files.documents))})`;
  await duck.stream(sql, (chunk) => {
    const column = (c: number): DuckDBVector => chunk.getColumnVector(c);
    for (let r = 0; r < chunk.rowCount; r++) {
      const head: DocumentHead = {
        id: column(1).getItem(r) as string,
        layout: column(2).getItem(r) as Layout,
        lineCount: column(3).getItem(r) as number,
        paragraphs: column(4).getItem(r) as number,
      };
      const metadata = column(5).getItem(r) as string | null;
      if (metadata !== null) head.metadata = JSON.parse(metadata) as Metadata;
      const modifiedAt = column(6).getItem(r) as number | null;
      // DEDUPE_FILE_TIMES=0 at report time too: the times stored at signing are then no evidence
      // (the setting was checked and then ignored; found by a new user).
      if (modifiedAt !== null && fileTimes) head.modifiedAt = modifiedAt;
      heads.set(column(0).getItem(r) as bigint, head);
    }
  });
  return heads;
}

function documentOf(head: DocumentHead, builder: DocumentBuilder): PreparedDocument {
  const doc = builder.finish({ id: head.id, layout: head.layout, lineCount: head.lineCount });
  if (head.metadata !== undefined) doc.metadata = head.metadata;
  if (head.modifiedAt !== undefined) doc.modifiedAt = head.modifiedAt;
  return doc;
}

/** Builds prepared documents from one shard's paragraphs, in the order written (document by document). */
class DocumentAssembler {
  readonly prepared: PreparedDocument[] = [];
  readonly built = new Set<bigint>();
  private current: bigint | null = null;
  private builder = new DocumentBuilder();
  private count = 0;

  constructor(
    private readonly heads: Map<bigint, DocumentHead>,
    private readonly file: string,
    private readonly pager: DocumentPager,
  ) {}

  private damaged(what: string): ShardError {
    return new ShardError(this.file, `${this.file}: ${what}; the shard is damaged: sign it again`);
  }

  /** Ends the document being built. */
  close(): void {
    if (this.current === null) return;
    const head = this.heads.get(this.current);
    if (!head) throw this.damaged('a paragraph names a document the shard does not list');
    if (head.paragraphs !== this.count) throw this.damaged(`${head.id} has ${this.count} paragraphs, not the ${head.paragraphs} listed`);
    this.prepared.push(this.pager.store(documentOf(head, this.builder)));
    this.built.add(this.current);
    this.current = null;
  }

  chunk(chunk: DuckDBDataChunk): void {
    const column = (c: number): DuckDBVector => chunk.getColumnVector(c);
    const tokens = column(9) as DuckDBListVector;
    const shingles = column(10) as DuckDBListVector;
    for (let r = 0; r < chunk.rowCount; r++) {
      const doc = column(0).getItem(r) as bigint;
      if (doc !== this.current) {
        this.close();
        this.current = doc;
        this.builder = new DocumentBuilder();
        this.count = 0;
      }
      const key = column(7).getItem(r) as bigint | null;
      this.builder.add({
        startLine: column(1).getItem(r) as number,
        endLine: column(2).getItem(r) as number,
        blankLinesBefore: column(3).getItem(r) as number,
        words: column(4).getItem(r) as number,
        chrome: column(5).getItem(r) as boolean,
        continues: column(11).getItem(r) as boolean,
        key: key === null ? null : bigintToKey(key),
        text: column(8).getItem(r) as string,
        tokens: listAt(tokens, r) ?? new Uint32Array(0),
        shingles: listAt(shingles, r),
        bandKeys: null,
        anchors: null,
      });
      this.count++;
    }
  }
}

async function readDocuments(duck: Duck, run: RunInfo, heads: Map<bigint, DocumentHead>, pager: DocumentPager, hooks: EngineHooks): Promise<PreparedDocument[]> {
  const prepared: PreparedDocument[] = [];
  const built = new Set<bigint>();
  for (const shard of run.shards) {
    hooks.progress?.({ stage: 'step', step: `report: reading shard ${shard.number} of ${shard.count}` });
    const assembler = new DocumentAssembler(heads, run.show(shard.files.paragraphs), pager);
    const sql = `SELECT doc, start_line, end_line, blank_before, words, chrome, idx, text_key, text, tokens, shingles, continues FROM read_parquet(${parquetPath(shard.files.paragraphs)})`;
    await duck.stream(sql, (chunk) => assembler.chunk(chunk));
    assembler.close();
    for (const doc of assembler.prepared) prepared.push(doc);
    for (const doc of assembler.built) built.add(doc);
  }
  // Documents without paragraphs (an empty file) have no rows in paragraphs.parquet.
  for (const [doc, head] of heads) {
    if (built.has(doc)) continue;
    if (head.paragraphs !== 0) throw new ShardError(run.given, `${run.given}: the shards list ${head.id} with ${head.paragraphs} paragraphs but hold none of them; sign it again`);
    prepared.push(pager.store(documentOf(head, new DocumentBuilder())));
  }
  return prepared;
}

/**
 * The warnings of every shard, in the scan's order. A place (stage, position, seq) is one
 * warning: the walk's and standard input's are stored by every shard, and kept once.
 */
async function readWarnings(duck: Duck, run: RunInfo): Promise<Warning[]> {
  const rows = await duck.rows(`SELECT stage, position, seq, shard, json FROM read_parquet(${fileList(run.shards.map((s) => s.files.warnings))}) ORDER BY stage, position, seq, shard`);
  const out: Warning[] = [];
  let last = '';
  for (const row of rows) {
    const place = `${row.stage} ${row.position} ${row.seq}`;
    if (place === last) continue;
    last = place;
    out.push(JSON.parse(String(row.json)) as Warning);
  }
  return out;
}

/** The join's pairs, after checking they were joined from these very shards. */
async function readPairs(duck: Duck, run: RunInfo): Promise<{ pairs: JoinedPairs; candidatePairs: number }> {
  const absolute = path.join(run.dir, JOIN_FOLDER, PAIRS_FILE);
  const file = run.show(absolute);
  let meta: Map<string, string>;
  try {
    meta = await kvMetadata(duck, absolute);
  } catch (error) {
    if (!existsSync(absolute)) throw new ShardError(file, `${file} is missing: run dedupe join ${run.given} first`);
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^[A-Za-z ]*Error: /, '').replace(/ '[^']*'$/, '');
    throw new ShardError(file, `${file}: not a readable Parquet file (${reason}); run dedupe join ${run.given} again`);
  }
  const tokens = JSON.stringify(run.shards.map((s) => s.token));
  if (meta.get(KEY.set) !== 'pairs' || meta.get(KEY.tokens) !== tokens) {
    throw new ShardError(file, `${file} was joined from other shards than ${run.given} holds now; run dedupe join ${run.given} again`);
  }
  const signed = JSON.parse(meta.get(KEY.signing) ?? '{}') as IndexParameters;
  if (parameterDifference(signed, run.signing)) throw new ShardError(file, `${file} was joined with other parameters than the shards'; run dedupe join ${run.given} again`);
  const pairs: JoinedPairs = { aKey: [], bKey: [], aSize: [], bSize: [], common: [] };
  await duck.stream(`SELECT a_key, b_key, a_size, b_size, common FROM read_parquet(${parquetPath(absolute)})`, (chunk) => {
    const column = (c: number): DuckDBVector => chunk.getColumnVector(c);
    for (let r = 0; r < chunk.rowCount; r++) {
      pairs.aKey.push(column(0).getItem(r) as bigint);
      pairs.bKey.push(column(1).getItem(r) as bigint);
      pairs.aSize.push(Number(column(2).getItem(r)));
      pairs.bSize.push(Number(column(3).getItem(r)));
      pairs.common.push(Number(column(4).getItem(r)));
    }
  });
  return { pairs, candidatePairs: Number(meta.get(KEY.candidatePairs) ?? 0) };
}

/** The shards' signing parameters as the scan's options, with the report's own --max-matches. */
export function optionsOf(signing: IndexParameters, maxMatches: number): ResolvedOptions {
  const { segment, minWords, shingleSize, numHashes, seed, threshold, containment } = signing;
  return resolveOptions({ segment, minWords, shingleSize, numHashes, seed, threshold, containment, maxMatches });
}

function sumRead(run: RunInfo): ReadCounts {
  const total: ReadCounts = { files: 0, jsonlSources: 0, records: 0, bytes: 0 };
  for (const { read } of run.shards) for (const key of Object.keys(total) as Array<keyof ReadCounts>) total[key] += read[key];
  return total;
}

export async function reportShards(request: ReportRequest, hooks: EngineHooks = {}): Promise<ReportRun> {
  const clock = hooks.clock ?? (() => 0);
  const started = clock();
  const duck = await Duck.open({ memoryLimit: request.memoryLimit, threads: request.threads, tempDirectory: path.join(os.tmpdir(), `dedupe-report-${process.pid}`) });
  const pager = new DocumentPager();
  try {
    return await reportFrom(duck, pager, request, hooks, started);
  } catch (error) {
    pager.close();
    throw error;
  }
}

async function reportFrom(duck: Duck, pager: DocumentPager, request: ReportRequest, hooks: EngineHooks, started: number): Promise<ReportRun> {
  const clock = hooks.clock ?? (() => 0);
  const dir = path.resolve(request.cwd, request.dir);
  let loaded: { run: RunInfo; prepared: PreparedDocument[]; warnings: Warning[]; pairs: JoinedPairs; candidatePairs: number };
  try {
    // Read in the order written: the paragraphs of a document come one after the other.
    await duck.run('SET preserve_insertion_order = true');
    const run = await readRun(duck, dir, request.dir);
    const { pairs, candidatePairs } = await readPairs(duck, run);
    loaded = await withDamageNamed(duck, run, async () => {
      const heads = await readHeads(duck, run, request.fileTimes ?? true);
      return { run, prepared: await readDocuments(duck, run, heads, pager, hooks), warnings: await readWarnings(duck, run), pairs, candidatePairs };
    });
  } finally {
    duck.close();
  }
  const loadMs = clock() - started;
  const options = optionsOf(loaded.run.signing, request.maxMatches);
  if (loaded.prepared.length === 0) throw new ShardError(request.dir, `${request.dir}: the shards hold no documents (nothing could be read when signing); see the warnings of dedupe sign`);
  hooks.progress?.({ stage: 'match', paragraphs: loaded.prepared.reduce((sum, doc) => sum + doc.count, 0) });
  const pairsFile = loaded.run.show(path.join(loaded.run.dir, JOIN_FOLDER, PAIRS_FILE));
  const verified = (corpus: Corpus): { edges: Edges; candidatePairs: number } => {
    try {
      return { edges: edgesFromPairs(corpus, loaded.pairs, options), candidatePairs: loaded.candidatePairs };
    } catch (error) {
      if (!(error instanceof PairsMismatch)) throw error;
      throw new ShardError(pairsFile, `${pairsFile} does not fit the shards (${error.message}); run dedupe join ${request.dir} again`);
    }
  };
  // No helper threads here: `report` keeps every step of a billion-paragraph plan under 4 GB,
  // and a helper's heap and the data it is sent cost about 700 MB at 1 GB (README, Speed).
  const { analysis, timings } = await analyse(loaded.prepared, options, loaded.warnings, { wordOps: request.wordOps, verified, ...(request.agencies ? { agencies: request.agencies } : {}) }, clock);
  return { analysis, timings, read: sumRead(loaded.run), loadMs, close: () => pager.close(), pageReads: () => pager.reads };
}
