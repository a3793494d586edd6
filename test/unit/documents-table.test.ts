/** The documents table: its Paragraphs cell agrees with a document's own line, and counts have thousands separated (found by a new user). */
import { describe, expect, it } from 'vitest';
import type { DocumentHead } from '../../src/core/types.js';
import { renderGroupsTable } from '../../src/render/documents-table.js';
import { plainPalette as PLAIN } from '../../src/render/palette.js';

function head(path: string, unique: number, continuingPieces?: number): DocumentHead {
  return {
    path,
    layout: 'line',
    lines: 10,
    words: 100,
    counts: { shared: 19, edited: 0, unique, boilerplate: 1, repeats: 0 },
    ...(continuingPieces === undefined ? {} : { continuingPieces }),
    reusedShare: 0.003,
    group: null,
    stories: [],
  };
}

describe('the documents table', () => {
  it('says "5 in 15" for a document of long paragraphs cut into pieces, and separates thousands', () => {
    const table = renderGroupsTable({ groups: [], documents: [head('all.txt', 6408, 6300), head('one.txt', 10)] }, PLAIN);
    expect(table).toMatch(/all\.txt +│ +128 in 6,428 │ +19 │ +0 │ +6,408 │ +1 │ +0\.3% │/);
    expect(table).toMatch(/one\.txt +│ +30 │ +19 │/);
    // Narrow: the stacked list says it in words.
    const narrow = renderGroupsTable({ groups: [], documents: [head('all.txt', 6408, 6300)] }, PLAIN, { fitWidth: 30 });
    expect(narrow.replace(/\s+/g, ' ')).toContain('128 paragraphs in 6,428 pieces: 19 shared');
  });
});

describe('a document in two groups', () => {
  const story = (index: number, group: number | null): DocumentHead['stories'][number] => ({ index, startLine: 1, endLine: 2, segments: [0, 0], words: 10, reusedShare: 1, group });
  it('sorts with the first of its groups shown (--top showing its second only put it by its first group\'s id; review)', () => {
    const bundle: DocumentHead = { ...head('bundle.txt', 1), group: 3, stories: [story(0, 3), story(1, 7)] };
    const seven: DocumentHead = { ...head('seven.txt', 1), group: 7, stories: [] };
    const four: DocumentHead = { ...head('four.txt', 1), group: 4, stories: [] };
    // --top 2, largest first: group 7 then group 4 (group 3 not shown).
    const table = renderGroupsTable({ groups: [], documents: [bundle, seven, four] }, PLAIN, { documents: [bundle, seven, four], groupOrder: new Map([[7, 0], [4, 1]]) });
    const order = table.split('\n').filter((line) => line.includes('.txt')).map((line) => /(\w+)\.txt/.exec(line)![1]);
    expect(order).toEqual(['bundle', 'seven', 'four']);
    expect(table).toMatch(/│ +3, 7 │/);
  });
});
