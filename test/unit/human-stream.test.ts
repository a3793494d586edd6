/**
 * The human report is written as it is made (issue 9): the table of documents comes from their
 * heads, and each document's section is yielded before the next document is made, so a large
 * corpus's report is never held whole. Joined, the pieces are the report renderHuman gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import type { DocumentReport } from '../../src/core/types.js';
import { renderHuman, renderHumanChunks, viewOfReport, type HumanView } from '../../src/render/human.js';
import { plainPalette } from '../../src/render/palette.js';
import { repoRoot } from '../helpers/cli.js';

const seeds = path.join(repoRoot, 'fixtures/seeds');
const options = { palette: plainPalette, color: false, width: 100, quiet: false, diff: false, elapsedMs: 0 };

async function seedReport() {
  const names = readdirSync(seeds).sort();
  return scanDocuments(names.map((name) => ({ id: `fixtures/seeds/${name}`, text: readFileSync(path.join(seeds, name), 'utf8') })));
}

describe('the human report in pieces', () => {
  it('yields each document before the next is made, and joins to the whole report', async () => {
    const report = await seedReport();
    const events: string[] = [];
    const view: HumanView = {
      ...viewOfReport(report),
      // Heads only: a document's paragraphs are not there until it is made.
      heads: report.documents.map(({ segments: _segments, ...head }) => head),
      *documents(indexes): Generator<DocumentReport> {
        for (const k of indexes) {
          events.push(`made ${k}`);
          yield report.documents[k]!;
        }
      },
    };
    const pieces: string[] = [];
    for (const piece of renderHumanChunks(view, options)) {
      const made = report.documents.findIndex((d) => piece.startsWith(`\n\n${d.path}  `));
      if (made >= 0) events.push(`wrote ${made}`);
      pieces.push(piece);
    }
    expect(events).toEqual(report.documents.flatMap((_, k) => [`made ${k}`, `wrote ${k}`]));
    // From heads and documents made on the way, the same report as from the whole Report (the
    // goldens pin that one, test/golden).
    expect(pieces.join('')).toBe([...renderHumanChunks(viewOfReport(report), options)].join(''));
    expect(pieces.join('')).toBe(renderHuman(report, options));
  });

  it('asks only for the documents it shows (--top, --only)', async () => {
    const report = await seedReport();
    const asked: number[][] = [];
    const view: HumanView = { ...viewOfReport(report), documents: (indexes) => (asked.push([...indexes]), indexes.map((k) => report.documents[k]!)) };
    [...renderHumanChunks(view, { ...options, only: 'reused' })];
    [...renderHumanChunks(view, { ...options, top: 1 })];
    // 004 (index 4) has no reuse and is in no group.
    expect(asked).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
  });
});
