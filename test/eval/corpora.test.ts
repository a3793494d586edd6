/**
 * The eval harness end to end on a small slice of each public corpus (../shared/corpora, or
 * DEDUPE_CORPORA). The corpora cannot ship with the repository, so without them these tests
 * are skipped, with the reason printed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convertPan } from '../../src/eval/pan.js';
import { runEval, type EvalResult } from '../../src/eval/run.js';
import { renderTables, targets } from '../../src/eval/table.js';
import { whitespaceNormalized } from '../../src/eval/text.js';
import { Workspace } from '../../src/eval/workspace.js';
import { repoRoot } from '../helpers/cli.js';

const corpora = process.env.DEDUPE_CORPORA ?? path.resolve(repoRoot, '../shared/corpora');
const dirs = {
  pan: path.join(corpora, 'pan13-text-alignment'),
  counter: path.join(corpora, 'counter'),
  bbc: path.join(corpora, 'bbc'),
  reuters: path.join(corpora, 'reuters21578'),
};
const present = Object.values(dirs).every((d) => existsSync(d));
if (!present) {
  console.warn(`eval tests skipped: public corpora not found at ${corpora} (set DEDUPE_CORPORA to their folder to run them)`);
}

describe.skipIf(!present)('eval harness on corpus slices', () => {
  let result: EvalResult;

  it('runs all four corpora on a slice and leaves no converted text behind', async () => {
    // A private temporary folder, so that the check sees only this run's files.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'dedupe-eval-test-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const messages: string[] = [];
    try {
      result = await runEval({ ...dirs, limit: 40, progress: (m) => messages.push(m) });
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(messages.some((m) => m.startsWith('pan'))).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it('PAN: no reuse reported between unrelated documents, verbatim copies found', () => {
    const folder = (prefix: string) => result.pan!.find((f) => f.folder.startsWith(prefix))!;
    expect(result.pan!.map((f) => f.pairs)).toEqual([40, 40, 40, 40, 40]);
    expect(folder('01').goldReused).toBe(0);
    expect(folder('01').predictedReused).toBe(0);
    const verbatim = folder('02');
    expect(verbatim.goldReused).toBeGreaterThan(20);
    expect(verbatim.reused.precision).toBeGreaterThan(0.85);
    expect(verbatim.reused.recall).toBeGreaterThan(0.75);
    expect(verbatim.chars.precision).toBeGreaterThan(0.85);
    expect(verbatim.chars.recall).toBeGreaterThan(0.6);
  });

  it('PAN in one scan: the same pairs scored from one scan of all their documents, unrelated documents still apart', () => {
    const folder = (prefix: string) => result.panOneScan!.find((f) => f.folder.startsWith(prefix))!;
    expect(result.panOneScan!.map((f) => f.pairs)).toEqual([40, 40, 40, 40, 40]);
    // The slice's documents are scored in the one scan as each pair is alone: same gold, same paragraphs.
    expect(result.panOneScan!.map((f) => [f.paragraphs, f.goldReused])).toEqual(result.pan!.map((f) => [f.paragraphs, f.goldReused]));
    expect(folder('01').predictedReused).toBe(0);
    expect(folder('02').reused.precision).toBeGreaterThan(0.85);
    expect(folder('02').reused.recall).toBeGreaterThan(0.75);
  });

  it('PAN: gold offsets land on the same text in both documents, NUL-byte files included', () => {
    const workspace = new Workspace();
    try {
      // Pairs 35-37 of 02 use suspicious-document00078.txt, which holds NUL bytes.
      const corpus = convertPan(dirs.pan, workspace, { folders: ['02-no-obfuscation'], limit: 37 });
      const nul = 'susp/suspicious-document00078.txt';
      expect(readFileSync(path.join(dirs.pan, nul)).includes(0)).toBe(true);
      expect(readFileSync(path.join(workspace.dir, nul)).includes(0)).toBe(false);
      const pairs = corpus.folders[0]!.pairs;
      expect(pairs.some((p) => p.suspicious === nul)).toBe(true);
      for (const pair of pairs) {
        for (const c of pair.cases) {
          const susp = corpus.texts.get(pair.suspicious)!.text.slice(...c.suspicious);
          const src = corpus.texts.get(pair.source)!.text.slice(...c.source);
          expect(whitespaceNormalized(susp), `${pair.suspicious} ${c.suspicious.join('-')}`).toBe(whitespaceNormalized(src));
        }
      }
    } finally {
      workspace.remove();
    }
  });

  it('COUNTER: every pair labelled, wholly derived stories share more than non-derived ones', () => {
    const c = result.counter!;
    expect(c.pairs).toBe(40);
    expect(c.stories.confusion.flat().reduce((s, v) => s + v, 0)).toBe(40);
    expect(c.paragraphs.confusion.flat().reduce((s, v) => s + v, 0)).toBe(40);
    expect(c.stories.meanWords.WD!).toBeGreaterThan(c.stories.meanWords.ND!);
    expect(c.paragraphs.meanShare.WD!).toBeGreaterThan(c.paragraphs.meanShare.ND!);
    expect(c.allPairs.candidates).toBe(1600);
    expect(c.allPairs.scores.precision).toBeGreaterThan(0.5);
  });

  it('BBC and Reuters: every exact-duplicate group in the slice is found', () => {
    for (const d of [result.bbc!, result.reuters!]) {
      expect(d.exactGroups, d.corpus).toBeGreaterThan(0);
      expect(d.exactFound, d.corpus).toBe(d.exactGroups);
      expect(d.documentsInGroups).toBeGreaterThanOrEqual(2 * d.exactFound);
    }
    expect(result.bbc!.documents).toBe(5 * 40);
    expect(result.reuters!.documents).toBe(40);
  });

  it('prints the figures as Markdown tables with the targets', () => {
    const text = renderTables(result);
    expect(text).toMatch(/\| 02-no-obfuscation \| 40 \|/);
    expect(text).toContain('**COUNTER**');
    expect(targets(result).map((t) => t.name)).toContain('PAN 01 paragraphs called reused');
    expect(targets(result).find((t) => t.name === 'PAN 01 paragraphs called reused, one scan')?.met).toBe(true);
  });
});

describe('npm run eval command line', () => {
  const script = path.join(repoRoot, 'dist/eval/main.js');
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('exits 2 with one line naming what is missing when no corpus is given', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/no corpus given/);
  });

  it('exits 2 for a corpus folder that does not exist', () => {
    const result = run(['--bbc', path.join(repoRoot, 'no-such-folder')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--bbc .*no-such-folder: no such folder/);
  });

  it('exits 2 naming the missing pairs file for a --pan folder that is not the PAN corpus', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dedupe-eval-notpan-'));
    try {
      mkdirSync(path.join(folder, '01-no-plagiarism'));
      const result = run(['--pan', folder]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/01-no-plagiarism\/pairs: no pairs file; --pan takes the PAN 2013 training corpus folder/);
      expect(result.stderr).not.toMatch(/ENOENT|\n\s+at /);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.skipIf(!present)('prints the tables on stdout and progress on stderr', () => {
    const result = run(['--reuters', dirs.reuters, '--limit', '30']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\| Reuters-21578 \| 30 \|/);
    expect(result.stderr).toMatch(/reuters: scanning 30 documents/);
  });
});
