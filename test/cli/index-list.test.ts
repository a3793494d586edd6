/**
 * `dedupe index list` and the `renamed` warning of `index add`: what an index holds, and the
 * entries a renamed or moved file leaves behind. A new user reorganised an archive: the renamed
 * file was stored again under its new name, `check` called it a copy of its old entry (a file
 * gone), and nothing listed what the index held but sqlite3.
 */
import { renameSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';

/** A folder `arch/` of three seeds and an index of it, in a fresh working folder. */
async function archive(): Promise<string> {
  const cwd = tempDir('index-list-');
  mkdirSync(path.join(cwd, 'arch'));
  for (const name of ['002_b644d28894aa6977.txt', '003_600098fa7e119347.txt', '004_7a4f2c888cc0ca1e.txt']) copyFileSync(path.join('fixtures/seeds', name), path.join(cwd, 'arch', name));
  expect((await runInProcess(['index', 'add', '-q', 'arch'], { cwd })).code).toBe(0);
  return cwd;
}

describe('dedupe index list', () => {
  it('lists the stored documents by path, -q the paths alone, --json each with whether its file is there', async () => {
    const cwd = await archive();
    const listed = await runInProcess(['index', 'list', '--no-color'], { cwd });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('');
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3).map((line) => line.split('  ')[0])).toEqual(['arch/002_b644d28894aa6977.txt', 'arch/003_600098fa7e119347.txt', 'arch/004_7a4f2c888cc0ca1e.txt']);
    expect(lines[0]).toMatch(/^arch\/002_b644d28894aa6977\.txt {2}\(23 paragraphs, stored \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/);
    expect(lines[3]).toBe('.dedupe/index.db: 3 documents');
    expect((await runInProcess(['index', 'list', '-q'], { cwd })).stdout).toBe('arch/002_b644d28894aa6977.txt\narch/003_600098fa7e119347.txt\narch/004_7a4f2c888cc0ca1e.txt\n');
    const json = JSON.parse((await runInProcess(['index', 'list', '--json'], { cwd })).stdout) as { database: string; documents: Array<{ path: string; paragraphs: number; present: boolean; contentHash: string }> };
    expect(json.database).toBe('.dedupe/index.db');
    expect(json.documents.map((d) => [d.path, d.paragraphs, d.present])).toEqual([
      ['arch/002_b644d28894aa6977.txt', 23, true],
      ['arch/003_600098fa7e119347.txt', 31, true],
      ['arch/004_7a4f2c888cc0ca1e.txt', 42, true],
    ]);
    expect(json.documents[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('after a rename: index add warns of the old entry and names the command that takes it out; list --missing finds it', async () => {
    const cwd = await archive();
    renameSync(path.join(cwd, 'arch/003_600098fa7e119347.txt'), path.join(cwd, 'arch/renamed 003.txt'));
    const added = await runInProcess(['index', 'add', '-q', 'arch'], { cwd });
    expect(added.code).toBe(0);
    expect(added.stderr).toBe(
      "dedupe: warning: arch/renamed 003.txt: the same text as arch/003_600098fa7e119347.txt, stored earlier, whose file is gone (renamed or moved?): check will call one a copy of the other; dedupe index remove arch/003_600098fa7e119347.txt takes the old entry out\n",
    );
    const missing = await runInProcess(['index', 'list', '--missing', '--no-color'], { cwd });
    expect(missing.stdout).toMatch(/^arch\/003_600098fa7e119347\.txt {2}\(31 paragraphs, stored [^)]+\) {2}no file at this path now\n/);
    expect(missing.stdout).toMatch(/\n\.dedupe\/index\.db: 1 stored document with no file at its path now; dedupe index remove <path> takes one out\n$/);
    // The paths alone go to index remove, and the copy of itself is gone from the gate.
    const paths = (await runInProcess(['index', 'list', '--missing', '-q'], { cwd })).stdout.trimEnd().split('\n');
    expect(paths).toEqual(['arch/003_600098fa7e119347.txt']);
    expect((await runInProcess(['index', 'remove', ...paths], { cwd })).code).toBe(0);
    expect((await runInProcess(['index', 'list', '--missing', '-q'], { cwd })).stdout).toBe('');
    expect((await runInProcess(['index', 'list', '--missing', '--no-color'], { cwd })).stdout).toBe('.dedupe/index.db: every stored document has a file at its path\n');
    expect((await runInProcess(['check', '--fail-on', 'document', '-q', 'arch/renamed 003.txt'], { cwd })).code).toBe(0);
  });

  it("takes no JSONL article's id for a missing file: no renamed warning, never listed by --missing (a reviewer's feed of two ids with one text)", async () => {
    const cwd = await archive();
    const text = 'A story carried in a feed, long enough to be stored as an article of its own today.';
    writeFileSync(path.join(cwd, 'feed1.jsonl'), `${JSON.stringify({ id: 'a1', text })}\n`);
    writeFileSync(path.join(cwd, 'feed2.jsonl'), `${JSON.stringify({ id: 'b7', text })}\n`);
    expect((await runInProcess(['index', 'add', '-q', 'feed1.jsonl'], { cwd })).stderr).toBe('');
    expect((await runInProcess(['index', 'add', '-q', 'feed2.jsonl'], { cwd })).stderr).toBe('');
    expect((await runInProcess(['index', 'list', '--missing', '-q'], { cwd })).stdout).toBe('');
    const json = JSON.parse((await runInProcess(['index', 'list', '--json'], { cwd })).stdout) as { documents: Array<{ path: string; present: boolean | null }> };
    expect(json.documents.filter((d) => d.present !== true)).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'a1', present: null }), expect.objectContaining({ path: 'b7', present: null })]));
  });

  it('gives no warning for a second file with the same text while the first is still there (a copy, for check to report)', async () => {
    const cwd = await archive();
    copyFileSync(path.join(cwd, 'arch/003_600098fa7e119347.txt'), path.join(cwd, 'arch/copy.txt'));
    const added = await runInProcess(['index', 'add', '-q', 'arch'], { cwd });
    expect(added.stderr).toBe('');
    writeFileSync(path.join(cwd, 'arch/new.txt'), 'A paragraph of a story of its own, stored for the first time today.\n');
    expect((await runInProcess(['index', 'add', '-q', 'arch'], { cwd })).stderr).toBe('');
  });
});
