/**
 * Benchmark of the persistent index (issue 4), run by `npm run bench:index`: time to add
 * 10,000 and 100,000 articles, index size per paragraph, and the time for `dedupe check` of
 * 100 new articles against the 100,000 indexed ones (target: under 2 s). Figures are printed,
 * never asserted: speed depends on the machine.
 *
 * Everything is measured through the built CLI (`node bin/dedupe.js`), as a user or CI job
 * runs it, so the times include starting Node and opening the database.
 *
 * The articles are synthetic, generated into a temporary folder from the BBC News corpus
 * (../shared/corpora/bbc; nothing of it enters the repository) by the same generator as
 * `npm run bench` (generate.ts): each archive size is a corpus of that many files, stories in
 * their epochs' words reprinted by invented outlets (about 42% of the files are reprints). The
 * 100 incoming articles for `check` (generateIncoming): 50 edited reprints of stories the
 * archive holds, 50 new stories from an epoch it never reached.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureCorpus, generateIncoming, loadSource } from './generate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binPath = path.join(repoRoot, 'bin', 'dedupe.js');
export const DEFAULT_SOURCE = path.resolve(repoRoot, '../shared/corpora/bbc');


export interface IndexBenchOptions {
  source: string;
  /** Numbers of articles to index, each into a fresh index; the largest is the one checked against. */
  sizes: number[];
  /** Articles in the `check` batch. */
  incoming: number;
  /** Timed runs of `check` (the fastest and the median are reported). */
  checkRuns: number;
  seed: number;
  /** Keep the generated folder (printed) instead of removing it. */
  keep: boolean;
  log?: (line: string) => void;
}

export interface AddFigure {
  articles: number;
  paragraphs: number;
  seconds: number;
  articlesPerSecond: number;
  databaseBytes: number;
  bytesPerParagraph: number;
  peakRssBytes: number;
  peakWalBytes: number;
  /** Bytes per table and index (SQLite's dbstat), when available. */
  tables: Record<string, number>;
}

export interface CheckFigure {
  indexed: number;
  incoming: number;
  fastestSeconds: number;
  medianSeconds: number;
  peakRssBytes: number;
  exitCode: number | null;
  /** Incoming articles with shared or edited paragraphs, and how many of them are reprints (expected: half the batch). */
  withReuse: number;
  reprints: number;
}

export interface IndexBenchResult {
  add: AddFigure[];
  /** `index add` of the largest archive again, every file unchanged (a daily CI re-add). */
  readd: { articles: number; seconds: number } | null;
  check: CheckFigure | null;
  folder: string;
}

interface RunFigures {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Largest resident set of the process seen (Linux /proc), 0 when unknown. */
  peakRssBytes: number;
  /** Largest size of the index's write-ahead log seen during the run. */
  peakWalBytes: number;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Runs the CLI, sampling its memory and the index's write-ahead log every 100 ms. */
function dedupe(args: readonly string[], cwd: string, db: string): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [binPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let peakRssBytes = 0;
    let peakWalBytes = 0;
    const sample = (): void => {
      peakWalBytes = Math.max(peakWalBytes, sizeOf(`${db}-wal`));
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kib = /VmHWM:\s+(\d+) kB/.exec(status);
        if (kib) peakRssBytes = Math.max(peakRssBytes, Number(kib[1]) * 1024);
      } catch {
        // not Linux, or the process has just exited
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, code, stdout, stderr, peakRssBytes, peakWalBytes });
    });
  });
}

/** Paragraphs stored, and bytes per table and index (SQLite's dbstat, when built in). */
function inspect(file: string): { paragraphs: number; tables: Record<string, number> } {
  const db = new Database(file, { readonly: true });
  try {
    const paragraphs = Number(db.prepare('SELECT count(*) FROM paragraphs').pluck().get());
    let tables: Record<string, number> = {};
    try {
      const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as Array<{ name: string; bytes: number }>;
      tables = Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
    } catch {
      // SQLite built without the dbstat table
    }
    return { paragraphs, tables };
  } finally {
    db.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runIndexBench(options: IndexBenchOptions): Promise<IndexBenchResult> {
  const log = options.log ?? (() => {});
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dedupe-index-bench-'));
  try {
    const largest = options.sizes.reduce((a, b) => Math.max(a, b));
    log(`generating archives of ${options.sizes.join(', ')} articles and ${options.incoming} incoming from ${options.source} into ${folder}`);
    const source = loadSource(options.source, options.seed);
    const add: AddFigure[] = [];
    let largestDb = '';
    let readd: IndexBenchResult['readd'] = null;
    let reprints = new Set<string>();
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const archive = `archive-${size}`;
      const { manifest } = ensureCorpus({ source, out: path.join(folder, archive), targetBytes: Number.MAX_SAFE_INTEGER, targetFiles: size, seed: options.seed });
      const db = path.join(folder, `index-${size}.db`);
      log(`dedupe index add: ${size} articles`);
      const run = await dedupe(['index', 'add', '--db', db, '-q', archive], folder, db);
      if (run.code !== 0) throw new Error(`index add failed (exit ${run.code}): ${run.stderr}`);
      const databaseBytes = statSync(db).size;
      const { paragraphs: paragraphCount, tables } = inspect(db);
      add.push({
        articles: size,
        paragraphs: paragraphCount,
        seconds: run.seconds,
        articlesPerSecond: size / run.seconds,
        databaseBytes,
        bytesPerParagraph: databaseBytes / paragraphCount,
        peakRssBytes: run.peakRssBytes,
        peakWalBytes: run.peakWalBytes,
        tables,
      });
      if (size === largest) {
        largestDb = db;
        log(`dedupe index add: the same ${size} articles again, unchanged`);
        const again = await dedupe(['index', 'add', '--db', db, '-q', archive], folder, db);
        if (again.code !== 0) throw new Error(`index add failed (exit ${again.code}): ${again.stderr}`);
        readd = { articles: size, seconds: again.seconds };
        const names = generateIncoming({ source, manifest, out: path.join(folder, 'incoming'), count: options.incoming, seed: options.seed });
        reprints = new Set([...names].map((name) => `incoming/${name}`));
      } else {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
        rmSync(path.join(folder, archive), { recursive: true, force: true });
      }
    }
    let check: CheckFigure | null = null;
    if (options.incoming > 0) {
      log(`dedupe check: ${options.incoming} articles against ${largest} (${options.checkRuns} runs)`);
      const times: number[] = [];
      let last: RunFigures | undefined;
      for (let r = 0; r < options.checkRuns; r++) {
        last = await dedupe(['check', '--db', largestDb, '--fail-on', 'edited', '--json', 'incoming'], folder, largestDb);
        if (last.code !== 0 && last.code !== 1) throw new Error(`check failed (exit ${last.code}): ${last.stderr}`);
        times.push(last.seconds);
      }
      // The JSON report (schema 3) leaves a unique paragraph's status out.
      const report = JSON.parse(last!.stdout) as { documents: Array<{ path: string; segments: Array<{ status?: string }> }> };
      const withReuse = report.documents.filter((d) => d.segments.some((s) => s.status === 'shared' || s.status === 'edited'));
      check = {
        indexed: largest,
        incoming: options.incoming,
        fastestSeconds: times.reduce((a, b) => Math.min(a, b)),
        medianSeconds: median(times),
        peakRssBytes: last!.peakRssBytes,
        exitCode: last!.code,
        withReuse: withReuse.length,
        reprints: withReuse.filter((d) => reprints.has(d.path)).length,
      };
    }
    return { add, readd, check, folder };
  } finally {
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

export function renderIndexBench(result: IndexBenchResult): string {
  const lines = ['dedupe index benchmark', ''];
  lines.push('index add (one run, from an empty index):');
  for (const a of result.add) {
    lines.push(
      `  ${String(a.articles).padStart(7)} articles, ${String(a.paragraphs).padStart(8)} paragraphs: ${a.seconds.toFixed(1).padStart(6)} s ` +
        `(${a.articlesPerSecond.toFixed(0)} articles/s), ${mib(a.databaseBytes)} MiB, ${a.bytesPerParagraph.toFixed(0)} bytes per paragraph; ` +
        `peak RSS ${mib(a.peakRssBytes)} MiB, peak WAL ${mib(a.peakWalBytes)} MiB`,
    );
    const tables = Object.entries(a.tables);
    if (tables.length > 0) {
      lines.push(`    by table: ${tables.map(([name, bytes]) => `${name} ${(bytes / a.paragraphs).toFixed(0)}`).join(', ')} (bytes per paragraph)`);
    }
  }
  if (result.readd) {
    lines.push(`  ${String(result.readd.articles).padStart(7)} articles again, all unchanged: ${result.readd.seconds.toFixed(1)} s (skipped by content hash)`);
  }
  if (result.check) {
    const c = result.check;
    lines.push('');
    lines.push(
      `check of ${c.incoming} new articles against ${c.indexed}: ${c.fastestSeconds.toFixed(2)} s fastest, ${c.medianSeconds.toFixed(2)} s median (target < 2 s); ` +
        `peak RSS ${mib(c.peakRssBytes)} MiB; exit ${c.exitCode}, ${c.withReuse} with reuse (${c.reprints} of them reprints; ${Math.ceil(c.incoming / 2)} reprints sent)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: DEFAULT_SOURCE },
      sizes: { type: 'string', default: '10000,100000' },
      incoming: { type: 'string', default: '100' },
      'check-runs': { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await runIndexBench({
    source: values.source,
    sizes: values.sizes.split(',').map(Number),
    incoming: Number(values.incoming),
    checkRuns: Number(values['check-runs']),
    seed: Number(values.seed),
    keep: values.keep,
    log: (line) => process.stderr.write(`index-bench: ${line}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderIndexBench(result));
  if (values.keep) process.stderr.write(`index-bench: kept ${result.folder}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`index-bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
