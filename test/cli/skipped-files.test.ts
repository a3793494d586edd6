/**
 * Nothing is skipped without a word, and the word is the right one: pipes inside a folder,
 * folders that cannot be entered, names that are not UTF-8, files too large to read, and
 * articles with stray NUL bytes (read, not called binary).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { MAX_ARTICLE_BYTES } from '../../src/input/read.js';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const ARTICLE = 'A readable paragraph of several words for the walker.\n';

describe('stray NUL bytes (fixtures/stray-nul)', () => {
  it('reads an article with a few NULs as text, each NUL a space, with a warning; its paragraphs still match', async () => {
    const { report, result } = await runJson<Report>(['fixtures/stray-nul']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'dedupe: warning: fixtures/stray-nul/reprint-with-nuls.txt: 3 NUL bytes (first at offset 68) read as spaces\n',
    );
    const reprint = report.documents.find((d) => d.path.endsWith('reprint-with-nuls.txt'))!;
    expect(reprint.segments.map((s) => s.status)).toEqual(['shared', 'shared', 'shared', 'shared']);
    expect(reprint.segments[1]!.text).toContain('The harbour board voted on Tuesday');
    expect(reprint.segments.some((s) => s.text.includes('\0'))).toBe(false);
    expect(report.warnings.find((w) => w.code === 'nul-bytes')?.path).toBe('fixtures/stray-nul/reprint-with-nuls.txt');
  });

  it('keeps "binary" for a file that is mostly control bytes, even when it decodes as UTF-8', async () => {
    const { report, result } = await runJson<Report>(['fixtures/stray-nul']);
    expect(result.stderr).toMatch(/noise-with-nuls\.txt: binary file, not text \(NUL byte at offset \d+\); skipped\n/);
    expect(report.documents.map((d) => path.basename(d.path))).toEqual(['reprint-with-nuls.txt', 'wire.txt']);
  });

  it('does not count the article read with NULs as skipped', async () => {
    const result = await runCli(['-q', 'fixtures/stray-nul']);
    expect(result.stdout).toMatch(/^2 files read, 1 skipped, /);
  });
});

describe('files the walk used to leave out without a word', () => {
  it('a named pipe inside a scanned folder: a warning, and the run goes on without blocking', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]).status).toBe(0);
    const result = await runCli(['-q', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`dedupe: warning: ${dir}/pipe.txt: not a regular file (a pipe, socket or device); skipped\n`);
    expect(result.stdout).toMatch(/^1 file read, 1 skipped, /);
  });

  it('a socket inside a scanned folder: "not a regular file", not "cannot be read (ENXIO)"', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
    try {
      const result = await runCli(['-q', dir]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`dedupe: warning: ${dir}/socket.txt: not a regular file (a pipe, socket or device); skipped\n`);
      expect(result.stdout).toMatch(/^1 file read, 1 skipped, /);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  describe('a path longer than the system allows', () => {
    let deep: string | undefined;
    // rm -rf works below PATH_MAX (it walks with openat); fs.rmSync would fail with ENAMETOOLONG.
    afterEach(() => {
      if (deep) spawnSync('rm', ['-rf', deep]);
    });

    it('is named in a warning, with its length, instead of its files vanishing', async () => {
      deep = tempDir();
      writeFileSync(path.join(deep, 'ok.txt'), ARTICLE);
      // 20 levels of 250-byte names: about 5,000 bytes, over Linux's PATH_MAX of 4,096.
      const level = 'd'.repeat(250);
      // Relative steps: no call ever names the whole path, which the system would refuse.
      const script = `const fs = require('fs'); for (let i = 0; i < 20; i++) { fs.mkdirSync('${level}'); process.chdir('${level}'); } fs.writeFileSync('lost.txt', ${JSON.stringify(ARTICLE)});`;
      const made = spawnSync(process.execPath, ['-e', script], { cwd: deep });
      expect(made.status, made.stderr.toString()).toBe(0);
      const result = await runCli(['-q', deep]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^dedupe: warning: .*\/d{250}: path is longer than the system allows \(\d+ bytes\); its files were skipped \(move it to a shorter path\)\n$/);
    });
  });

  it('a file name that is not valid UTF-8 is said to be that, not "missing (a broken link)"', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), ARTICLE);
    const result = await runCli(['-q', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `dedupe: warning: ${dir}/caf\ufffd.txt: file name is not valid UTF-8 (shown with \ufffd); skipped (rename it, e.g. with convmv -f latin1 -t utf8)\n`,
    );
    expect(result.stderr).not.toMatch(/missing|broken link/);
  });

  it('a file too large to hold as one text is "too large", not "not valid UTF-8" (and is not read at all)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    // Sparse: 600 MB on paper, nothing on disk. The size is checked before reading.
    const huge = path.join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 600_000_000);
    expect(600_000_000).toBeGreaterThan(MAX_ARTICLE_BYTES);
    const { report, result } = await runJson<Report>([dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/huge\.txt: too large to read as one article \(600\.0 MB; at most 536\.9 MB per file\); skipped \(split it into articles\)\n$/);
    expect(report.warnings.map((w) => w.code)).toEqual(['too-large']);
  });

  it('a folder named like a text file is not read as one', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    mkdirSync(path.join(dir, 'archive.txt'));
    const result = await runCli(['-q', dir]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^1 file, /);
  });
});

describe('a scan gate with a file it could not read', () => {
  it('--fail-on exits 2 and names it, as check does (a gate passes nothing it did not check); without --fail-on the run exits 0', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, a story told in Windows-1252.\n', 'latin1'));
    writeFileSync(path.join(dir, 'new.txt'), 'A local story with enough words to count here.\n');
    const gated = await runCli(['--fail-on', 'edited', '-q', dir]);
    expect(gated.code).toBe(2);
    expect(gated.stderr.split('\n').at(-2)).toBe(
      `dedupe: error: --fail-on edited: 1 article was not read, so not checked: ${path.join(dir, 'latin1.txt')} (see the warnings); fix or remove it and scan again`,
    );
    const plain = await runCli(['-q', dir]);
    expect(plain.code).toBe(0);
  });
});
