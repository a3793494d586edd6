/** Invariants of the whole pipeline, through the library API. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner, OptionsError, resolveOptions, scanDocuments } from '../../src/core/index.js';
import type { InputDocument, Report } from '../../src/core/types.js';
import { seeds } from '../helpers/fixtures.js';

const seedDocs: InputDocument[] = readdirSync(seeds)
  .sort()
  .map((name) => ({ id: name, text: readFileSync(path.join(seeds, name), 'utf8') }));

const para = (words: number, offset = 0) =>
  Array.from({ length: words }, (_, i) => `w${i + offset}`).join(' ') + '.';

function statuses(report: Report, id: string): string[] {
  return report.documents.find((d) => d.path === id)!.segments.map((s) => s.status);
}

describe('scan invariants', () => {
  it('identical text is shared, paragraph for paragraph', async () => {
    const text = `${para(30)}\n\n${para(25, 100)}\n`;
    const report = await scanDocuments([{ id: 'a', text }, { id: 'b', text }]);
    expect(statuses(report, 'a')).toEqual(['shared', 'shared']);
    expect(report.documents[0]!.segments[0]!.matches[0]).toMatchObject({ path: 'b', similarity: 1, status: 'shared' });
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ id: 1, documents: ['a', 'b'], clusters: 2 });
  });

  it('shuffling the documents changes nothing', async () => {
    const forward = await scanDocuments(seedDocs);
    const shuffled = [seedDocs[3]!, seedDocs[0]!, seedDocs[4]!, seedDocs[2]!, seedDocs[1]!];
    expect(JSON.stringify(await scanDocuments(shuffled))).toBe(JSON.stringify(forward));
  });

  it("keeps a story's ten write-throughs one group, though every version updates the figures of every paragraph", async () => {
    // Ten versions: many texts per cluster in many documents, as a template's fills, but close
    // ones (Jaccard about 0.85), so not a template (grouping.ts, TEMPLATE_MAX_SIMILARITY).
    const version = (i: number): string =>
      [
        `Floods kill ${12 + 3 * i} in northern province`,
        `Rescue teams in the northern province worked through the night on Tuesday to reach villages cut off by the floods, officials said, as the number of people killed rose to ${12 + 3 * i} and thousands more were left without shelter.`,
        `The regional governor told reporters that helicopters had dropped food and water to ${20 + i} stranded communities but that heavy rain was still falling across the valley and more landslides were feared.`,
        `Aid agencies warned that clean drinking water was running short in the worst hit districts and that the risk of disease would grow unless roads were reopened within the next ${3 + i} days.`,
      ].join('\n\n') + '\n';
    const report = await scanDocuments(Array.from({ length: 10 }, (_, i) => ({ id: `v${i}`, text: version(i) })));
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.documents).toHaveLength(10);
  });

  it("counts no template's lines among a group's clusters: eight notices of one wire paragraph and one template line", async () => {
    const wire = 'The central bank left its main interest rate unchanged on Thursday and said inflation was expected to ease gradually over the coming year as energy prices fell.';
    const notice = (i: number): string => `${wire}\n\nItem ${i * 37} was sold to the buyer at the auction on Monday.\n`;
    const report = await scanDocuments(Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, text: notice(i) })));
    expect(report.groups).toHaveLength(1);
    // The wire paragraph links them; the template line (8 texts, Jaccard 0.64) is no evidence.
    expect(report.groups[0]!.clusters).toBe(1);
    // Each says so of its line, and nothing of the wire paragraph.
    const [wireSegment, itemSegment] = report.documents[0]!.segments;
    expect(wireSegment!.template).toBeUndefined();
    expect(itemSegment).toMatchObject({ status: 'edited', template: 'lines' });
  });

  it('reports no merge of lines of one template, each mostly inside the paragraph (MERGE_MAX_WORDS_SHARE)', async () => {
    const line = (i: number): string => `Item ${i} was sold to the buyer at the auction on Monday.`;
    const report = await scanDocuments([
      { id: 'catalogue', text: `${Array.from({ length: 10 }, (_, i) => line(i)).join('\n\n')}\n` },
      { id: 'notice', text: `${line(99)}\n` },
    ]);
    const notice = report.documents.find((d) => d.path === 'notice')!.segments[0]!;
    expect(notice.status).toBe('edited');
    expect(notice.merges).toBeUndefined();
  });

  it('reports paragraphs merged into one as a merge, with the diff of their joined text', async () => {
    const first = para(20);
    const second = para(20, 100);
    const report = await scanDocuments([
      { id: 'wire', text: `${first}\n\n${second}\n` },
      { id: 'reprint', text: `${first.slice(0, -1)} and ${second}\n` },
    ]);
    const merged = report.documents.find((d) => d.path === 'reprint')!.segments[0]!;
    expect(merged.status).toBe('edited');
    expect(merged.merges).toEqual([
      {
        path: 'wire',
        parts: [
          { segment: 0, startLine: 1, endLine: 1 },
          { segment: 1, startLine: 3, endLine: 3 },
        ],
        ops: [
          { op: 'equal', text: first.slice(0, -1) },
          { op: 'insert', text: 'and' },
          { op: 'equal', text: second },
        ],
      },
    ]);
    // An exact copy is no part of a merge, and without word operations there are none at all.
    expect(report.documents.find((d) => d.path === 'wire')!.segments.every((s) => s.merges === undefined)).toBe(true);
    const scanner = await createScanner(resolveOptions());
    scanner.add({ id: 'wire', text: `${first}\n\n${second}\n` });
    scanner.add({ id: 'reprint', text: `${first.slice(0, -1)} and ${second}\n` });
    expect((await scanner.finish([], { wordOps: false })).report.documents[1]!.segments[0]!.merges).toBeUndefined();
  });

  it('a document alone, or with unrelated ones, has only unique paragraphs', async () => {
    const report = await scanDocuments([{ id: 'a', text: `${para(30)}\n\n${para(30, 50)}` }, { id: 'b', text: para(40, 500) }]);
    expect(report.summary).toMatchObject({ shared: 0, edited: 0, unique: 3, groups: 0, candidatePairs: 0 });
  });

  it('a paragraph repeated inside one file is a repeat (every occurrence), not shared', async () => {
    const report = await scanDocuments([{ id: 'a', text: `${para(12)}\n\n${para(12)}\n\n${para(20, 40)}` }]);
    const segments = report.documents[0]!.segments;
    expect(segments.map((s) => s.status)).toEqual(['unique', 'unique', 'unique']);
    expect(segments.map((s) => [s.repeat ?? false, s.repeatOf])).toEqual([[true, undefined], [true, 0], [false, undefined]]);
    expect(report.documents[0]!.counts.repeats).toBe(2);
  });

  it('recognises publishing-system chrome only as a whole line', async () => {
    const report = await scanDocuments([{ id: 'a', text: 'Leave a Reply\n\nAdvertisement\n\nAdvertisement revenue fell by a fifth last year.\n\nRead more' }]);
    expect(report.documents[0]!.segments.map((s) => s.boilerplate ?? s.status)).toEqual(['footer', 'footer', 'unique', 'footer']);
  });

  it('reads a WordPress comment form line by line as chrome ("Comment", "Name *"), and a sentence naming a website as text', async () => {
    const form = 'Leave a Reply\n\nComment\n\nName *\n\nEmail *\n\nWebsite\n\nSave my name, email, and website in this browser for the next time I comment.\n\nPost Comment';
    const report = await scanDocuments([{ id: 'a', text: `${form}\n\nThe website of the council lists every comment made at the meeting.` }]);
    expect(report.documents[0]!.segments.map((s) => s.boilerplate ?? s.status)).toEqual(['footer', 'footer', 'footer', 'footer', 'footer', 'footer', 'footer', 'unique']);
    // One word ending a sentence is text (the last line of a wrapped "... declined to comment.": Reuters-21578 has 18).
    const wrapped = await scanDocuments([{ id: 'b', text: 'The company declined to\ncomment.\n\nIts shares fell by a tenth on Monday.' }], { segment: 'line' });
    expect(wrapped.documents[0]!.segments.map((s) => s.boilerplate ?? s.status)).toEqual(['unique', 'unique', 'unique']);
  });

  it('repeats and boilerplate count toward no reuse share', async () => {
    const body = para(30);
    const report = await scanDocuments([
      { id: 'a', text: `${para(10, 900)}\n\n${para(10, 900)}\n\n${body}\n\nLeave a Reply` },
      { id: 'b', text: `${para(10, 900)}\n\n${para(40, 500)}` },
    ]);
    const a = report.documents[0]!;
    expect(a.segments.map((s) => s.status)).toEqual(['shared', 'shared', 'unique', 'boilerplate']);
    expect(a.reusedShare).toBe(0);
    expect(report.groups).toEqual([]);
  });

  it('an edited paragraph (one word changed) is edited, with its similarity', async () => {
    const original = para(40);
    const edited = original.replace('w20', 'changed');
    const report = await scanDocuments([{ id: 'a', text: original }, { id: 'b', text: edited }]);
    const match = report.documents[0]!.segments[0]!.matches[0]!;
    expect(match.status).toBe('edited');
    expect(match.similarity).toBeCloseTo(35 / 41, 3); // 38 shingles each, 3 replaced
  });

  it('a paragraph merged from two is found from both halves (containment)', async () => {
    const first = para(30);
    const second = para(30, 100);
    const merged = `${first.slice(0, -1)} ${second}`;
    const report = await scanDocuments([{ id: 'a', text: `${first}\n${second}` }, { id: 'b', text: merged }], { segment: 'line' });
    expect(statuses(report, 'a')).toEqual(['edited', 'edited']);
    for (const segment of report.documents[0]!.segments) expect(segment.matches[0]).toMatchObject({ path: 'b', containment: 1 });
  });

  it('finds a short paragraph inside a long one whatever the seed (containment anchors, not LSH luck)', async () => {
    const heading = 'How is the West reacting?';
    const long = `${heading} ${para(60)}`;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const report = await scanDocuments([{ id: 'a', text: `${heading}\n\n${para(30, 500)}` }, { id: 'b', text: long }], { seed });
      expect(report.documents[0]!.segments[0]!.matches[0], `seed ${seed}`).toMatchObject({ path: 'b', status: 'edited', containment: 1 });
    }
  });

  it('the same short wire item under another headline is a copy, however common its lines', async () => {
    const table = 'Qtly div 10 cts vs 10 cts prior\n    Pay April 15\n    Record March 30\n Reuter';
    const others = Array.from({ length: 4 }, (_, i) => ({ id: `other${i}`, text: `OTHER CO ${i} SETS DIVIDEND\n\n${table.replace('April 15', `April ${i + 1}`)}` }));
    const report = await scanDocuments([
      { id: 'a', text: `THOMPSON MEDICAL CO INC <TM> SETS QUARTERLY\n\n${table}` },
      { id: 'b', text: `THOMPSON MEDICAL CO INC <TM> DECLARES QTLY DIV\n\n${table}` },
      ...others,
    ]);
    expect(report.groups.map((g) => g.documents)).toContainEqual(['a', 'b']);
  });

  it('a long paragraph quoting a short line is not edited; one made of split pieces is', async () => {
    const line = para(8, 900);
    const sentence = `${para(14)} ${line} ${para(14, 300)}`;
    const quoted = await scanDocuments([{ id: 'a', text: sentence }, { id: 'b', text: line }], { segment: 'line' });
    expect(statuses(quoted, 'a')).toEqual(['unique']);
    expect(statuses(quoted, 'b')).toEqual(['edited']);
    const whole = `${para(12)} ${para(12, 100)} ${para(12, 200)}`;
    const pieces = [para(12), para(30, 500), para(12, 100), para(12, 200)].join('\n');
    const split = await scanDocuments([{ id: 'a', text: whole }, { id: 'b', text: pieces }], { segment: 'line' });
    expect(statuses(split, 'a')).toEqual(['edited']);
    expect(statuses(split, 'b')).toEqual(['edited', 'unique', 'edited', 'edited']);
  });

  it('short paragraphs match only when identical and do not link documents', async () => {
    const report = await scanDocuments([
      { id: 'a', text: `More to come\n\n${para(30)}` },
      { id: 'b', text: `More to come\n\n${para(30, 300)}` },
      { id: 'c', text: `More to come soon\n\n${para(30, 600)}` },
    ]);
    expect(statuses(report, 'a')).toEqual(['shared', 'unique']);
    expect(statuses(report, 'c')).toEqual(['unique', 'unique']);
    expect(report.groups).toEqual([]);
  });

  it('reports every non-blank paragraph, including punctuation-only ones', async () => {
    const report = await scanDocuments([{ id: 'a', text: 'Title\n\n<\n\n- * -\n\nBody text.\n' }]);
    expect(report.documents[0]!.segments.map((s) => [s.startLine, s.words])).toEqual([[1, 1], [3, 0], [5, 0], [7, 2]]);
  });

  it('lists at most --max-matches matches and counts them all', async () => {
    const text = para(20);
    const docs = Array.from({ length: 15 }, (_, i) => ({ id: `d${String(i).padStart(2, '0')}`, text }));
    const limited = await scanDocuments(docs, { maxMatches: 3 });
    expect(limited.documents[0]!.segments[0]!.matches).toHaveLength(3);
    expect(limited.documents[0]!.segments[0]!.matchCount).toBe(14);
    const all = await scanDocuments(docs, { maxMatches: 0 });
    expect(all.documents[0]!.segments[0]!.matches).toHaveLength(14);
  });
});

describe('options', () => {
  it('fills defaults and derives bands and rows from the thresholds', () => {
    const options = resolveOptions({});
    expect(options).toMatchObject({ threshold: 0.5, containment: 0.8, shingleSize: 3, numHashes: 128, minWords: 5 });
    expect(options.bands * options.rows).toBeLessThanOrEqual(128);
    expect(options.candidateThreshold).toBeCloseTo(0.364, 3);
  });

  it.each([
    [{ threshold: 1.5 }, /--threshold must be between/],
    [{ shingleSize: 0 }, /--shingle-size must be between 1 and 16, got 0/],
    [{ numHashes: 100.5 }, /--num-hashes must be a whole number/],
    [{ minWords: Number.NaN }, /--min-words must be a number/],
  ])('rejects %j', (bad, message) => {
    expect(() => resolveOptions(bad)).toThrow(OptionsError);
    expect(() => resolveOptions(bad)).toThrow(message);
  });
});
