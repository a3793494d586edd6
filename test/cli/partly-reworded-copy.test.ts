/**
 * A partly reworded copy in a large scan (core/rewrite/copied-pairs.ts): a copy that keeps some
 * of the wire's paragraphs word for word and retells the others. In the test's archive
 * (test/helpers/reworded-archive.ts) the precise mode's seeds find nothing between the retold
 * paragraphs (each word is in several notices, so none is rare); the copied paragraphs make the
 * two documents one story, and the pair is aligned as a scan of the two documents would align
 * it. The rewording channel does propose this pair here; a scan whose channel proposes nothing
 * (the BBC case the module's header tells of) is made with the library and a silent channel.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, createSigner, resolveOptions, type Report } from '../../src/core/index.js';
import { runAlignJob } from '../../src/core/rewrite/align-job.js';
import type { RewriteHelpers } from '../../src/core/rewrite/stage.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess, runJson } from '../helpers/in-process.js';
import { archiveWithRewrite } from '../helpers/reworded-archive.js';

const wire = readFileSync('fixtures/reworded-reprint/wire.txt', 'utf8').trim().split(/\n\s*\n/);
const rewrite = readFileSync('fixtures/reworded-reprint/rewrite.txt', 'utf8').trim().split(/\n\s*\n/);

/** The rewrite's headline and first four body paragraphs, then the wire's last two word for word (32 and 23 words). */
const partial = `${[...rewrite.slice(0, 5), ...wire.slice(5)].join('\n\n')}\n`;

/** Per paragraph of rewrite.txt (the partly reworded copy in these tests): its status, and "reworded" when its best match is a reworded one in the wire (wire.txt or a copy of it). */
function partialStatuses(report: Report): string[] {
  const doc = report.documents.find((d) => d.path.endsWith('rewrite.txt'))!;
  return doc.segments.map((s) => `${s.status}${s.matches[0]?.reworded === true && /wire[^/]*\.txt$/.test(s.matches[0].path) ? ' reworded' : ''}`);
}

const FOUND = ['unique', 'edited reworded', 'edited reworded', 'edited reworded', 'edited reworded', 'shared', 'shared'];

/** The wire with a word of its own added to each paragraph: another outlet's edit of it, each paragraph verified edited from the wire's. */
const carried = `${wire.map((paragraph) => paragraph.replace(/\.$/, ' locally.')).join('\n\n')}\n`;

describe('a partly reworded copy in a large scan', () => {
  it('has its retold paragraphs found: the copied paragraphs make it one story with the wire', async () => {
    // The archive's rewrite.txt replaced by the partly reworded copy (a fully reworded one is left unique here: reworded-thorough.test.ts).
    const { result, report } = await runJson<Report>([archiveWithRewrite(0, undefined, { 'rewrite.txt': partial }), '--json']);
    expect(result.code).toBe(0);
    // The headline is its own; the four retold body paragraphs are reworded from the wire; the last two are the wire's.
    expect(partialStatuses(report)).toEqual(FOUND);
    // As the two files alone: the same reworded pairs (the wire's headline is paired with the copy's lede too).
    const pairDir = tempDir('partly-reworded-pair-');
    writeFileSync(path.join(pairDir, 'wire.txt'), readFileSync('fixtures/reworded-reprint/wire.txt', 'utf8'));
    writeFileSync(path.join(pairDir, 'rewrite.txt'), partial);
    const pair = await runJson<Report>([pairDir, '--json']);
    expect(partialStatuses(report)).toEqual(partialStatuses(pair.report));
    expect(report.summary.rewordedPairs).toBe(pair.report.summary.rewordedPairs);
    expect(report.summary.rewordedPairs).toBe(5);
  });

  it('finds them when the rewording channel proposes no pair (the library, with a silent channel)', async () => {
    const dir = archiveWithRewrite(0, undefined, { 'rewrite.txt': partial });
    const signer = await createSigner(resolveOptions());
    const prepared = readdirSync(dir).sort().map((name) => signer.prepare({ id: name, text: readFileSync(path.join(dir, name), 'utf8') }));
    const silent: RewriteHelpers = {
      threads: 0,
      channelPairs: () => Promise.resolve({ variants: new Int32Array(0), pairs: new Float64Array(0), strong: new Uint8Array(0) }),
      align: (job) => Promise.resolve(runAlignJob(job)),
    };
    for (const thoroughRewording of [false, true]) {
      const { analysis } = await analyse(prepared, resolveOptions(), [], { helpers: silent, thoroughRewording });
      expect(partialStatuses(analysis.report())).toEqual(FOUND);
    }
  });

  it('finds them when another outlet carried the wire with edits (every paragraph of the wire has a match)', async () => {
    // The wire's paragraphs all edited elsewhere: only the copy has paragraphs without a match.
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, { 'rewrite.txt': partial, 'carried.txt': carried }), '--json']);
    expect(report.documents.find((d) => d.path.endsWith('wire.txt'))!.segments.every((s) => s.status !== 'unique')).toBe(true);
    expect(partialStatuses(report)).toEqual(FOUND);
  });

  it('counts exact copies of the wire as one text (three outlets carrying it word for word)', async () => {
    const copies = { 'rewrite.txt': partial, 'wire-copy-1.txt': wire.join('\n\n'), 'wire-copy-2.txt': wire.join('\n\n') };
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, copies), '--json']);
    expect(partialStatuses(report)).toEqual(FOUND);
  });

  it('finds the same whatever the files are called (the wire named last, the copy first)', async () => {
    const dir = archiveWithRewrite(0, undefined, { 'rewrite.txt': partial });
    const renamed = tempDir('partly-reworded-renamed-');
    for (const name of readdirSync(dir)) {
      const to = name === 'wire.txt' ? 'zz-wire.txt' : name === 'rewrite.txt' ? 'aa-rewrite.txt' : name;
      writeFileSync(path.join(renamed, to), readFileSync(path.join(dir, name)));
    }
    const { report } = await runJson<Report>([renamed, '--json']);
    expect(partialStatuses(report)).toEqual(FOUND);
  });

  it('finds them when three outlets carried the wire word for word under headlines of their own (near copies are one text)', async () => {
    const outlets = Object.fromEntries([1, 2, 3].map((k) => [`wire-outlet-${k}.txt`, `Outlet ${k} runs the flood barrier story\n\n${wire.slice(1).join('\n\n')}\n`]));
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, { 'rewrite.txt': partial, ...outlets }), '--json']);
    expect(partialStatuses(report)).toEqual(FOUND);
  });

  it('finds them in check against an index of the archive', async () => {
    const dir = archiveWithRewrite(0, undefined, { 'rewrite.txt': partial });
    const incoming = path.join(tempDir('partly-reworded-incoming-'), 'in');
    mkdirSync(incoming);
    renameSync(path.join(dir, 'rewrite.txt'), path.join(incoming, 'rewrite.txt'));
    const db = path.join(dir, '..', `${path.basename(dir)}.db`);
    expect((await runInProcess(['index', 'add', '--db', db, dir])).code).toBe(0);
    const { report } = await runJson<Report>(['check', '--db', db, '--json', incoming]);
    expect(partialStatuses(report)).toEqual(FOUND);
  });

  it('takes no copied line as one story when it is in more than three documents (a template line or a footer)', async () => {
    // The wire's two last paragraphs in two more files, each with text of its own (so that they
    // are no near copies of each other, NEAR_COPY_SHARE): four texts hold them.
    const letters = 'abcdefghij';
    const own = (k: number): string => Array.from({ length: 200 }, (_, w) => `ow${letters[k]}${letters[w % 10]}${letters[Math.floor(w / 10) % 10]}${letters[Math.floor(w / 100)]}`).join(' ') + '.';
    const other = (k: number): string => `Other ${letters[k]}\n\n${own(k)}\n\n${wire.slice(5).join('\n\n')}\n`;
    const extra = { 'rewrite.txt': partial, 'other-1.txt': other(1), 'other-2.txt': other(2) };
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, extra), '--json']);
    expect(partialStatuses(report)).toEqual(['unique', 'unique', 'unique', 'unique', 'unique', 'shared', 'shared']);
  });

  it('takes no copied paragraphs as one story when they are a small part of a document (a passage quoted in a long text)', async () => {
    // The partial copy followed by 16 paragraphs of words of its own: the wire's two paragraphs
    // are then under COPIED_MIN_SHARE of its words.
    const own = Array.from({ length: 16 }, (_, k) => Array.from({ length: 30 }, (_, w) => `zq${'abcdefghij'[k % 10]}${'abcdefghij'[Math.floor(k / 10)]}${'abcdefghij'[w % 10]}${'abcdefghij'[Math.floor(w / 10)]}`).join(' ') + '.');
    const long = `${partial}\n${own.join('\n\n')}\n`;
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, { 'rewrite.txt': long }), '--json']);
    expect(partialStatuses(report).slice(0, 7)).toEqual(['unique', 'unique', 'unique', 'unique', 'unique', 'shared', 'shared']);
  });

  it('takes no short copied lines as one story (the lines of a table, a headline)', async () => {
    // Ten lines of a table of eight words each, in the wire and in the rewrite: a third of the
    // rewrite's words, copied, but each line under COPIED_MIN_WORDS.
    const letters = 'abcdefghij';
    const table = Array.from({ length: 10 }, (_, k) => `Row ${letters[k]} ${Array.from({ length: 7 }, (_, w) => `tab${letters[k]}${letters[w]}`).join(' ')}`);
    const extra = { 'wire.txt': `${[...wire, ...table].join('\n\n')}\n`, 'rewrite.txt': `${[wire[0], ...rewrite.slice(1, 5), ...table].join('\n\n')}\n` };
    const { report } = await runJson<Report>([archiveWithRewrite(0, undefined, extra), '--json']);
    expect(partialStatuses(report)).toEqual(['shared', 'unique', 'unique', 'unique', 'unique', ...table.map(() => 'shared')]);
  });
});
