/**
 * A wire story and four outlets' reprints of it, each editing every paragraph in its own house
 * style (two word swaps a paragraph: "US" to "American", "largest" to "biggest", "50 percent" to
 * "50%"; fixtures/house-style-reprints). Five texts of each paragraph at a 3-gram similarity
 * under 0.7 read as a template's lines, which link nothing, and a verbatim copy of the story
 * checked against the five passed the ingest gate (a new user's trial). Now stories holding a
 * template's texts word for word, half their words or more, are copies and link through them
 * (grouping.ts, COPIED_TEMPLATE_SHARE). The five alone are still no group: telling house-style
 * edits of one story from a template filled in anew (Reuters' notices of different issuers keep
 * figures too) is open.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/house-style-reprints';
const FILES = ['wire-steel-tariffs.txt', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'outlet-4.txt'];

describe('four outlets editing every paragraph of a wire story in house style', () => {
  it('do not let a verbatim copy of the story under a new headline pass the gate of an index holding them', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'archive'));
    for (const file of FILES) copyFileSync(path.join(FOLDER, file), path.join(dir, 'archive', file));
    const wire = readFileSync(path.join(FOLDER, 'wire-steel-tariffs.txt'), 'utf8');
    writeFileSync(path.join(dir, 'copy.txt'), wire.replace(/^.*\n/, 'Steel tariffs to double, say officials\n'));
    expect((await runCli(['index', 'add', 'archive', '-q'], { cwd: dir })).code).toBe(0);
    const gate = await runCli(['check', 'copy.txt', '-q', '--fail-on', 'shared'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('--fail-on shared: 4 paragraphs shared');
    const { report } = await runJson<Report>(['check', 'copy.txt', '--json'], { cwd: dir });
    const copy = report.documents.find((doc) => doc.path === 'copy.txt')!;
    expect(copy.segments.filter((seg) => seg.status === 'shared')).toHaveLength(4);
    // Word for word the wire story's: no paragraph of it is a template's line.
    expect(copy.segments.filter((seg) => seg.template !== undefined)).toEqual([]);
  });
});
