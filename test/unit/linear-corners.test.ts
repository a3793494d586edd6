/**
 * Inputs that once took quadratic time or space (issue 9, "No quadratic corner"), each checked
 * for the right answer at a size where the quadratic version took minutes or ran out of
 * memory. No timing asserts: `npm run bench:corners` prints how each scales.
 */
import { describe, expect, it } from 'vitest';
import { alignParagraphs, alignParagraphsOf } from '../../src/core/align/align.js';
import { createSigner, resolveOptions, scanDocuments, segment, type Report } from '../../src/core/index.js';
import { renderGroupsTable } from '../../src/render/documents-table.js';
import { renderHuman } from '../../src/render/human.js';
import { plainPalette } from '../../src/render/palette.js';

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i + 1)).join('\n');

describe('no quadratic corner', () => {
  it('renders 130,000 short paragraphs as text (a spread of that many overflowed the stack)', async () => {
    const report: Report = await scanDocuments([{ id: 'items.txt', text: lines(130_000, (i) => `Item ${i} said.`) }]);
    const text = renderHuman(report, { palette: plainPalette, color: false, width: 100, quiet: false, diff: false, elapsedMs: 0 });
    expect(text).toContain('  130000  unique');
    expect(report.summary.paragraphs).toBe(130_000);
  });

  it("draws the documents table of 20,000 documents (cli-table3 checked each cell against every row above: 5 minutes for 43,917)", async () => {
    const docs = Array.from({ length: 20_000 }, (_, i) => ({ id: `outlet/${String(i).padStart(5, '0')}.txt`, text: `Story ${i} of the day was filed by outlet ${i} at noon.` }));
    const report: Report = await scanDocuments(docs);
    const text = renderHuman(report, { palette: plainPalette, color: false, width: 100, quiet: false, diff: false, elapsedMs: 0 });
    const rows = text.split('\n').filter((line) => line.startsWith('│ ') && line.includes('outlet/'));
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toMatch(/^│\s+- │\s+│ outlet\/19999\.txt\s+│\s+1 │/);
  });

  it('sizes the documents table of 150,000 documents without an argument per document (Math.max of a spread overflows the stack)', () => {
    // The table reads only these fields of a document.
    const documents = Array.from({ length: 150_000 }, (_, i) => ({
      path: `outlet/${i}.txt`,
      group: null,
      stories: [{ group: null }],
      segments: [{}],
      counts: { shared: 0, edited: 0, unique: 1, boilerplate: 0, repeats: 0 },
      reusedShare: 0,
    }));
    const report = { documents, groups: [] } as unknown as Report;
    for (const fitWidth of [undefined, 40]) {
      const table = renderGroupsTable(report, plainPalette, fitWidth === undefined ? {} : { fitWidth });
      expect(table, String(fitWidth)).toContain('outlet/149999.txt');
    }
  });

  it('segments 8 MB of prose on one line into sentences with their line (cut in linear time)', () => {
    const sentence = 'Officials said the new rules would take effect next year after a review. ';
    const text = `Headline\n${sentence.repeat(110_000).trimEnd()}\nLast line.\n`;
    expect(text.length).toBeGreaterThan(8_000_000);
    const { segments } = segment(text, 'line');
    expect(segments).toHaveLength(110_002);
    expect(segments[1]).toMatchObject({ startLine: 2, endLine: 2 });
    expect(segments[110_000]).toMatchObject({ startLine: 2, endLine: 2 });
    expect(segments[110_001]).toMatchObject({ startLine: 3, text: 'Last line.' });
  });

  it('looks for a glued footer in 2 MB of prose on one line whose sentences open as a footer does (each was once read to the end)', () => {
    const sentence = 'Sign up for the club newsletter, the secretary told members at the Monday meeting. ';
    const text = `${sentence.repeat(25_000).trimEnd()}\n`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const { segments } = segment(text, 'line');
    // The last two sentences (28 words: chrome is at most 40) have a footer's shape and are one piece.
    expect(segments).toHaveLength(24_999);
    expect(segments.at(-1)).toMatchObject({ startLine: 1, continues: true, text: sentence.repeat(2).trim() });
  });

  it('lists the matches of 140,000 identical lines of one file (each once looked through all the others)', async () => {
    const same = lines(70_000, () => 'The same line of text is repeated here again.');
    const report = await scanDocuments(
      [
        { id: 'a.txt', text: same },
        { id: 'b.txt', text: same },
      ],
      { maxMatches: 5 },
    );
    const first = report.documents[0]!.segments[0]!;
    expect(first).toMatchObject({ status: 'shared', repeat: true, matchCount: 70_000 });
    expect(first.matches.map((m) => m.path)).toEqual(Array(5).fill('b.txt'));
    expect(report.summary).toMatchObject({ shared: 140_000, repeats: 140_000 });
  });

  it('aligns two 5,000-line templated files line by line (every pair once measured: 2 GB, then a failure)', async () => {
    const signer = await createSigner(resolveOptions());
    const template = (i: number): string => `Item ${i} was sold to the buyer at the auction on Monday.`;
    const from = alignParagraphsOf(signer.prepare({ id: 'a', text: lines(5000, template) }));
    const to = alignParagraphsOf(signer.prepare({ id: 'b', text: lines(5000, (i) => template(i + 5000)) }));
    const blocks = alignParagraphs(from, to, resolveOptions());
    expect(blocks).toHaveLength(5000);
    expect(blocks.every((b, k) => b.kind === 'edited' && b.from[0] === k && b.to[0] === k)).toBe(true);
  });
});

describe('near-identical lines in one file (a fifth corner: 40,000 lines made 4 million candidate pairs, 6 s)', () => {
  it('proposes no pair of two paragraphs of one document, and the pairs across two documents still', async () => {
    const line = (i: number): string => `The company said on Monday that item ${i} of the quarterly report was filed with the regulator.`;
    const lines = Array.from({ length: 400 }, (_, i) => line(i));
    const one = await scanDocuments([{ id: 'one.txt', text: lines.join('\n') }]);
    expect(one.summary.candidatePairs).toBe(0);
    const two = await scanDocuments([
      { id: 'a.txt', text: lines.slice(0, 200).join('\n') },
      { id: 'b.txt', text: lines.slice(200).join('\n') },
    ]);
    expect(two.summary.candidatePairs).toBeGreaterThan(0);
    expect(two.summary.verifiedPairs).toBeGreaterThan(0);
  });
});
