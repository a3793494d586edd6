/**
 * Finds and reads the configuration file: `.dedupe.json`, or the `"dedupe"` key of a
 * `package.json`, in the current folder or the nearest folder above it (lilconfig's search,
 * up to the root), or the file --config names. Only reads: what the keys mean and whether
 * their values are good is the CLI's business (src/cli/config.ts).
 *
 * Config files are JSON and never run: a `.js` file given to --config is refused, not loaded.
 */
import path from 'node:path';
import { lilconfig, type Loader } from 'lilconfig';
import { InputError } from './errors.js';

export interface LoadedConfig {
  /** Absolute path of the file read. */
  file: string;
  /** Its values: the object of `.dedupe.json`, or the `"dedupe"` key of a package.json. */
  values: Record<string, unknown>;
  /** The file holds nothing (not even `{}`): no options. */
  empty: boolean;
}

const SEARCH_PLACES = ['.dedupe.json', 'package.json'];

/**
 * A config file's name as a user reads it, in every message about it: relative to the
 * current folder when inside it (`.dedupe.json`, `settings/strict.json`), else absolute.
 */
export function shownConfigPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * V8's message for a JSON syntax error, its character position as the line and column an editor
 * shows ("at position 35" becomes "at line 2, column 17"; a stranger's run could not find the
 * place). Lines and columns count from 1; a message without a position is left as it is.
 */
export function jsonErrorAt(message: string, text: string): string {
  const match = /\(?at position (\d+)(?: \(line \d+ column \d+\))?\)?/.exec(message);
  if (!match) {
    // Node 20 words some errors with a snippet and no position ("Unexpected token '}',
    // "{"a":tru}" is not valid JSON"): the place is found by parsing ever longer beginnings.
    const position = firstBadCharacter(text);
    if (position < 0) return message;
    const token = /^(Unexpected token .+?), "[\s\S]*" is not valid JSON$/.exec(message);
    return `${token ? token[1] : message} ${lineAndColumn(text, position)}`;
  }
  const position = Math.min(Number(match[1]), text.length);
  return `${message.slice(0, match.index).trimEnd()} ${lineAndColumn(text, position)}${message.slice(match.index + match[0].length)}`;
}

/** "at line 2, column 17" for a character position (both from 1). */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  return `at line ${before.split('\n').length}, column ${position - (before.lastIndexOf('\n') + 1) + 1}`;
}

/**
 * Where JSON text first goes wrong: the shortest beginning of it that fails other than by
 * ending too soon (V8 places such an error at the beginning's end) ends with the bad character;
 * -1 when none does, or when the text is too long to search this way (a config is short).
 */
function firstBadCharacter(text: string): number {
  if (text.length > 1 << 16) return -1;
  for (let length = 1; length <= text.length; length++) {
    try {
      JSON.parse(text.slice(0, length));
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      if (at ? Number(at[1]) < length : !/Unexpected end of JSON input/.test(message)) return length - 1;
    }
  }
  return -1;
}

/** lilconfig's JSON parse errors do not say which file: this loader does. */
function jsonLoader(cwd: string): Loader {
  return (file, content) => {
    const text = content.replace(/^\ufeff/, '');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new InputError(`${shownConfigPath(file, cwd)}: not valid JSON (${jsonErrorAt((error as Error).message, text)}); fix the file, or run with --no-config`);
    }
  };
}

function notJson(cwd: string): Loader {
  return (file) => {
    throw new InputError(`${shownConfigPath(file, cwd)}: a config file is JSON (.dedupe.json, a "dedupe" key in package.json, or a .json file given to --config)`);
  };
}

/** Names that would be run as code: refused. Any other name given to --config is read as JSON. */
const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

function explorer(cwd: string, explicit?: string) {
  const json = jsonLoader(cwd);
  const loaders: Record<string, Loader> = { '.json': json, noExt: json };
  for (const extension of CODE_EXTENSIONS) loaders[extension] = notJson(cwd);
  const extension = explicit === undefined ? '' : path.extname(explicit);
  if (extension !== '' && loaders[extension] === undefined) loaders[extension] = json;
  // Up to the root of the current folder's file system: a config in a parent folder (a
  // repository's root) applies to runs in its sub-folders.
  // An empty .dedupe.json is found (and configures nothing) rather than skipped for a config
  // further up, which would apply options the user cannot see from here.
  return lilconfig('dedupe', { searchPlaces: SEARCH_PLACES, stopDir: path.parse(path.resolve(cwd)).root, cache: false, loaders, ignoreEmptySearchPlaces: false });
}

/**
 * The config that applies: `explicit` (--config) if given, else the nearest found from `cwd`
 * up; null when there is none (or none with a "dedupe" key). Errors name the file.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | null> {
  let result: { filepath: string; config: unknown; isEmpty?: boolean } | null;
  try {
    if (explicit !== undefined) {
      const file = path.resolve(cwd, explicit);
      result = await explorer(cwd, explicit).load(file);
      // lilconfig gives null (older versions undefined) for a package.json without the key.
      if (result && (result.config === undefined || (result.config === null && path.basename(file) === 'package.json')) && !result.isEmpty) {
        throw new InputError(`${explicit}: no "dedupe" key in this package.json; nothing to configure`);
      }
    } else {
      result = await explorer(cwd).search(cwd);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const name = explicit ?? cwd;
    if (code === 'ENOENT') throw new InputError(`--config ${name}: no such file; check the path`);
    if (code === 'EISDIR') throw new InputError(`--config ${name}: is a folder; give the config file`);
    if (code === 'EACCES') throw new InputError(`${name}: cannot read the config file (permission denied)`);
    throw new InputError(`${name}: cannot read the config file (${(error as Error).message})`);
  }
  if (!result) return null;
  const values = result.isEmpty === true ? {} : result.config;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new InputError(`${shownConfigPath(result.filepath, cwd)}: the config must be a JSON object of options, such as {"threshold": 0.6}`);
  }
  return { file: result.filepath, values: values as Record<string, unknown>, empty: result.isEmpty === true };
}
