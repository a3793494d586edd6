/** The command-line contract: exit codes, one-line errors, colour, quiet, help. */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { binPath, repoRoot } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

function expectOneLineError(result: { stderr: string; stdout: string; code: number | null }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('usage and input errors exit 2 with one line', () => {
  it('a path that does not exist', async () => {
    expectOneLineError(await runCli(['no/such/folder']), /^dedupe: error: no\/such\/folder: no such file or folder; check the path$/);
  });

  it('a folder with no matching files', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.md'), 'not an article');
    expectOneLineError(await runCli([dir]), /^dedupe: error: no files matching \*\*\/\*\.txt, \*\*\/\*\.jsonl, \*\*\/\*\.ndjson in .*; use --include/);
  });

  it('only unreadable files', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), Buffer.from([0, 1, 2]));
    const result = await runCli([dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/warning: .*a\.txt: binary file/);
    expect(result.stderr).toMatch(/error: nothing to read: .*a\.txt, the only matching file, could not be read \(see the warning above\)\n$/);
    // The same words for `check` and `index add`, which scan nothing ("nothing to scan" in check; found by a new user).
    const db = path.join(dir, 'index.db');
    for (const command of [['check', '--db', db], ['index', 'add', '--db', db]]) {
      if (command[0] === 'check') expect((await runCli(['index', 'add', '--db', db, SEED.unrelated])).code).toBe(0);
      const other = await runCli([...command, path.join(dir, 'a.txt')]);
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/error: nothing to read: .*a\.txt, the only matching file, could not be read \(see the warning above\)/);
    }
    writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0, 1, 2]));
    expect((await runCli([dir])).stderr).toMatch(/error: none of the 2 matching files could be read \(see the warnings above\)\n$/);
  });

  it.each([
    [['--threshold', '1.5'], /--threshold must be between 0\.01 and 1, got 1\.5/],
    [['--shingle-size', '0'], /--shingle-size must be between 1 and 16, got 0/],
    [['--num-hashes', '12.5'], /--num-hashes must be a whole number, got 12\.5/],
    [['--threshold', 'high'], /--threshold must be a number, got 'high'/],
    [['--max-matches', '0x1'], /--max-matches must be a number, got '0x1'/],
    [['--segment', 'pages'], /--segment must be one of auto, line, block, got 'pages'/],
    [['--fail-on', 'everything'], /--fail-on must be one of shared, edited, got 'everything'$/],
    [['--fail-on', 'document'], /--fail-on must be one of shared, edited, got 'document' \(document is for dedupe check: an incoming article copied from the index\)$/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--jsn'], /unknown option '--jsn' \(Did you mean --json\?\)$/],
  ])('bad option %j', async (args, pattern) => {
    expectOneLineError(await runCli([...args, 'fixtures/seeds']), new RegExp(`^dedupe: (error: )?.*${pattern.source}`));
  });

  it('every bad value at once, in one line', async () => {
    expectOneLineError(
      await runCli(['--threshold', '2', '--shingle-size', 'x', '--segment', 'pages', 'fixtures/seeds']),
      /^dedupe: error: --shingle-size must be a number, got 'x'; --segment must be one of auto, line, block, got 'pages'; --threshold must be between 0\.01 and 1, got 2$/,
    );
  });

  it('no stack trace unless --verbose', async () => {
    expect((await runCli(['missing'])).stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['--verbose', 'missing'])).stderr).toMatch(/\n\s+at /);
  });

  it('no arguments: one line with the usage, exit 2', async () => {
    expectOneLineError(await runCli([]), /^dedupe: error: no files or folders given; usage: dedupe \[options\] <paths\.\.\.> \(see dedupe --help\)$/);
  });

  it('a folder given as --html\'s value: says --html took it (found by a new user)', async () => {
    expectOneLineError(
      await runCli(['--html', 'fixtures/seeds']),
      /^dedupe: error: no files or folders given; name them, or list them with --files-from <file> \(--html took fixtures\/seeds as the file it writes\)$/,
    );
  });

  it('a folder given as --agency\'s value: says --agency took it (found by a new user)', async () => {
    expectOneLineError(
      await runCli(['--agency', 'fixtures/seeds']),
      /^dedupe: error: no files or folders given; name them, or list them with --files-from <file> \(--agency took fixtures\/seeds as an agency's name: name the files before it\)$/,
    );
  });

  it('refuses the scan\'s options written before another command\'s name, which that command never read (found by a new user: -q and --json were dropped)', async () => {
    expectOneLineError(await runCli(['-q', 'diff', SEED.original, SEED.update]), /^dedupe: error: --quiet before the command diff: options go after the command \(dedupe diff --quiet \.\.\.\)$/);
    expectOneLineError(await runCli(['--no-color', '--top', '5', 'check', SEED.original]), /^dedupe: error: --no-color and --top 5 before the command check: options go after the command \(dedupe check --no-color --top 5 \.\.\.\)/);
    // A command of a command is named whole; an option the command does not take is said to be so; values are quoted for the shell (found in review).
    expectOneLineError(await runCli(['-q', 'index', 'add', SEED.original]), /^dedupe: error: --quiet before the command index add: options go after the command \(dedupe index add --quiet \.\.\.\)$/);
    expectOneLineError(await runCli(['--top', '5', 'join', 'out']), /^dedupe: error: --top 5 before the command join: dedupe join has no --top \(see dedupe join --help\)$/);
    expectOneLineError(await runCli(['--html', 'a b.html', 'diff', 'a', 'b']), /^dedupe: error: --html 'a b\.html' before the command diff: dedupe diff has no --html/);
    // After the name, as the help shows, they are read.
    expect((await runCli(['diff', '-q', SEED.original, SEED.update])).code).toBe(1);
  });

  it('says when --exclude left nothing', async () => {
    expectOneLineError(await runCli(['--exclude', '**', 'fixtures/seeds']), /no files matching \*\*\/\*\.txt, \*\*\/\*\.jsonl, \*\*\/\*\.ndjson not excluded by \*\* in fixtures\/seeds; check --exclude, or use --include to choose other files$/);
  });

  it('says to check the --include patterns when they matched nothing, not to use --include (found by a new user)', async () => {
    expectOneLineError(await runCli(['--include', '*.md', 'fixtures/seeds']), /^dedupe: error: no files matching \*\.md in fixtures\/seeds; check the --include patterns$/);
    expect((await runCli(['--include', '*.md', '--exclude', 'x', 'fixtures/seeds'])).stderr).toMatch(/; check --include and --exclude\n$/);
  });
});

describe('--fail-on for CI', () => {
  it('exits 1 when shared paragraphs are found, naming the count on stderr', async () => {
    const result = await runCli(['--quiet', '--fail-on', 'shared', 'fixtures/seeds']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dedupe: --fail-on shared: \d+ paragraphs shared \(5 words or more, boilerplate and repeats left out\) in 4 documents: fixtures\/seeds\/000_2c77c33462164435\.txt, fixtures\/seeds\/001_9df642e36ad14cf8\.txt, fixtures\/seeds\/002_b644d28894aa6977\.txt and 1 more\n$/);
  });

  it('edited includes shared: any reuse fails', async () => {
    expect((await runCli(['-q', '--fail-on', 'edited', SEED.original, SEED.reprintA])).code).toBe(1);
  });

  it('exits 0 when there is nothing to fail on', async () => {
    expect((await runCli(['-q', '--fail-on', 'edited', SEED.unrelated, SEED.original])).code).toBe(0);
  });

  it('ignores short lines and boilerplate: a shared footer alone does not fail a build', async () => {
    const result = await runCli(['-q', '--fail-on', 'edited', 'fixtures/site-footer/bus.txt', 'fixtures/site-footer/chess.txt', 'fixtures/site-footer/orchard.txt']);
    expect(result.code).toBe(0);
  });
});

describe('human output', () => {
  it('--quiet prints only the summary line', async () => {
    const result = await runCli(['--quiet', 'fixtures/seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^5 files, 196 paragraphs \(\d+ shared, \d+ edited, \d+ unique, \d+ boilerplate\), 1 group in \d+\.\d\d s\n$/);
  });

  it('shows the group table and each paragraph with status, best match and preview', async () => {
    const { stdout } = await runCli(['fixtures/seeds']);
    expect(stdout).toMatch(/│\s+1 │ original │ fixtures\/seeds\/002_b644d28894aa6977\.txt │\s+23 │\s+9 │\s+14 │\s+0 │\s+0 │\s+\d+% │/);
    expect(stdout).toMatch(/│\s+- │\s+│ fixtures\/seeds\/004_7a4f2c888cc0ca1e\.txt │\s+42 │\s+0 │\s+0 │\s+38 │\s+4 │\s+0% │/);
    // The best match is the paragraph's relation to its group's original (002), here an edit.
    expect(stdout).toMatch(/\n\s+12  shared\s+002_b644d28894aa6977\.txt:1 0\.84 \+1\s+American and South Korean officials/);
    expect(stdout).toMatch(/\n\s+1  edited\s+000_2c77c33462164435\.txt:12 0\.84 \+1\s+KYIV, Ukraine \(AP\)/);
    expect(stdout).toMatch(/\[repeat of line 1\] Officials Say North/);
    expect(stdout).toMatch(/\n\s+5  boilerplate\s+001_9df642e36ad14cf8\.txt:5 1\.00 \+1\s+\[repeated, artifact\] TT\n/);
  });

  it('colours only when asked or on a terminal: --color, NO_COLOR, FORCE_COLOR', async () => {
    const ansi = /\u001b\[/;
    const args = [SEED.original, SEED.update];
    expect((await runCli(args)).stdout).not.toMatch(ansi); // a pipe, not a terminal
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(args, { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ansi);
    expect((await runCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['--color', ...args], { env: { NO_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(['--no-color', ...args], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['--json', ...args], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
    // In colour as without it, no row ends in spaces (a unique paragraph's row did, inside its colour; found by a new user).
    const coloured = (await runCli([path.join(repoRoot, 'fixtures/seeds')], { env: { FORCE_COLOR: '1', COLUMNS: '80' } })).stdout;
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => / $/.test(line))).toEqual([]);
  });

  it('help lists the options with their defaults and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['--threshold <jaccard>', '(default: 0.5)', '--shingle-size <words>', '(default: 3)', '--num-hashes', '(default: 128)', '--min-words', '--seed', 'Exit codes:', '2  usage or input error']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('says --max-matches changes nothing in the human report, which shows the best match and counts the rest (it said nothing; found by a new user)', async () => {
    const human = await runCli(['--max-matches', '3', SEED.original, SEED.update]);
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('dedupe: warning: --max-matches lists the matches of --json and --ndjson; the human report shows each paragraph\'s best match and counts the others ("+3")\n');
    expect((await runCli(['--max-matches', '3', '--json', SEED.original, SEED.update])).stderr).toBe('');
  });

  it("check's help gives its own default for --max-matches (5, where the scan lists 1)", async () => {
    const check = await runCli(['check', '--help']);
    expect(check.stdout).toMatch(/--max-matches <n> +matches listed per paragraph, 0 for all \(default:\s+5\)/);
    expect((await runCli(['--help'])).stdout).toMatch(/--max-matches <n> +matches listed per paragraph, 0 for all \(default:\s+1\)/);
  });

  it('`dedupe scan` is the same command as `dedupe`', async () => {
    expect((await runCli(['scan', '--json', SEED.original, SEED.update])).stdout).toBe((await runCli(['--json', SEED.original, SEED.update])).stdout);
  });

  it('a reader closing the pipe early (| head) is not an error', async () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${binPath}" fixtures/seeds | head -n 1`], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^5 files/);
    expect(result.stderr).toBe('');
  });

  it('a reader closing the pipe early does not pass a --fail-on gate: the exit status is the gate\'s (found by a new user)', () => {
    // Sixty copies of the seeds: every report is larger than what is written between two turns of
    // the event loop (1 MB), so the closed pipe is noticed while the report is being written.
    const dir = tempDir();
    for (let copy = 0; copy < 60; copy++) {
      for (const seed of Object.values(SEED)) copyFileSync(path.join(repoRoot, seed), path.join(dir, `${copy}-${path.basename(seed)}`));
    }
    const run = (flags: string): ReturnType<typeof spawnSync> =>
      spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${binPath}" ${flags} "${dir}" | head -c 10 > /dev/null`], { cwd: repoRoot, encoding: 'utf8' });
    for (const flags of ['--json', '--ndjson', '']) {
      const gated = run(`--fail-on edited ${flags}`);
      expect(gated.status, `${flags}: ${String(gated.stderr)}`).toBe(1);
      expect(gated.stderr).toMatch(/--fail-on edited: [\d,]+ paragraphs shared or edited \(5 words or more, boilerplate and repeats left out\) in \d+ documents: /);
    }
    expect(run('--json').status).toBe(0);
  });

  it('stops making a report nobody reads: after | head closes the pipe, the rest of the report is not made (no --verbose line after it)', () => {
    // 500 files of 40 lines of made-up words that no other line shares: a JSON report of about
    // 4 MB, many times the megabyte written between two turns of the event loop, when the closed
    // pipe is noticed (so a reader slow to close it on a loaded machine still leaves most unmade).
    const dir = tempDir();
    let state = 7;
    const word = (): string => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state.toString(36).slice(0, 3 + (state % 5));
    };
    for (let f = 0; f < 500; f++) {
      const lines = Array.from({ length: 40 }, () => Array.from({ length: 32 }, word).join(' '));
      writeFileSync(path.join(dir, `f${String(f).padStart(3, '0')}.txt`), `${lines.join('\n\n')}\n`);
    }
    const args = `--verbose --no-progress --json "${dir}"`;
    const whole = spawnSync('sh', ['-c', `"${process.execPath}" "${binPath}" ${args} | wc -c`], { encoding: 'utf8' });
    expect(Number(whole.stdout.trim())).toBeGreaterThan(3_500_000);
    expect(whole.stderr).toMatch(/^dedupe: 500 files, 20,000 paragraphs .*; walk /m);
    const cut = spawnSync('sh', ['-c', `"${process.execPath}" "${binPath}" ${args} | head -c 100 > /dev/null`], { encoding: 'utf8' });
    expect(cut.status).toBe(0);
    expect(cut.stderr).not.toMatch(/; walk /);
    // With --html the page needs the whole report: it is made, and the page written.
    const page = path.join(dir, '..', `page-${path.basename(dir)}.html`);
    const withPage = spawnSync('sh', ['-c', `"${process.execPath}" "${binPath}" --no-progress --html "${page}" "${dir}" | head -c 100 > /dev/null`], { encoding: 'utf8' });
    expect(withPage.status).toBe(0);
    expect(statSync(page).size).toBeGreaterThan(100_000);
  });

  it('--version prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('writes nothing to stdout but the report: warnings go to stderr even with --json', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in/a.txt'), 'One paragraph here.\n');
    writeFileSync(path.join(dir, 'in/b.txt'), Buffer.from([0x41, 0xff, 0x42]));
    const result = await runCli(['--json', dir]);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/b\.txt: not valid UTF-8 \(first bad byte at offset 1\)/);
  });
});
