/**
 * A wire's write-through labelled in its headline ("UPDATE 2-Chile copper mine halts output ...")
 * is not the original of the brief it updates, though it and a reprint of it hold most of the
 * group's text (core/scan/provenance.ts, update evidence; fixtures/update-label). The agency's
 * first brief, two hours older, was called the "reprint" of its own update (a new user's run).
 */
import { copyFileSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { fixtures, tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = path.join(fixtures, 'update-label');

describe('a brief, its labelled update and a reprint of the update', () => {
  it('never names the update the original, and gives its headline as the evidence', async () => {
    const { report } = await runJson<Report>([FOLDER]);
    const group = report.groups[0]!;
    expect(group.original ?? '').not.toMatch(/wire-update-2\.txt$/);
    const update = group.members.find((m) => m.path.endsWith('wire-update-2.txt'))!;
    expect(update.reasons).toContainEqual({ kind: 'update', detail: 'an update by its headline: "UPDATE 2-"', weight: -2 });
  });

  it('names the brief the original when its file is the oldest, the update a version and the reprint its reprint', async () => {
    const dir = tempDir();
    const now = Math.floor(Date.now() / 1000);
    for (const name of readdirSync(FOLDER)) {
      const file = path.join(dir, name);
      copyFileSync(path.join(FOLDER, name), file);
      const age = name === 'wire-first.txt' ? 3 * 3600 : 3600;
      utimesSync(file, now - age, now - age);
    }
    const { stdout } = await runCli(['--no-color', '.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    expect(stdout).toContain('original wire-first.txt (confidence');
    expect(stdout).toMatch(/version +wire-update-2\.txt +keeps/);
    expect(stdout).toMatch(/reprint +site-reprint\.txt +keeps .*closest to wire-update-2\.txt/);
  });
});
