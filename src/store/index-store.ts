/**
 * The persistent index (issue 4): signed articles in an SQLite database (better-sqlite3),
 * so `dedupe check` compares incoming articles with the archive without re-reading it.
 *
 * Guarantees:
 * - An index is only ever written by this module and only after it has been recognised as
 *   one (application id, schema version) through a read-only connection: a text file or
 *   another program's database given as --db is reported and left untouched.
 * - A new index is built in a temporary file and linked into place complete, so a killed
 *   first `index add` never leaves a half-made file behind, and two concurrent ones do not
 *   overwrite each other (link fails on an existing name; the loser uses the winner's).
 * - Every batch of writes is one transaction in WAL mode: a reader (`check`) sees the index as
 *   it was before or after a batch, and a crash or SIGKILL mid-batch leaves the earlier state.
 *
 * No console or process use: errors are thrown as IndexError for the CLI to map to exit 2.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, linkSync, mkdirSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CodecError, decodeDocument, encodeDocument } from '../core/codec.js';
import { literally } from '../core/text/regexp.js';
import { bandKeys, hasKey, shingles, textKey } from '../core/document.js';
import type { PreparedDocument } from '../core/model.js';
import { resolveOptions } from '../core/options.js';
import { createSigner } from '../core/signing/signer.js';
import { archivedContent, archivedKeys, archiveSigner, countDocumentWords, DocumentFrequency, type ArchiveWordCounts, type ContentWordSigner } from '../core/rewrite/channel.js';
import type { ResolvedOptions, ScanOptions } from '../core/types.js';
import { decodeUint32s, encodeBandKey, encodeTextKey, encodeUint32s } from './codec.js';
import { IndexError } from './errors.js';
import {
  optionsForIndex,
  parametersFromMeta,
  parametersOf,
  parametersToMeta,
  type IndexParameters,
  type RequestOrigins,
} from './parameters.js';
import { BandKeyBuffer, ROWS_PER_STATEMENT } from './band-key-buffer.js';
import { APPLICATION_ID, countWordDocuments, FORMAT_MARKER, MIGRATIONS, REQUIRED_TABLES, SCHEMA_VERSION, type Migration, type MigrationContext } from './schema.js';

type Connection = Database.Database;
type Statement = Database.Statement;

/** The meta key counting the index's write transactions (changeMarker). */
const WRITES_KEY = 'writes';

/** How long a connection waits for another process's lock before giving up (SQLite busy timeout). */
export const BUSY_TIMEOUT_MS = 30_000;

/** The folder dedupe keeps its index in by default (`.dedupe/index.db`; the CLI's --db default): a file there is dedupe's own. */
export const DEFAULT_DB_FOLDER = '.dedupe';

/** How often a writer waiting for another process's write lock tries again. */
const LOCK_RETRY_MS = 100;

/** Page cache of a writing connection: random inserts into the band-key B-tree stay in memory longer. */
const WRITER_CACHE_KIB = 256 * 1024;

export type OpenMode = 'read' | 'write';

export interface OpenIndexOptions {
  /** 'read': an existing index, never written. 'write': an existing index, or a new one. */
  mode: OpenMode;
  /**
   * Options given on the command line (undefined = not given). For a new index they are its
   * parameters (defaults fill the rest); for an existing one they must agree with its own.
   */
  requested?: Partial<ScanOptions>;
  /**
   * The index's folder is the default one (`.dedupe/`): a writer creates it when it is missing
   * (another missing folder is more likely a typo, and refused), so the hint for a missing index
   * need not say to make it.
   */
  defaultFolder?: boolean;
  /** In write mode, an existing index only (removing from an index never creates one). */
  mustExist?: boolean;
  /** Unix milliseconds, recorded as the creation time of a new index. */
  now?: number;
  /** Label of the program version writing a new index, recorded in meta. */
  createdBy?: string;
  /** Folder a relative `file` lies in (default: the process's); messages name the file as given. */
  cwd?: string;
  /** Called before an index of an older schema is upgraded (it can take minutes on a large one). */
  onUpgrade?: (from: number, to: number) => void;
  /** The config file each of `requested` came from, when one did (messages name it). */
  requestedFrom?: RequestOrigins;
  /** The config file `file` came from (its "db"), when it did: messages say to change it there, not to give another --db. */
  dbFrom?: string;
}

export type PutOutcome = 'added' | 'updated' | 'unchanged';

export interface DocumentInfo {
  /** SHA-256 of the text (codec.contentHash). */
  contentHash: string;
  bytes: number;
  /** Unix milliseconds. */
  addedAt: number;
}

export interface IndexStats {
  /** The index file (named `database`, as the results of adding and removing name it). */
  database: string;
  schemaVersion: number;
  parameters: IndexParameters;
  createdAt: number | null;
  createdBy: string | null;
  lastAddedAt: number | null;
  documents: number;
  paragraphs: number;
  /** Words of the stored articles, all of them. */
  words: number;
  /** Distinct words, each with how many articles hold it (word_documents: what weighs words for reworded copies in `check`). */
  distinctWords: number;
  /** Distinct normalised paragraph texts. */
  variants: number;
  /** Variants long enough to be signed and banded. */
  signedVariants: number;
  bandKeys: number;
  /** The rewording channel's keys (content_keys). */
  contentKeys: number;
  /** Bytes of the database file plus its write-ahead log. */
  bytes: number;
}

/** A stored document as `dedupe index list` shows it. */
export interface StoredDocument {
  path: string;
  paragraphs: number;
  /** When it was stored, in milliseconds since 1970. */
  addedAt: number;
  /** The SHA-256 of its text (of a JSONL article's version: its text and metadata). */
  contentHash: string;
}

export interface IndexVerification {
  ok: boolean;
  problems: string[];
}

/** A stored document as the lookup needs it: its id and path before the whole of it is loaded. */
export interface DocumentRef {
  id: number;
  path: string;
}

/**
 * How a message tells the user to name another index: the flag, or the config file's "db" the
 * path came from, where the mend is (a new user was told to give another --db for a path from
 * .dedupe.json).
 */
function anotherIndex(dbFrom: string | undefined, onDisk?: string): string {
  const another = dbFrom === undefined ? 'give another --db' : `change "db" in ${dbFrom}`;
  // A file in dedupe's own folder (.dedupe/, where it keeps its index) that is no index is most
  // likely its index damaged, as a CI cache can leave it: "give another --db" was no mend there
  // (a new user's ingest-gate trial).
  if (onDisk !== undefined && path.basename(path.dirname(onDisk)) === DEFAULT_DB_FOLDER) {
    return `in dedupe's own folder it is most likely a damaged index: delete it and rebuild it with dedupe index add, or ${another}`;
  }
  return another;
}

/**
 * SQLite's -wal and -shm files of the index at `onDisk` that exist and that this process cannot
 * write. A read-only index opened by `check` gets both, as read-only as the index itself (SQLite
 * gives them its permissions) and left behind, since a reader cannot fold them in; once the
 * index is made writable again, they alone keep every write out (found by a new user). `isWritable`
 * is a parameter for the tests.
 */
export function readOnlyCompanions(onDisk: string, isWritable: (file: string) => boolean | null = writable): string[] {
  if (isWritable(onDisk) !== true) return [];
  return ['-wal', '-shm'].map((suffix) => onDisk + suffix).filter((companion) => isWritable(companion) === false);
}

/** Whether this process can write `file`: null when it does not exist. */
function writable(file: string): boolean | null {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : false;
  }
}

/**
 * Maps SQLite's failures to what the user can act on; anything else passes through as a bug.
 * `dbFrom`: the config file the path came from; `onDisk`: the index's path, when `file` (the
 * path as the user gave it) is not one to open.
 */
export function translateError(error: unknown, file: string, dbFrom?: string, onDisk: string = file): unknown {
  if (!(error instanceof Database.SqliteError)) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return new IndexError('unwritable', file, `${file}: cannot write the index there (${code}); check the permissions of its folder`);
    }
    return error;
  }
  const code = error.code;
  if (code === 'SQLITE_NOTADB') {
    return new IndexError('not-an-index', file, `${file} is not a dedupe index (not an SQLite database); ${anotherIndex(dbFrom, onDisk)}, the file was not changed`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new IndexError(
      'corrupt',
      file,
      `${file}: the index is damaged (${error.message}); restore it from a backup or delete it and rebuild it with dedupe index add`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new IndexError('locked', file, `${file} is locked by another process writing to it; try again when it has finished`);
  }
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY')) {
    const companions = readOnlyCompanions(onDisk);
    if (companions.length > 0) {
      // Made writable (chmod), not deleted: a -wal file can hold committed changes not yet in the index.
      const names = companions.map((companion) => path.join(path.dirname(file), path.basename(companion)));
      return new IndexError(
        'unwritable',
        file,
        `${file}: cannot write the index: ${names.join(' and ')} next to it ${names.length > 1 ? 'are' : 'is'} read-only (SQLite left ${names.length > 1 ? 'them' : 'it'} when the index was read-only); make ${names.length > 1 ? 'them' : 'it'} writable, as the index is: chmod u+w ${names.join(' ')}`,
      );
    }
    return new IndexError(
      'unwritable',
      file,
      `${file}: cannot use the index (${error.message}): SQLite needs to write the index and its -wal and -shm files in ${path.dirname(file) || '.'}; check the permissions, or copy the index to a writable folder`,
    );
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new IndexError('unwritable', file, `${file}: cannot use the index (${error.message})`);
  }
  return error;
}

function guard<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw translateError(error, file);
  }
}

function applyMigration(db: Connection, migration: Migration, context: MigrationContext): void {
  if (typeof migration === 'string') db.exec(migration);
  else migration(db, context);
}

/** Runs the migrations from schema version `from` up to `migrations.length`, one transaction each. */
export function upgradeSchema(
  db: Connection,
  from: number,
  migrations: readonly Migration[] = MIGRATIONS,
  context: MigrationContext = { signer: null },
): void {
  for (let version = from; version < migrations.length; version++) {
    db.transaction(() => {
      // Read again under the write lock: another process may have run this migration since the
      // version was read (two commands opening an old index at once ran one twice; a review).
      if (Number(db.pragma('user_version', { simple: true })) > version) return;
      applyMigration(db, migrations[version]!, context);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

/**
 * What the first bytes of an SQLite file say (its header and the first page's b-tree header;
 * sqlite.org/fileformat2.html): its application id, and whether its schema holds any table.
 * Null for a file that is not SQLite, 'empty' for one shorter than a header.
 */
function peekHeader(onDisk: string): { applicationId: number; empty: boolean } | 'empty' | null {
  const bytes = Buffer.alloc(108);
  let read: number;
  try {
    const fd = openSync(onDisk, 'r');
    try {
      read = readSync(fd, bytes, 0, bytes.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (read === 0) return 'empty';
  if (read < bytes.length || bytes.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  // Page 1 holds sqlite_master: a leaf (0x0d) with no cell is a schema without a table.
  return { applicationId: bytes.readUInt32BE(68), empty: bytes[100] === 0x0d && bytes.readUInt16BE(103) === 0 };
}

/** What the file at `onDisk` is, found through a read-only connection that changes nothing; messages name it `file`. */
function identify(onDisk: string, file: string, dbFrom: string | undefined): { version: number; parameters: IndexParameters | null } {
  // Another program's database is told by its header, without opening it: a read-only SQLite
  // connection to one in WAL mode left its -wal and -shm files beside it (a new user).
  const peek = peekHeader(onDisk);
  if (peek === 'empty' || (peek !== null && peek.applicationId !== APPLICATION_ID)) {
    const what = peek === 'empty' || peek.empty ? 'an empty file or database' : 'an SQLite database of another program';
    throw new IndexError('not-an-index', file, `${file} is not a dedupe index (${what}); ${anotherIndex(dbFrom, onDisk)}, the file was not changed`);
  }
  let db: Connection | undefined;
  try {
    db = new Database(onDisk, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const applicationId = Number(db.pragma('application_id', { simple: true }));
    if (applicationId !== APPLICATION_ID) {
      const tables = Number(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get());
      const what = tables === 0 ? 'an empty file or database' : 'an SQLite database of another program';
      throw new IndexError('not-an-index', file, `${file} is not a dedupe index (${what}); ${anotherIndex(dbFrom, onDisk)}, the file was not changed`);
    }
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new IndexError(
        'newer-schema',
        file,
        `${file} was written by a newer dedupe (index schema ${version}; this one reads up to ${SCHEMA_VERSION}); upgrade dedupe`,
      );
    }
    return { version, parameters: version === 0 ? null : readParameters(file, db) };
  } catch (error) {
    throw translateError(error, file, dbFrom);
  } finally {
    db?.close();
  }
}

/** The parameters in meta, or null when they cannot be read (the upgrade then finds the damage). */
function readParameters(file: string, db: Connection): IndexParameters | null {
  try {
    return parametersFromMeta(file, new Map(db.prepare('SELECT key, value FROM meta').raw().all() as Array<[string, string]>));
  } catch {
    return null;
  }
}

/** Builds a complete new index in a temporary file next to `onDisk`, then links it into place; messages name it `file`. */
function createIndexFile(onDisk: string, file: string, parameters: IndexParameters, now: number, createdBy: string, dbFrom: string | undefined): void {
  const folder = path.dirname(file);
  try {
    accessSync(path.dirname(onDisk), constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
    throw new IndexError('unwritable', file, `${file}: cannot create the index, folder ${folder} is not writable (${code}); check its permissions, or ${anotherIndex(dbFrom)}`);
  }
  const temporary = `${onDisk}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const db = new Database(temporary, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.transaction(() => {
        for (const migration of MIGRATIONS) applyMigration(db, migration, { signer: null });
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insert.run('format', FORMAT_MARKER);
        insert.run('created_at', String(now));
        insert.run('created_by', createdBy);
        for (const [key, value] of parametersToMeta(parameters)) insert.run(key, value);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } finally {
      db.close();
    }
    try {
      linkSync(temporary, onDisk);
    } catch (error) {
      // Another process created the index meanwhile: use theirs (its parameters are checked next).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    throw translateError(error, file, dbFrom);
  } finally {
    for (const leftover of [temporary, `${temporary}-wal`, `${temporary}-shm`]) {
      try {
        unlinkSync(leftover);
      } catch {
        // not there: nothing to clean
      }
    }
  }
}

function fileKind(onDisk: string, file: string): 'missing' | 'file' | 'folder' {
  try {
    return statSync(onDisk).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw translateError(error, file);
  }
}

export class IndexStore {
  /** Options for runs against this index: its parameters plus what the caller may vary (parameters.ts). */
  readonly options: ResolvedOptions;
  private readonly statements = new Map<string, Statement>();
  /** Band keys of variants created in the current write batch, not yet inserted. */
  private readonly pendingBandKeys: BandKeyBuffer;
  /** The same for the rewording channel's keys (content_keys). */
  private readonly pendingContentKeys: BandKeyBuffer;
  /** Per word, how many documents this batch added and removed, not yet written to word_documents. */
  private wordsAdded: DocumentFrequency | null = null;
  private wordsRemoved: DocumentFrequency | null = null;
  /** Documents counted into those tables (each a number of its own there). */
  private wordDocuments = 0;
  /** Signs stored paragraphs' content words (stop words left out), made when first needed. */
  private contentSigner: ContentWordSigner | null = null;

  private constructor(
    readonly file: string,
    /** `file` resolved against the caller's folder: where the index is. */
    private readonly onDisk: string,
    readonly mode: OpenMode,
    readonly parameters: IndexParameters,
    requested: Partial<ScanOptions>,
    private readonly db: Connection,
    requestedFrom: RequestOrigins = {},
  ) {
    this.options = optionsForIndex(file, parameters, requested, requestedFrom);
    // A plain INSERT: the buffer removes duplicate pairs, and a variant's keys are inserted once,
    // when it is created (deleting a variant deletes its keys), so a conflict would be a bug.
    this.pendingBandKeys = this.keyBuffer('band_keys');
    this.pendingContentKeys = this.keyBuffer('content_keys');
  }

  /** A buffer of (key, variant) rows for one of the two key tables, inserted in key order. */
  private keyBuffer(table: 'band_keys' | 'content_keys'): BandKeyBuffer {
    const insertRows = (rows: number): string => `INSERT INTO ${table} (key, variant_id) VALUES ${'(?, ?), '.repeat(rows - 1)}(?, ?)`;
    return new BandKeyBuffer(
      (values) => this.statement(insertRows(ROWS_PER_STATEMENT)).run(values),
      (values) => this.statement(insertRows(1)).run(values),
    );
  }

  /** The signer of stored paragraphs' content words (core/rewrite/channel.ts, archivedContent). */
  contentWordSigner(): ContentWordSigner {
    this.contentSigner ??= archiveSigner(this.options.seed);
    return this.contentSigner;
  }

  /** Forgets the keys held for this batch (it is being rolled back). */
  private clearKeys(): void {
    this.pendingBandKeys.clear();
    this.pendingContentKeys.clear();
    this.forgetWords();
  }

  private forgetWords(): void {
    this.wordsAdded = null;
    this.wordsRemoved = null;
    this.wordDocuments = 0;
  }

  /** Inserts the keys held for this batch (before a delete, which may orphan variants made in it, and at its end). */
  private flushKeys(): void {
    this.pendingBandKeys.flush();
    this.pendingContentKeys.flush();
  }

  /** Counts a document's distinct words in (+1) or out (-1) of the archive's document frequencies. */
  private countWords(doc: PreparedDocument, change: 1 | -1): void {
    const table = change > 0 ? (this.wordsAdded ??= new DocumentFrequency()) : (this.wordsRemoved ??= new DocumentFrequency());
    countDocumentWords(table, doc, this.wordDocuments++);
  }

  /**
   * Writes the batch's word counts, once at its end: once per word, however many documents held
   * it (an `index add` of 100,000 articles writes its vocabulary, not 30 million rows). Counts
   * add up in any order, so a delete mid-batch need not write them (flushing them there made
   * re-adding 2,000 changed articles 1.7 -> 4.4 s; a reviewer's measure).
   */
  private flushWords(): void {
    if (this.wordDocuments === 0) return;
    const { wordsAdded: added, wordsRemoved: removed } = this;
    const upsert = this.statement('INSERT INTO word_documents (word, documents) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET documents = documents + excluded.documents');
    const dropEmpty = this.statement('DELETE FROM word_documents WHERE word = ? AND documents <= 0');
    const write = (word: number, change: number): void => {
      if (change === 0) return;
      upsert.run(word, change);
      if (change < 0) dropEmpty.run(word);
    };
    // One statement per word: a word both added and removed in the batch (an update) is written once, as its net change.
    added?.forEach((word, documents) => write(word, documents - (removed?.count(word) ?? 0)));
    removed?.forEach((word, documents) => {
      if ((added?.count(word) ?? 0) === 0) write(word, -documents);
    });
    this.forgetWords();
  }

  static async open(file: string, options: OpenIndexOptions): Promise<IndexStore> {
    const requested = options.requested ?? {};
    const onDisk = path.resolve(options.cwd ?? '.', file);
    const kind = fileKind(onDisk, file);
    // Where the path was given, as messages name it: a flag, or a config file's "db" (a new user was told to give another --db for a path from .dedupe.json).
    const dbOption = options.dbFrom === undefined ? '--db' : `"db" in ${options.dbFrom}`;
    if (kind === 'folder') {
      throw new IndexError('not-an-index', file, `${file} is a folder; ${dbOption} takes the index's file name, e.g. ${path.join(file, 'index.db')}`);
    }
    if (kind === 'missing') {
      const folder = path.dirname(file);
      const folderMissing = fileKind(path.dirname(onDisk), folder) === 'missing';
      // `index add` makes the index's own folder (defaultFolder) when that is all that is
      // missing; a folder further up that is not there is a likely typo (nope/.dedupe/index.db
      // crashed with ENOENT, found in review).
      const makes = options.defaultFolder === true && fileKind(path.dirname(path.dirname(onDisk)), path.dirname(folder)) !== 'missing';
      if (options.mode === 'read' || options.mustExist) {
        // The command suggested works as written.
        const make = folderMissing && !makes ? `mkdir -p ${folder} && ` : '';
        // A path from a config file: the command that builds it reads the config too, and stores
        // paths relative to the config's folder; a --db given instead would store them relative
        // to here (a new user followed that advice and was flagged as a copy of their own article).
        const build = options.dbFrom === undefined ? `dedupe index add --db ${file} <paths>` : `dedupe index add <paths> (it reads "db" from ${options.dbFrom})`;
        throw new IndexError('missing', file, `${file}: no index there; build one first with ${make}${build}`);
      }
      if (folderMissing) {
        if (!makes) throw new IndexError('missing-folder', file, `${file}: folder ${folder} does not exist; create it first, or ${anotherIndex(options.dbFrom)}`);
        guard(file, () => mkdirSync(path.dirname(onDisk)));
      }
      const resolved = resolveOptions(requested);
      createIndexFile(onDisk, file, parametersOf(resolved), options.now ?? 0, options.createdBy ?? 'dedupe', options.dbFrom);
    }
    const { version, parameters } = identify(onDisk, file, options.dbFrom);
    if (version < SCHEMA_VERSION) {
      options.onUpgrade?.(version, SCHEMA_VERSION);
      // An older index is prepared again with its own parameters where the schema needs it.
      const signer = parameters ? await createSigner(optionsForIndex(file, parameters, {})) : null;
      const replaceDocuments: MigrationContext['replaceDocuments'] = parameters
        ? (db, documentIds, replacement) => IndexStore.replaceInTransaction(file, onDisk, parameters, db, documentIds, replacement)
        : undefined;
      guard(file, () => {
        const writer = new Database(onDisk, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
        try {
          // As every connection of the store (see open below): the store keeps the relations itself.
          writer.pragma('foreign_keys = OFF');
          upgradeSchema(writer, version, MIGRATIONS, { signer, replaceDocuments });
        } finally {
          writer.close();
        }
      });
    }
    let db: Connection | undefined;
    try {
      // A reader opens the file as a writer would and may not write (query_only): a read-only
      // connection cannot remove the -wal and -shm files that reading a WAL database makes, and
      // `check` left them beside the index (a new user); the last connection to close removes
      // them. A file the user may not write is still opened, read-only (SQLite falls back).
      db = new Database(onDisk, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      if (options.mode === 'read') db.pragma('query_only = ON');
      // better-sqlite3 turns enforcement on; the store keeps the relations itself (schema.ts), and
      // enforcing them would scan band_keys for every variant deleted and look up a variant per key inserted.
      db.pragma('foreign_keys = OFF');
      if (options.mode === 'write') {
        if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
        db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
        // Statement journals (multi-row inserts) in memory: on disk they cost a write call per row.
        db.pragma('temp_store = MEMORY');
      }
      const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
      const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
      if (missing.length > 0) {
        throw new IndexError('corrupt', file, `${file}: the index is damaged (table ${missing.join(', ')} missing); delete it and rebuild it with dedupe index add`);
      }
      const meta = new Map(db.prepare('SELECT key, value FROM meta').raw().all() as Array<[string, string]>);
      if (meta.get('format') !== FORMAT_MARKER) {
        throw new IndexError('corrupt', file, `${file}: the index is damaged (format marker missing); delete it and rebuild it with dedupe index add`);
      }
      return new IndexStore(file, onDisk, options.mode, parametersFromMeta(file, meta), requested, db, options.requestedFrom);
    } catch (error) {
      db?.close();
      throw translateError(error, file, options.dbFrom, onDisk);
    }
  }

  /**
   * Replaces stored documents (by id) with the new versions `replacement` makes of them, one at a
   * time, as `index add` replaces a changed file but keeping each one's id, path, content hash,
   * size and time added, inside the transaction the caller holds on `db`: a schema migration's
   * (schema.ts, decodeStoredReferences). The id is kept because `documentsWithVariant` takes a
   * popular variant's first documents by id, the order they were added in (a review).
   */
  private static replaceInTransaction(
    file: string,
    onDisk: string,
    parameters: IndexParameters,
    db: Connection,
    documentIds: readonly number[],
    replacement: (documentId: number) => PreparedDocument,
  ): void {
    const store = new IndexStore(file, onDisk, 'write', parameters, {}, db);
    const infoOf = store.statement('SELECT content_hash, bytes, added_at FROM documents WHERE id = ?');
    for (const documentId of documentIds) {
      const row = infoOf.get(documentId) as { content_hash: string; bytes: number; added_at: number } | undefined;
      if (!row) continue;
      const doc = replacement(documentId);
      store.deleteDocument(documentId);
      store.putDocument(doc, { contentHash: row.content_hash, bytes: row.bytes, addedAt: row.added_at });
      const added = store.documentIdOf(doc.id)!;
      store.statement('UPDATE documents SET id = ? WHERE id = ?').run(documentId, added);
      store.statement('UPDATE paragraphs SET document_id = ? WHERE document_id = ?').run(documentId, added);
    }
    store.flushKeys();
    store.flushWords();
    // A write, so that a reader can tell the index changed (changeMarker).
    store.statement("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run(WRITES_KEY);
  }

  close(): void {
    this.db.close();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in one read transaction: every query in it sees the same snapshot of the index. */
  read<T>(work: () => T): T {
    return guard(this.file, () => this.db.transaction(work).deferred());
  }

  /**
   * Runs `work` (which may await, e.g. to read files) in one write transaction, committed when
   * it resolves and rolled back when it throws. Nothing else may use this store meanwhile.
   */
  async write<T>(work: (batch: WriteBatch) => Promise<T>, onWait?: (waitedMs: number) => void): Promise<T> {
    if (this.mode !== 'write') throw new Error('IndexStore.write on a store opened for reading');
    await this.beginWrite(onWait);
    let result: T;
    try {
      result = await work(new WriteBatch(this));
      this.flushKeys();
      this.flushWords();
      // Every write counts, so that a reader can tell the index changed (changeMarker).
      this.statement("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run(WRITES_KEY);
    } catch (error) {
      this.clearKeys();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw translateError(error, this.file, undefined, this.onDisk);
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw translateError(error, this.file, undefined, this.onDisk);
    }
    return result;
  }

  /**
   * Takes the write lock (BEGIN IMMEDIATE). When another process holds it, `onWait` hears of
   * it at each try (`index add` says so, rather than seeming to hang), and the lock is tried
   * again every LOCK_RETRY_MS without blocking the event loop, for up to BUSY_TIMEOUT_MS.
   */
  private async beginWrite(onWait?: (waitedMs: number) => void): Promise<void> {
    const started = Date.now();
    this.db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
          if (!busy || Date.now() - started >= BUSY_TIMEOUT_MS) throw translateError(error, this.file, undefined, this.onDisk);
        }
        onWait?.(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
      }
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  // ---- reads ---------------------------------------------------------------------------

  /** @internal Paragraphs of the stored version of `documentPath`, if any. */
  paragraphCountOf(documentPath: string): number | undefined {
    return guard(this.file, () => this.statement('SELECT paragraph_count FROM documents WHERE path = ?').pluck().get(documentPath) as number | undefined);
  }

  /**
   * Whether the stored version of `documentPath` has a paragraph of `doc`'s text (the same
   * normalised words); undefined when nothing is stored under it, or either has no comparable
   * paragraph.
   */
  sharesTextWith(documentPath: string, doc: PreparedDocument): boolean | undefined {
    const stored = guard(this.file, () =>
      this.statement('SELECT v.text_key FROM documents d JOIN paragraphs p ON p.document_id = d.id JOIN variants v ON v.id = p.variant_id WHERE d.path = ?').pluck().all(documentPath),
    ) as Uint8Array[];
    if (stored.length === 0) return undefined;
    const keys = new Set(stored.map((key) => Buffer.from(key).toString('hex')));
    let comparable = false;
    for (let i = 0; i < doc.count; i++) {
      if (!hasKey(doc, i)) continue;
      comparable = true;
      if (keys.has(textKey(doc, i)!)) return true;
    }
    return comparable ? false : undefined;
  }

  /**
   * What the index has been through, in a few numbers: the writes committed to it (meta
   * WRITES_KEY, counted by every write transaction), and how many documents it holds, the
   * highest id and the latest time added (for an index written by an older dedupe, which does
   * not count its writes). `check --add` reads it before it looks anything up and again once it
   * holds the write lock, to tell whether another writer changed the index meanwhile
   * (engine/check.ts). The documents' numbers alone came back the same after a removal and an
   * add (ids are reused, and a writer that waited stores its start time; review).
   */
  changeMarker(): string {
    return guard(this.file, () => {
      const writes = (this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(WRITES_KEY) as string | undefined) ?? '0';
      const row = this.statement('SELECT count(*) AS n, coalesce(max(id), 0) AS top, coalesce(max(added_at), 0) AS latest FROM documents').get() as { n: number; top: number; latest: number };
      return `${writes}:${row.n}:${row.top}:${row.latest}`;
    });
  }

  /** Content hash of the stored version of `documentPath`, if any. */
  contentHashOf(documentPath: string): string | undefined {
    return guard(this.file, () => this.statement('SELECT content_hash FROM documents WHERE path = ?').pluck().get(documentPath) as string | undefined);
  }

  /** The variant with exactly this normalised text, if stored. */
  variantByTextKey(textKey: string): number | undefined {
    return guard(this.file, () => this.statement('SELECT id FROM variants WHERE text_key = ?').pluck().get(encodeTextKey(textKey)) as number | undefined);
  }

  /** Variants with this LSH band key: candidates, to be verified on their shingles. */
  variantsByBandKey(key: number): number[] {
    if (this.pendingBandKeys.size > 0) guard(this.file, () => this.pendingBandKeys.flush());
    return guard(this.file, () => this.statement('SELECT variant_id FROM band_keys WHERE key = ?').pluck().all(encodeBandKey(key)) as number[]);
  }

  /**
   * Variants with this content key (the rewording channel's), earliest first, at most `limit`:
   * candidates, to be graded on their content words (variantContent). Their ids only: the same
   * variants come back for many keys and paragraphs, and the caller reads each one's words once
   * (joining them in here read them again for every key: the lookup took 1.7 s instead of 1.0
   * on 4,476 Reuters paragraphs).
   */
  variantsByContentKey(key: number, limit: number): number[] {
    if (this.pendingContentKeys.size > 0) guard(this.file, () => this.pendingContentKeys.flush());
    return guard(this.file, () => this.statement('SELECT variant_id FROM content_keys WHERE key = ? ORDER BY variant_id LIMIT ?').pluck().all(encodeBandKey(key), limit) as number[]);
  }

  /** A variant's content words (sorted hashes), or null when it has too few to be keyed. */
  variantContent(variantId: number): Uint32Array | null {
    return guard(this.file, () => {
      const blob = this.statement('SELECT content FROM variants WHERE id = ?').pluck().get(variantId) as Uint8Array | null | undefined;
      return blob ? decodeUint32s(blob) : null;
    });
  }

  variantShingles(variantId: number): Uint32Array | null {
    return guard(this.file, () => {
      const blob = this.statement('SELECT shingles FROM variants WHERE id = ?').pluck().get(variantId) as Uint8Array | null | undefined;
      return blob ? decodeUint32s(blob) : null;
    });
  }

  /** Documents holding a paragraph of this variant, lowest id (earliest added) first, at most `limit`. */
  documentsWithVariant(variantId: number, limit: number): DocumentRef[] {
    return guard(this.file, () =>
      this.statement(
        `SELECT d.id AS id, d.path AS path FROM
           (SELECT DISTINCT document_id FROM paragraphs WHERE variant_id = ? ORDER BY document_id LIMIT ?) AS p
         JOIN documents d ON d.id = p.document_id ORDER BY d.id`,
      ).all(variantId, limit) as DocumentRef[],
    );
  }

  /** A stored document as the scanner's PreparedDocument (`context: true`: matched against, not reported). */
  loadDocument(documentId: number): PreparedDocument {
    return guard(this.file, () => ({ ...this.decodeStored(documentId), context: true }));
  }

  /**
   * Stored paths equal to `target` or inside the folder `target`. The empty path is the folder
   * relative paths are stored from: every path stored relative to it, not going up out of it
   * (the prefix rule below would have read '' as '/', everything stored by absolute path).
   */
  pathsUnder(target: string): string[] {
    if (target === '') {
      return guard(this.file, () =>
        (this.statement('SELECT path FROM documents ORDER BY path').pluck().all() as string[]).filter((p) => !p.startsWith('/') && p !== '..' && !p.startsWith('../') && !/^[A-Za-z]:/.test(p)),
      );
    }
    const folder = target.endsWith('/') ? target : `${target}/`;
    // '0' follows '/' in code-unit order: [folder, folder with '/' → '0') is everything inside it.
    const end = `${folder.slice(0, -1)}0`;
    // And the articles `check --add` stored beside the name (engine/archive.ts, archivedName:
    // `today.txt#3f2a9c01b7e4`): '$' follows '#'. Removing a feed file's name left them in, and
    // they went on flagging copies (a new user's run).
    const beside = new RegExp(`^${literally(target)}#[0-9a-f]{12}$`);
    return guard(this.file, () => {
      const paths = this.statement('SELECT path FROM documents WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path').pluck().all(target, folder, end) as string[];
      const siblings = (this.statement('SELECT path FROM documents WHERE path > ? AND path < ? ORDER BY path').pluck().all(`${target}#`, `${target}$`) as string[]).filter((p) => beside.test(p));
      return siblings.length === 0 ? paths : [...paths, ...siblings].sort();
    });
  }

  /** The stored documents whose text has one of these SHA-256s (one pass over the documents, for a whole batch). */
  documentsWithContent(hashes: ReadonlySet<string>): Array<{ path: string; contentHash: string }> {
    if (hashes.size === 0) return [];
    return this.read(() => {
      // Row by row: an archive of a million documents is not held whole to find a few texts.
      const found: Array<{ path: string; contentHash: string }> = [];
      for (const row of this.statement('SELECT path, content_hash FROM documents').iterate() as IterableIterator<{ path: string; content_hash: string }>) {
        if (hashes.has(row.content_hash)) found.push({ path: row.path, contentHash: row.content_hash });
      }
      return found;
    });
  }

  /** Every stored document, by path: what `dedupe index list` prints. */
  documentList(): StoredDocument[] {
    return this.read(() =>
      (this.statement('SELECT path, paragraph_count, added_at, content_hash FROM documents ORDER BY path').all() as Array<{ path: string; paragraph_count: number; added_at: number; content_hash: string }>).map(
        (row) => ({ path: row.path, paragraphs: row.paragraph_count, addedAt: row.added_at, contentHash: row.content_hash }),
      ),
    );
  }

  stats(): IndexStats {
    return this.read(() => {
      const count = (table: string, where = ''): number => Number(this.statement(`SELECT count(*) FROM ${table} ${where}`).pluck().get());
      const meta = (key: string): number | null => {
        const value = this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
        return value === undefined ? null : Number(value);
      };
      let bytes = 0;
      for (const suffix of ['', '-wal']) {
        try {
          bytes += statSync(`${this.onDisk}${suffix}`).size;
        } catch {
          // no write-ahead log right now
        }
      }
      return {
        database: this.file,
        schemaVersion: Number(this.db.pragma('user_version', { simple: true })),
        parameters: this.parameters,
        createdAt: meta('created_at'),
        createdBy: (this.statement('SELECT value FROM meta WHERE key = ?').pluck().get('created_by') as string | undefined) ?? null,
        lastAddedAt: (this.statement('SELECT max(added_at) FROM documents').pluck().get() as number | null) ?? null,
        documents: count('documents'),
        paragraphs: count('paragraphs'),
        words: Number(this.statement('SELECT coalesce(sum(words), 0) FROM documents').pluck().get()),
        distinctWords: count('word_documents'),
        variants: count('variants'),
        signedVariants: count('variants', 'WHERE shingles IS NOT NULL'),
        bandKeys: count('band_keys'),
        contentKeys: count('content_keys'),
        bytes,
      };
    });
  }

  /**
   * Full consistency check: SQLite's integrity_check, then that the tables agree with each other
   * (paragraph counts, no dangling or orphaned rows, band keys of every signed variant).
   * Reads the whole index: meant for tests and `dedupe index stats --verify`, not every run.
   */
  verify(): IndexVerification {
    return this.read(() => {
      const problems: string[] = [];
      const integrity = this.db.prepare('PRAGMA integrity_check').pluck().all() as string[];
      if (!(integrity.length === 1 && integrity[0] === 'ok')) for (const line of integrity) problems.push(`integrity_check: ${line}`);
      const value = (sql: string): number => Number(this.db.prepare(sql).pluck().get());
      const checks: Array<[string, string]> = [
        [
          'documents whose paragraph count differs from their stored paragraphs',
          `SELECT count(*) FROM documents d WHERE d.paragraph_count != (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id)`,
        ],
        ['paragraphs of no document', 'SELECT count(*) FROM paragraphs p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.document_id)'],
        [
          'paragraphs of a missing variant',
          'SELECT count(*) FROM paragraphs p WHERE p.variant_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = p.variant_id)',
        ],
        ['variants no paragraph uses', 'SELECT count(*) FROM variants v WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.variant_id = v.id)'],
        ['band keys of a missing variant', 'SELECT count(*) FROM band_keys b WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = b.variant_id)'],
        ['band keys of an unsigned variant', 'SELECT count(*) FROM band_keys b JOIN variants v ON v.id = b.variant_id WHERE v.shingles IS NULL'],
        ['content keys of a missing variant', 'SELECT count(*) FROM content_keys c WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = c.variant_id)'],
        ['content keys of a variant without content words', 'SELECT count(*) FROM content_keys c JOIN variants v ON v.id = c.variant_id WHERE v.content IS NULL'],
        // NOT IN over the keys' variants, found once: content_keys has no index by variant (its
        // key is (key, variant_id)), and NOT EXISTS scanned it once per variant: 4.5 minutes
        // at 15,000 Reuters stories, quadratic (found by a new user).
        ['variants with content words but no content keys', 'SELECT count(*) FROM variants v WHERE v.content IS NOT NULL AND v.id NOT IN (SELECT variant_id FROM content_keys)'],
        ['documents without their prepared form', 'SELECT count(*) FROM documents WHERE prepared IS NULL'],
      ];
      for (const [what, sql] of checks) {
        const n = value(sql);
        if (n > 0) problems.push(`${n} ${what}`);
      }
      // The words' document counts agree with the documents (a document added or removed counted once).
      const { table: expected, damaged } = countWordDocuments(this.db);
      if (damaged.length > 0) {
        problems.push(`${damaged.length} document${damaged.length === 1 ? '' : 's'} whose stored form does not decode (${damaged.slice(0, 3).join(', ')}${damaged.length > 3 ? ', ...' : ''}): add ${damaged.length === 1 ? 'it' : 'them'} again with dedupe index add`);
      }
      let rows = 0;
      let agreeing = 0;
      let known = 0;
      for (const [word, documents] of this.db.prepare('SELECT word, documents FROM word_documents').raw().iterate() as IterableIterator<[number, number]>) {
        rows++;
        const count = expected.count(word);
        if (count > 0) known++;
        // A row left at 0 or below (never written by the store) disagrees too.
        if (count === documents && documents > 0) agreeing++;
      }
      // Rows that disagree or should not be there, and words of the documents without a row.
      const wrong = rows - agreeing + (expected.distinct - known);
      if (wrong > 0) problems.push(`${wrong} word${wrong === 1 ? '' : 's'} whose document count differs from the documents'`);
      // Each signed variant has one key per band; two bands of one variant may (rarely) hash alike.
      const signed = value('SELECT count(*) FROM variants WHERE shingles IS NOT NULL');
      const keys = value('SELECT count(*) FROM band_keys');
      const keyedVariants = value('SELECT count(DISTINCT variant_id) FROM band_keys');
      if (keyedVariants !== signed || keys > signed * this.parameters.bands) {
        problems.push(`${keys} band keys over ${keyedVariants} variants, expected up to ${signed * this.parameters.bands} over ${signed} signed variants`);
      }
      return { ok: problems.length === 0, problems };
    });
  }

  // ---- writes (through WriteBatch, inside a transaction) -------------------------------

  /** @internal */
  putDocument(doc: PreparedDocument, info: DocumentInfo): PutOutcome {
    const existing = this.statement('SELECT id, content_hash FROM documents WHERE path = ?').get(doc.id) as
      | { id: number; content_hash: string }
      | undefined;
    if (existing && existing.content_hash === info.contentHash) return 'unchanged';
    if (existing) this.deleteDocument(existing.id);
    const documentId = Number(
      this.statement(
        `INSERT INTO documents (path, content_hash, bytes, layout, line_count, words, paragraph_count, added_at, prepared)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(doc.id, info.contentHash, info.bytes, doc.layout, doc.lineCount, doc.words, doc.count, info.addedAt, encodeDocument(doc))
        .lastInsertRowid,
    );
    const insertParagraph = this.statement('INSERT INTO paragraphs (document_id, position, variant_id) VALUES (?, ?, ?)');
    for (let i = 0; i < doc.count; i++) insertParagraph.run(documentId, i, hasKey(doc, i) ? this.ensureVariant(doc, i) : null);
    this.countWords(doc, 1);
    return existing ? 'updated' : 'added';
  }

  private ensureVariant(doc: PreparedDocument, i: number): number {
    const key = encodeTextKey(textKey(doc, i)!);
    const known = this.statement('SELECT id FROM variants WHERE text_key = ?').pluck().get(key) as number | undefined;
    if (known !== undefined) return known;
    const set = shingles(doc, i);
    const archived = archivedContent(this.contentWordSigner(), doc, i);
    const variantId = Number(
      this.statement('INSERT INTO variants (text_key, shingles, content) VALUES (?, ?, ?)').run(key, set ? encodeUint32s(set) : null, archived ? encodeUint32s(archived.content) : null)
        .lastInsertRowid,
    );
    const keys = bandKeys(doc, i);
    if (keys) this.pendingBandKeys.add(keys, variantId);
    if (archived) this.pendingContentKeys.add(archived.keys, variantId);
    return variantId;
  }

  /** @internal Removes a document, and the variants (with their band keys) no other document uses. */
  deleteDocument(documentId: number): void {
    // The variants it may orphan could have been created earlier in this batch.
    this.flushKeys();
    const doc = this.decodeStored(documentId);
    this.countWords(doc, -1);
    const rows = this.statement('SELECT position, variant_id FROM paragraphs WHERE document_id = ? AND variant_id IS NOT NULL').all(documentId) as Array<{
      position: number;
      variant_id: number;
    }>;
    this.statement('DELETE FROM paragraphs WHERE document_id = ?').run(documentId);
    this.statement('DELETE FROM documents WHERE id = ?').run(documentId);
    const done = new Set<number>();
    for (const { position, variant_id: variantId } of rows) {
      if (done.has(variantId)) continue;
      done.add(variantId);
      if (this.statement('SELECT 1 FROM paragraphs WHERE variant_id = ? LIMIT 1').get(variantId) !== undefined) continue;
      const keys = position < doc.count ? bandKeys(doc, position) : null;
      if (keys) {
        const remove = this.statement('DELETE FROM band_keys WHERE key = ? AND variant_id = ?');
        for (const key of keys) remove.run(encodeBandKey(key), variantId);
      }
      const content = this.variantContent(variantId);
      if (content) {
        const remove = this.statement('DELETE FROM content_keys WHERE key = ? AND variant_id = ?');
        for (const key of archivedKeys(this.contentWordSigner(), content)) remove.run(encodeBandKey(key), variantId);
      }
      this.statement('DELETE FROM variants WHERE id = ?').run(variantId);
    }
  }

  /** The stored document, decoded; a row that does not decode is a damaged index. */
  private decodeStored(documentId: number): PreparedDocument {
    const row = this.statement('SELECT path, prepared FROM documents WHERE id = ?').get(documentId) as { path: string; prepared: Uint8Array | null } | undefined;
    if (!row) throw new IndexError('corrupt', this.file, `${this.file}: the index is damaged (document ${documentId} vanished)`);
    try {
      if (!row.prepared) throw new CodecError('no prepared document');
      const doc = decodeDocument(row.prepared);
      doc.id = row.path;
      return doc;
    } catch (error) {
      if (!(error instanceof CodecError) && !(error instanceof SyntaxError)) throw error;
      throw new IndexError('corrupt', this.file, `${this.file}: the index is damaged (${row.path}: ${error.message}); rebuild it with dedupe index add`);
    }
  }

  /**
   * How many stored documents hold each of `words` (word_documents), and how many documents the
   * index holds: the archive's share of the document frequencies `check` weighs words by
   * (rewrite/channel.ts, checkFrequencies).
   */
  archiveWordCounts(words: readonly number[]): ArchiveWordCounts {
    // One snapshot: an index add committing meanwhile would make the total and the counts disagree.
    return this.read(() => {
      const documents = this.statement('SELECT COUNT(*) FROM documents').pluck().get() as number;
      const lookup = this.statement('SELECT documents FROM word_documents WHERE word = ?').pluck();
      const counts = new Uint32Array(words.length);
      words.forEach((word, k) => (counts[k] = (lookup.get(word) as number | undefined) ?? 0));
      return { documents, words, counts };
    });
  }

  /** @internal */
  documentIdOf(documentPath: string): number | undefined {
    return this.statement('SELECT id FROM documents WHERE path = ?').pluck().get(documentPath) as number | undefined;
  }
}

/** The writes allowed inside `IndexStore.write`: all or none of them land. */
export class WriteBatch {
  constructor(private readonly store: IndexStore) {}

  /** IndexStore.changeMarker, as the write transaction sees the index. */
  changeMarker(): string {
    return this.store.changeMarker();
  }

  /** Paragraphs of the stored version of `documentPath`, or undefined when none is stored. */
  paragraphCountOf(documentPath: string): number | undefined {
    return this.store.paragraphCountOf(documentPath);
  }

  /** Whether the stored version of `documentPath` has a paragraph of `doc`'s text (IndexStore.sharesTextWith). */
  sharesTextWith(documentPath: string, doc: PreparedDocument): boolean | undefined {
    return this.store.sharesTextWith(documentPath, doc);
  }

  /** Content hash of the stored version of `documentPath`, to skip signing an unchanged file. */
  contentHashOf(documentPath: string): string | undefined {
    return this.store.contentHashOf(documentPath);
  }

  /**
   * Stores a document prepared with `keepSignatures = true` under its id (the path). Unchanged
   * content is left alone; changed content replaces the earlier version.
   */
  put(doc: PreparedDocument, info: DocumentInfo): PutOutcome {
    return this.store.putDocument(doc, info);
  }

  /** Removes the document stored under `documentPath`; false when there is none. */
  remove(documentPath: string): boolean {
    const id = this.store.documentIdOf(documentPath);
    if (id === undefined) return false;
    this.store.deleteDocument(id);
    return true;
  }
}
