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
 * (../shared/corpora/bbc; nothing of it enters the repository):
 * - BBC paragraphs are re-cut into news-sized ones of one or two sentences.
 * - Article i is source article i mod 2,225 in "epoch" i div 2,225. In epoch e > 0 every word
 *   outside the 20 commonest is respelt through a permutation (seeded by e) among words of
 *   similar frequency: sentence shapes and Zipf's law stay, content words do not, so articles
 *   of different epochs are unrelated rather than copies.
 * - One article in ten is a reprint of an earlier one: a few words changed, maybe a paragraph
 *   dropped, as syndicated copies in a real archive are.
 * - The 100 incoming articles for `check`: 50 edited reprints of indexed articles, 50 from an
 *   epoch the index does not hold (new stories).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { fmix32 } from '../core/signing/hash.js';
import { Random } from './random.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binPath = path.join(repoRoot, 'bin', 'dedupe.js');
export const DEFAULT_SOURCE = path.resolve(repoRoot, '../shared/corpora/bbc');

/** Words never respelt across epochs: the commonest function words, which unrelated news paragraphs do share. */
const FIXED_WORDS = 20;
/** Words are respelt within groups of this many of similar frequency rank. */
const RESPELL_GROUP = 64;
const REPRINT_SHARE = 0.1;
const FILES_PER_FOLDER = 1000;

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

/** A [0, 1) generator on the bench's mulberry32 (random.ts), started as it always was here. */
function random(seed: number): () => number {
  const generator = new Random(fmix32(seed ^ 0x9e3779b9));
  return () => generator.next();
}

interface Source {
  /** Per article: its title, then paragraphs of one or two sentences. */
  articles: string[][];
  /** Lower-case words by falling frequency. */
  ranked: string[];
  rankOf: Map<string, number>;
}

function loadSource(dir: string): Source {
  const files: string[] = [];
  for (const topic of readdirSync(dir).sort()) {
    const folder = path.join(dir, topic);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.txt')) files.push(path.join(folder, name));
  }
  if (files.length === 0) throw new Error(`no articles under ${dir}; pass --source <folder of the BBC corpus>`);
  const counts = new Map<string, number>();
  const articles = files.map((file) => {
    const blocks = readFileSync(file, 'utf8')
      .split(/\n\s*\n/)
      .map((b) => b.replace(/\s+/g, ' ').trim())
      .filter((b) => b.length > 0);
    const [title = '', ...body] = blocks;
    const paragraphs: string[] = [title];
    for (const block of body) {
      const sentences = block.split(/(?<=[.!?]["”']?)\s+(?=["“]?[A-Z0-9])/);
      for (let i = 0; i < sentences.length; ) {
        const take = sentences.length - i >= 2 && fmix32(i ^ sentences[i]!.length) % 2 === 0 ? 2 : 1;
        paragraphs.push(sentences.slice(i, i + take).join(' '));
        i += take;
      }
    }
    for (const paragraph of paragraphs) {
      for (const word of paragraph.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return paragraphs;
  });
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
  return { articles, ranked, rankOf: new Map(ranked.map((w, i) => [w, i])) };
}

/** The respelling of epoch `epoch`: a permutation within groups of similar rank. */
function respelling(source: Source, epoch: number): (text: string) => string {
  if (epoch === 0) return (text) => text;
  const mapped = new Map<string, string>();
  const next = random(epoch * 7919 + 1);
  for (let start = FIXED_WORDS; start < source.ranked.length; start += RESPELL_GROUP) {
    const group = source.ranked.slice(start, start + RESPELL_GROUP);
    const shuffled = [...group];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    group.forEach((word, i) => mapped.set(word, shuffled[i]!));
  }
  return (text) =>
    text.replace(/\p{L}+/gu, (word) => {
      const to = mapped.get(word.toLowerCase());
      if (to === undefined) return word;
      return word[0] !== word[0]!.toLowerCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
    });
}

/** A reprint: a few words changed in some paragraphs, sometimes one paragraph dropped. */
function reprint(paragraphs: readonly string[], source: Source, next: () => number): string[] {
  const out = paragraphs.map((paragraph) => {
    if (next() >= 0.3) return paragraph;
    const words = paragraph.split(' ');
    const at = Math.floor(next() * words.length);
    words[at] = source.ranked[FIXED_WORDS + Math.floor(next() * 2000)] ?? words[at]!;
    return words.join(' ');
  });
  if (out.length > 4 && next() < 0.3) out.splice(1 + Math.floor(next() * (out.length - 1)), 1);
  return out;
}

function articleText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

/** Generates the archive (`count` articles in folders of 1,000) and the incoming batch. */
function generate(source: Source, folder: string, count: number, incoming: number, seed: number): { reprints: Set<string> } {
  const respellings = new Map<number, (text: string) => string>();
  const respell = (epoch: number): ((text: string) => string) => {
    let f = respellings.get(epoch);
    if (!f) respellings.set(epoch, (f = respelling(source, epoch)));
    return f;
  };
  const n = source.articles.length;
  const next = random(seed);
  const written: string[][] = [];
  for (let i = 0; i < count; i++) {
    let paragraphs: string[];
    if (i > 0 && next() < REPRINT_SHARE) {
      paragraphs = reprint(written[Math.floor(next() * i)]!, source, next);
    } else {
      const f = respell(Math.floor(i / n));
      paragraphs = source.articles[i % n]!.map(f);
    }
    written.push(paragraphs);
    const dir = path.join(folder, 'archive', `part-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0')}`);
    if (i % FILES_PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.txt`), articleText(paragraphs));
  }
  const incomingDir = path.join(folder, 'incoming');
  mkdirSync(incomingDir, { recursive: true });
  const reprints = new Set<string>();
  const freshEpoch = Math.ceil(count / n) + 1000;
  for (let k = 0; k < incoming; k++) {
    const name = path.join(incomingDir, `new-${String(k).padStart(3, '0')}.txt`);
    if (k % 2 === 0) {
      writeFileSync(name, articleText(reprint(written[Math.floor(next() * count)]!, source, next)));
      reprints.add(`incoming/${path.basename(name)}`);
    } else {
      writeFileSync(name, articleText(source.articles[Math.floor(next() * n)]!.map(respell(freshEpoch + k))));
    }
  }
  return { reprints };
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
    const largest = Math.max(...options.sizes);
    log(`generating ${largest} articles and ${options.incoming} incoming from ${options.source} into ${folder}`);
    const source = loadSource(options.source);
    const { reprints } = generate(source, folder, largest, options.incoming, options.seed);
    const add: AddFigure[] = [];
    let largestDb = '';
    let readd: IndexBenchResult['readd'] = null;
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const db = path.join(folder, `index-${size}.db`);
      const parts = Array.from({ length: Math.ceil(size / FILES_PER_FOLDER) }, (_, p) => `archive/part-${String(p).padStart(3, '0')}`);
      if (size % FILES_PER_FOLDER !== 0) throw new Error(`sizes must be multiples of ${FILES_PER_FOLDER}, got ${size}`);
      log(`dedupe index add: ${size} articles`);
      const run = await dedupe(['index', 'add', '--db', db, '-q', ...parts], folder, db);
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
        const again = await dedupe(['index', 'add', '--db', db, '-q', ...parts], folder, db);
        if (again.code !== 0) throw new Error(`index add failed (exit ${again.code}): ${again.stderr}`);
        readd = { articles: size, seconds: again.seconds };
      } else {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
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
      const report = JSON.parse(last!.stdout) as { documents: Array<{ path: string; counts: { shared: number; edited: number } }> };
      const withReuse = report.documents.filter((d) => d.counts.shared + d.counts.edited > 0);
      check = {
        indexed: largest,
        incoming: options.incoming,
        fastestSeconds: Math.min(...times),
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
