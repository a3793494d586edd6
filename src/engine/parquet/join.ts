/**
 * `dedupe join <dir>`: the band join and the exact verification over the signed shards, in
 * DuckDB (embedded), out of core: DuckDB keeps within --memory-limit and spills the rest to a
 * hidden folder in <dir>. The statements are the files in sql/ (sql.ts), run in order:
 *
 *   doc_order      documents in the scan's order
 *   variants       identical texts collapsed; comparable variants numbered as the scan does
 *   band_pairs     run once per LSH band over that band's files, a window over large buckets
 *   anchors        the containment anchors each variant needs found
 *   anchor_hits    where they are found
 *   anchor_pairs   pairs of a variant and a variant holding its anchors
 *   candidates     both channels, each pair once
 *   verify_pairs   the candidates to measure (not two variants of one document only)
 *   pair_shingles  each with its first variant's shingles
 *   verified       shared shingles counted; Jaccard and containment, the scan's rule
 *
 *   components_large_star, components_small_star, components
 *                  connected components of the verified pairs (Kiveris et al. 2014)
 *
 * The verified pairs go to <dir>/join/pairs.parquet, with the candidate count and the tokens of
 * the shards joined in its metadata, and their components (the report's paragraph clusters,
 * as variants) to <dir>/join/components.parquet; the folder is written under a hidden name and
 * swapped in whole, so a report never reads half a join.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ANCHOR_MAX_PARAGRAPHS, SMALLER_SHARE_TENTHS } from '../../core/matching/anchors.js';
import { BUCKET_WINDOW } from '../../core/matching/lsh.js';
import type { EngineHooks } from '../scan.js';
import { copyToParquet, Duck, DuckMemoryError, fileList } from './duck.js';
import { bandOf, COMPONENTS_FILE, damagedFile, FORMAT_VERSION, JOIN_FOLDER, KEY, PAIRS_FILE, readRun, running, ShardError, unreadable, type RunInfo } from './layout.js';
import { statement, type SqlName } from './sql.js';

export interface JoinRequest {
  dir: string;
  cwd: string;
  /** DuckDB's memory limit ("2GB"). */
  memoryLimit: string;
  threads: number;
  version: string;
}

export interface StepFigure {
  step: string;
  ms: number;
  /** Rows the step produced. */
  rows: number;
}

export interface JoinResult {
  /** The pairs file, as given (relative when <dir> was). */
  file: string;
  shards: number;
  documents: number;
  /** Paragraphs as the scan counts them (a long paragraph's later pieces not counted), and the rows of the paragraphs sets. */
  paragraphs: number;
  pieces: number;
  /** Comparable variants (distinct texts long enough to compare). */
  variants: number;
  /** Rows read per band (every shard's band file of that band), and the pairs each band proposed. */
  bandRows: number[];
  bandPairs: number[];
  anchorPairs: number;
  candidatePairs: number;
  verifiedPairs: number;
  /** Rounds of large-star and small-star to the connected components. */
  componentRounds: number;
  steps: StepFigure[];
}

/** The views every statement reads: the shards' sets. */
async function defineInputs(duck: Duck, run: RunInfo): Promise<void> {
  const files = (set: 'documents' | 'paragraphs' | 'shingles'): string => fileList(run.shards.map((s) => s.files[set]));
  await duck.run(`CREATE VIEW documents AS SELECT * FROM read_parquet(${files('documents')})`);
  await duck.run(`CREATE VIEW paragraphs AS SELECT * FROM read_parquet(${files('paragraphs')})`);
  await duck.run(`CREATE VIEW shingles AS SELECT * FROM read_parquet(${files('shingles')})`);
}

/** Two shards holding the same document id: ids must be unique, as in a scan (exit 2). */
async function checkUniqueIds(duck: Duck, run: RunInfo): Promise<void> {
  const rows = await duck.rows('SELECT id, list(shard ORDER BY shard) AS shards FROM documents GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1');
  const row = rows[0];
  if (!row) return;
  const shards = String(row.shards).replace(/[[\]]/g, '');
  throw new ShardError(run.given, `${run.given}: the id ${JSON.stringify(String(row.id))} is in more than one shard (shards numbered from 0: ${shards}); ids must be unique`);
}

/** Every band's files, by band number. */
function filesByBand(run: RunInfo): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const shard of run.shards) {
    for (const file of shard.files.bands) {
      const band = bandOf(file);
      out.set(band, [...(out.get(band) ?? []), file]);
    }
  }
  return out;
}

class StepRunner {
  readonly steps: StepFigure[] = [];

  constructor(
    private readonly duck: Duck,
    private readonly parameters: Readonly<Record<string, number>>,
    private readonly hooks: EngineHooks,
  ) {}

  private now(): number {
    return (this.hooks.clock ?? (() => 0))();
  }

  /** The statement of sql/<name>.sql with the join's parameters. */
  sql(name: SqlName): string {
    return statement(name, this.parameters);
  }

  /** Large-star and small-star rounds to the components, into a temporary table `components`. */
  async components(): Promise<{ rows: number; rounds: number }> {
    this.hooks.progress?.({ stage: 'step', step: 'join: connected components' });
    const started = this.now();
    const rounds = await components(this.duck, (name) => this.sql(name));
    await this.duck.run(`CREATE TEMP TABLE components AS ${this.sql('components')}`);
    const rows = await this.duck.number('SELECT count(*) FROM components');
    this.steps.push({ step: `components (${rounds} rounds)`, ms: this.now() - started, rows });
    return { rows, rounds };
  }

  /** Runs sql/<name>.sql into a temporary table of that name; returns its rows. */
  async table(name: SqlName): Promise<number> {
    this.hooks.progress?.({ stage: 'step', step: `join: ${name.replace('_', ' ')}` });
    const started = this.now();
    await this.duck.run(`CREATE TEMP TABLE ${name} AS ${statement(name, this.parameters)}`);
    const rows = await this.duck.number(`SELECT count(*) FROM ${name}`);
    this.steps.push({ step: name, ms: this.now() - started, rows });
    return rows;
  }

  /** Runs sql/band_pairs.sql once per band, over that band's files, into band_pairs. */
  async bands(byBand: Map<number, string[]>, bands: number): Promise<{ rows: number[]; pairs: number[] }> {
    await this.duck.run('CREATE TEMP TABLE band_pairs (a BIGINT, b BIGINT)');
    const rows: number[] = [];
    const pairs: number[] = [];
    const sql = statement('band_pairs', this.parameters);
    const started = this.now();
    for (let band = 0; band < bands; band++) {
      this.hooks.progress?.({ stage: 'step', step: `join: band ${band + 1} of ${bands}` });
      const files = byBand.get(band) ?? [];
      rows.push(files.length === 0 ? 0 : await this.duck.number(`SELECT count(*) FROM read_parquet(${fileList(files)})`));
      if (files.length === 0) {
        pairs.push(0);
        continue;
      }
      await this.duck.run(`CREATE OR REPLACE TEMP VIEW band_rows AS SELECT * FROM read_parquet(${fileList(files)})`);
      const before = await this.duck.number('SELECT count(*) FROM band_pairs');
      await this.duck.run(`INSERT INTO band_pairs ${sql}`);
      pairs.push((await this.duck.number('SELECT count(*) FROM band_pairs')) - before);
    }
    this.steps.push({ step: 'band_pairs', ms: this.now() - started, rows: pairs.reduce((a, b) => a + b, 0) });
    return { rows, pairs };
  }
}

/** Large-star and small-star rounds before the join gives up (they take O(log n); 60 is far past any real graph). */
export const MAX_COMPONENT_ROUNDS = 60;

/**
 * Connected components of the verified pairs (sql/components_*.sql): a round of large-star
 * then small-star, until a round leaves the edges as they were. Returns the rounds taken.
 */
export async function components(duck: Duck, sql: (name: SqlName) => string): Promise<number> {
  await duck.run('CREATE TEMP TABLE cc_edges AS SELECT DISTINCT greatest(a, b) AS a, least(a, b) AS b FROM verified');
  for (let round = 1; round <= MAX_COMPONENT_ROUNDS; round++) {
    await duck.run('CREATE OR REPLACE TEMP TABLE cc_before AS SELECT a, b FROM cc_edges');
    for (const name of ['components_large_star', 'components_small_star'] as const) {
      await duck.run(`CREATE OR REPLACE TEMP TABLE cc_next AS ${sql(name)}`);
      await duck.run('DROP TABLE cc_edges');
      await duck.run('ALTER TABLE cc_next RENAME TO cc_edges');
    }
    const changed = await duck.number(
      'SELECT count(*) FROM ((SELECT a, b FROM cc_edges EXCEPT SELECT a, b FROM cc_before) UNION ALL (SELECT a, b FROM cc_before EXCEPT SELECT a, b FROM cc_edges))',
    );
    if (changed === 0) return round;
  }
  throw new Error(`connected components did not settle in ${MAX_COMPONENT_ROUNDS} rounds`);
}

/** Every Parquet file of the run, for finding a damaged one. */
export function runFiles(run: RunInfo): string[] {
  return run.shards.flatMap((s) => [s.files.documents, s.files.paragraphs, s.files.shingles, s.files.warnings, ...s.files.bands]);
}

/**
 * Runs `work`; when DuckDB fails on a damaged file (whose error names no file), finds the file
 * and says which it is, in one line.
 */
export async function withDamageNamed<T>(duck: Duck, run: RunInfo, work: () => Promise<T>, extra: readonly string[] = []): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ShardError || error instanceof DuckMemoryError) throw error;
    const damaged = await damagedFile(duck, [...runFiles(run), ...extra]);
    if (!damaged) throw error;
    const shard = run.shards.find((s) => damaged.file.startsWith(s.folder));
    throw unreadable(run.show(damaged.file), damaged.reason, shard ? `shard ${shard.number}/${shard.count}` : 'the folder');
  }
}

/**
 * An earlier join's folder holds the join's files only: anything else there (a report page, a
 * note) would be deleted with it, and a plain file of that name replaced (found by a new user).
 */
function checkJoinFolder(target: string, shown: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new ShardError(shown, `${shown} is a file, not a join's folder: move it away, since dedupe join writes its folder there`);
  const others = readdirSync(target).filter((name) => name !== PAIRS_FILE && name !== COMPONENTS_FILE);
  if (others.length > 0) {
    throw new ShardError(shown, `${shown} holds files dedupe join did not write (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}): move them out, since a join replaces the folder`);
  }
}

/** Moves the finished join folder into place, replacing an earlier join of the folder. */
function swapIn(partial: string, target: string): void {
  const old = `${partial}.old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(partial, target);
  rmSync(old, { recursive: true, force: true });
}

/** Removes what killed joins left (their hidden folders, with DuckDB's spill files). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const match = new RegExp(`^\\.${JOIN_FOLDER}\\.partial-(\\d+)$`).exec(name);
    if (!match || Number(match[1]) === process.pid || running(Number(match[1]))) continue;
    // Best effort, as sign's (layout.ts, removeSignLeftovers): another user's leftover stays.
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // Left for its owner.
    }
  }
}

export async function joinShards(request: JoinRequest, hooks: EngineHooks = {}): Promise<JoinResult> {
  const dir = path.resolve(request.cwd, request.dir);
  const partial = path.join(dir, `.${JOIN_FOLDER}.partial-${process.pid}`);
  let duck: Duck | null = null;
  try {
    if (existsSync(dir) && statSync(dir).isDirectory()) {
      checkJoinFolder(path.join(dir, JOIN_FOLDER), path.join(request.dir, JOIN_FOLDER));
      removeLeftovers(dir);
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(path.join(partial, 'spill'), { recursive: true });
    }
    duck = await Duck.open({ memoryLimit: request.memoryLimit, threads: request.threads, tempDirectory: path.join(partial, 'spill') });
    const run = await readRun(duck, dir, request.dir);
    // Reading the shards' files at all can meet a damaged one: named as the steps name it (it was an internal error; found by a new user).
    const result = await withDamageNamed(duck, run, async () => {
      await defineInputs(duck!, run);
      await checkUniqueIds(duck!, run);
      return runSteps(duck!, run, hooks, path.join(partial, PAIRS_FILE), request.version);
    });
    duck.close();
    duck = null;
    rmSync(path.join(partial, 'spill'), { recursive: true, force: true });
    swapIn(partial, path.join(dir, JOIN_FOLDER));
    return { ...result, file: path.join(request.dir, JOIN_FOLDER, PAIRS_FILE) };
  } catch (error) {
    duck?.close();
    // The error is what went wrong; cleaning up after it must not hide it (`join` of a file said
    // "internal error: ENOTDIR ... unlink"; found by a new user).
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // Nothing was made there.
    }
    throw error;
  }
}

async function runSteps(duck: Duck, run: RunInfo, hooks: EngineHooks, target: string, version: string): Promise<Omit<JoinResult, 'file'>> {
  const { signing } = run;
  const parameters = {
    bucket_window: BUCKET_WINDOW,
    anchor_max_paragraphs: ANCHOR_MAX_PARAGRAPHS,
    smaller_share_tenths: SMALLER_SHARE_TENTHS,
    threshold: signing.threshold,
    containment: signing.containment,
  };
  const steps = new StepRunner(duck, parameters, hooks);
  await steps.table('doc_order');
  const variants = await steps.table('variants');
  const bands = await steps.bands(filesByBand(run), signing.bands);
  await steps.table('anchors');
  await steps.table('anchor_hits');
  const anchorPairs = await steps.table('anchor_pairs');
  const candidatePairs = await steps.table('candidates');
  await steps.table('verify_pairs');
  await steps.table('pair_shingles');
  const verifiedPairs = await steps.table('verified');
  const metadata = new Map([
    [KEY.format, String(FORMAT_VERSION)],
    [KEY.set, 'pairs'],
    [KEY.signing, JSON.stringify(signing)],
    [KEY.tokens, JSON.stringify(run.shards.map((s) => s.token))],
    [KEY.candidatePairs, String(candidatePairs)],
    [KEY.version, version],
  ]);
  const { rounds } = await steps.components();
  hooks.progress?.({ stage: 'step', step: 'join: writing the pairs' });
  await duck.run(copyToParquet('SELECT a, b, a_key, b_key, a_size, b_size, common FROM verified ORDER BY a, b', target, metadata));
  const componentsFile = path.join(path.dirname(target), COMPONENTS_FILE);
  const componentsQuery = 'SELECT c.item, c.component, v.text_key FROM components c JOIN variants v ON v.item = c.item ORDER BY c.component, c.item';
  await duck.run(copyToParquet(componentsQuery, componentsFile, new Map([...metadata, [KEY.set, 'components']])));
  const documents = await duck.number('SELECT count(*) FROM documents');
  const paragraphs = await duck.number('SELECT count(*) FROM paragraphs WHERE NOT continues');
  const pieces = await duck.number('SELECT count(*) FROM paragraphs');
  return { shards: run.shards.length, documents, paragraphs, pieces, variants, bandRows: bands.rows, bandPairs: bands.pairs, anchorPairs, candidatePairs, verifiedPairs, componentRounds: rounds, steps: steps.steps };
}

