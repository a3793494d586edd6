import { describe, expect, it } from 'vitest';
import { groupDocuments, PROSE_FOOTER_MIN_PAGES, TEMPLATE_MIN_DOCUMENTS, type ClusterInput } from '../../src/core/scan/grouping.js';
import { UnionFind } from '../../src/core/unionfind.js';

/** A cluster of one text per document unless `texts` says otherwise (one text in all: a syndicated paragraph reprinted as it is). */
const cluster = (words: Record<number, number>, eligible = true, texts = 1, similarity = 1): ClusterInput => ({
  wordsByDocument: new Map(Object.entries(words).map(([d, w]) => [Number(d), w])),
  eligible,
  paragraphs: Object.keys(words).length,
  texts,
  similarity,
});

describe('union-find', () => {
  it('joins sets transitively and reports whether a union changed anything', () => {
    const sets = new UnionFind(6);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 3)).toBe(true);
    expect(sets.union(0, 2)).toBe(false);
    expect(sets.find(3)).toBe(sets.find(0));
    expect(sets.find(4)).not.toBe(sets.find(0));
    expect(sets.find(5)).toBe(5);
  });
});

describe('document groups', () => {
  it('links documents that share an eligible cluster, transitively', () => {
    const { groups, groupOf } = groupDocuments([100, 100, 100, 100], [cluster({ 0: 30, 1: 30 }), cluster({ 1: 20, 2: 20 })]);
    expect(groups).toEqual([[0, 1, 2]]);
    expect(Array.from(groupOf)).toEqual([0, 0, 0, -1]);
  });

  it('a sentence shared by an original, its trimmed reprint and one unrelated article is no footer: two related pages are one story, and a footer recurs on three', () => {
    // Documents: 0 the original (300 words), 1 its trimmed reprint (150), 2 an unrelated article
    // (300). Cluster 0: the reprint's three other paragraphs, in 0 and 1. Cluster 1: one
    // 45-word sentence in all three, minor in each (under a third of its words).
    const reprinted = cluster({ 0: 100, 1: 100 });
    const sentence = cluster({ 0: 45, 1: 45, 2: 45 });
    const result = groupDocuments([300, 150, 300], [reprinted, sentence]);
    expect(result.boilerplate).toEqual([false, false]);
    expect(result.groups).toEqual([[0, 1, 2]]);
    // Across three unrelated articles the same 45-word sentence is news prose recurring (a
    // background paragraph, a quoted wire paragraph), too few pages for a site's footer:
    // unlinked, not boilerplate (fixtures/wire-quoted).
    const across = groupDocuments([300, 300, 300], [cluster({ 0: 45, 1: 45, 2: 45 })]);
    expect(across).toMatchObject({ boilerplate: [false], unlinked: [true], groups: [] });
  });

  it('a long paragraph recurring across unrelated pages is a footer from PROSE_FOOTER_MIN_PAGES pages on; short lines from three', () => {
    const pages = (n: number, words: number) => cluster(Object.fromEntries(Array.from({ length: n }, (_, page) => [page, words])));
    const nine = groupDocuments(Array(9).fill(300), [pages(9, 30)]);
    expect(nine).toMatchObject({ boilerplate: [false], unlinked: [true], groups: [] });
    expect(PROSE_FOOTER_MIN_PAGES).toBe(10);
    expect(groupDocuments(Array(10).fill(300), [pages(10, 30)])).toMatchObject({ boilerplate: [true], unlinked: [false], groups: [] });
    expect(groupDocuments(Array(3).fill(300), [pages(3, 19)])).toMatchObject({ boilerplate: [true], unlinked: [false] });
  });

  it("a digest page related to every article of a site does not hide the site's footer (a reviewer's counterexample to joining related pages into one story)", () => {
    // Pages 0-5: articles of 600 words with a footer of 15-word lines; page 6: a digest with the
    // same footer and each article's 70-word lede.
    const footer = cluster({ 0: 15, 1: 15, 2: 15, 3: 15, 4: 15, 5: 15, 6: 15 });
    const ledes = [0, 1, 2, 3, 4, 5].map((page) => cluster({ [page]: 70, 6: 70 }));
    const result = groupDocuments([600, 600, 600, 600, 600, 600, 600], [footer, ...ledes]);
    expect(result.boilerplate[0]).toBe(true);
  });

  it('does not link through short lines', () => {
    expect(groupDocuments([100, 100], [cluster({ 0: 1, 1: 1 }, false)]).groups).toEqual([]);
  });

  it('needs 20 shared words to link: one 7-word line does not, three of them do', () => {
    const line = () => cluster({ 0: 7, 1: 7 });
    expect(groupDocuments([300, 300], [line()]).groups).toEqual([]);
    expect(groupDocuments([300, 300], [line(), line(), line()]).groups).toEqual([[0, 1]]);
    expect(groupDocuments([300, 300, 300], [cluster({ 0: 25, 2: 25 })]).groups).toEqual([[0, 2]]);
  });

  it('a footer in many otherwise unrelated documents is boilerplate and links nothing', () => {
    const footer = cluster({ 0: 12, 1: 12, 2: 12, 3: 12, 4: 12 });
    const copyrightLine = cluster({ 0: 15, 1: 15, 2: 15, 3: 15, 4: 15 });
    const shortLine = cluster({ 0: 3, 1: 3, 2: 3, 3: 3, 4: 3 }, false);
    const realReprint = cluster({ 0: 200, 4: 200 });
    const result = groupDocuments([400, 500, 300, 600, 350], [footer, copyrightLine, shortLine, realReprint]);
    expect(result.boilerplate).toEqual([true, true, true, false]);
    expect(result.groups).toEqual([[0, 4]]);
  });

  it('a template filled in anew in TEMPLATE_MIN_DOCUMENTS documents links none of them; a paragraph reprinted as it is links them all', () => {
    // 60 words of 120: most of each document, so no footer either way.
    const words = Object.fromEntries(Array.from({ length: TEMPLATE_MIN_DOCUMENTS }, (_, d) => [d, 60]));
    const documentWords = Array.from({ length: TEMPLATE_MIN_DOCUMENTS }, () => 120);
    // "The non-callable bond is available in denominations of ..." with other figures in every notice.
    expect(groupDocuments(documentWords, [cluster(words, true, TEMPLATE_MIN_DOCUMENTS, 0.6)]).groups).toEqual([]);
    expect(groupDocuments(documentWords, [cluster(words, true, 1)]).groups).toHaveLength(1);
    // A story's write-throughs: figures updated in every version, the sentences kept (0.85).
    expect(groupDocuments(documentWords, [cluster(words, true, TEMPLATE_MIN_DOCUMENTS, 0.85)]).groups).toHaveLength(1);
    // One document fewer: a story and its edited reprints, linked however many texts.
    const fewer = Object.fromEntries(Array.from({ length: TEMPLATE_MIN_DOCUMENTS - 1 }, (_, d) => [d, 60]));
    expect(groupDocuments(documentWords.slice(1), [cluster(fewer, true, TEMPLATE_MIN_DOCUMENTS - 1, 0.6)]).groups).toHaveLength(1);
  });

  it('short lines shared by items of templates do not add up to a link between them; a reprint keeping its filled lines word for word still links (a new user\'s dividend notices)', () => {
    // Ten notices, each lede filled in anew (two clusters of template lines, of five notices
    // each: a lede's fills are its own, variant 10 + d), and three short fixed lines in all ten.
    const ten = Array.from({ length: 10 }, (_, d) => d);
    const ledes = (docs: number[], fills = new Map(docs.map((d): [number, number[]] => [d, [10 + d]]))): ClusterInput => ({
      ...cluster(Object.fromEntries(docs.map((d) => [d, 27])), true, new Set([...fills.values()].flat()).size, 0.5),
      fillOfStory: fills,
    });
    const fixed = (words: number): ClusterInput => cluster(Object.fromEntries(ten.map((d) => [d, words])));
    const documentWords = ten.map(() => 80);
    expect(groupDocuments(documentWords, [ledes([0, 1, 2, 3, 4]), ledes([5, 6, 7, 8, 9]), fixed(19), fixed(10), fixed(9)]).groups).toEqual([]);
    // Notice 6 a reprint of notice 1: its lede the same filled text (variant 11) links the two.
    const withReprint = new Map([...[0, 1, 2, 3, 4].map((d): [number, number[]] => [d, [10 + d]]), [6, [11]]]);
    const eleven = [...ten, 10];
    const fixedIn = (words: number): ClusterInput => cluster(Object.fromEntries(eleven.map((d) => [d, words])));
    const withTen = [ledes([0, 1, 2, 3, 4, 6], withReprint), ledes([5, 7, 8, 9, 10]), fixedIn(19), fixedIn(10), fixedIn(9)];
    expect(groupDocuments([...documentWords, 80], withTen).groups).toEqual([[1, 6]]);
    // A reprint that rewrote notice 1's headline (its own text, 31) but kept its lede (11), both lines in one template cluster: still notice 1's.
    const headlineRewritten = new Map([...[0, 1, 2, 3, 4].map((d): [number, number[]] => [d, [10 + d, 20 + d]]), [6, [31, 11]]]);
    expect(groupDocuments([...documentWords, 80], [ledes([0, 1, 2, 3, 4, 6], headlineRewritten), ledes([5, 7, 8, 9, 10]), fixedIn(19), fixedIn(10), fixedIn(9)]).groups).toEqual([[1, 6]]);
    // Lines of their own, in two notices alone (a company's earnings table sent twice, its template lines written a little otherwise): they link, whatever the templates say.
    const own = (words: number): ClusterInput => cluster({ 2: words, 7: words });
    expect(groupDocuments(documentWords, [ledes([0, 1, 2, 3, 4]), ledes([5, 6, 7, 8, 9]), fixed(19), own(12), own(10)]).groups).toEqual([[2, 7]]);
    // Without template lines, the same short lines link all ten, as before.
    expect(groupDocuments(documentWords, [fixed(19), fixed(10), fixed(9)]).groups).toEqual([ten]);
  });

  it('a wire story reprinted in many documents is not boilerplate', () => {
    const docs = [300, 320, 310, 305];
    const paragraphs = [0, 1, 2, 3].map(() => cluster({ 0: 60, 1: 60, 2: 60, 3: 60 }));
    const result = groupDocuments(docs, paragraphs);
    expect(result.boilerplate.every((b) => !b)).toBe(true);
    expect(result.groups).toEqual([[0, 1, 2, 3]]);
  });
});
