/** Counts in the human summary lines are written with thousands separated, as the progress line and the README write them. */
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/core/types.js';
import { renderSummary } from '../../src/render/human.js';

const BBC: Summary = {
  documents: 2224,
  paragraphs: 33470,
  continuingPieces: 0,
  shared: 5294,
  edited: 469,
  unique: 27431,
  boilerplate: 276,
  repeats: 0,
  groups: 261,
  clusters: 2000,
  candidatePairs: 0,
  verifiedPairs: 0,
  rewordedPairs: 0,
};

describe('the summary line', () => {
  it('separates thousands in every count', () => {
    const skipped = Array.from({ length: 1200 }, (_, i) => ({ code: 'binary' as const, path: `x/${i}.txt`, message: 'binary' }));
    expect(renderSummary({ summary: BBC, warnings: [] }, 4210)).toBe(
      '2,224 files, 33,470 paragraphs (5,294 shared, 469 edited, 27,431 unique, 276 boilerplate), 261 groups in 4.21 s',
    );
    expect(renderSummary({ summary: BBC, warnings: skipped }, 0)).toMatch(/^2,224 files read, 1,200 skipped, 33,470 paragraphs/);
    expect(renderSummary({ summary: { ...BBC, documents: 1 }, warnings: [] }, 0, 'document')).toMatch(/^1 document, /);
  });

  it('says how many paragraphs long ones cut at their sentences make, the counts after being of pieces (found by a new user)', () => {
    const pan = { ...BBC, documents: 5055, paragraphs: 201717, continuingPieces: 158112 };
    expect(renderSummary({ summary: pan, warnings: [] }, 0)).toMatch(/^5,055 files, 43,605 paragraphs in 201,717 pieces \(5,294 shared, /);
  });

  it('counts a folder it could not enter, whose files it never saw (a stranger found the line read as complete)', () => {
    const folder = { code: 'unreadable-folder' as const, path: 't/sub', message: 't/sub: folder cannot be read (permission denied); its files were skipped' };
    const binary = { code: 'binary' as const, path: 't/x.txt', message: 'binary' };
    expect(renderSummary({ summary: BBC, warnings: [folder] }, 0)).toMatch(/^2,224 files read, 1 folder not read, 33,470 paragraphs/);
    expect(renderSummary({ summary: BBC, warnings: [binary, folder, { ...folder, path: 't/other' }] }, 0)).toMatch(/^2,224 files read, 1 skipped, 2 folders not read, 33,470/);
  });
});
