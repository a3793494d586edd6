/**
 * Template fills (core/scan/fills.ts): two wire notices of one frame about different companies
 * verify as an edit but link no stories, in a scan large enough to weigh words (200 documents);
 * a correction of one notice, and a digest quoting a story's lede under a dateline, still link.
 */
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import type { Report } from '../../src/core/types.js';
import { background, notice } from '../helpers/notices.js';

function groupsWith(report: Report, id: string): string[][] {
  return report.groups.filter((g) => g.documents.includes(id)).map((g) => g.documents);
}

/** The report's story pairs as pairs of paths. */
function storyPairPaths(report: Report): string[][] {
  return report.storyPairs.map((pair) => pair.stories.map((story) => story.path).sort());
}

/** The notice's paragraph (after its headline). */
function segmentOf(report: Report, id: string): Report['documents'][number]['segments'][number] {
  return report.documents.find((d) => d.path === id)!.segments[1]!;
}

function statusOf(report: Report, id: string): string {
  return segmentOf(report, id).status;
}

describe('template fills', () => {
  it('two notices of one frame about different companies are edited paragraphs in no group', async () => {
    const docs = [...background(200), { id: 'porex.txt', text: notice('Porex Technologies Corp', 26) }, { id: 'medco.txt', text: notice('Medco Containment Services Inc', 19) }];
    const report = await scanDocuments(docs);
    expect(statusOf(report, 'porex.txt')).toBe('edited');
    expect(segmentOf(report, 'porex.txt').template).toBe('fill');
    expect(groupsWith(report, 'porex.txt')).toEqual([]);
    expect(groupsWith(report, 'medco.txt')).toEqual([]);
    // Nor is either story called derived from the other.
    expect(storyPairPaths(report)).not.toContainEqual(['medco.txt', 'porex.txt']);
  });

  it('a notice reprinted by a second outlet groups with its reprint, and the notice filled in for another company joins neither', async () => {
    const porex = notice('Porex Technologies Corp', 26);
    const docs = [...background(200), { id: 'porex.txt', text: porex }, { id: 'porex-reprint.txt', text: porex }, { id: 'medco.txt', text: notice('Medco Containment Services Inc', 19) }];
    const report = await scanDocuments(docs);
    // One cluster holds the three paragraphs: the copy joins Porex's two, the fill Medco's.
    expect(statusOf(report, 'medco.txt')).toBe('edited');
    // Medco's paragraph says why it links nothing; Porex's, which links its reprint, says nothing.
    expect(segmentOf(report, 'medco.txt').template).toBe('fill');
    expect(segmentOf(report, 'porex.txt').template).toBeUndefined();
    expect(groupsWith(report, 'porex.txt')).toEqual([['porex-reprint.txt', 'porex.txt']]);
    expect(groupsWith(report, 'medco.txt')).toEqual([]);
    expect(storyPairPaths(report)).toContainEqual(['porex-reprint.txt', 'porex.txt']);
    expect(storyPairPaths(report).filter((pair) => pair.includes('medco.txt'))).toEqual([]);
  });

  it('the same with an edited reprint (no copy: a derived pair that is no fill joins Porex to its reprint)', async () => {
    const reprint = notice('Porex Technologies Corp', 26).replace('its board declared', 'on Monday its board of directors declared');
    const docs = [...background(200), { id: 'porex.txt', text: notice('Porex Technologies Corp', 26) }, { id: 'porex-reprint.txt', text: reprint }, { id: 'medco.txt', text: notice('Medco Containment Services Inc', 19) }];
    const report = await scanDocuments(docs);
    expect(groupsWith(report, 'porex.txt')).toEqual([['porex-reprint.txt', 'porex.txt']]);
    expect(groupsWith(report, 'medco.txt')).toEqual([]);
    expect(storyPairPaths(report).filter((pair) => pair.includes('medco.txt'))).toEqual([]);
  });

  it('in a scan too small to weigh words, names are read from capitals: the two notices do not group (scan/name-fills.ts; they did before session 33)', async () => {
    const report = await scanDocuments([{ id: 'porex.txt', text: notice('Porex Technologies Corp', 26) }, { id: 'medco.txt', text: notice('Medco Containment Services Inc', 19) }]);
    expect(groupsWith(report, 'porex.txt')).toEqual([]);
    // A notice and its reprint still group there.
    const reprinted = await scanDocuments([{ id: 'porex.txt', text: notice('Porex Technologies Corp', 26) }, { id: 'porex-reprint.txt', text: notice('Porex Technologies Corp', 26) }]);
    expect(groupsWith(reprinted, 'porex.txt')).toEqual([['porex-reprint.txt', 'porex.txt']]);
  });

  it("a correction that swaps one rare word for another still links: the stories share the issuer's names and figures", async () => {
    const first = 'MELLON BANK SELLS FIVE-YEAR DEPOSIT NOTES\n\nMellon Bank Corp is raising 150 mln dlrs via an offering of deposit notes due 1992 with a 7.45 pct coupon.\n\nThe issue has a one-time call after three years, First Boston detailed. If Mellon does not redeem the notes at that time, they will be non-callable to maturity.\n';
    const corrected = 'CORRECTED - MELLON UNIT\'S NOTES\n\nFirst Boston Corp said it is selling 150 mln dlrs of deposit notes due 1992 that it bought from Mellon Bank NA, with a 7.45 pct coupon.\n\nThe issue has a one-time call after three years, First Boston detailed. If the notes are not redeemed at that time, they will be non-callable to maturity.\n';
    const report = await scanDocuments([...background(200), { id: 'mellon.txt', text: first }, { id: 'mellon-corrected.txt', text: corrected }]);
    expect(groupsWith(report, 'mellon.txt')).toEqual([['mellon-corrected.txt', 'mellon.txt']]);
    // And in a scan too small to weigh words (names read from capitals: the clause reworded).
    const small = await scanDocuments([{ id: 'mellon.txt', text: first }, { id: 'mellon-corrected.txt', text: corrected }]);
    expect(groupsWith(small, 'mellon.txt')).toEqual([['mellon-corrected.txt', 'mellon.txt']]);
  });

  it('a digest quoting a lede under a dateline still links: a rare word added and another dropped, none swapped', async () => {
    const story = 'U.S. CONSUMER CREDIT ROSE IN FEBRUARY\n\nU.S. consumer instalment credit rose a seasonally adjusted 1.77 billion dlrs in February after a revised rise of 789 mln dlrs in January, the Federal Reserve Board said.\n';
    const digest = 'MONEY NEWS HIGHLIGHTS\n\nWASHINGTON - U.S. consumer credit rose a seasonally adjusted 1.77 billion dlrs in February after a revised rise of 789 mln dlrs in January, the Federal Reserve Board said.\n';
    const report = await scanDocuments([...background(200), { id: 'credit.txt', text: story }, { id: 'digest.txt', text: digest }]);
    expect(groupsWith(report, 'credit.txt')).toEqual([['credit.txt', 'digest.txt']]);
  });

  it('decides the same whatever the files are called (the word diff is read in content order)', async () => {
    const texts = [notice('Porex Technologies Corp', 26), notice('Medco Containment Services Inc', 19)];
    const forward = await scanDocuments([...background(200), { id: 'x.txt', text: texts[0]! }, { id: 'y.txt', text: texts[1]! }]);
    const backward = await scanDocuments([...background(200), { id: 'x.txt', text: texts[1]! }, { id: 'y.txt', text: texts[0]! }]);
    expect(groupsWith(forward, 'x.txt')).toEqual(groupsWith(backward, 'x.txt'));
    expect(storyPairPaths(forward)).toEqual(storyPairPaths(backward));
  });

  it('a reprint that corrects a name under the same headline still links (the stories share a paragraph word for word)', async () => {
    // Nothing else rare in either story: only the identical headline says they are one story.
    const story = (name: string): string => `BOARD DECLARED INITIAL DIVIDEND\n\n${name} said its board declared an initial annual dividend of 10 cts per share, its first payout, payable March 12 to holders of record March 12.\n`;
    const report = await scanDocuments([...background(200), { id: 'first.txt', text: story('Kowalczyk') }, { id: 'fixed.txt', text: story('Kowalski') }]);
    expect(groupsWith(report, 'first.txt')).toEqual([['first.txt', 'fixed.txt']]);
  });

  it('a story carried by three outlets, each naming another spokesman, stays one group at 203 documents (a word of three is not rare there)', async () => {
    const headlines = ['Police appeal after Dunstable robbery', 'Jewellers robbed in Dunstable', 'CCTV released after Dunstable raid'];
    const spokesmen = ['Alan Pemberton', 'Gareth Oduya', 'Leonie Wrathall'];
    const outlets = headlines.map((headline, i) => ({
      id: `outlet-${i}.txt`,
      text: `${headline}\n\nDetectives investigating an armed robbery at a jewellers in Dunstable have released CCTV images of two men, spokesman ${spokesmen[i]!} said on Wednesday.\n`,
    }));
    const report = await scanDocuments([...background(200), ...outlets]);
    expect(groupsWith(report, 'outlet-0.txt')).toEqual([['outlet-0.txt', 'outlet-1.txt', 'outlet-2.txt']]);
  });
});

