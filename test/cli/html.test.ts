/**
 * --html <file> on the scan and on check: the page is written beside the usual output, which
 * stays as it was; paths that cannot be the report are refused before the run, in one line.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { named, pageData } from '../helpers/html.js';
import { repoRoot } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';
import { pageSize } from '../../src/cli/html-report.js';

const seeds = path.join(repoRoot, 'fixtures/seeds');

describe('dedupe --html <file>', () => {
  it('writes the page and leaves stdout as it was without --html', async () => {
    const dir = tempDir();
    const plain = await runInProcess(['--no-color', seeds]);
    const withHtml = await runInProcess(['--no-color', '--html', 'report.html', seeds], { cwd: dir });
    expect(withHtml.code).toBe(0);
    expect(withHtml.stdout).toBe(plain.stdout);
    expect(withHtml.stderr).toBe(`dedupe: --html: report written to report.html (${pageSize(statSync(path.join(dir, 'report.html')).size)})\n`);
    expect([pageSize(300), pageSize(48_000), pageSize(99_499), pageSize(160_000), pageSize(2_340_000)]).toEqual(['1 KB', '48 KB', '99 KB', '0.2 MB', '2.3 MB']);
    // A small page in KB, not "0.0 MB".
    const small = await runInProcess(['--no-color', '--html', 'small.html', path.join(repoRoot, SEED.original), path.join(repoRoot, SEED.unrelated)], { cwd: dir });
    expect(statSync(path.join(dir, 'small.html')).size).toBeLessThan(100_000);
    expect(small.stderr).toMatch(/^dedupe: --html: report written to small\.html \(\d+ KB\)\n$/);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const data = pageData(html);
    expect(data.summary.documents).toBe(5);
    expect(data.documents).toHaveLength(5);
    expect(data.groups).toHaveLength(1);
  });

  it('is self-contained: no external script, style, image or link', async () => {
    const dir = tempDir();
    await runInProcess(['--html', 'r.html', seeds], { cwd: dir });
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=(?!"data:)|<img|@import|url\(/i);
  });

  it('with --json: stdout is the same JSON report, and the page holds the same documents', async () => {
    const dir = tempDir();
    const json = await runInProcess(['--json', seeds]);
    const both = await runInProcess(['--json', '--html', 'r.html', seeds], { cwd: dir });
    expect(both.stdout).toBe(json.stdout);
    const report = JSON.parse(json.stdout) as { documents: Array<{ path: string }> };
    const data = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8'));
    expect(named(data.documentFields, data.documents).map((d) => d.path)).toEqual(report.documents.map((d) => d.path));
  });

  it('with --top or --only: the report shows fewer documents, the page all of them, in order', async () => {
    const all = await runInProcess(['--no-color', seeds]);
    expect(all.stdout).toContain('004_7a4f2c888cc0ca1e.txt  no group');
    for (const flags of [['--top', '1'], ['--only', 'reused']]) {
      const dir = tempDir();
      const plain = await runInProcess(['--no-color', ...flags, seeds]);
      const withHtml = await runInProcess(['--no-color', ...flags, '--html', 'r.html', seeds], { cwd: dir });
      expect(withHtml.stdout).toBe(plain.stdout);
      expect(plain.stdout).not.toContain('004_7a4f2c888cc0ca1e.txt  no group');
      const data = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8'));
      expect(named(data.documentFields, data.documents).map((d) => d.path)).toEqual([0, 1, 2, 3, 4].map((i) => expect.stringMatching(new RegExp(`/00${i}_`))));
    }
  });

  it('with -q: the summary line on stdout, the page written, nothing said on stderr', async () => {
    const dir = tempDir();
    const quiet = await runInProcess(['-q', '--html', 'r.html', seeds], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.split('\n')).toHaveLength(2);
    expect(quiet.stderr).toBe('');
    expect(pageData(readFileSync(path.join(dir, 'r.html'), 'utf8')).documents).toHaveLength(5);
  });

  it('holds each member of group 1 aligned with the original: 000 line 12 deletes "US" and inserts "American"', async () => {
    const dir = tempDir();
    await runInProcess(['--html', 'r.html', seeds], { cwd: dir });
    const data = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8'));
    const group = data.groups[0]!;
    expect(group.original).toBe(path.join(seeds, '002_b644d28894aa6977.txt'));
    const members = named(data.memberFields, group.members);
    const reprint = members.find((m) => String(m.path).endsWith(path.basename(SEED.reprintA)))!;
    const blocks = reprint.aligned as Array<{ kind: string; to: number[][]; ops?: Array<[number, string]> }>;
    const lede = blocks.find((b) => b.to[0]?.[0] === 12)!;
    expect(lede.kind).toBe('edited');
    expect(lede.ops!.slice(0, 2)).toEqual([
      [1, 'KYIV, Ukraine (AP) — US'],
      [2, 'American'],
    ]);
    // The blocks are the comparison's: as many edited paragraphs (merges included) as it counts.
    const edited = blocks.filter((b) => ['edited', 'merged', 'split'].includes(b.kind)).reduce((n, b) => n + b.to.length, 0);
    expect(edited).toBe(reprint.edited);
    expect(members.find((m) => m.role === 'original')!.aligned).toBeNull();
  });

  it("shows the original's side in the original's own words: unchanged runs and same paragraphs the copy writes otherwise (found by a new user)", async () => {
    const dir = tempDir();
    await runInProcess(['--html', 'r.html', seeds], { cwd: dir });
    const data = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8'));
    const members = named(data.memberFields, data.groups[0]!.members);
    const reprint = members.find((m) => String(m.path).endsWith(path.basename(SEED.reprintA)))!;
    const blocks = reprint.aligned as Array<{ kind: string; from: number[][]; text?: string; fromText?: string; ops?: Array<[number, string, string?]> }>;
    const lines = readFileSync(SEED.original, 'utf8').split('\n');
    // 002 line 21 says "the Russian Army"; 000 reprints it as "the Russian army", the same words to the diff.
    const same = blocks.find((b) => b.kind === 'same' && b.from[0]?.[0] === 21)!;
    expect(same.text).toContain('Russian army');
    expect(same.fromText).toBe(lines[20]!.trim());
    // 002 line 2's unchanged run keeps its curly apostrophe and full stop on the original's side.
    const edited = blocks.find((b) => b.from[0]?.[0] === 2)!;
    const original = edited.ops!.filter((op) => op[0] !== 2).map((op) => (op[0] === 0 && op[2] !== undefined ? op[2] : op[1])).join(' ');
    expect(original).toBe(lines[1]!.trim());
    expect(edited.ops![0]![1]).toContain("soldiers' goal");
    // A paragraph the copy writes as the original does carries no second text.
    expect(blocks.filter((b) => b.kind === 'same' && b.fromText === undefined).length).toBeGreaterThan(0);
  });

  it('gives evidence for an original that nothing speaks for: what speaks against the other member, named', async () => {
    const dir = tempDir();
    const story = readFileSync(SEED.original, 'utf8').split('\n').slice(2).join('\n');
    writeFileSync(path.join(dir, 'a.txt'), story);
    writeFileSync(path.join(dir, 'b.txt'), `${story}\n\nThe figures were released on Friday, Reuters reported.\n`);
    await runInProcess(['--html', 'r.html', '.'], { cwd: dir });
    const group = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8')).groups[0]!;
    expect(group.original).toBe('a.txt');
    expect(group.reasons).toEqual([['attribution', 'b.txt: Reuters reported', -2]]);
  });

  it("holds each member's story-level call against the original, as the report's story pairs make it, and none for the original", async () => {
    const dir = tempDir();
    const json = JSON.parse((await runInProcess(['--json', '--html', 'r.html', seeds], { cwd: dir })).stdout) as {
      storyPairs: Array<{ stories: Array<[number, number]>; calls: string[]; words: number[] }>;
      files: string[];
    };
    const data = pageData(readFileSync(path.join(dir, 'r.html'), 'utf8'));
    const members = named(data.memberFields, data.groups[0]!.members);
    const original = members.find((m) => m.role === 'original')!;
    expect(original.storyCall).toBeNull();
    const update = members.find((m) => String(m.path).endsWith(path.basename(SEED.update)))!;
    const call = update.storyCall as [string, number, number, number, string];
    // The same call as the JSON report's story pair of 003 with 002, seen from 003.
    const pathOf = (story: [number, number]): string => json.files[story[0]]!;
    const pair = json.storyPairs.find((p) => p.stories.some((s) => pathOf(s) === update.path) && p.stories.some((s) => pathOf(s) === original.path))!;
    const side = pair.stories.findIndex((s) => pathOf(s) === update.path);
    expect(call[0]).toBe(pair.calls[side]);
    expect(call[1]).toBe(pair.words[side]);
    expect(call[4]).toBe(original.path);
  });

  it('leaves an earlier report alone when the run fails', async () => {
    const dir = tempDir();
    expect((await runInProcess(['-q', '--html', 'r.html', path.join(repoRoot, SEED.original)], { cwd: dir })).code).toBe(0);
    const earlier = readFileSync(path.join(dir, 'r.html'), 'utf8');
    const result = await runInProcess(['--html', 'r.html', 'no-such-folder'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(dir, 'r.html'), 'utf8')).toBe(earlier);
  });

  it('replaces only an empty file or a report dedupe wrote, keeping its permissions, and leaves no partial file', async () => {
    const dir = tempDir();
    const one = path.join(repoRoot, SEED.original);
    const two = path.join(repoRoot, SEED.update);
    expect((await runInProcess(['-q', '--html', 'r.html', one], { cwd: dir })).code).toBe(0);
    chmodSync(path.join(dir, 'r.html'), 0o600);
    expect((await runInProcess(['-q', '--html', 'r.html', one, two], { cwd: dir })).code).toBe(0);
    expect(pageData(readFileSync(path.join(dir, 'r.html'), 'utf8')).documents).toHaveLength(2);
    expect(statSync(path.join(dir, 'r.html')).mode & 0o777).toBe(0o600);
    writeFileSync(path.join(dir, 'empty.html'), '');
    expect((await runInProcess(['-q', '--html', 'empty.html', one], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'empty.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    // A file of a newline (`echo > blank.html`) is as empty (found by a new user); a word is not.
    writeFileSync(path.join(dir, 'blank.html'), '\n \n');
    expect((await runInProcess(['-q', '--html', 'blank.html', one], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'blank.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    writeFileSync(path.join(dir, 'notes.html'), '\nto do\n');
    expect((await runInProcess(['-q', '--html', 'notes.html', one], { cwd: dir })).code).toBe(2);
    expect(readFileSync(path.join(dir, 'notes.html'), 'utf8')).toBe('\nto do\n');
    unlinkSync(path.join(dir, 'blank.html'));
    unlinkSync(path.join(dir, 'notes.html'));
    // Through a link: the report it points to is replaced, and the link stays a link.
    symlinkSync('r.html', path.join(dir, 'latest.html'));
    expect((await runInProcess(['-q', '--html', 'latest.html', one], { cwd: dir })).code).toBe(0);
    expect(lstatSync(path.join(dir, 'latest.html')).isSymbolicLink()).toBe(true);
    expect(pageData(readFileSync(path.join(dir, 'r.html'), 'utf8')).documents).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['empty.html', 'latest.html', 'r.html']);
  });

  it('never writes over a file that is not its report: an article named first, an input of the run, the index', async () => {
    const dir = tempDir();
    const article = readFileSync(path.join(repoRoot, SEED.original), 'utf8');
    writeFileSync(path.join(dir, 'story1.md'), article);
    writeFileSync(path.join(dir, 'story2.md'), article);
    writeFileSync(path.join(dir, 'index.db'), 'SQLite format 3\0');
    for (const argv of [['--html', 'story1.md', 'story2.md'], ['-q', '--html', 'story1.md', 'story1.md', 'story2.md'], ['check', '-q', '--html', 'index.db', 'story2.md']]) {
      const result = await runInProcess(argv, { cwd: dir });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toBe(`dedupe: error: --html ${argv[argv.indexOf('--html') + 1]}: the file exists and is not a report dedupe wrote; name a new file, such as report.html (dedupe replaces only its own reports)\n`);
    }
    expect(readFileSync(path.join(dir, 'story1.md'), 'utf8')).toBe(article);
    expect(readFileSync(path.join(dir, 'index.db'), 'utf8')).toBe('SQLite format 3\0');
  });

  it.each([
    [['--html', 'out'], /^dedupe: error: --html out: is a folder; name a file in it, such as out\/report\.html\n$/],
    [['--html', 'missing/r.html'], /^dedupe: error: --html missing\/r\.html: the folder missing does not exist; create it first \(mkdir -p missing\)\n$/],
    [['--html', 'note.txt/r.html'], /^dedupe: error: --html note\.txt\/r\.html: note\.txt is not a folder\n$/],
    [['--html', '-'], /^dedupe: error: --html writes a file, not standard output: name one, such as --html report\.html/],
    [['--html', ''], /^dedupe: error: --html must name a file, such as --html report\.html\n$/],
    [['--html', '--json'], /^dedupe: error: --html --json: an option where the report's file name goes; name the file after --html, such as --html report\.html \(a file named so: \.\/--json\)\n$/],
    [['--html', 'today.TXT'], /^dedupe: error: --html today\.TXT: ends like the articles dedupe reads \(\.txt, \.jsonl, \.ndjson\); name the report \.html/],
    // A folder that passes the access check and takes no new file: Linux's /proc, for root (who
    // passes every access check; anyone else is refused by the check itself).
    ...(existsSync('/proc/self') && process.getuid?.() === 0 ? [[['--html', '/proc/x.html'], /^dedupe: error: --html \/proc\/x\.html: cannot create a file in \/proc: .+\n$/] as [string[], RegExp]] : []),
  ])('%j is refused before anything is read: one line, exit 2', async (flags, pattern) => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'note.txt'), 'a note');
    // The path to scan does not exist: the --html problem is found first, before the scan starts.
    const result = await runInProcess([...flags, 'no-such-folder'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    expect(readFileSync(path.join(dir, 'note.txt'), 'utf8')).toBe('a note');
  });

  it('a write that fails (a full disk) is one line naming the file, exit 2, even with --fail-on', async () => {
    const result = await runInProcess(['-q', '--fail-on', 'shared', '--html', '/dev/full', seeds]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dedupe: error: --html /dev/full: cannot write it: no space left on device (ENOSPC)\n');
  });

  it('is not a config key (one invocation writes one file)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ html: 'r.html' }));
    const result = await runInProcess([seeds], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"html" is an option of one run, not a config key/);
  });
});

describe('dedupe check --html <file>', () => {
  it('writes the page of the check: incoming documents, groups with archived members', async () => {
    const dir = tempDir();
    const add = await runInProcess(['index', 'add', '--db', 'i.db', SEED.original, SEED.update].map((a) => (a.startsWith('fixtures/') ? path.join(repoRoot, a) : a)), { cwd: dir });
    expect(add.code).toBe(0);
    const result = await runInProcess(['check', '--db', 'i.db', '--html', 'check.html', path.join(repoRoot, SEED.reprintA)], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/--html: report written to check\.html/);
    const data = pageData(readFileSync(path.join(dir, 'check.html'), 'utf8'));
    expect(data.title).toMatch(/^dedupe check /);
    expect(data.documents).toHaveLength(1);
    const group = data.groups[0]!;
    const members = named(data.memberFields, group.members);
    // The archived original is a member but not one of the page's documents.
    expect(members.find((m) => m.role === 'original')).toMatchObject({ doc: -1 });
    const reprint = members.find((m) => m.doc === 0)!;
    expect(Array.isArray(reprint.aligned)).toBe(true);
  });

  it("carries the gate's verdict, as --json's check does: the rule, the articles flagged and those added", async () => {
    const dir = tempDir();
    const abs = (file: string): string => path.join(repoRoot, file);
    expect((await runInProcess(['index', 'add', '--db', 'i.db', abs(SEED.original)], { cwd: dir })).code).toBe(0);
    const argv = ['check', '--db', 'i.db', '--fail-on', 'document', '--add', abs(SEED.reprintA), abs(SEED.unrelated)];
    const result = await runInProcess([...argv, '--html', 'check.html'], { cwd: dir });
    expect(result.code).toBe(1);
    const data = pageData(readFileSync(path.join(dir, 'check.html'), 'utf8')) as ReturnType<typeof pageData> & { check: unknown };
    const json = JSON.parse((await runInProcess([...argv.filter((a) => a !== '--add'), '--json'], { cwd: dir })).stdout) as { check: { flagged: string[] } };
    expect(data.check).toEqual({ failOn: 'document', copyShare: 0.8, flagged: [abs(SEED.reprintA)], added: [abs(SEED.unrelated)], alreadyIndexed: [] });
    expect(json.check.flagged).toEqual([abs(SEED.reprintA)]);
    const scan = await runInProcess(['-q', '--html', 'scan.html', abs(SEED.original)], { cwd: dir });
    expect(scan.code).toBe(0);
    expect((pageData(readFileSync(path.join(dir, 'scan.html'), 'utf8')) as ReturnType<typeof pageData> & { check: unknown }).check).toBeNull();
  });
});
