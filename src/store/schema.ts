/**
 * The on-disk format of the index: an SQLite database identified by its application id,
 * with the schema version in `PRAGMA user_version` and ordered migrations between versions.
 *
 * Tables (schema version 1):
 *
 *   meta        key/value: format marker, creating version, time, and the signing parameters
 *               (`parameter.*`), which every later run must agree with (parameters.ts).
 *   documents   one row per indexed article: path (the key), SHA-256 of its text, layout,
 *               line/word/paragraph counts, when this version was added.
 *   variants    one row per distinct normalised paragraph text across the whole index: the
 *               8-byte normalised-text hash, the sorted shingle set, the MinHash signature and
 *               the containment anchors (first and last shingle; all three NULL for paragraphs
 *               too short to compare). A footer that recurs on ten
 *               thousand pages is stored, signed and banded once, as the scan collapses
 *               identical paragraphs into one variant.
 *   paragraphs  every paragraph of every document: position, line span, blank lines before it
 *               (story boundaries), words, whether it is publishing-system chrome, text, and
 *               its variant (NULL when it has no words).
 *   band_keys   LSH band keys of each signed variant, primary key (key, variant_id): the
 *               lookup `check` makes for every band of every incoming paragraph. The band
 *               number is mixed into the key (core/lsh.ts), so one column serves all bands.
 *
 * Foreign keys are declared for the reader but not enforced (PRAGMA foreign_keys = OFF on
 * every connection): enforcing them would scan band_keys for every variant deleted (or need
 * one more index) and look up a variant for every band key inserted. The store keeps the
 * relations in its transactions and `IndexStore.verify` checks them.
 */

/** 'ddup': marks the file as a dedupe index, so another program's database is never mistaken for one. */
export const APPLICATION_ID = 0x64647570;

/** Value of meta 'format', a second, readable marker next to the application id. */
export const FORMAT_MARKER = 'dedupe-index';

/**
 * `MIGRATIONS[v]` takes a database from schema version v to v + 1. Version 0 is a new, empty
 * database. Each runs in the same transaction as the `user_version` bump, so a migration
 * happens entirely or not at all.
 */
export const MIGRATIONS: readonly string[] = [
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
];

/** The schema this build reads and writes: one past the last migration. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables every index of this schema version has; a file missing one is damaged. */
export const REQUIRED_TABLES = ['meta', 'documents', 'variants', 'paragraphs', 'band_keys'] as const;
