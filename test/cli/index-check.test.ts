/** `dedupe index` and `dedupe check` end to end on the seeds (issue 4), through the built CLI. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentReport, Report, SegmentReport } from '../../src/core/types.js';
import { repoRoot } from '../helpers/cli.js';
import { runCli, runInProcess, runJson, type CliResult } from '../helpers/in-process.js';
import { random, syntheticArticle } from '../helpers/articles.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

/** Folders for indexes built once per describe block (tempDir's are removed after each test). */
const suiteDirs: string[] = [];
afterAll(async () => {
  for (const dir of suiteDirs) rmSync(dir, { recursive: true, force: true });
});

async function indexOf(...files: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-index-'));
  suiteDirs.push(dir);
  const db = path.join(dir, 'index.db');
  const result = await runCli(['index', 'add', '--db', db, ...files]);
  expect(result.code, result.stderr).toBe(0);
  return db;
}

function docOf(report: Report, file: string): DocumentReport {
  const found = report.documents.find((d) => d.path === file);
  if (!found) throw new Error(`${file} not in report`);
  return found;
}

function atLine(doc: DocumentReport, line: number): SegmentReport {
  const found = doc.segments.find((s) => s.startLine <= line && line <= s.endLine);
  if (!found) throw new Error(`${doc.path}:${line} not in report`);
  return found;
}

describe('the seeds: index 002 and 004, check 000', () => {
  let db: string;
  let report: Report;
  let result: CliResult;
  beforeAll(async () => {
    db = await indexOf(SEED.original, SEED.unrelated);
    ({ report, result } = await runJson<Report>(['check', '--db', db, SEED.reprintA]));
  });

  it('exits 1 under --fail-on edited, naming the reprinted paragraphs', async () => {
    const result = await runCli(['check', '--db', db, '--fail-on', 'edited', SEED.reprintA]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dedupe: --fail-on edited: \d+ paragraphs shared or edited \(5 words or more, boilerplate and repeats left out\) in fixtures\/seeds\/000_2c77c33462164435\.txt\n$/);
    expect(result.stdout).toContain('Matches in the index');
    expect(result.stdout).toMatch(/fixtures\/seeds\/002_b644d28894aa6977\.txt {2}\d+ paragraphs matched \(\d+ shared, \d+ edited; story derived \(words \d+%, bigrams \d+%, reused \d+%\)\)/);
  });

  it('reports only the incoming article, in the scan report format', async () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(report.schemaVersion).toBe(4);
    expect(report.documents.map((d) => d.path)).toEqual([SEED.reprintA]);
  });

  it('names 002 for its North Korea paragraphs', async () => {
    const doc = docOf(report, SEED.reprintA);
    const story = doc.segments.filter((s) => s.startLine >= 12 && s.endLine <= 30);
    const reused = story.filter((s) => s.status !== 'unique');
    expect(reused.length).toBeGreaterThan(story.length * 0.8);
    for (const segment of reused) expect(segment.matches.map((m) => m.path), `000:${segment.startLine}`).toContain(SEED.original);
    const lede = atLine(doc, 12);
    expect(lede.status).toBe('edited');
    expect(lede.matches[0]).toMatchObject({ path: SEED.original, startLine: 1, status: 'edited' });
    expect(report.groups.map((g) => g.documents)).toEqual([[SEED.reprintA, SEED.original]]);
  });

  it('keeps its Lebanon story unique, and never matches 004', async () => {
    const doc = docOf(report, SEED.reprintA);
    const lebanon = doc.segments.filter((s) => s.startLine >= 45 && s.endLine <= 67);
    expect(lebanon.length).toBeGreaterThan(5);
    for (const segment of lebanon) expect(segment.status, `000:${segment.startLine}`).toBe('unique');
    const paths = doc.segments.flatMap((s) => s.matches.map((m) => m.path));
    expect(paths).not.toContain(SEED.unrelated);
  });

  it('says for 000 what a scan of 000, 002 and 004 together says', async () => {
    // check lists five matches a paragraph by default; the scan is asked for as many.
    const scan = (await runJson<Report>(['scan', '--max-matches', '5', SEED.reprintA, SEED.original, SEED.unrelated])).report;
    // An edited match in an archived article also gives that paragraph's text (the report has no
    // other copy of it); the scan's match is in a listed document, whose text the report holds.
    // The same holds for the parts of a merge.
    const archivedTexts: string[] = [];
    const keep = <T extends { text?: string }>({ text, ...rest }: T): Omit<T, 'text'> => {
      if (text !== undefined) archivedTexts.push(text);
      return rest;
    };
    const withoutArchivedTexts = docOf(report, SEED.reprintA).segments.map((s) => {
      const out = { ...s, matches: s.matches.map(keep) };
      return s.merges ? { ...out, merges: s.merges.map((m) => ({ ...m, parts: m.parts.map(keep) })) } : out;
    });
    expect(withoutArchivedTexts).toEqual(docOf(scan, SEED.reprintA).segments);
    expect(archivedTexts).toContain(docOf(scan, SEED.original).segments[0]!.text);
    expect(archivedTexts).toContain('How is the West reacting?');
    expect({ ...docOf(report, SEED.reprintA), segments: [] }).toEqual({ ...docOf(scan, SEED.reprintA), segments: [] });
  });

  it('--fail-on document judges 000 by its stories: the North Korea story is a copy, the Lebanon one is not', async () => {
    const share = docOf(report, SEED.reprintA).reusedShare;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.8);
    expect(docOf(report, SEED.reprintA).stories.map((story) => story.reusedShare >= 0.8)).toEqual([true, false]);
    const check = await runCli(['check', '--db', db, '--fail-on', 'document', '-q', SEED.reprintA]);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(`dedupe: --fail-on document: 1 article is a copy (>= 80% of a story's words reused): ${SEED.reprintA} (lines 1-30)\n`);
    // The rule's share is a flag: at 100% an edited reprint is not a copy.
    expect((await runCli(['check', '--db', db, '--fail-on', 'document', '--copy-share', '1', '-q', SEED.reprintA])).code).toBe(0);
  });
});

describe('--fail-on document and a feed of many copied stories', () => {
  it('names the first three copied stories and counts the rest, on one short line (a feed dump made 5 KB of it; found by a new user)', async () => {
    const articles = ['site-footer/bakery.txt', 'site-footer/bus.txt', 'site-footer/chess.txt', 'site-footer/orchard.txt', 'reworded-reprint/wire.txt', 'one-paragraph-per-line/library.txt'].map((f) => path.join(repoRoot, 'fixtures', f));
    const db = await indexOf(...articles);
    const feed = path.join(tempDir(), 'feed.txt');
    writeFileSync(feed, articles.map((f) => readFileSync(f, 'utf8').trimEnd()).join('\n\n\n'));
    const check = await runCli(['check', '--db', db, '--fail-on', 'document', '-q', feed]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^dedupe: --fail-on document: 1 article is a copy \(>= 80% of a story's words reused\): \S*feed\.txt \(lines \d+-\d+, \d+-\d+, \d+-\d+ and 3 more stories\)\n$/);
    // The JSON report still lists every story.
    const { report } = await runJson<Report>(['check', '--db', db, '--fail-on', 'document', feed]);
    expect(docOf(report, feed).stories.filter((story) => story.reusedShare >= 0.8)).toHaveLength(6);
  });
});

describe('check 004 against an index of 002', () => {
  it('exits 0: a different article on the same topic', async () => {
    const db = await indexOf(SEED.original);
    const { report, result } = await runJson<Report>(['check', '--db', db, '--fail-on', 'edited', SEED.unrelated]);
    expect(result.code).toBe(0);
    const doc = docOf(report, SEED.unrelated);
    expect(doc.counts.shared + doc.counts.edited).toBe(0);
    expect(doc.group).toBeNull();
  });

  it('reports no group of archived articles alone, though the lookup brings one in', async () => {
    // 000, 002 and 003 form a group in the index; the rewording lookup loads them for 004.
    const db = await indexOf(SEED.original, SEED.reprintA, SEED.update);
    const { report, result } = await runJson<Report>(['check', '--db', db, SEED.unrelated]);
    expect(result.code).toBe(0);
    expect(report.groups).toEqual([]);
    expect(report.summary.groups).toBe(0);
    expect((await runCli(['check', '--db', db, SEED.unrelated])).stdout).toMatch(/, 0 groups in /);
  });
});

describe('check of an article the index already holds unchanged', () => {
  it('says it matched nothing besides itself, and lists it in the JSON as already indexed', async () => {
    const db = await indexOf(SEED.original);
    const human = await runCli(['check', '--db', db, '--no-color', SEED.original]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`  ${SEED.original}  no match besides itself: the index holds it unchanged\n`);
    const { report } = await runJson<Report & { check: { alreadyIndexed: string[] } }>(['check', '--db', db, SEED.original]);
    expect(report.check.alreadyIndexed).toEqual([SEED.original]);
    // Another article matching nothing is plain "no match", and not already indexed.
    const other = await runCli(['check', '--db', db, '--no-color', SEED.unrelated]);
    expect(other.stdout).toContain(`  ${SEED.unrelated}  no match\n`);
    expect(other.stderr).not.toContain('already in');
  });

  it('says on stderr how many incoming articles the index holds unchanged, and the gate passes them (a re-ingested batch passed with nothing said; a new user)', async () => {
    const db = await indexOf(SEED.original);
    const gate = await runCli(['check', '--db', db, '--fail-on', 'document', SEED.original, SEED.unrelated]);
    expect(gate.code).toBe(0);
    expect(gate.stderr).toContain(`dedupe: check: 1 of the 2 incoming articles is already in ${db} unchanged (the same id and text): not new; each is compared with the rest of the index only\n`);
    const all = await runCli(['check', '--db', db, SEED.original]);
    expect(all.stderr).toContain(`dedupe: check: the incoming article is already in ${db} unchanged`);
    expect((await runCli(['check', '--db', db, '-q', SEED.original])).stderr).toBe('');
  });

  it('lists its match with another article the index holds, checked with it (a feed checked again; found by a new user)', async () => {
    const db = await indexOf(SEED.original, SEED.update);
    const human = await runCli(['check', '--db', db, '--no-color', SEED.original, SEED.update]);
    expect(human.code).toBe(0);
    const matches = human.stdout.slice(human.stdout.indexOf('Matches in the index'));
    expect(matches).not.toContain('besides itself');
    expect(matches).toContain(`  ${SEED.original}\n    ${SEED.update}  `);
    expect(matches).toContain(`  ${SEED.update}\n    ${SEED.original}  `);
  });
});

describe('an article stored by its absolute path from another folder (found by a stranger)', () => {
  // The index keys documents by path: /abs/seeds/004.txt stored from one folder and
  // seeds/004.txt checked from the seeds' parent are one file, and must be one document.
  it('check knows it, index add updates it rather than adding it twice, and index remove takes it out', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'archive', 'seeds');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'wire.txt');
    copyFileSync(path.join(repoRoot, SEED.original), file);
    const db = path.join(dir, 'index.db');
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const added = await runCli(['index', 'add', '--db', db, file], { cwd: elsewhere });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`added    ${file.split(path.sep).join('/')} (`);

    const archive = path.join(dir, 'archive');
    const checked = await runJson<Report & { check: { alreadyIndexed: string[] } }>(['check', '--db', db, '--fail-on', 'document', 'seeds/wire.txt'], { cwd: archive });
    expect(checked.result.code, checked.result.stderr).toBe(0);
    expect(checked.report.check.alreadyIndexed).toEqual([file.split(path.sep).join('/')]);

    const again = await runCli(['index', 'add', '--db', db, 'seeds/wire.txt'], { cwd: archive });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 added, 0 updated, 1 skipped (unchanged); 1 document');
    // Changed, it replaces its stored version, under the stored spelling.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA paragraph added later to the wire story, long enough to be compared.\n`);
    const updated = await runCli(['index', 'add', '--db', db, 'seeds/wire.txt'], { cwd: archive });
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain(`updated  ${file.split(path.sep).join('/')} (`);
    expect(updated.stdout).toContain('0 added, 1 updated, 0 skipped (unchanged); 1 document');

    const removed = await runCli(['index', 'remove', '--db', db, 'seeds'], { cwd: archive });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('1 removed; 0 documents');
  });
});

describe('an index whose db a config file names, used from a sub-folder (found by a new user)', () => {
  it('stores paths relative to the config file\'s folder, so check, add and remove in the sub-folder find what was added from the top', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'sub', 'ap.txt'));
    copyFileSync(path.join(repoRoot, SEED.unrelated), path.join(dir, 'sub', 'other.txt'));
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ db: '.dedupe/index.db' }));
    expect((await runCli(['index', 'add', 'sub'], { cwd: dir })).code).toBe(0);
    const sub = path.join(dir, 'sub');
    const checked = await runJson<Report & { check: { alreadyIndexed: string[]; flagged: string[] } }>(['check', '--fail-on', 'document', 'ap.txt'], { cwd: sub });
    expect(checked.result.code, checked.result.stderr).toBe(0);
    expect(checked.report.check.alreadyIndexed).toEqual(['sub/ap.txt']);
    const again = await runCli(['index', 'add', '.'], { cwd: sub });
    expect(again.stdout).toContain('0 added, 0 updated, 2 skipped (unchanged); 2 documents');
    const removed = await runCli(['index', 'remove', 'ap.txt'], { cwd: sub });
    expect(removed.stdout).toContain('removed  sub/ap.txt');
    // A file at the top with the sub-folder file's name is another document (found in review):
    // adding sub/ap.txt again does not overwrite it, and removing the sub-folder leaves it.
    copyFileSync(path.join(repoRoot, SEED.update), path.join(dir, 'ap.txt'));
    expect((await runCli(['index', 'add', 'ap.txt'], { cwd: dir })).stdout).toContain('added    ap.txt (');
    expect((await runCli(['index', 'add', 'ap.txt'], { cwd: sub })).stdout).toContain('added    sub/ap.txt (');
    const emptied = await runJson<{ removed: string[] }>(['index', 'remove', '--json', '.'], { cwd: sub });
    expect(emptied.report.removed).toEqual(['sub/ap.txt', 'sub/other.txt']);
    // With --db instead, paths stay relative to the current folder, as before.
    const db = path.join(dir, 'flag.db');
    expect((await runCli(['index', 'add', '--no-config', '--db', db, 'ap.txt'], { cwd: sub })).stdout).toContain('added    ap.txt (');
  });
});

describe('index remove of the current folder (found in review)', () => {
  it('takes out what is stored under it, by relative and by absolute path, and nothing stored elsewhere', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const other = path.join(dir, 'other');
    mkdirSync(path.join(data, 'wire'), { recursive: true });
    mkdirSync(other);
    copyFileSync(path.join(repoRoot, SEED.original), path.join(data, 'wire', 'a.txt'));
    copyFileSync(path.join(repoRoot, SEED.unrelated), path.join(other, 'b.txt'));
    copyFileSync(path.join(repoRoot, SEED.update), path.join(data, 'c.txt'));
    const db = path.join(dir, 'index.db');
    expect((await runCli(['index', 'add', '--db', db, 'wire/a.txt', path.join(other, 'b.txt')], { cwd: data })).code).toBe(0);
    expect((await runCli(['index', 'add', '--db', db, path.join(data, 'c.txt')], { cwd: other })).code).toBe(0);
    // Stored: wire/a.txt (relative to data), and by absolute path /…/other/b.txt and /…/data/c.txt.
    const slashed = (p: string): string => p.split(path.sep).join('/');
    const removed = await runJson<{ removed: string[] }>(['index', 'remove', '--db', db, '--json', '.'], { cwd: data });
    expect(removed.result.code, removed.result.stderr).toBe(0);
    expect(removed.report.removed).toEqual(['wire/a.txt', slashed(path.join(data, 'c.txt'))]);
    const { report: stats } = await runJson<{ documents: number }>(['index', 'stats', '--db', db, '--json']);
    expect(stats.documents).toBe(1);
  });
});

describe('check --add of a new story that comes in twice in one batch (found by a new user)', () => {
  it('stores its first copy, though both are flagged, so the next batch\'s copy is checked against it', async () => {
    const db = await indexOf(SEED.unrelated);
    const dir = tempDir();
    mkdirSync(path.join(dir, 'day1'));
    mkdirSync(path.join(dir, 'day2'));
    for (const name of ['ap.txt', 'herald.txt']) copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'day1', name));
    const day1 = await runJson<Report & { check: { flagged: string[]; added: string[] } }>(['check', '--db', db, '--fail-on', 'document', '--add', '--json', 'day1'], { cwd: dir });
    expect(day1.result.code).toBe(1);
    expect(day1.report.check.flagged).toEqual(['day1/ap.txt', 'day1/herald.txt']);
    expect(day1.report.check.added).toEqual(['day1/ap.txt']);
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'day2', 'post.txt'));
    const day2 = await runCli(['check', '--db', db, '--fail-on', 'document', 'day2'], { cwd: dir });
    expect(day2.code).toBe(1);
    expect(day2.stdout).toContain('day1/ap.txt');
  });

  it('stores no copy of what the index holds: not beside an article already indexed, nor a file one of whose stories copies an archived one (found in review)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'day1'));
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'day1', 'ap.txt'));
    const db = path.join(dir, 'index.db');
    expect((await runCli(['index', 'add', '--db', db, 'day1/ap.txt'], { cwd: dir })).code).toBe(0);
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'day1', 'aa.txt'));
    const twice = await runJson<Report & { check: { added: string[] } }>(['check', '--db', db, '--fail-on', 'document', '--add', '--json', 'day1/ap.txt', 'day1/aa.txt'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '0' } });
    expect(twice.report.check.added).toEqual([]);
    // 000 reprints the archived 002 and then carries a Lebanon story; b holds the Lebanon story alone.
    mkdirSync(path.join(dir, 'day2'));
    copyFileSync(path.join(repoRoot, SEED.reprintA), path.join(dir, 'day2', 'a-mixed.txt'));
    writeFileSync(path.join(dir, 'day2', 'b-lebanon.txt'), readFileSync(path.join(repoRoot, SEED.reprintA), 'utf8').split('\n').slice(30).join('\n'));
    const mixed = await runJson<Report & { check: { flagged: string[]; added: string[] } }>(['check', '--db', db, '--fail-on', 'document', '--add', '--json', 'day2'], { cwd: dir });
    expect(mixed.report.check.flagged).toEqual(['day2/a-mixed.txt', 'day2/b-lebanon.txt']);
    expect(mixed.report.check.added).toEqual([]);
  });
});

describe('files left beside the index', () => {
  it('check and index stats leave no -wal or -shm file beside the index (a read-only connection could not remove them; a new user)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'index.db');
    expect((await runCli(['index', 'add', '-q', '--db', db, SEED.original])).code).toBe(0);
    expect((await runCli(['check', '-q', '--db', db, SEED.update])).code).toBe(0);
    expect((await runCli(['index', 'stats', '--db', db])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['index.db']);
  });
});

describe('the index commands with --json', () => {
  it('name the index file database in all three, as the README lists their keys', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'index.db');
    const { report: added } = await runJson<Record<string, unknown>>(['index', 'add', '--db', db, '--json', SEED.original]);
    expect(Object.keys(added)).toEqual(['database', 'added', 'updated', 'unchanged', 'unreadable', 'unreadableFolders', 'keptStored', 'index']);
    const { report: stats } = await runJson<Record<string, unknown>>(['index', 'stats', '--db', db, '--json', '--verify']);
    expect(Object.keys(stats)).toEqual(['database', 'schemaVersion', 'parameters', 'createdAt', 'createdBy', 'lastAddedAt', 'documents', 'paragraphs', 'words', 'distinctWords', 'variants', 'signedVariants', 'bandKeys', 'contentKeys', 'bytes', 'verification']);
    const { report: removed } = await runJson<Record<string, unknown>>(['index', 'remove', '--db', db, '--json', SEED.original]);
    expect(Object.keys(removed)).toEqual(['database', 'removed', 'notFound', 'index']);
    expect([added.database, stats.database, removed.database]).toEqual([db, db, db]);
    // Every word, and the distinct ones whose article counts weigh reworded copies: "words" alone read as either.
    expect(stats.distinctWords).toBeGreaterThan(100);
    expect(stats.distinctWords).toBeLessThan(stats.words as number);
  });
});

describe('check with an incoming article it cannot read', () => {
  it('--fail-on exits 2 and names it: a gate passes nothing it did not check; without --fail-on the report is made and exits 0', async () => {
    const db = await indexOf(SEED.original);
    const latin1 = 'fixtures/bad-files/latin1.txt';
    const gated = await runCli(['check', '--db', db, '-q', '--fail-on', 'edited', SEED.unrelated, latin1]);
    expect(gated.code).toBe(2);
    expect(gated.stdout).toMatch(/^1 file read, 1 skipped, 42 paragraphs/);
    expect(gated.stderr).toContain(`dedupe: warning: ${latin1}: not valid UTF-8`);
    expect(gated.stderr).toContain(`dedupe: error: --fail-on edited: 1 incoming article was not read, so not checked: ${latin1} (see the warnings); fix or remove it and check again\n`);
    const reported = await runCli(['check', '--db', db, '-q', SEED.unrelated, latin1]);
    expect(reported.code).toBe(0);
    expect(reported.stderr).not.toContain('error');
  });
});

describe('check compares incoming articles with each other too', () => {
  it('two new copies of one article in a batch are found, though the index has neither', async () => {
    const db = await indexOf(SEED.unrelated);
    const dir = tempDir();
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'a.txt'));
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'b.txt'));
    const { report, result } = await runJson<Report>(['check', '--db', db, '--fail-on', 'document', dir]);
    expect(result.code).toBe(1);
    expect(report.documents.map((d) => d.reusedShare)).toEqual([1, 1]);
    expect(report.groups).toHaveLength(1);
  });

  it('an article already in the index stands for its stored version rather than matching itself', async () => {
    const db = await indexOf(SEED.original, SEED.unrelated);
    const { report, result } = await runJson<Report>(['check', '--db', db, '--fail-on', 'shared', SEED.unrelated]);
    expect(result.code).toBe(0);
    expect(docOf(report, SEED.unrelated).counts.shared).toBe(0);
  });
});

describe('--fail-on document and --add', () => {
  it('stores the clean articles and not the copy; exit 1 for the copy', async () => {
    const db = await indexOf(SEED.original);
    const dir = tempDir();
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'copy-of-002.txt'));
    copyFileSync(path.join(repoRoot, SEED.unrelated), path.join(dir, 'other.txt'));
    const check = await runCli(['check', '--db', db, '--fail-on', 'document', '--add', '-q', dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('dedupe: --add: 1 added, 0 updated, 0 unchanged');
    expect(check.stderr).toContain(`1 article is a copy (>= 80% of a story's words reused): ${path.join(dir, 'copy-of-002.txt')}`);
    const stats = (await runJson<{ documents: number }>(['index', 'stats', '--db', db])).report;
    expect(stats.documents).toBe(2);
    const removed = (await runJson<{ removed: string[] }>(['index', 'remove', '--db', db, path.join(dir, 'other.txt')])).report;
    expect(removed.removed).toHaveLength(1);
  });

  it('index remove of a feed file\'s name takes out the articles check --add stored beside it too (they stayed, and went on flagging copies; a new user\'s run)', async () => {
    const db = await indexOf(SEED.unrelated);
    const dir = tempDir();
    const today = path.join(dir, 'today.txt');
    copyFileSync(path.join(repoRoot, SEED.original), today);
    expect((await runCli(['check', '--db', db, '--fail-on', 'document', '--add', '-q', today])).code).toBe(0);
    writeFileSync(today, readFileSync(path.join(repoRoot, 'fixtures/reworded-reprint/wire.txt')));
    expect((await runCli(['check', '--db', db, '--fail-on', 'document', '--add', '-q', today])).stderr).toContain('1 added');
    const { report } = await runJson<{ removed: string[] }>(['index', 'remove', '--json', '--db', db, today]);
    expect(report.removed).toHaveLength(2);
    expect(report.removed[0]).toBe(today);
    expect(report.removed[1]).toMatch(new RegExp(`^${today.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#[0-9a-f]{12}$`));
    expect((await runJson<{ documents: number }>(['index', 'stats', '--db', db])).report.documents).toBe(1);
  });

  it('a feed file reused every day: a new article under a stored name is stored beside the old one, not over it (found by a new user)', async () => {
    const db = await indexOf(SEED.unrelated);
    const dir = tempDir();
    const today = path.join(dir, 'today.txt');
    const gate = async (file: string): Promise<CliResult> => runCli(['check', '--db', db, '--fail-on', 'document', '--add', '-q', file]);
    copyFileSync(path.join(repoRoot, SEED.original), today);
    expect((await gate(today)).code).toBe(0);
    writeFileSync(today, readFileSync(path.join(repoRoot, 'fixtures/reworded-reprint/wire.txt')));
    const second = await gate(today);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`^dedupe: --add: .*today\\.txt stored as .*today\\.txt#[0-9a-f]{12}: the index holds another article under its name\n`));
    expect(second.stderr).toContain('dedupe: --add: 1 added, 0 updated, 0 unchanged');
    // The gate run again on the same file (a retry, an hourly job): unchanged, not a copy of itself (found in review).
    const again = await gate(today);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('dedupe: --add: 0 added, 0 updated, 1 unchanged');
    const listed = (await runJson<{ documents: number }>(['index', 'stats', '--db', db])).report;
    expect(listed.documents).toBe(3);
    // Day 1's article is still in the index: a copy of it under another name trips the gate.
    copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, 'other.txt'));
    expect((await gate(path.join(dir, 'other.txt'))).code).toBe(1);
    // Day 2's is stored under the name and its text's hash, and found by a copy of it.
    const { report } = await runJson<Report>(['check', '--db', db, path.join(repoRoot, 'fixtures/reworded-reprint/wire.txt')]);
    const match = report.documents[0]!.segments[0]!.matches[0]!;
    expect(match.path).toMatch(new RegExp(`^${today.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#[0-9a-f]{12}$`));
  });

  it('names the first three articles that trip the gate and counts the rest, as the scan does (a line of 1,867 characters; found by a new user)', async () => {
    const db = await indexOf(SEED.original);
    const dir = tempDir();
    for (let k = 0; k < 5; k++) copyFileSync(path.join(repoRoot, SEED.original), path.join(dir, `copy-${k}.txt`));
    const at = (k: number): string => path.join(dir, `copy-${k}.txt`);
    const shared = await runCli(['check', '--db', db, '--fail-on', 'shared', '-q', dir]);
    expect(shared.stderr).toMatch(new RegExp(`left out\\) in 5 documents: ${[0, 1, 2].map((k) => at(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(', ')} and 2 more\n$`));
    const copies = await runCli(['check', '--db', db, '--fail-on', 'document', '-q', dir]);
    expect(copies.stderr).toContain(`5 articles are copies (>= 80% of a story's words reused): ${at(0)}, ${at(1)}, ${at(2)} and 2 more\n`);
  });

  it('without --add, check never writes the index', async () => {
    const db = await indexOf(SEED.original);
    const before = readFileSync(db);
    expect((await runCli(['check', '--db', db, SEED.reprintA, SEED.unrelated])).code).toBe(0);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('dedupe index add', () => {
  it('warns when a name or JSONL id it updates now holds another article (another feed\'s id "1"; found by a new user), not when it holds an edit of it', async () => {
    const dir = tempDir();
    const text = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');
    const feed = (name: string, body: string): void => writeFileSync(path.join(dir, name), `${JSON.stringify({ id: 1, text: body })}\n`);
    feed('a.jsonl', text(SEED.original));
    feed('b.jsonl', text(SEED.unrelated));
    feed('a2.jsonl', text(SEED.original).replace('US and South Korean', 'American and South Korean'));
    expect((await runCli(['index', 'add', 'a.jsonl'], { cwd: dir })).stderr).toBe('');
    const other = await runCli(['index', 'add', 'b.jsonl'], { cwd: dir });
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(
      'dedupe: warning: 1 (b.jsonl:1): replaced the stored article of that name, which shares no paragraph with it; if they are two articles, give them different names or ids (the replaced one is no longer in the index)\n',
    );
    expect((await runCli(['index', 'add', 'a.jsonl'], { cwd: dir })).stderr).toContain('replaced the stored article');
    // An edit of the stored article is its update: nothing to say.
    const edit = await runCli(['index', 'add', 'a2.jsonl'], { cwd: dir });
    expect(edit.stdout).toContain('updated  1 (23 paragraphs)');
    expect(edit.stderr).toBe('');
  });

  it('prints what was added, updated and skipped; re-adding unchanged files is a no-op', async () => {
    const dir = tempDir();
    const articles = path.join(dir, 'articles');
    mkdirSync(articles);
    copyFileSync(path.join(repoRoot, SEED.original), path.join(articles, 'a.txt'));
    copyFileSync(path.join(repoRoot, SEED.unrelated), path.join(articles, 'b.txt'));
    const first = await runCli(['index', 'add', 'articles'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^added {4}articles\/a\.txt \(23 paragraphs\)\nadded {4}articles\/b\.txt \(\d+ paragraphs\)\n/);
    expect(first.stdout).toMatch(/\.dedupe\/index\.db: 2 added, 0 updated, 0 skipped \(unchanged\); 2 documents, \d+ paragraphs in the index/);
    // The default index lives in .dedupe/ of the current folder.
    expect(existsSync(path.join(dir, '.dedupe', 'index.db'))).toBe(true);

    writeFileSync(path.join(articles, 'b.txt'), readFileSync(path.join(repoRoot, SEED.reprintB)));
    const second = (await runJson<{ added: unknown[]; updated: Array<{ path: string }>; unchanged: string[]; index: { documents: number } }>(
      ['index', 'add', './articles/a.txt', 'articles/b.txt'],
      { cwd: dir },
    )).report;
    // ./articles/a.txt is the same document as articles/a.txt.
    expect(second).toMatchObject({ added: [], updated: [{ path: 'articles/b.txt' }], unchanged: ['articles/a.txt'], index: { documents: 2 } });

    const stats = (await runJson<{ documents: number; paragraphs: number; schemaVersion: number; parameters: { shingleSize: number } }>(
      ['index', 'stats'],
      { cwd: dir },
    )).report;
    expect(stats).toMatchObject({ documents: 2, schemaVersion: 5, parameters: { shingleSize: 3 } });
    const human = await runCli(['index', 'stats', '--verify'], { cwd: dir });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/verify +ok/);
    // -q: one line, as index add prints with it.
    const quiet = await runCli(['index', 'stats', '-q', '--verify'], { cwd: dir });
    expect(quiet.stdout).toMatch(/^\.dedupe\/index\.db: 2 documents, \d+ paragraphs, [\d.]+ KiB, schema 5; verify ok\n$/);
    // Content keys lost (the check that was quadratic, found by a new user): said.
    const db = new Database(path.join(dir, '.dedupe/index.db'));
    db.exec('DELETE FROM content_keys WHERE variant_id = (SELECT min(variant_id) FROM content_keys)');
    db.close();
    const damaged = await runCli(['index', 'stats', '--verify'], { cwd: dir });
    expect(damaged.stdout).toMatch(/verify +1 problem\n +1 variants with content words but no content keys\n/);
  });

  it('index remove of a JSONL feed takes out the articles its lines name, stored under their ids (found by a new user)', async () => {
    const dir = tempDir();
    copyFileSync(path.join(repoRoot, 'fixtures/jsonl/articles.jsonl'), path.join(dir, 'feed.jsonl'));
    expect((await runCli(['index', 'add', 'feed.jsonl'], { cwd: dir })).code).toBe(0);
    const result = await runCli(['index', 'remove', 'feed.jsonl'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 removed; 0 documents, 0 paragraphs in the index/);
    expect(result.stderr).toBe('');
  });

  it('index remove - takes out the articles of JSONL on standard input, as index add - stores them (it took - for a stored path; a new user)', async () => {
    const dir = tempDir();
    const feed = readFileSync(path.join(repoRoot, 'fixtures/jsonl/articles.jsonl'), 'utf8');
    writeFileSync(path.join(dir, 'feed.jsonl'), feed);
    expect((await runCli(['index', 'add', 'feed.jsonl'], { cwd: dir })).code).toBe(0);
    const result = await runInProcess(['index', 'remove', '-'], { cwd: dir, stdin: feed });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 removed; 0 documents, 0 paragraphs in the index/);
    expect(result.stderr).toBe('');
    const again = await runInProcess(['index', 'remove', '-'], { cwd: dir, stdin: feed });
    expect(again.stderr).toBe('dedupe: warning: standard input: no article it holds is in the index .dedupe/index.db with its text; nothing removed for it\n');
  });

  it("index remove of a JSONL feed leaves an id another feed's article holds now (found in review)", async () => {
    const dir = tempDir();
    const text = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');
    writeFileSync(path.join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'x', text: text(SEED.original) })}\n${JSON.stringify({ id: 'y', text: text(SEED.update) })}\n`);
    writeFileSync(path.join(dir, 'b.jsonl'), `${JSON.stringify({ id: 'y', text: text(SEED.unrelated) })}\n`);
    expect((await runCli(['index', 'add', 'a.jsonl'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['index', 'add', 'b.jsonl'], { cwd: dir })).code).toBe(0);
    const result = await runCli(['index', 'remove', 'a.jsonl'], { cwd: dir });
    expect(result.stdout).toMatch(/^removed {2}x\n.*1 removed; 1 document/s);
    // The line whose article is not in the index (with its text) is said, in one warning (a new user).
    expect(result.stderr).toMatch(/^dedupe: warning: a\.jsonl: 1 of its 2 articles is not in the index \S+ with this text \("y"\); nothing removed for it\n$/);
  });

  it('index remove takes out a folder, and warns about paths not in the index', async () => {
    const db = await indexOf(SEED.original, SEED.unrelated);
    const result = await runCli(['index', 'remove', '--db', db, 'fixtures/seeds/', 'nowhere.txt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`removed  ${SEED.original}`);
    expect(result.stdout).toMatch(/2 removed; 0 documents, 0 paragraphs in the index/);
    expect(result.stderr).toBe(`dedupe: warning: nowhere.txt: not in the index ${db}; nothing removed for it\n`);
  });

  it('builds a new index with the options given, and refuses other ones later', async () => {
    const db = path.join(tempDir(), 'index.db');
    expect((await runCli(['index', 'add', '--db', db, '--shingle-size', '4', SEED.original])).code).toBe(0);
    const mismatch = await runCli(['check', '--db', db, '--shingle-size', '5', SEED.reprintA]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toBe(
      `dedupe: error: ${db} was built with --shingle-size 4, but this run asks for --shingle-size 5; ` +
        "leave the option out to use the index's value, or build a separate index (--db) with it\n",
    );
    const { report } = await runJson<Report>(['check', '--db', db, SEED.reprintA]);
    expect(report.options.shingleSize).toBe(4);
    expect((await runCli(['index', 'add', '--db', db, '--threshold', '0.2', SEED.unrelated])).code).toBe(2);
  });

  it('a missing path or no matching files is a usage error, and creates no index', async () => {
    const dir = tempDir();
    const result = await runCli(['index', 'add', 'nope'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dedupe: error: nope: no such file or folder; check the path\n');
    expect(existsSync(path.join(dir, '.dedupe'))).toBe(false);
  });
});

describe('a paragraph found in very many archived articles', () => {
  it('is compared with the first 100 added, and a warning says its match count is a lower bound', async () => {
    const dir = tempDir();
    const next = random(77);
    const wire = syntheticArticle(next, 1).trim();
    mkdirSync(path.join(dir, 'archive'));
    // The wire paragraph is each archived article's text (a short brief reprinted 104 times),
    // not a footer under unrelated articles, which would be boilerplate.
    for (let i = 0; i < 104; i++) {
      writeFileSync(path.join(dir, 'archive', `${String(i).padStart(3, '0')}.txt`), `${wire}\n\nFiled by desk ${i}.\n`);
    }
    writeFileSync(path.join(dir, 'incoming.txt'), `${wire}\n\n${syntheticArticle(next, 2)}`);
    expect((await runCli(['index', 'add', '-q', 'archive'], { cwd: dir })).code).toBe(0);
    const { report, result } = await runJson<Report>(['check', '--max-matches', '0', 'incoming.txt'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'dedupe: warning: 1 incoming paragraph matches more than 100 archived articles; ' +
        'each was compared with the first 100 added, so its match count is a lower bound\n',
    );
    const paragraph = report.documents[0]!.segments[0]!;
    expect(paragraph.status).toBe('shared');
    expect(paragraph.matchCount).toBe(100);
    expect(paragraph.matches.map((m) => m.path)).toContain('archive/000.txt');
    expect(paragraph.matches.map((m) => m.path)).not.toContain('archive/103.txt');
  });
});

describe('the gate, on what the seeds look like in a feed', () => {
  it('--fail-on document judges each story: a reprint bundled with another story is a copy', async () => {
    const db = await indexOf(SEED.original, SEED.unrelated);
    const { report, result } = await runJson<Report & { check: { flagged: string[]; failOn: string } }>([
      'check',
      '--db',
      db,
      '--fail-on',
      'document',
      SEED.reprintA,
      SEED.update,
    ]);
    expect(result.code).toBe(1);
    expect(docOf(report, SEED.reprintA).reusedShare).toBeLessThan(0.8); // the whole file is not
    expect(report.check).toMatchObject({ failOn: 'document', flagged: [SEED.reprintA] });
    expect(result.stderr).toContain(`${SEED.reprintA} (lines 1-30)`);
  });

  it('a reused file name is compared with what the index holds under it, not skipped', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'incoming'));
    const db = path.join(dir, 'index.db');
    expect((await runCli(['index', 'add', '-q', '--db', db, path.join(repoRoot, SEED.unrelated)])).code).toBe(0);
    const feed = path.join(dir, 'incoming', 'feed.txt');
    copyFileSync(path.join(repoRoot, SEED.original), feed);
    const first = await runCli(['check', '-q', '--db', db, '--fail-on', 'edited', '--add', 'incoming'], { cwd: dir });
    expect(first.code).toBe(0);
    writeFileSync(feed, readFileSync(path.join(repoRoot, SEED.reprintA), 'utf8').split('\n').slice(0, 30).join('\n'));
    const { report, result } = await runJson<Report & { check: { added: string[] | null } }>(['check', '--db', db, '--fail-on', 'edited', '--add', 'incoming'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(atLine(docOf(report, 'incoming/feed.txt'), 12).matches[0]).toMatchObject({ path: 'incoming/feed.txt (as indexed)', status: 'edited' });
    expect(report.check.added).toEqual([]);
  });

  it('index remove never creates an index', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'none.db');
    const result = await runCli(['index', 'remove', '--db', db, 'x.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dedupe: error: .*none\.db: no index there; build one first/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("an incoming article's verdict and the rest of its batch", () => {
  it('a reworded copy stays derived beside 200 articles that use some of its words: words weigh as in the archive and the batch together, not the batch alone', async () => {
    const rewrite = 'fixtures/reworded-reprint/rewrite.txt';
    const storyWords = [...new Set(readFileSync(path.join(repoRoot, rewrite), 'utf8').split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w)))].sort();
    const next = random(777);
    // The archive: the wire story and 500 articles of other words. The batch: 200 such articles,
    // each with a line of 6 of the story's words, so that in the batch alone every word of the
    // story is common (in about 6% of its articles).
    const archive = tempDir();
    for (let i = 0; i < 500; i++) writeFileSync(path.join(archive, `a${i}.txt`), syntheticArticle(next, 8));
    copyFileSync(path.join(repoRoot, 'fixtures/reworded-reprint/wire.txt'), path.join(archive, 'wire.txt'));
    const batch = tempDir();
    for (let i = 0; i < 200; i++) {
      const line = Array.from({ length: 6 }, () => storyWords[Math.floor(next() * storyWords.length)]!).join(' ');
      writeFileSync(path.join(batch, `b${i}.txt`), `${syntheticArticle(next, 8)}\n${line}.\n`);
    }
    const db = await indexOf(archive);
    const edited = (report: Report): number => docOf(report, rewrite).segments.filter((s) => s.status === 'edited').length;
    const alone = (await runJson<Report>(['check', '--db', db, rewrite])).report;
    const beside = (await runJson<Report>(['check', '--db', db, rewrite, batch])).report;
    expect(edited(alone)).toBe(6);
    // Weighed by the batch and the few archived articles the lookup brought in (before index
    // schema 4), none of the 6 was found beside the batch; by the archive and batch together,
    // most are (the batch is 28% of the documents: it still counts for something).
    expect(edited(beside)).toBeGreaterThanOrEqual(4);
    expect(docOf(beside, rewrite).reusedShare).toBeGreaterThan(0.5);
  });
});

describe('check of a file the index holds, beside an archived article on the same topic (found by a new user)', () => {
  it('compares no story pair that no match links: the report does not call it partly derived from an unrelated archived article', async () => {
    const db = await indexOf(SEED.original, SEED.unrelated);
    const { report } = await runJson<Report>(['check', '--db', db, SEED.original]);
    expect(report.storyPairs ?? []).toEqual([]);
    const { stdout } = await runCli(['check', '--no-color', '--db', db, SEED.original]);
    expect(stdout).not.toContain('Story reuse outside groups');
    expect(stdout).toContain('no match besides itself');
  });
});

describe('check of an article whose only lines in common with the archive are boilerplate (found by a new user)', () => {
  it('lists no match: a shared "Leave a Reply" links no documents', async () => {
    const db = await indexOf(SEED.unrelated);
    const dir = tempDir();
    const incoming = path.join(dir, 'new.txt');
    writeFileSync(incoming, `${syntheticArticle(random(7), 6)}\n\nLeave a Reply\n\nYour email address will not be published.\n`);
    const { stdout } = await runCli(['check', '--no-color', '--db', db, incoming]);
    expect(stdout).toMatch(/new\.txt +no match$/m);
    expect(stdout).not.toMatch(/paragraphs? matched/);
  });
});


describe('check of long paragraphs cut at their sentences', () => {
  it('counts paragraphs in the gate line and the matches in the index, the pieces beside them ("16 paragraphs shared" of 4 paragraphs in 16 pieces; a new user\'s run)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'index.db');
    // The seed's 23 lines as 3 long paragraphs, each cut at its sentences into pieces.
    const lines = readFileSync(SEED.original, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const long = [lines.slice(0, 8), lines.slice(8, 16), lines.slice(16)].map((part) => part.join(' ')).join('\n\n');
    writeFileSync(path.join(dir, 'wire.txt'), long);
    writeFileSync(path.join(dir, 'copy.txt'), long);
    expect((await runCli(['index', 'add', '--db', db, path.join(dir, 'wire.txt')])).code).toBe(0);
    const { stdout, stderr, code } = await runCli(['check', '--no-color', '--db', db, '--fail-on', 'shared', path.join(dir, 'copy.txt')]);
    expect(code).toBe(1);
    const pieces = /3 paragraphs in (\d+) pieces/.exec(stdout)?.[1];
    expect(Number(pieces)).toBeGreaterThan(3);
    expect(stderr).toContain(`--fail-on shared: 3 paragraphs (${pieces} pieces) shared`);
    expect(stdout).toMatch(/wire\.txt {2}3 paragraphs matched \(3 shared, 0 edited/);
  });
});
