/**
 * A reprint retold from a wire story is found however many outlets carried the wire word for
 * word (core/rewrite/channel.ts, countingTextsOnce). In a large scan a seed of the alignment
 * needs two rare words (passages.ts), words of few documents; the copies of the wire put its
 * names in more documents, and a new user's retold reprint, found beside two verbatim copies,
 * was left unique beside three, in a scan and in `check` alike. Copies of one text, word for
 * word or nearly, now count once.
 *
 * The archive (test/helpers/reworded-archive.ts) with each story word in RARE_SPREAD notices:
 * the wire, its rewrite and the notices hold a word in four documents, rare in a scan of 400
 * (at most five: RARE_MIN_DOCUMENTS); a copy of the wire more makes it five, two make six.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';
import { archiveWithRewrite } from '../helpers/reworded-archive.js';

const RARE_SPREAD = 2;
const wire = readFileSync('fixtures/reworded-reprint/wire.txt', 'utf8');

/** Verbatim copies of the wire, and near copies: the wire's body under a headline of the outlet's own. */
function copies(count: number, nearly: boolean): Record<string, string> {
  const body = wire.slice(wire.indexOf('\n\n') + 2);
  return Object.fromEntries(Array.from({ length: count }, (_, c) => [`wire-copy-${c}.txt`, nearly ? `Outlet ${'abcdefgh'[c]} headline on the barrier contract\n\n${body}` : wire]));
}

/** The rewrite's statuses, paragraph by paragraph, and its reused share. */
function rewriteOf(report: Report): { statuses: string[]; reused: number } {
  const doc = report.documents.find((d) => d.path.endsWith('/rewrite.txt'))!;
  return { statuses: doc.segments.map((s) => s.status), reused: doc.reusedShare };
}

describe('a retold reprint beside verbatim copies of its wire story', () => {
  it('is found as it is without the copies, whether they are copies word for word or nearly', async () => {
    const alone = rewriteOf((await runJson<Report>([archiveWithRewrite(0, RARE_SPREAD), '--json'])).report);
    // The wire's rewrite is found among the notices: most of its paragraphs edited.
    expect(alone.statuses.filter((s) => s === 'edited').length).toBeGreaterThanOrEqual(4);
    for (const nearly of [false, true]) {
      const { result, report } = await runJson<Report>([archiveWithRewrite(0, RARE_SPREAD, copies(3, nearly)), '--json']);
      expect(result.code).toBe(0);
      expect(rewriteOf(report)).toEqual(alone);
    }
  });

  it('is found by `check` against an index holding the wire and its copies', async () => {
    const archive = archiveWithRewrite(0, RARE_SPREAD, copies(3, false));
    const incoming = tempDir('retold-incoming-');
    writeFileSync(path.join(incoming, 'rewrite.txt'), readFileSync(path.join(archive, 'rewrite.txt'), 'utf8'));
    writeFileSync(path.join(archive, 'rewrite.txt'), 'Moved to the incoming folder: checked, not indexed.\n');
    const db = path.join(tempDir('retold-index-'), 'index.db');
    expect((await runInProcess(['index', 'add', '--db', db, archive])).code).toBe(0);
    const checked = await runInProcess(['check', '--db', db, '--json', '--fail-on', 'edited', incoming]);
    // Exit 1: the incoming rewrite is edited from the indexed wire.
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { summary: { edited: number } };
    expect(report.summary.edited).toBeGreaterThanOrEqual(4);
  });
});
