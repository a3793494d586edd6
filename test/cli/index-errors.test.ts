/**
 * Unusable --db files and folders (issue 4): a one-line error, exit 2, and the file untouched.
 * Read-only folders are tested as an unprivileged user: root ignores folder permissions, so
 * when the tests run as root the CLI is started as `nobody`.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCliAsync } from '../helpers/spawn.js';

function snapshot(file: string): { bytes: Buffer; mtimeMs: number } {
  return { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
}

function expectOneLineError(result: { code: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^dedupe: error: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('a --db file that is not a dedupe index', () => {
  it('a text file: add and check refuse it and leave it as it was', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    writeFileSync(file, 'my notes, not a database\n');
    const before = snapshot(file);
    for (const command of [['index', 'add'], ['check'], ['index', 'remove']]) {
      const result = await runCli([...command, '--db', file, SEED.original]);
      expectOneLineError(result, /notes\.txt is not a dedupe index \(not an SQLite database\)/);
    }
    expectOneLineError(await runCli(['index', 'stats', '--db', file]), /is not a dedupe index/);
    expect(snapshot(file)).toEqual(before);
    expect(readdirSync(path.dirname(file))).toEqual(['notes.txt']);
  });

  it("junk in dedupe's own folder (.dedupe/index.db, as a CI cache can leave it) is called a damaged index to delete and rebuild, and left as it was", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, '.dedupe'));
    const file = path.join(root, '.dedupe', 'index.db');
    writeFileSync(file, Buffer.alloc(5000, 7));
    const before = snapshot(file);
    const result = await runCli(['check', '--db', file, SEED.original]);
    expectOneLineError(result, /index\.db is not a dedupe index \(not an SQLite database\); in dedupe's own folder it is most likely a damaged index: delete it and rebuild it with dedupe index add, or give another --db, the file was not changed\n$/);
    expect(snapshot(file)).toEqual(before);
  });

  it("another program's SQLite database", async () => {
    const file = path.join(tempDir(), 'app.db');
    const db = new Database(file);
    db.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada')");
    db.close();
    const before = snapshot(file);
    expectOneLineError(await runCli(['index', 'add', '--db', file, SEED.original]), /app\.db is not a dedupe index \(an SQLite database of another program\)/);
    expect(snapshot(file)).toEqual(before);
  });

  it("another program's SQLite database in WAL mode: refused by its header, no -wal or -shm file made beside it (a new user)", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada')");
    db.close();
    const before = snapshot(file);
    for (const command of [['index', 'stats'], ['check'], ['index', 'add']]) {
      const args = command[0] === 'index' && command[1] === 'stats' ? [...command, '--db', file] : [...command, '--db', file, SEED.original];
      expectOneLineError(await runCli(args), /app\.db is not a dedupe index \(an SQLite database of another program\)/);
    }
    expect(snapshot(file)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['app.db']);
  });

  it('a damaged index', async () => {
    const file = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '--db', file, SEED.original, SEED.unrelated])).code).toBe(0);
    const bytes = readFileSync(file);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 131) & 0xff;
    writeFileSync(file, bytes);
    const before = snapshot(file);
    for (const command of [['index', 'add'], ['check']]) {
      expectOneLineError(await runCli([...command, '--db', file, SEED.reprintA]), /index\.db: the index is damaged \(.+\); restore it from a backup/);
    }
    expect(snapshot(file)).toEqual(before);
  });

  it('a folder', async () => {
    const dir = tempDir();
    expectOneLineError(await runCli(['check', '--db', dir, SEED.reprintA]), /is a folder; --db takes the index's file name/);
  });
});

describe('missing and read-only folders', () => {
  it('a missing index for check, a missing folder for add', async () => {
    const dir = tempDir();
    expectOneLineError(
      await runCli(['check', '--db', path.join(dir, 'index.db'), SEED.reprintA]),
      /index\.db: no index there; build one first with dedupe index add --db .*index\.db <paths>/,
    );
    expectOneLineError(await runCli(['index', 'stats', '--db', path.join(dir, 'index.db')]), /no index there/);
    // In a folder that is not there, the command suggested makes it first (index add does not).
    const nested = path.join(dir, 'no', 'such', 'index.db');
    for (const args of [['check', '--db', nested, SEED.reprintA], ['index', 'stats', '--db', nested], ['index', 'remove', '--db', nested, 'a.txt']]) {
      const result = await runCli(args);
      expectOneLineError(result, /no index there/);
      expect(result.stderr).toBe(`dedupe: error: ${nested}: no index there; build one first with mkdir -p ${path.dirname(nested)} && dedupe index add --db ${nested} <paths>\n`);
    }
    expectOneLineError(
      await runCli(['index', 'add', '--db', path.join(dir, 'no', 'such', 'index.db'), SEED.original]),
      /folder .*no\/such does not exist; create it first, or give another --db/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes a missing .dedupe folder wherever the index path comes from, as the default does (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ db: '.dedupe/index.db' }));
    const fromConfig = await runCli(['index', 'add', path.join(repoRoot, SEED.original)], { cwd: dir });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(statSync(path.join(dir, '.dedupe', 'index.db')).isFile()).toBe(true);
    const elsewhere = path.join(dir, 'archive', '.dedupe', 'index.db');
    mkdirSync(path.join(dir, 'archive'));
    const fromFlag = await runCli(['index', 'add', '--no-config', '--db', elsewhere, path.join(repoRoot, SEED.original)], { cwd: dir });
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(statSync(elsewhere).isFile()).toBe(true);
    // Only the .dedupe folder itself: a missing folder above it is a likely typo, a one-line error (it crashed, found in review).
    const typo = path.join(dir, 'nope', '.dedupe', 'index.db');
    expectOneLineError(await runCli(['index', 'add', '--no-config', '--db', typo, path.join(repoRoot, SEED.original)], { cwd: dir }), /folder .*nope\/\.dedupe does not exist; create it first/);
  });

  // Root ignores permissions: run the CLI as nobody then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  async function readOnlyFolder(withIndex: boolean): Promise<{ folder: string; db: string; article: string }> {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const folder = path.join(dir, 'readonly');
    mkdirSync(folder);
    const db = path.join(folder, 'index.db');
    if (withIndex) expect((await runCli(['index', 'add', '--db', db, SEED.original])).code).toBe(0);
    const article = path.join(dir, 'article.txt');
    copyFileSync(path.join(repoRoot, SEED.reprintA), article);
    chmodSync(folder, 0o555);
    if (withIndex) chmodSync(db, 0o644);
    return { folder, db, article };
  }

  it('add cannot create an index in a read-only folder', async () => {
    const { folder, db, article } = await readOnlyFolder(false);
    const result = await runCliAsync(['index', 'add', '--db', db, article], asUser);
    chmodSync(folder, 0o755);
    expectOneLineError(result, /index\.db: cannot create the index, folder .*readonly is not writable \(EACCES\); check its permissions, or give another --db/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('add and check say why an index in a read-only folder cannot be used, and leave it as it was', async () => {
    const { folder, db, article } = await readOnlyFolder(true);
    const before = snapshot(db);
    const add = await runCliAsync(['index', 'add', '--db', db, article], asUser);
    const check = await runCliAsync(['check', '--db', db, article], asUser);
    chmodSync(folder, 0o755);
    for (const result of [add, check]) {
      expectOneLineError(result, /index\.db: cannot use the index \(.+\): SQLite needs to write the index and its -wal and -shm files in .*readonly; check the permissions, or copy the index to a writable folder/);
    }
    expect(snapshot(db)).toEqual(before);
    expect(readdirSync(folder)).toEqual(['index.db']);
  });
  it('names the read-only -shm file a check of a read-only index left, once the index is writable again (found by a new user)', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const db = path.join(dir, 'index.db');
    expect((await runCli(['index', 'add', '--db', db, SEED.original])).code).toBe(0);
    chmodSync(db, 0o444);
    // A reader of a read-only index: it works, and SQLite leaves its -shm as read-only as the index.
    expect((await runCliAsync(['check', '--db', db, SEED.reprintA], asUser)).code).toBe(0);
    expect(readdirSync(dir)).toContain('index.db-shm');
    chmodSync(db, 0o666);
    const add = await runCliAsync(['index', 'add', '--db', db, SEED.reprintA], asUser);
    expectOneLineError(add, /index\.db: cannot write the index: \S*index\.db-shm next to it is read-only \(SQLite left it when the index was read-only\); make it writable, as the index is: chmod u\+w \S*index\.db-shm$/m);
    // What it says to do works.
    for (const name of readdirSync(dir)) chmodSync(path.join(dir, name), 0o666);
    expect((await runCliAsync(['index', 'add', '--db', db, SEED.reprintA], asUser)).code).toBe(0);
  });
});
