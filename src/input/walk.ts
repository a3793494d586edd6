/**
 * Finds the article files under the paths a user gave.
 *
 * - A file path is taken as given, whatever its name.
 * - A folder is walked with fast-glob for the include patterns (default `**\/*.txt`,
 *   `**\/*.jsonl` and `**\/*.ndjson`, their extensions in any case: archives copied from
 *   Windows or old systems name files `WIRE.TXT`, and a gate that skipped them passed them), minus the
 *   exclude patterns. `node_modules` and dot-folders are skipped unless a pattern names them.
 * - Symbolic links: a link to a file is read; a link to a folder is walked unless that real
 *   folder lies inside a tree already walked, so a link back to an ancestor (a loop) is
 *   never followed. fast-glob's own
 *   `followSymbolicLinks` descends loops until the OS refuses (ELOOP), hence the manual walk.
 * - The result is sorted and each real file appears once, so two runs scan the same list. A
 *   file or folder named twice (or named and listed by --files-from) gets a duplicate-id
 *   warning; one reached again through a folder or a link does not.
 * - Nothing is left out silently: a named pipe, socket or device that matches is listed (the
 *   reader warns that it is not a regular file, and never blocks on it); a folder that cannot
 *   be entered (permission denied, a path longer than the system allows, a name that is not
 *   valid UTF-8) is reported through `onWarning`, since fast-glob skips it without a word.
 */
import { accessSync, constants, lstatSync, realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import fg from 'fast-glob';
import type { Warning } from '../core/types.js';
import { InputError } from './errors.js';

/** Text articles, and JSONL files of articles (input/jsonl.ts). */
export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.jsonl', '**/*.ndjson'];

/**
 * DEFAULT_INCLUDE as the walk matches it: the extension in any case (`**\/*.[tT][xX][tT]`).
 * Not fast-glob's caseSensitiveMatch, which would make a user's --exclude patterns match in
 * any case too (found in review).
 */
const DEFAULT_INCLUDE_ANY_CASE = DEFAULT_INCLUDE.map((pattern) =>
  pattern.replace(/\.([a-z]+)$/, (_, extension: string) => `.${[...extension].map((c) => `[${c}${c.toUpperCase()}]`).join('')}`),
);

export interface WalkOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Folder relative paths are read from (default: the process's); paths are returned as given, relative to it. */
  cwd?: string;
  /** Told about what the walk could not look into (an unreadable folder, an undecodable name). */
  onWarning?: (warning: Warning) => void;
  /**
   * Paths from a list (--files-from), taken like the `paths` argument except that a missing
   * one is a warning, not an error: a list made a minute ago may name a file deleted since.
   */
  listed?: readonly string[];
}

/** Node decodes file names as UTF-8 and puts U+FFFD where a byte is not: such a name cannot be opened again. */
const UNDECODABLE = '\ufffd';

/**
 * Why an entry the walk found cannot be used (a folder it cannot enter, a name that is not
 * UTF-8), as a warning; null when it can. `display` is the path shown, `onDisk` where it is.
 */
export function entryProblem(display: string, onDisk: string, isFolder: boolean): Warning | null {
  try {
    if (isFolder) accessSync(onDisk, constants.R_OK | constants.X_OK);
    else if (display.includes(UNDECODABLE)) lstatSync(onDisk);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = isFolder ? 'folder' : 'file';
    const skipped = isFolder ? 'its files were skipped' : 'skipped';
    let reason: string;
    if (code === 'ENOENT' && display.includes(UNDECODABLE)) reason = `${what} name is not valid UTF-8 (shown with \ufffd); ${skipped} (rename it, e.g. with convmv -f latin1 -t utf8)`;
    else if (code === 'ENAMETOOLONG') reason = `path is longer than the system allows (${Buffer.byteLength(onDisk)} bytes); ${skipped} (move it to a shorter path)`;
    else if (code === 'EACCES' || code === 'EPERM') reason = `${what} cannot be read (permission denied); ${skipped}`;
    else if (code === 'ENOENT') return null; // deleted since it was listed: the reader says so for a file
    else reason = `${what} cannot be read (${String(code)}); ${skipped}`;
    return { code: isFolder ? 'unreadable-folder' : 'unreadable', path: display, message: `${display}: ${reason}` };
  }
}

/** Paths as the user will read them: relative paths stay relative, always with forward slashes. */
function displayPath(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The patterns as the walk of `folder` matches them: each as written (from inside the folder),
 * and each written from the current folder, as the report prints paths, also without the
 * folder's prefix: `--exclude 'corpus/biz*'` for the folder `corpus` leaves out
 * `corpus/biz001.txt`. It matched nothing, and `--include 'corpus/biz*.txt'` found no file (a
 * new user's trial: the report's paths are what a user copies into a pattern).
 */
export function patternsFor(patterns: readonly string[], folder: string): string[] {
  const prefix = `${path.posix.normalize(folder.split(path.sep).join('/')).replace(/\/+$/, '')}/`;
  if (prefix === './' || prefix === '/') return [...patterns];
  const out = [...patterns];
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '');
    if (body.startsWith(prefix) && body.length > prefix.length) out.push(`${negated ? '!' : ''}${body.slice(prefix.length)}`);
  }
  return out;
}

function mentions(patterns: readonly string[], name: RegExp): boolean {
  return patterns.some((p) => name.test(p));
}

export async function findFiles(paths: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const include = options.include && options.include.length > 0 ? [...options.include] : DEFAULT_INCLUDE_ANY_CASE;
  const ignore = [...(options.exclude ?? [])];
  if (!mentions(include, /(^|\/)node_modules(\/|$)/)) ignore.push('**/node_modules/**');
  const dot = mentions(include, /(^|\/)\.[^./]/);

  const cwd = options.cwd ?? process.cwd();
  const onDisk = (p: string): string => path.resolve(cwd, p);
  const found = new Map<string, string>(); // real path -> display path
  const viaLink = new Set<string>(); // real paths whose display path goes through a link
  const record = (display: string, real: string, throughLink: boolean): void => {
    // A file reached directly wins over a link to it; otherwise the first path found wins.
    if (!found.has(real) || (viaLink.has(real) && !throughLink)) {
      found.set(real, display);
      if (throughLink) viaLink.add(real);
      else viaLink.delete(real);
    }
  };
  const add = async (display: string, throughLink = false): Promise<void> => {
    let real: string;
    try {
      real = await realpath(onDisk(display));
    } catch {
      real = onDisk(display);
    }
    record(display, real, throughLink);
  };

  // Real folders already walked; each walk covers its whole subtree (links aside).
  const walkedTrees: string[] = [];
  const insideWalkedTree = (real: string): boolean =>
    walkedTrees.some((tree) => real === tree || real.startsWith(tree.endsWith(path.sep) ? tree : tree + path.sep));
  // Files the walks matched (before any is found to be one already recorded).
  let matched = 0;
  const walkFolder = async (folder: string, throughLink: boolean): Promise<boolean> => {
    const real = await realpath(onDisk(folder));
    if (insideWalkedTree(real)) return false;
    walkedTrees.push(real);
    const glob = { cwd: onDisk(folder), dot, ignore: patternsFor(ignore, folder), followSymbolicLinks: false, onlyFiles: false, objectMode: true, suppressErrors: true } as const;
    for (const entry of await fg(patternsFor(include, folder), glob)) {
      const full = path.join(folder, entry.path);
      if (entry.dirent.isDirectory()) continue;
      matched++; // before the name's check: an unreadable name is warned about, not its folder as empty
      if (!usableName(full, onDisk(full), options)) continue;
      // The glob does not follow links, so every folder between `real` and a plain file is a
      // real folder and the file's real path is known without asking: one realpath call per
      // file took 2.4 s of a 3 s walk of the 44k-file bench corpus.
      if (!entry.dirent.isSymbolicLink()) record(full, path.join(real, entry.path), throughLink);
      else {
        const target = await stat(onDisk(full)).catch(() => null);
        // A broken link is listed too, so that reading it warns rather than it vanishing; so is
        // a link to a pipe or a device (the reader names it).
        if (!target) record(full, onDisk(full), true);
        else if (!target.isDirectory()) await add(full, true);
      }
    }
    for (const entry of await fg(['**'], glob)) {
      const full = path.join(folder, entry.path);
      if (entry.dirent.isDirectory()) {
        const problem = entryProblem(full, onDisk(full), true);
        if (problem) options.onWarning?.(problem);
        continue;
      }
      if (!entry.dirent.isSymbolicLink()) continue;
      const target = await stat(onDisk(full)).catch(() => null);
      // A link to a folder already walked: its files were found there, so this folder is not empty.
      if (target?.isDirectory() && !(await walkFolder(full, true))) matched++;
    }
    return true;
  };

  const folders: string[] = [];
  const emptyFolders: string[] = []; // named or listed, and no file matched in them
  const enterFolder = async (given: string): Promise<void> => {
    const problem = entryProblem(given, onDisk(given), true);
    if (problem) options.onWarning?.(problem);
    else {
      folders.push(given);
      const before = matched;
      if ((await walkFolder(given, false)) && matched === before) emptyFolders.push(given);
    }
  };
  const namedAgain = namedTwice(options);
  for (const given of paths) {
    const info = await stat(onDisk(given)).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const reason = info.code === 'ENOENT' ? 'no such file or folder' : info.message;
      throw new InputError(`${given}: ${reason}; check the path`);
    }
    if (namedAgain(given, info.isDirectory(), realpathOr(onDisk(given)))) continue;
    if (info.isDirectory()) await enterFolder(given);
    else await add(given);
  }
  await takeListed(options, onDisk, namedAgain, { folder: enterFolder, file: (given, real) => record(given, real, false) });
  await warnUnmatchedExcludes(options, folders, onDisk, ignore);
  // When nothing at all was found, the caller's error names every path instead.
  if (found.size > 0) await warnEmptyFolders(options, include, emptyFolders, onDisk);
  return [...found.values()].map(displayPath).sort(comparePaths);
}

/**
 * What to do when the patterns matched no file: choose other files with --include, or check the
 * patterns given ("use --include" read oddly after `--include '*.md'`; a new user's run).
 */
export function noMatchAdvice(include: readonly string[] | undefined, exclude: readonly string[] | undefined): string {
  if ((exclude ?? []).length > 0) return (include ?? []).length > 0 ? 'check --include and --exclude' : 'check --exclude, or use --include to choose other files';
  return (include ?? []).length > 0 ? 'check the --include patterns' : 'use --include to choose other files';
}

/** A `no-files` warning for each folder named or listed whose walk matched no file. */
async function warnEmptyFolders(options: WalkOptions, include: readonly string[], folders: readonly string[], onDisk: (p: string) => string): Promise<void> {
  const fix = noMatchAdvice(options.include, options.exclude);
  for (const folder of folders) {
    // One that holds no file at all: the patterns are not what is wrong (found in review).
    const message = (await holdsNoFile(onDisk(folder)))
      ? `${folder}: holds no file; skipped`
      : `${folder}: no files matching ${(include === DEFAULT_INCLUDE_ANY_CASE ? DEFAULT_INCLUDE : include).join(', ')}; skipped (${fix})`;
    options.onWarning?.({ code: 'no-files', path: folder, message });
  }
}

/**
 * Whether a folder holds no file at any depth: links not followed (a loop, or a link to /,
 * walked for ever), hidden files not counted (git keeps an emptied folder with a .gitkeep),
 * and the first file found ends the walk.
 */
export async function holdsNoFile(folder: string): Promise<boolean> {
  // Leaving the loop ends the stream (its iterator's return destroys it).
  for await (const _file of fg.stream(['**'], { cwd: folder, dot: false, onlyFiles: true, suppressErrors: true, followSymbolicLinks: false })) return false;
  return true;
}

/**
 * A check of what was named (or listed) by real path: true, with a duplicate-id warning, for
 * the same file or folder named again, which is then read once.
 */
function namedTwice(options: WalkOptions): (given: string, isFolder: boolean, real: string) => boolean {
  const named = new Map<string, string>();
  return (given, isFolder, real) => {
    const first = named.get(real);
    if (first === undefined) {
      named.set(real, given);
      return false;
    }
    const again = first === given ? 'given more than once' : `the same ${isFolder ? 'folder' : 'file'} as ${first}`;
    options.onWarning?.({ code: 'duplicate-id', path: given, message: `${given}: ${again}; ${isFolder ? 'walked' : 'read'} once` });
    return true;
  };
}

/** A listed entry shown in a message: its start, when it is long (a whole line of JSON). */
function shownEntry(given: string): string {
  return given.length > 80 ? `${given.slice(0, 60)}…` : given;
}

const LOOKS_LIKE_JSON = /^\s*[{[]/;
const JSON_HINT = '; a line of JSON: JSONL is read from a file, or from standard input as - (dedupe -), not through --files-from';
/** Why an entry cannot be looked up, by the error's code. */
const UNLISTABLE_REASONS: Record<string, string> = {
  ENAMETOOLONG: 'a name too long for a path',
  ENOTDIR: 'a file where a folder should be',
  EACCES: 'permission denied',
  ELOOP: 'a loop of links',
  ENOENT: 'not found',
};
/** The warnings unlistable made: findArticles tells them from paths merely missing by identity, not by their words. */
const UNLISTABLE_WARNINGS = new WeakSet<Warning>();

/** Whether a warning is unlistable's: an entry that is no path at all, not one that is missing. */
export function isUnlistable(warning: Warning): boolean {
  return UNLISTABLE_WARNINGS.has(warning);
}

/**
 * A --files-from entry that cannot even be looked up (a name too long, a file where a folder
 * should be, a folder that may not be entered, a line of JSON): a warning, not an internal
 * error. JSONL piped to `--files-from -` instead of `-` made every line a 3 KB "path" and the
 * run stopped with "internal error: ENAMETOOLONG" (a new user). One behind a folder that may not
 * be entered is `unreadable`, which a gate fails on, as for a file named so (review); the
 * warning's `path` is the entry whole, its message shows its start.
 */
function unlistable(given: string, code: string | undefined): Warning {
  const why = (code === undefined ? undefined : UNLISTABLE_REASONS[code]) ?? code ?? 'unknown';
  const json = LOOKS_LIKE_JSON.test(given) ? JSON_HINT : '';
  const warning: Warning = {
    code: code === 'EACCES' || code === 'ELOOP' ? 'unreadable' : 'not-found',
    path: given,
    message: `${shownEntry(given)}: listed by --files-from but cannot be looked up (${why})${json}; skipped`,
  };
  UNLISTABLE_WARNINGS.add(warning);
  return warning;
}

/** The --files-from paths: a folder is walked, a file taken; one that no longer exists is a warning. */
async function takeListed(
  options: WalkOptions,
  onDisk: (p: string) => string,
  namedAgain: (given: string, isFolder: boolean, real: string) => boolean,
  take: { folder: (given: string) => Promise<void>; file: (given: string, real: string) => void },
): Promise<void> {
  for (const given of options.listed ?? []) {
    // Synchronous: a list from `find` can name a hundred thousand files, and one thread-pool
    // round trip per stat and realpath would cost more than the calls themselves.
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(onDisk(given), { throwIfNoEntry: false });
    } catch (error) {
      options.onWarning?.(unlistable(given, (error as NodeJS.ErrnoException | null)?.code));
      continue;
    }
    // A line of JSON that is no path (under PATH_MAX, with a "/" in a url): not an out-of-date list (review).
    if (!info && LOOKS_LIKE_JSON.test(given)) {
      options.onWarning?.(unlistable(given, 'ENOENT'));
      continue;
    }
    if (!info) {
      const undecodable = entryProblem(given, onDisk(given), false);
      // A link that leads nowhere is a file that cannot be read, as in a folder walked (vanished,
      // which a gate fails on); only a path where nothing is at all is an out-of-date list (found in review).
      const brokenLink = lstatSync(onDisk(given), { throwIfNoEntry: false })?.isSymbolicLink() === true;
      options.onWarning?.(
        undecodable ??
          (brokenLink
            ? { code: 'vanished', path: given, message: `${given}: missing (a broken link); skipped` }
            : { code: 'not-found', path: given, message: `${given}: listed by --files-from but not found (the list may be older than the files)` }),
      );
      continue;
    }
    const real = realpathOr(onDisk(given));
    if (namedAgain(given, info.isDirectory(), real)) continue;
    if (info.isDirectory()) await take.folder(given);
    else take.file(given, real);
  }
}

/** False, with a warning, for a file whose name is not valid UTF-8 (it cannot be opened by the name Node decoded). */
function usableName(display: string, onDisk: string, options: WalkOptions): boolean {
  if (!display.includes(UNDECODABLE)) return true;
  const problem = entryProblem(display, onDisk, false);
  if (problem) options.onWarning?.(problem);
  return problem === null;
}

/**
 * Warns about each --exclude pattern that matches nothing in the folders walked. Checked
 * against the tree as it is (dot-folders too), not minus the other excludes: only a pattern
 * that matches nothing at all is a likely typo.
 */
async function warnUnmatchedExcludes(options: WalkOptions, folders: readonly string[], onDisk: (p: string) => string, ignore: readonly string[]): Promise<void> {
  const excludes = options.exclude ?? [];
  const others = ignore.filter((p) => !excludes.includes(p));
  for (const pattern of excludes) {
    const matched = await someMatch((folder) => patternsFor([pattern], folder), folders, onDisk, { dot: true, ignore: others });
    if (matched) continue;
    const where = folders.length > 0 ? `in ${folders.map(displayPath).join(', ')}` : '(it applies inside the folders given, and none was)';
    options.onWarning?.({ code: 'exclude-unmatched', path: pattern, message: `--exclude ${pattern} matches nothing ${where}; check the pattern` });
  }
}

/**
 * Whether a pattern (as `patternsIn` gives it for each folder, patternsFor) matches any file or folder under one of `folders`; stops at the first.
 * A typo in an --exclude pattern would otherwise go unnoticed and the files meant to be left
 * out be scanned.
 */
async function someMatch(patternsIn: (folder: string) => string[], folders: readonly string[], onDisk: (p: string) => string, glob: { dot: boolean; ignore: string[] }): Promise<boolean> {
  for (const folder of folders) {
    const stream = fg.stream(patternsIn(folder), { cwd: onDisk(folder), ...glob, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true }) as Readable;
    for await (const _first of stream) {
      stream.destroy();
      return true;
    }
  }
  return false;
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The real path of `file`, or `file` itself when it has none (a broken link). */
function realpathOr(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Whether `name`, read from `cwd`, is a folder (false when it is missing or anything else). */
export function isFolder(name: string, cwd: string): boolean {
  return statSync(path.resolve(cwd, name), { throwIfNoEntry: false })?.isDirectory() === true;
}
