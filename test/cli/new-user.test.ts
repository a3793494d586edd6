/**
 * What a new user tripped over (issue 12, defects 5 and 6): an empty --include, control
 * characters in file names, an --exclude that matches nothing, folders named like commands,
 * an emptied file in the index, a flood of warnings, and `dedupe diff --exit-code`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runInProcess, runJson } from '../helpers/in-process.js';
import { oneLineError } from '../helpers/errors.js';

const ARTICLE = 'A readable paragraph of several words for the walker.\n';

describe('an empty --include or --exclude', () => {
  it('is a one-line usage error, not "internal error"', async () => {
    expect(oneLineError(await runCli(['--include', '', 'fixtures/seeds']))).toBe(
      "dedupe: error: --include must not be empty; give a glob such as '**/*.txt'",
    );
    expect(oneLineError(await runCli(['index', 'add', '--exclude', '', 'fixtures/seeds']))).toMatch(/^dedupe: error: --exclude must not be empty/);
  });
});

describe('control characters in file names', () => {
  it('are shown escaped in the report and in warnings, never sent raw to the terminal', async () => {
    const dir = tempDir();
    const name = 'red\u001b[31mflag\nline two.txt';
    writeFileSync(path.join(dir, name), 'A paragraph that two files share word for word, to be matched.\n');
    writeFileSync(path.join(dir, 'plain.txt'), 'A paragraph that two files share word for word, to be matched.\n');
    writeFileSync(path.join(dir, 'bell\u0007.txt'), Buffer.from([0x41, 0xff]));
    const result = await runCli(['--no-color', dir]);
    expect(result.code).toBe(0);
    for (const stream of [result.stdout, result.stderr]) {
      expect(stream).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(stream).not.toContain('flag\nline');
    }
    expect(result.stdout).toContain('red\\x1b[31mflag\\nline two.txt');
    expect(result.stderr).toContain('bell\\x07.txt: not valid UTF-8');
  });

  it('are kept as they are in --json (JSON escapes them itself)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tab\there.txt'), ARTICLE);
    const { report } = await runJson<Report>([dir]);
    expect(report.documents[0]!.path).toBe(`${dir}/tab\there.txt`);
  });
});

describe('an --exclude that matches nothing', () => {
  it('is named in a warning (a typo would otherwise scan what was meant to be left out)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'keep.txt'), ARTICLE);
    writeFileSync(path.join(dir, 'drafts/old.txt'), ARTICLE.replace('readable', 'drafted'));
    const typo = await runJson<Report>(['--exclude', 'draft/**', dir]);
    expect(typo.result.stderr).toBe(`dedupe: warning: --exclude draft/** matches nothing in ${dir}; check the pattern\n`);
    expect(typo.report.warnings).toEqual([
      { code: 'exclude-unmatched', path: 'draft/**', message: `--exclude draft/** matches nothing in ${dir}; check the pattern` },
    ]);
    const right = await runJson<Report>(['--exclude', 'drafts/**', dir]);
    expect(right.result.stderr).toBe('');
    expect(right.report.documents.map((d) => path.basename(d.path))).toEqual(['keep.txt']);
  });
});

describe('a folder named on the command line that holds no article', () => {
  it('is named in a warning when other paths had files, and the scan goes on', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'articles'));
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'articles/a.txt'), ARTICLE);
    writeFileSync(path.join(dir, 'empty/notes.md'), ARTICLE);
    const message = 'empty: no files matching **/*.txt, **/*.jsonl, **/*.ndjson; skipped (use --include to choose other files)';
    const { result, report } = await runJson<Report>(['articles', 'empty'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`dedupe: warning: ${message}\n`);
    expect(report.warnings).toEqual([{ code: 'no-files', path: 'empty', message }]);
    expect(report.documents.map((d) => d.path)).toEqual(['articles/a.txt']);
    // A folder inside one already walked is not empty, nor one holding a link to it: their files were found there.
    expect((await runJson<Report>(['.', 'articles'], { cwd: dir })).report.warnings).toEqual([]);
    mkdirSync(path.join(dir, 'links'));
    symlinkSync(path.join(dir, 'articles'), path.join(dir, 'links/articles'));
    expect((await runJson<Report>(['articles', 'links'], { cwd: dir })).report.warnings).toEqual([]);
    // One that holds no file at all says so, without pointing at --include (found in review).
    mkdirSync(path.join(dir, 'bare'));
    const bare = await runJson<Report>(['articles', 'bare'], { cwd: dir });
    expect(bare.result.stderr).toBe('dedupe: warning: bare: holds no file; skipped\n');
  });

  it('is an error, not a warning, when no path has any', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'empty'));
    const result = await runInProcess(['empty'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toBe('dedupe: error: empty holds no file; nothing to read');
    // Files of other kinds: the patterns are named, since --include may be what is wrong.
    writeFileSync(path.join(dir, 'empty', 'photo.png'), 'x');
    expect(oneLineError(await runInProcess(['empty'], { cwd: dir }))).toBe('dedupe: error: no files matching **/*.txt, **/*.jsonl, **/*.ndjson in empty; use --include to choose other files');
  });
});

describe('a folder named like a command', () => {
  function folderNamed(name: string): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, name));
    copyFileSync(SEED.original, path.join(dir, name, 'a.txt'));
    copyFileSync(SEED.reprintA, path.join(dir, name, 'b.txt'));
    return dir;
  }

  it.each(['check', 'index', 'diff', 'help', 'scan'])('%s is scanned as ./%s or after --', async (name) => {
    const cwd = folderNamed(name);
    for (const args of [[`./${name}`], ['--', name], ['-q', '--', name]]) {
      const result = await runInProcess(['-q', ...args], { cwd });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/^2 files, /);
    }
  });

  it("an option written between index and its command says where it goes", async () => {
    const result = await runInProcess(['index', '--db', 'x.db', 'stats']);
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toBe("dedupe: error: unknown option '--db'; options go after the command: dedupe index stats --db x.db");
  });

  it("a command's option written before the command's name says where it goes", async () => {
    for (const [args, hint] of [
      [['--db', 'x.db', 'check', 'a.txt'], 'dedupe check --db x.db a.txt'],
      [['--db=my x.db', 'check', 'a.txt'], "dedupe check '--db=my x.db' a.txt"],
      [['--db', 'x.db', 'index', 'stats'], 'dedupe index stats --db x.db'],
    ] as const) {
      const result = await runInProcess([...args]);
      expect(result.code).toBe(2);
      expect(oneLineError(result)).toBe(`dedupe: error: unknown option '${args[0]}'; options go after the command: ${hint}`);
    }
    // An option nobody has, with no command after it: no hint.
    expect(oneLineError(await runInProcess(['--bogus', 'a.txt']))).toBe("dedupe: error: unknown option '--bogus'");
    // Nor one the command does not take, nor one before help (it would fail again; found in
    // review): then only which commands have it, if any.
    expect(oneLineError(await runInProcess(['--dbb', 'x', 'check', 'a.txt']))).toBe("dedupe: error: unknown option '--dbb'");
    for (const args of [['--db', 'x', 'diff', 'a', 'b'], ['--db', 'x', 'help', 'check']]) {
      expect(oneLineError(await runInProcess(args))).toBe(
        "dedupe: error: unknown option '--db'; --db is an option of dedupe index add, dedupe index remove, dedupe index list, dedupe index stats and dedupe check",
      );
    }
  });

  it("--index for the index file names --db (it said only \"unknown option '--index'\"; a new user's run)", async () => {
    const result = await runInProcess(['index', 'add', '--index', 'idx.sqlite', 'a.txt']);
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toBe("dedupe: error: unknown option '--index'; the index file is given with --db <file>");
    const withValue = await runInProcess(['index', 'add', '--index=idx.sqlite', 'a.txt']);
    expect(oneLineError(withValue)).toBe("dedupe: error: unknown option '--index=idx.sqlite'; the index file is given with --db <file>");
  });

  it("an unknown index command lists the index's commands (it said only \"unknown command 'list'\" before index list was one; a new user's run)", async () => {
    const result = await runInProcess(['index', 'show']);
    expect(result.code).toBe(2);
    expect(oneLineError(result)).toBe("dedupe: error: unknown command 'show'; the index commands are add, remove, list and stats");
  });

  it("an option of another command says whose it is (it said only \"unknown option '--add'\"; a new user's run)", async () => {
    for (const [args, owners] of [
      [['--add', 'in/'], '--add is an option of dedupe check'],
      [['index', 'stats', '--fail-on', 'shared'], '--fail-on is an option of dedupe (the scan), dedupe check and dedupe report'],
      [['diff', '--top', '3', 'a.txt', 'b.txt'], '--top is an option of dedupe (the scan), dedupe check and dedupe report'],
    ] as const) {
      const result = await runInProcess([...args]);
      expect(result.code).toBe(2);
      expect(oneLineError(result)).toBe(`dedupe: error: unknown option '${args.find((a) => a.startsWith('--'))}'; ${owners}`);
    }
  });

  it("a switch given a value says it takes none (\"--color=never\" was called an option of other commands; a new user's run)", async () => {
    for (const [args, hint] of [
      [['--color=never', 'seeds'], "unknown option '--color=never'; --color takes no value: give --color or --no-color"],
      [['diff', '--json=yes', 'a.txt', 'b.txt'], "unknown option '--json=yes'; --json takes no value: give --json"],
      [['--frob=1', 'seeds'], "unknown option '--frob=1'"],
      // An option that takes a value, of another command: whose it is (review: it said "--db takes no value").
      [['seeds', '--db=x.db'], "unknown option '--db=x.db'; --db is an option of dedupe index add, dedupe index remove, dedupe index list, dedupe index stats and dedupe check"],
      [['--progress=no', 'seeds'], "unknown option '--progress=no'; --progress takes no value: give --no-progress to turn it off"],
    ] as const) {
      const result = await runInProcess([...args]);
      expect(result.code).toBe(2);
      expect(oneLineError(result)).toBe(`dedupe: error: ${hint}`);
    }
  });

  it('a misspelt command named as a path is suggested; a misspelt folder is not taken for a command', async () => {
    const cwd = tempDir();
    expect(oneLineError(await runInProcess(['chek', 'seeds'], { cwd }))).toBe('dedupe: error: chek: no such file or folder; check the path; did you mean the command check (dedupe check ...)?');
    expect(oneLineError(await runInProcess(['seedz'], { cwd }))).toBe('dedupe: error: seedz: no such file or folder; check the path');
  });

  it('the bare name runs the command, and its error says how to scan the folder', async () => {
    const cwd = folderNamed('diff');
    expect(oneLineError(await runInProcess(['diff'], { cwd }))).toMatch(/; to scan the folder diff, write dedupe \.\/diff \(or dedupe -- diff\)$/);
    // An option before it changes nothing: the word still names the command.
    expect(oneLineError(await runInProcess(['--no-color', 'diff'], { cwd }))).toMatch(/; to scan the folder diff, write dedupe \.\/diff \(or dedupe -- diff\)$/);
    // Nor does an option with a value: its value is not taken for the command.
    for (const top of [['--top', '5'], ['--top=5']]) {
      expect(oneLineError(await runInProcess([...top, 'diff'], { cwd }))).toMatch(/; to scan the folder diff, write dedupe \.\/diff \(or dedupe -- diff\)$/);
    }
  });

  it('says so too when the command fails for another reason (no index), and for index without its command', async () => {
    const cwd = folderNamed('check');
    mkdirSync(path.join(cwd, 'diff'));
    copyFileSync(SEED.update, path.join(cwd, 'diff', 'c.txt'));
    expect(oneLineError(await runInProcess(['check', 'diff'], { cwd }))).toBe(
      'dedupe: error: .dedupe/index.db: no index there; build one first with dedupe index add --db .dedupe/index.db <paths>; to scan the folder check, write dedupe ./check (or dedupe -- check)',
    );
    const index = await runInProcess(['index'], { cwd: folderNamed('index') });
    expect(index.code).toBe(2);
    expect(index.stderr).toMatch(/^Usage: dedupe index /);
    expect(index.stderr.trimEnd().split('\n').at(-1)).toBe(
      'dedupe: error: index needs a command: add, remove, list or stats; to scan the folder index, write dedupe ./index (or dedupe -- index)',
    );
    const bare = await runInProcess(['index'], { cwd: tempDir() });
    expect(bare.stderr.trimEnd().split('\n').at(-1)).toBe('dedupe: error: index needs a command: add, remove, list or stats');
  });
});

describe('index add and a file emptied since it was stored', () => {
  it('keeps the stored article, with a warning, instead of replacing it with nothing', async () => {
    const cwd = tempDir();
    copyFileSync(SEED.original, path.join(cwd, 'story.txt'));
    expect((await runInProcess(['index', 'add', 'story.txt'], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, 'story.txt'), '');
    const again = await runInProcess(['index', 'add', 'story.txt'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(
      'dedupe: warning: story.txt: the file is empty now; its stored version (23 paragraphs) was kept (dedupe index remove story.txt takes it out)\n',
    );
    expect(again.stdout).toMatch(/kept {5}story\.txt \(empty now; its stored version stays\)\n.*0 added, 0 updated, 0 skipped \(unchanged\), 1 empty \(stored version kept\); 1 document, 23 paragraphs in the index/);
    copyFileSync(SEED.reprintA, path.join(cwd, 'incoming.txt'));
    const check = await runInProcess(['check', '-q', '--fail-on', 'edited', 'incoming.txt'], { cwd });
    expect(check.code).toBe(1);
  });
});

describe('many warnings', () => {
  it('shows the first 20 and a count of the rest; --verbose shows all, --json keeps all', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, `bad-${String(i).padStart(2, '0')}.txt`), Buffer.from([0x41, 0xff]));
    const result = await runCli(['-q', dir]);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toMatch(/bad-19\.txt: not valid UTF-8/);
    expect(lines[20]).toBe('dedupe: warning: 5 more warnings not shown (--verbose shows them all; --json lists them all under "warnings")');
    expect((await runCli(['-q', '--verbose', dir])).stderr).toMatch(/bad-24\.txt: not valid UTF-8/);
    const { report } = await runJson<Report>([dir]);
    expect(report.warnings).toHaveLength(25);
  });
});

describe('dedupe diff --exit-code', () => {
  it('exits 1 when the two differ and 0 when they are the same, as git diff --exit-code; without it, 0 either way', async () => {
    const dir = tempDir();
    copyFileSync(SEED.original, path.join(dir, 'copy.txt'));
    // Different whitespace and quotes, the same words: the same paragraphs.
    writeFileSync(path.join(dir, 'spaced.txt'), `\n\n${readFileSync(SEED.original, 'utf8').replaceAll('\n', '\n\n')}`);
    const differ = await runCli(['diff', '--exit-code', SEED.original, SEED.update]);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toMatch(/edited/);
    expect(differ.stderr).toBe('');
    expect((await runCli(['diff', '--exit-code', '--json', SEED.original, SEED.update])).code).toBe(1);
    expect((await runCli(['diff', SEED.original, SEED.update])).code).toBe(0);
    expect((await runCli(['diff', '--exit-code', SEED.original, path.join(dir, 'copy.txt')])).code).toBe(0);
    expect((await runCli(['diff', '--exit-code', SEED.original, path.join(dir, 'spaced.txt')])).code).toBe(0);
    expect((await runCli(['diff', '--exit-code', SEED.original, 'no/such.txt'])).code).toBe(2);
  });
});

describe('dedupe diff of an empty file', () => {
  it('warns on stderr that the file has no text, and still compares (exit 0; a new user saw only "keeps 0%")', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    const { stdout, stderr, code } = await runCli(['diff', empty, SEED.original]);
    expect(code).toBe(0);
    expect(stderr).toBe(`dedupe: warning: ${empty}: no text (empty or only blank lines); the comparison has nothing of it\n`);
    expect(stdout).toMatch(/0 → 23 paragraphs/);
    expect((await runCli(['diff', SEED.original, SEED.update])).stderr).toBe('');
    expect((await runCli(['diff', '-q', empty, SEED.original])).stderr).toBe('');
  });
});

describe('dedupe diff -q', () => {
  it('prints nothing and exits as --exit-code does (1 differ, 0 same), as git diff --quiet', async () => {
    const dir = tempDir();
    copyFileSync(SEED.original, path.join(dir, 'copy.txt'));
    for (const quiet of ['-q', '--quiet']) {
      const differ = await runCli(['diff', quiet, SEED.original, SEED.update]);
      expect(differ).toEqual({ stdout: '', stderr: '', code: 1 });
      expect(await runCli(['diff', quiet, SEED.original, path.join(dir, 'copy.txt')])).toEqual({ stdout: '', stderr: '', code: 0 });
      // --json asks for the alignment, and --quiet for no output at all: quiet wins, as in git.
      expect(await runCli(['diff', quiet, '--json', SEED.original, SEED.update])).toEqual({ stdout: '', stderr: '', code: 1 });
    }
    // An error is still an error, whatever the quiet.
    const missing = await runCli(['diff', '-q', SEED.original, 'no/such.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^dedupe: error: .*no\/such\.txt/);
  });

  it('is described as such in dedupe diff --help', async () => {
    const help = await runCli(['diff', '--help']);
    expect(help.stdout).toMatch(/-q, --quiet +print nothing; the exit code says whether the two\s+differ \(implies --exit-code\)/);
  });
});

describe('dedupe help [command]', () => {
  it('shows the help of the program or of the command named, exit 0, as commander help does', async () => {
    const cwd = tempDir();
    const cases: Array<[string[], string[]]> = [
      [['help'], ['--help']],
      [['help', 'check'], ['check', '--help']],
      [['help', 'diff'], ['diff', '--help']],
      [['help', 'index'], ['index', '--help']],
      [['help', 'scan'], ['scan', '--help']],
    ];
    for (const [asked, flag] of cases) {
      const help = await runInProcess(asked, { cwd });
      expect(help.code, `${asked.join(' ')}: ${help.stderr}`).toBe(0);
      expect(help.stderr).toBe('');
      expect(help.stdout).toBe((await runInProcess(flag, { cwd })).stdout);
    }
    expect((await runInProcess(['help'], { cwd })).stdout).toMatch(/^Usage: dedupe \[options\] \[command\] \[paths\.\.\.\]/);
    expect((await runInProcess(['help'], { cwd })).stdout).toMatch(/\n  help \[command\] +display help for command\n/);
  });

  it('with a folder named help there, still shows the help; ./help scans the folder', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'help'));
    copyFileSync(SEED.original, path.join(cwd, 'help', 'a.txt'));
    const help = await runInProcess(['help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dedupe /);
    expect((await runInProcess(['-q', './help'], { cwd })).stdout).toMatch(/^1 file, 23 paragraphs/);
  });

  it('names an unknown command in one line, exit 2', async () => {
    const result = await runInProcess(['help', 'nosuch'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^dedupe: error: .*nosuch.*\n$/);
  });
});

describe('dedupe help index add', () => {
  it("shows the subcommand's own help", async () => {
    const help = await runInProcess(['help', 'index', 'add'], { cwd: tempDir() });
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runInProcess(['index', 'add', '--help'])).stdout);
    expect(help.stdout).toMatch(/^Usage: dedupe index add \[options\] \[paths\.\.\.\]/);
  });
});

describe('a file or folder given twice', () => {
  it('is read once, with a duplicate-id warning (as the README lists), for text files, JSONL files, folders and --files-from', async () => {
    const cwd = tempDir();
    copyFileSync(SEED.original, path.join(cwd, 'a.txt'));
    writeFileSync(path.join(cwd, 'feed.jsonl'), `${JSON.stringify({ id: 'x', text: 'One article in a feed, long enough to be read.' })}\n`);
    mkdirSync(path.join(cwd, 'in'));
    copyFileSync(SEED.update, path.join(cwd, 'in', 'b.txt'));
    const cases: Array<[string[], string, string]> = [
      [['a.txt', 'a.txt'], 'a.txt: given more than once; read once', 'a.txt'],
      [['a.txt', './a.txt'], './a.txt: the same file as a.txt; read once', './a.txt'],
      [['feed.jsonl', 'feed.jsonl'], 'feed.jsonl: given more than once; read once', 'feed.jsonl'],
      [['in', 'in/'], 'in/: the same folder as in; walked once', 'in/'],
    ];
    for (const [argv, message, given] of cases) {
      const { report, result } = await runJson<Report>(argv, { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe(`dedupe: warning: ${message}\n`);
      expect(report.documents).toHaveLength(1);
      expect(report.warnings).toEqual([{ code: 'duplicate-id', path: given, message }]);
    }
    const listed = await runInProcess(['-q', 'a.txt', '--files-from', '-'], { cwd, stdin: 'a.txt\n' });
    expect(listed.stderr).toBe('dedupe: warning: a.txt: given more than once; read once\n');
    expect(listed.stdout).toMatch(/^1 file, /);
  });

  it('messages that named nothing, or pointed at warnings never given, say what is wrong (found by a new user)', async () => {
    const cwd = tempDir();
    expect(oneLineError(await runInProcess(['check', '--db', '', 'a.txt'], { cwd }))).toBe("dedupe: error: --db must name the index's file, such as --db .dedupe/index.db (or leave it out for that default)");
    writeFileSync(path.join(cwd, '.dedupe.json'), '{"db": ""}');
    expect(oneLineError(await runInProcess(['check', 'a.txt'], { cwd }))).toBe("dedupe: error: .dedupe.json: db must name the index's file, such as --db .dedupe/index.db (or leave it out for that default)");
    const other = tempDir();
    writeFileSync(path.join(other, 'package.json'), '{"name": "x"}');
    expect(oneLineError(await runInProcess(['--config', 'package.json', 'a.txt'], { cwd: other }))).toBe('dedupe: error: package.json: no "dedupe" key in this package.json; nothing to configure');
    expect(oneLineError(await runInProcess(['-'], { cwd: other, stdin: '' }))).toBe('dedupe: error: no article to read: the JSONL input holds none');
    expect(oneLineError(await runInProcess(['diff', '-', 'a.txt'], { cwd: other, stdin: 'x' }))).toBe(
      "dedupe: error: -: dedupe diff compares two files and does not read standard input; save it to a file, or name a command's output as <(command)",
    );
  });

  it('diff reads a named pipe it is given, as <(command) names one', async () => {
    const cwd = tempDir();
    const article = readFileSync(SEED.original, 'utf8');
    writeFileSync(path.join(cwd, 'b.txt'), article.replace('US and South Korean', 'American and South Korean'));
    execFileSync('mkfifo', [path.join(cwd, 'pipe')]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', path.resolve(SEED.original), path.join(cwd, 'pipe')]);
    const written = new Promise((done) => writer.on('close', done));
    const result = await runInProcess(['diff', '--no-color', 'pipe', 'b.txt'], { cwd });
    await written;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^pipe → b\.txt\n23 → 23 paragraphs; blocks: 22 same, 1 edited/);
  });

  it('--copy-share without --fail-on document says it changes nothing (the other options for the human report only did)', async () => {
    const cwd = tempDir();
    const original = path.resolve(SEED.original);
    expect((await runInProcess(['index', 'add', '--db', 'i.db', path.resolve(SEED.unrelated)], { cwd })).code).toBe(0);
    const warning = (rule: string): string => `dedupe: warning: --copy-share counts only with --fail-on document (an article is a copy when that share of a story's words is reused); ${rule} it changes nothing\n`;
    expect((await runInProcess(['check', '-q', '--db', 'i.db', '--copy-share', '0.5', original], { cwd })).stderr).toBe(warning('without --fail-on'));
    expect((await runInProcess(['check', '-q', '--db', 'i.db', '--fail-on', 'edited', '--copy-share', '0.5', original], { cwd })).stderr).toBe(warning('with --fail-on edited'));
    expect((await runInProcess(['check', '-q', '--db', 'i.db', '--fail-on', 'document', '--copy-share', '0.5', original], { cwd })).stderr).toBe('');
    // Not given: nothing to say (its default is no value given).
    expect((await runInProcess(['check', '-q', '--db', 'i.db', original], { cwd })).stderr).toBe('');
  });

  it('diff --context 0 keeps a dropped paragraph whole when piped (it was cut to 80 columns; found by a new user)', async () => {
    const result = await runInProcess(['diff', '--no-color', '--context', '0', SEED.original, 'fixtures/seeds/003_600098fa7e119347.txt']);
    expect(result.stdout).toContain('[-KYIV, Ukraine (AP) — US and South Korean officials said Wednesday that there’s evidence North Korea has dispatched troops to Russia in a potential escalation of the nearly 3-year-old war with Ukraine.-]');
  });
});
