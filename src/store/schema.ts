/**
 * The on-disk format of the index: an SQLite database identified by its application id,
 * with the schema version in `PRAGMA user_version` and ordered migrations between versions.
 *
 * Tables (schema version 5; version 5 changed no table, it decoded the HTML character references
 * of documents stored earlier: decodeStoredReferences):
 *
 *   meta        key/value: format marker, creating version, time, and the signing parameters
 *               (`parameter.*`), which every later run must agree with (parameters.ts).
 *   documents   one row per indexed article: path (the key), SHA-256 of its text, layout,
 *               line/word/paragraph counts, when this version was added, and the prepared
 *               document itself (`prepared`: core/codec.ts, the same bytes the prepare pool
 *               sends between threads), which `check` loads as it is.
 *   variants    one row per distinct normalised paragraph text across the whole index: the
 *               8-byte normalised-text hash and the sorted shingle set (NULL for paragraphs too
 *               short to compare), which `check` verifies candidates on. A footer that recurs
 *               on ten thousand pages is stored and banded once, as the scan collapses
 *               identical paragraphs into one variant.
 *   paragraphs  which variant each paragraph of each document is (NULL when it has no words):
 *               the lookup from a matched variant to the documents holding it.
 *   band_keys   LSH band keys of each signed variant, primary key (key, variant_id): the
 *               lookup `check` makes for every band of every incoming paragraph. The band
 *               number is mixed into the key (core/lsh.ts), so one column serves all bands.
 *   content_keys  the rewording channel's band keys of each variant with enough content words
 *               (core/rewrite/channel.ts, archivedContent; the variant's `content` column holds
 *               the words themselves, sorted hashes): how `check` finds an archived article an
 *               incoming one rewords throughout, which shares no shingles with it (schema 3).
 *   word_documents  per word (token hash) of the archive, how many documents hold it: the
 *               archive's part of the document frequencies `check` weighs words by in its
 *               rewrite stage, so that they do not hang on the few archived articles a lookup
 *               brings in (schema 4; rewrite/channel.ts, checkFrequencies).
 *
 * Foreign keys are declared for the reader but not enforced (PRAGMA foreign_keys = OFF on
 * every connection): enforcing them would scan band_keys for every variant deleted (or need
 * one more index) and look up a variant for every band key inserted. The store keeps the
 * relations in its transactions and `IndexStore.verify` checks them.
 */

import type Database from 'better-sqlite3';
import { CodecError, decodeDocument, encodeDocument } from '../core/codec.js';
import { archivedContent, archiveSigner, countDocumentWords, DocumentFrequency } from '../core/rewrite/channel.js';
import { encodeBandKey, encodeUint32s } from './codec.js';
import { segmentsOf } from '../core/document.js';
import { decodeCharacterReferences } from '../core/text/entities.js';
import type { PreparedDocument, Segment } from '../core/model.js';
import type { SegmentMode } from '../core/types.js';
import { segment } from '../core/text/segment.js';
import type { Signer } from '../core/signing/signer.js';

/** 'ddup': marks the file as a dedupe index, so another program's database is never mistaken for one. */
export const APPLICATION_ID = 0x64647570;

/** Value of meta 'format', a second, readable marker next to the application id. */
export const FORMAT_MARKER = 'dedupe-index';

/**
 * What a migration written in code may need: the index's own signer, to prepare again what an
 * older schema did not store (set when the index's parameters could be read).
 */
export interface MigrationContext {
  signer: Signer | null;
  /**
   * Replaces stored documents (by id) with the new versions `replacement` makes of them, one at
   * a time, variants, keys and word counts kept as `index add` keeps them and ids kept, within
   * the migration's transaction (index-store.ts gives it).
   */
  replaceDocuments?: (db: Database.Database, documentIds: readonly number[], replacement: (documentId: number) => PreparedDocument) => void;
}

/** SQL, or code for what SQL cannot do (rewriting rows through the codec). */
export type Migration = string | ((db: Database.Database, context: MigrationContext) => void);

/**
 * `MIGRATIONS[v]` takes a database from schema version v to v + 1. Version 0 is a new, empty
 * database. Each runs in the same transaction as the `user_version` bump, so a migration
 * happens entirely or not at all.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    layout TEXT NOT NULL CHECK (layout IN ('line', 'block')),
    line_count INTEGER NOT NULL,
    words INTEGER NOT NULL,
    paragraph_count INTEGER NOT NULL,
    added_at INTEGER NOT NULL
  );

  CREATE TABLE variants (
    id INTEGER PRIMARY KEY,
    text_key BLOB NOT NULL UNIQUE,
    shingles BLOB,
    signature BLOB,
    anchors BLOB
  );

  CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    blank_lines_before INTEGER NOT NULL,
    words INTEGER NOT NULL,
    chrome INTEGER NOT NULL,
    variant_id INTEGER REFERENCES variants (id),
    text TEXT NOT NULL,
    UNIQUE (document_id, position)
  );
  CREATE INDEX paragraphs_by_variant ON paragraphs (variant_id);

  CREATE TABLE band_keys (
    key INTEGER NOT NULL,
    variant_id INTEGER NOT NULL REFERENCES variants (id),
    PRIMARY KEY (key, variant_id)
  ) WITHOUT ROWID;
  `,
  storePreparedDocuments,
  storeContentKeys,
  storeWordDocuments,
  decodeStoredReferences,
];

/** The schema this build reads and writes: one past the last migration. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables every index of this schema version has; a file missing one is damaged. */
export const REQUIRED_TABLES = ['meta', 'documents', 'variants', 'paragraphs', 'band_keys', 'content_keys', 'word_documents'] as const;

interface Version1Paragraph {
  document_id: number;
  position: number;
  start_line: number;
  end_line: number;
  blank_lines_before: number;
  text: string;
}

interface Version1Document {
  id: number;
  path: string;
  layout: PreparedDocument['layout'];
  line_count: number;
}

/**
 * Version 1 -> 2: each document is stored whole, encoded (core/codec.ts), instead of as text
 * and line rows joined with variants at load time; paragraphs keep only their variant, and
 * variants only their shingle sets (signatures and anchors are in the documents). Version 1
 * did not store the tokens alignment needs, so every stored paragraph is prepared again from
 * its text with the index's own parameters: the same hashes, band keys and anchors.
 */
function storePreparedDocuments(db: Database.Database, context: MigrationContext): void {
  db.exec('ALTER TABLE documents ADD COLUMN prepared BLOB');
  const documents = db.prepare('SELECT id, path, layout, line_count FROM documents ORDER BY id').all() as Version1Document[];
  if (documents.length > 0 && !context.signer) throw new Error('the index parameters are needed to upgrade its documents');
  const paragraphsOf = db.prepare(
    'SELECT document_id, position, start_line, end_line, blank_lines_before, text FROM paragraphs WHERE document_id = ? ORDER BY position',
  );
  const update = db.prepare('UPDATE documents SET prepared = ? WHERE id = ?');
  for (const row of documents) {
    const segments: Segment[] = (paragraphsOf.all(row.id) as Version1Paragraph[]).map((p) => ({
      index: p.position,
      startLine: p.start_line,
      endLine: p.end_line,
      text: p.text,
      blankLinesBefore: p.blank_lines_before,
    }));
    update.run(encodeDocument(context.signer!.fromSegments({ id: row.path, layout: row.layout, lineCount: row.line_count }, segments)), row.id);
  }
  for (const column of ['start_line', 'end_line', 'blank_lines_before', 'words', 'chrome', 'text']) db.exec(`ALTER TABLE paragraphs DROP COLUMN ${column}`);
  for (const column of ['signature', 'anchors']) db.exec(`ALTER TABLE variants DROP COLUMN ${column}`);
  // The documents holding a variant, in the order they were added, without sorting all of them:
  // a site footer's variant is in every page of the site (check loads the first 100).
  db.exec('DROP INDEX paragraphs_by_variant; CREATE INDEX paragraphs_by_variant ON paragraphs (variant_id, document_id)');
}

/** The table and column of schema 3 (content_keys; variants.content), empty. */
const CONTENT_KEYS_TABLE = `
  ALTER TABLE variants ADD COLUMN content BLOB;
  CREATE TABLE content_keys (
    key INTEGER NOT NULL,
    variant_id INTEGER NOT NULL REFERENCES variants (id),
    PRIMARY KEY (key, variant_id)
  ) WITHOUT ROWID;
`;

/**
 * Version 2 -> 3: the rewording channel's content words and band keys of every stored variant,
 * from the stored documents' tokens (each variant once, from the first document holding it).
 * A document that does not decode gives nothing here, as in countWordDocuments: one damaged row
 * must not stop the upgrade and with it every command; verify names it.
 */
function storeContentKeys(db: Database.Database, context: MigrationContext): void {
  db.exec(CONTENT_KEYS_TABLE);
  const documents = db.prepare('SELECT id, prepared FROM documents WHERE prepared IS NOT NULL ORDER BY id').all() as Array<{ id: number; prepared: Uint8Array }>;
  if (documents.length === 0) return;
  if (!context.signer) throw new Error('the index parameters are needed to upgrade its documents');
  const seed = context.signer.options.seed;
  const signer = archiveSigner(seed);
  const variantsOf = db.prepare('SELECT position, variant_id FROM paragraphs WHERE document_id = ? AND variant_id IS NOT NULL');
  const setContent = db.prepare('UPDATE variants SET content = ? WHERE id = ?');
  const insertKey = db.prepare('INSERT OR IGNORE INTO content_keys (key, variant_id) VALUES (?, ?)');
  const done = new Set<number>();
  for (const row of documents) {
    const doc = decodedOrNull(row.prepared);
    if (!doc) continue;
    for (const { position, variant_id: variant } of variantsOf.all(row.id) as Array<{ position: number; variant_id: number }>) {
      if (done.has(variant) || position >= doc.count) continue;
      done.add(variant);
      const archived = archivedContent(signer, doc, position);
      if (!archived) continue;
      setContent.run(encodeUint32s(archived.content), variant);
      for (const key of archived.keys) insertKey.run(encodeBandKey(key), variant);
    }
  }
}

/** The table of schema 4, empty. `word` is a token hash (unsigned 32 bits). */
const WORD_DOCUMENTS_TABLE = `
  CREATE TABLE word_documents (
    word INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * Each word's document count, counted from the stored documents' tokens (what word_documents
 * holds), and the paths of stored documents that do not decode: those count for nothing here,
 * so that one damaged row does not stop an upgrade or a verify (a reviewer's find: the whole
 * index became unusable); reading that document later says it is damaged (decodeStored).
 */
export function countWordDocuments(db: Database.Database): { table: DocumentFrequency; damaged: string[] } {
  const table = new DocumentFrequency();
  const damaged: string[] = [];
  let number = 0;
  for (const row of db.prepare('SELECT path, prepared FROM documents WHERE prepared IS NOT NULL').iterate() as IterableIterator<{ path: string; prepared: Uint8Array }>) {
    const doc = decodedOrNull(row.prepared);
    if (doc) countDocumentWords(table, doc, number++);
    else damaged.push(row.path);
  }
  return { table, damaged };
}

/** Version 3 -> 4: each word's document count, from the stored documents' tokens. */
function storeWordDocuments(db: Database.Database): void {
  db.exec(WORD_DOCUMENTS_TABLE);
  const insert = db.prepare('INSERT INTO word_documents (word, documents) VALUES (?, ?)');
  countWordDocuments(db).table.forEach((word, documents) => insert.run(word, documents));
}

/**
 * A stored document's text rebuilt from its paragraphs, each on the lines it was cut from, or
 * null when segmenting the rebuilt text (in the index's `mode`) does not give the stored
 * paragraphs back: then what decides where paragraphs and their pieces are cut (hard-wrapped
 * lines, indentation, whitespace between a long paragraph's sentence pieces) was not kept.
 * Pieces of one paragraph (cut at its sentences, segment.ts) are joined by a space, or by line
 * breaks where the next piece starts on a later line.
 */
export function storedText(doc: PreparedDocument, mode: SegmentMode): string | null {
  const segments = segmentsOf(doc);
  const lines: string[] = new Array<string>(doc.lineCount).fill('');
  let paragraph: { startLine: number; text: string } | null = null;
  let lastEndLine = 0;
  const place = (): boolean => {
    if (!paragraph) return true;
    const own = paragraph.text.split('\n');
    if (paragraph.startLine - 1 + own.length > lines.length) return false;
    own.forEach((line, k) => (lines[paragraph!.startLine - 1 + k] = line));
    return true;
  };
  for (const cut of segments) {
    if (cut.continues && paragraph) {
      const separator = cut.startLine > lastEndLine ? '\n'.repeat(cut.startLine - lastEndLine) : ' ';
      paragraph.text += separator + cut.text;
    } else {
      if (!place()) return null;
      paragraph = { startLine: cut.startLine, text: cut.text };
    }
    lastEndLine = cut.endLine;
  }
  if (!place()) return null;
  const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const again = segment(text, mode);
  const same =
    again.layout === doc.layout &&
    again.segments.length === segments.length &&
    again.segments.every((recut, i) => {
      const stored = segments[i]!;
      return recut.text === stored.text && recut.startLine === stored.startLine && recut.endLine === stored.endLine && recut.blankLinesBefore === stored.blankLinesBefore && recut.continues === stored.continues;
    });
  return same ? text : null;
}

/**
 * A stored document prepared again with its HTML character references decoded: from its rebuilt
 * text (storedText) as `index add` prepares a file, so that a paragraph decoding makes short
 * enough is cut as a new add cuts it (a review: a 608-character paragraph, 548 decoded, kept its
 * sentence pieces); else paragraph by paragraph, each decoded where it stands.
 */
function decodedDocument(doc: PreparedDocument, signer: Signer): PreparedDocument {
  const info = { id: doc.id, modifiedAt: doc.modifiedAt, metadata: doc.metadata };
  const text = storedText(doc, signer.options.segment);
  if (text !== null) return signer.prepare({ ...info, text });
  return signer.fromSegments({ ...info, layout: doc.layout, lineCount: doc.lineCount }, segmentsOf(doc).map((cut) => ({ ...cut, text: decodeCharacterReferences(cut.text) })));
}

/**
 * Version 4 -> 5: the HTML character references in stored documents decoded, as `index add` has
 * decoded them before segmenting since text/entities.ts. A document stored earlier kept
 * "don&#8217;t" in its tokens, and `index add` skips a file whose text has not changed, so
 * `check` went on calling a decoded copy of it "edited" (a review). Each stored document with a
 * reference in a paragraph is prepared again (decodedDocument) and replaced, its variants, keys
 * and word counts with it, one at a time. A document that does not decode is left for verify
 * to name (countWordDocuments).
 */
function decodeStoredReferences(db: Database.Database, context: MigrationContext): void {
  const affected: number[] = [];
  const rows = db.prepare('SELECT id, prepared FROM documents WHERE prepared IS NOT NULL ORDER BY id').iterate() as IterableIterator<{ id: number; prepared: Uint8Array }>;
  for (const row of rows) {
    const doc = decodedOrNull(row.prepared);
    if (doc && segmentsOf(doc).some((cut) => decodeCharacterReferences(cut.text) !== cut.text)) affected.push(row.id);
  }
  if (affected.length === 0) return;
  const { signer, replaceDocuments } = context;
  if (!signer) throw new Error('the index parameters are needed to upgrade its documents');
  if (!replaceDocuments) throw new Error('the index store is needed to upgrade its documents');
  const load = db.prepare('SELECT path, prepared FROM documents WHERE id = ?');
  replaceDocuments(db, affected, (documentId) => {
    const row = load.get(documentId) as { path: string; prepared: Uint8Array };
    const doc = decodeDocument(row.prepared);
    doc.id = row.path;
    return decodedDocument(doc, signer);
  });
}

/** A stored document, or null when its row does not decode (a damaged index). */
function decodedOrNull(prepared: Uint8Array): PreparedDocument | null {
  try {
    return decodeDocument(prepared);
  } catch (error) {
    if (!(error instanceof CodecError) && !(error instanceof SyntaxError)) throw error;
    return null;
  }
}
