/**
 * Permissions, as a user who lacks them: root reads everything, so when the tests run as root
 * the built binary is run as nobody (uid 65534).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { runCliAsync } from '../helpers/spawn.js';

const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** A folder anyone may enter, with one readable article. */
function folderWithArticle(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'ok.txt'), 'A readable paragraph of several words.\n', { mode: 0o644 });
  return dir;
}

/**
 * Runs `run` while `dir/folder` holds `file`, an article only root may reach (the folder mode
 * 700), and `dir` may be written by anyone (an index made there); both are given back after.
 */
async function withLockedFolder<T>(dir: string, folder: string, file: string, run: () => Promise<T>): Promise<T> {
  mkdirSync(path.join(dir, folder));
  writeFileSync(path.join(dir, folder, file), 'A paragraph nobody else may read.\n');
  chmodSync(path.join(dir, folder), 0o700);
  chmodSync(dir, 0o777);
  try {
    return await run();
  } finally {
    chmodSync(path.join(dir, folder), 0o755);
    chmodSync(dir, 0o755);
  }
}

describe('what the user running dedupe may not read', () => {
  it('an unreadable sub-folder: a warning naming it, and the run goes on', async () => {
    const dir = folderWithArticle();
    const result = await withLockedFolder(dir, 'private', 'hidden.txt', () => runCliAsync(['-q', dir], asUser));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`dedupe: warning: ${dir}/private: folder cannot be read (permission denied); its files were skipped\n`);
    expect(result.stdout).toMatch(/^1 file read, 1 folder not read, /);
  });

  it('index add lists an unreadable sub-folder in its JSON and its summary (only a warning said that part of the archive was not added; a new user)', async () => {
    const dir = folderWithArticle();
    const db = path.join(dir, 'idx.db');
    const [json, human] = await withLockedFolder(dir, 'private', 'hidden.txt', async () => [
      await runCliAsync(['index', 'add', '--db', db, '--json', dir], asUser),
      await runCliAsync(['index', 'add', '--db', db, dir], asUser),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as { unreadableFolders: string[]; added: Array<{ path: string }> };
    expect(result.unreadableFolders).toEqual([`${dir}/private`]);
    expect(result.added).toHaveLength(1);
    expect(human.stdout).toMatch(/: 0 added, 0 updated, 1 skipped \(unchanged\), 1 folder not read; /);
  });

  it('a --files-from entry behind a folder that may not be entered is unreadable: a check gate fails on it, as on a file named so (review: it passed as "not found")', async () => {
    const dir = folderWithArticle();
    const list = path.join(dir, 'list.txt');
    writeFileSync(list, `${dir}/ok.txt\n${dir}/locked/a.txt\n`, { mode: 0o644 });
    const db = path.join(dir, 'idx.db');
    const [added, result] = await withLockedFolder(dir, 'locked', 'a.txt', async () => [
      await runCliAsync(['index', 'add', '-q', '--db', db, `${dir}/ok.txt`], asUser),
      await runCliAsync(['check', '--db', db, '--fail-on', 'document', '--files-from', list], asUser),
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`dedupe: warning: ${dir}/locked/a.txt: listed by --files-from but cannot be looked up (permission denied); skipped\n`);
    expect(result.stderr).toContain(`dedupe: error: --fail-on document: 1 incoming article was not read, so not checked: ${dir}/locked/a.txt (see the warnings)`);
  });

  it('an unreadable file: a warning naming it, and the run goes on', async () => {
    const dir = folderWithArticle();
    writeFileSync(path.join(dir, 'secret.txt'), 'An unreadable paragraph.\n');
    chmodSync(path.join(dir, 'secret.txt'), 0o000);
    const result = await runCliAsync(['-q', dir], asUser);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`dedupe: warning: ${dir}/secret.txt: cannot be read (permission denied); skipped\n`);
    expect(result.stdout).toMatch(/^1 file read, 1 skipped, /);
  });
});
