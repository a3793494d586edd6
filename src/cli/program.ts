/**
 * Command-line parsing (commander). Maps every failure to one line on stderr and an exit code;
 * a stack trace only with --verbose.
 */
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_OPTIONS, OptionsError, SEGMENT_MODES } from '../core/index.js';
import { InputError } from '../input/errors.js';
import { EXIT_ERROR, EXIT_OK, UsageError } from './exit-codes.js';
import { addIndexCommands } from './index-command.js';
import type { CliIO } from './io.js';
import { runDiff, type DiffFlags } from './diff-command.js';
import { FAIL_ON_VALUES, runScan, type ScanFlags } from './scan-command.js';
import { collect, parseNumber } from './option-parsers.js';

export const VERSION = '0.1.0';



const EXIT_HELP = `
Statuses:
  shared   another document has a paragraph with exactly the same words
           (after normalising case, punctuation, quotes and Unicode forms)
  edited   another document has a paragraph this one derives from: shingle
           Jaccard >= --threshold, or this one lies >= --containment inside it,
           or paragraphs lying inside this one make up half of it (a merge)
  unique   neither
  boilerplate  a site footer or scraper junk ("Leave a Reply", a bare "TT");
           it links no documents and counts toward no reuse
  A text repeated inside its own file is marked as a repeat; that alone does
  not make it shared. Paragraphs under --min-words words match only when
  identical and never link documents into a group.

Exit codes:
  0  finished (reuse may have been found; see --fail-on)
  1  --fail-on given and such paragraphs found
  2  usage or input error (bad option, missing path, no files to scan)

Examples:
  dedupe fixtures/seeds
  dedupe --json archive/ | jq '.groups'
  dedupe --fail-on edited incoming/ archive/`;

const DIFF_HELP = `
Changes:
  same     identical words (after normalising case, punctuation and quotes)
  edited   one paragraph changed into one
  merged   several consecutive paragraphs became one (n → 1)
  split    one paragraph became several (1 → n)
  dropped  only in <from>;  added  only in <to>
  [moved]  the paragraph changed place
Without colour, deleted words read [-like this-] and inserted ones {+like this+}.

Exit codes: 0 compared; 2 usage or input error (missing or unreadable file).

Example:
  dedupe diff fixtures/seeds/002_b644d28894aa6977.txt fixtures/seeds/000_2c77c33462164435.txt`;

/** Options that change what counts as the same or an edited paragraph (scan and diff). */
function addMatchingOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--segment <mode>', 'how lines become paragraphs: auto, line (one per line), block (join wrapped lines)')
        .choices(SEGMENT_MODES)
        .default(DEFAULT_OPTIONS.segment),
    )
    .option('--threshold <jaccard>', 'shingle Jaccard similarity at which a paragraph counts as edited from another', parseNumber, DEFAULT_OPTIONS.threshold)
    .option('--containment <share>', 'share of a paragraph inside another at which it counts as edited (merges, splits)', parseNumber, DEFAULT_OPTIONS.containment)
    .option('--shingle-size <words>', 'words per shingle', parseNumber, DEFAULT_OPTIONS.shingleSize)
    .option('--min-words <n>', 'shorter paragraphs match only when identical', parseNumber, DEFAULT_OPTIONS.minWords)
    .option('--verbose', 'stage timings on stderr, stack traces on errors');
}

function addScanOptions(command: Command): Command {
  return addMatchingOptions(
    command
      .argument('<paths...>', 'files or folders to scan')
      .option('--json', 'print the report as JSON (schema: schema/report.schema.json)')
      .option('-q, --quiet', 'print only the summary line')
      .option('--color', 'colour the output (default: when stdout is a terminal)')
      .option('--no-color', 'do not colour the output (also NO_COLOR=1)')
      .addOption(new Option('--include <glob>', 'files to read inside folders, repeatable').argParser(collect).default([], '**/*.txt'))
      .addOption(new Option('--exclude <glob>', 'files or folders to skip, repeatable').argParser(collect).default([], 'none')),
  )
    .option('--num-hashes <n>', 'MinHash signature length', parseNumber, DEFAULT_OPTIONS.numHashes)
    .option('--seed <n>', 'hash seed (same seed, same signatures)', parseNumber, DEFAULT_OPTIONS.seed)
    .option('--max-matches <n>', 'matches listed per paragraph, 0 for all', parseNumber, DEFAULT_OPTIONS.maxMatches)
    .addOption(
      new Option('--fail-on <status>', 'exit 1 if a paragraph of at least --min-words words (not boilerplate or a repeat) is shared, or shared or edited').choices(
        FAIL_ON_VALUES,
      ),
    )
    .option('--diff', "show the word changes of each reused paragraph, against its group's original when it has one");
}

export function buildProgram(io: CliIO): Command {
  // The root command is the scan, so `dedupe --help` shows what most users need. Root options
  // are positional (before a subcommand's name) so subcommands keep their own flags.
  const program = addScanOptions(
    new Command('dedupe')
      .description('Find copied and edited paragraphs across news articles.')
      .version(VERSION)
      .enablePositionalOptions()
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (text, write) => write(`dedupe: ${text.trimEnd()}\n`),
      }),
  );
  const scanAction = async (paths: string[], flags: ScanFlags): Promise<void> => {
    process.exitCode = await runScan(paths, flags, io);
  };
  program.action(scanAction).addHelpText('after', EXIT_HELP);
  addScanOptions(program.command('scan').description('the same as dedupe without a command'))
    .action(scanAction)
    .addHelpText('after', EXIT_HELP);
  addMatchingOptions(
    program
      .command('diff')
      .description('align the paragraphs of two articles and show what changed, word by word')
      .argument('<from>', 'the earlier article (say, the wire original)')
      .argument('<to>', 'the later one (say, a reprint)')
      .option('--json', 'print the alignment as JSON')
      .option('--color', 'colour the output (default: when stdout is a terminal)')
      .option('--no-color', 'do not colour: deletions as [-...-], insertions as {+...+}')
      .option('--context <words>', 'unchanged words kept around each change, 0 for all', parseNumber, 6),
  )
    .addHelpText('after', DIFF_HELP)
    .action(async (from: string, to: string, flags: DiffFlags) => {
      process.exitCode = await runDiff(from, to, flags, io);
    });
  addIndexCommands(program, io);
  return program;
}

/** Parses argv (without node and script), runs the command, returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const verbose = argv.includes('--verbose');
  if (argv.length === 0) {
    io.stderr.write('dedupe: error: no files or folders given; usage: dedupe [options] <paths...> (see dedupe --help)\n');
    return EXIT_ERROR;
  }
  try {
    process.exitCode = undefined;
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; parse errors were already printed by commander.
      return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (error instanceof UsageError || error instanceof InputError || error instanceof OptionsError) {
      io.stderr.write(`dedupe: error: ${error.message}\n`);
      if (verbose && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`dedupe: internal error: ${message} (rerun with --verbose for details, and please report it)\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}
