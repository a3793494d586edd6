/**
 * `npm run bench:corners`: how the inputs that were once quadratic scale (issue 9, "No
 * quadratic corner"). For each case it generates inputs of size n, 2n and 4n, runs the built
 * CLI on them (`node bin/dedupe.js`, as a user would) and prints the seconds and the ratio of
 * each doubling: about 2 is linear, about 4 quadratic. Figures are printed, never asserted.
 *
 *   npm run bench:corners                # every case at its default size
 *   npm run bench:corners -- --scale 2   # sizes twice as large
 *   npm run bench:corners -- --case footer   # the cases whose name holds "footer"
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainModule } from './script.js';

const binPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/dedupe.js');

interface Case {
  name: string;
  /** Base size n, in the case's unit. */
  base: number;
  unit: string;
  /** Writes the input files of size `n` into `dir`; returns the CLI arguments. */
  make(dir: string, n: number): string[];
}

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i + 1)).join('\n') + '\n';
const template = (i: number): string => `Item ${i} was sold to the buyer at the auction on Monday.`;

/** Two files of `n` templated lines each, numbered apart (a.txt 1..n, b.txt n+1..2n); their paths. */
function templatedPair(dir: string, n: number): string[] {
  const files = [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')];
  writeFileSync(files[0]!, lines(n, template));
  writeFileSync(files[1]!, lines(n, (i) => template(i + n)));
  return files;
}

/** A case's `make`: `n` MB of `sentence` repeated on one line of `file`, scanned with -q. */
function oneLineOf(file: string, sentence: string): Case['make'] {
  return (dir, n) => {
    writeFileSync(path.join(dir, file), `${sentence.repeat(Math.round((n * 1e6) / sentence.length)).trimEnd()}\n`);
    return ['-q', path.join(dir, file)];
  };
}

export const CASES: Case[] = [
  {
    name: 'short paragraphs, human report',
    base: 40_000,
    unit: 'lines',
    make: (dir, n) => {
      writeFileSync(path.join(dir, 'items.txt'), lines(n, (i) => `Item ${i} said.`));
      return ['--no-color', path.join(dir, 'items.txt')];
    },
  },
  {
    name: 'prose on one line',
    base: 2,
    unit: 'MB',
    make: oneLineOf('line.txt', 'Officials said the new rules would take effect next year after a review. '),
  },
  {
    // Each sentence opens as a footer might ("Sign up for ..."): a glued footer is looked for
    // in the paragraph's tail only (text/junk.ts, chromeTrailerStart).
    name: 'prose on one line, sentences opening as a footer',
    base: 2,
    unit: 'MB',
    make: oneLineOf('signup.txt', 'Sign up for the club newsletter, the secretary told members at the Monday meeting. '),
  },
  {
    // A line without "&" in a text that holds a reference elsewhere: lines to decode were once
    // found by a regex that retried from every character of such a line (text/entities.ts).
    name: 'prose on one line, a character reference below it',
    base: 2,
    unit: 'MB',
    make: (dir, n) => {
      const args = oneLineOf('reference.txt', 'Officials said the new rules would take effect next year after a review. ')(dir, n);
      appendFileSync(path.join(dir, 'reference.txt'), 'AT&amp;T said it would comply.\n');
      return args;
    },
  },
  {
    name: 'identical lines in one file, human report',
    base: 35_000,
    unit: 'lines',
    make: (dir, n) => {
      writeFileSync(path.join(dir, 'same.txt'), lines(n, () => 'The same line of text is repeated here again.'));
      return ['--no-color', path.join(dir, 'same.txt')];
    },
  },
  {
    name: 'many documents, human report (their table)',
    base: 5_000,
    unit: 'files',
    make: (dir, n) => {
      const folder = path.join(dir, 'outlets');
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < n; i++) writeFileSync(path.join(folder, `${String(i).padStart(6, '0')}.txt`), `Story ${i} of the day was filed by outlet ${i} at noon.\n`);
      return ['--no-color', folder];
    },
  },
  {
    // One JSONL article of near-identical sentences (a new user's 43 MB line took 164 s): its
    // line was joined again with each chunk read, and every band of the rewording channel put
    // all its sentences in one bucket, sorted with a comparison function.
    name: 'one JSONL article of near-identical sentences',
    base: 2,
    unit: 'MB',
    make: (dir, n) => {
      const sentence = (i: number): string => `Sentence number ${i} about the council budget vote.`;
      const count = Math.round((n * 1e6) / sentence(100_000).length);
      const text = Array.from({ length: count }, (_, i) => sentence(i)).join(' ');
      writeFileSync(path.join(dir, 'big.jsonl'), `${JSON.stringify({ id: 'big', text })}\n`);
      return ['-q', path.join(dir, 'big.jsonl')];
    },
  },
  {
    name: 'dedupe diff of two templated files',
    base: 5_000,
    unit: 'lines each',
    make: (dir, n) => ['diff', '--no-color', ...templatedPair(dir, n)],
  },
  {
    name: 'scan of two templated files (one group)',
    base: 5_000,
    unit: 'lines each',
    make: (dir, n) => ['--json', ...templatedPair(dir, n)],
  },
];

/** Seconds for one run of the CLI, or null when it failed or took longer than `timeoutS`. */
function timeRun(args: readonly string[], timeoutS: number): number | null {
  const started = performance.now();
  const result = spawnSync(process.execPath, [binPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutS * 1000, maxBuffer: 1 << 30 });
  if (result.error || (result.status !== 0 && result.status !== 1)) return null;
  return (performance.now() - started) / 1000;
}

const USAGE = `usage: npm run bench:corners -- [--scale 1] [--timeout 120] [--case <text>]
  --scale N       sizes N times the cases' defaults
  --timeout S     seconds a run may take before it is called failed (default 120)
  --case <text>   only the cases whose name holds <text>
`;

function main(argv: string[]): number {
  let values: { scale: string; timeout: string; case?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { scale: { type: 'string', default: '1' }, timeout: { type: 'string', default: '120' }, case: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    process.stderr.write(`bench:corners: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const scale = Number(values.scale);
  const timeout = Number(values.timeout);
  if (!(scale > 0) || !(timeout > 0)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const chosen = CASES.filter((c) => values.case === undefined || c.name.includes(values.case));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-corners-'));
  try {
    process.stdout.write('case | n | 2n | 4n | 2n/n | 4n/2n\n--- | --- | --- | --- | --- | ---\n');
    for (const c of chosen) {
      const sizes = [1, 2, 4].map((k) => c.base * scale * k);
      const seconds = sizes.map((n) => timeRun(c.make(dir, n), timeout));
      const shown = seconds.map((s) => (s === null ? 'failed' : `${s.toFixed(2)} s`));
      const ratio = (a: number | null, b: number | null): string => (a === null || b === null ? '-' : (b / a).toFixed(2));
      process.stdout.write(
        `${c.name} (n = ${sizes[0]!.toLocaleString('en-US')} ${c.unit}) | ${shown.join(' | ')} | ${ratio(seconds[0]!, seconds[1]!)} | ${ratio(seconds[1]!, seconds[2]!)}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

if (isMainModule(import.meta.url)) process.exitCode = main(process.argv.slice(2));
