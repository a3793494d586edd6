/** The index database: format, round trips, replace and remove, parameters, foreign and damaged files, migrations. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions, type PreparedDocument } from '../../src/core/index.js';
import { DocumentBuilder, paragraphViews } from '../../src/core/document.js';
import { segment } from '../../src/core/text/segment.js';
import { decodeCharacterReferences } from '../../src/core/text/entities.js';
import { contentHash, decodeUint32s, encodeUint32s, decodeTextKey, encodeTextKey } from '../../src/store/codec.js';
import { IndexError } from '../../src/store/errors.js';
import { IndexStore, upgradeSchema, type WriteBatch } from '../../src/store/index-store.js';
import { optionsForIndex, parametersFromMeta, parametersOf, parametersToMeta } from '../../src/store/parameters.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { repoRoot } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

const seedText = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

async function prepared(id: string, text: string, options = {}): Promise<PreparedDocument> {
  const signer = await createSigner(resolveOptions(options));
  return signer.prepare({ id, text });
}

async function addAll(store: IndexStore, docs: Array<[string, string]>): Promise<string[]> {
  const signer = await createSigner(store.options);
  return store.write(async (batch) =>
    docs.map(([id, text]) => batch.put(signer.prepare({ id, text }), { contentHash: contentHash(text), bytes: text.length, addedAt: 1 })),
  );
}

/** A copy of the index `fresh` as an older schema left it: `sql` undoes the newer tables, and `version` is set. */
function olderCopy(fresh: string, sql: string, version: number): string {
  const old = path.join(tempDir(), 'old.db');
  writeFileSync(old, readFileSync(fresh));
  const db = new Database(old);
  db.exec(sql);
  db.pragma(`user_version = ${version}`);
  db.close();
  return old;
}

/** The index's word counts, as [word, documents] rows by word. */
function wordRows(file: string): Array<[number, number]> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT word, documents FROM word_documents ORDER BY word').raw().all() as Array<[number, number]>;
  db.close();
  return rows;
}

async function expectIndexError(work: () => unknown, kind: IndexError['kind']): Promise<IndexError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).kind).toBe(kind);
    expect((error as IndexError).message).not.toContain('\n');
    return error as IndexError;
  }
  throw new Error(`expected an IndexError '${kind}'`);
}

function snapshot(file: string): { bytes: Buffer; mtimeMs: number } {
  return { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
}

describe('a new index', () => {
  it('is an SQLite file marked as a dedupe index, at the current schema version, with its parameters', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write', requested: { shingleSize: 4 }, now: 1234 })).close();
    // The writer checkpointed and removed its write-ahead log on closing.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const meta = new Map(db.prepare('SELECT key, value FROM meta').raw().all() as Array<[string, string]>);
    expect(meta.get('parameter.shingleSize')).toBe('4');
    expect(meta.get('parameter.bands')).toBe(String(resolveOptions().bands));
    expect(meta.get('created_at')).toBe('1234');
    db.close();
  });

  it('leaves no temporary file behind', async () => {
    const dir = tempDir();
    (await IndexStore.open(path.join(dir, 'index.db'), { mode: 'write' })).close();
    expect(readdirSync(dir)).toEqual(['index.db']);
  });

  it('is not created for reading, and its folder is created only when asked', async () => {
    const dir = tempDir();
    await expectIndexError(async () => await IndexStore.open(path.join(dir, 'index.db'), { mode: 'read' }), 'missing');
    await expectIndexError(async () => await IndexStore.open(path.join(dir, 'no', 'index.db'), { mode: 'write' }), 'missing-folder');
    (await IndexStore.open(path.join(dir, 'made', 'index.db'), { mode: 'write', defaultFolder: true })).close();
    expect(existsSync(path.join(dir, 'made', 'index.db'))).toBe(true);
    await expectIndexError(async () => await IndexStore.open(dir, { mode: 'write' }), 'not-an-index');
  });
});

describe('documents', () => {
  it('come back from the index as the scanner prepared them', async () => {
    const file = path.join(tempDir(), 'index.db');
    const store = await IndexStore.open(file, { mode: 'write' });
    const text = seedText(SEED.original);
    await addAll(store, [[SEED.original, text]]);
    const original = await prepared(SEED.original, text);
    const loaded = store.read(() => store.loadDocument(1));
    expect(loaded.context).toBe(true);
    expect(loaded.id).toBe(SEED.original);
    expect(loaded.layout).toBe(original.layout);
    expect(loaded.lineCount).toBe(original.lineCount);
    expect(loaded.words).toBe(original.words);
    expect(loaded.count).toBe(original.count);
    paragraphViews(loaded).forEach((p, i) => {
      const o = paragraphViews(original)[i]!;
      expect(p.segment).toEqual(o.segment);
      expect(p.words).toBe(o.words);
      expect(p.textKey).toBe(o.textKey);
      expect(p.shingles).toEqual(o.shingles);
      expect(p.bandKeys).toEqual(o.bandKeys);
    });
    store.close();
  });

  it('unchanged content is not stored twice; changed content replaces the old version', async () => {
    const store = await IndexStore.open(path.join(tempDir(), 'index.db'), { mode: 'write' });
    const a = seedText(SEED.original);
    const b = seedText(SEED.unrelated);
    expect(await addAll(store, [['a.txt', a], ['b.txt', b]])).toEqual(['added', 'added']);
    const before = store.stats();
    expect(await addAll(store, [['a.txt', a]])).toEqual(['unchanged']);
    expect(store.stats()).toMatchObject({ documents: 2, paragraphs: before.paragraphs, variants: before.variants, bandKeys: before.bandKeys });
    // a.txt now holds b's text: its old paragraphs and their variants and band keys go.
    expect(await addAll(store, [['a.txt', b]])).toEqual(['updated']);
    const after = store.stats();
    expect(after.documents).toBe(2);
    const paragraphsOfB = (await prepared('b', b)).count;
    expect(after.paragraphs).toBe(2 * paragraphsOfB);
    expect(after.variants).toBeLessThan(before.variants);
    expect(store.verify()).toEqual({ ok: true, problems: [] });
    store.close();
  });

  it('removing a document drops the variants only it used, and keeps shared ones', async () => {
    const store = await IndexStore.open(path.join(tempDir(), 'index.db'), { mode: 'write' });
    const a = seedText(SEED.original);
    const empty = store.stats();
    await addAll(store, [['one/a.txt', a]]);
    const one = store.stats();
    await addAll(store, [['two/a.txt', a]]);
    const two = store.stats();
    expect(two.variants).toBe(one.variants);
    expect(two.bandKeys).toBe(one.bandKeys);
    expect(one.contentKeys).toBeGreaterThan(0);
    expect(two.contentKeys).toBe(one.contentKeys);
    expect(two.paragraphs).toBe(2 * one.paragraphs);
    expect(store.pathsUnder('one')).toEqual(['one/a.txt']);
    await store.write(async (batch) => expect(batch.remove('one/a.txt')).toBe(true));
    expect(store.stats()).toMatchObject({ documents: 1, paragraphs: one.paragraphs, variants: one.variants, bandKeys: one.bandKeys, contentKeys: one.contentKeys });
    await store.write(async (batch) => {
      expect(batch.remove('two/a.txt')).toBe(true);
      expect(batch.remove('two/a.txt')).toBe(false);
    });
    expect(store.stats()).toMatchObject({ documents: 0, paragraphs: 0, variants: 0, bandKeys: 0, contentKeys: 0 });
    expect(empty.documents).toBe(0);
    expect(store.verify().ok).toBe(true);
    store.close();
  });

  it('a batch that throws leaves the index as it was', async () => {
    const store = await IndexStore.open(path.join(tempDir(), 'index.db'), { mode: 'write' });
    await addAll(store, [['a.txt', seedText(SEED.original)]]);
    const before = store.stats();
    const signer = await createSigner(store.options);
    await expect(
      store.write(async (batch) => {
        batch.put(signer.prepare({ id: 'b.txt', text: seedText(SEED.unrelated) }), { contentHash: 'x', bytes: 1, addedAt: 2 });
        batch.remove('a.txt');
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(store.stats()).toEqual(before);
    store.close();
  });

  it('finds folders by prefix without matching a longer sibling name', async () => {
    const store = await IndexStore.open(path.join(tempDir(), 'index.db'), { mode: 'write' });
    const text = seedText(SEED.unrelated);
    await addAll(store, [['feed/a.txt', text], ['feed/sub/b.txt', text], ['feed2/c.txt', text], ['feed.txt', text]]);
    expect(store.pathsUnder('feed')).toEqual(['feed/a.txt', 'feed/sub/b.txt']);
    expect(store.pathsUnder('feed/')).toEqual(['feed/a.txt', 'feed/sub/b.txt']);
    expect(store.pathsUnder('feed.txt')).toEqual(['feed.txt']);
    expect(store.pathsUnder('fee')).toEqual([]);
    store.close();
  });
});

describe('parameters', () => {
  it('a run asking for other signing parameters is refused with a one-line error', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    const error = await expectIndexError(async () => await IndexStore.open(file, { mode: 'read', requested: { shingleSize: 4 } }), 'parameters');
    expect(error.message).toContain('--shingle-size 3');
    expect(error.message).toContain('--shingle-size 4');
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'write', requested: { seed: 7 } }), 'parameters');
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'read', requested: { segment: 'block' } }), 'parameters');
    // Equal to the index's: fine.
    (await IndexStore.open(file, { mode: 'read', requested: { shingleSize: 3, numHashes: 128 } })).close();
  });

  it('threshold and containment may differ at check time only while the LSH banding stays the same', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    // The candidate threshold is min(threshold, contained-half Jaccard 0.36): 0.7 keeps the banding.
    const store = await IndexStore.open(file, { mode: 'read', requested: { threshold: 0.7 } });
    expect(store.options.threshold).toBe(0.7);
    expect(store.options.bands).toBe(store.parameters.bands);
    store.close();
    const error = await expectIndexError(async () => await IndexStore.open(file, { mode: 'read', requested: { threshold: 0.2 } }), 'parameters');
    expect(error.message).toMatch(/bands/);
  });

  it('round-trip through meta, and a damaged value is reported', async () => {
    const parameters = parametersOf(resolveOptions({ seed: 9, segment: 'line' }));
    const meta = new Map(parametersToMeta(parameters));
    expect(parametersFromMeta('x.db', meta)).toEqual(parameters);
    meta.set('parameter.numHashes', 'lots');
    await expectIndexError(() => parametersFromMeta('x.db', meta), 'corrupt');
    expect(optionsForIndex('x.db', parameters, {}).seed).toBe(9);
  });
});

describe('files that are not a usable index are refused and left untouched', () => {
  it('a text file', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    writeFileSync(file, 'not a database\n'.repeat(100));
    const before = snapshot(file);
    for (const mode of ['read', 'write'] as const) await expectIndexError(async () => await IndexStore.open(file, { mode }), 'not-an-index');
    expect(snapshot(file)).toEqual(before);
  });

  it('an empty file', async () => {
    const file = path.join(tempDir(), 'empty.db');
    writeFileSync(file, '');
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'write' }), 'not-an-index');
    expect(readFileSync(file).length).toBe(0);
  });

  it("another program's SQLite database", async () => {
    const file = path.join(tempDir(), 'other.db');
    const db = new Database(file);
    db.exec("CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO documents (name) VALUES ('keep me')");
    db.close();
    const before = snapshot(file);
    const error = await expectIndexError(async () => await IndexStore.open(file, { mode: 'write' }), 'not-an-index');
    expect(error.message).toContain('another program');
    expect(snapshot(file)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('an index written by a newer dedupe', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(file);
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'write' }), 'newer-schema');
    expect(snapshot(file)).toEqual(before);
  });

  it('a damaged index: its schema page overwritten', async () => {
    const file = path.join(tempDir(), 'index.db');
    const store = await IndexStore.open(file, { mode: 'write' });
    await addAll(store, [['a.txt', seedText(SEED.original)]]);
    store.close();
    const bytes = readFileSync(file);
    // Keep the 100-byte header (so it still says "dedupe index"), scramble the rest of page 1: sqlite_master.
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 131) & 0xff;
    writeFileSync(file, bytes);
    const before = snapshot(file);
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'read' }), 'corrupt');
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'write' }), 'corrupt');
    expect(snapshot(file)).toEqual(before);
  });

  it('a damaged index: table pages overwritten, found by verify', async () => {
    const file = path.join(tempDir(), 'index.db');
    const store = await IndexStore.open(file, { mode: 'write' });
    await addAll(store, [['a.txt', seedText(SEED.original)], ['b.txt', seedText(SEED.unrelated)]]);
    store.close();
    const bytes = readFileSync(file);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(4);
    for (let page = 2; page < pages; page++) bytes.fill(0x5a, page * 4096, page * 4096 + 64);
    writeFileSync(file, bytes);
    const damaged = await IndexStore.open(file, { mode: 'read' });
    expect(() => damaged.verify()).toThrow(IndexError);
    damaged.close();
  });
});

describe('migrations', () => {
  it('each migration runs once, in order, in its own transaction with the version bump', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    const db = new Database(file);
    const next = [...MIGRATIONS, 'CREATE TABLE added_in_v2 (x)', 'ALTER TABLE added_in_v2 ADD COLUMN y'];
    upgradeSchema(db, SCHEMA_VERSION, next);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 2);
    expect(db.prepare('SELECT y FROM added_in_v2').all()).toEqual([]);
    db.close();
  });

  it('a migration another process ran meanwhile is not run again (two commands opening an old index at once)', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    const db = new Database(file);
    let runs = 0;
    const next = [...MIGRATIONS, (): void => void runs++];
    // Both read version SCHEMA_VERSION before either took the write lock.
    upgradeSchema(db, SCHEMA_VERSION, next);
    upgradeSchema(db, SCHEMA_VERSION, next);
    expect(runs).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
  });

  it('a failing migration leaves the schema version and tables as they were', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    const db = new Database(file);
    expect(() => upgradeSchema(db, SCHEMA_VERSION, [...MIGRATIONS, 'CREATE TABLE half (x); SELECT no_such_function()'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('an index at an older version is upgraded when opened', async () => {
    const file = path.join(tempDir(), 'index.db');
    (await IndexStore.open(file, { mode: 'write' })).close();
    // Version 0 with our application id: what a future schema 2 will see of a version 1 file.
    const db = new Database(file);
    db.exec('DROP TABLE word_documents; DROP TABLE content_keys; DROP TABLE band_keys; DROP TABLE paragraphs; DROP TABLE variants; DROP TABLE documents; DROP TABLE meta');
    db.pragma('user_version = 0');
    db.close();
    // The migration recreates the tables, but meta is empty: the index has no parameters.
    await expectIndexError(async () => await IndexStore.open(file, { mode: 'write' }), 'corrupt');
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });
});

describe('an index of schema version 1', () => {
  /** A version 1 index as dedupe 0.1 wrote it: text and spans in paragraph rows, signatures in variants. */
  async function writeVersion1(file: string, id: string, text: string): Promise<PreparedDocument> {
    const doc = await prepared(id, text);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS[0] as string);
    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insertMeta.run('format', 'dedupe-index');
    for (const [key, value] of parametersToMeta(parametersOf(resolveOptions()))) insertMeta.run(key, value);
    db.prepare(`INSERT INTO documents (id, path, content_hash, bytes, layout, line_count, words, paragraph_count, added_at)
      VALUES (1, ?, 'hash', ?, ?, ?, ?, ?, 1)`).run(id, text.length, doc.layout, doc.lineCount, doc.words, doc.count);
    const variants = new Map<string, number>();
    for (const p of paragraphViews(doc)) {
      let variant: number | null = null;
      if (p.textKey !== null) {
        variant = variants.get(p.textKey) ?? null;
        if (variant === null) {
          variant = variants.size + 1;
          variants.set(p.textKey, variant);
          db.prepare('INSERT INTO variants (id, text_key, shingles, signature, anchors) VALUES (?, ?, ?, ?, ?)').run(
            variant, encodeTextKey(p.textKey), p.shingles ? encodeUint32s(p.shingles) : null, p.shingles ? Buffer.alloc(512) : null, p.anchors ? encodeUint32s(p.anchors) : null);
          for (const key of new Set<number>(p.bandKeys ?? [])) db.prepare('INSERT INTO band_keys (key, variant_id) VALUES (?, ?)').run(key | 0, variant);
        }
      }
      const s = p.segment;
      db.prepare(`INSERT INTO paragraphs (document_id, position, start_line, end_line, blank_lines_before, words, chrome, variant_id, text)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`).run(s.index, s.startLine, s.endLine, s.blankLinesBefore, p.words, p.chrome ? 1 : 0, variant, s.text);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 1');
    db.close();
    return doc;
  }

  it('is upgraded when opened: its documents come back as the signer prepares them, tokens included', async () => {
    const file = path.join(tempDir(), 'index.db');
    const original = await writeVersion1(file, 'a.txt', seedText(SEED.original));
    const store = await IndexStore.open(file, { mode: 'write' });
    const loaded = store.read(() => store.loadDocument(1));
    const plain = (d: PreparedDocument): unknown => JSON.parse(JSON.stringify({ ...d, context: undefined }, (_, v: unknown) => (v instanceof Uint32Array ? [...v] : v))) as unknown;
    expect(plain(loaded)).toEqual(plain(original));
    expect(store.verify()).toEqual({ ok: true, problems: [] });
    // A later add and remove work on the upgraded tables.
    await addAll(store, [['b.txt', seedText(SEED.unrelated)]]);
    await store.write(async (batch) => expect(batch.remove('a.txt')).toBe(true));
    expect(store.stats()).toMatchObject({ documents: 1 });
    expect(store.verify().ok).toBe(true);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('an index of schema version 2', () => {
  it('gets the rewording channel\'s content words and keys when opened, the same as a new index stores', async () => {
    const docs: Array<[string, string]> = [
      ['a.txt', seedText(SEED.original)],
      ['b.txt', seedText(SEED.unrelated)],
    ];
    const fresh = path.join(tempDir(), 'fresh.db');
    const store = await IndexStore.open(fresh, { mode: 'write' });
    await addAll(store, docs);
    const expected = store.stats().contentKeys;
    store.close();
    expect(expected).toBeGreaterThan(0);
    const rows = (file: string): unknown[] => {
      const db = new Database(file, { readonly: true });
      const out = [db.prepare('SELECT key, variant_id FROM content_keys ORDER BY key, variant_id').raw().all(), db.prepare('SELECT id, content FROM variants ORDER BY id').raw().all()];
      db.close();
      return out;
    };
    // The same index as schema 2 wrote it: no content column, no content_keys table.
    const old = olderCopy(fresh, 'DROP TABLE word_documents; DROP TABLE content_keys; ALTER TABLE variants DROP COLUMN content', 2);
    const upgraded = await IndexStore.open(old, { mode: 'write' });
    expect(upgraded.stats()).toMatchObject({ schemaVersion: SCHEMA_VERSION, contentKeys: expected });
    expect(upgraded.verify()).toEqual({ ok: true, problems: [] });
    upgraded.close();
    expect(rows(old)).toEqual(rows(fresh));
  });
});

describe('an index of schema version 3', () => {
  it("gets each word's document count when opened, the same as a new index keeps through adds and removes", async () => {
    const fresh = path.join(tempDir(), 'fresh.db');
    const store = await IndexStore.open(fresh, { mode: 'write' });
    await addAll(store, [
      ['a.txt', seedText(SEED.original)],
      ['b.txt', seedText(SEED.unrelated)],
      ['c.txt', seedText(SEED.update)],
    ]);
    await store.write(async (batch) => expect(batch.remove('c.txt')).toBe(true));
    expect(store.verify()).toEqual({ ok: true, problems: [] });
    store.close();
    // A word of both remaining articles is counted twice, and a word only c.txt had is gone.
    expect(wordRows(fresh).some(([, n]) => n === 2)).toBe(true);
    expect(wordRows(fresh).every(([, n]) => n === 1 || n === 2)).toBe(true);
    const old = olderCopy(fresh, 'DROP TABLE word_documents', 3);
    const upgraded = await IndexStore.open(old, { mode: 'write' });
    expect(upgraded.verify()).toEqual({ ok: true, problems: [] });
    upgraded.close();
    expect(wordRows(old)).toEqual(wordRows(fresh));
    // verify() notices a count that disagrees with the documents.
    const damaged = new Database(old);
    damaged.exec('UPDATE word_documents SET documents = documents + 1 WHERE word = (SELECT word FROM word_documents LIMIT 1)');
    damaged.close();
    const reopened = await IndexStore.open(old, { mode: 'read' });
    expect(reopened.verify().problems).toEqual(["1 word whose document count differs from the documents'"]);
    reopened.close();
  });
});

describe('an index of schema version 4', () => {
  const scraped = seedText('fixtures/html-entities/scraped-harbour-strike.txt');
  const wire = seedText('fixtures/html-entities/wire-harbour-strike.txt');

  /** A document as dedupe prepared it before HTML references were decoded: segmented and signed as written. */
  async function preparedUndecoded(id: string, text: string): Promise<PreparedDocument> {
    const signer = await createSigner(resolveOptions());
    const { layout, lineCount, segments } = segment(text);
    const builder = new DocumentBuilder();
    for (const seg of segments) signer.addSegment(seg, builder);
    return builder.finish({ id, layout, lineCount });
  }

  /** Per table, its rows: documents with their ids (a replaced document keeps its own), the rest without (its variants get new ones). */
  function contents(file: string): unknown {
    const db = new Database(file, { readonly: true });
    const out = {
      documents: db.prepare('SELECT id, path, content_hash, bytes, added_at, prepared FROM documents ORDER BY path').raw().all(),
      variants: db.prepare('SELECT text_key, shingles, content FROM variants ORDER BY text_key').raw().all(),
      paragraphs: db.prepare('SELECT d.path, p.position, v.text_key FROM paragraphs p JOIN documents d ON d.id = p.document_id LEFT JOIN variants v ON v.id = p.variant_id ORDER BY d.path, p.position').raw().all(),
      bandKeys: db.prepare('SELECT k.key, v.text_key FROM band_keys k JOIN variants v ON v.id = k.variant_id ORDER BY k.key, v.text_key').raw().all(),
      contentKeys: db.prepare('SELECT k.key, v.text_key FROM content_keys k JOIN variants v ON v.id = k.variant_id ORDER BY k.key, v.text_key').raw().all(),
      words: db.prepare('SELECT word, documents FROM word_documents ORDER BY word').raw().all(),
    };
    db.close();
    return out;
  }

  // A paragraph over 600 characters as written, under them decoded: cut into sentence pieces by
  // an earlier build, whole by a new add (a review: the migration kept the old pieces).
  const longParagraph = [
    'Headline of a scraped council story',
    '',
    `The council&#8217;s finance committee met on Tuesday evening and agreed, after a long debate that ran past midnight, to raise the levy on empty homes by a fifth from April. Members said the change would bring in about 400,000 pounds a year, which the committee&#8217;s chair said would go to repairs of the town&#8217;s two libraries and its swimming pool. Opponents said owners of second homes would simply sell up, and that the town&#8217;s shops depended on visitors in the summer months. The chair said the committee would review the levy&#8217;s effect in a year, and publish the figures in full.`,
    '',
    'A second paragraph, short and plain, closes the story.',
    '',
  ].join('\n');

  it('has the references of documents stored before they were decoded decoded when opened, as a new index stores them', async () => {
    expect(longParagraph.split('\n')[2]!.length).toBeGreaterThan(600);
    expect(decodeCharacterReferences(longParagraph.split('\n')[2]!).length).toBeLessThanOrEqual(600);
    const fresh = path.join(tempDir(), 'fresh.db');
    const store = await IndexStore.open(fresh, { mode: 'write' });
    await addAll(store, [['scraped.txt', scraped], ['wire.txt', wire], ['long.txt', longParagraph]]);
    store.close();
    // The same two articles as an index of schema 4 stored them: the scraped copy's tokens kept its references.
    const old = path.join(tempDir(), 'old.db');
    const oldStore = await IndexStore.open(old, { mode: 'write' });
    const undecoded = await preparedUndecoded('scraped.txt', scraped);
    const signer = await createSigner(oldStore.options);
    const longUndecoded = await preparedUndecoded('long.txt', longParagraph);
    expect(longUndecoded.count).toBeGreaterThan(3);
    await oldStore.write(async (batch) => {
      batch.put(undecoded, { contentHash: contentHash(scraped), bytes: scraped.length, addedAt: 1 });
      batch.put(signer.prepare({ id: 'wire.txt', text: wire }), { contentHash: contentHash(wire), bytes: wire.length, addedAt: 1 });
      batch.put(longUndecoded, { contentHash: contentHash(longParagraph), bytes: longParagraph.length, addedAt: 1 });
    });
    oldStore.close();
    expect(contents(old)).not.toEqual(contents(fresh));
    const db = new Database(old);
    db.pragma('user_version = 4');
    db.close();
    const upgraded = await IndexStore.open(old, { mode: 'read' });
    expect(upgraded.stats()).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    expect(upgraded.verify()).toEqual({ ok: true, problems: [] });
    upgraded.close();
    expect(contents(old)).toEqual(contents(fresh));
  });
});

describe("the words' document counts", () => {
  it('stay right through an update in place, an add and a remove in one batch, and a batch rolled back', async () => {
    const file = path.join(tempDir(), 'index.db');
    const store = await IndexStore.open(file, { mode: 'write' });
    await addAll(store, [['a.txt', seedText(SEED.original)], ['b.txt', seedText(SEED.unrelated)]]);
    const signer = await createSigner(store.options);
    const put = (batch: WriteBatch, id: string, text: string): unknown => batch.put(signer.prepare({ id, text }), { contentHash: contentHash(text), bytes: text.length, addedAt: 2 });
    // a.txt replaced by another text (its old words counted out), c.txt added and removed again.
    await store.write(async (batch) => {
      put(batch, 'a.txt', seedText(SEED.update));
      put(batch, 'c.txt', seedText(SEED.reprintA));
      expect(batch.remove('c.txt')).toBe(true);
    });
    expect(store.verify()).toEqual({ ok: true, problems: [] });
    const before = wordRows(file);
    await expect(
      store.write(async (batch) => {
        put(batch, 'd.txt', seedText(SEED.reprintA));
        batch.remove('b.txt');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(wordRows(file)).toEqual(before);
    expect(store.verify()).toEqual({ ok: true, problems: [] });
    store.close();
  });

  // Schema 3 (word counts to make) and schema 2 (content keys too: the review found its upgrade stopped on the damaged row).
  it.each([
    [3, 'DROP TABLE word_documents'],
    [2, 'DROP TABLE word_documents; DROP TABLE content_keys; ALTER TABLE variants DROP COLUMN content'],
  ])('an index of schema %i with a damaged document upgrades all the same, and verify names the document (it stopped every command)', async (version, older) => {
    const file = path.join(tempDir(), 'index.db');
    const store = await IndexStore.open(file, { mode: 'write' });
    await addAll(store, [['a.txt', seedText(SEED.original)], ['b.txt', seedText(SEED.unrelated)]]);
    store.close();
    const db = new Database(file);
    db.exec(`${older}; UPDATE documents SET prepared = x'00010203' WHERE path = 'b.txt'`);
    db.pragma(`user_version = ${version}`);
    db.close();
    const upgraded = await IndexStore.open(file, { mode: 'read' });
    expect(upgraded.stats()).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    expect(upgraded.stats().contentKeys).toBeGreaterThan(0);
    expect(upgraded.verify().problems).toContain("1 document whose stored form does not decode (b.txt): add it again with dedupe index add");
    upgraded.close();
  });
});

describe('codec', () => {
  it('round-trips uint32 arrays little-endian, from unaligned buffers too', async () => {
    const values = new Uint32Array([0, 1, 0xffffffff, 0x12345678]);
    const blob = encodeUint32s(values);
    expect([...blob.subarray(12, 16)]).toEqual([0x78, 0x56, 0x34, 0x12]);
    const unaligned = Buffer.concat([Buffer.from([9]), blob]).subarray(1);
    expect(decodeUint32s(unaligned)).toEqual(values);
    expect(decodeTextKey(encodeTextKey('00ff12345678abcd'))).toBe('00ff12345678abcd');
    expect(encodeTextKey('00ff12345678abcd')).toHaveLength(8);
  });
});

describe('the change marker check --add compares', () => {
  it('changes with every write, also a removal and an add that leave the same count, highest id and time added (review)', async () => {
    const store = await IndexStore.open(path.join(tempDir(), 'index.db'), { mode: 'write' });
    try {
      await addAll(store, [['w.txt', seedText(SEED.original)], ['x.txt', seedText(SEED.unrelated)]]);
      const before = store.changeMarker();
      // x.txt (the highest id) removed and y.txt added, at the same time added: documents, highest
      // id and latest time come back the same; only the count of writes tells.
      await store.write(async (batch) => batch.remove('x.txt'));
      await addAll(store, [['y.txt', seedText(SEED.reprintA)]]);
      const after = store.changeMarker();
      expect(after).not.toBe(before);
      expect(after.split(':').slice(1)).toEqual(before.split(':').slice(1));
      // A write that fails is rolled back, and its count with it.
      await expect(store.write(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
      expect(store.changeMarker()).toBe(after);
    } finally {
      store.close();
    }
  });
});
