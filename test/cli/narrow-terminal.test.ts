/**
 * Every line of the human reports fits the terminal (issue 12's verification: at 60 columns
 * the "compact" table was 80 wide and paragraph rows 90-108; at 80, 40 lines were too wide),
 * and COLUMNS gives the width when stdout does not (a terminal that says 0x0, a pipe).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess, type InProcessOptions } from '../helpers/in-process.js';

const WIDTHS = [40, 60, 80, 120];

/** Columns a line takes: colour codes left out; the fixtures hold no wide (CJK) characters. */
function columns(line: string): number {
  return [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function tooWide(stdout: string, width: number): string[] {
  return stdout.split('\n').filter((line) => columns(line) > width);
}

/** Paragraph rows of the documents' maps: line span and status, in order. */
function paragraphRows(stdout: string): string[] {
  const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/^ {2,}(\d+(?:-\d+)?) {2}(shared|edited|unique|boilerplate)\b/gm)].map((m) => `${m[1]} ${m[2]}`);
}

const RUNS: string[][] = [
  ['fixtures/seeds'],
  ['--diff', 'fixtures/seeds'],
  ['--top', '1', '--only', 'reused', 'fixtures/bom', 'fixtures/seeds'],
  ['-q', 'fixtures/seeds'],
  ['fixtures/site-footer', 'fixtures/bad-files', 'fixtures/hard-wrapped', 'fixtures/jsonl', 'fixtures/stray-nul'],
  ['diff', SEED.original, SEED.update],
  ['diff', '--context', '0', SEED.original, SEED.reprintA],
];

describe('on a terminal of 40, 60, 80 and 120 columns', () => {
  it.each(WIDTHS)('no line of the report is wider than %i columns, in colour or not', async (width) => {
    for (const args of RUNS) {
      for (const color of ['--no-color', '--color']) {
        const result = await runInProcess([...args, color], { isTTY: true, columns: width });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        expect(tooWide(result.stdout, width), `${color} ${args.join(' ')}`).toEqual([]);
      }
    }
  });

  it.each(WIDTHS)('at %i columns the boilerplate and repeated-lines headings count what the JSON counts, not printed lines', async (width) => {
    // A stranger's run found "Repeated lines (10)" beside the JSON's 28 repeats, and on a
    // narrow terminal, where an entry takes two lines, the headings counted twice as many.
    // A page scraped twice: its first copy heads the list of each repeated text but is no repeat (a reviewer's find: 20 paragraphs beside the JSON's 10).
    for (const [folder, texts] of [['fixtures/seeds', 10], ['fixtures/page-scraped-twice', 10]] as const) {
      const json = JSON.parse((await runInProcess(['--json', folder])).stdout) as { summary: { boilerplate: number; repeats: number } };
      const terminal = await runInProcess(['--no-color', folder], { isTTY: true, columns: width });
      const plain = terminal.stdout.replace(/\s+/g, ' ');
      if (json.summary.boilerplate > 0) expect(plain).toContain(`Boilerplate (${json.summary.boilerplate})`);
      expect(plain).toContain(`Repeated lines (${json.summary.repeats} paragraphs, ${texts} texts)`);
    }
  });

  it.each(WIDTHS)('at %i columns every paragraph row and every document is still there', async (width) => {
    const pipe = await runInProcess(['--no-color', 'fixtures/seeds']);
    const terminal = await runInProcess(['--no-color', 'fixtures/seeds'], { isTTY: true, columns: width });
    expect(paragraphRows(terminal.stdout)).toEqual(paragraphRows(pipe.stdout));
    expect(paragraphRows(terminal.stdout)).toHaveLength(196);
    // Paths are cut from the left: the end of each file name, what tells them apart, stays.
    for (const tail of ['62164435.txt', '36ad14cf8.txt', '94aa6977.txt', '7e119347.txt', '8cc0ca1e.txt']) {
      expect(terminal.stdout.split(tail).length - 1, tail).toBeGreaterThanOrEqual(2);
    }
    expect(terminal.stdout).toMatch(/shared/);
    expect(terminal.stdout).toMatch(/63% reused/);
  });

  it.each(WIDTHS)("dedupe check's report fits %i columns too", async (width) => {
    const cwd = tempDir();
    for (const [name, file] of [['original.txt', SEED.original], ['reprint.txt', SEED.reprintA], ['update.txt', SEED.update]] as const) {
      copyFileSync(file, path.join(cwd, name));
    }
    expect((await runInProcess(['index', 'add', 'original.txt'], { cwd })).code).toBe(0);
    const check = await runInProcess(['check', 'reprint.txt', 'update.txt'], { cwd, isTTY: true, columns: width });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Matches in the index/);
    expect(tooWide(check.stdout, width)).toEqual([]);
  });
});

describe('best matches on a narrow terminal', () => {
  it('keep their whole file names, the text going under the rows (it cut "001_" off some rows and not others; found by a new user)', async () => {
    const result = await runInProcess(['--no-color', 'fixtures/seeds'], { isTTY: true, columns: 80 });
    const matches = [...result.stdout.matchAll(/^ +\d+(?:-\d+)? +(?:shared|edited|boilerplate) +(\S+):\d+/gm)].map((m) => m[1]!);
    expect(matches.length).toBeGreaterThan(20);
    for (const name of matches) expect(name).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
  });
});

describe('the documents table on a terminal', () => {
  it.each([79, 80, 100, 120])('at %i columns keeps every file name whole, so that documents can be told apart', async (width) => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'outlet'));
    for (let i = 1; i <= 30; i++) {
      writeFileSync(path.join(cwd, 'outlet', `article_${String(i).padStart(2, '0')}_with_a_longer_name.txt`), `Story ${i} of the day was filed by the outlet at noon.\n`);
    }
    const result = await runInProcess(['--no-color', 'outlet'], { cwd, isTTY: true, columns: width });
    expect(result.code).toBe(0);
    expect(tooWide(result.stdout, width)).toEqual([]);
    // The table: from its heading line to the blank line after it.
    const lines = result.stdout.split('\n');
    const heading = lines.findIndex((line) => /\bDocument\b/.test(line));
    const end = lines.indexOf('', heading);
    const table = lines.slice(heading, end === -1 ? undefined : end).join('\n');
    for (let i = 1; i <= 30; i++) expect(table).toContain(`article_${String(i).padStart(2, '0')}_with_a_longer_name.txt`);
  });
});

describe('COLUMNS', () => {
  const cases: Array<[string, InProcessOptions]> = [
    ['a terminal that reports 0 columns', { isTTY: true, columns: 0, env: { COLUMNS: '60' } }],
    ['a terminal that reports no size', { isTTY: true, env: { COLUMNS: '60' } }],
    ['a pipe', { env: { COLUMNS: '60' } }],
  ];

  it.each(cases)('gives the width for %s', async (_name, options) => {
    for (const args of [['fixtures/seeds'], ['diff', SEED.original, SEED.update]]) {
      const result = await runInProcess([...args, '--no-color'], options);
      expect(result.code).toBe(0);
      expect(tooWide(result.stdout, 60), args.join(' ')).toEqual([]);
    }
  });

  it("does not override a terminal's own width, and is ignored unless a whole number above 0", async () => {
    const own = await runInProcess(['--no-color', 'fixtures/seeds'], { isTTY: true, columns: 100, env: { COLUMNS: '60' } });
    expect(tooWide(own.stdout, 100)).toEqual([]);
    expect(tooWide(own.stdout, 60).length).toBeGreaterThan(0);
    const plain = await runInProcess(['--no-color', 'fixtures/seeds']);
    for (const bad of ['', '0', 'wide', '-5', '1e2']) {
      expect((await runInProcess(['--no-color', 'fixtures/seeds'], { env: { COLUMNS: bad } })).stdout, bad).toBe(plain.stdout);
    }
  });
});

describe('dedupe report (from signed shards)', () => {
  it('fits its -q summary and its report to the terminal, as the scan does', async () => {
    const out = path.join(tempDir('dedupe-narrow-report-'), 'signed');
    expect((await runInProcess(['sign', 'fixtures/seeds', '--out', out])).code).toBe(0);
    expect((await runInProcess(['join', out, '--memory-limit', '256MB', '--threads', '1'])).code).toBe(0);
    for (const args of [['-q'], []]) {
      const report = await runInProcess(['report', out, '--no-color', ...args], { isTTY: true, columns: 40 });
      expect(report.code, report.stderr).toBe(0);
      expect(report.stdout).toMatch(/196 paragraphs/);
      expect(tooWide(report.stdout, 40), args.join(' ')).toEqual([]);
    }
  });
});
