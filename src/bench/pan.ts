/**
 * `npm run bench:pan`: issue 9's table, measured on the PAN 2013 text alignment corpus's src/
 * and susp/ folders together (about 30 MB, 5,057 files): `dedupe -q` and `dedupe --json >
 * file`, end to end, the median of --runs runs each in a child process of its own (measure.ts),
 * CPU seconds beside wall seconds, peak RSS per paragraph, the JSON report's size against the
 * corpus, and `wc -w` over the same files in the same session as the machine-independent
 * reference. Figures are printed against the issue's targets, never asserted.
 *
 *   npm run bench:pan
 *   npm run bench:pan -- --runs 5 --corpus ../shared/corpora/pan13-text-alignment
 *   npm run bench:pan -- --stage-cost     # what the rewrite stage adds (issue 11): with and without it, runs interleaved
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TARGET_MB_PER_S } from './bench.js';
import type { Measurement, MeasureMode } from './measure.js';
import { bytesPerParagraph, fixed, log, machine, markdownTable, MB, median, medianRun, MIB, runMeasurement, wordCountReference } from './runs.js';
import { runScript } from './script.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PAN = path.resolve(repoRoot, '../shared/corpora/pan13-text-alignment');
/** Issue 9's memory and report-size targets. */
export const TARGET_BYTES_PER_PARAGRAPH = 1536;
export const TARGET_JSON_RATIO = 1.5;

const FOLDERS = ['src', 'susp'];
const MODES: MeasureMode[] = ['quiet', 'json'];
const LABEL: Record<MeasureMode, string> = { quiet: 'dedupe -q', json: 'dedupe --json > file' };

interface ModeResult {
  mode: MeasureMode;
  runs: Measurement[];
  median: Measurement;
}

function table(results: readonly ModeResult[], wcSeconds: number): string {
  const wall = (m: Measurement): number => m.elapsedMs / 1000;
  const body: string[][] = results.map(({ mode, runs, median: m }) => [
    LABEL[mode],
    fixed(wall(m), 2),
    fixed(median(runs.map((r) => r.cpuMs)) / 1000, 2),
    fixed(m.bytes / MB / wall(m), 1),
    fixed(m.paragraphs / wall(m), 0),
    fixed(wall(m) / wcSeconds, 1),
    fixed(m.peakRss / MIB, 0),
    fixed(bytesPerParagraph(m), 0),
    mode === 'json' ? fixed(m.jsonBytes / m.bytes, 2) : '',
    runs.map((r) => fixed(wall(r), 2)).join(' / '),
  ]);
  return markdownTable(['', 'wall s', 'CPU s', 'MB/s', 'paragraphs/s', '× wc -w', 'peak RSS MiB', 'bytes/paragraph', 'JSON/corpus', 'runs (wall s)'], body);
}

function verdicts(results: readonly ModeResult[]): string[] {
  const lines: string[] = [];
  for (const { mode, median: m } of results) {
    const rate = m.bytes / MB / (m.elapsedMs / 1000);
    const perParagraph = bytesPerParagraph(m);
    lines.push(`${LABEL[mode]}: ${fixed(rate, 1)} MB/s (target ≥ ${TARGET_MB_PER_S[mode]}: ${rate >= TARGET_MB_PER_S[mode] ? 'met' : 'NOT met'})`);
    lines.push(`${LABEL[mode]}: ${fixed(perParagraph, 0)} bytes/paragraph (target ≤ ${TARGET_BYTES_PER_PARAGRAPH}: ${perParagraph <= TARGET_BYTES_PER_PARAGRAPH ? 'met' : 'NOT met'})`);
    if (mode === 'json') {
      const ratio = m.jsonBytes / m.bytes;
      lines.push(`${LABEL[mode]}: report ${fixed(ratio, 2)} × the corpus (target ≤ ${TARGET_JSON_RATIO}: ${ratio <= TARGET_JSON_RATIO ? 'met' : 'NOT met'})`);
    }
  }
  return lines;
}

/**
 * What the rewrite stage adds, per mode: runs with it and without it (DEDUPE_REWORDING=0) in
 * turn, so that a machine whose speed drifts moves both alike; the ratio is taken run pair by
 * run pair and its median printed, beside each side's median wall and CPU seconds.
 */
async function stageCost(corpus: string, runs: number): Promise<string> {
  const rows: string[][] = [];
  for (const mode of MODES) {
    const withStage: Measurement[] = [];
    const without: Measurement[] = [];
    for (let run = 1; run <= runs; run++) {
      const on = await runMeasurement(FOLDERS, mode, corpus, { ...process.env, DEDUPE_REWORDING: '1' });
      const off = await runMeasurement(FOLDERS, mode, corpus, { ...process.env, DEDUPE_REWORDING: '0' });
      log(`${LABEL[mode]} run ${run}/${runs}: ${fixed(on.elapsedMs / 1000, 2)} s with the stage, ${fixed(off.elapsedMs / 1000, 2)} s without`);
      withStage.push(on);
      without.push(off);
    }
    const ratio = (key: 'elapsedMs' | 'cpuMs'): string => fixed(median(withStage.map((m, i) => m[key] / without[i]![key])), 2);
    const seconds = (list: Measurement[], key: 'elapsedMs' | 'cpuMs'): string => fixed(median(list.map((m) => m[key])) / 1000, 2);
    rows.push([LABEL[mode], seconds(withStage, 'elapsedMs'), seconds(without, 'elapsedMs'), ratio('elapsedMs'), seconds(withStage, 'cpuMs'), seconds(without, 'cpuMs'), ratio('cpuMs')]);
  }
  return markdownTable(['', 'wall s, with', 'without', 'with / without', 'CPU s, with', 'without', 'with / without'], rows);
}

const USAGE = `usage: npm run bench:pan -- [--runs N] [--corpus <folder>] [--stage-cost]
  --runs N           runs of each command; the median is printed (default 3)
  --corpus <folder>  the PAN 2013 text alignment corpus, holding src/ and susp/
                     (default ${DEFAULT_PAN}: ../shared/corpora beside this clone)
  --stage-cost       what the rewrite stage adds: each command with and without it, in turn
`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '3' }, corpus: { type: 'string', default: DEFAULT_PAN }, 'stage-cost': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  const corpus = path.resolve(values.corpus);
  if (!(Number.isInteger(runs) && runs >= 1)) {
    process.stderr.write('bench:pan: --runs takes a count\n');
    return 2;
  }
  if (!FOLDERS.every((f) => existsSync(path.join(corpus, f)))) {
    process.stderr.write(`bench:pan: ${corpus}: no src/ and susp/ folders; give the PAN 2013 text alignment corpus with --corpus <folder>\n`);
    return 2;
  }
  if (values['stage-cost']) {
    const table = await stageCost(corpus, runs);
    process.stdout.write(`PAN 2013 src/ + susp/: what the rewrite stage adds (issue 11 allows 25%), medians of ${runs} run${runs === 1 ? '' : 's'} each, in turn\nmachine: ${machine()}\n\n${table}\n`);
    return 0;
  }
  const wc = await wordCountReference(FOLDERS, corpus, runs);
  log(`wc -w ${FOLDERS.join(' ')}: ${fixed(wc.seconds, 2)} s (${fixed(wc.words, 0)} words)`);
  const results: ModeResult[] = [];
  for (const mode of MODES) {
    const measured: Measurement[] = [];
    for (let run = 1; run <= runs; run++) {
      const m = await runMeasurement(FOLDERS, mode, corpus);
      log(`${LABEL[mode]} run ${run}/${runs}: ${fixed(m.elapsedMs / 1000, 2)} s (CPU ${fixed(m.cpuMs / 1000, 2)} s), peak RSS ${fixed(m.peakRss / MIB, 0)} MiB`);
      measured.push(m);
    }
    results.push({ mode, runs: measured, median: medianRun(measured) });
  }
  const first = results[0]!.median;
  process.stdout.write(
    [
      `PAN 2013 src/ + susp/: ${fixed(first.bytes / MB, 2)} MB, ${fixed(first.documents, 0)} files, ${fixed(first.paragraphs, 0)} paragraphs; median of ${runs} run${runs === 1 ? '' : 's'}`,
      `machine: ${machine()}`,
      `reference: wc -w over the same files, ${fixed(wc.seconds, 2)} s (median)`,
      '',
      table(results, wc.seconds),
      '',
      ...verdicts(results),
      '',
    ].join('\n'),
  );
  return 0;
}

runScript(import.meta.url, 'bench:pan', main);
