/**
 * `--reworded thorough` (core/rewrite/families.ts): in a scan of 200 documents or more, a
 * reworded copy whose words are all found in a few other documents shares no rare words, so the
 * precise mode (the default) finds no seed; the thorough one aligns the pair as a scan of the two
 * documents would and finds it. The archive is generated: 400 notices, each word of
 * fixtures/reworded-reprint's two stories in four of them (not rare, yet rare enough for the
 * rewording channel), around words of their own. With two more copies of the rewrite, the wire's
 * paragraphs are paired across three documents and left out as a template family's lines (the
 * test fails with the family rule removed or its size changed).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';
import { archiveWithRewrite, NOTICES } from '../helpers/reworded-archive.js';

/** Per paragraph of rewrite.txt: its status, and whether its best match is a reworded one in wire.txt. */
function rewriteStatuses(report: Report): string[] {
  const doc = report.documents.find((d) => d.path.endsWith('rewrite.txt'))!;
  return doc.segments.map((s) => `${s.status}${s.matches[0]?.reworded === true && s.matches[0].path.endsWith('wire.txt') ? ' reworded from wire' : ''}`);
}

describe('--reworded thorough', () => {
  it('finds a reworded copy in a large scan that the precise default leaves unique', async () => {
    const dir = archiveWithRewrite();
    const precise = await runJson<Report>([dir, '--json']);
    const thorough = await runJson<Report>([dir, '--json', '--reworded', 'thorough']);
    expect(precise.result.code).toBe(0);
    expect(thorough.result.code).toBe(0);
    expect(precise.report.summary.documents).toBe(NOTICES + 2);
    expect(rewriteStatuses(precise.report).filter((s) => s === 'unique')).toHaveLength(7);
    const found = rewriteStatuses(thorough.report);
    // The headline is its own; the six body paragraphs are reworded from the wire.
    expect(found.filter((s) => s === 'edited reworded from wire')).toHaveLength(6);
    // No notice is linked to anything: their words are the stories' words one by one.
    for (const doc of thorough.report.documents.filter((d) => d.path.includes('notice-'))) {
      expect(doc.segments.every((s) => s.status === 'unique')).toBe(true);
    }
    // --reworded precise is the default, said out loud.
    const said = await runJson<Report>([dir, '--json', '--reworded', 'precise']);
    expect(rewriteStatuses(said.report)).toEqual(rewriteStatuses(precise.report));
    // The report says which mode made it.
    expect([precise.report.options.reworded, said.report.options.reworded, thorough.report.options.reworded]).toEqual(['precise', 'precise', 'thorough']);
  });

  it('leaves out a line the second alignment alone pairs across a family of three documents, sharing no rare word (families.ts)', async () => {
    // The wire's paragraphs are found only by the second alignment; their words are common in
    // this archive (each in several notices), so none is rare. Paired with two documents (the
    // rewrite and one copy) they are a rewrite and its copy; with three, as a template's lines
    // across notices are, they are left out: FAMILY_MIN_DOCUMENTS. A real rewrite keeps its
    // source's names, two of which keep the pair (template-families.test.ts).
    const wireStatuses = (report: Report): string[] =>
      report.documents.find((d) => d.path.endsWith('wire.txt'))!.segments.map((s) => `${s.status}${s.matches[0]?.reworded === true ? ' reworded' : ''}`);
    const two = await runJson<Report>([archiveWithRewrite(1), '--json', '--reworded', 'thorough']);
    expect(wireStatuses(two.report)).toEqual(Array.from({ length: 7 }, () => 'edited reworded'));
    const three = await runJson<Report>([archiveWithRewrite(2), '--json', '--reworded', 'thorough']);
    expect(three.report.summary.rewordedPairs).toBe(0);
    expect(wireStatuses(three.report)).toEqual(Array.from({ length: 7 }, () => 'unique'));
    // The rewrites are still edited from one another, by their shingles.
    for (const doc of three.report.documents.filter((d) => /rewrite/.test(d.path))) {
      expect(doc.segments.slice(1).every((s) => s.status === 'edited')).toBe(true);
    }
  });

  it('finds the rewrite in the precise mode when its words are in a few other documents (passages.ts, RARE_MIN_DOCUMENTS)', async () => {
    // Each word in two notices besides the two stories: four documents, rare below 1,000
    // documents. With the floor at the two documents a seed joins, one unrelated article naming
    // the story's country made half of a reworded story unique (session 25, a new user's trial).
    const precise = await runJson<Report>([archiveWithRewrite(0, 2), '--json']);
    expect(rewriteStatuses(precise.report).filter((s) => s === 'edited reworded from wire')).toHaveLength(6);
  });

  it('changes nothing in a small scan, which already aligns pairs that way', async () => {
    const precise = await runJson<Report>(['fixtures/reworded-reprint', '--json']);
    const thorough = await runJson<Report>(['fixtures/reworded-reprint', '--json', '--reworded', 'thorough']);
    expect(thorough.report.options.reworded).toBe('thorough');
    expect({ ...thorough.report, options: { ...thorough.report.options, reworded: 'precise' } }).toEqual(precise.report);
    const off = await runJson<Report>(['fixtures/reworded-reprint', '--json', '--no-reworded']);
    expect(off.report.options.reworded).toBe('off');
  });

  it('refuses a mode it does not know (exit 2, one line); check takes a config\'s mode too', async () => {
    const bad = await runInProcess(['fixtures/reworded-reprint', '--reworded', 'loose']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual(["dedupe: error: --reworded must be one of precise, thorough, off, got 'loose'"]);
    const dir = tempDir('reworded-check-');
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: 'thorough' }));
    writeFileSync(path.join(dir, 'a.txt'), 'One paragraph of an incoming article, long enough to sign.\n');
    const check = await runInProcess(['check', '--db', path.join(dir, 'none.db'), 'a.txt'], { cwd: dir });
    // Not refused as a mode: the missing index is what stops it.
    expect(check.stderr).not.toMatch(/must be one of|takes true or false/);
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: 'loose' }));
    const wrong = await runInProcess(['check', '--db', path.join(dir, 'none.db'), 'a.txt'], { cwd: dir });
    expect(wrong.code).toBe(2);
    // A config's value may also be true or false, and the message says so.
    expect(wrong.stderr.trim()).toBe(`dedupe: error: .dedupe.json: reworded must be one of precise, thorough, off (or true, false), got 'loose'`);
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: 'false' }));
    const quoted = await runInProcess(['fixtures/reworded-reprint', '-q'], { cwd: dir });
    expect(quoted.code).toBe(2);
    expect(quoted.stderr).toMatch(/reworded is the string 'false': write false without quotes to turn the stage off/);
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: 3 }));
    const number = await runInProcess(['fixtures/reworded-reprint', '-q'], { cwd: dir });
    expect(number.stderr.trim()).toBe('dedupe: error: .dedupe.json: reworded must be true, false or one of "precise", "thorough", "off", got 3');
    // --reworded is the scan's and check's: commander's "Did you mean --no-reworded?" said the
    // opposite of what was asked (a new user's run, with check, which has the flag since).
    const onDiff = await runInProcess(['diff', '--reworded', 'thorough', 'fixtures/reworded-reprint/wire.txt', 'fixtures/reworded-reprint/rewrite.txt']);
    expect(onDiff.code).toBe(2);
    expect(onDiff.stderr.trim()).toBe("dedupe: error: unknown option '--reworded'; --reworded is an option of dedupe (the scan) and dedupe check");
  });

  it('check --reworded thorough finds in an index the source of a rewrite the precise mode misses', async () => {
    const archive = archiveWithRewrite();
    const incoming = tempDir('reworded-incoming-');
    writeFileSync(path.join(incoming, 'rewrite.txt'), readFileSync(path.join(archive, 'rewrite.txt'), 'utf8'));
    rmSync(path.join(archive, 'rewrite.txt'));
    const db = path.join(incoming, 'archive.db');
    expect((await runInProcess(['index', 'add', '--db', db, archive])).code).toBe(0);
    const rewrite = path.join(incoming, 'rewrite.txt');
    const reworded = (report: Report): number => report.documents[0]!.segments.filter((seg) => seg.matches[0]?.reworded === true).length;
    const precise = await runJson<Report>(['check', '--db', db, '--json', rewrite]);
    expect(precise.report.options.reworded).toBe('precise');
    expect(reworded(precise.report)).toBe(0);
    const thorough = await runJson<Report>(['check', '--db', db, '--json', '--reworded', 'thorough', rewrite]);
    expect(thorough.report.options.reworded).toBe('thorough');
    expect(reworded(thorough.report)).toBe(6);
    // A config's check section says the same.
    writeFileSync(path.join(incoming, '.dedupe.json'), JSON.stringify({ check: { reworded: 'thorough' } }));
    const configured = await runJson<Report>(['check', '--db', db, '--json', 'rewrite.txt'], { cwd: incoming });
    expect(reworded(configured.report)).toBe(6);
  });

  it('takes off as a mode: the same report as --no-reworded', async () => {
    const verbose = await runInProcess(['fixtures/reworded-reprint', '-q', '--verbose', '--reworded', 'thorough']);
    expect(verbose.stderr).toMatch(/ \(reworded thorough\)\n$/);
    const off = await runJson<Report>(['fixtures/reworded-reprint', '--json', '--reworded', 'off']);
    const no = await runJson<Report>(['fixtures/reworded-reprint', '--json', '--no-reworded']);
    expect(off.report.options.reworded).toBe('off');
    expect(off.report).toEqual(no.report);
    expect(off.report.summary.rewordedPairs).toBe(0);
    const dir = tempDir('reworded-off-');
    writeFileSync(path.join(dir, '.dedupe.json'), JSON.stringify({ reworded: 'off' }));
    const fromConfig = await runJson<Report>([path.resolve('fixtures/reworded-reprint'), '--json'], { cwd: dir });
    expect(fromConfig.report.options.reworded).toBe('off');
  });
});
