/**
 * Renaming files changes nothing (fixtures/renamed-files): statuses, the clusters paragraphs
 * fall into, groups and matches are the same whatever the files are called, though their names
 * decide the order in which the scan meets them.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/in-process.js';

/** Where each story is: the retelling here, the wire and its other rewrite in fixtures/reworded-reprint. */
const STORIES: Record<string, string> = {
  'wire.txt': 'fixtures/reworded-reprint/wire.txt',
  'rewrite.txt': 'fixtures/reworded-reprint/rewrite.txt',
  'retold.txt': 'fixtures/renamed-files/retold.txt',
};

/** Copies the fixture's stories under the given names; returns the folder and each name's story. */
function layOut(names: Record<string, string>): { dir: string; storyOf: Map<string, string> } {
  const dir = tempDir('renamed-files-');
  const storyOf = new Map<string, string>();
  for (const [name, story] of Object.entries(names)) {
    copyFileSync(STORIES[story]!, path.join(dir, name));
    storyOf.set(path.join(dir, name), story.replace('.txt', ''));
  }
  return { dir, storyOf };
}

/** The report with file names replaced by their stories and cluster numbers by the paragraphs they hold. */
function byStory(report: Report, storyOf: Map<string, string>): unknown {
  const story = (file: string): string => storyOf.get(file)!;
  const members = new Map<number, Set<string>>();
  report.documents.forEach((doc) =>
    doc.segments.forEach((segment, index) => {
      if (segment.cluster === null || segment.cluster === undefined) return;
      const set = members.get(segment.cluster) ?? new Set<string>();
      members.set(segment.cluster, set.add(`${story(doc.path)}:${index}`));
    }),
  );
  const clusterOf = (cluster: number | null | undefined): string => (cluster === null || cluster === undefined ? '-' : [...members.get(cluster)!].sort().join(' '));
  const documents = report.documents.map((doc) => ({
    story: story(doc.path),
    segments: doc.segments.map((s) => ({
      status: s.status,
      boilerplate: s.boilerplate,
      cluster: clusterOf(s.cluster),
      matches: s.matches.map((m) => `${story(m.path)}:${m.startLine} ${m.similarity}`).sort(),
    })),
  }));
  const groups = report.groups.map((g) => g.documents.map(story).sort().join(' ')).sort();
  return { documents: documents.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))), groups };
}

describe('renaming files (fixtures/renamed-files)', () => {
  const wireFirst = { 'a1.txt': 'wire.txt', 'a2.txt': 'wire.txt', 'b1.txt': 'retold.txt', 'b2.txt': 'retold.txt', 'c.txt': 'rewrite.txt' };
  const wireLast = { 'z1.txt': 'wire.txt', 'z2.txt': 'wire.txt', 'y1.txt': 'retold.txt', 'y2.txt': 'retold.txt', 'c.txt': 'rewrite.txt' };

  it('changes no status, cluster, group or match', async () => {
    const first = layOut(wireFirst);
    const last = layOut(wireLast);
    const one = byStory((await runJson<Report>([first.dir])).report, first.storyOf);
    const other = byStory((await runJson<Report>([last.dir])).report, last.storyOf);
    expect(other).toEqual(one);
  });

  it('a paragraph reworded from two clusters joins the closer one, and none of it is a footer', async () => {
    const { dir, storyOf } = layOut(wireFirst);
    const { report } = await runJson<Report>([dir]);
    const rewrite = report.documents.find((d) => storyOf.get(d.path) === 'rewrite')!;
    expect(rewrite.segments.slice(1).map((s) => s.status)).toEqual(['edited', 'edited', 'edited', 'edited', 'edited', 'edited']);
    const joined = rewrite.segments.slice(1).map((s) => {
      const other = report.documents.find((d) => d !== rewrite && d.segments.some((t) => t.cluster === s.cluster))!;
      return storyOf.get(other.path);
    });
    // "Work starts in March" and "A consortium headed by Haldor Bouw" are closer to the retelling.
    expect(joined).toEqual(['wire', 'wire', 'retold', 'wire', 'wire', 'retold']);
    expect(report.groups.map((g) => g.documents.length)).toEqual([5]);
  });
});
