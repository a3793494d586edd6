/**
 * A wire paragraph quoted in three unrelated stories is shared, not a site's footer
 * (fixtures/wire-quoted; a new user's ingest gate passed the three).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const DIR = 'fixtures/wire-quoted';

describe('an AP paragraph quoted in three unrelated local stories (fixtures/wire-quoted)', () => {
  it('is shared in each, links no stories, and counts toward their reuse', async () => {
    const { report } = await runJson<Report>([DIR]);
    expect(report.groups).toEqual([]);
    for (const doc of report.documents) {
      const quoted = doc.segments.filter((s) => s.text.startsWith('If the soldiers’ goal'));
      expect(quoted.map((s) => s.status), doc.path).toEqual(['shared']);
      expect(quoted[0]!.boilerplate).toBeUndefined();
      expect(doc.reusedShare).toBeGreaterThan(0.2);
    }
    expect(report.summary).toMatchObject({ shared: 3, boilerplate: 0, groups: 0 });
  });

  it("beside the AP story and its reprints they join its group as partial uses of it (review: the quotes cut them off from it)", async () => {
    const { report } = await runJson<Report>(['fixtures/seeds', `${DIR}/college.txt`, `${DIR}/library.txt`]);
    const group = report.groups[0]!;
    expect(group.original).toBe('fixtures/seeds/002_b644d28894aa6977.txt');
    const roles = Object.fromEntries(group.members.map((m) => [m.path, m.role]));
    expect(roles).toMatchObject({ [`${DIR}/college.txt`]: 'partial', [`${DIR}/library.txt`]: 'partial' });
  });

  it('trips --fail-on shared (it passed as boilerplate)', async () => {
    const { code, stderr } = await runCli(['-q', '--fail-on', 'shared', DIR]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--fail-on shared: 3 paragraphs shared .* in 3 documents/);
  });

  it('a long footer line beside the site\'s "Leave a Reply" on four pages stays boilerplate (review: it became shared and failed --fail-on)', async () => {
    const dir = tempDir();
    const about = 'The Valley Courier is an independent, reader-supported newspaper that has served the towns of the upper valley since 1952, and we rely on subscribers like you to keep local reporting alive.';
    for (const name of ['bakery.txt', 'bus.txt', 'chess.txt', 'orchard.txt']) {
      const text = readFileSync(`fixtures/site-footer/${name}`, 'utf8').replace(/^Copyright 2024 Valley Courier\..*$/m, about);
      expect(text).toContain(about);
      writeFileSync(path.join(dir, name), text);
    }
    const { code } = await runCli(['-q', '--fail-on', 'shared', '.'], { cwd: dir });
    expect(code).toBe(0);
    const { report } = await runJson<Report>(['.'], { cwd: dir });
    const aboutLines = report.documents.flatMap((d) => d.segments).filter((s) => s.text === about);
    expect(aboutLines.map((s) => s.boilerplate)).toEqual(['footer', 'footer', 'footer', 'footer']);
  });

  it('a site footer of short lines on as few pages is still boilerplate (fixtures/site-footer)', async () => {
    const { report } = await runJson<Report>(['fixtures/site-footer']);
    const footers = report.documents.flatMap((d) => d.segments).filter((s) => s.boilerplate === 'footer');
    expect(footers).toHaveLength(20);
  });
});
