/**
 * `check`'s "Matches in the index" counts (render/ingest.ts, archiveMatches): per archived
 * document, the incoming paragraphs matched there, shared or edited, agreeing with the
 * paragraphs' own statuses.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { archiveMatches } from '../../src/render/ingest.js';

type Piece = { status: string; continues?: true; matches: Array<{ path: string; status: 'shared' | 'edited' }> };

/** A report of one incoming document, with only what archiveMatches reads. */
function reportOf(segments: Piece[]): Report {
  return { documents: [{ path: 'in/reprint.txt', segments }] } as unknown as Report;
}

describe('the archive matches of check', () => {
  it('counts a paragraph word for word in an archived document as shared there, whatever else it is paired with there', () => {
    // A lede copied from the wire's lede and paired with the wire's headline as reworded (a new user's check).
    const report = reportOf([
      { status: 'shared', matches: [{ path: 'wire.txt', status: 'edited' }, { path: 'wire.txt', status: 'shared' }] },
      { status: 'edited', matches: [{ path: 'wire.txt', status: 'edited' }] },
      { status: 'shared', matches: [{ path: 'wire.txt', status: 'shared' }] },
    ]);
    expect(archiveMatches(report, new Set(['wire.txt'])).get('in/reprint.txt')).toEqual([{ path: 'wire.txt', shared: 2, edited: 1 }]);
  });

  it('counts a long paragraph once, as edited when any of its pieces matched there is edited', () => {
    const report = reportOf([
      { status: 'shared', matches: [{ path: 'wire.txt', status: 'shared' }] },
      { status: 'edited', continues: true, matches: [{ path: 'wire.txt', status: 'edited' }] },
      { status: 'boilerplate', matches: [{ path: 'wire.txt', status: 'shared' }] },
      { status: 'shared', matches: [{ path: 'other.txt', status: 'shared' }] },
    ]);
    expect(archiveMatches(report, new Set(['wire.txt', 'other.txt'])).get('in/reprint.txt')).toEqual([
      { path: 'other.txt', shared: 1, edited: 0 },
      { path: 'wire.txt', shared: 0, edited: 1 },
    ]);
  });
});
