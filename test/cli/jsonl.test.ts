/**
 * JSONL input: `.jsonl` and `.ndjson` files, and `-` for standard input, hold one article per
 * line, `{"id", "text", ...}`; the other fields travel to the report as `metadata`.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';
import { readReport } from '../helpers/report.js';

async function reportOf(argv: string[], options: Parameters<typeof runInProcess>[1] = {}): Promise<{ report: Report; stderr: string }> {
  const result = await runInProcess([...argv, '--json'], options);
  expect(result.code, result.stderr).toBe(0);
  return { report: readReport<Report>(result.stdout), stderr: result.stderr };
}

const line = (value: object): string => `${JSON.stringify(value)}\n`;
const seedText = (file: string): string => readFileSync(file, 'utf8');

describe('JSONL files (fixtures/jsonl)', () => {
  it('gives each line a document named by its id, with the other fields as metadata, and matches them as files', async () => {
    const { report, stderr } = await reportOf(['fixtures/jsonl']);
    expect(stderr).toBe('');
    expect(report.documents.map((d) => [d.path, d.metadata])).toEqual([
      ['4417', { source: 'City Wire' }],
      ['gazette-88213', { source: 'River Gazette', url: 'https://gazette.example/88213', published: '2024-06-12', tags: ['transport', 'council'] }],
      ['wire-2024-0611', { source: 'City Wire', url: 'https://wire.example/2024/0611', published: '2024-06-11' }],
    ]);
    expect(report.groups.map((g) => g.documents)).toEqual([['gazette-88213', 'wire-2024-0611']]);
    const gazette = report.documents[1]!;
    expect(gazette.segments.map((s) => [s.startLine, s.status])).toEqual([
      [1, 'unique'],
      [3, 'shared'],
      [5, 'shared'],
      [7, 'unique'],
    ]);
  });

  it('are found when walking a folder (the default include has **/*.jsonl and **/*.ndjson), and the summary counts documents', async () => {
    const result = await runInProcess(['-q', 'fixtures/jsonl', 'fixtures/bom']);
    expect(result.stdout).toMatch(/^5 documents, /);
  });
});

describe('bad lines (fixtures/jsonl-bad-lines)', () => {
  it('are skipped with a warning naming the file and the line; the good lines are read', async () => {
    const { report, stderr } = await reportOf(['fixtures/jsonl-bad-lines']);
    const file = 'fixtures/jsonl-bad-lines/feed.ndjson';
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^dedupe: warning: ${file}:2: not valid JSON \\(.+\\); line skipped$`)),
      `dedupe: warning: ${file}:4: no "text"; line skipped`,
      `dedupe: warning: ${file}:5: "id" must be a non-empty string or a number, got ""; line skipped`,
      `dedupe: warning: ${file}:6: an array, not an object with "id" and "text"; line skipped`,
    ]);
    expect(report.warnings.map((w) => [w.code, w.path, w.line])).toEqual([2, 4, 5, 6].map((n) => ['bad-line', file, n]));
    expect(report.documents.map((d) => d.path)).toEqual(['good-1', 'good-2']);
    expect((await runInProcess(['-q', 'fixtures/jsonl-bad-lines'])).stdout).toMatch(/^2 documents read, 4 lines skipped, /);
  });
});

describe('standard input (the path -)', () => {
  it('reads JSONL articles, beside files; CRLF line ends and a byte-order mark are fine', async () => {
    const stdin = `\ufeff${line({ id: 'from-stdin', text: seedText(SEED.original), feed: 'ap' }).replace('\n', '\r\n')}`;
    const { report } = await reportOf(['-', SEED.reprintA], { stdin });
    expect(report.documents.map((d) => d.path)).toEqual([SEED.reprintA, 'from-stdin']);
    expect(report.documents[1]!.metadata).toEqual({ feed: 'ap' });
    expect(report.groups[0]!.documents).toEqual([SEED.reprintA, 'from-stdin']);
  });

  it('gives the same paragraphs and statuses as the same texts in files', async () => {
    const files = await reportOf([SEED.original, SEED.reprintA]);
    const stdin = line({ id: SEED.original, text: seedText(SEED.original) }) + line({ id: SEED.reprintA, text: seedText(SEED.reprintA) });
    const jsonl = await reportOf(['-'], { stdin });
    expect(jsonl.report.documents).toEqual(files.report.documents);
  });

  it('an id used twice is an error naming both lines (exit 2), as is an id equal to a file read in the same run', async () => {
    const twice = await runInProcess(['-'], { stdin: line({ id: 'a', text: 'One.' }) + line({ id: 'b', text: 'Two.' }) + line({ id: 'a', text: 'Three.' }) });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('dedupe: error: <stdin>:3: id "a" is already used by <stdin>:1; ids must be unique\n');
    const clash = await runInProcess([SEED.original, '-'], { stdin: line({ id: SEED.original, text: 'Other text.' }) });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe(`dedupe: error: <stdin>:1: id "${SEED.original}" is already used by ${SEED.original}; ids must be unique\n`);
  });

  it('a numeric id too large to read exactly (past 2^53) skips its line, saying to give it as a string (two such ids were read as one; a new user)', async () => {
    const stdin = '{"id": 1850000000000000001, "text": "First story about the harbour flood barrier."}\n{"id": 1850000000000000002, "text": "Second story about the budget vote in the council."}\n{"id": 42, "text": "A third story, with a small numeric id."}\n';
    const { report, stderr } = await reportOf(['-'], { stdin });
    expect(report.documents.map((doc) => doc.path)).toEqual(['42']);
    expect(stderr).toContain('dedupe: warning: <stdin>:1: "id" 1850000000000000001 is a number of 2^53 or more, which JSON readers round; give it as a string: "id": "1850000000000000001"; line skipped\n');
    expect(stderr).toContain('<stdin>:2: "id" 1850000000000000002 is a number of 2^53 or more');
    // The id of the line, not a nested object's (review).
    const nested = await runInProcess(['-q', '-'], { stdin: '{"author": {"id": 42}, "id": 1850000000000000001, "text": "A story with an author object before its id."}\n{"id": "b", "text": "Another story, to have something to read."}\n' });
    expect(nested.stderr).toContain('<stdin>:1: "id" 1850000000000000001 is a number of 2^53 or more');
  });

  it('nothing readable on standard input is an error (exit 2)', async () => {
    const result = await runInProcess(['-'], { stdin: '{"id": 1}\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/<stdin>:1: no "text"; line skipped\n.*error: no article could be read from the 1 JSONL source \(0 articles\)/);
  });

  const NOT_JSONL =
    'dedupe: error: standard input is not JSONL: its first lines are not JSON; the path - reads articles as JSON lines, ' +
    '{"id": ..., "text": ...} on each; for a list of paths, use --files-from -\n';

  it('text or a list of paths piped to - (cat x.txt | dedupe -, ls | dedupe -) is one line saying so, not a warning per line', async () => {
    const paths = `${Object.values(SEED).join('\n')}\n`;
    for (const stdin of [readFileSync(SEED.original, 'utf8'), paths, 'one line\n', '\n\nhello\n\n']) {
      for (const [argv, cwd] of [[['-'], process.cwd()], [['-', 'fixtures/bom'], process.cwd()], [['index', 'add', '-'], tempDir()]] as const) {
        const result = await runInProcess(argv, { stdin, cwd });
        expect(result.code, argv.join(' ')).toBe(2);
        expect(result.stderr).toBe(NOT_JSONL);
        expect(result.stdout).toBe('');
      }
    }
  });

  it('a feed whose first line is JSON keeps its per-line warnings for the lines that are not', async () => {
    const stdin = `${line({ id: 'a', text: 'A first article of the feed, long enough to count.' })}not json\nnot json either\nnor this\n`;
    const result = await runInProcess(['-q', '-'], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/: not valid JSON .*; line skipped\n/g)).toHaveLength(3);
  });

  it('metadata survives the worker threads (packed with the document)', async () => {
    const stdin = Array.from({ length: 240 }, (_, i) => line({ id: `n${String(i).padStart(3, '0')}`, text: `Story ${i} has words of its own number ${i}.`, n: i })).join('');
    const { report } = await reportOf(['-'], { stdin, env: { DEDUPE_THREADS: '2' } });
    expect(report.documents).toHaveLength(240);
    expect(report.documents.every((d, i) => d.metadata?.n === i)).toBe(true);
  });
});

describe('index add and check with JSONL', () => {
  it('stores articles under their ids with their metadata; check reads JSONL incoming too', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'archive.jsonl'), line({ id: 'ap-1', text: seedText(SEED.original), url: 'https://ap.example/1' }));
    const add = await runInProcess(['index', 'add', 'archive.jsonl'], { cwd });
    expect(add.stdout).toMatch(/^added {4}ap-1 \(23 paragraphs\)\n/);
    copyFileSync(SEED.reprintA, path.join(cwd, 'reprint.txt'));
    const check = await runInProcess(['check', '--json', '-', 'reprint.txt'], { cwd, stdin: line({ id: 'incoming-7', text: seedText(SEED.reprintB), outlet: 'x' }) });
    const report = readReport<Report>(check.stdout);
    expect(report.documents.map((d) => [d.path, d.metadata])).toEqual([
      ['incoming-7', { outlet: 'x' }],
      ['reprint.txt', undefined],
    ]);
    expect(report.documents[0]!.segments.some((s) => s.matches.some((m) => m.path === 'ap-1'))).toBe(true);
  });

  it('an article whose "text" is empty now keeps its stored version, with a warning that names the line, not "the file"', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'a.jsonl'), line({ id: 'ap-1', text: seedText(SEED.original) }));
    expect((await runInProcess(['index', 'add', 'a.jsonl'], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, 'a.jsonl'), line({ id: 'ap-1', text: '' }));
    const again = await runInProcess(['index', 'add', 'a.jsonl'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(
      'dedupe: warning: ap-1: its "text" (a.jsonl:1) is empty now; its stored version (23 paragraphs) was kept (dedupe index remove ap-1 takes it out)\n',
    );
    expect(again.stdout).toMatch(/^kept {5}ap-1 \(empty now; its stored version stays\)\n/);
  });

  it('a change of metadata alone stores the article again (its version includes the metadata)', async () => {
    const cwd = tempDir();
    const text = seedText(SEED.original);
    writeFileSync(path.join(cwd, 'a.jsonl'), line({ id: 'ap-1', text, url: 'https://ap.example/1' }));
    await runInProcess(['index', 'add', 'a.jsonl'], { cwd });
    expect((await runInProcess(['index', 'add', '-q', 'a.jsonl'], { cwd })).stdout).toMatch(/0 added, 0 updated, 1 skipped/);
    writeFileSync(path.join(cwd, 'a.jsonl'), line({ id: 'ap-1', text, url: 'https://ap.example/one' }));
    expect((await runInProcess(['index', 'add', '-q', 'a.jsonl'], { cwd })).stdout).toMatch(/0 added, 1 updated, 0 skipped/);
  });
});

describe('a JSONL article\'s publication date (found by a new user)', () => {
  it('decides the original when the texts tie, and the reason names the field', async () => {
    const wire = seedText(SEED.original);
    const input = line({ id: 'gazette-2', text: wire.replaceAll('US ', 'American '), pubDate: 'Fri, 25 Oct 2024 10:00:00 GMT' }) + line({ id: 'ap-1', text: wire, published: '2024-10-23' });
    const { report } = await reportOf(['-'], { stdin: input });
    const group = report.groups[0]!;
    expect(group.original).toBe('ap-1');
    expect(group.originalReasons).toContainEqual({ kind: 'date', detail: 'earliest date in the group: 2024-10-23 ("published")', weight: 1 });
  });

  it('on one day, the earliest time decides when every dated copy gives its time and zone (a wire desk reprints within the day; a new user found it "undecided")', async () => {
    const wire = seedText(SEED.original);
    const timed = (id: string, published: string, text = wire.replaceAll('US ', 'American ')): string => line({ id, text, published });
    const input = timed('herald', '2024-10-01T13:00:00+02:00') + timed('agency', '2024-10-01T08:00:00Z', wire) + timed('coastal', 'Tue, 01 Oct 2024 10:00:00 GMT');
    const { report } = await reportOf(['-'], { stdin: input });
    const group = report.groups[0]!;
    expect(group.original).toBe('agency');
    expect(group.originalReasons).toContainEqual({ kind: 'date', detail: 'earliest time in the group: 2024-10-01 08:00 UTC ("published")', weight: 1 });
    // A copy (of a text of its own) dated by its day alone: days are compared, and they tie.
    const { report: dayOnly } = await reportOf(['-'], { stdin: input + timed('post', '2024-10-01', wire.replaceAll('Ukraine', 'Ukraine,')) });
    expect(dayOnly.groups[0]!.originalReasons.some((r) => r.kind === 'date')).toBe(false);
  });

  it('among identical copies, the earliest dated is the original (its copies were "undecided"; found by a new user)', async () => {
    const wire = seedText(SEED.original);
    const input = line({ id: 'a-published', text: wire, published: '2024-06-12' }) + line({ id: 'b-pubdate', text: wire, pubDate: 'Tue, 11 Jun 2024 10:00:00 GMT' }) + line({ id: 'c-epoch', text: wire, date: 1718000000 });
    const { report } = await reportOf(['-'], { stdin: input });
    const group = report.groups[0]!;
    expect(group.original).toBe('c-epoch');
    expect(group.originalReasons).toContainEqual({ kind: 'date', detail: 'earliest of 3 identical copies: 2024-06-10 ("date")', weight: 1 });
    expect(group.members.filter((m) => m.duplicateOf !== null).map((m) => m.path).sort()).toEqual(['a-published', 'b-pubdate']);
  });
});

