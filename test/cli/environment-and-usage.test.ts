/**
 * What a new user tripped over (session 5's trial): DEDUPE_* variables taken silently whatever
 * their value and missing from --help, an empty file listed without a word, a missing argument
 * named without the command's usage, and a lone unreadable file not named in the error.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { repoRoot } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess as runCli, runJson } from '../helpers/in-process.js';
import { oneLineError } from '../helpers/errors.js';

/** The DEDUPE_* names the CLI's code mentions (src/cli, its help text left out): the ones it reads. */
function variablesRead(): string[] {
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? files(path.join(d, n)) : [path.join(d, n)]));
  const names = new Set<string>();
  for (const file of files(path.join(repoRoot, 'src/cli'))) {
    if (path.basename(file) === 'help.ts') continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/DEDUPE_[A-Z_]+/g)) names.add(m[0]);
  }
  return [...names].sort();
}

describe('environment variables', () => {
  it('an invalid value is a one-line usage error naming the variable, exit 2', async () => {
    expect(oneLineError(await runCli(['-q', SEED.original], { env: { DEDUPE_THREADS: 'tow' } }))).toBe("dedupe: error: DEDUPE_THREADS must be a whole number from 1, got 'tow'");
    expect(oneLineError(await runCli(['-q', SEED.original], { env: { DEDUPE_THREADS: '0' } }))).toBe("dedupe: error: DEDUPE_THREADS must be a whole number from 1, got '0'");
    expect(oneLineError(await runCli(['-q', SEED.original], { env: { DEDUPE_THREADS: ' 2' } }))).toBe("dedupe: error: DEDUPE_THREADS must be a whole number from 1, got ' 2'");
    expect(oneLineError(await runCli(['-q', SEED.original], { env: { DEDUPE_REWORDING: 'no' } }))).toBe("dedupe: error: DEDUPE_REWORDING must be 0 or 1, got 'no'");
    expect(oneLineError(await runCli(['index', 'add', '--db', path.join(tempDir(), 'i.db'), SEED.original], { env: { DEDUPE_FILE_TIMES: 'off' } }))).toBe(
      "dedupe: error: DEDUPE_FILE_TIMES must be 0 or 1, got 'off'",
    );
    // Every command checks all three, whichever it reads: check always runs the rewrite stage.
    expect(oneLineError(await runCli(['check', '--db', path.join(tempDir(), 'i.db'), SEED.original], { env: { DEDUPE_REWORDING: '2' } }))).toBe(
      "dedupe: error: DEDUPE_REWORDING must be 0 or 1, got '2'",
    );
    expect(oneLineError(await runCli(['join', tempDir(), '--threads', '1'], { env: { DEDUPE_THREADS: 'x' } }))).toBe("dedupe: error: DEDUPE_THREADS must be a whole number from 1, got 'x'");
  });

  it('the values each takes run as before: 1, 0, a thread count, empty as unset', async () => {
    for (const env of [{ DEDUPE_THREADS: '2' }, { DEDUPE_THREADS: '' }, { DEDUPE_REWORDING: '1', DEDUPE_FILE_TIMES: '1' }, { DEDUPE_REWORDING: '0' }]) {
      const result = await runCli(['-q', SEED.original], { env });
      expect([result.code, result.stderr]).toEqual([0, '']);
    }
  });

  it("--help lists every one the CLI reads, and so does each command's help that reads them", async () => {
    for (const command of [['check'], ['index', 'add'], ['sign'], ['join'], ['report']]) {
      expect((await runCli([...command, '--help'])).stdout).toMatch(/^Environment:\n {2}DEDUPE_THREADS /m);
    }
    const help = (await runCli(['--help'])).stdout;
    const section = help.slice(help.indexOf('Environment:'), help.indexOf('Exit codes:'));
    expect(variablesRead()).toEqual(['DEDUPE_FILE_TIMES', 'DEDUPE_REWORDING', 'DEDUPE_THREADS']);
    for (const name of variablesRead()) expect(section).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(88);
  });

  it('--help explains the markers of the human report: +n, ~ and the confidence', async () => {
    const help = (await runCli(['--help'])).stdout;
    const section = help.slice(help.indexOf('Reading the report:'), help.indexOf('Input:'));
    expect(section).toMatch(/\+n when\s+n more paragraphs match/);
    expect(section).toMatch(/~0\.62: a reworded match/);
    expect(section).toMatch(/confidence 0\.73/);
    expect(section).toMatch(/roles {4}original; version .*reprint .*copy/s);
    expect(section).toMatch(/\[repeated\], \[repeat of line 3\]/);
    expect(section).toMatch(/\[template fill, links\s+nothing\]/);
    expect(section).toMatch(/whatever --threshold says/);
    // The markers it explains are the ones the report prints.
    const seeds = (await runCli(['--no-color', 'fixtures/seeds'])).stdout;
    expect(seeds).toMatch(/\.txt:\d+ \d\.\d\d \+\d/);
    expect(seeds).toMatch(/\(confidence 0\.\d\d: /);
    expect((await runCli(['--no-color', 'fixtures/reworded-reprint'])).stdout).toMatch(/\.txt:\d+ ~0\.\d\d/);
  });

  it('--verbose says when the rewrite stage was left out', async () => {
    const off = await runCli(['-q', '--verbose', SEED.original], { env: { DEDUPE_REWORDING: '0' } });
    expect(off.stderr).toMatch(/rewrite 0 ms, .* \(rewrite off: --no-reworded, --reworded off or DEDUPE_REWORDING=0\)\n$/);
    expect((await runCli(['-q', '--verbose', SEED.original])).stderr).not.toMatch(/rewrite off/);
  });

  it('--no-reworded leaves reworded paragraphs out of the group lines too (they still counted them; found by a new user)', async () => {
    const edited = (stdout: string): number => Number(/version +\S*003_\S+ +keeps \d+% of the original; \d+ same, (\d+) changed/.exec(stdout)![1]);
    const on = edited((await runCli(['--no-color', 'fixtures/seeds'])).stdout);
    const off = edited((await runCli(['--no-color', '--no-reworded', 'fixtures/seeds'])).stdout);
    expect(off).toBeLessThan(on);
  });
});

describe('an empty file', () => {
  it('is listed with no paragraphs and a warning (stderr and the JSON), not silently', async () => {
    const human = await runCli(['--no-color', 'fixtures/bad-files/empty.txt', 'fixtures/bad-files/good.txt']);
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('dedupe: warning: fixtures/bad-files/empty.txt: no text (empty or only blank lines); listed with no paragraphs\n');
    const { report } = await runJson<Report>(['fixtures/bad-files/empty.txt', 'fixtures/bad-files/good.txt']);
    expect(report.warnings).toEqual([{ code: 'empty', path: 'fixtures/bad-files/empty.txt', message: 'fixtures/bad-files/empty.txt: no text (empty or only blank lines); listed with no paragraphs' }]);
    expect(report.documents.map((d) => [d.path, d.segments.length])).toEqual([
      ['fixtures/bad-files/empty.txt', 0],
      ['fixtures/bad-files/good.txt', 3],
    ]);
  });

  it('index add stores it with a warning too, once (an unchanged re-add says nothing)', async () => {
    const db = path.join(tempDir(), 'index.db');
    const first = await runCli(['index', 'add', '--db', db, 'fixtures/bad-files/empty.txt']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('dedupe: warning: fixtures/bad-files/empty.txt: no text (empty or only blank lines); stored with no paragraphs\n');
    expect((await runCli(['index', 'add', '--db', db, 'fixtures/bad-files/empty.txt'])).stderr).toBe('');
  });

  it('check --add says it once (its scan), not again as it stores it', async () => {
    const db = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '-q', '--db', db, SEED.original])).code).toBe(0);
    const added = await runCli(['check', '--add', '-q', '--db', db, 'fixtures/bad-files/empty.txt']);
    expect(added.stderr.match(/no text/g)).toHaveLength(1);
    expect(added.stderr).toContain('dedupe: warning: fixtures/bad-files/empty.txt: no text (empty or only blank lines); listed with no paragraphs\n');
    expect(added.stderr).toContain('--add: 1 added');
  });

  it('blank lines only count as empty too', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'blank.txt'), '\n   \n\t\n');
    expect((await runCli(['-q', dir])).stderr).toMatch(/blank\.txt: no text \(empty or only blank lines\); listed with no paragraphs\n$/);
  });
});

describe('a missing argument', () => {
  it("names the command's usage on the same line", async () => {
    expect(oneLineError(await runCli(['diff', SEED.original]))).toBe("dedupe: error: missing required argument 'to' (usage: dedupe diff [options] <from> <to>)");
    expect(oneLineError(await runCli(['join']))).toBe("dedupe: error: missing required argument 'dir' (usage: dedupe join [options] <dir>)");
    expect(oneLineError(await runCli(['index', 'remove']))).toBe("dedupe: error: missing required argument 'paths' (usage: dedupe index remove [options] <paths...>)");
  });

  it('and so does one too many (found by a new user)', async () => {
    expect(oneLineError(await runCli(['diff', SEED.original, SEED.original, SEED.update]))).toBe(
      "dedupe: error: too many arguments for 'diff'. Expected 2 arguments but got 3. (usage: dedupe diff [options] <from> <to>)",
    );
  });
});

describe('index add with a verification threshold other than the index', () => {
  it('says the index keeps its own (check takes one per run), instead of ignoring it silently', async () => {
    const db = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '-q', '--db', db, '--threshold', '0.6', SEED.original])).stderr).toBe('');
    const other = await runCli(['index', 'add', '-q', '--db', db, '--threshold', '0.7', SEED.update]);
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(`dedupe: warning: --threshold 0.7 is not stored: ${db} keeps 0.6 (dedupe check takes --threshold per run)\n`);
    expect((await runCli(['index', 'add', '-q', '--db', db, '--threshold', '0.6', SEED.unrelated])).stderr).toBe('');
  });
});

describe('DEDUPE_REWORDING=0 in check', () => {
  it('leaves reworded paragraphs out as --no-reworded does, and --verbose says so', async () => {
    const db = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '-q', '--db', db, 'fixtures/reworded-reprint/rewrite.txt'])).code).toBe(0);
    const off = await runCli(['check', '-q', '--verbose', '--db', db, 'fixtures/reworded-reprint/wire.txt'], { env: { DEDUPE_REWORDING: '0' } });
    expect(off.stdout).toMatch(/\(0 shared, 0 edited, 7 unique/);
    expect(off.stderr).toMatch(/\(rewrite off: --no-reworded, --reworded off or DEDUPE_REWORDING=0\)\n$/);
    expect((await runCli(['check', '-q', '--db', db, 'fixtures/reworded-reprint/wire.txt'])).stdout).toMatch(/\(0 shared, 7 edited, 0 unique/);
  });
});


describe('flags of the human report given with --json or --ndjson', () => {
  it('are named on stderr, once, and the JSON is the whole report as without them', async () => {
    const plain = await runCli(['--json', 'fixtures/seeds']);
    const shaped = await runCli(['--json', '--only', 'reused', '--top', '1', '--diff', 'fixtures/seeds']);
    expect(shaped.code).toBe(0);
    expect(shaped.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    expect(shaped.stderr).toBe(
      'dedupe: warning: --top, --only and --diff shape the human report only; --json writes every document and its word operations (select with jq: see "JSON report" in the README)\n',
    );
    const ndjson = await runCli(['--ndjson', '--top', '2', 'fixtures/seeds']);
    expect(ndjson.stderr).toMatch(/^dedupe: warning: --top shapes the human report only; --ndjson writes/);
    // --top 0 shows all, as the JSON does: nothing to say.
    expect((await runCli(['--json', '--top', '0', 'fixtures/seeds'])).stderr).toBe('');
  });

  it('are named by check too, once the input was read; a run that fails says only why', async () => {
    const db = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '--db', db, SEED.original])).code).toBe(0);
    const checked = await runCli(['check', '--db', db, '--json', '--only', 'reused', SEED.reprintA]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toMatch(/^dedupe: warning: --only shapes the human report only; --json writes every document/);
    const failed = await runCli(['check', '--db', db, '--json', '--only', 'reused', 'no-such-file.txt']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).not.toContain('warning');
  });

  it('say nothing when a config file sets them (they serve its human reports) or without --json', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ top: 1, only: 'reused' }));
    const configured = await runCli(['--json', path.join(repoRoot, 'fixtures/seeds')], { cwd: dir });
    expect(configured.code).toBe(0);
    expect(configured.stderr).toBe('');
    const human = await runCli(['--top', '1', '--no-color', 'fixtures/seeds']);
    expect(human.stderr).toBe('');
  });
});
