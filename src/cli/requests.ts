/**
 * Flags in, one typed and validated request out, per command. Every problem with the flags is
 * collected, so a user who got three values wrong reads one line naming all three (exit 2),
 * not one at a time. Values from a config file (config.ts) are judged by the same rules, and
 * their problems name the file and key instead of the flag. Options are resolved once here
 * (core/options.ts) and travel resolved.
 */
import path from 'node:path';
import { DEFAULT_OPTIONS, optionProblems, resolveOptions, SEGMENT_MODES, type OptionProblem, type ResolvedOptions, type ScanOptions, type SegmentMode } from '../core/index.js';
import { CHECK_FAIL_ON, DEFAULT_COPY_SHARE, DEFAULT_DB_FOLDER, DEFAULT_MEMORY_LIMIT, defaultThreads, FAIL_ON_VALUES, type CheckFailOn, type FailOn, type RequestOrigins } from '../engine/index.js';
import { parseDecimal } from '../input/arguments.js';
import type { Chunks } from '../input/records.js';
import { NO_CONFIG, REWORDED_MODES, type ConfigContext } from './config.js';
import { UsageError } from './exit-codes.js';

/** Flags as commander hands them over: values as typed, undefined when not given. */
export interface RawFlags {
  json?: boolean;
  ndjson?: boolean;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  include?: string[];
  exclude?: string[];
  agency?: string[];
  segment?: string;
  threshold?: string;
  containment?: string;
  shingleSize?: string;
  numHashes?: string;
  minWords?: string;
  seed?: string;
  maxMatches?: string;
  failOn?: string;
  diff?: boolean;
  context?: string;
  db?: string;
  copyShare?: string;
  add?: boolean;
  verify?: boolean;
  missing?: boolean;
  exitCode?: boolean;
  filesFrom?: string;
  null?: boolean;
  /** --config <file>; false with --no-config. */
  config?: string | false;
  /** False with --no-progress. */
  progress?: boolean;
  only?: string;
  top?: string;
  /** --html <file>. */
  html?: string;
  /** False with --no-reworded (scan, check): passage alignment's reworded pairs left out; --reworded <mode> (scan): precise or thorough. */
  reworded?: boolean | string;
  /** dedupe sign: the folder to write into, and which shard. */
  out?: string;
  shard?: string;
  /** dedupe sign, join, report: DuckDB's memory limit; join: DuckDB's threads. */
  memoryLimit?: string;
  threads?: string;
}

/** What --only accepts. */
export const ONLY_VALUES = ['reused'] as const;

/** --files-from: where the list of paths is (`-`: standard input) and how it is separated. */
export interface ListRequest {
  file: string;
  /** -0: NUL-separated, as `find -print0` writes; otherwise one path per line. */
  nul: boolean;
}

/** How the result is shown: the renderer and its switches. */
export interface OutputRequest {
  json: boolean;
  /** --ndjson (scan and check): one JSON line per document, per group, and for the summary. */
  ndjson: boolean;
  quiet: boolean;
  diff: boolean;
  verbose: boolean;
  /** --color / --no-color; undefined: decided from the environment and the terminal. */
  color: boolean | undefined;
  /** False with --no-progress: no progress line even on a terminal. */
  progress: boolean;
  /** --only reused: the human report leaves out paragraphs that are not reused. */
  only?: 'reused';
  /** --top n: the human report shows the n largest groups; undefined or 0 shows all. */
  top?: number;
  /** --html <file>: also write the HTML report there (the usual report still goes to stdout). */
  html?: string;
  /** Flags given on the command line that shape only the human report, while --json or --ndjson writes the report: said, not silently dropped. */
  unusedFlags?: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Collects the problems of a command line; `done` throws them all as one UsageError. */
class Problems {
  private readonly list: string[];

  /** `config`: the config file's own problems come first; its origins name the values it gave. */
  constructor(private readonly config: ConfigContext = NO_CONFIG) {
    this.list = [...config.problems];
  }

  /** The folder of the config file read, if one was. */
  get configFolder(): string | undefined {
    return this.config.folder;
  }

  /** The config file `key`'s value came from, if one did. */
  originOf(key: keyof RawFlags): string | undefined {
    return this.config.origin[key];
  }

  /** How a message names the value of `key`: its flag, or the config file and key it came from. */
  label(key: keyof RawFlags): string {
    const file = this.originOf(key);
    return file ? `${file}: ${key}` : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  }

  add(message: string): void {
    this.list.push(message);
  }

  /** A problem found by the core's option check, which names the flag: reworded when the value came from a config. */
  option(problem: OptionProblem): void {
    const file = this.config.origin[problem.option as keyof RawFlags];
    this.add(file ? problem.message.replace(/^--[a-z-]+/, `${file}: ${problem.option}`) : problem.message);
  }

  number(key: keyof RawFlags, raw: string | undefined): number | undefined {
    if (raw === undefined) return undefined;
    const value = parseDecimal(raw);
    if (value === null) this.add(`${this.label(key)} must be a number, got '${raw}'`);
    return value ?? undefined;
  }

  /** `elsewhere` names, per value valid in another command, where it belongs (said with the error). */
  choice<T extends string>(key: keyof RawFlags, raw: string | undefined, allowed: readonly T[], elsewhere: Readonly<Record<string, string>> = {}, others = ''): T | undefined {
    if (raw === undefined) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const hint = Object.hasOwn(elsewhere, raw) ? ` (${raw} is for ${elsewhere[raw]})` : '';
    this.add(allowed.length === 1 ? `${this.label(key)} takes one value, ${allowed[0]}; got '${raw}'${hint}` : `${this.label(key)} must be one of ${allowed.join(', ')}${others}, got '${raw}'${hint}`);
    return undefined;
  }

  /**
   * --agency's names (a config's "agency"), each as it is written in brackets after a
   * dateline ("Northwire" of "PORTSMOUTH, Maine (Northwire) —"): not empty, no brackets; an
   * object with none given ({}) when there is none, so that a command passes it on as it is.
   */
  agencies(raw: readonly string[] | undefined): { agencies?: string[] } {
    const list = [...new Set((raw ?? []).map((name) => name.trim()))];
    for (const name of list) {
      if (name === '' || /[()\n]/.test(name)) this.add(`${this.label('agency')} takes an agency's name as its credit writes it in brackets, such as --agency Northwire for "(Northwire)"; got '${name}'`);
    }
    return list.length > 0 ? { agencies: list } : {};
  }

  /** Glob patterns of a repeatable flag; an empty one (`--include ''`) matches nothing and is refused. */
  patterns(key: 'include' | 'exclude', raw: readonly string[] | undefined): string[] {
    const list = [...(raw ?? [])];
    if (list.some((p) => p.trim() === '')) this.add(`${this.label(key)} must not be empty; give a glob such as '**/*.txt'`);
    return list;
  }

  done(): void {
    if (this.list.length > 0) throw new UsageError(this.list.join('; '));
  }
}

/** The scan options given as flags (undefined when not given), with their number and choice problems. */
function scanOptionFlags(flags: RawFlags, problems: Problems): Partial<ScanOptions> {
  const given: Partial<ScanOptions> = {};
  const numbers = ['threshold', 'containment', 'shingleSize', 'numHashes', 'minWords', 'seed', 'maxMatches'] as const;
  for (const key of numbers) {
    const value = problems.number(key, flags[key]);
    if (value !== undefined) given[key] = value;
  }
  const segment = problems.choice<SegmentMode>('segment', flags.segment, SEGMENT_MODES);
  if (segment !== undefined) given.segment = segment;
  for (const problem of optionProblems(given)) problems.option(problem);
  return given;
}

/*
 * The environment variables (listed in --help, cli/help.ts ENVIRONMENT): a value outside what
 * each takes is a usage error, as a flag's would be, so that a mistyped DEDUPE_THREADS=tow does
 * not quietly run with the default.
 */

/** The environment variables as a command reads them. */
interface Environment {
  threads: number;
  fileTimes: boolean;
  rewording: boolean;
}

/**
 * The three variables, each checked whichever of them the command uses, so that a mistyped
 * value is said by every command the same way: DEDUPE_THREADS when set (a whole number from 1,
 * at most 64 used), else one thread per core; DEDUPE_FILE_TIMES=0: files' modification times
 * are no evidence of which copy came first (a fresh checkout, a copied archive);
 * DEDUPE_REWORDING=0: the scan leaves out the rewrite stage (core/rewrite/stage.ts), to
 * measure what it costs.
 */
function environmentOf(env: Env, problems: Problems): Environment {
  const switchOf = (name: 'DEDUPE_FILE_TIMES' | 'DEDUPE_REWORDING'): boolean => {
    const raw = env[name];
    if (raw !== undefined && raw !== '' && raw !== '0' && raw !== '1') problems.add(`${name} must be 0 or 1, got '${raw}'`);
    return raw !== '0';
  };
  const raw = env.DEDUPE_THREADS;
  let threads = defaultThreads();
  if (raw !== undefined && raw !== '') {
    const asked = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isInteger(asked) && asked >= 1) threads = Math.min(asked, 64);
    else problems.add(`DEDUPE_THREADS must be a whole number from 1, got '${raw}'`);
  }
  return { threads, fileTimes: switchOf('DEDUPE_FILE_TIMES'), rewording: switchOf('DEDUPE_REWORDING') };
}

/**
 * The --files-from list, checked against the paths: something to read must be named, and
 * standard input can feed only one of them.
 */
function listOf(paths: readonly string[], flags: RawFlags, problems: Problems): ListRequest | undefined {
  if (flags.filesFrom === undefined) {
    if (flags.null === true) problems.add('-0 (--null) says how the --files-from list is separated; give --files-from too');
    // `dedupe --html archive/` reads archive/ as --html's value: say where the folder went.
    // `dedupe --agency archive/` the same (a stranger's run); not when the names came from a config file.
    const lastAgency = problems.originOf('agency') === undefined ? flags.agency?.at(-1) : undefined;
    const took =
      flags.html !== undefined
        ? ` (--html took ${flags.html} as the file it writes)`
        : lastAgency !== undefined
          ? ` (--agency took ${lastAgency} as an agency's name: name the files before it)`
          : '';
    if (paths.length === 0) problems.add(`no files or folders given; name them, or list them with --files-from <file>${took}`);
    return undefined;
  }
  if (flags.filesFrom === '') problems.add('--files-from must name a file, or - for standard input');
  if (flags.filesFrom === '-' && paths.includes('-')) problems.add('--files-from - and the path - both read standard input; give one of them');
  return { file: flags.filesFrom, nul: flags.null === true };
}

/** --only and --top, which shape the human report of the scan and of check, the one format chosen, and which of --top, --only and --diff a JSON report leaves unused. */
function reportShape(flags: RawFlags, problems: Problems): Pick<OutputRequest, 'only' | 'top' | 'unusedFlags'> {
  const shape: Pick<OutputRequest, 'only' | 'top' | 'unusedFlags'> = {};
  if (flags.json === true && flags.ndjson === true) problems.add('--json and --ndjson both choose the report format; give one of them');
  const only = problems.choice('only', flags.only, ONLY_VALUES);
  if (only !== undefined) shape.only = only;
  const top = problems.number('top', flags.top);
  if (top !== undefined && !(Number.isInteger(top) && top >= 0)) problems.add(`${problems.label('top')} must be a whole number of groups, 0 or more (0 shows all), got ${top}`);
  else if (top !== undefined) shape.top = top;
  if (flags.json === true || flags.ndjson === true) {
    // From the command line only: a config file's "top" serves the human report of other runs.
    // --top 0 shows all, as --json does: nothing left unused.
    const unused = (['top', 'only', 'diff'] as const).filter((key) => flags[key] !== undefined && flags[key] !== false && !(key === 'top' && top === 0) && problems.originOf(key) === undefined).map((key) => `--${key}`);
    if (unused.length > 0) shape.unusedFlags = unused;
  }
  return shape;
}

/**
 * The scan's and report's --max-matches lists matches in the JSON reports; their human report
 * shows a paragraph's best match and counts the others ("+3"): given for it, it changed nothing,
 * without a word (found by a new user). `check`'s human report lists matches in the index.
 */
function humanMaxMatches(flags: RawFlags, problems: Problems, shape: Pick<OutputRequest, 'unusedFlags'>): void {
  // Commander gives the default when it is not given: a value other than it was given.
  const given = flags.maxMatches !== undefined && flags.maxMatches !== String(DEFAULT_OPTIONS.maxMatches);
  if (flags.json !== true && flags.ndjson !== true && flags.quiet !== true && given && problems.originOf('maxMatches') === undefined) shape.unusedFlags = ['--max-matches'];
}

/** What dedupe reads: a report written over one of them would destroy an article. */
const ARTICLE_EXTENSIONS = /\.(txt|jsonl|ndjson)$/i;

/** --only, --top and --html, which shape the reports of the scan and of check. */
function reportOutputs(flags: RawFlags, problems: Problems): Pick<OutputRequest, 'only' | 'top' | 'html' | 'unusedFlags'> {
  const shape: Pick<OutputRequest, 'only' | 'top' | 'html' | 'unusedFlags'> = reportShape(flags, problems);
  const html = flags.html;
  if (html === undefined) return shape;
  const label = problems.label('html');
  if (html.trim() === '') problems.add(`${label} must name a file, such as --html report.html`);
  else if (html === '-') problems.add(`${label} writes a file, not standard output: name one, such as --html report.html (standard output keeps the usual report)`);
  // `--html --json`: the file name was forgotten, and the next option taken for it.
  else if (html.startsWith('-')) problems.add(`${label} ${html}: an option where the report's file name goes; name the file after --html, such as --html report.html (a file named so: ./${html})`);
  else if (ARTICLE_EXTENSIONS.test(html)) {
    problems.add(`${label} ${html}: ends like the articles dedupe reads (.txt, .jsonl, .ndjson); name the report .html, so that an article is never overwritten`);
  } else shape.html = html;
  return shape;
}

function outputOf(flags: RawFlags): OutputRequest {
  return {
    json: flags.json === true,
    ndjson: flags.ndjson === true,
    quiet: flags.quiet === true,
    diff: flags.diff === true,
    verbose: flags.verbose === true,
    color: flags.color,
    progress: flags.progress !== false,
  };
}

/** What a command reads: paths, a --files-from list, standard input, and which files to keep. */
export interface InputsRequest {
  paths: string[];
  /** --files-from; its paths are read into `listed` before the engine runs. */
  filesFrom: ListRequest | undefined;
  listed?: string[];
  /** Standard input, when a path is `-` (JSONL articles). */
  stdin?: Chunks;
  include: string[];
  exclude: string[];
}

/** The inputs of a command that walks paths (the scan, sign). */
function inputsOf(paths: readonly string[], flags: RawFlags, problems: Problems): InputsRequest {
  const include = problems.patterns('include', flags.include);
  const exclude = problems.patterns('exclude', flags.exclude);
  return { paths: [...paths], filesFrom: listOf(paths, flags, problems), include, exclude };
}

export interface ScanCommand extends InputsRequest, Rewording {
  options: ResolvedOptions;
  /** --agency: names read as agencies' credits besides the built-in ones. */
  agencies?: string[];
  threads: number;
  fileTimes: boolean;
  failOn: FailOn | undefined;
  output: OutputRequest;
}

/**
 * --reworded's modes (config.ts, REWORDED_MODES): off is --no-reworded's (the report's
 * options.reworded says off, and a new user's `--reworded off` was refused).
 */
export type RewordedMode = (typeof REWORDED_MODES)[number];

/** What a scan or a check runs of the rewrite stage: the switch and the mode. */
interface Rewording {
  /** DEDUPE_REWORDING, --no-reworded, `--reworded off`, a config's false or "off". */
  rewording: boolean;
  /** --reworded thorough (or a config's "reworded": "thorough"): core/rewrite/families.ts. */
  thoroughRewording: boolean;
}

/** The rewording the flags (and the environment's DEDUPE_REWORDING, `environment`) ask for, its mode checked. */
function rewordingOf(flags: RawFlags, environment: boolean, problems: Problems): Rewording {
  const mode = rewordedMode(flags, problems);
  const rewording = environment && flags.reworded !== false && mode !== 'off';
  return { rewording, thoroughRewording: rewording && mode === 'thorough' };
}

/** The mode --reworded (or a config's "reworded") names, checked; undefined when given none (true, false or nothing). */
function rewordedMode(flags: RawFlags, problems: Problems): RewordedMode | undefined {
  if (typeof flags.reworded !== 'string') return undefined;
  // A config's "reworded" also takes true and false (as --reworded and --no-reworded do); its
  // message named only the modes (session 24's note), and a quoted "false" read as a mode.
  const fromConfig = problems.originOf('reworded') !== undefined;
  if (fromConfig && (flags.reworded === 'true' || flags.reworded === 'false')) {
    problems.add(`${problems.label('reworded')} is the string '${flags.reworded}': write ${flags.reworded} without quotes to turn the stage ${flags.reworded === 'true' ? 'on' : 'off'}`);
    return undefined;
  }
  return problems.choice<RewordedMode>('reworded', flags.reworded, REWORDED_MODES, {}, fromConfig ? ' (or true, false)' : '');
}

/** --fail-on values of `check` only, named when a scan is given one. */
const FAIL_ON_ELSEWHERE: Readonly<Record<string, string>> = { document: 'dedupe check: an incoming article copied from the index' };

export function scanCommand(paths: readonly string[], flags: RawFlags, env: Env, config: ConfigContext = NO_CONFIG): ScanCommand {
  const problems = new Problems(config);
  const given = scanOptionFlags(flags, problems);
  const failOn = problems.choice<FailOn>('failOn', flags.failOn, FAIL_ON_VALUES, FAIL_ON_ELSEWHERE);
  const inputs = inputsOf(paths, flags, problems);
  const shape = reportOutputs(flags, problems);
  humanMaxMatches(flags, problems, shape);
  const { threads, fileTimes, rewording: environmentRewording } = environmentOf(env, problems);
  const rewording = rewordingOf(flags, environmentRewording, problems);
  const agencies = problems.agencies(flags.agency);
  problems.done();
  return {
    ...inputs,
    ...agencies,
    options: resolveOptions(given),
    threads,
    fileTimes,
    ...rewording,
    failOn,
    output: { ...outputOf(flags), ...shape },
  };
}

export interface DiffCommand {
  from: string;
  to: string;
  options: ResolvedOptions;
  /** Unchanged words kept around each change; 0 keeps all. */
  context: number;
  /** Exit 1 when the two articles differ (--exit-code, or --quiet, which implies it as in git diff). */
  exitCode: boolean;
  output: OutputRequest;
}

/** Unchanged words shown around a change in `dedupe diff` unless --context says otherwise. */
export const DEFAULT_DIFF_CONTEXT = 6;

export function diffCommand(from: string, to: string, flags: RawFlags, config: ConfigContext = NO_CONFIG): DiffCommand {
  const problems = new Problems(config);
  const given = scanOptionFlags(flags, problems);
  const context = problems.number('context', flags.context) ?? DEFAULT_DIFF_CONTEXT;
  if (!Number.isInteger(context) || context < 0) problems.add(`${problems.label('context')} must be a whole number of words, 0 or more, got ${context}`);
  problems.done();
  return { from, to, options: resolveOptions(given), context, exitCode: flags.exitCode === true || flags.quiet === true, output: outputOf(flags) };
}

/** Where the index lives unless --db says otherwise: a hidden folder in the current folder (the store's DEFAULT_DB_FOLDER). */
export const DEFAULT_DB = `${DEFAULT_DB_FOLDER}/index.db`;

export interface IndexCommand extends InputsRequest {
  db: string;
  /** True when --db was not given, or names a file in a folder called .dedupe: that folder may be created. */
  defaultDb: boolean;
  /** The folder stored paths are relative to when `db` came from a config file (its folder); else the current folder's. */
  root?: string;
  /** The config file `db` came from, when it did. */
  dbFrom?: string;
  /** Options given as flags (or in a config file): the index's own parameters fill the rest. */
  requested: Partial<ScanOptions>;
  /** The config file each of `requested` came from, when one did: a disagreement with the index names it. */
  requestedFrom: RequestOrigins;
  threads: number;
  /** DEDUPE_REWORDING (check; index add has no rewrite stage), and check's --no-reworded. */
  rewording: boolean;
  fileTimes: boolean;
  output: OutputRequest;
}

/** `index add` (and, with `reads` false, `index remove` and `stats`, which read no articles). */
export function indexCommand(paths: readonly string[], flags: RawFlags, env: Env, reads = true, config: ConfigContext = NO_CONFIG): IndexCommand {
  const problems = new Problems(config);
  const requested = scanOptionFlags(flags, problems);
  const command = indexParts(paths, flags, env, requested, problems, reads);
  problems.done();
  return command;
}

function indexParts(paths: readonly string[], flags: RawFlags, env: Env, requested: Partial<ScanOptions>, problems: Problems, reads: boolean): IndexCommand {
  const { threads, fileTimes, rewording } = environmentOf(env, problems);
  if (flags.db !== undefined && flags.db.trim() === '') problems.add(`${problems.label('db')} must name the index's file, such as --db .dedupe/index.db (or leave it out for that default)`);
  const requestedFrom: RequestOrigins = {};
  for (const key of Object.keys(requested) as Array<keyof ScanOptions & keyof RawFlags>) {
    const file = problems.originOf(key);
    if (file !== undefined) requestedFrom[key] = file;
  }
  return {
    db: flags.db ?? DEFAULT_DB,
    // The index's own folder is made when missing wherever the path comes from: the default, a
    // --db or a config file's "db" in a folder named .dedupe (the README's example config failed
    // its first index add with "folder .dedupe does not exist").
    defaultDb: flags.db === undefined || path.basename(path.dirname(flags.db)) === DEFAULT_DB_FOLDER,
    // A config file's db is relative to its folder, and so are the paths the index stores: a run
    // from a sub-folder then names each file as a run from the top does (found by a new user).
    ...(problems.originOf('db') !== undefined && problems.configFolder !== undefined ? { root: problems.configFolder } : {}),
    ...(problems.originOf('db') !== undefined ? { dbFrom: problems.originOf('db')! } : {}),
    paths: [...paths],
    filesFrom: reads ? listOf(paths, flags, problems) : undefined,
    include: problems.patterns('include', flags.include),
    exclude: problems.patterns('exclude', flags.exclude),
    requested,
    requestedFrom,
    threads,
    fileTimes,
    rewording,
    output: outputOf(flags),
  };
}

export interface CheckCommand extends IndexCommand, Rewording {
  /** --agency: names read as agencies' credits besides the built-in ones. */
  agencies?: string[];
  failOn: CheckFailOn | undefined;
  copyShare: number;
  /** --copy-share was given on the command line without --fail-on document, where it counts for nothing. */
  copyShareUnused: boolean;
  add: boolean;
}

/** Matches listed per paragraph by `check` unless --max-matches says otherwise. */
export const CHECK_MAX_MATCHES = 5;

export function checkCommand(paths: readonly string[], flags: RawFlags, env: Env, config: ConfigContext = NO_CONFIG): CheckCommand {
  const problems = new Problems(config);
  const requested = scanOptionFlags(flags, problems);
  const failOn = problems.choice<CheckFailOn>('failOn', flags.failOn, CHECK_FAIL_ON);
  const copyShare = problems.number('copyShare', flags.copyShare) ?? DEFAULT_COPY_SHARE;
  if (!(copyShare > 0 && copyShare <= 1)) problems.add(`${problems.label('copyShare')} must be above 0 and at most 1, got ${copyShare}`);
  // A check lists more matches than a scan: which archived articles each paragraph is in is
  // what a check is for (its "Matches in the index" names them).
  requested.maxMatches ??= CHECK_MAX_MATCHES;
  const command = indexParts(paths, flags, env, requested, problems, true);
  const shape = reportOutputs(flags, problems);
  // As for the scan: thorough aligns the incoming articles with the archived ones its lookup
  // brings in a second time, as a scan of two documents does (core/rewrite/families.ts).
  const rewording = rewordingOf(flags, command.rewording, problems);
  const agencies = problems.agencies(flags.agency);
  problems.done();
  // From the command line only: a config file's copy share serves the runs that fail on documents.
  const copyShareUnused = flags.copyShare !== undefined && problems.originOf('copyShare') === undefined && failOn !== 'document';
  return { ...command, output: { ...command.output, ...shape }, failOn, copyShare, copyShareUnused, add: flags.add === true, ...rewording, ...agencies };
}

// ---- dedupe sign, join, report (issue 10: beyond one machine) ---------------------------

/** DuckDB's memory limit per command when --memory-limit is not given (engine/parquet/duck.ts says why). */
export { DEFAULT_MEMORY_LIMIT };
/** The largest shard count: shard folders are numbered with five digits. */
export const MAX_SHARDS = 99_999;

const MEMORY_SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** --memory-limit as DuckDB reads it ("2GB", "512MiB"; at least 64 MB). */
function memoryLimitOf(flags: RawFlags, problems: Problems, command: keyof typeof DEFAULT_MEMORY_LIMIT): string {
  const raw = flags.memoryLimit;
  const fallback = DEFAULT_MEMORY_LIMIT[command];
  if (raw === undefined) return fallback;
  const match = MEMORY_SIZE.exec(raw.trim());
  const units: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
  if (!match || Number(match[1]) * units[match[2]!.toLowerCase()]! < 64e6) {
    problems.add(`${problems.label('memoryLimit')} must be a size of at least 64MB such as 2GB or 512MiB, got '${raw}'`);
    return fallback;
  }
  return `${match[1]}${match[2]!.toUpperCase().replace('IB', 'iB')}`;
}

/** --shard i/n: shard i (from 1) of n. */
function shardOf(raw: string | undefined, problems: Problems): { number: number; count: number } {
  if (raw === undefined) return { number: 1, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const number = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(number >= 1 && number <= count && count <= MAX_SHARDS)) {
    problems.add(`${problems.label('shard')} must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (shard i of n, such as 2/8), got '${raw}'`);
    return { number: 1, count: 1 };
  }
  return { number, count };
}

export interface SignCommand extends InputsRequest {
  options: ResolvedOptions;
  threads: number;
  out: string;
  shard: { number: number; count: number };
  memoryLimit: string;
  /** DEDUPE_FILE_TIMES: whether files' modification times go into the shard, as evidence for the report (default true). */
  fileTimes: boolean;
  output: OutputRequest;
}

export function signCommand(paths: readonly string[], flags: RawFlags, env: Env, config: ConfigContext = NO_CONFIG): SignCommand {
  const problems = new Problems(config);
  const given = scanOptionFlags(flags, problems);
  const inputs = inputsOf(paths, flags, problems);
  if (flags.out === undefined || flags.out === '') problems.add('--out <dir> is required: the folder the shard is written into (created if missing)');
  const shard = shardOf(flags.shard, problems);
  const memoryLimit = memoryLimitOf(flags, problems, 'sign');
  const { threads, fileTimes } = environmentOf(env, problems);
  problems.done();
  return { ...inputs, options: resolveOptions(given), threads, out: flags.out!, shard, memoryLimit, fileTimes, output: outputOf(flags) };
}

export interface JoinCommand {
  dir: string;
  memoryLimit: string;
  /** DuckDB's threads. */
  threads: number;
  output: OutputRequest;
}

export function joinCommand(dir: string, flags: RawFlags, env: Env, config: ConfigContext = NO_CONFIG): JoinCommand {
  const problems = new Problems(config);
  const memoryLimit = memoryLimitOf(flags, problems, 'join');
  const environment = environmentOf(env, problems);
  const threads = problems.number('threads', flags.threads) ?? environment.threads;
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 256)) problems.add(`${problems.label('threads')} must be a whole number from 1 to 256, got ${threads}`);
  problems.done();
  return { dir, memoryLimit, threads, output: outputOf(flags) };
}

export interface ReportCommand {
  dir: string;
  memoryLimit: string;
  threads: number;
  fileTimes: boolean;
  maxMatches: number;
  /** --agency: names read as agencies' credits besides the built-in ones. */
  agencies?: string[];
  failOn: FailOn | undefined;
  output: OutputRequest;
}

export function reportCommand(dir: string, flags: RawFlags, env: Env, config: ConfigContext = NO_CONFIG): ReportCommand {
  const problems = new Problems(config);
  const maxMatches = problems.number('maxMatches', flags.maxMatches) ?? DEFAULT_OPTIONS.maxMatches;
  for (const problem of optionProblems({ maxMatches })) problems.option(problem);
  const failOn = problems.choice<FailOn>('failOn', flags.failOn, FAIL_ON_VALUES, FAIL_ON_ELSEWHERE);
  const memoryLimit = memoryLimitOf(flags, problems, 'report');
  const shape = reportOutputs(flags, problems);
  humanMaxMatches(flags, problems, shape);
  const { threads, fileTimes } = environmentOf(env, problems);
  const agencies = problems.agencies(flags.agency);
  problems.done();
  return { dir, memoryLimit, threads, fileTimes, maxMatches, ...agencies, failOn, output: { ...outputOf(flags), ...shape } };
}
