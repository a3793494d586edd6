/**
 * `npm run eval -- [--corpora DIR | --pan DIR --counter DIR --bbc DIR --reuters DIR] [options]`:
 * accuracy on the public labelled corpora. Figures (Markdown tables) go to stdout, progress and
 * samples to stderr. Exit codes as the CLI's: 0 done, 2 usage or input error.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { OptionsError, SEGMENT_MODES, type ScanOptions, type SegmentMode } from '../core/index.js';
import { panFolders } from './pan.js';
import { runEval, type EvalConfig } from './run.js';
import { SWEEP_HEADER, sweepGrid, sweepRow } from './sweep.js';
import { renderSamples, renderTables, table } from './table.js';
import { collect, parseDecimal } from '../input/arguments.js';

/** Folder names under ../shared/corpora (see its README.md). */
export const CORPUS_FOLDERS = { pan: 'pan13-text-alignment', counter: 'counter', bbc: 'bbc', reuters: 'reuters21578' } as const;

class UsageError extends Error {}

/** A number, or commander's one-line "argument is invalid" error. */
function parseNumber(value: string): number {
  const n = parseDecimal(value);
  if (n === null) throw new InvalidArgumentError(`expected a number, got '${value}'`);
  return n;
}



function folder(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!existsSync(value) || !statSync(value).isDirectory()) throw new UsageError(`${flag} ${value}: no such folder`);
  return value;
}

interface Flags {
  corpora?: string;
  pan?: string;
  counter?: string;
  bbc?: string;
  reuters?: string;
  panFolders?: string;
  limit?: number;
  samples: number;
  json?: boolean;
  verbose?: boolean;
  threshold?: number;
  containment?: number;
  shingleSize?: number;
  minWords?: number;
  numHashes?: number;
  seed?: number;
  segment?: SegmentMode;
  sweep: string[];
}

function program(): Command {
  return new Command('npm run eval --')
    .description('Measure dedupe on public labelled corpora (see ../shared/corpora/README.md); prints Markdown tables.')
    .option('--corpora <dir>', `folder holding ${Object.values(CORPUS_FOLDERS).join(', ')} (runs each one present)`)
    .option('--pan <dir>', 'PAN 2013 text-alignment corpus')
    .option('--counter <dir>', 'COUNTER corpus')
    .option('--bbc <dir>', 'BBC News corpus')
    .option('--reuters <dir>', 'Reuters-21578 corpus')
    .option('--pan-folders <list>', 'PAN folders to run, by number prefix, e.g. 01,02,03 (default: all)')
    .option('--limit <n>', 'a slice: first n pairs per PAN folder / COUNTER, n files per BBC topic, n Reuters stories', parseNumber)
    .option('--samples <n>', 'near-duplicate pairs to print for review (stderr)', parseNumber, 10)
    .option('--json', 'print the figures as JSON instead of tables')
    .option('--verbose', 'print a stack trace with an error')
    .option('--threshold <jaccard>', 'scan option to evaluate (default: dedupe default)', parseNumber)
    .option('--containment <share>', 'scan option to evaluate', parseNumber)
    .option('--shingle-size <k>', 'scan option to evaluate', parseNumber)
    .option('--min-words <n>', 'scan option to evaluate', parseNumber)
    .option('--num-hashes <n>', 'scan option to evaluate', parseNumber)
    .option('--seed <n>', 'scan option to evaluate', parseNumber)
    .addOption(new Option('--segment <mode>', 'scan option to evaluate').choices(SEGMENT_MODES))
    .option('--sweep <name=values>', 'evaluate every combination, e.g. --sweep shingleSize=2,3 --sweep threshold=0.4,0.5 (one summary row each)', collect, [])
    .showHelpAfterError();
}

function configFrom(flags: Flags): EvalConfig {
  const config: EvalConfig = {};
  if (flags.corpora !== undefined) {
    folder('--corpora', flags.corpora);
    for (const [key, name] of Object.entries(CORPUS_FOLDERS) as [keyof typeof CORPUS_FOLDERS, string][]) {
      const dir = path.join(flags.corpora, name);
      if (existsSync(dir)) config[key] = dir;
    }
  }
  for (const key of Object.keys(CORPUS_FOLDERS) as (keyof typeof CORPUS_FOLDERS)[]) {
    const given = folder(`--${key}`, flags[key]);
    if (given !== undefined) config[key] = given;
  }
  if (!config.pan && !config.counter && !config.bbc && !config.reuters) {
    throw new UsageError('no corpus given: pass --corpora ../shared/corpora, or --pan/--counter/--bbc/--reuters <dir>');
  }
  if (flags.panFolders !== undefined) {
    if (!config.pan) throw new UsageError('--pan-folders needs --pan or --corpora');
    const available = panFolders(config.pan);
    config.panFolders = flags.panFolders.split(',').map((prefix) => {
      const match = available.find((f) => f.startsWith(prefix.trim()));
      if (!match) throw new UsageError(`--pan-folders: no folder starting with "${prefix}" in ${config.pan} (have ${available.join(', ')})`);
      return match;
    });
  }
  if (flags.limit !== undefined) {
    if (!Number.isInteger(flags.limit) || flags.limit < 1) throw new UsageError(`--limit must be a whole number >= 1, got ${flags.limit}`);
    config.limit = flags.limit;
  }
  const options: Partial<ScanOptions> = {};
  if (flags.threshold !== undefined) options.threshold = flags.threshold;
  if (flags.containment !== undefined) options.containment = flags.containment;
  if (flags.shingleSize !== undefined) options.shingleSize = flags.shingleSize;
  if (flags.minWords !== undefined) options.minWords = flags.minWords;
  if (flags.numHashes !== undefined) options.numHashes = flags.numHashes;
  if (flags.seed !== undefined) options.seed = flags.seed;
  if (flags.segment !== undefined) options.segment = flags.segment;
  config.options = options;
  return config;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const command = program();
  command.exitOverride();
  command.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const flags = command.opts<Flags>();
  const started = Date.now();
  try {
    const config = configFrom(flags);
    config.progress = (message) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
    if (flags.sweep.length > 0) {
      let grid: ReturnType<typeof sweepGrid>;
      try {
        grid = sweepGrid(flags.sweep);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const header = table(SWEEP_HEADER, []);
      process.stdout.write(header + '\n');
      for (const options of grid) {
        const result = await runEval({ ...config, options: { ...config.options, ...options } });
        process.stdout.write(table(SWEEP_HEADER, [sweepRow(options, result)]).split('\n')[2] + '\n');
      }
      return 0;
    }
    const result = await runEval(config);
    if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else process.stdout.write(renderTables(result));
    const samples = renderSamples(result, flags.samples);
    if (samples.length > 0) process.stderr.write(samples + '\n');
    process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(0)}s (${Object.entries(result.seconds).map(([k, s]) => `${k} ${s.toFixed(0)}s`).join(', ')})\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OptionsError) {
      process.stderr.write(`dedupe eval: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dedupe eval: ${message}\n`);
    if (flags.verbose) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

process.exitCode = await main();
