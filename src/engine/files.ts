/**
 * Which files a command reads, and the ids documents get: the walk (src/input/walk.ts) with the
 * one error every command gives when it finds nothing, and the stored path of a document in
 * the index (relative to the folder the command runs in).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PrepareJob } from './prepare-job.js';
import { EmptyListError, InputError } from '../input/errors.js';
import type { Warning } from '../core/types.js';
import { DEFAULT_INCLUDE, findFiles, holdsNoFile, isUnlistable, noMatchAdvice, type WalkOptions } from '../input/walk.js';

export interface WalkRequest {
  paths: readonly string[];
  /** Paths read from a list (--files-from): a missing one is a warning, not an error. */
  listed?: readonly string[];
  include: readonly string[];
  exclude: readonly string[];
  /** The folder the command runs in: relative paths are read from it, and stored relative to it. */
  cwd: string;
}

/**
 * The files under the paths; an InputError (exit 2) naming the patterns when there are none.
 * What the walk could not look into (an unreadable folder) goes to `onWarning`.
 */
export async function findArticles(request: WalkRequest, onWarning?: (warning: Warning) => void): Promise<string[]> {
  const walk: WalkOptions = { include: request.include, exclude: request.exclude, cwd: request.cwd };
  // Listed paths not found, counted: when they are all there was, the fix is where they are read from, not --include.
  let missingListed = 0;
  let missingRelative = 0;
  let unlistable = 0;
  walk.onWarning = (warning) => {
    if (isUnlistable(warning)) {
      missingListed++;
      unlistable++;
    } else if (warning.code === 'not-found') {
      missingListed++;
      if (!path.isAbsolute(warning.path)) missingRelative++;
    }
    onWarning?.(warning);
  };
  if (request.listed) walk.listed = request.listed;
  const files = await findFiles(request.paths, walk);
  if (files.length > 0) return files;
  const listed = request.listed?.length ?? 0;
  if (request.paths.length === 0 && listed === 0) throw new EmptyListError();
  if (request.paths.length === 0 && missingListed === listed) {
    if (unlistable === listed) {
      throw new InputError(
        listed === 1
          ? 'the entry listed by --files-from is not a path that can be looked up (see the warning above)'
          : `none of the ${listed} entries listed by --files-from is a path that can be looked up (see the warnings above)`,
      );
    }
    const found = listed === 1 ? 'the path listed by --files-from was not found' : `none of the ${listed} paths listed by --files-from were found`;
    // Said only when some were relative: for absolute paths it is no explanation (found in review).
    const where = missingRelative > 0 ? `; relative paths in the list are read from the current folder (${request.cwd}), not the list's: write them from here, or absolute` : '';
    throw new InputError(`${found}${where}`);
  }
  // Folders that hold no file at all (not files of other kinds): nothing came in.
  const named = [...request.paths, ...(request.listed ?? [])];
  if (await allEmptyFolders(named, request.cwd)) {
    throw new EmptyListError(`${named.join(', ')} ${named.length === 1 ? 'holds' : 'hold'} no file`);
  }
  const patterns = (request.include.length > 0 ? request.include : DEFAULT_INCLUDE).join(', ');
  const excluded = request.exclude.length > 0 ? ` not excluded by ${request.exclude.join(', ')}` : '';
  const fix = noMatchAdvice(request.include, request.exclude);
  const where = [...request.paths, ...(listed > 0 ? [`the ${listed} path${listed === 1 ? '' : 's'} listed by --files-from`] : [])].join(', ');
  throw new InputError(`no files matching ${patterns}${excluded} in ${where}; ${fix}`);
}

/** Whether every path is a folder holding no file at any depth (empty folders inside are no files). */
async function allEmptyFolders(paths: readonly string[], cwd: string): Promise<boolean> {
  if (paths.length === 0) return false;
  for (const folder of paths) {
    const info = await stat(path.resolve(cwd, folder)).catch(() => null);
    if (!info?.isDirectory()) return false;
    if (!(await holdsNoFile(path.resolve(cwd, folder)))) return false;
  }
  return true;
}

/**
 * The path a document is stored under, so that `a.txt`, `./a.txt` and `/abs/cwd/a.txt` are
 * one document: a path inside `root` is stored relative to it (an index stays usable when the
 * checkout moves, as a CI workspace does, if commands run from the same folder); a relative path
 * outside it keeps its `../`; an absolute path outside it stays absolute. Always forward
 * slashes. `file` is read from `cwd`; `root` is the current folder too, unless the index's path
 * came from a config file, whose folder it then is (so a run from a sub-folder names a file as
 * a run from the project's top does).
 */
export function documentPath(file: string, cwd: string, root: string = cwd): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(root, absolute);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const chosen = outside && path.isAbsolute(file) ? absolute : relative;
  return chosen.split(path.sep).join('/');
}

/**
 * The spellings an index may hold `file` under: documentPath's and the absolute path. (Not the
 * one relative to the current folder when the root is another: in the root's naming that is
 * another file, `ap.txt` at the top for `sub/ap.txt`, found in review.) A file outside the current folder given by its absolute path is stored
 * under that path, so a later command run from another folder that names it by a relative path
 * still finds it (found by a stranger: `index add /abs/seeds/004.txt`, then `check
 * seeds/004.txt` from `/abs`, flagged 004 as a 100% copy of itself). Symbolic links are not
 * resolved: a path through a link is another document, as it is to the walk's report.
 */
export function pathSpellings(file: string, cwd: string, root: string = cwd): string[] {
  const absolute = path.resolve(cwd, file).split(path.sep).join('/');
  const usual = documentPath(file, cwd, root);
  return usual === absolute ? [usual] : [usual, absolute];
}

/**
 * Names each file job by the spelling the index already holds it under (pathSpellings), when
 * that is not documentPath's: so a file added as `/abs/seeds/a.txt` is updated, not added again,
 * by `index add seeds/a.txt` from `/abs`, and `check` knows it (reported under the stored
 * spelling, the index's name for it). JSONL articles keep their ids.
 */
export function nameAsIndexed(jobs: readonly PrepareJob[], index: { contentHashOf(storedPath: string): string | undefined }, cwd: string, root: string = cwd): void {
  const isStored = (storedPath: string): boolean => index.contentHashOf(storedPath) !== undefined;
  const taken = new Set(jobs.map((job) => job.id));
  for (const job of jobs) {
    if (job.text !== undefined || isStored(job.id)) continue;
    const stored = pathSpellings(job.path, cwd, root).find((spelling) => spelling !== job.id && !taken.has(spelling) && isStored(spelling));
    if (stored === undefined) continue;
    taken.add(stored);
    job.id = stored;
  }
}

/** None of the files could be read: nothing to report (exit 2). */
export function nothingReadable(count: number, suffix = '', only?: string): InputError {
  if (count === 1 && only !== undefined) return new InputError(`nothing to read: ${only}, the only matching file, could not be read (see the warning above)${suffix}`);
  return new InputError(`none of the ${count} matching files could be read (see the warnings above)${suffix}`);
}

/** Nothing could be read from the files and JSONL sources found (exit 2); a lone file is named. */
export function nothingRead(sources: { files: number; jsonlSources: number; records: number; jobs?: ReadonlyArray<{ path: string }>; warned?: boolean }, suffix = ''): InputError {
  if (sources.jsonlSources === 0) return nothingReadable(sources.files, suffix, sources.jobs?.[0]?.path);
  const what = [
    ...(sources.files > 0 ? [`${sources.files} file${sources.files === 1 ? '' : 's'}`] : []),
    `${sources.jsonlSources} JSONL source${sources.jsonlSources === 1 ? '' : 's'} (${sources.records} article${sources.records === 1 ? '' : 's'})`,
  ].join(' and ');
  // No record at all and no warning (standard input or a file that was empty): nothing to point to.
  if (sources.warned === false && sources.records === 0 && sources.files === 0) {
    return new InputError(`no article to read: ${sources.jsonlSources === 1 ? 'the JSONL input holds' : `the ${sources.jsonlSources} JSONL inputs hold`} none${suffix}`);
  }
  return new InputError(`no article could be read from the ${what} (see the warnings above)${suffix}`);
}
