/**
 * What `dedupe sign`, `join` and `report` do with a Parquet folder that is not one complete,
 * consistent run (issue 10): a truncated or damaged file, a missing shard, a shard signed with
 * other parameters or from other files, a folder already holding another run, a join made from other shards, an
 * id in two shards, bad flags. Each is one line on stderr naming the file, exit 2, and nothing
 * written over.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { copyToParquet, Duck, kvMetadata, parquetPath } from '../../src/engine/parquet/duck.js';
import { FORMAT_VERSION, KEY } from '../../src/engine/parquet/layout.js';
import { runInProcess } from '../helpers/in-process.js';

const SEEDS = 'fixtures/seeds';

async function dedupe(args: readonly string[], cwd = repoRoot): Promise<{ stdout: string; stderr: string; code: number }> {
  return runInProcess(args, { cwd });
}

/** Signs the seeds into `out` as `shards` shards (all of them unless `only` says which). */
async function sign(out: string, shards: number, only?: number[], extra: readonly string[] = []): Promise<void> {
  for (let n = 1; n <= shards; n++) {
    if (only && !only.includes(n)) continue;
    const result = await dedupe(['sign', SEEDS, '--out', out, '--shard', `${n}/${shards}`, ...extra]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
}

/** A one-line error, exit 2, whose message names `file`. */
function expectOneLineError(result: { stdout: string; stderr: string; code: number }, file: string, says: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dedupe: error: /);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(says);
}

/** Every file under `dir` with its size and modification time: to show nothing was written over. */
function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = path.join(sub, name);
      const stat = statSync(path.join(dir, rel));
      if (stat.isDirectory()) walk(rel);
      else out.push(`${rel} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk('');
  return out.join('\n');
}

const shard = (n: number, of: number): string => `shard-${String(n).padStart(5, '0')}-of-${String(of).padStart(5, '0')}`;

describe('a Parquet folder that is not one complete run', () => {
  it('a truncated Parquet file: join and report name it, exit 2, and the earlier join stays', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 2);
    expect((await dedupe(['join', out])).code).toBe(0);
    const file = path.join(out, shard(2, 2), 'paragraphs.parquet');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = snapshot(out);
    expectOneLineError(await dedupe(['join', out]), file, /not a readable dedupe Parquet file \(No magic bytes found at end of file\).*sign shard 2\/2 again/);
    expectOneLineError(await dedupe(['report', out, '--json']), file, /truncated or damaged/);
    expect(snapshot(out)).toBe(before);
  });

  // A paragraphs file, and a documents file, which join read before its damage was named (an internal error; found by a new user).
  it.each([
    ['paragraphs.parquet', 1],
    ['documents.parquet', 2],
  ] as const)('a file damaged inside (its footer intact): the join finds which file it is, %s', async (name, shards) => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, shards);
    const file = path.join(out, shard(shards, shards), name);
    const bytes = readFileSync(file);
    // Zeros over the middle of the data pages; the footer (and so the metadata) still reads.
    bytes.fill(0, 64, Math.floor(bytes.length / 2));
    writeFileSync(file, bytes);
    expectOneLineError(await dedupe(['join', out]), file, new RegExp(`not a readable dedupe Parquet file .*sign shard ${shards}/${shards} again`));
    expect(existsSync(path.join(out, 'join'))).toBe(false);
  });

  it('folders whose names hold glob characters are read as named, not as patterns (a "run [2]" read "run 2"; found by a new user)', async () => {
    const dir = tempDir();
    const jsonl = path.join(dir, 'run 2');
    expect((await dedupe(['sign', 'fixtures/jsonl', '--out', jsonl])).code).toBe(0);
    expect((await dedupe(['join', jsonl])).code).toBe(0);
    for (const name of ['run [2]', 'run*']) {
      const out = path.join(dir, name);
      await sign(out, 1);
      expect((await dedupe(['join', out])).code).toBe(0);
      const report = await dedupe(['report', out, '-q']);
      expect(report.code).toBe(0);
      expect(report.stdout).toMatch(/^5 files, 196 paragraphs \(66 shared/);
    }
  });

  it('--out under a file, or a path holding "?", and join of a file: one line each, not an internal error (found by a new user)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'afile');
    writeFileSync(file, 'hi\n');
    expectOneLineError(await dedupe(['sign', SEEDS, '--out', path.join(file, 'sub')]), file, /is a file, not a folder/);
    expectOneLineError(await dedupe(['sign', SEEDS, '--out', path.join(dir, 'what?')]), 'what?', /cannot keep its work files under a path holding "\?"/);
    expectOneLineError(await dedupe(['join', file]), file, /no such folder/);
  });

  it("sign removes a killed sign's partial folder (they piled up with each Ctrl-C; found by a new user), not a running one's", async () => {
    const out = path.join(tempDir(), 'signed');
    const { mkdirSync } = await import('node:fs');
    const { partialFolder } = await import('../../src/engine/parquet/layout.js');
    // A pid no process has (above Linux's pid_max) on this machine; a running one; a dead one on another machine (a shared folder).
    const dead = path.join(out, partialFolder(1, 2, 99999999), 'work');
    const alive = path.join(out, partialFolder(2, 2, process.ppid));
    const elsewhere = path.join(out, partialFolder(2, 2, 99999999, 'another-machine'));
    for (const folder of [dead, alive, elsewhere]) mkdirSync(folder, { recursive: true });
    await sign(out, 2, [1]);
    expect(readdirSync(out).sort()).toEqual([path.basename(alive), path.basename(elsewhere), shard(1, 2)].sort());
  });

  it('a missing shard', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 3, [1, 3]);
    expectOneLineError(await dedupe(['join', out]), path.join(out, shard(2, 3)), /is missing: shard 2 of 3 has not been signed .*--shard 2\/3/);
  });

  it("a shard missing a band's files, or all of them: the shard is incomplete (it was joined without a word; found by a new user)", async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 2);
    const bands = path.join(out, shard(2, 2), 'bands');
    rmSync(path.join(bands, 'band=7'), { recursive: true });
    expectOneLineError(await dedupe(['join', out]), path.join(bands, 'band=7'), /is missing: the shard is incomplete; sign shard 2\/2 again/);
    rmSync(bands, { recursive: true });
    expectOneLineError(await dedupe(['join', out]), path.join(bands, 'band=0'), /is missing: the shard is incomplete; sign shard 2\/2 again/);
  });

  it("join leaves alone a join folder holding other files, or a file of that name (it deleted them; found by a new user)", async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 1);
    expect((await dedupe(['join', out])).code).toBe(0);
    writeFileSync(path.join(out, 'join', 'notes.txt'), 'keep');
    expectOneLineError(await dedupe(['join', out]), path.join(out, 'join'), /holds files dedupe join did not write \(notes\.txt\): move them out/);
    expect(readFileSync(path.join(out, 'join', 'notes.txt'), 'utf8')).toBe('keep');
    rmSync(path.join(out, 'join'), { recursive: true });
    writeFileSync(path.join(out, 'join'), 'a file');
    expectOneLineError(await dedupe(['join', out]), path.join(out, 'join'), /is a file, not a join's folder/);
    expect(readFileSync(path.join(out, 'join'), 'utf8')).toBe('a file');
  });

  it('shards signed from different feeds on standard input are not one run (a truncated feed was joined; found by a new user)', async () => {
    const out = path.join(tempDir(), 'signed');
    const feed = readFileSync(path.join(repoRoot, 'fixtures/jsonl/articles.jsonl'), 'utf8');
    const first = await runInProcess(['sign', '-', '--out', out, '--shard', '1/2'], { cwd: repoRoot, stdin: feed });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^shard 1\/2: 2 documents, /);
    const truncated = await runInProcess(['sign', '-', '--out', out, '--shard', '2/2'], { cwd: repoRoot, stdin: `${feed.split('\n')[0]}\n` });
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/signed from other files than this walk found/);
    const same = await runInProcess(['sign', '-', '--out', out, '--shard', '2/2'], { cwd: repoRoot, stdin: feed });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/^shard 2\/2: 1 document, /);
  });

  it('a run signed in an earlier Parquet format: signing another of its shards says to sign the run anew, not the shard it read (review)', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 2, [1]);
    // Shard 1's documents as an earlier dedupe wrote them: its metadata's format one less.
    const documents = path.join(out, shard(1, 2), 'documents.parquet');
    const duck = await Duck.open({ memoryLimit: '256MB', threads: 1, tempDirectory: tempDir() });
    try {
      const metadata = await kvMetadata(duck, documents);
      metadata.set(KEY.format, String(FORMAT_VERSION - 1));
      const older = path.join(tempDir(), 'documents.parquet');
      await duck.run(copyToParquet(`SELECT * FROM ${parquetPath(documents)}`, older, metadata));
      cpSync(older, documents);
    } finally {
      duck.close();
    }
    const before = snapshot(out);
    const result = await dedupe(['sign', SEEDS, '--out', out, '--shard', '2/2']);
    expectOneLineError(result, documents, new RegExp(`already holds a run signed in dedupe's Parquet format ${FORMAT_VERSION - 1} .*remove that run's shard folders and sign every shard again`));
    expect(snapshot(out)).toBe(before);
  });

  it('a shard signed with other parameters', async () => {
    const [a, b] = [path.join(tempDir(), 'a'), path.join(tempDir(), 'b')];
    await sign(a, 2, [1]);
    await sign(b, 2, [2], ['--shingle-size', '4']);
    renameSync(path.join(b, shard(2, 2)), path.join(a, shard(2, 2)));
    const before = snapshot(a);
    expectOneLineError(await dedupe(['join', a]), path.join(a, shard(2, 2), 'documents.parquet'), /signed with other parameters .*--shingle-size/);
    expect(snapshot(a)).toBe(before);
  });

  it('a shard signed from other files (another listing): sign, join and report refuse it, nothing written', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 2, [1]);
    // Shard 2 of 2 over other paths: files of the seeds would be in no shard, others in two.
    // sign refuses it beside shard 1 once its walk is done, before signing anything.
    const refused = await dedupe(['sign', SEEDS, 'fixtures/trimmed-reprint', '--out', out, '--shard', '2/2']);
    expectOneLineError(refused, path.join(out, shard(1, 2), 'documents.parquet'), /signed from other files than this walk found: sign every shard of a run over the same files/);
    expect(existsSync(path.join(out, shard(2, 2)))).toBe(false);
    // Signed elsewhere (another machine) and copied in, join and report refuse it.
    const elsewhere = path.join(tempDir(), 'elsewhere');
    expect((await dedupe(['sign', SEEDS, 'fixtures/trimmed-reprint', '--out', elsewhere, '--shard', '2/2'])).code).toBe(0);
    renameSync(path.join(elsewhere, shard(2, 2)), path.join(out, shard(2, 2)));
    const before = snapshot(out);
    const documents = path.join(out, shard(2, 2), 'documents.parquet');
    expectOneLineError(await dedupe(['join', out]), documents, /signed from other files than .*run the same dedupe sign command over the same files/);
    expectOneLineError(await dedupe(['report', out]), documents, /signed from other files/);
    expect(snapshot(out)).toBe(before);
  });

  it('sign into a folder holding another run, or this shard already: exit 2, nothing written over', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 3, [1]);
    const before = snapshot(out);
    expectOneLineError(await dedupe(['sign', SEEDS, '--out', out, '--shard', '1/2']), path.join(out, shard(1, 3)), /a run of 3 shards, not 2/);
    expectOneLineError(await dedupe(['sign', SEEDS, '--out', out, '--shard', '2/3', '--min-words', '6']), path.join(out, shard(1, 3), 'documents.parquet'), /other parameters .*--min-words 5 against --min-words 6/);
    expectOneLineError(await dedupe(['sign', SEEDS, '--out', out, '--shard', '1/3']), path.join(out, shard(1, 3)), /already exists/);
    expect(snapshot(out)).toBe(before);
  });

  it('report without a join, and after a shard was signed again since the join', async () => {
    const out = path.join(tempDir(), 'signed');
    await sign(out, 2);
    expectOneLineError(await dedupe(['report', out]), path.join(out, 'join', 'pairs.parquet'), /is missing: run dedupe join/);
    expect((await dedupe(['join', out])).code).toBe(0);
    const copy = path.join(tempDir(), 'again');
    await sign(copy, 2, [2]);
    const old = path.join(tempDir(), 'old');
    renameSync(path.join(out, shard(2, 2)), old);
    cpSync(path.join(copy, shard(2, 2)), path.join(out, shard(2, 2)), { recursive: true });
    expectOneLineError(await dedupe(['report', out]), path.join(out, 'join', 'pairs.parquet'), /joined from other shards .*run dedupe join/);
  });

  it('an id in two shards (JSONL articles with the same id in files of different shards)', async () => {
    const dir = tempDir();
    const article = (id: string): string => `${JSON.stringify({ id, text: 'A council voted on Tuesday to approve new cycle lanes across the city centre.' })}\n`;
    // Two files whose paths hash to different shards of 2 (dedupe sign's shard rule).
    writeFileSync(path.join(dir, 'a.jsonl'), article('same-id'));
    writeFileSync(path.join(dir, 'b.jsonl'), article('same-id'));
    const out = path.join(dir, 'signed');
    for (const n of [1, 2]) expect((await dedupe(['sign', 'a.jsonl', 'b.jsonl', '--out', out, '--shard', `${n}/2`], dir)).code).toBe(0);
    expect(readdirSync(out).filter((n) => n.startsWith('shard-'))).toHaveLength(2);
    expectOneLineError(await dedupe(['join', out], dir), out, /the id "same-id" is in more than one shard/);
  });

  it('no such folder, and a folder without shards', async () => {
    const missing = path.join(tempDir(), 'nowhere');
    expectOneLineError(await dedupe(['join', missing]), missing, /no such folder/);
    const empty = tempDir();
    expectOneLineError(await dedupe(['report', empty]), empty, /holds no signed shards/);
    // A folder of articles: scan it, or sign it elsewhere, not into itself (found by a new user).
    expectOneLineError(await dedupe(['report', SEEDS]), SEEDS, /holds no signed shards .*; it holds articles: scan them with dedupe .*seeds, or sign them into a folder of their own with dedupe sign .*seeds --out .*seeds-signed/);
  });

  it('bad flags: all in one line', async () => {
    const result = await dedupe(['sign', SEEDS, '--shard', '4/3', '--memory-limit', '12']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out <dir> is required.*--shard must be i\/n.*got '4\/3'.*--memory-limit must be a size/);
    const join = await dedupe(['join', tempDir(), '--threads', '0']);
    expect(join.stderr).toMatch(/--threads must be a whole number from 1/);
  });
});
