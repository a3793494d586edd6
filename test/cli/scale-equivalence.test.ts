/**
 * Beyond one machine (issue 10): `dedupe sign` (one shard, and three) + `dedupe join` +
 * `dedupe report` print the very report `dedupe` prints on the same files: the JSON byte for
 * byte (statuses, matches, groups, originals, word diffs, counts, warnings), the summary line,
 * the NDJSON lines and the --fail-on exit codes. On the seeds, on every fixture folder at
 * once (bad files, JSONL, stray NULs, footers), on a corpus with a bucket larger than the
 * LSH window, and on a generated bench corpus.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE, generateCorpus, loadSource } from '../../src/bench/generate.js';
import { BUCKET_WINDOW } from '../../src/core/matching/lsh.js';
import { repoRoot } from '../helpers/cli.js';
import { seeds, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';

/** Signs `target` (relative to `cwd`) into a new folder in `shards` shards, joins it; returns the folder. */
async function signAndJoin(target: string, cwd: string, shards: number, extra: readonly string[] = []): Promise<string> {
  const out = path.join(tempDir('dedupe-scale-'), 'signed');
  for (let n = 1; n <= shards; n++) {
    const signed = await runInProcess(['sign', target, '--out', out, '--shard', `${n}/${shards}`, ...extra], { cwd });
    expect(signed.stderr.split('\n').filter((l) => l.startsWith('dedupe: error'))).toEqual([]);
    expect(signed.code).toBe(0);
  }
  const joined = await runInProcess(['join', out, '--memory-limit', '256MB', '--threads', '2'], { cwd });
  expect(joined.stderr).toBe('');
  expect(joined.code).toBe(0);
  return out;
}

/** The scan's and the report's output for the same flags. */
async function bothWays(target: string, out: string, cwd: string, flags: readonly string[]): Promise<{ scan: string; report: string; codes: [number, number] }> {
  const scan = await runInProcess([target, ...flags], { cwd });
  const report = await runInProcess(['report', out, ...flags], { cwd });
  return { scan: scan.stdout, report: report.stdout, codes: [scan.code, report.code] };
}

async function expectSameReport(target: string, cwd: string, shards: number): Promise<void> {
  const out = await signAndJoin(target, cwd, shards);
  const json = await bothWays(target, out, cwd, ['--json']);
  expect(json.report.length).toBeGreaterThan(100);
  expect(json.report).toBe(json.scan);
  const ndjson = await bothWays(target, out, cwd, ['--ndjson', '--max-matches', '0']);
  expect(ndjson.report).toBe(ndjson.scan);
  const quiet = await bothWays(target, out, cwd, ['-q', '--fail-on', 'edited']);
  expect(quiet.report).toBe(quiet.scan);
  expect(quiet.codes[1]).toBe(quiet.codes[0]);
}

describe('sign + join + report equals the scan', () => {
  for (const shards of [1, 3]) {
    it(`on the seeds, ${shards} shard${shards === 1 ? '' : 's'}`, async () => {
      await expectSameReport('fixtures/seeds', repoRoot, shards);
    });

    it(`on every fixture folder at once (bad files, JSONL, NULs, footers), ${shards} shard${shards === 1 ? '' : 's'}`, async () => {
      await expectSameReport('fixtures', repoRoot, shards);
    });
  }

  it('the human report with --diff too', async () => {
    const out = await signAndJoin('fixtures/seeds', repoRoot, 2);
    const { scan, report } = await bothWays('fixtures/seeds', out, repoRoot, ['--diff', '--no-color']);
    expect(report).toBe(scan);
    expect(report).toContain('Group 1: 4 documents, original fixtures/seeds/002_b644d28894aa6977.txt');
  });

  it('JSONL on standard input, split article by article into 2 shards (bad lines reported once)', async () => {
    const feed = readFileSync(path.join(repoRoot, 'fixtures/jsonl/articles.jsonl'), 'utf8') + readFileSync(path.join(repoRoot, 'fixtures/jsonl-bad-lines/feed.ndjson'), 'utf8');
    const out = path.join(tempDir(), 'signed');
    const kept: number[] = [];
    for (const n of [1, 2]) {
      const signed = await runInProcess(['sign', '-', '--out', out, '--shard', `${n}/2`, '--json'], { cwd: repoRoot, stdin: feed });
      expect(signed.code).toBe(0);
      kept.push((JSON.parse(signed.stdout) as { written: { documents: number } }).written.documents);
    }
    // Each machine was given the whole feed and kept its share.
    expect(kept.every((k) => k > 0)).toBe(true);
    expect((await runInProcess(['join', out], { cwd: repoRoot })).code).toBe(0);
    const scan = await runInProcess(['-', '--json'], { cwd: repoRoot, stdin: feed });
    const report = await runInProcess(['report', out, '--json'], { cwd: repoRoot });
    expect(report.stdout).toBe(scan.stdout);
    expect(kept[0]! + kept[1]!).toBe((JSON.parse(scan.stdout) as { summary: { documents: number } }).summary.documents);
  });

  it('the HTML page too (but for its title)', async () => {
    const out = await signAndJoin('fixtures/seeds', repoRoot, 1);
    const dir = tempDir();
    const [a, b] = [path.join(dir, 'scan.html'), path.join(dir, 'report.html')];
    await runInProcess(['fixtures/seeds', '-q', '--html', a], { cwd: repoRoot });
    await runInProcess(['report', out, '-q', '--html', b], { cwd: repoRoot });
    const page = readFileSync(b, 'utf8');
    expect(page).toContain(`dedupe report ${out}`);
    expect(page.replaceAll(`dedupe report ${out}`, 'TITLE')).toBe(readFileSync(a, 'utf8').replaceAll('dedupe fixtures/seeds', 'TITLE'));
  });

  it(`pairs a bucket of more than ${BUCKET_WINDOW + 1} near-identical lines in the scan's sliding window`, async () => {
    // 150 lines of 40 words that differ in their last word only (Jaccard 0.95): nearly all
    // of them share a bucket in nearly every band, far more than the window, so without it
    // every pair of the 150 would be a candidate. The join must pair them as the scan does.
    const dir = tempDir();
    const body = Array.from({ length: 39 }, (_, k) => `word${k}`).join(' ');
    const lines = Array.from({ length: 150 }, (_, i) => `${body} item${i}`);
    for (let f = 0; f < 5; f++) writeFileSync(path.join(dir, `page-${f}.txt`), lines.slice(f * 30, f * 30 + 30).join('\n\n'));
    const out = await signAndJoin('.', dir, 2);
    const { scan, report } = await bothWays('.', out, dir, ['--json']);
    expect(report).toBe(scan);
    const summary = (JSON.parse(report) as { summary: { candidatePairs: number } }).summary;
    // Far fewer candidates than all pairs of 150: the window bounds them.
    expect(summary.candidatePairs).toBeGreaterThan(BUCKET_WINDOW * 50);
    expect(summary.candidatePairs).toBeLessThan(0.8 * ((150 * 149) / 2));
    // The window takes the bucket in the order of its texts' keys, not of the files' names:
    // the same lines under names that sort the other way give the same candidates and statuses.
    const renamed = tempDir();
    for (let f = 0; f < 5; f++) writeFileSync(path.join(renamed, `page-${4 - f}.txt`), lines.slice(f * 30, f * 30 + 30).join('\n\n'));
    const statusOf = (json: string): Record<string, string> => {
      const parsed = JSON.parse(json) as { documents: Array<{ segments: Array<{ text: string; status?: string }> }> };
      return Object.fromEntries(parsed.documents.flatMap((d) => d.segments.map((seg) => [seg.text, seg.status ?? 'unique'])));
    };
    const other = (await runInProcess(['.', '--json'], { cwd: renamed })).stdout;
    expect((JSON.parse(other) as { summary: { candidatePairs: number } }).summary.candidatePairs).toBe(summary.candidatePairs);
    expect(statusOf(other)).toEqual(statusOf(scan));
  });

  it('on a generated bench corpus (src/bench/generate.ts), 1 and 3 shards', async () => {
    // The BBC corpus when it is there; otherwise the seeds laid out as a source.
    let sourceDir = DEFAULT_SOURCE;
    if (!existsSync(sourceDir)) {
      sourceDir = tempDir();
      mkdirSync(path.join(sourceDir, 'news'));
      for (const name of readdirSync(seeds)) cpSync(path.join(seeds, name), path.join(sourceDir, 'news', name));
    }
    const corpus = tempDir();
    generateCorpus({ source: loadSource(sourceDir, 1), out: corpus, targetBytes: 250_000, seed: 3 });
    for (const shards of [1, 3]) {
      const out = await signAndJoin('.', corpus, shards);
      const { scan, report } = await bothWays('.', out, corpus, ['--json']);
      expect(report).toBe(scan);
      expect((JSON.parse(report) as { groups: unknown[] }).groups.length).toBeGreaterThan(2);
    }
  });
});
