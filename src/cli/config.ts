/**
 * The configuration file's keys as flags. A key is a long option's name in camelCase
 * (`minWords` for --min-words); top-level keys apply to every command that takes that option,
 * and a section named after a command (`"check": {"failOn": "document"}`) applies to it alone,
 * over the top level. A flag given on the command line wins over both.
 *
 * Values are checked here for their JSON type, then converted to the strings commander hands
 * over, so the same request validation (requests.ts) judges them as it judges flags; every
 * problem, of the file or of the flags, names where it comes from in one line (exit 2).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, shownConfigPath } from '../input/config.js';
import type { CliIO } from './io.js';
import type { RawFlags } from './requests.js';
import { closeNames } from '../core/names.js';

/** The commands a config can address: `index` stands for index add, remove, list and stats. */
export type ConfigCommand = 'scan' | 'check' | 'index' | 'diff' | 'sign' | 'join' | 'report';
const SECTIONS: readonly ConfigCommand[] = ['scan', 'check', 'index', 'diff', 'sign', 'join', 'report'];

/** `mode`: true, false or one of the key's modes (reworded: REWORDED_MODES). */
type Kind = 'number' | 'string' | 'patterns' | 'boolean' | 'mode';

/** --reworded's modes (and a config's "reworded"): precise (the default), thorough, and off (as --no-reworded). */
export const REWORDED_MODES = ['precise', 'thorough', 'off'] as const;

const MATCHING: readonly ConfigCommand[] = ['scan', 'check', 'index', 'diff', 'sign'];
const SIGNING: readonly ConfigCommand[] = ['scan', 'check', 'index', 'sign'];
const REPORTING: readonly ConfigCommand[] = ['scan', 'check', 'report'];
const DUCKDB: readonly ConfigCommand[] = ['sign', 'join', 'report'];

/** Every key a config may hold: its JSON type and the commands that take it. */
export const CONFIG_KEYS: Readonly<Record<string, { kind: Kind; commands: readonly ConfigCommand[]; modes?: readonly string[]; item?: string }>> = {
  threshold: { kind: 'number', commands: MATCHING },
  containment: { kind: 'number', commands: MATCHING },
  shingleSize: { kind: 'number', commands: MATCHING },
  minWords: { kind: 'number', commands: MATCHING },
  segment: { kind: 'string', commands: MATCHING },
  numHashes: { kind: 'number', commands: SIGNING },
  seed: { kind: 'number', commands: SIGNING },
  include: { kind: 'patterns', commands: SIGNING },
  exclude: { kind: 'patterns', commands: SIGNING },
  maxMatches: { kind: 'number', commands: REPORTING },
  failOn: { kind: 'string', commands: REPORTING },
  copyShare: { kind: 'number', commands: ['check'] },
  db: { kind: 'string', commands: ['check', 'index'] },
  context: { kind: 'number', commands: ['diff'] },
  color: { kind: 'boolean', commands: SECTIONS },
  progress: { kind: 'boolean', commands: [...SIGNING, 'join', 'report'] },
  memoryLimit: { kind: 'string', commands: DUCKDB },
  threads: { kind: 'number', commands: ['join'] },
  only: { kind: 'string', commands: REPORTING },
  top: { kind: 'number', commands: REPORTING },
  reworded: { kind: 'mode', commands: ['scan', 'check'], modes: REWORDED_MODES },
  agency: { kind: 'patterns', commands: REPORTING, item: "an agency's name" },
};

/** Where each flag's value came from when not from the command line: the config file, as shown. */
export type Origins = Partial<Record<keyof RawFlags, string>>;

/** The config's part in a command: where its values came from, and what is wrong with it. */
export interface ConfigContext {
  origin: Origins;
  problems: string[];
  /** The folder of the config file read (absolute): its `db`, and the paths an index stores, are relative to it. */
  folder?: string;
}

export const NO_CONFIG: ConfigContext = { origin: {}, problems: [] };


/** Options of one invocation: named as such when a config file sets them (found by a new user: "json" was called unknown). */
const PER_RUN_OPTIONS = ['json', 'ndjson', 'quiet', 'diff', 'verbose', 'add', 'filesFrom', 'null', 'html', 'out', 'shard', 'exitCode', 'config', 'verify'];

function unknownKey(key: string, where: string): string {
  if (PER_RUN_OPTIONS.includes(key)) return `${where}${JSON.stringify(key)} is an option of one run, not a config key: give it on the command line`;
  const close = closeNames(key, [...Object.keys(CONFIG_KEYS), ...SECTIONS]);
  const hint = close.length > 0 ? `did you mean ${close.join(' or ')}?` : `keys are long option names in camelCase, such as minWords for --min-words`;
  return `${where}unknown key ${JSON.stringify(key)} (${hint})`;
}

/** A value of the right JSON type, as commander would hand it over; or a problem. */
function convert(key: string, kind: Kind, value: unknown, modes: readonly string[] = [], item = 'a glob'): { value: string | string[] | boolean } | { problem: string } {
  const got = `got ${JSON.stringify(value)}`;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? { value: String(value) } : { problem: `${key} must be a number, ${got}` };
  if (kind === 'string') return typeof value === 'string' ? { value } : { problem: `${key} must be a string, ${got}` };
  if (kind === 'boolean') return typeof value === 'boolean' ? { value } : { problem: `${key} must be true or false, ${got}` };
  if (kind === 'mode') return typeof value === 'boolean' || typeof value === 'string' ? { value } : { problem: `${key} must be true, false or one of ${modes.map((m) => JSON.stringify(m)).join(', ')}, ${got}` };
  if (typeof value === 'string') return { value: [value] };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { value: value as string[] };
  // "include must be a glob or a list of globs"; an agency's name for "agency" (it said "glob": review).
  const [one, many] = item === 'a glob' ? ['a glob', 'globs'] : [item, 'them'];
  return { problem: `${key} must be ${one} or a list of ${many}, ${got}` };
}

/** The flags a config gives `command`, and its problems (without the file's name). */
export function configFlags(values: Record<string, unknown>, command: ConfigCommand): { flags: RawFlags; problems: string[] } {
  const flags: Record<string, unknown> = {};
  const problems: string[] = [];
  const take = (entries: Record<string, unknown>, section: ConfigCommand | null): void => {
    const where = section ? `"${section}": ` : '';
    for (const [key, value] of Object.entries(entries)) {
      const spec = CONFIG_KEYS[key];
      if (!spec) {
        problems.push(unknownKey(key, where));
        continue;
      }
      if (section && !spec.commands.includes(section)) {
        problems.push(`${where}${key} does not apply to dedupe ${section}`);
        continue;
      }
      const converted = convert(key, spec.kind, value, spec.modes, spec.item);
      if ('problem' in converted) problems.push(`${where}${converted.problem}`);
      else if ((section ?? command) === command && spec.commands.includes(command)) flags[key] = converted.value;
    }
  };
  const top = Object.fromEntries(Object.entries(values).filter(([key]) => !(SECTIONS as readonly string[]).includes(key)));
  take(top, null);
  for (const section of SECTIONS) {
    const entries = values[section];
    if (entries === undefined) continue;
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) problems.push(`"${section}" must be an object of options for dedupe ${section}`);
    else take(entries as Record<string, unknown>, section);
  }
  return { flags: flags as RawFlags, problems };
}

/**
 * A config's include or exclude pattern with a folder in it ("corpus/000*") as written from the
 * current folder: it names files from the config's folder, as its `db` does (a new user's run
 * from a sub-folder was warned that the exclude matched nothing, and the file was scanned). A
 * pattern of names alone ("*.md", "**\/drafts/**") matches at any depth, and is kept.
 */
export function fromConfigFolder(pattern: string, configFolder: string, cwd: string): string {
  const negated = pattern.startsWith('!');
  const body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '');
  if (!body.includes('/') || body.startsWith('**') || path.isAbsolute(body)) return pattern;
  const relative = path.relative(path.resolve(cwd), path.resolve(configFolder, body)).split(path.sep).join('/');
  return `${negated ? '!' : ''}${relative}`;
}

/**
 * Loads the config that applies (--config, else the nearest found; none with --no-config) and
 * merges it under the command line's flags. `db` in a config is relative to the config's folder.
 */
export async function applyConfig(flags: RawFlags, command: Command, name: ConfigCommand, io: CliIO): Promise<{ flags: RawFlags; config: ConfigContext }> {
  if (flags.config === false) return { flags, config: NO_CONFIG };
  const loaded = await loadConfig(io.cwd, typeof flags.config === 'string' ? flags.config : undefined);
  if (!loaded) return { flags, config: NO_CONFIG };
  const display = shownConfigPath(loaded.file, io.cwd);
  // An empty file configures nothing; said with --verbose, as a file read should be.
  if (flags.verbose === true) io.stderr.write(`dedupe: config: ${display}${loaded.empty ? ' (empty: no options set)' : ''}\n`);
  const fromFile = configFlags(loaded.values, name);
  if (typeof fromFile.flags.db === 'string' && fromFile.flags.db !== '' && !path.isAbsolute(fromFile.flags.db)) {
    fromFile.flags.db = shownConfigPath(path.resolve(path.dirname(loaded.file), fromFile.flags.db), io.cwd);
  }
  for (const key of ['include', 'exclude'] as const) {
    const patterns = fromFile.flags[key];
    if (Array.isArray(patterns)) fromFile.flags[key] = patterns.map((pattern) => (typeof pattern === 'string' ? fromConfigFolder(pattern, path.dirname(loaded.file), io.cwd) : pattern));
  }
  const merged: Record<string, unknown> = { ...flags };
  const origin: Origins = {};
  for (const [key, value] of Object.entries(fromFile.flags)) {
    if (command.getOptionValueSource(key) === 'cli') continue;
    merged[key] = value;
    origin[key as keyof RawFlags] = display;
  }
  // The file named once for its own problems (unknown keys, wrong types); value problems found later name it too.
  const problems = fromFile.problems.length > 0 ? [`${display}: ${fromFile.problems.join('; ')}`] : [];
  return { flags: merged as RawFlags, config: { origin, problems, folder: path.resolve(io.cwd, path.dirname(loaded.file)) } };
}
