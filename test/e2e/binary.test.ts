/**
 * The real binary, spawned as a user runs it: what in-process tests (test/cli) cannot see —
 * the process entry point, its exit status, a closed pipe, the working folder. Most CLI
 * behaviour is tested in-process; these few make sure the built program is the same program.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, mkdirSync, copyFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    expect(found.stderr).toMatch(/^dedupe: --fail-on edited: \d+ paragraphs shared or edited \(5 words or more, boilerplate and repeats left out\) in 2 documents: fixtures\/seeds\/000_2c77c33462164435\.txt and fixtures\/seeds\/002_b644d28894aa6977\.txt\n$/);
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


describe('the built dedupe writes --html safely (found in review)', () => {
  const seeds = path.join(repoRoot, 'fixtures/seeds');
  const sh = (script: string, cwd: string): { code: number | null; stdout: string; stderr: string } => {
    const result = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, DEDUPE_FILE_TIMES: '0' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const dedupe = `"${process.execPath}" "${binPath}"`;

  it('a write that fails partway (a file size limit) leaves the earlier report whole, and no partial file', () => {
    const dir = tempDir();
    expect(sh(`${dedupe} -q --html r.html "${path.join(seeds, '002_b644d28894aa6977.txt')}"`, dir).code).toBe(0);
    const earlier = readFileSync(path.join(dir, 'r.html'), 'utf8');
    // 20 blocks of 512 bytes: the seeds' page is larger, so the write fails with EFBIG.
    const failed = sh(`ulimit -f 20; exec ${dedupe} -q --html r.html "${seeds}"`, dir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/--html r\.html: cannot write it: file too large \(EFBIG\)/);
    expect(readFileSync(path.join(dir, 'r.html'), 'utf8')).toBe(earlier);
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('/dev/stdout appended to a log is written as it is, after the summary', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'log.txt'), 'earlier lines\n');
    const result = sh(`${dedupe} -q --html /dev/stdout "${seeds}" >> log.txt`, dir);
    expect(result.code, result.stderr).toBe(0);
    const log = readFileSync(path.join(dir, 'log.txt'), 'utf8');
    expect(log.startsWith('earlier lines\n5 files, 196 paragraphs')).toBe(true);
    expect(log).toContain('<!DOCTYPE html>');
  });

  // Needs another user than root's: run where the tests run as root and setpriv is there (CI here).
  const asNobody = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v setpriv']).status === 0;
  it.runIf(asNobody)('a report it may write, in a folder where it may create nothing, is written in place', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'ro'));
    expect(sh(`${dedupe} -q --html ro/r.html "${seeds}"`, dir).code).toBe(0);
    const before = readFileSync(path.join(dir, 'ro/r.html'), 'utf8');
    spawnSync('chown', ['nobody', path.join(dir, 'ro/r.html')]);
    chmodSync(path.join(dir, 'ro'), 0o755);
    chmodSync(dir, 0o755);
    const one = path.join(seeds, '002_b644d28894aa6977.txt');
    const result = sh(`setpriv --reuid=nobody --regid=nogroup --clear-groups ${dedupe} -q --html ro/r.html "${one}"`, dir);
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(path.join(dir, 'ro/r.html'), 'utf8');
    expect(after).not.toBe(before);
    expect(after.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it.runIf(asNobody)("root replacing another user's report leaves it theirs", () => {
    const dir = tempDir();
    expect(sh(`${dedupe} -q --html r.html "${seeds}"`, dir).code).toBe(0);
    spawnSync('chown', ['nobody', path.join(dir, 'r.html')]);
    const owner = statSync(path.join(dir, 'r.html')).uid;
    expect(owner).not.toBe(0);
    expect(sh(`${dedupe} -q --html r.html "${path.join(seeds, '002_b644d28894aa6977.txt')}"`, dir).code).toBe(0);
    expect(statSync(path.join(dir, 'r.html')).uid).toBe(owner);
  });

  it('through a link that points at nothing yet, the file it names is written and the link stays', () => {
    const dir = tempDir();
    symlinkSync('missing.html', path.join(dir, 'latest.html'));
    expect(sh(`${dedupe} -q --html latest.html "${seeds}"`, dir).code).toBe(0);
    expect(lstatSync(path.join(dir, 'latest.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'missing.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });
});
