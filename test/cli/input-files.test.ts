/** Reading real files: line ends, BOM, binary, empty, invalid UTF-8, layouts, symlinks. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { runCli, runJson, type CliResult } from '../helpers/in-process.js';
import { tempDir } from '../helpers/fixtures.js';

function byName(report: Report, name: string) {
  const doc = report.documents.find((d) => d.path.endsWith(`/${name}`) || d.path === name);
  if (!doc) throw new Error(`${name} not in report: ${report.documents.map((d) => d.path).join(', ')}`);
  return doc;
}

describe('line endings', () => {
  let report: Report;
  let result: CliResult;
  beforeAll(async () => ({ report, result } = await runJson<Report>(['fixtures/line-endings'])));

  it('reads CRLF, CR and LF files alike: same paragraphs, same 1-based lines, all shared', async () => {
    expect(result.code).toBe(0);
    const spans = (name: string) => byName(report, name).segments.map((s) => [s.startLine, s.endLine, s.status]);
    expect(spans('crlf.txt')).toEqual(spans('lf.txt'));
    expect(spans('cr.txt')).toEqual(spans('lf.txt'));
    expect(spans('lf.txt')).toEqual([
      [1, 1, 'shared'],
      [3, 3, 'shared'],
      [5, 5, 'shared'],
      [7, 7, 'shared'],
    ]);
    expect(byName(report, 'crlf.txt').segments[1]!.text).not.toContain('\r');
  });
});

describe('byte-order mark', () => {
  it('is stripped, so the first paragraph still matches its copy exactly', async () => {
    const { report } = await runJson<Report>(['fixtures/bom']);
    const first = byName(report, 'with-bom.txt').segments[0]!;
    expect(first.text.startsWith('\ufeff')).toBe(false);
    expect(first.status).toBe('shared');
    expect(first.matches[0]).toMatchObject({ path: 'fixtures/bom/without-bom.txt', status: 'shared', similarity: 1 });
  });
});

describe('bad files next to a good one', () => {
  let report: Report;
  let result: CliResult;
  beforeAll(async () => ({ report, result } = await runJson<Report>(['fixtures/bad-files'])));

  it('warns on stderr, one line per bad file naming it, and goes on (exit 0)', async () => {
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('dedupe: warning: fixtures/bad-files/image.txt: binary file, not text (NUL byte at offset 8); skipped');
    expect(lines[1]).toBe(
      'dedupe: warning: fixtures/bad-files/latin1.txt: not valid UTF-8 (first bad byte at offset 3); skipped (it reads as Windows-1252 or Latin-1; convert it: iconv -f WINDOWS-1252 -t UTF-8 fixtures/bad-files/latin1.txt > fixtures/bad-files/latin1.utf8.txt)',
    );
    // The empty file is read, and listed, but said (a failed download often leaves one).
    expect(lines[2]).toBe('dedupe: warning: fixtures/bad-files/empty.txt: no text (empty or only blank lines); listed with no paragraphs');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps the warnings in the JSON report as data', async () => {
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual([
      ['binary', 'fixtures/bad-files/image.txt'],
      ['invalid-utf8', 'fixtures/bad-files/latin1.txt'],
      ['empty', 'fixtures/bad-files/empty.txt'],
    ]);
  });

  it('counts the empty file, with no paragraphs, and skips non-.txt files', async () => {
    expect(report.documents.map((d) => d.path)).toEqual(['fixtures/bad-files/empty.txt', 'fixtures/bad-files/good.txt']);
    expect(byName(report, 'empty.txt')).toMatchObject({ segments: [], words: 0, reusedShare: 0 });
    expect(report.summary.documents).toBe(2);
  });
});

describe('layouts', () => {
  it('gives one paragraph per line in a file without blank lines between paragraphs', async () => {
    const { report } = await runJson<Report>(['fixtures/one-paragraph-per-line']);
    const library = byName(report, 'library.txt');
    expect(library.layout).toBe('line');
    expect(library.segments.map((s) => [s.startLine, s.endLine])).toEqual([1, 2, 3, 4, 5, 6].map((l) => [l, l]));
    // the copy (blank-line separated, heading and one line dropped) matches line for line
    expect(library.segments.map((s) => s.status)).toEqual(['unique', 'shared', 'shared', 'unique', 'shared', 'shared']);
  });

  it('joins the lines of a hard-wrapped file and starts paragraphs at indented lines', async () => {
    const { report } = await runJson<Report>(['fixtures/hard-wrapped']);
    const wrapped = byName(report, 'harbour-wrapped.txt');
    expect(wrapped.layout).toBe('block');
    expect(wrapped.segments.map((s) => [s.startLine, s.endLine])).toEqual([
      [1, 1],
      [3, 5],
      [6, 8],
      [9, 11],
      [12, 14],
      [15, 17],
    ]);
    // the same story printed one paragraph per line is found across the two layouts
    expect(wrapped.segments.slice(2).map((s) => s.status)).toEqual(['shared', 'shared', 'shared', 'shared']);
    expect(wrapped.segments[1]!.status).toBe('edited');
    expect(wrapped.group).toBe(1);
  });

  it('--segment line overrides the detection', async () => {
    const { report } = await runJson<Report>(['--segment', 'line', 'fixtures/hard-wrapped/harbour-wrapped.txt']);
    expect(report.documents[0]!.layout).toBe('line');
    expect(report.documents[0]!.segments).toHaveLength(16);
  });
});

describe('a footer shared by every page of a site', () => {
  let report: Report;
  beforeAll(async () => ({ report } = await runJson<Report>(['fixtures/site-footer'])));

  it('does not chain unrelated articles into one group, while a real reprint still groups', async () => {
    expect(report.groups.map((g) => g.documents)).toEqual([
      ['fixtures/site-footer/bakery-reprint.txt', 'fixtures/site-footer/bakery.txt'],
    ]);
    for (const name of ['bus.txt', 'chess.txt', 'orchard.txt']) {
      expect(byName(report, name).group).toBeNull();
      expect(byName(report, name).reusedShare).toBe(0);
    }
  });

  it('gives the footer lines status boilerplate (kind footer)', async () => {
    const footer = byName(report, 'bus.txt').segments.filter((s) => s.startLine >= 11);
    expect(footer.map((s) => s.text.slice(0, 12))).toEqual(['Check Also', 'Leave a Repl', 'Your email a', 'Copyright 20']);
    for (const segment of footer) expect(segment).toMatchObject({ status: 'boilerplate', boilerplate: 'footer' });
    expect(byName(report, 'bus.txt').counts).toMatchObject({ boilerplate: 4, shared: 0 });
  });
});

describe('walking folders', () => {
  it('follows a symlink loop only once and reads each real file once', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'a/one.txt'), 'The same paragraph sits in two files of this folder tree.\n');
    writeFileSync(path.join(dir, 'a/b/two.txt'), 'The same paragraph sits in two files of this folder tree.\n');
    symlinkSync('..', path.join(dir, 'a/b/loop'));
    symlinkSync(path.join(dir, 'a/one.txt'), path.join(dir, 'link.txt'));
    const { report, result } = await runJson<Report>([dir]);
    expect(result.code).toBe(0);
    expect(report.documents.map((d) => path.relative(dir, d.path))).toEqual(['a/b/two.txt', 'a/one.txt']);
  });

  it('skips node_modules and dot-folders unless included, and honours --exclude', async () => {
    const dir = tempDir();
    for (const f of ['keep.txt', 'node_modules/pkg/readme.txt', '.git/notes.txt', 'drafts/old.txt']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), `A paragraph of text in ${f} for the walker test.\n`);
    }
    const names = async (args: string[]) => (await runJson<Report>([...args, dir])).report.documents.map((d) => path.relative(dir, d.path));
    expect(await names([])).toEqual(['drafts/old.txt', 'keep.txt']);
    expect(await names(['--exclude', 'drafts/**'])).toEqual(['keep.txt']);
    expect(await names(['--include', '.git/*.txt'])).toEqual(['.git/notes.txt']);
  });

  it('prints the same report whatever order the paths are given in', async () => {
    const forward = await runCli(['--json', 'fixtures/seeds/000_2c77c33462164435.txt', 'fixtures/seeds/002_b644d28894aa6977.txt']);
    const backward = await runCli(['--json', 'fixtures/seeds/002_b644d28894aa6977.txt', 'fixtures/seeds/000_2c77c33462164435.txt']);
    expect(backward.stdout).toBe(forward.stdout);
  });

  it('names UTF-16 text and says how to convert it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'windows.txt'), Buffer.from('\ufeffHello there', 'utf16le'));
    writeFileSync(path.join(dir, 'ok.txt'), 'A readable paragraph.\n');
    const result = await runCli([dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/windows\.txt: UTF-16LE text, not UTF-8; skipped \(convert it: iconv -f UTF-16LE -t UTF-8 \S+\/windows\.txt > \S+\/windows\.utf8\.txt\)\n$/);
  });

  it('names UTF-32 text, with a mark or without, apart from UTF-16, and gives the command that converts it', async () => {
    const dir = tempDir();
    const utf32 = (text: string, littleEndian: boolean): Buffer => {
      const bytes = Buffer.alloc(text.length * 4);
      [...text].forEach((c, i) => (littleEndian ? bytes.writeUInt32LE(c.codePointAt(0)!, i * 4) : bytes.writeUInt32BE(c.codePointAt(0)!, i * 4)));
      return bytes;
    };
    writeFileSync(path.join(dir, 'le-marked.txt'), utf32('\ufeffA paragraph exported as UTF-32.\n', true));
    writeFileSync(path.join(dir, 'be-marked.txt'), utf32('\ufeffA paragraph exported as UTF-32.\n', false));
    writeFileSync(path.join(dir, 'le-bare.txt'), utf32('A paragraph exported as UTF-32 with no mark.\n', true));
    writeFileSync(path.join(dir, 'ok.txt'), 'A readable paragraph.\n');
    const result = await runCli(['-q', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/le-marked\.txt: UTF-32LE text, not UTF-8; skipped \(convert it: iconv -f UTF-32LE -t UTF-8 /);
    expect(result.stderr).toMatch(/be-marked\.txt: UTF-32BE text, not UTF-8; skipped \(convert it: iconv -f UTF-32BE -t UTF-8 /);
    expect(result.stderr).toMatch(/le-bare\.txt: UTF-32LE text without a byte-order mark, not UTF-8; skipped \(convert it: iconv -f UTF-32LE -t UTF-8 /);
    // The command given converts the file (iconv keeps the mark as U+FEFF, which the reader drops).
    const converted = spawnSync('iconv', ['-f', 'UTF-32LE', '-t', 'UTF-8', path.join(dir, 'le-bare.txt')], { encoding: 'utf8' });
    if (converted.status === 0) expect(converted.stdout).toBe('A paragraph exported as UTF-32 with no mark.\n');
  });

  it('skips a named pipe, a broken link and UTF-16 without a mark, each with a warning, and counts them', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.txt'), 'A readable paragraph of several words.\n');
    symlinkSync('nowhere.txt', path.join(dir, 'broken.txt'));
    writeFileSync(path.join(dir, 'u16.txt'), Buffer.from('Plain text in UTF-16 without a mark.', 'utf16le'));
    const fifo = path.join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const result = await runCli(['-q', dir, fifo]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 file read, 3 skipped, /);
    expect(result.stderr).toMatch(/broken\.txt: missing \(a broken link, or deleted during the run\); skipped/);
    expect(result.stderr).toMatch(/u16\.txt: UTF-16LE text without a byte-order mark, not UTF-8; skipped \(convert it: iconv -f UTF-16LE -t UTF-8 \S+\/u16\.txt > \S+\/u16\.utf8\.txt\)/);
    expect(result.stderr).toMatch(/pipe\.txt: not a regular file \(a pipe, socket or device\); skipped/);
  });
});
