/**
 * The folder `dedupe sign --out <dir>` writes and `join` and `report` read, and the checks that
 * everything in it belongs to one run.
 *
 *   <dir>/shard-00001-of-00003/          one folder per shard, written whole or not at all
 *     documents.parquet                  one row per article (its id, layout, counts, metadata, file time)
 *     paragraphs.parquet                 one row per paragraph: text, lines, tokens, shingles
 *     shingles.parquet                   (text_key, shingle) per distinct comparable text
 *     bands/band=<b>/part<k>.parquet     (band, band_key, text_key): one folder per LSH band
 *     warnings.parquet                   what the walk and the reads said
 *   <dir>/join/pairs.parquet             the verified pairs (dedupe join)
 *   <dir>/join/components.parquet        their connected components: (item, component, text_key)
 *
 * A shard is written under a hidden name (.shard-...partial-<host>-<pid>) and renamed when complete,
 * so a killed `sign` leaves nothing a join reads. Every Parquet file carries the run's
 * parameters in its key-value metadata (`dedupe.*` keys): the format version, the set, the
 * shard and shard count, the signing parameters and a token naming the `sign` run that wrote
 * it. `join` records the tokens it read; `report` refuses pairs joined from other shards.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { IndexParameters } from '../../store/parameters.js';
import { PARAMETER_FLAGS } from '../../store/parameters.js';
import { InputError } from '../../input/errors.js';
import { kvMetadata, literal, parquetPath, type Duck } from './duck.js';

/**
 * Bumped when the columns, the layout or what is signed change: a join refuses shards of
 * another version. 4: HTML character references are decoded before signing (text/entities.ts);
 * a shard signed earlier holds the references in its tokens and would pair as "edited" with a
 * shard signed since.
 */
export const FORMAT_VERSION = 4;
export const SETS = ['documents', 'paragraphs', 'shingles', 'warnings'] as const;
export type SetName = (typeof SETS)[number] | 'bands';
export const JOIN_FOLDER = 'join';
export const PAIRS_FILE = 'pairs.parquet';
export const COMPONENTS_FILE = 'components.parquet';

export const KEY = {
  format: 'dedupe.format',
  set: 'dedupe.set',
  shard: 'dedupe.shard',
  shards: 'dedupe.shards',
  signing: 'dedupe.signing',
  token: 'dedupe.token',
  version: 'dedupe.version',
  /** On documents.parquet: how the shard was read, for the report's summary line. */
  read: 'dedupe.read',
  /** What the walk found before sharding (sources.ts, Sources.listing): the same in every shard of one run. */
  listing: 'dedupe.listing',
  /** On pairs.parquet: the shards' tokens in order, and the candidate pairs counted. */
  tokens: 'dedupe.tokens',
  candidatePairs: 'dedupe.candidate_pairs',
} as const;

/** A problem with the Parquet folder or one of its files: one line naming the file, exit 2. */
export class ShardError extends InputError {
  constructor(
    readonly file: string,
    message: string,
    /** The file was written in another Parquet format (FORMAT_VERSION): this one, else undefined. */
    readonly otherFormat?: string,
  ) {
    super(message);
    this.name = 'ShardError';
  }
}

const pad = (n: number): string => String(n).padStart(5, '0');

/** The folder of shard `number` (1-based) of `count`. */
export function shardFolder(number: number, count: number): string {
  return `shard-${pad(number)}-of-${pad(count)}`;
}

const SHARD_PATTERN = /^shard-(\d{5})-of-(\d{5})$/;

/** The hidden name a shard is written under until it is complete. */
/**
 * The hidden folder a shard is written in: named by this machine and process, so that a later
 * sign here can tell a killed run's leftover (removeSignLeftovers) from a run still writing,
 * here or on another machine signing into the same shared folder.
 */
export function partialFolder(number: number, count: number, pid: number, host = machineName()): string {
  return `.${shardFolder(number, count)}.partial-${host}-${pid}`;
}

/** This machine's name as a folder name takes it. */
function machineName(): string {
  return os.hostname().replace(/[^A-Za-z0-9_.-]/g, '_') || 'host';
}

/** Whether a process of this id runs (a step's partial folder of a dead one is a leftover). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the partial shard folders of `sign` runs on this machine that were killed (Ctrl-C,
 * SIGKILL), as `join` removes its own: they are larger than a finished shard, and piled up unsaid
 * with each retry (found by a new user). A running sign's folder, and another machine's, are left
 * alone.
 */
export function removeSignLeftovers(out: string): void {
  const prefix = `.partial-${machineName()}-`;
  for (const name of readdirSync(out)) {
    if (!/^\.shard-\d{5}-of-\d{5}\./.test(name)) continue;
    const at = name.indexOf(prefix);
    const pid = at < 0 ? NaN : Number(name.slice(at + prefix.length));
    if (!Number.isInteger(pid) || pid === process.pid || running(pid)) continue;
    // Best effort: a leftover this user may not remove (another user's, in a shared folder) is
    // left as it was, not a failed sign (review).
    try {
      rmSync(path.join(out, name), { recursive: true, force: true });
    } catch {
      // Left for its owner.
    }
  }
}

/** What `sign` read, stored with the shard so that `report` can say the same summary line. */
export interface ReadCounts {
  files: number;
  jsonlSources: number;
  records: number;
  bytes: number;
}

export interface ShardInfo {
  /** 1-based. */
  number: number;
  count: number;
  folder: string;
  token: string;
  signing: IndexParameters;
  read: ReadCounts;
  /** Sources.listing of the walk that signed it; null for a shard written before it was recorded. */
  listing: string | null;
  files: { [set in (typeof SETS)[number]]: string } & { bands: string[] };
}

export interface RunInfo {
  /** The folder: absolute, and as the user gave it (for messages, with `show`). */
  dir: string;
  given: string;
  show: Show;
  shards: ShardInfo[];
  signing: IndexParameters;
}

/** The shard folders present in `dir` (complete ones only), by number. */
export function shardFolders(dir: string): Array<{ number: number; count: number; folder: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const match = SHARD_PATTERN.exec(name);
      return match ? [{ number: Number(match[1]), count: Number(match[2]), folder: path.join(dir, name) }] : [];
    })
    .sort((a, b) => a.number - b.number || a.count - b.count);
}

/** The Parquet files of the band partitions (band=<b>/*.parquet), in band order. */
function bandFiles(folder: string): string[] {
  const bands = path.join(folder, 'bands');
  if (!existsSync(bands)) return [];
  return readdirSync(bands)
    .flatMap((name) => {
      const match = /^band=(\d+)$/.exec(name);
      if (!match) return [];
      const inner = path.join(bands, name);
      return readdirSync(inner)
        .filter((file) => file.endsWith('.parquet'))
        .sort()
        .map((file) => ({ band: Number(match[1]), file: path.join(inner, file) }));
    })
    .sort((a, b) => a.band - b.band || (a.file < b.file ? -1 : 1))
    .map((entry) => entry.file);
}

/** The band a band file belongs to (from its folder name). */
export function bandOf(file: string): number {
  return Number(/band=(\d+)/.exec(path.basename(path.dirname(file)))?.[1] ?? -1);
}

function describeParameters(p: IndexParameters): Map<string, string> {
  return new Map(PARAMETER_FLAGS.map(([key, flag]) => [flag, String(p[key])]));
}

/** "--shingle-size 4" against "--shingle-size 3": the first parameter two runs disagree on. */
export function parameterDifference(a: IndexParameters, b: IndexParameters): string | null {
  const left = describeParameters(a);
  for (const [flag, value] of describeParameters(b)) {
    if (left.get(flag) !== value) return `${flag} ${left.get(flag)} against ${flag} ${value}`;
  }
  return null;
}

/** How files are named in messages: as the user gave the folder (absolute paths are what DuckDB reads). */
export type Show = (file: string) => string;

/** Names files under `dir` (absolute) as under `given` (as the user wrote it). */
export function showUnder(dir: string, given: string): Show {
  return (file) => {
    const relative = path.relative(dir, file);
    return relative === '' ? given : path.join(given, relative);
  };
}

/** A damaged or foreign file: what it is, in one line. */
export function unreadable(file: string, reason: string, shard: string): ShardError {
  // DuckDB's message names the file again, in quotes: once is enough.
  const short = reason.replace(/\s+/g, ' ').replace(/^[A-Za-z ]*Error: /, '').replace(/ ?'[^']*'/g, '');
  return new ShardError(file, `${file}: not a readable dedupe Parquet file (${short}); it may be truncated or damaged: sign ${shard} again`);
}

/**
 * The first of `files` that cannot be read to its end, or null. A file damaged inside fails
 * only when its damaged pages are read, with an error that names no file: this finds it.
 */
export async function damagedFile(duck: Duck, files: readonly string[]): Promise<{ file: string; reason: string } | null> {
  for (const file of files) {
    try {
      await duck.stream(`SELECT * FROM read_parquet(${parquetPath(file)})`, () => {});
    } catch (error) {
      return { file, reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return null;
}

/** Reads one file's metadata and checks it belongs to the shard it is in. */
async function checkedMetadata(duck: Duck, absolute: string, set: SetName, shard: { number: number; count: number; name: string }, show: Show): Promise<Map<string, string>> {
  const file = show(absolute);
  let meta: Map<string, string>;
  try {
    meta = await kvMetadata(duck, absolute);
  } catch (error) {
    throw unreadable(file, error instanceof Error ? error.message : String(error), shard.name);
  }
  const format = meta.get(KEY.format);
  if (format === undefined) throw new ShardError(file, `${file}: not written by dedupe sign (no dedupe metadata); remove it or sign ${shard.name} again`);
  if (Number(format) !== FORMAT_VERSION) {
    throw new ShardError(file, `${file}: written in dedupe's Parquet format ${format}, this dedupe reads format ${FORMAT_VERSION}; sign ${shard.name} again with this version`, format);
  }
  if (meta.get(KEY.set) !== set || meta.get(KEY.shard) !== String(shard.number) || meta.get(KEY.shards) !== String(shard.count)) {
    throw new ShardError(file, `${file}: holds ${meta.get(KEY.set)} of shard ${meta.get(KEY.shard)}/${meta.get(KEY.shards)}, not ${set} of ${shard.name}; it was moved or renamed: sign ${shard.name} again`);
  }
  return meta;
}

function parsedJson<T>(file: string, raw: string | undefined, what: string): T {
  try {
    if (raw === undefined) throw new Error('missing');
    return JSON.parse(raw) as T;
  } catch {
    throw new ShardError(file, `${file}: its ${what} metadata is missing or damaged; sign the shard again`);
  }
}

/** Reads and checks one shard folder: every set present and readable, all written by one `sign` run. */
export async function readShard(duck: Duck, entry: { number: number; count: number; folder: string }, show: Show): Promise<ShardInfo> {
  const name = `shard ${entry.number}/${entry.count}`;
  const shard = { number: entry.number, count: entry.count, name };
  const files = {} as ShardInfo['files'];
  let first: Map<string, string> | null = null;
  const otherRun = (file: string): ShardError =>
    new ShardError(show(file), `${show(file)} was written by another dedupe sign run than the rest of ${show(entry.folder)}; sign ${name} again`);
  for (const set of SETS) {
    const file = path.join(entry.folder, `${set}.parquet`);
    if (!existsSync(file)) throw new ShardError(show(file), `${show(file)} is missing: the shard is incomplete; sign ${name} again`);
    const meta = await checkedMetadata(duck, file, set, shard, show);
    if (first && meta.get(KEY.token) !== first.get(KEY.token)) throw otherRun(file);
    first ??= meta;
    files[set] = file;
  }
  files.bands = bandFiles(entry.folder);
  for (const file of files.bands) {
    const meta = await checkedMetadata(duck, file, 'bands', shard, show);
    if (meta.get(KEY.token) !== first!.get(KEY.token)) throw otherRun(file);
  }
  const documents = show(files.documents);
  const signing = parsedJson<IndexParameters>(documents, first!.get(KEY.signing), 'signing parameters');
  await checkBands(duck, files, signing.bands, entry.folder, name, show);
  const read = parsedJson<ReadCounts>(documents, first!.get(KEY.read), 'read counts');
  return { number: entry.number, count: entry.count, folder: entry.folder, token: first!.get(KEY.token) ?? '', signing, read, listing: first!.get(KEY.listing) ?? null, files };
}

/**
 * A shard that signed any text has band keys in every band (each signed text has a key in
 * each): a band folder missing is a shard copied or cleaned in part, and joining without it
 * found a share of the pairs without a word (found by a new user).
 */
async function checkBands(duck: Duck, files: ShardInfo['files'], bands: number, folder: string, name: string, show: Show): Promise<void> {
  const [signed] = await duck.rows(`SELECT count(*) > 0 AS any FROM (SELECT 1 FROM read_parquet(${parquetPath(files.shingles)}) LIMIT 1)`);
  if (signed?.['any'] !== true) return;
  const present = new Set(files.bands.map((file) => Number(/band=(\d+)/.exec(file)?.[1] ?? -1)));
  for (let band = 0; band < bands; band++) {
    if (present.has(band)) continue;
    const missing = path.join(folder, 'bands', `band=${band}`);
    throw new ShardError(show(missing), `${show(missing)} is missing: the shard is incomplete; sign ${name} again`);
  }
}

/**
 * Reads and checks the shards in `dir` (absolute; `given` as the user wrote it): at least one,
 * all of the same count, parameters and listing of files, none missing.
 */
export async function readRun(duck: Duck, dir: string, given: string): Promise<RunInfo> {
  const show = showUnder(dir, given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ShardError(given, `${given}: no such folder; write it first with dedupe sign <paths...> --out ${given}`);
  const entries = shardFolders(dir);
  if (entries.length === 0) {
    // A folder of articles given to join or report (found by a new user): signing into it would
    // mix Parquet files with the articles; say how to scan it, or sign it elsewhere.
    const articles = readdirSync(dir).some((name) => /\.(txt|jsonl|ndjson)$/i.test(name));
    const fix = articles
      ? `it holds articles: scan them with dedupe ${given}, or sign them into a folder of their own with dedupe sign ${given} --out ${given.replace(/[\\/]+$/, '')}-signed`
      : `write them with dedupe sign <paths...> --out ${given}`;
    throw new ShardError(given, `${given} holds no signed shards (shard-NNNNN-of-NNNNN folders); ${fix}`);
  }
  const shards: ShardInfo[] = [];
  for (const entry of entries) {
    const shard = await readShard(duck, entry, show);
    const base = shards[0];
    if (base && shard.count !== base.count) {
      throw new ShardError(show(shard.folder), `${show(shard.folder)} is one of ${shard.count} shards, but ${show(base.folder)} one of ${base.count}: these are two runs; keep one of them in ${given}`);
    }
    const difference = base ? parameterDifference(shard.signing, base.signing) : null;
    if (base && difference) {
      const [file, against] = [show(shard.files.documents), show(base.files.documents)];
      throw new ShardError(file, `${file} was signed with other parameters than ${against} (${difference}); sign every shard with the same options`);
    }
    // Each machine keeps the files of its shard out of the same listing: a shard signed from
    // other paths (or other files under them) would leave files in no shard or in two.
    if (base && shard.listing !== null && base.listing !== null && shard.listing !== base.listing) {
      const [file, against] = [show(shard.files.documents), show(base.files.documents)];
      throw new ShardError(file, `${file} was signed from other files than ${against} (the walks found different files): run the same dedupe sign command over the same files for every shard`);
    }
    shards.push(shard);
  }
  const count = shards[0]!.count;
  for (let number = 1; number <= count; number++) {
    if (!shards.some((s) => s.number === number)) {
      const missing = show(path.join(dir, shardFolder(number, count)));
      throw new ShardError(missing, `${missing} is missing: shard ${number} of ${count} has not been signed (dedupe sign <paths...> --out ${given} --shard ${number}/${count})`);
    }
  }
  return { dir, given, show, shards, signing: shards[0]!.signing };
}
