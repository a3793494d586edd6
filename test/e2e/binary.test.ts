/**
 * The real binary, spawned as a user runs it: what in-process tests (test/cli) cannot see —
 * the process entry point, its exit status, a closed pipe, the working folder. Most CLI
 * behaviour is tested in-process; these few make sure the built program is the same program.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot, runCli } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

/** The stdout of a golden snapshot (test/golden/snapshots). */
function goldenStdout(name: string): string {
  const text = readFileSync(path.join(repoRoot, 'test/golden/snapshots', name), 'utf8');
  return text.slice(text.indexOf('--- stdout\n') + '--- stdout\n'.length);
}

describe('the built dedupe', () => {
  it('prints the golden report on the seeds, as text and as JSON', () => {
    // The snapshots are made without file times (helpers/in-process.ts): a checkout's say nothing.
    const env = { DEDUPE_FILE_TIMES: '0' };
    const human = runCli(['--no-color', 'fixtures/seeds'], { env });
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('');
    expect(human.stdout.replace(/ in \d+\.\d\d s\n/, ' in 0.00 s\n')).toBe(goldenStdout('scan-seeds.txt'));
    const json = runCli(['--json', 'fixtures/seeds'], { env });
    expect(json.stdout).toBe(goldenStdout('scan-seeds.json'));
  });

  it('exits 1 when --fail-on finds reuse, 2 with one line for a bad path, 0 for --help', () => {
    const found = runCli(['-q', '--fail-on', 'edited', SEED.original, SEED.reprintA]);
    expect(found.code).toBe(1);
    expect(found.stderr).toMatch(/^dedupe: --fail-on edited: \d+ paragraphs found in 2 documents: fixtures\/seeds\/000_2c77c33462164435\.txt and fixtures\/seeds\/002_b644d28894aa6977\.txt\n$/);
    const missing = runCli(['no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dedupe: error: no/such/folder: no such file or folder; check the path\n');
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dedupe \[options\] \[command\] \[paths\.\.\.\]/);
  });

  it('stores documents relative to the folder it runs in, and checks against them from there', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'archive'));
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'archive', 'wire.txt'));
    copyFileSync(path.join(repoRoot, SEED.reprintA), path.join(dir, 'incoming.txt'));
    const add = runCli(['index', 'add', 'archive'], { cwd: dir });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/^added +archive\/wire\.txt \(23 paragraphs\)$/m);
    const check = runCli(['check', '-q', '--fail-on', 'document', 'incoming.txt'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/--fail-on document: 1 article is a copy .*: incoming\.txt \(lines 1-30\)/);
  });

  it.skipIf(!existsSync('/dev/full'))('stdout on a full disk (/dev/full): one line on stderr and exit 2, not a stack trace and exit 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [binPath, 'fixtures/seeds'], { cwd: repoRoot, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('dedupe: error: cannot write to standard output: no space left on device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });

  it('reads the paths find -print0 writes into a pipe (--files-from - -0)', () => {
    const result = spawnSync('sh', ['-c', `find fixtures/seeds -name '*.txt' -print0 | "${process.execPath}" "${binPath}" --json --files-from - -0`], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, DEDUPE_FILE_TIMES: '0' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(goldenStdout('scan-seeds.json'));
  });

  it('loads DuckDB only for the commands that use it (sign, join, report)', () => {
    // DuckDB's native module costs about 0.1 s to load, on every run that imports it.
    const probe = path.join(tempDir(), 'loaded-packages.mjs');
    writeFileSync(
      probe,
      [
        "import { createRequire } from 'node:module';",
        'const cache = createRequire(import.meta.url).cache;',
        "process.on('exit', () => process.stderr.write(`packages: ${Object.keys(cache).filter((k) => k.includes('@duckdb')).length}\\n`));",
      ].join('\n'),
    );
    const loaded = (args: string[]): string => runCli(args, { env: { NODE_OPTIONS: `--import ${probe}` } }).stderr;
    expect(loaded(['--version'])).toBe('packages: 0\n');
    expect(loaded(['-q', 'fixtures/seeds'])).toBe('packages: 0\n');
    const out = path.join(tempDir(), 'signed');
    expect(loaded(['sign', 'fixtures/seeds', '--out', out, '-q'])).toMatch(/packages: [1-9]\d*\n$/);
  });
});

