/**
 * The persistent index as operations that return data: add articles (prepared on all cores,
 * unchanged files skipped by content hash), remove them, and read its statistics. Storage is
 * src/store's; this layer decides what to store and says what happened.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { isJsonl, readJsonl, STDIN_NAME } from '../input/jsonl.js';
import type { Chunks } from '../input/records.js';
import type { PreparedDocument } from '../core/model.js';
import { emptyWarning } from '../core/scan/variants.js';
import type { ScanOptions } from '../core/types.js';
import { IndexStore, type IndexStats, type IndexVerification, type PutOutcome, type StoredDocument, type WriteBatch } from '../store/index-store.js';
import type { RequestOrigins } from '../store/parameters.js';
import { documentPath, nameAsIndexed, nothingRead, pathSpellings } from './files.js';
import { defaultThreads, prepareFiles, type PrepareOutcome } from './prepare-pool.js';
import { prepareProgress, type EngineHooks } from './scan.js';
import { versionHash } from './prepare-job.js';
import { collectSources, STDIN_PATH, type SourceRequest } from './sources.js';
import { shellWord } from '../input/read.js';

export type { IndexStats, IndexVerification };

export interface StoredArticle {
  path: string;
  paragraphs: number;
}

export interface AddResult {
  database: string;
  added: StoredArticle[];
  updated: StoredArticle[];
  /** Unchanged since they were last added (same content hash): not signed again. */
  unchanged: string[];
  /** Files that could not be read (binary, not UTF-8, unreadable); see the warnings. */
  unreadable: string[];
  /**
   * Folders that could not be walked (permission denied): what they hold was not added. Only in
   * the warnings, a CI step's JSON showed a clean add of part of an archive (a new user).
   */
  unreadableFolders: string[];
  /** Files now empty whose stored version was kept rather than replaced by nothing; see the warnings. */
  keptStored: string[];
  index: { documents: number; paragraphs: number };
}

export interface RemoveResult {
  database: string;
  removed: string[];
  /** Paths given that matched nothing in the index. */
  notFound: string[];
  index: { documents: number; paragraphs: number };
}

/** Where the index is and how to open it for writing. */
export interface IndexLocation {
  db: string;
  /** `db` is the default (.dedupe/index.db) or another file in a folder named .dedupe: that folder is made when it alone is missing (IndexStore's defaultFolder). */
  defaultDb: boolean;
  /** The folder documents' paths are stored relative to (files.ts, documentPath): a config file's, when `db` came from it; else the current folder. */
  root?: string;
  /** The config file `db` came from, when it did (messages name it). */
  dbFrom?: string;
}

/** How an index at `location` is opened: its folder made when it is the default one, and messages naming where its path came from. */
export function locationOptions(location: IndexLocation): { defaultFolder: boolean; dbFrom?: string } {
  return { defaultFolder: location.defaultDb, ...(location.dbFrom === undefined ? {} : { dbFrom: location.dbFrom }) };
}

export interface AddRequest extends SourceRequest, IndexLocation {
  /** Signing options given on the command line or in a config file (undefined: the index's own, or the defaults for a new one). */
  requested: Partial<ScanOptions>;
  /** The config file each of `requested` came from, when one did (store/parameters.ts names it). */
  requestedFrom?: RequestOrigins;
  threads?: number;
  /** Whether files' modification times are stored with the articles, as evidence for later checks (default true). */
  fileTimes?: boolean;
  /** Unix milliseconds recorded as the time added (and the creation time of a new index). */
  now: number;
  createdBy: string;
}

/** What a batch has stored, updated, left alone and refused to overwrite. */
export type StoreTally = Pick<AddResult, 'added' | 'updated' | 'unchanged' | 'keptStored'>;

/** Adds what a batch holds: prepared articles stored, unchanged ones counted. */
export function storeOutcome(batch: WriteBatch, outcome: PrepareOutcome, addedAt: number, result: StoreTally, hooks: EngineHooks): void {
  if (outcome.status === 'unchanged') {
    result.unchanged.push(outcome.job.id);
    return;
  }
  if (outcome.status !== 'prepared') return;
  // A JSONL article (its text given, not read from a file) is named by the line it came from.
  const record = outcome.job.text === undefined ? undefined : outcome.job.path;
  const stored = putPrepared(batch, outcome.prepared, { contentHash: outcome.contentHash!, bytes: outcome.bytes }, addedAt, result, hooks, record);
  // Stored all the same (check then knows the file), but said, as the scan says it. (check
  // --add stores through putPrepared too, after its scan has said it.)
  const { prepared } = outcome;
  if (prepared.count === 0 && stored !== 'kept') hooks.warning?.(emptyWarning(prepared.id, 'stored with no paragraphs'));
}

/**
 * Stores one prepared article. A file emptied since it was stored (a failed export, a
 * truncated copy) does not replace the article with nothing: nothing a user stored is lost
 * without a word. The stored version stays ('kept'), with a warning saying how to remove it.
 * `record`: where a JSONL article's line is (`feed.jsonl:4`), for the warning.
 */
export function putPrepared(
  batch: WriteBatch,
  prepared: PreparedDocument,
  version: { contentHash: string; bytes: number },
  addedAt: number,
  result: StoreTally,
  hooks: EngineHooks,
  record?: string,
): PutOutcome | 'kept' {
  const storedParagraphs = prepared.count === 0 ? batch.paragraphCountOf(prepared.id) : undefined;
  if (storedParagraphs !== undefined && storedParagraphs > 0) {
    result.keptStored.push(prepared.id);
    const what = record === undefined ? 'the file is empty now' : `its "text" (${record}) is empty now`;
    hooks.warning?.({
      code: 'empty-not-stored',
      path: prepared.id,
      message: `${prepared.id}: ${what}; its stored version (${storedParagraphs} paragraph${storedParagraphs === 1 ? '' : 's'}) was kept (dedupe index remove ${prepared.id} takes it out)`,
    });
    return 'kept';
  }
  // Asked before the stored version is replaced: an update that shares no paragraph with it is
  // most likely another article under the same name (another feed's JSONL id "1"), and the one
  // it replaces is gone from the index (found by a new user). Stored, and said.
  const related = batch.sharesTextWith(prepared.id, prepared);
  const stored = batch.put(prepared, { ...version, addedAt });
  if (stored === 'updated' && related === false) {
    const what = record === undefined ? prepared.id : `${prepared.id} (${record})`;
    hooks.warning?.({
      code: 'replaced-unrelated',
      path: prepared.id,
      message: `${what}: replaced the stored article of that name, which shares no paragraph with it; if they are two articles, give them different names or ids (the replaced one is no longer in the index)`,
    });
  }
  const entry = { path: prepared.id, paragraphs: prepared.count };
  if (stored === 'added') result.added.push(entry);
  else if (stored === 'updated') result.updated.push(entry);
  else result.unchanged.push(prepared.id);
  return stored;
}

/**
 * What opening an index of an older schema tells the hooks: its upgrade runs once, in one
 * transaction, and reads every stored document (about 4 s for 10,000 articles from schema 2).
 */
export function upgradeNotice(db: string, hooks: EngineHooks): (from: number, to: number) => void {
  return (from, to) => hooks.notice?.(`upgrading ${db} from index schema ${from} to ${to} (once; it reads every stored article)`);
}

/** What a write tells the hooks while another process holds the index's write lock. */
export function waitNotice(db: string, hooks: EngineHooks): (waitedMs: number) => void {
  return () => hooks.progress?.({ stage: 'wait-lock', file: db });
}

export async function addToIndex(request: AddRequest, hooks: EngineHooks = {}): Promise<AddResult> {
  const unreadableFolders: string[] = [];
  const sources = await collectSources(
    request,
    (file) => documentPath(file, request.cwd, request.root),
    (warning) => {
      if (warning.code === 'unreadable-folder') unreadableFolders.push(warning.path);
      hooks.warning?.(warning);
    },
    hooks.progress,
  );
  const store = await IndexStore.open(request.db, {
    mode: 'write',
    requested: request.requested,
    ...(request.requestedFrom ? { requestedFrom: request.requestedFrom } : {}),
    ...locationOptions(request),
    now: request.now,
    createdBy: request.createdBy,
    cwd: request.cwd,
    onUpgrade: upgradeNotice(request.db, hooks),
  });
  // The verification thresholds of an existing index are its own: a check takes others per run
  // (while the banding stays the same), but an add stores nothing of them. Said, not ignored.
  for (const [key, flag] of [['threshold', '--threshold'], ['containment', '--containment']] as const) {
    const asked = request.requested[key];
    const kept = store.parameters[key];
    if (asked !== undefined && asked !== kept) {
      hooks.warning?.({ code: 'option-not-stored', path: request.db, message: `${flag} ${asked} is not stored: ${request.db} keeps ${kept} (dedupe check takes ${flag} per run)` });
    }
  }
  try {
    const result: AddResult = { database: request.db, added: [], updated: [], unchanged: [], unreadable: [], unreadableFolders, keptStored: [], index: { documents: 0, paragraphs: 0 } };
    await store.write(async (batch) => {
      // Under the write lock: another add cannot store the file under its other spelling meanwhile.
      nameAsIndexed(sources.jobs, batch, request.cwd, request.root);
      const jobs = sources.jobs.map((job) => {
        const storedHash = batch.contentHashOf(job.id);
        return storedHash === undefined ? job : { ...job, storedHash };
      });
      const run = await prepareFiles(jobs, { options: store.options, threads: request.threads ?? defaultThreads(), contentHash: true, cwd: request.cwd, fileTimes: request.fileTimes ?? true });
      const progress = prepareProgress(jobs.length, hooks);
      for await (const outcome of run.outcomes) {
        progress(outcome);
        if (outcome.status === 'unreadable') {
          result.unreadable.push(outcome.job.path);
          hooks.warning?.(outcome.warning);
          continue;
        }
        if (outcome.status === 'prepared' && outcome.warning) hooks.warning?.(outcome.warning);
        storeOutcome(batch, outcome, request.now, result, hooks);
      }
      if (result.unreadable.length === jobs.length) throw nothingRead(sources, '; the index was not changed');
      hooks.progress?.({ stage: 'store', file: request.db });
    }, waitNotice(request.db, hooks));
    warnRenamed(store, result, new Set(sources.jobs.filter((job) => job.text !== undefined).map((job) => job.id)), request.root ?? request.cwd, hooks);
    const stats = store.stats();
    result.index = { documents: stats.documents, paragraphs: stats.paragraphs };
    return result;
  } finally {
    store.close();
  }
}

/**
 * Warns of each added file whose text the index already holds under a path with no file now:
 * a renamed or moved file, stored again under its new name. Its old entry stays (the index
 * never drops what it was given unasked), and `check` then calls the file a copy of itself
 * (a new user's archive reorganised: its gate failed on a file matched to one that was gone).
 */
function warnRenamed(store: IndexStore, result: AddResult, jsonlIds: ReadonlySet<string>, root: string, hooks: EngineHooks): void {
  // Files only, on both sides: a JSONL article is stored under its id, which names no file (a
  // reviewer's feed of two ids with one text was told "b7: the same text as a1, whose file is
  // gone", and given the command that removed a1).
  const added = new Map<string, string>();
  for (const { path: stored } of result.added) {
    const hash = jsonlIds.has(stored) ? undefined : store.contentHashOf(stored);
    if (hash !== undefined) added.set(stored, hash);
  }
  const byHash = new Map<string, string[]>();
  for (const doc of store.documentsWithContent(new Set(added.values()))) {
    if (added.has(doc.path) || fileThere(root, doc.path) !== false) continue;
    const gone = byHash.get(doc.contentHash);
    if (gone) gone.push(doc.path);
    else byHash.set(doc.contentHash, [doc.path]);
  }
  for (const [stored, hash] of added) {
    const gone = byHash.get(hash);
    if (!gone) continue;
    const old = gone.join(', ');
    hooks.warning?.({
      code: 'renamed',
      path: stored,
      message: `${stored}: the same text as ${old}, stored earlier, whose file is gone (renamed or moved?): check will call one a copy of the other; dedupe index remove ${gone.map((p) => shellWord(p)).join(' ')} takes the old entry out`,
    });
  }
}

export interface RemoveRequest extends IndexLocation {
  /** Stored paths, or folders to remove everything under; `-`: the articles of the JSONL on `stdin`. */
  paths: readonly string[];
  cwd: string;
  /** Standard input, read when a path is `-` (as index add and check read it). */
  stdin?: Chunks;
}

export async function removeFromIndex(request: RemoveRequest, hooks: EngineHooks = {}): Promise<RemoveResult> {
  const store = await IndexStore.open(request.db, { mode: 'write', mustExist: true, ...locationOptions(request), cwd: request.cwd, onUpgrade: upgradeNotice(request.db, hooks) });
  try {
    const removed: string[] = [];
    const notFound: string[] = [];
    // Standard input read once, before the write lock is taken: a slow pipe, or `-` typed at a
    // terminal, held the lock while other writers waited (review).
    const fromStdin = request.paths.includes(STDIN_PATH) ? await jsonlVersionsOf(request.stdin ?? (async function* nothing() {})(), STDIN_NAME) : [];
    const paths = request.paths.filter((given, at) => given !== STDIN_PATH || request.paths.indexOf(given) === at);
    await store.write(async (batch) => {
      for (const given of paths) {
        // Under both spellings the index may hold it by (pathSpellings): a folder's articles may have been added by relative and by absolute paths.
        const isStdin = given === STDIN_PATH;
        const matching = isStdin ? [] : [...new Set(pathSpellings(given, request.cwd, request.root).flatMap((spelling) => store.pathsUnder(spelling)))];
        // A JSONL feed's articles are stored under their ids: removing the feed removes those
        // its lines name (it said "not in the index" and removed nothing; found by a new user).
        // Only those stored with the line's text: an id another feed's article holds now is not
        // this feed's to remove (found in review); one check --add stored beside is.
        if (matching.length === 0 && (isStdin || isJsonl(given))) {
          const absent: string[] = [];
          // `-` is standard input, as index add and check read it (it was taken for a stored path; a new user).
          const versions = isStdin ? fromStdin : await jsonlVersions(path.resolve(request.cwd, given), given);
          for (const { id, hash } of versions) {
            const stored = [id, archivedName(id, hash)].find((name) => store.contentHashOf(name) === hash);
            if (stored !== undefined) matching.push(stored);
            else absent.push(id);
          }
          // Some of its articles were never stored (or are stored with other text): said in one
          // line, as a path not in the index is (they went unmentioned; a new user).
          if (matching.length > 0 && absent.length > 0) {
            const shown = absent.slice(0, ABSENT_IDS_SHOWN).map((id) => JSON.stringify(id)).join(', ');
            const more = absent.length > ABSENT_IDS_SHOWN ? `, and ${absent.length - ABSENT_IDS_SHOWN} more` : '';
            hooks.warning?.({
              code: 'not-found',
              path: given,
              message: `${given}: ${absent.length} of its ${versions.length} articles ${absent.length === 1 ? 'is' : 'are'} not in the index ${request.db} with this text (${shown}${more}); nothing removed for ${absent.length === 1 ? 'it' : 'them'}`,
            });
          }
        }
        if (matching.length === 0) notFound.push(given);
        for (const stored of matching) if (batch.remove(stored)) removed.push(stored);
      }
    });
    const stats = store.stats();
    return { database: request.db, removed, notFound, index: { documents: stats.documents, paragraphs: stats.paragraphs } };
  } finally {
    store.close();
  }
}

/** Ids named in the warning about a JSONL feed's articles that are not in the index. */
const ABSENT_IDS_SHOWN = 5;

/** Digits of a text's SHA-256 in archivedName: 48 bits, no collision between two texts of one name in practice. */
const ARCHIVED_NAME_HASH_DIGITS = 12;

/**
 * The name `check --add` stores an article under when the index holds its name with other text:
 * the name and the first ARCHIVED_NAME_HASH_DIGITS digits of its text's SHA-256,
 * `today.txt#3f2a9c01b7e4`. `check` is the gate of an archive, and the article stored under the
 * name is one the archive received: stored over, it was lost, and a later copy of it passed the
 * gate (found by a new user). (`index add` replaces a changed file: there the name is the
 * document.) An article that trips the gate is not stored at all, so an update of the stored
 * article, which shares its text, never gets here.
 */
export function archivedName(name: string, contentHash: string): string {
  return `${name}#${contentHash.slice(0, ARCHIVED_NAME_HASH_DIGITS)}`;
}

/** The ids of a JSONL file's articles and their versions' hashes (its lines that parse; none when it cannot be read). */
function jsonlVersions(file: string, name: string): Promise<Array<{ id: string; hash: string }>> {
  return jsonlVersionsOf(createReadStream(file), name);
}

/** jsonlVersions of JSONL read from `chunks` (a file, or standard input). */
async function jsonlVersionsOf(chunks: Chunks, name: string): Promise<Array<{ id: string; hash: string }>> {
  const versions: Array<{ id: string; hash: string }> = [];
  try {
    for await (const record of readJsonl(chunks, name)) if (!('code' in record)) versions.push({ id: record.id, hash: versionHash(record.text, record.metadata) });
  } catch {
    // Unreadable: nothing it names is removed, and the path is reported not found.
  }
  return versions;
}

export interface ListRequest extends IndexLocation {
  /** Only stored paths with no file there now (resolved from the folder paths are stored relative to). */
  missing: boolean;
  cwd: string;
}

/** A stored document and whether a file is at its path now. */
export interface ListedDocument extends StoredDocument {
  /** Whether a file is at the stored path; null for a name that is none of a file's (fileThere). */
  present: boolean | null;
}

/**
 * The stored documents, by path: what an index holds, to find entries whose files were renamed
 * or moved (a renamed archive file is stored again under its new name, and the old entry makes
 * it a copy of itself to `check`; found by a new user, who had to open the index with sqlite3 to
 * find the old name).
 */
export interface ListResult {
  database: string;
  documents: ListedDocument[];
}

/**
 * Whether a file is at a stored path now (from the folder paths are stored relative to): null
 * when the name is none of a file's, so that nothing can be said: a JSONL article's id (`ap-1`:
 * no folder and no extension) or an article `check --add` stored beside its name
 * (`today.txt#3f2a9c01b7e4`). A JSONL id written as a file's name is taken for one.
 */
export function fileThere(root: string, stored: string): boolean | null {
  if (existsSync(path.resolve(root, stored))) return true;
  if (/#[0-9a-f]{12}$/.test(stored)) return null;
  return /[/\\]/.test(stored) || /\.[A-Za-z0-9]{1,8}$/.test(stored) ? false : null;
}

export async function listIndex(request: ListRequest, hooks: EngineHooks = {}): Promise<ListResult> {
  const store = await IndexStore.open(request.db, { mode: 'read', ...locationOptions(request), cwd: request.cwd, onUpgrade: upgradeNotice(request.db, hooks) });
  try {
    const root = request.root ?? request.cwd;
    const documents = store.documentList().map((doc): ListedDocument => ({ ...doc, present: fileThere(root, doc.path) }));
    return { database: request.db, documents: request.missing ? documents.filter((doc) => doc.present === false) : documents };
  } finally {
    store.close();
  }
}

export interface StatsRequest extends IndexLocation {
  /** Also read the whole index and check it for damage. */
  verify: boolean;
  cwd: string;
}

export async function indexStats(request: StatsRequest, hooks: EngineHooks = {}): Promise<{ stats: IndexStats; verification?: IndexVerification }> {
  const { db, verify } = request;
  const store = await IndexStore.open(db, { mode: 'read', ...locationOptions(request), cwd: request.cwd, onUpgrade: upgradeNotice(db, hooks) });
  try {
    const stats = store.stats();
    return verify ? { stats, verification: store.verify() } : { stats };
  } finally {
    store.close();
  }
}
