/** --files-from: paths from a list or from standard input, one per line or NUL-separated (find -print0). */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';
import { readReport } from '../helpers/report.js';

const SEEDS = Object.values(SEED);

async function reportOf(argv: string[], options: Parameters<typeof runInProcess>[1] = {}): Promise<{ report: Report; stderr: string; code: number }> {
  const result = await runInProcess([...argv, '--json'], options);
  expect(result.code, result.stderr).toBe(0);
  return { report: readReport<Report>(result.stdout), stderr: result.stderr, code: result.code };
}

describe('--files-from', () => {
  it('- -0 reads NUL-separated paths from standard input (find -print0): the same report as naming them', async () => {
    const named = await reportOf(SEEDS);
    const listed = await reportOf(['--files-from', '-', '-0'], { stdin: `${SEEDS.join('\0')}\0` });
    expect(listed.report).toEqual(named.report);
    expect(listed.stderr).toBe('');
  });

  it('reads a list file one path per line (CRLF and blank lines too), relative to the current folder', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'in'));
    copyFileSync(SEED.original, path.join(cwd, 'in/a.txt'));
    copyFileSync(SEED.reprintA, path.join(cwd, 'in/b with space.txt'));
    writeFileSync(path.join(cwd, 'list.txt'), 'in/a.txt\r\n\nin/b with space.txt\n');
    const { report } = await reportOf(['--files-from', 'list.txt'], { cwd });
    expect(report.documents.map((d) => d.path)).toEqual(['in/a.txt', 'in/b with space.txt']);
  });

  it('a listed path that no longer exists is a warning and the run goes on (a named one is still an error)', async () => {
    const { report, stderr } = await reportOf(['--files-from', '-'], { stdin: `${SEED.original}\ngone.txt\n${SEED.update}\n` });
    expect(stderr).toBe('dedupe: warning: gone.txt: listed by --files-from but not found (the list may be older than the files)\n');
    expect(report.documents).toHaveLength(2);
    expect(report.warnings).toEqual([{ code: 'not-found', path: 'gone.txt', message: 'gone.txt: listed by --files-from but not found (the list may be older than the files)' }]);
    expect((await runInProcess(['gone.txt', '--files-from', '-'], { stdin: SEED.original })).code).toBe(2);
  });

  it('when none of the listed paths is found, says they are read from the current folder (a new user wrote them from the list\'s)', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'sub'));
    copyFileSync(SEED.original, path.join(cwd, 'sub/a.txt'));
    writeFileSync(path.join(cwd, 'sub/list.txt'), 'a.txt\n');
    const result = await runInProcess(['--files-from', 'sub/list.txt'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').at(-2)).toBe(
      `dedupe: error: the path listed by --files-from was not found; relative paths in the list are read from the current folder (${cwd}), not the list's: write them from here, or absolute`,
    );
  });

  it('a scan gate passes a listed path that no longer exists (the list may be older than the files; found in review), and an absolute one missing gets no word about relative paths', async () => {
    const gated = await runInProcess(['-q', '--fail-on', 'shared', '--files-from', '-'], { stdin: `${SEED.original}\ngone.txt\n` });
    expect(gated.code).toBe(0);
    // A listed link that leads nowhere is a file not read, as in a folder walked: the gate fails on it.
    const dir = tempDir();
    symlinkSync('/nonexistent-target', path.join(dir, 'broken.txt'));
    const broken = await runInProcess(['-q', '--fail-on', 'shared', '--files-from', '-'], { stdin: `${SEED.original}\n${path.join(dir, 'broken.txt')}\n` });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.txt: missing (a broken link); skipped');
    const absolute = await runInProcess(['--files-from', '-'], { stdin: '/nonexistent/a.txt\n' });
    expect(absolute.stderr.split('\n').at(-2)).toBe('dedupe: error: the path listed by --files-from was not found');
  });

  it('an entry that is no path (JSONL piped to --files-from -, a 300-character line) is a one-line warning, not an internal error; all such is a usage error (exit 2)', async () => {
    const jsonl = `${JSON.stringify({ id: 'a', text: 'word '.repeat(100) })}\n`;
    const json = await runInProcess(['-q', '--files-from', '-'], { stdin: jsonl });
    expect(json.code).toBe(2);
    expect(json.stderr).not.toContain('internal error');
    expect(json.stderr).toMatch(/^dedupe: warning: \{"id":"a","text":"word word .{20,}…: listed by --files-from but cannot be looked up \(a name too long for a path\); a line of JSON: JSONL is read from a file, or from standard input as - \(dedupe -\), not through --files-from; skipped\n/);
    expect(json.stderr).toContain('dedupe: error: the entry listed by --files-from is not a path that can be looked up (see the warning above)\n');
    // Beside a good path, the run goes on.
    const mixed = await reportOf(['--files-from', '-'], { stdin: `${'x'.repeat(300)}\n${SEED.original}\n` });
    expect(mixed.report.documents.map((doc) => doc.path)).toEqual([SEED.original]);
    expect(mixed.stderr).toContain(`${'x'.repeat(60)}…: listed by --files-from but cannot be looked up (a name too long for a path); skipped`);
  });

  it('adds to the paths named, walks listed folders, and reads a file named twice once', async () => {
    const { report } = await reportOf([SEED.original, '--files-from', '-'], { stdin: `${SEED.original}\nfixtures/bom\n` });
    expect(report.documents.map((d) => d.path)).toEqual(['fixtures/bom/with-bom.txt', 'fixtures/bom/without-bom.txt', SEED.original]);
  });

  it('works for check and index add', async () => {
    const cwd = tempDir();
    copyFileSync(SEED.original, path.join(cwd, 'archived.txt'));
    copyFileSync(SEED.reprintA, path.join(cwd, 'incoming.txt'));
    const add = await runInProcess(['index', 'add', '--files-from', '-'], { cwd, stdin: 'archived.txt\n' });
    expect(add.stdout).toMatch(/1 added/);
    const check = await runInProcess(['check', '-q', '--fail-on', 'edited', '--files-from', '-', '-0'], { cwd, stdin: 'incoming.txt\0' });
    expect(check.code).toBe(1);
  });

  it.each([
    ['scan', ['-q']],
    ['check', ['check', '-q']],
    ['index add', ['index', 'add', '-q']],
  ])('%s: a NUL-separated list read without -0 is one line naming the list and suggesting -0, exit 2', async (_name, command) => {
    const cwd = tempDir();
    copyFileSync(SEED.original, path.join(cwd, 'a.txt'));
    copyFileSync(SEED.reprintA, path.join(cwd, 'b.txt'));
    for (const stdin of ['a.txt\0b.txt\0', 'a.txt\0']) {
      const result = await runInProcess([...command, '--files-from', '-'], { cwd, stdin });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        'dedupe: error: --files-from -: line 1 holds a NUL byte, as find -print0 writes; add -0 (--null) to read a NUL-separated list\n',
      );
      expect(result.stdout).toBe('');
    }
    writeFileSync(path.join(cwd, 'list.txt'), 'a.txt\nb.txt\0\n');
    const fromFile = await runInProcess(['-q', '--files-from', 'list.txt'], { cwd });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/^dedupe: error: --files-from list\.txt: line 2 holds a NUL byte/);
  });

  it.each([
    [['-0', SEED.original], /^dedupe: error: -0 \(--null\) says how the --files-from list is separated; give --files-from too$/],
    [['--files-from', 'no-such-list.txt'], /^dedupe: error: --files-from no-such-list\.txt: no such file; check the path$/],
    [['--files-from', 'fixtures'], /^dedupe: error: --files-from fixtures: is a folder; give a file$/],
    [['--files-from', '-', '-'], /^dedupe: error: --files-from - and the path - both read standard input; give one of them$/],
    [['--files-from', '-'], /^dedupe: error: the --files-from list is empty; nothing to read$/],
    [['check'], /^dedupe: error: no files or folders given; name them, or list them with --files-from <file>$/],
  ])('%j is one line, exit 2', async (argv, pattern) => {
    const result = await runInProcess(argv, { stdin: '' });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd()).toMatch(pattern);
  });

  it('an empty list or empty JSONL input is, for check, a day with nothing new: the gate passes (exit 0) with a report of no document, and says so unless -q', async () => {
    const cwd = tempDir();
    expect((await runInProcess(['index', 'add', '--db', 'i.db', path.resolve(SEED.original)], { cwd })).code).toBe(0);
    const check = (args: string[]) => runInProcess(['check', '--db', 'i.db', '--fail-on', 'document', ...args], { cwd, stdin: '' });
    const human = await check(['--files-from', '-']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^0 files, 0 paragraphs .*\n\nMatches in the index i\.db\n {2}no incoming article\n$/);
    expect(human.stderr).toBe('dedupe: check: the --files-from list is empty; nothing to check\n');
    // --json is a report all the same, and --html a page (found in review: stdout was empty, the page an older one).
    const json = await check(['--json', '--html', 'today.html', '--files-from', '-']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ documents: [], check: { flagged: [] } });
    expect(readFileSync(path.join(cwd, 'today.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    const stdin = await check(['-']);
    expect([stdin.code, stdin.stderr]).toEqual([0, 'dedupe: check: standard input holds no article; nothing to check\n']);
    const quiet = await runInProcess(['check', '--db', 'i.db', '-q', '--files-from', '-'], { cwd, stdin: '' });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    // An incoming folder that holds no file at all is the same day (a push that emptied it; found by a new user).
    mkdirSync(path.join(cwd, 'incoming'));
    const folder = await check(['incoming']);
    expect([folder.code, folder.stderr]).toEqual([0, 'dedupe: check: incoming holds no file; nothing to check\n']);
    // A folder git kept with a .gitkeep, one named in the list, and an empty feed beside an empty folder (found in review).
    mkdirSync(path.join(cwd, 'kept'));
    writeFileSync(path.join(cwd, 'kept', '.gitkeep'), '');
    expect((await check(['kept'])).stderr).toBe('dedupe: check: kept holds no file; nothing to check\n');
    const listed = await runInProcess(['check', '--db', 'i.db', '--files-from', '-'], { cwd, stdin: 'incoming\n' });
    expect([listed.code, listed.stderr]).toEqual([0, 'dedupe: check: incoming holds no file; nothing to check\n']);
    writeFileSync(path.join(cwd, 'empty.jsonl'), '');
    const mixed = await runInProcess(['check', '--db', 'i.db', '--add', 'empty.jsonl', 'kept'], { cwd, stdin: '' });
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toMatch(/dedupe: check: no article came in; nothing to check\n$/);
    expect(mixed.stderr).not.toContain('every article has reuse');
    // A folder with a link loop and no article ends (it was walked for ever through the links).
    mkdirSync(path.join(cwd, 'loop', 'd'), { recursive: true });
    symlinkSync('..', path.join(cwd, 'loop', 'd', 'a'));
    symlinkSync('..', path.join(cwd, 'loop', 'd', 'b'));
    expect((await check(['loop'])).code).toBe(0);
    // With --add: nothing to store, and no word about articles having reuse.
    const add = await runInProcess(['check', '--db', 'i.db', '--add', '--files-from', '-'], { cwd, stdin: '' });
    expect([add.code, add.stderr]).toEqual([0, 'dedupe: check: the --files-from list is empty; nothing to check\n']);
    // A list naming only paths that do not exist is still an error: the list is wrong.
    expect((await runInProcess(['check', '--files-from', '-'], { cwd, stdin: 'gone.txt\n' })).code).toBe(2);
  });
});
