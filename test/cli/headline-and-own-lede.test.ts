/**
 * A reprint of a whole wire story under the outlet's own headline (fixtures/headline-and-own-lede):
 * the wire's headline sums up its lede, and was aligned with the reprint's copy of that lede and
 * called edited from it (~0.31), as if the wire had reworded the reprint. Both documents hold
 * the lede, so what the headline shares with it is within the wire story itself: no reuse
 * across documents (core/rewrite/stage.ts, mergeRuns). A new user's run of two such files.
 * Only a loose pair is left out so (OWN_TEXT_MAX_JACCARD): a write-through whose new lede retells
 * the old one, kept word for word below it, still has that lede reworded from the first brief
 * (fixtures/update-keeps-old-lede; a reviewer's case).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/headline-and-own-lede';

describe("a wire headline and the reprint's copy of the wire's own lede", () => {
  it('are not a reworded pair: each headline is unique, every other paragraph shared', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    expect(report.summary).toMatchObject({ paragraphs: 12, shared: 10, edited: 0, unique: 2 });
    for (const doc of report.documents) {
      expect(doc.segments[0]!.startLine).toBe(1);
      expect(doc.segments[0]!.status).toBe('unique');
      expect(doc.segments[0]!.matches).toEqual([]);
    }
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.members).toHaveLength(2);
  });

  it("shows the wire's headline unique in the human report", async () => {
    const { stdout } = await runCli([FOLDER, '--no-color']);
    expect(stdout).toMatch(/\n +1 +unique +Portugal's parliament approves plan/);
    expect(stdout).toContain('0 edited');
  });
});

describe("a write-through's new lede retold from the old lede it keeps below", () => {
  it('is still reworded from the first brief', async () => {
    const folder = 'fixtures/update-keeps-old-lede';
    const { report } = await runJson<Report>([folder, '--json']);
    const update = report.documents.find((doc) => doc.path.endsWith('update-mine-collapse.txt'))!;
    const lede = update.segments.find((seg) => seg.startLine === 3)!;
    expect(lede.status).toBe('edited');
    expect(lede.matches[0]).toMatchObject({ path: `${folder}/brief-mine-collapse.txt`, reworded: true });
    expect(update.segments.find((seg) => seg.startLine === 5)!.status).toBe('shared');
  });
});
