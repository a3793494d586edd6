/** Big outputs: --only reused, --top <n>, and human tables that fit the terminal. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

/** Paragraph rows of the human report's document maps: [line span, status]. */
function paragraphRows(stdout: string): Array<[string, string]> {
  return [...stdout.matchAll(/^ {2,}(\d+(?:-\d+)?) {2}(shared|edited|unique|boilerplate) /gm)].map((m) => [m[1]!, m[2]!]);
}

describe('--only reused', () => {
  it('leaves out paragraphs that are neither shared nor edited, and documents with none, and says so', async () => {
    const all = await runInProcess(['--no-color', 'fixtures/seeds']);
    const only = await runInProcess(['--no-color', '--only', 'reused', 'fixtures/seeds']);
    expect(only.code).toBe(0);
    const kept = paragraphRows(only.stdout);
    expect(kept.length).toBeGreaterThan(0);
    expect(new Set(kept.map(([, status]) => status))).toEqual(new Set(['shared', 'edited']));
    expect(kept).toEqual(paragraphRows(all.stdout).filter(([, status]) => status === 'shared' || status === 'edited'));
    expect(only.stdout).not.toContain('004_7a4f2c888cc0ca1e.txt');
    // Nor the boilerplate and repeated lines (scraper noise is not reuse).
    expect(all.stdout).toContain('\nBoilerplate (');
    expect(all.stdout).toContain('\nRepeated lines (');
    expect(only.stdout).not.toContain('\nBoilerplate (');
    expect(only.stdout).not.toContain('\nRepeated lines (');
    expect(only.stdout).toContain('Showing shared and edited paragraphs only (--only reused): 62 other paragraphs of the documents shown and 1 document without reuse (42 paragraphs) not shown.');
    // A story is still introduced before its first paragraph shown.
    expect(only.stdout).toMatch(/-- story 1, lines 1-30: group 1, 100% reused\n +1 {2}shared/);
  });

  it('counts the paragraphs of the documents it leaves out, and says so when only those are hidden (found by a new user)', async () => {
    const result = await runInProcess(['--no-color', '--only', 'reused', 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt', 'fixtures/reworded-reprint/wire.txt']);
    expect(result.stdout).toContain('Showing shared and edited paragraphs only (--only reused): 2 documents without reuse (49 paragraphs) not shown.');
  });

  it('does not change --json, which always holds everything', async () => {
    const plain = await runInProcess(['--json', 'fixtures/seeds']);
    expect((await runInProcess(['--json', '--only', 'reused', '--top', '1', 'fixtures/seeds'])).stdout).toBe(plain.stdout);
  });
});

describe('--top <n>', () => {
  it('shows the n largest groups, largest first, and only their documents', async () => {
    // fixtures/bom's pair is group 1 (found first); the seeds' four documents are group 2.
    const all = await runInProcess(['--no-color', 'fixtures/bom', 'fixtures/seeds']);
    expect(all.stdout).toMatch(/^Group 1: 2 documents/m);
    const top = await runInProcess(['--no-color', '--top', '1', 'fixtures/bom', 'fixtures/seeds']);
    expect(top.stdout.match(/^Group \d+/gm)).toEqual(['Group 2']);
    expect(top.stdout).toContain('Showing the largest of 2 groups (--top 1) and its 4 documents; 3 other documents not shown.');
    expect(top.stdout).not.toContain('fixtures/bom/');
    expect(top.stdout).not.toContain('004_7a4f2c888cc0ca1e.txt');
    const two = await runInProcess(['--no-color', '--top', '2', 'fixtures/bom', 'fixtures/seeds']);
    expect(two.stdout.match(/^Group \d+/gm)).toEqual(['Group 2', 'Group 1']);
    expect(two.stdout).toContain('Showing all 2 groups (--top 2) and their 6 documents; 1 other document not shown.');
    const seedsOnly = await runInProcess(['--no-color', '--top', '3', 'fixtures/seeds']);
    expect(seedsOnly.stdout).toContain('Showing the only group (--top 3) and its 4 documents; 1 other document not shown.');
    // No group at all: said so, not "all 0 groups and their 0 documents" (found by a new user).
    const none = await runInProcess(['--no-color', '--top', '1', 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt', 'fixtures/bad-files/good.txt']);
    expect(none.stdout).toContain('No group to show (--top 1): no documents share enough text to form one; 2 documents not shown.');
    expect((await runInProcess(['--no-color', '--top', '0', 'fixtures/bom', 'fixtures/seeds'])).stdout).toBe(all.stdout);
  });

  it.each([
    [['--top', '-1'], /--top must be a whole number of groups, 0 or more \(0 shows all\), got -1/],
    [['--top', '1.5'], /--top must be a whole number of groups/],
    [['--top', 'many'], /--top must be a number, got 'many'/],
    [['--only', 'unique'], /--only takes one value, reused; got 'unique'/],
  ])('%j is a usage error', async (flags, pattern) => {
    const result = await runInProcess([...flags, 'fixtures/seeds']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
  });
});

describe('tables that fit the terminal', () => {
  /** The group lines and the documents table: everything from the first group to the first document's map. */
  function groupsAndTable(stdout: string): string[] {
    const lines = stdout.split('\n');
    const start = lines.findIndex((line) => line.startsWith('Group 1'));
    const end = lines.findIndex((line) => line.startsWith('fixtures/seeds/000'));
    return lines.slice(start, end).filter((line) => line !== '');
  }

  it('on a terminal of 110 columns, the compact table, where whole paths fit (the ruled one would cut the file names)', async () => {
    const result = await runInProcess(['--no-color', 'fixtures/seeds'], { isTTY: true, columns: 110 });
    const lines = groupsAndTable(result.stdout);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(110);
    expect(result.stdout).toMatch(/^Group +Role +Document +Paras +Shared +Edited +Unique +Boiler +Reused$/m);
    expect(result.stdout).toMatch(/^ +1 +reprint +fixtures\/seeds\/000_2c77c33462164435\.txt +45 +25 +0 +18 +2 +63%$/m);
  });

  it('on a terminal of 80 columns, where even the compact table would cut file names, a list with whole paths', async () => {
    const result = await runInProcess(['--no-color', 'fixtures/seeds'], { isTTY: true, columns: 80 });
    const lines = groupsAndTable(result.stdout);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/^ +1 +reprint +fixtures\/seeds\/000_2c77c33462164435\.txt$/m);
    expect(result.stdout).toMatch(/^ +45 paragraphs: 25 shared, 0 edited, 18 unique, 2 boilerplate; 63% reused$/m);
  });

  it('in a pipe or a file, the table keeps whole paths', async () => {
    const result = await runInProcess(['--no-color', 'fixtures/seeds'], { columns: 80 });
    expect(result.stdout).toContain('│ fixtures/seeds/000_2c77c33462164435.txt │');
  });
});
