/** Issue "Show what changed": what the seeds must show about originals, reprints and edits. */
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffReport, Report } from '../../src/core/types.js';
import { runCli, runJson } from '../helpers/in-process.js';
import { SEED, tempDir } from '../helpers/fixtures.js';

const { report } = await runJson<Report>(['fixtures/seeds']);
const group = report.groups[0]!;
const member = (path: string) => group.members.find((m) => m.path === path)!;
const doc = (path: string) => report.documents.find((d) => d.path === path)!;
const atLine = (path: string, line: number) => doc(path).segments.find((s) => s.startLine <= line && line <= s.endLine)!;

describe('original, versions and reprints', () => {
  it('says why an original was called when only the other member speaks (it credits another source)', async () => {
    const dir = tempDir();
    const story = readFileSync(SEED.original, 'utf8').split('\n').slice(2).join('\n');
    writeFileSync(path.join(dir, 'a.txt'), story);
    writeFileSync(path.join(dir, 'b.txt'), `${story}\n\nThe figures were released on Friday, Reuters reported.\n`);
    const { stdout } = await runCli([dir]);
    const head = stdout.split('\n').find((line) => line.startsWith('Group 1'))!;
    expect(head).toMatch(/original .*a\.txt \(confidence [0-9.]+: nothing for it, against the others: .*b\.txt: Reuters reported\)/);
  });

  it('names 002 the original, with its reasons as data and a confidence', async () => {
    expect(group.original).toBe(SEED.original);
    expect(group.originalReasons).toContainEqual({ kind: 'dateline', detail: 'KYIV, Ukraine (AP) —', weight: 3 });
    expect(group.confidence).toBeGreaterThan(0.5);
    expect(group.confidence).toBeLessThanOrEqual(1);
  });

  it('000 and 001 are reprints: they cite the AP and keep all of the original', async () => {
    for (const path of [SEED.reprintA, SEED.reprintB]) {
      const m = member(path);
      expect(m.role).toBe('reprint');
      expect(m.reasons).toContainEqual(expect.objectContaining({ kind: 'attribution', weight: -2 }));
      expect(m.comparison!.coverage).toBeGreaterThan(0.9);
      expect(m.comparison!.edits.map((e) => e.kind)).toEqual(expect.arrayContaining(['words-substituted', 'paragraphs-merged', 'quote-added']));
    }
  });

  it('003 is a later version of the original, not another outlet’s copy', async () => {
    const m = member(SEED.update);
    expect(m.role).toBe('version');
    expect(m.comparison!.reused).toBeLessThan(0.6);
    expect(m.comparison!.paragraphs.added).toBeGreaterThan(10);
    expect(m.comparison!.edits.map((e) => e.kind)).toEqual(expect.arrayContaining(['new-lede', 'paragraph-split']));
  });

  it('004 is not related', async () => {
    expect(group.documents).not.toContain(SEED.unrelated);
    expect(doc(SEED.unrelated).group).toBeNull();
  });

  it('the human report leads with the group: original, version, reprints', async () => {
    const { stdout } = await runCli(['fixtures/seeds']);
    const lines = stdout.split('\n');
    expect(lines[2]).toMatch(/^Group 1: 4 documents, original fixtures\/seeds\/002_b644d28894aa6977\.txt \(confidence 0\.\d\d: dateline \"KYIV, Ukraine \(AP\) —\"\)$/);
    expect(lines[3]).toMatch(/^ {2}original\s+fixtures\/seeds\/002_/);
    expect(lines[4]).toMatch(/^ {2}version\s+fixtures\/seeds\/003_\S+\s+keeps \d+% of the original; .*new lede/);
    expect(lines[5]).toMatch(/^ {2}reprint\s+fixtures\/seeds\/000_2c77c33462164435\.txt:1-30\s+keeps 94% of the original; .*paragraphs merged/);
  });
});

describe('the wire dateline in a copy', () => {
  it('names a dropped dateline and a dropped agency credit first among the edits; a credit closing the story is the credit kept (found by a new user)', async () => {
    const dir = tempDir();
    const lines = readFileSync(SEED.original, 'utf8').split('\n');
    const lede = lines[0]!;
    expect(lede.startsWith('KYIV, Ukraine (AP) — ')).toBe(true);
    writeFileSync(path.join(dir, 'a-wire.txt'), lines.join('\n'));
    writeFileSync(path.join(dir, 'b-no-dateline.txt'), [lede.replace('KYIV, Ukraine (AP) — ', ''), ...lines.slice(1)].join('\n'));
    writeFileSync(path.join(dir, 'c-no-credit.txt'), [lede.replace('(AP) — ', '-- '), ...lines.slice(1)].join('\n'));
    writeFileSync(path.join(dir, 'd-credit-at-end.txt'), [lede.replace('(AP) — ', '-- '), ...lines.slice(1).filter((l) => l.trim() !== ''), '(AP)'].join('\n'));
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    expect(report.groups).toHaveLength(1);
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'a-wire.txt'));
    const editsOf = (name: string): string[] => group.members.find((m) => m.path === path.join(dir, name))!.comparison!.edits.map((e) => e.kind);
    expect(editsOf('b-no-dateline.txt')[0]).toBe('dateline-dropped');
    expect(editsOf('c-no-credit.txt')[0]).toBe('credit-dropped');
    expect(editsOf('d-credit-at-end.txt')).not.toContain('credit-dropped');
    expect(editsOf('d-credit-at-end.txt')).not.toContain('dateline-dropped');
    const { stdout } = await runCli([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    expect(stdout).toMatch(/b-no-dateline\.txt +keeps [\d.]+% of the original; [^;]+; dateline dropped/);
    expect(stdout).toMatch(/c-no-credit\.txt +keeps [\d.]+% of the original; [^;]+; agency credit dropped/);
  });
});

describe('a Reuters dateline with its date', () => {
  it('decides the original, and a copy that cut "(Reuters)" and kept "NEW YORK, June 4 -" dropped the credit (a new user\'s run: the dated dateline was no evidence, and the group undecided)', async () => {
    const dir = tempDir();
    const lines = readFileSync(SEED.original, 'utf8').split('\n');
    const body = lines[0]!.replace('KYIV, Ukraine (AP) — ', '');
    writeFileSync(path.join(dir, 'a-reuters.txt'), [`NEW YORK, June 4 (Reuters) - ${body}`, ...lines.slice(1)].join('\n'));
    writeFileSync(path.join(dir, 'b-site.txt'), [`NEW YORK, June 4 - ${body}`, ...lines.slice(1)].join('\n'));
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'a-reuters.txt'));
    expect(group.originalReasons).toContainEqual({ kind: 'dateline', detail: 'NEW YORK, June 4 (Reuters) -', weight: 3 });
    const copy = group.members.find((m) => m.path === path.join(dir, 'b-site.txt'))!;
    expect(copy.comparison!.edits[0]!.kind).toBe('credit-dropped');
  });
});

describe('the evidence named for the original', () => {
  it('says last, as all the copies\', a dateline every copy carries: the file time decided (found by a new user)', async () => {
    const dir = tempDir();
    const lines = readFileSync(SEED.original, 'utf8').split('\n');
    writeFileSync(path.join(dir, 'orig.txt'), lines.join('\n'));
    writeFileSync(path.join(dir, 'copy.txt'), [...lines.slice(0, 10), lines[11], lines[10], ...lines.slice(12)].join('\n'));
    const hoursAgo = Date.now() / 1000 - 3 * 3600;
    utimesSync(path.join(dir, 'orig.txt'), hoursAgo, hoursAgo);
    const { stdout } = await runCli([dir], { env: { DEDUPE_FILE_TIMES: '1' } });
    expect(stdout).toContain(`original ${path.join(dir, 'orig.txt')} (confidence 0.56: oldest file; all the copies carry dateline "KYIV, Ukraine (AP) —")`);
  });
});

describe('word-level changes', () => {
  it('the edited match of 000 line 12 carries ops: "US" replaced by "American"', async () => {
    const match = atLine(SEED.reprintA, 12).matches.find((m) => m.path === SEED.original)!;
    expect(match.status).toBe('edited');
    expect(match.ops).toEqual([
      { op: 'delete', text: 'KYIV, Ukraine (AP) — US' },
      { op: 'insert', text: 'American' },
      { op: 'equal', text: expect.stringMatching(/^and South Korean officials said Wednesday/) },
    ]);
  });

  it('shared matches carry no ops', async () => {
    for (const match of atLine(SEED.reprintA, 12).matches.filter((m) => m.status === 'shared')) expect(match.ops).toBeUndefined();
  });

  it('--diff compares a reprint with the original: nothing for a word-for-word copy, the edit otherwise', async () => {
    const { stdout } = await runCli(['--diff', 'fixtures/seeds']);
    const reprint = stdout.slice(stdout.indexOf('fixtures/seeds/000_2c77c33462164435.txt  group'));
    expect(reprint).toMatch(/\n {5}25  shared[^\n]*\n {5}26  shared[^\n]*\n\s+from 002_b644d28894aa6977\.txt:17: \[-UK-\] \{\+United Kingdom\+\}/);
  });

  it('--diff shows nothing under a shared paragraph of a group with no original, however many matches are listed', async () => {
    // a and b share a paragraph word for word; c has it edited. No dateline, date or file time
    // tells them apart, so the group has no original to diff against.
    const dir = tempDir();
    const para = 'The town council voted on Tuesday to close the old swimming pool at the end of the summer after engineers found cracks in its walls.';
    const other = 'Residents who use the pool every morning said they would ask the council to look again at the cost of repairs before the vote is final.';
    writeFileSync(path.join(dir, 'a.txt'), `${para}\n\n${other}\n`);
    writeFileSync(path.join(dir, 'b.txt'), `${para}\n\n${other}\n\nA third paragraph only this copy has, about the weather on the day of the vote.\n`);
    writeFileSync(path.join(dir, 'c.txt'), `${para.replace('old swimming pool', 'old public swimming pool')}\n\n${other}\n`);
    for (const listed of ['1', '5']) {
      const { stdout } = await runCli(['--diff', '--no-color', '--max-matches', listed, dir]);
      expect(stdout).toContain('original undecided');
      const sectionA = stdout.slice(stdout.indexOf(`${path.join(dir, 'a.txt')}  group`), stdout.indexOf(`${path.join(dir, 'b.txt')}  group`));
      expect(sectionA).toMatch(/\n {6}1  shared /);
      expect(sectionA).not.toContain('from c.txt');
      // The edited paragraph is still diffed against its closest edit.
      const sectionC = stdout.slice(stdout.indexOf(`${path.join(dir, 'c.txt')}  group`));
      expect(sectionC).toMatch(/\n {6}1  edited [^\n]*\n\s+from [ab]\.txt:1: .*\{\+public\+\}/);
    }
  });

  it('--diff shows a merge against both merged paragraphs, not the second as written anew', async () => {
    const { stdout } = await runCli(['--diff', SEED.original, SEED.reprintA]);
    const line30 = stdout.slice(stdout.indexOf('\n     30  '));
    expect(line30).toMatch(/^\n {5}30 [^\n]*\n\s+from 002_b644d28894aa6977\.txt:22\+23 \(merged\): North Korea has already sent over … Ukrainian targets, officials in Kyiv say\.\n/);
  });

  it('--diff shows the word changes under each changed paragraph, readable without colour', async () => {
    const { stdout } = await runCli(['--diff', SEED.original, SEED.reprintA]);
    expect(stdout).toContain('from 002_b644d28894aa6977.txt:1: [-KYIV, Ukraine (AP) — US-] {+American+} and South Korean officials');
    const coloured = (await runCli(['--diff', '--color', SEED.original, SEED.reprintA])).stdout;
    expect(coloured).not.toContain('[-KYIV');
    expect(coloured).toMatch(/\u001b\[[\d;]*mKYIV, Ukraine \(AP\) — US/);
  });
});

describe('dedupe diff', () => {
  const diff = async (from: string, to: string) => (await runJson<DiffReport>(['diff', from, to])).report;
  const lines = (refs: Array<{ startLine: number }>) => refs.map((r) => r.startLine);

  it('aligns 000 line 12 with 002 line 1 and shows "US" replaced by "American"', async () => {
    const report = await diff(SEED.original, SEED.reprintA);
    const lede = report.blocks.find((b) => lines(b.to).includes(12))!;
    expect(lede).toMatchObject({ kind: 'edited' });
    expect(lines(lede.from)).toEqual([1]);
    expect(lede.ops).toContainEqual({ op: 'insert', text: 'American' });
    expect(lede.ops!.find((o) => o.op === 'delete')!.text).toMatch(/\bUS$/);
  });

  it('aligns 002 lines 22 and 23 with 000 line 30 as a merge', async () => {
    const merge = (await diff(SEED.original, SEED.reprintA)).blocks.find((b) => lines(b.to).includes(30))!;
    expect(merge.kind).toBe('merged');
    expect(lines(merge.from)).toEqual([22, 23]);
  });

  it('aligns 003 lines 17, 19 and 25 with 002 line 8 as a split', async () => {
    const split = (await diff(SEED.original, SEED.update)).blocks.find((b) => lines(b.from).includes(8))!;
    expect(split.kind).toBe('split');
    expect(lines(split.to)).toEqual([17, 19, 25]);
  });

  it('prints a readable alignment without colour, exit 0', async () => {
    const result = await runCli(['diff', SEED.original, SEED.update]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}8\s+→ 17,19,25\s+split\s+0\.\d\d/);
    expect(result.stdout).toMatch(/\n {2}22,23 → 61\s+merged/);
    expect(result.stdout).toMatch(/\n {2}1\s+→ -\s+dropped\s+\[-KYIV, Ukraine \(AP\)/);
  });

  it('a file against a copy of itself: one line says nothing changed, no row per paragraph', async () => {
    const dir = tempDir();
    copyFileSync(SEED.original, path.join(dir, 'copy.txt'));
    const result = await runCli(['diff', SEED.original, path.join(dir, 'copy.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${SEED.original} → ${path.join(dir, 'copy.txt')}\nno change: the 23 paragraphs have the same words, in the same order\n`);
    // Two empty files: nothing changed either.
    writeFileSync(path.join(dir, 'empty.txt'), '');
    expect((await runCli(['diff', path.join(dir, 'empty.txt'), path.join(dir, 'empty.txt')])).stdout).toMatch(/\nno change: neither has a paragraph\n$/);
    // --json still lists every block, and --exit-code still says they do not differ.
    expect((await diff(SEED.original, path.join(dir, 'copy.txt'))).blocks.every((b) => b.kind === 'same')).toBe(true);
    expect((await runCli(['diff', '--exit-code', SEED.original, SEED.original])).code).toBe(0);
  });

  it('a paragraph without words ("***", "<") is the same paragraph in a copy, not dropped and added', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'breaks.txt');
    writeFileSync(file, 'The first part of the story, told in words.\n\n***\n\nThe second part of the story, told in words.\n\n<\n');
    copyFileSync(file, path.join(dir, 'copy.txt'));
    expect((await runCli(['diff', '--exit-code', file, path.join(dir, 'copy.txt')])).code).toBe(0);
    const blocks = (await diff(file, path.join(dir, 'copy.txt'))).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['same', 'same', 'same', 'same']);
    // The seed whose "<" line was dropped and added against itself.
    expect((await runCli(['diff', '-q', 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt', 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt'])).code).toBe(0);
  });

  it('says when the two files were split into paragraphs differently (auto segmentation read a copy without punctuation as blocks)', async () => {
    const dir = tempDir();
    const stripped = path.join(dir, 'stripped.txt');
    writeFileSync(stripped, readFileSync(SEED.original, 'utf8').replace(/[,.]/g, ''));
    const result = await runCli(['diff', SEED.original, stripped]);
    expect(result.stdout).toContain('\nsplit into paragraphs differently: line layout → block layout; --segment line or --segment block splits both alike\n');
    const report = await diff(SEED.original, stripped);
    expect([report.from.layout, report.to.layout]).toEqual(['line', 'block']);
    // Split alike, they have the same words.
    expect((await runCli(['diff', '--segment', 'line', SEED.original, stripped])).stdout).toMatch(/\nno change: the 23 paragraphs have the same words/);
    expect((await runCli(['diff', SEED.original, SEED.update])).stdout).not.toContain('split into paragraphs differently');
    // Layouts that differ but paired every paragraph one to one (a hard-wrapped copy): nothing to say (found by a new user).
    const wrapped = path.join(dir, 'wrapped.txt');
    writeFileSync(wrapped, readFileSync('fixtures/hard-wrapped/harbour-wrapped.txt', 'utf8'));
    const oneToOne = await diff('fixtures/hard-wrapped/harbour-reprint.txt', wrapped);
    expect(oneToOne.from.layout).not.toBe(oneToOne.to.layout);
    expect(oneToOne.summary.merged + oneToOne.summary.split).toBe(0);
    expect((await runCli(['diff', 'fixtures/hard-wrapped/harbour-reprint.txt', wrapped])).stdout).not.toContain('split into paragraphs differently');
  });

  it('names a long line cut into sentence pieces once in a block, not once per piece, and calls two lines joined into it a merge', async () => {
    const dir = tempDir();
    const joined = path.join(dir, 'joined.txt');
    const lines = readFileSync(SEED.original, 'utf8').split('\n');
    writeFileSync(joined, [lines[0], `${lines[1]} ${lines[2]}`, ...lines.slice(3)].join('\n'));
    const result = await runCli(['diff', SEED.original, joined]);
    // Lines 2 and 3 joined (over 600 characters, cut at sentences): one merge, not two splits of each into the pieces (found by a new user).
    expect(result.stdout).toMatch(/\n {2}2,3 +→ 2 +merged /);
    expect(result.stdout).toContain('23 → 22 paragraphs');
    expect(result.stdout).not.toMatch(/→ 2,2\b/);
    expect(result.stdout).not.toMatch(/→ \S+ +split /);
  });

  it('in colour, an unchanged paragraph is dim, not red, the colour of what was deleted (found by a new user)', async () => {
    const { stdout } = await runCli(['diff', '--color', SEED.original, SEED.reprintA]);
    expect(stdout).toContain('\u001b[2msame');
    expect(stdout).not.toContain('\u001b[31msame');
  });

  it('a missing file or a folder is a one-line error, exit 2', async () => {
    const missing = await runCli(['diff', SEED.original, 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dedupe: error: nope.txt: no such file; check the path\n');
    const folder = await runCli(['diff', SEED.original, 'fixtures/seeds']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^dedupe: error: fixtures\/seeds: is a folder; dedupe diff compares two files/);
    // JSONL holds many articles: not diffed as one text (found by a new user).
    const jsonl = await runCli(['diff', 'fixtures/jsonl/articles.jsonl', SEED.original]);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toBe(
      'dedupe: error: fixtures/jsonl/articles.jsonl: is JSONL, one article per line; dedupe diff compares two articles in text files (scan it: dedupe fixtures/jsonl/articles.jsonl)\n',
    );
  });
});

describe('boilerplate, repeats and stories', () => {
  it('000 lines 1 and 7 (the headline) and its caption lines are repeats', async () => {
    for (const line of [1, 7, 3, 4, 9, 10]) expect(atLine(SEED.reprintA, line).repeat, `000:${line}`).toBe(true);
    expect(atLine(SEED.reprintA, 7).repeatOf).toBe(atLine(SEED.reprintA, 1).index);
  });

  it('"TT" is an artifact, not evidence of reuse', async () => {
    for (const line of [5, 38]) expect(atLine(SEED.reprintA, line)).toMatchObject({ status: 'boilerplate', boilerplate: 'artifact' });
  });

  it('a site footer and a stray "<" in 004 are boilerplate, and listed in their own section', async () => {
    expect(atLine(SEED.unrelated, 81)).toMatchObject({ text: 'Leave a Reply', status: 'boilerplate', boilerplate: 'footer' });
    expect(atLine(SEED.unrelated, 71)).toMatchObject({ text: '<', status: 'boilerplate', boilerplate: 'artifact' });
    const { stdout } = await runCli(['fixtures/seeds']);
    expect(stdout).toMatch(/\nBoilerplate \(8\) .*\n(?: {2}.*\n)*? {2}fixtures\/seeds\/004_7a4f2c888cc0ca1e\.txt:81\s+footer\s+Leave a Reply\n/);
    expect(stdout).toMatch(/\nRepeated lines \(28 paragraphs, 10 texts\) .*\n {2}fixtures\/seeds\/000_2c77c33462164435\.txt: lines 1, 7\s+Officials Say North Korea/);
  });

  it('000 is two stories, lines 1-30 and 34-67, reported apart', async () => {
    expect(doc(SEED.reprintA).stories.map((s) => [s.startLine, s.endLine, s.group])).toEqual([
      [1, 30, 1],
      [34, 67, null],
    ]);
    expect(doc(SEED.reprintA).stories[0]!.reusedShare).toBe(1);
    expect(doc(SEED.reprintA).stories[1]!.reusedShare).toBe(0);
    expect(doc(SEED.reprintB).stories.map((s) => [s.startLine, s.endLine])).toEqual([
      [1, 30],
      [34, 87],
    ]);
    expect(member(SEED.reprintA)).toMatchObject({ story: 0, startLine: 1, endLine: 30 });
  });
});

describe('a reprint that adds words to every paragraph (found in review)', () => {
  it('stays a reprint: versions are told by the share of its words in matched paragraphs, not by the words kept verbatim', async () => {
    const dir = tempDir();
    const paragraph = (k: number): string => Array.from({ length: 22 }, (_, i) => `word${k * 31 + i}`).join(' ');
    const extra = Array.from({ length: 18 }, (_, i) => `added${i}`).join(' ');
    const body = (date: string, more: string): string =>
      [`PORTSMOUTH, Maine (AP) — ${date}: ${paragraph(0)}${more}.`, ...Array.from({ length: 7 }, (_, k) => `${paragraph(k + 1)}${more}.`)].join('\n\n') + '\n';
    writeFileSync(path.join(dir, 'orig.txt'), body('Nov. 4, 2024', ''));
    writeFileSync(path.join(dir, 'copy.txt'), body('Nov. 5, 2024', ` ${extra}`));
    const { report } = await runJson<Report>([dir]);
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'orig.txt'));
    const copy = group.members.find((m) => m.path === path.join(dir, 'copy.txt'))!;
    expect(copy.comparison!.reused).toBeLessThan(0.6);
    expect(copy.role).toBe('reprint');
  });
});

describe('a date in the text is not a publication date (found by a new user)', () => {
  it('a later reprint that mentions 1955 is not made the original by it', async () => {
    const dir = tempDir();
    const story = [
      'The council voted on Tuesday to rebuild the old road along the river, after a decade of debate over its cost and its route.',
      'The plan sets aside money over six years for a new surface, wider pavements and a cycle lane separated from the traffic.',
      'Work is due to begin in the spring, and the road will stay open to buses while the first half is rebuilt.',
    ];
    writeFileSync(path.join(dir, 'first.txt'), ['Published March 3, 2025', ...story].join('\n\n') + '\n');
    writeFileSync(path.join(dir, 'later.txt'), ['River road to be rebuilt', ...story, 'The river road was first paved on May 9, 1955, and last resurfaced in the eighties.'].join('\n\n') + '\n');
    const { report } = await runJson<Report>([dir]);
    const group = report.groups[0]!;
    expect(group.original).not.toBe(path.join(dir, 'later.txt'));
    expect(JSON.stringify(group)).not.toContain('1955');
  });
});

describe('a wire dateline under a headline (found by a new user)', () => {
  it('is read in the lede, past the headline: the wire story is the original of a reprint that dropped the dateline', async () => {
    const dir = tempDir();
    const lede = 'GLASGOW, Scotland (AP) — Engineers closed the main bridge over the Clyde on Friday after divers found cracks in two of its piers, the city council said.';
    const body = [
      'Traffic was sent through the city centre, and buses ran on a shorter route that kept them off the bridge until further notice.',
      'The council said the cracks had been found during a routine inspection and that repairs would begin next week, weather permitting.',
      'Residents on both banks said the closure would add an hour to their daily journeys, and shop owners feared a quiet weekend.',
    ];
    writeFileSync(path.join(dir, 'ap.txt'), ['Clyde bridge closed after cracks found', '', lede, '', ...body.flatMap((p) => [p, ''])].join('\n'));
    const reprint = ['Clyde bridge closed after cracks found', '', lede.replace('GLASGOW, Scotland (AP) — ', ''), '', ...body.map((p) => p.replace('city centre', 'city center')).flatMap((p) => [p, ''])];
    writeFileSync(path.join(dir, 'herald.txt'), reprint.join('\n'));
    const { report } = await runJson<Report>([dir], { env: { DEDUPE_FILE_TIMES: '0' } });
    const group = report.groups[0]!;
    expect(group.original).toBe(path.join(dir, 'ap.txt'));
    expect(group.originalReasons).toContainEqual({ kind: 'dateline', detail: 'GLASGOW, Scotland (AP) —', weight: 3 });
  });
});

/**
 * In a new folder: brief.txt (the seed's first four lines, dated Oct. 23), wt.txt (its
 * write-through: a new lede, the seed's body, dated Oct. 24) and reprint.txt (the write-through
 * without its dateline, from its lede to `end`, as Array.slice takes it); the folder's member lines.
 */
async function writeThroughReprint(prefix: string, end: number): Promise<string[]> {
  const dir = tempDir(prefix);
  const lines = readFileSync(SEED.original, 'utf8').split('\n');
  const lede = 'KYIV, Ukraine (AP) — North Korea has sent about 10,000 troops to Russia who are likely to fight in Ukraine within weeks, the Pentagon said Thursday, raising the stakes in the nearly 3-year-old war.';
  const writeThrough = ['Updated Oct. 24, 2024', lede, ...lines.slice(1, 23)];
  writeFileSync(path.join(dir, 'brief.txt'), `${['Published Oct. 23, 2024', ...lines.slice(0, 4)].join('\n')}\n`);
  writeFileSync(path.join(dir, 'wt.txt'), `${writeThrough.join('\n')}\n`);
  writeFileSync(path.join(dir, 'reprint.txt'), `${[lede.replace('KYIV, Ukraine (AP) — ', ''), ...writeThrough.slice(2, end)].join('\n')}\n`);
  const { stdout, code } = await runCli(['--no-color', dir]);
  expect(code).toBe(0);
  return stdout.split('\n').filter((l) => /^ {2}(original|version|reprint) /.test(l));
}

describe('a reprint of a write-through, in a group whose original is the first brief', () => {
  it('names the member its story is derived from when that is closer than the original (it read "story partly derived" from the brief alone; a new user\'s run)', async () => {
    const memberLines = await writeThroughReprint('write-through-reprint-', 12);
    expect(memberLines[0]).toContain('brief.txt');
    const reprint = memberLines.find((l) => l.includes('reprint.txt'))!;
    expect(reprint).toMatch(/story partly derived .*; closest to \S*wt\.txt: story derived \(words 100%/);
    expect(memberLines.find((l) => l.includes('wt.txt') && !l.includes('reprint.txt'))).not.toContain('closest to');
  });

  it('does not name a reprint as the source of the write-through it reprints whole (review: measured from the write-through\'s side)', async () => {
    const memberLines = await writeThroughReprint('write-through-whole-reprint-', -1);
    const writeThroughLine = memberLines.find((l) => /^ {2}version +\S*wt\.txt /.test(l));
    expect(writeThroughLine).toBeDefined();
    expect(writeThroughLine).not.toContain('closest to');
    expect(memberLines.find((l) => l.includes('reprint.txt'))).toMatch(/closest to \S*wt\.txt/);
  });
});

describe('a write-through and a reprint of it that changed three words', () => {
  it('names neither as the other\'s source: each line says "closest to" the other, "either may be the copy" (the write-through was named closest to its reprint; a new user)', async () => {
    const dir = tempDir('write-through-tie-');
    copyFileSync(SEED.original, path.join(dir, 'wire.txt'));
    copyFileSync(SEED.update, path.join(dir, 'ap_wt.txt'));
    writeFileSync(path.join(dir, 'wt_reprint.txt'), readFileSync(SEED.update, 'utf8').replace('Biden administration', 'U.S. government').replaceAll(' US ', ' American '));
    const { stdout } = await runCli(['--no-color', dir]);
    const line = (name: string): string => stdout.split('\n').find((l) => new RegExp(`^ {2}\\S+ +\\S*/${name}\\.txt `).test(l))!;
    expect(line('ap_wt')).toMatch(/; closest to \S*wt_reprint\.txt \(either may be the copy\): story derived/);
    expect(line('wt_reprint')).toMatch(/; closest to \S*ap_wt\.txt \(either may be the copy\): story derived/);
  });
});

describe("a copy whose lede carries a dateline of another place", () => {
  it('says the dateline was replaced, not only the agency credit dropped (it read "agency credit dropped" for SPRINGFIELD — in place of KYIV, Ukraine (AP) —; a new user\'s run; then "dateline dropped")', async () => {
    const dir = tempDir('dateline-replaced-');
    const text = readFileSync(SEED.original, 'utf8');
    writeFileSync(path.join(dir, 'ap.txt'), text);
    writeFileSync(path.join(dir, 'local.txt'), text.replace('KYIV, Ukraine (AP) — ', 'SPRINGFIELD — '));
    writeFileSync(path.join(dir, 'bare.txt'), text.replace('KYIV, Ukraine (AP) — ', 'KYIV, Ukraine — '));
    const { stdout } = await runCli(['--no-color', dir]);
    const line = (name: string): string => stdout.split('\n').find((l) => l.includes(`reprint   ${dir}/${name}`) || l.includes(`reprint   ${name}`)) ?? '';
    expect(stdout).toMatch(/original \S*ap\.txt/);
    expect(line('local.txt')).toContain('dateline replaced by its own');
    expect(line('local.txt')).not.toMatch(/dateline dropped|agency credit dropped/);
    expect(line('bare.txt')).toContain('agency credit dropped');
  });

  it('calls nothing dropped when the original\'s dateline is a credit without a place and the copy adds one (review)', async () => {
    const dir = tempDir('dateline-credit-only-');
    const text = readFileSync(SEED.original, 'utf8');
    writeFileSync(path.join(dir, 'ap.txt'), `Published Oct. 23, 2024\n${text.replace('KYIV, Ukraine (AP) — ', '(AP) — ')}`);
    writeFileSync(path.join(dir, 'placed.txt'), `Published Oct. 25, 2024\n${text.replace('KYIV, Ukraine (AP) — ', 'KYIV (AP) — ')}`);
    const { stdout } = await runCli(['--no-color', dir]);
    const members = stdout.split('\n').filter((l) => /^ {2}(original|version|reprint) /.test(l));
    expect(members[0]).toMatch(/original +\S*ap\.txt/);
    expect(members[1]).toMatch(/reprint +\S*placed\.txt +keeps/);
    expect(members[1]).not.toMatch(/dateline dropped|agency credit dropped/);
  });
});
