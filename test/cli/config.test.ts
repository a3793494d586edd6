/**
 * The config file: .dedupe.json or a "dedupe" key in package.json, found from the current
 * folder upward, or --config <file>; --no-config; flags win; bad keys and values are one line
 * naming the file (exit 2).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';
import { readReport } from '../helpers/report.js';
import { fromConfigFolder } from '../../src/cli/config.js';

/** A folder with two seed articles in `in/` and the given config files. */
function project(files: Record<string, unknown>): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'in'));
  copyFileSync(SEED.original, path.join(root, 'in/a.txt'));
  copyFileSync(SEED.reprintA, path.join(root, 'in/b.txt'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

async function options(argv: string[], cwd: string): Promise<Report['options']> {
  const result = await runInProcess([...argv, '--json'], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return readReport<Report>(result.stdout).options;
}

function oneLine(result: { code: number; stderr: string; stdout: string }): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  return result.stderr.trimEnd();
}

describe('finding the config', () => {
  it('reads .dedupe.json in the current folder', async () => {
    const root = project({ '.dedupe.json': { minWords: 8, threshold: 0.6 } });
    expect(await options(['in'], root)).toMatchObject({ minWords: 8, threshold: 0.6 });
  });

  it('finds it in a folder above, and reads the "dedupe" key of a package.json (skipping one without it)', async () => {
    const root = project({ '.dedupe.json': { minWords: 8 }, 'sub/package.json': { name: 'x' } });
    expect(await options(['../in'], path.join(root, 'sub'))).toMatchObject({ minWords: 8 });
    writeFileSync(path.join(root, 'sub/package.json'), JSON.stringify({ name: 'x', dedupe: { minWords: 3 } }));
    expect(await options(['../in'], path.join(root, 'sub'))).toMatchObject({ minWords: 3 });
  });

  it('--config <file> reads that file instead; --no-config reads none', async () => {
    const root = project({ '.dedupe.json': { minWords: 8 }, 'settings/strict.json': { threshold: 0.7 } });
    expect(await options(['--config', 'settings/strict.json', 'in'], root)).toMatchObject({ minWords: 5, threshold: 0.7 });
    expect(await options(['--no-config', 'in'], root)).toMatchObject({ minWords: 5, threshold: 0.5 });
  });

  it('--verbose says which file it read, and when it is empty', async () => {
    const root = project({ '.dedupe.json': { minWords: 8 } });
    const result = await runInProcess(['-q', '--verbose', 'in'], { cwd: root });
    expect(result.stderr.split('\n')[0]).toBe('dedupe: config: .dedupe.json');
    writeFileSync(path.join(root, '.dedupe.json'), '');
    const empty = await runInProcess(['-q', '--verbose', 'in'], { cwd: root });
    expect(empty.code).toBe(0);
    expect(empty.stderr.split('\n')[0]).toBe('dedupe: config: .dedupe.json (empty: no options set)');
    // The nearest file applies, empty or not: not one further up.
    writeFileSync(path.join(root, '.dedupe.json'), JSON.stringify({ minWords: 8 }));
    mkdirSync(path.join(root, 'sub'));
    writeFileSync(path.join(root, 'sub/.dedupe.json'), '\n');
    expect(await options(['../in'], path.join(root, 'sub'))).toMatchObject({ minWords: 5 });
  });
});

describe('what the config sets', () => {
  it('flags on the command line win over the file, including --include over include', async () => {
    const root = project({ '.dedupe.json': { minWords: 8, include: ['**/*.md'] } });
    writeFileSync(path.join(root, 'in/notes.md'), 'A paragraph in a markdown file, long enough to count.\n');
    expect(await options(['--min-words', '6', '--include', '**/*.txt', 'in'], root)).toMatchObject({ minWords: 6 });
    const fromFile = await runInProcess(['--json', 'in'], { cwd: root });
    expect(readReport<Report>(fromFile.stdout).documents.map((d) => d.path)).toEqual(['in/notes.md']);
  });

  it('a section named after a command applies to it alone, over the top level', async () => {
    const root = project({ '.dedupe.json': { failOn: 'edited', check: { failOn: 'document' } } });
    expect((await runInProcess(['-q', 'in'], { cwd: root })).stderr).toMatch(/^dedupe: --fail-on edited: \d+ paragraphs shared or edited \(5 words or more, boilerplate and repeats left out\) in .+\n$/);
    expect((await runInProcess(['index', 'add', '-q', 'in/a.txt'], { cwd: root })).code).toBe(0);
    const check = await runInProcess(['check', '-q', 'in/b.txt'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/--fail-on document: 1 article is a copy/);
  });

  it('db is read relative to the config file, so a run from a sub-folder uses the same index', async () => {
    const root = project({ '.dedupe.json': { db: 'store/index.db' } });
    mkdirSync(path.join(root, 'store'));
    mkdirSync(path.join(root, 'sub'));
    expect((await runInProcess(['index', 'add', '-q', '../in/a.txt'], { cwd: path.join(root, 'sub') })).code).toBe(0);
    expect(existsSync(path.join(root, 'store/index.db'))).toBe(true);
    expect((await runInProcess(['index', 'stats', '--json'], { cwd: root })).stdout).toMatch(/"documents":1/);
  });

  it('include and exclude patterns with a folder name files from the config\'s folder, as db does; patterns of names alone are kept (found by a new user)', async () => {
    const root = project({ '.dedupe.json': { exclude: ['in/b.txt'] }, 'sub/notes.txt': 'A note.' });
    const fromSub = await runInProcess(['-q', '../in'], { cwd: path.join(root, 'sub') });
    expect(fromSub.stderr).toBe('');
    expect(fromSub.stdout).toMatch(/^1 file, /);
    expect((await runInProcess(['-q', 'in'], { cwd: root })).stdout).toMatch(/^1 file, /);
    expect(fromConfigFolder('in/b.txt', '/p', '/p/sub')).toBe('../in/b.txt');
    expect(fromConfigFolder('!./in/b.txt', '/p', '/p')).toBe('!in/b.txt');
    for (const kept of ['*.md', '**/drafts/**', '/abs/x.txt']) expect(fromConfigFolder(kept, '/p', '/p/sub')).toBe(kept);
  });

  it("a signing parameter the index disagrees with is blamed on the config file it came from, not on the command line", async () => {
    const root = project({});
    expect((await runInProcess(['index', 'add', '-q', 'in/a.txt'], { cwd: root })).code).toBe(0);
    writeFileSync(path.join(root, '.dedupe.json'), JSON.stringify({ minWords: 6 }));
    expect(oneLine(await runInProcess(['check', 'in/b.txt'], { cwd: root }))).toBe(
      "dedupe: error: .dedupe/index.db was built with --min-words 5, but .dedupe.json sets minWords 6; leave it out to use the index's value, or build a separate index (--db) with it",
    );
    expect(oneLine(await runInProcess(['check', '--no-config', '--min-words', '7', 'in/b.txt'], { cwd: root }))).toMatch(/but this run asks for --min-words 7; leave the option out/);
    // A threshold whose banding differs is named with the file too.
    writeFileSync(path.join(root, '.dedupe.json'), JSON.stringify({ threshold: 0.2 }));
    expect(oneLine(await runInProcess(['check', 'in/b.txt'], { cwd: root }))).toMatch(/^dedupe: error: --threshold 0\.2 --containment 0\.8 \(set in \.dedupe\.json\) needs LSH banding/);
  });
});

describe('a bad config: one line naming the file, exit 2', () => {
  it('an option of one run in a config file is said to be one, not an unknown key (found by a new user)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ json: true, check: { add: true } }));
    const result = await runInProcess(['-q', path.resolve('fixtures/seeds')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dedupe: error: .dedupe.json: "json" is an option of one run, not a config key: give it on the command line; "check": "add" is an option of one run, not a config key: give it on the command line\n',
    );
  });

  it('unknown keys (with a suggestion), wrong types and a key that does not apply, all at once', async () => {
    const root = project({ '.dedupe.json': { treshold: 0.6, minWords: '8', include: 3, diff: { db: 'x.db' } } });
    expect(oneLine(await runInProcess(['in'], { cwd: root }))).toBe(
      'dedupe: error: .dedupe.json: unknown key "treshold" (did you mean threshold?); minWords must be a number, got "8"; ' +
        'include must be a glob or a list of globs, got 3; "diff": db does not apply to dedupe diff',
    );
  });

  it('values out of range, with the same rules as flags, and beside bad flags', async () => {
    const root = project({ '.dedupe.json': { threshold: 2, segment: 'pages', failOn: 'document' } });
    expect(oneLine(await runInProcess(['--shingle-size', 'x', 'in'], { cwd: root }))).toBe(
      "dedupe: error: --shingle-size must be a number, got 'x'; .dedupe.json: segment must be one of auto, line, block, got 'pages'; " +
        ".dedupe.json: threshold must be between 0.01 and 1, got 2; .dedupe.json: failOn must be one of shared, edited, got 'document' (document is for dedupe check: an incoming article copied from the index)",
    );
  });

  it('a JSON syntax error is placed by line and column, as an editor shows it, not by character position', async () => {
    const root = project({ '.dedupe.json': '{\n  "threshold": 0.5,\n  "minWords": 3,,\n}\n' });
    expect(oneLine(await runInProcess(['in'], { cwd: root }))).toMatch(/^dedupe: error: \.dedupe\.json: not valid JSON \(.+ at line 3, column 17\); fix the file/);
  });

  it('not JSON, or not an object', async () => {
    const root = project({ '.dedupe.json': '{"threshold": ' });
    // Named as found, relative to the current folder, as every other config problem is.
    expect(oneLine(await runInProcess(['in'], { cwd: root }))).toMatch(/^dedupe: error: \.dedupe\.json: not valid JSON \(.+\); fix the file, or run with --no-config$/);
    writeFileSync(path.join(root, '.dedupe.json'), '[1, 2]');
    expect(oneLine(await runInProcess(['in'], { cwd: root }))).toMatch(/^dedupe: error: \.dedupe\.json: the config must be a JSON object of options/);
    expect(oneLine(await runInProcess(['--config', '.dedupe.json', 'in'], { cwd: root }))).toMatch(/^dedupe: error: \.dedupe\.json: the config must be/);
    // From a sub-folder, the file above is named by its absolute path.
    mkdirSync(path.join(root, 'sub'));
    expect(oneLine(await runInProcess(['../in'], { cwd: path.join(root, 'sub') }))).toMatch(
      new RegExp(`^dedupe: error: ${path.join(root, '.dedupe.json')}: the config must be`),
    );
  });

  it('suggests only close keys', async () => {
    const root = project({ '.dedupe.json': { check: { foo: 1 }, colour: true } });
    expect(oneLine(await runInProcess(['in'], { cwd: root }))).toBe(
      'dedupe: error: .dedupe.json: unknown key "colour" (did you mean color?); "check": unknown key "foo" ' +
        '(keys are long option names in camelCase, such as minWords for --min-words)',
    );
  });

  it('--config of a missing file, or of a script (never run)', async () => {
    const root = project({ 'setup.js': `require('fs').writeFileSync(${JSON.stringify('ran')}, 'yes');` });
    expect(oneLine(await runInProcess(['--config', 'missing.json', 'in'], { cwd: root }))).toBe('dedupe: error: --config missing.json: no such file; check the path');
    expect(oneLine(await runInProcess(['--config', 'setup.js', 'in'], { cwd: root }))).toMatch(/setup\.js: a config file is JSON/);
    expect(existsSync(path.join(root, 'ran'))).toBe(false);
  });
});

describe('an index path from a config file', () => {
  it('a missing folder says to change "db" in the config, not to give another --db (a new user was told the flag they never gave)', async () => {
    const root = project({ '.dedupe.json': '{"db": "idx/index.db"}' });
    const result = await runInProcess(['index', 'add', 'in'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dedupe: error: idx/index.db: folder idx does not exist; create it first, or change "db" in .dedupe.json\n');
  });

  it('every index command says so: a folder given as the index, a file that is no index', async () => {
    const root = project({ '.dedupe.json': '{"db": "in"}' });
    for (const args of [['index', 'stats'], ['index', 'remove', 'x.txt'], ['check', 'in']]) {
      expect((await runInProcess(args, { cwd: root })).stderr, args.join(' ')).toBe(`dedupe: error: in is a folder; "db" in .dedupe.json takes the index's file name, e.g. in/index.db\n`);
    }
    writeFileSync(path.join(root, 'notes.txt'), 'hello\n');
    writeFileSync(path.join(root, '.dedupe.json'), '{"db": "notes.txt"}');
    expect((await runInProcess(['index', 'stats'], { cwd: root })).stderr).toMatch(/; change "db" in \.dedupe\.json, the file was not changed\n$/);
  });

  it('no index there yet: the command to build it reads the config, not a --db that would store paths from elsewhere (a new user followed that advice)', async () => {
    const root = project({ '.dedupe.json': '{"db": "idx/index.db"}' });
    mkdirSync(path.join(root, 'idx'));
    expect((await runInProcess(['index', 'stats'], { cwd: root })).stderr).toBe(
      'dedupe: error: idx/index.db: no index there; build one first with dedupe index add <paths> (it reads "db" from .dedupe.json)\n',
    );
  });
});
