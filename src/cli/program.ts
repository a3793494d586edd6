/**
 * The command line: commander declares the commands and their flags, requests.ts turns the
 * flags into one validated request per command, src/cli/commands run it through the engine
 * and a renderer, and `run` maps every failure to one line on stderr and an exit code (a stack
 * trace only with --verbose). Nothing here touches the process: streams, environment, working
 * folder and clock come in through `io`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_OPTIONS, OptionsError } from '../core/index.js';
import { DEFAULT_COPY_SHARE } from '../engine/index.js';
import { InputError } from '../input/errors.js';
import { collect } from '../input/arguments.js';
import { isFolder } from '../input/walk.js';
import { shellWord } from '../input/read.js';
import { runCheckCommand } from './commands/check.js';
import { runDiffCommand } from './commands/diff.js';
import { runIndexAdd, runIndexList, runIndexRemove, runIndexStats } from './commands/index.js';
import { runScanCommand } from './commands/scan.js';
import { runJoinCommand, runReportCommand, runSignCommand } from './commands/scale.js';
import { EXIT_ERROR, EXIT_OK, UsageError } from './exit-codes.js';
import { CHECK_HELP, DIFF_HELP, INDEX_HELP, JOIN_HELP, REPORT_HELP, SCAN_HELP, SIGN_HELP } from './help.js';
import { printable } from '../render/text.js';
import { applyConfig } from './config.js';
import { closeNames } from '../core/names.js';
import { stdinChunks, withInputs } from './inputs.js';
import { guardedOutput, OutputError, type CliIO } from './io.js';
import { CHECK_MAX_MATCHES, checkCommand, DEFAULT_DB, DEFAULT_DIFF_CONTEXT, DEFAULT_MEMORY_LIMIT, diffCommand, indexCommand, joinCommand, reportCommand, scanCommand, signCommand, type RawFlags } from './requests.js';

export const VERSION = '0.1.0';

const TOP_OPTION = 'the human report shows the n largest groups, largest first, and their documents (0 for all)';
/** The scan's and `report`'s --fail-on (check's also takes document). */
const FAIL_ON_OPTION = 'exit 1 when a paragraph of at least --min-words words (not boilerplate, not a repeat in its file) is found: shared (copied), or edited (copied or edited)';
const HTML_OPTION = 'also write the report as one self-contained HTML page to <file> (an earlier report there is replaced; any other file is refused); stdout keeps the usual report';

/**
 * A value option. Values stay strings until requests.ts reads them (so every bad value is
 * reported at once). With a default, an option not given takes it; `note` only describes
 * where the value comes from instead (an index's own parameters).
 */
function valueOption(flags: string, description: string, fallback?: { default: unknown } | { note: string }): Option {
  if (fallback === undefined) return new Option(flags, description);
  if ('note' in fallback) return new Option(flags, `${description} (default: ${fallback.note})`);
  return new Option(flags, description).default(String(fallback.default), String(fallback.default));
}

/**
 * Where a command's matching and signing options come from when not given: the scan's defaults
 * (`scan`), an index's own values or the defaults for a new one (`index add`), or an index's
 * own values alone (`check`, which never creates one).
 */
type OptionSource = 'defaults' | 'index-or-new' | 'index';

/** The default an option shows in the help, or a note of where its value comes from. */
function fallbackFor(source: OptionSource, key: keyof typeof DEFAULT_OPTIONS): { default: unknown } | { note: string } {
  if (source === 'defaults') return { default: DEFAULT_OPTIONS[key] };
  return { note: source === 'index' ? "the index's" : `the index's; ${String(DEFAULT_OPTIONS[key])} for a new one` };
}

/** Options that change what counts as the same or an edited paragraph. */
function addMatchingOptions(command: Command, defaults: OptionSource): Command {
  return command
    .addOption(valueOption('--segment <mode>', 'how lines become paragraphs: auto, line (one per line), block (join wrapped lines)', fallbackFor(defaults, 'segment')))
    .addOption(valueOption('--threshold <jaccard>', 'shingle Jaccard similarity at which a paragraph counts as edited from another', fallbackFor(defaults, 'threshold')))
    .addOption(valueOption('--containment <share>', 'share of a paragraph inside another at which it counts as edited (merges, splits)', fallbackFor(defaults, 'containment')))
    .addOption(valueOption('--shingle-size <words>', 'words per shingle', fallbackFor(defaults, 'shingleSize')))
    .addOption(valueOption('--min-words <n>', 'shorter paragraphs match only when identical', fallbackFor(defaults, 'minWords')));
}

function addSigningOptions(command: Command, defaults: OptionSource): Command {
  return addMatchingOptions(command, defaults)
    .addOption(valueOption('--num-hashes <n>', 'MinHash signature length', fallbackFor(defaults, 'numHashes')))
    .addOption(valueOption('--seed <n>', 'hash seed (same seed, same signatures)', fallbackFor(defaults, 'seed')));
}

function addOutputOptions(command: Command, json: string, quiet = 'print only the summary line'): Command {
  return command
    .option('--json', json)
    .option('-q, --quiet', quiet)
    .option('--color', 'colour the output (default: when stdout is a terminal)')
    .option('--no-color', 'do not colour the output (also NO_COLOR=1)')
    .option('--verbose', 'stage timings, the config file read and every warning on stderr; stack traces on errors')
    // Every command has output options, so every command takes these too.
    .option('--config <file>', 'read options from this JSON file (default: .dedupe.json, or "dedupe" in package.json, here or in a folder above)')
    .option('--no-config', 'read no config file');
}

function addWalkOptions(command: Command): Command {
  return command
    .addOption(new Option('--include <glob>', 'files to read inside folders, repeatable').argParser(collect).default([], '**/*.txt, **/*.jsonl, **/*.ndjson'))
    .addOption(new Option('--exclude <glob>', 'files or folders to skip, repeatable').argParser(collect).default([], 'none'))
    .option('--files-from <file>', 'also read the paths listed in <file>, one per line (- for standard input)')
    .option('-0, --null', 'the --files-from list is NUL-separated, as find -print0 writes it')
    .option('--no-progress', 'no progress line on stderr (drawn only on a terminal, for runs over a second)');
}

function addScanOptions(command: Command): Command {
  return addSigningOptions(
    addWalkOptions(addOutputOptions(command.argument('[paths...]', 'files or folders to scan'), 'print the report as JSON (schema: schema/report.schema.json)')),
    'defaults',
  )
    .option('--ndjson', 'print the report as JSON lines: one per document as it is made, then groups, story pairs and the summary (schema/report-line.schema.json)')
    .addOption(valueOption('--max-matches <n>', 'matches listed per paragraph, 0 for all', { default: DEFAULT_OPTIONS.maxMatches }))
    .addOption(valueOption('--only <what>', 'reused: the human report shows only shared and edited paragraphs, and documents that have some (no boilerplate or repeated-lines lists)'))
    .addOption(valueOption('--top <n>', TOP_OPTION, { note: 'all' }))
    .addOption(valueOption('--fail-on <status>', FAIL_ON_OPTION))
    .addOption(valueOption('--html <file>', HTML_OPTION))
    .option('--diff', "show the word changes of each reused paragraph, against its group's original when it has one")
    .addOption(valueOption('--reworded <mode>', rewordedModeOption('a scan'), { note: 'precise' }))
    .option('--no-reworded', REWORDED_OPTION)
    .addOption(new Option('--agency <name>', "an agency's name as its credit is written in brackets after a dateline, read as the built-in ones are (AP, Reuters, AFP, ...): --agency Northwire for \"PORTSMOUTH, Maine (Northwire) —\"; repeatable").argParser(collect).default([], 'none'));
}

/** --reworded <mode>'s help, for the scan and check (`where`: what is 200 documents or more). */
function rewordedModeOption(where: string): string {
  return `how ${where} of 200 documents or more finds reworded paragraphs: precise (sentences must share rare words, so templated notices about different companies do not link), thorough (also aligns candidate pairs as a scan of two documents does: finds far more of long texts reworded word by word, slower, and links some templated notices), or off (as --no-reworded)`;
}

/** --no-reworded, for the scan and check. */
const REWORDED_OPTION = 'leave reworded paragraphs out: only shingle matches (--threshold, --containment) make a paragraph edited';

function addDbOption(command: Command): Command {
  return command.option('--db <file>', `the index file (default: ${DEFAULT_DB} in the current folder)`);
}

/** Registers `index` (add, remove, list, stats) and `check`. `setCode` receives each action's exit code. */
function addIndexCommands(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const index = program
    .command('index')
    .description('keep a persistent index of ingested articles for dedupe check (add, remove, list, stats)')
    .addHelpText('after', INDEX_HELP);
  addSigningOptions(addWalkOptions(addOutputOptions(addDbOption(index.command('add').argument('[paths...]', 'files or folders to add')), 'print the result as JSON')), 'index-or-new')
    .description('sign articles and store them; unchanged files are skipped, changed ones replaced')
    .addHelpText('after', INDEX_HELP)
    .action(async (paths: string[], given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'index', io);
      setCode(await runIndexAdd(await withInputs(indexCommand(paths, flags, io.env, true, config), io), io, VERSION));
    });
  addOutputOptions(addDbOption(index.command('remove').argument('<paths...>', 'stored files, or folders to remove everything under; - the articles of JSONL on standard input')), 'print the result as JSON')
    .description('take articles out of the index (by stored path; the files need not exist)')
    .action(async (paths: string[], given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'index', io);
      const { db, defaultDb, root, dbFrom, output } = indexCommand(paths, flags, io.env, false, config);
      setCode(await runIndexRemove({ db, defaultDb, ...(root !== undefined ? { root } : {}), ...(dbFrom !== undefined ? { dbFrom } : {}), paths, output, ...(paths.includes('-') ? { stdin: stdinChunks(io) } : {}) }, io));
    });
  addOutputOptions(addDbOption(index.command('list')), 'print the documents as JSON')
    .option('--missing', 'only stored paths with no file there now (renamed, moved or deleted files)')
    .description('the stored documents, by path (-q: the paths alone, one a line)')
    .action(async (given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'index', io);
      const { db, defaultDb, root, dbFrom, output } = indexCommand([], flags, io.env, false, config);
      setCode(await runIndexList({ db, defaultDb, ...(root !== undefined ? { root } : {}), ...(dbFrom !== undefined ? { dbFrom } : {}), missing: flags.missing === true, output }, io));
    });
  addOutputOptions(addDbOption(index.command('stats')), 'print the statistics as JSON')
    .option('--verify', 'also check the whole index for damage (reads all of it); exit 2 if damaged')
    .description('what is in the index: documents, paragraphs, size, parameters')
    .action(async (given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'index', io);
      const { db, defaultDb, dbFrom, output } = indexCommand([], flags, io.env, false, config);
      setCode(await runIndexStats({ db, defaultDb, ...(dbFrom !== undefined ? { dbFrom } : {}), verify: flags.verify === true, output }, io));
    });
  addSigningOptions(
    addWalkOptions(addOutputOptions(addDbOption(program.command('check').argument('[paths...]', 'incoming files or folders')), "print the report as JSON (the scan's format, schema/report.schema.json)")),
    'index',
  )
    .description('compare incoming articles with the index and with each other (the ingest gate)')
    .option('--ndjson', 'print the report as JSON lines, as the scan does (schema/report-line.schema.json)')
    .addOption(valueOption('--max-matches <n>', 'matches listed per paragraph, 0 for all', { note: String(CHECK_MAX_MATCHES) }))
    .addOption(valueOption('--only <what>', 'reused: the human report shows only shared and edited paragraphs, and documents that have some (no boilerplate or repeated-lines lists)'))
    .addOption(valueOption('--top <n>', TOP_OPTION, { note: 'all' }))
    .addOption(valueOption('--fail-on <what>', 'exit 1 when found: shared, edited (paragraphs) or document (a copy)'))
    .addOption(valueOption('--html <file>', HTML_OPTION))
    .addOption(valueOption('--copy-share <share>', 'with --fail-on document: share of reused words that makes an article a copy', { note: String(DEFAULT_COPY_SHARE) }))
    .option('--diff', "show the word changes of each reused paragraph, against its group's original")
    .option('--add', 'store the articles without reuse in the index after the check')
    .addOption(valueOption('--reworded <mode>', rewordedModeOption('a check against an index'), { note: 'precise' }))
    .option('--no-reworded', REWORDED_OPTION)
    .addOption(new Option('--agency <name>', "an agency's name as its credit is written in brackets after a dateline, read as the built-in ones are (AP, Reuters, AFP, ...): --agency Northwire for \"PORTSMOUTH, Maine (Northwire) —\"; repeatable").argParser(collect).default([], 'none'))
    .addHelpText('after', CHECK_HELP)
    .action(async (paths: string[], given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'check', io);
      setCode(await runCheckCommand(await withInputs(checkCommand(paths, flags, io.env, config), io), io, VERSION));
    });
}

/** DuckDB's memory limit, for the commands that run it. */
function addMemoryOption(command: Command, name: keyof typeof DEFAULT_MEMORY_LIMIT): Command {
  return command.addOption(valueOption('--memory-limit <size>', "DuckDB's memory limit (2GB, 512MiB, ...); past it DuckDB spills to disk", { default: DEFAULT_MEMORY_LIMIT[name] }));
}

/** Registers `sign`, `join` and `report` (beyond one machine: Parquet files, DuckDB). */
function addScaleCommands(program: Command, io: CliIO, setCode: (code: number) => void): void {
  addMemoryOption(
    addSigningOptions(addWalkOptions(addOutputOptions(program.command('sign').argument('[paths...]', 'files or folders to sign'), 'print what was written as JSON')), 'defaults'),
    'sign',
  )
    .description('sign articles into Parquet files under --out, one shard of n, for dedupe join')
    .option('--out <dir>', 'the folder to write into (created if missing): the shard goes to <dir>/shard-<i>-of-<n>')
    .option('--shard <i/n>', 'sign only shard i of n (from 1): the files whose path hashes to it (default: 1/1, all)')
    .addHelpText('after', SIGN_HELP)
    .action(async (paths: string[], given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'sign', io);
      setCode(await runSignCommand(await withInputs(signCommand(paths, flags, io.env, config), io), io, VERSION));
    });
  addMemoryOption(addOutputOptions(program.command('join').argument('<dir>', 'the folder dedupe sign wrote'), 'print what was done as JSON'), 'join')
    .description('find and verify the pairs of similar paragraphs across all shards in <dir> (DuckDB); writes <dir>/join/pairs.parquet')
    .addOption(valueOption('--threads <n>', "DuckDB's threads (default: one per core)"))
    .option('--no-progress', 'no progress line on stderr (drawn only on a terminal, for runs over a second)')
    .addHelpText('after', JOIN_HELP)
    .action(async (dir: string, given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'join', io);
      setCode(await runJoinCommand(joinCommand(dir, flags, io.env, config), io, VERSION));
    });
  addMemoryOption(addOutputOptions(program.command('report').argument('<dir>', 'the folder dedupe sign and dedupe join wrote'), 'print the report as JSON (the scan\'s, schema/report.schema.json)'), 'report')
    .description("print the scan's report from the Parquet files in <dir> (after dedupe join)")
    .option('--ndjson', 'print the report as JSON lines, as the scan does (schema/report-line.schema.json)')
    .addOption(valueOption('--max-matches <n>', 'matches listed per paragraph, 0 for all', { default: DEFAULT_OPTIONS.maxMatches }))
    .addOption(valueOption('--only <what>', 'reused: the human report shows only shared and edited paragraphs, and documents that have some (no boilerplate or repeated-lines lists)'))
    .addOption(valueOption('--top <n>', TOP_OPTION, { note: 'all' }))
    .addOption(valueOption('--fail-on <status>', FAIL_ON_OPTION))
    .option('--diff', "show the word changes of each reused paragraph, against its group's original when it has one")
    .addOption(valueOption('--html <file>', HTML_OPTION))
    .addOption(new Option('--agency <name>', "an agency's name as its credit is written in brackets after a dateline, read as the built-in ones are (AP, Reuters, AFP, ...): --agency Northwire for \"PORTSMOUTH, Maine (Northwire) —\"; repeatable").argParser(collect).default([], 'none'))
    .option('--no-progress', 'no progress line on stderr (drawn only on a terminal, for runs over a second)')
    .addHelpText('after', REPORT_HELP)
    .action(async (dir: string, given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'report', io);
      setCode(await runReportCommand(reportCommand(dir, flags, io.env, config), io, VERSION));
    });
}

/** `hint` ends commander's own error lines (see folderHint). */
export function buildProgram(io: CliIO, setCode: (code: number) => void, hint = ''): Command {
  // The root command is the scan, so `dedupe --help` shows what most users need. Root options
  // are positional (before a subcommand's name) so subcommands keep their own flags.
  const program = addScanOptions(
    new Command('dedupe')
      .description('Find copied and edited paragraphs across news articles.')
      .version(VERSION)
      .enablePositionalOptions()
      // Commander adds `help [command]` only to a program without an action of its own; the
      // root command is the scan, so it is asked for (without it `dedupe help` scanned "help").
      .helpCommand(true)
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (text, write) => write(errorLine(text, hint)),
      }),
  );
  const scan = async (paths: string[], given: RawFlags, command: Command): Promise<void> => {
    const { flags, config } = await applyConfig(given, command, 'scan', io);
    setCode(await runScanCommand(await withInputs(scanCommand(paths, flags, io.env, config), io), io, VERSION));
  };
  program.action(scan).addHelpText('after', SCAN_HELP);
  addScanOptions(program.command('scan').description('the same as dedupe without a command')).action(scan).addHelpText('after', SCAN_HELP);
  addMatchingOptions(
    addOutputOptions(
      program
        .command('diff')
        .description('align the paragraphs of two articles and show what changed, word by word')
        .argument('<from>', 'the earlier article (say, the wire original)')
        .argument('<to>', 'the later one (say, a reprint)'),
      'print the alignment as JSON (schema/diff.schema.json)',
      // As git diff --quiet: for scripts that only ask whether two articles differ.
      'print nothing; the exit code says whether the two differ (implies --exit-code)',
    ),
    'defaults',
  )
    .addOption(valueOption('--context <words>', 'unchanged words kept around each change, 0 for all', { default: DEFAULT_DIFF_CONTEXT }))
    .option('--exit-code', 'exit 1 when the two differ, 0 when every paragraph is the same and in place (as git diff --exit-code)')
    .addHelpText('after', DIFF_HELP)
    .action(async (from: string, to: string, given: RawFlags, command: Command) => {
      const { flags, config } = await applyConfig(given, command, 'diff', io);
      setCode(await runDiffCommand(diffCommand(from, to, flags, config), io));
    });
  addIndexCommands(program, io, setCode);
  addScaleCommands(program, io, setCode);
  usageOnMissingArgument(program, hint);
  refuseRootOptionsBeforeCommand(program);
  return program;
}

/**
 * Options written before a command's name (`dedupe -q diff a b`, `dedupe --json report out`) are
 * the root command's, the scan's, and the command never reads them: a new user's `-q` and
 * `--json` were dropped without a word. Refused, saying where they go.
 */
function refuseRootOptionsBeforeCommand(program: Command): void {
  program.hook('preSubcommand', (root, command) => {
    const values = root.opts();
    // `dedupe -q index add x`: the options go after `index add`, and must be that command's.
    const sub = command.commands.find((c) => c.name() === root.args[1]);
    const target = sub ?? command;
    const name = sub ? `${command.name()} ${sub.name()}` : command.name();
    const given = root.options
      // --color and --no-color set one value: the one written is the one whose sense it has.
      .filter((option) => root.getOptionValueSource(option.attributeName()) === 'cli' && option.negate === (values[option.attributeName()] === false))
      .map((option) => {
        const value: unknown = values[option.attributeName()];
        const flag = option.long ?? option.flags;
        const written = typeof value === 'string' || typeof value === 'number' ? `${flag} ${shellWord(String(value))}` : Array.isArray(value) ? value.map((v) => `${flag} ${shellWord(String(v))}`).join(' ') : flag;
        return { flag, written, taken: target.options.some((o) => o.long === flag) };
      });
    if (given.length === 0) return;
    const foreign = given.filter((g) => !g.taken).map((g) => g.flag);
    const names = given.map((g) => g.written).join(' and ');
    if (foreign.length > 0) throw new UsageError(`${names} before the command ${name}: dedupe ${name} has no ${foreign.join(' or ')} (see dedupe ${name} --help)`);
    throw new UsageError(`${names} before the command ${name}: options go after the command (dedupe ${name} ${given.map((g) => g.written).join(' ')} ...)`);
  });
}

/** Every command under `command` (subcommands of subcommands included). */
function commandsUnder(command: Command): Command[] {
  return command.commands.flatMap((sub) => [sub, ...commandsUnder(sub)]);
}

/**
 * A missing argument's error names the command's usage on the same line ("missing required
 * argument 'to' (usage: dedupe diff [options] <from> <to>)"): the argument's name alone does
 * not say what to give. So does an error of too many ("too many arguments for 'diff'. Expected
 * 2 arguments but got 3."; found by a new user).
 */
function usageOnMissingArgument(program: Command, hint: string): void {
  for (const command of commandsUnder(program)) {
    if (!command.registeredArguments.some((argument) => argument.required)) continue;
    const names = [];
    for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
    const usage = `${names.join(' ')} ${command.usage()}`;
    command.configureOutput({ outputError: (text, write) => write(errorLine(text, hint, usage)) });
  }
}

/**
 * Commander's error as dedupe's one line. Commander puts its suggestion ("(Did you mean
 * --json?)") on a line of its own; `usage` is added to a missing argument's error.
 */
function errorLine(text: string, hint: string, usage?: string): string {
  const { line, hint: owners } = withoutNegatedSuggestion(text.trimEnd().split('\n').join(' '));
  const withUsage = usage !== undefined && /^error: (missing required argument|too many arguments)/.test(line) ? `${line} (usage: ${usage})` : line;
  return `dedupe: ${printable(withUsage)}${hint || owners || ownerHint(line)}\n`;
}

/**
 * An unknown option that another command has (`dedupe --add in/`, `dedupe index stats
 * --fail-on shared`): which command it belongs to, where commander said only "unknown option"
 * (a new user's run). Nothing when commander suggested a name of its own.
 */
function ownerHint(line: string): string {
  const unknown = /^error: unknown option '(--?[A-Za-z0-9-]+)(=?)/.exec(line);
  if (!unknown || /Did you mean/.test(line)) return '';
  return ownersOf(unknown[1]!, unknown[2] === '=');
}

/**
 * Commander's suggestion for an unknown --x when the command has --no-x only is the opposite of
 * what was asked (`dedupe diff --reworded thorough`: "Did you mean --no-reworded?"; found by a
 * new user with check, which has --reworded since): when other commands take --x, the
 * suggestion is dropped and they are named instead.
 */
function withoutNegatedSuggestion(line: string): { line: string; hint: string } {
  const negated = /^(error: unknown option '(--[A-Za-z0-9-]+)') \(Did you mean (--no-[A-Za-z0-9-]+)\?\)$/.exec(line);
  if (!negated || negated[3] !== `--no-${negated[2]!.slice(2)}`) return { line, hint: '' };
  // Kept when no command takes --x (`--progress`, where --no-progress is all there is).
  const flag = negated[2]!;
  const owners = commandsTaking(flag);
  return owners.length > 0 ? { line: negated[1]!, hint: ownedBy(flag, owners) } : { line, hint: '' };
}

/** What to say of an unknown `flag`: the commands that take it, or what else it may be. */
function ownersOf(flag: string, withValue: boolean): string {
  // `--color=never`: commander reads a value after "=" only for an option that takes one, so
  // this is a switch given a value, not an option of another command (found by a new user).
  if (withValue) {
    const hint = switchHint(flag);
    if (hint !== null) return hint;
  }
  const owners = commandsTaking(flag);
  if (owners.length > 0) return ownedBy(flag, owners);
  return INDEX_FILE_NAMES.has(flag) ? '; the index file is given with --db <file>' : '';
}

/** "; --x is an option of dedupe (the scan) and dedupe check". */
function ownedBy(flag: string, owners: readonly string[]): string {
  return `; ${flag} is an option of ${listed(owners, 'and')}`;
}

/** The commands that take `flag`, as a user types them ("dedupe (the scan)", "dedupe index add"). */
function commandsTaking(flag: string): string[] {
  const owners: string[] = [];
  const visit = (command: Command, names: string[]): void => {
    for (const sub of command.commands) {
      // `dedupe scan` is the scan itself, named below as `dedupe (the scan)`.
      if (names.length === 0 && sub.name() === 'scan') continue;
      const path = [...names, sub.name()];
      if (hasOption(sub, flag)) owners.push(`dedupe ${path.join(' ')}`);
      visit(sub, path);
    }
  };
  const program = quietProgram();
  if (hasOption(program.commands.find((c) => c.name() === 'scan') ?? program, flag)) owners.push('dedupe (the scan)');
  visit(program, []);
  return owners;
}

/**
 * Names a user reaches for the index file that dedupe calls --db: `index add --index
 * idx.sqlite` said only "unknown option '--index'" (a new user's run), and commander suggests
 * nothing so far from "--db".
 */
const INDEX_FILE_NAMES: ReadonlySet<string> = new Set(['--index', '--database', '--sqlite', '--index-file']);

/** What to give instead of `--switch=value`: the switch alone, or its `--no-` form. */
function switchHint(flag: string): string | null {
  const program = quietProgram();
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  const options = everyCommand(program).flatMap((command) => command.options);
  const negated = `--no-${flag.replace(/^--/, '')}`;
  const hasNegated = options.some((option) => option.long === negated);
  const named = options.filter((option) => option.long === flag);
  // An option that takes a value (`--db=x` given to the scan) is another command's: said by the caller (review).
  if (named.length > 0 && named.every((option) => option.required || option.optional)) return null;
  // `--progress=no` where only --no-progress is defined.
  // Nobody's option: the caller says what it may be instead (INDEX_FILE_NAMES; `--index=idx.sqlite`).
  if (named.length === 0) return hasNegated ? `; ${flag} takes no value: give ${negated} to turn it off` : null;
  return `; ${flag} takes no value: give ${flag}${hasNegated ? ` or ${negated}` : ''}`;
}

/** "a, b and c" (or "or"). */
function listed(items: readonly string[], last: 'and' | 'or'): string {
  return items.join(', ').replace(/, ([^,]*)$/, ` ${last} $1`);
}

/** Whether `command` itself takes the option `flag` (--db, -q). */
function hasOption(command: Command, flag: string): boolean {
  return command.options.some((option) => option.long === flag || option.short === flag);
}

/** The program, built only to read its commands and options (hints after an error). */
function quietProgram(): Command {
  const silent = { write: () => undefined };
  return buildProgram({ stdout: silent, stderr: silent, env: {}, cwd: '.', now: () => 0 }, () => undefined);
}

/** The words commander reads as a command when they come first. */
const COMMAND_NAMES = ['scan', 'check', 'index', 'diff', 'sign', 'join', 'report', 'help'];

/**
 * `dedupe -- check` scans a folder named `check`. Commander picks a command from the first
 * operand even after `--`, so when `--` comes before any command name the scan is named.
 */
export function withScanBeforeDoubleDash(argv: readonly string[]): string[] {
  const dashes = argv.indexOf('--');
  if (dashes < 0 || argv.slice(0, dashes).some((word) => COMMAND_NAMES.includes(word))) return [...argv];
  return ['scan', ...argv];
}

/**
 * `dedupe help <command> [subcommand]` as `<command> [subcommand] --help`, so `help index add`
 * shows add's options (commander's own help command stops at the first word); an unknown
 * command is a usage error rather than the program's help on stderr. `dedupe help` alone is
 * left to commander.
 */
export function withHelpCommand(argv: readonly string[]): string[] {
  if (argv[0] !== 'help') return [...argv];
  const words = argv.slice(1).filter((word) => !word.startsWith('-'));
  const command = words[0];
  if (command === undefined) return ['help'];
  if (!COMMAND_NAMES.includes(command) || command === 'help') {
    throw new UsageError(`help ${command}: no such command; the commands are ${COMMAND_NAMES.filter((c) => c !== 'help').join(', ')} (dedupe --help lists them)`);
  }
  return [...words, '--help'];
}

/** The scan's options by every name they go by, all of them and those that take a value (`--top 5`). */
let scanNames: { all: ReadonlySet<string>; takingValue: ReadonlySet<string> } | undefined;
function scanOptionNames(): { all: ReadonlySet<string>; takingValue: ReadonlySet<string> } {
  if (scanNames) return scanNames;
  const all = new Set<string>();
  const takingValue = new Set<string>();
  for (const option of addScanOptions(new Command('dedupe')).options) {
    const names = [option.long, option.short].filter((name): name is string => name !== undefined);
    for (const name of names) {
      all.add(name);
      // Their values are not words of their own.
      if (option.required || option.optional) takingValue.add(name);
    }
  }
  scanNames = { all, takingValue };
  return scanNames;
}

/** The first word of argv that is neither an option nor an option's value: the command, or the first path. */
function commandWord(argv: readonly string[]): string | undefined {
  const takesValue = scanOptionNames().takingValue;
  for (let k = 0; k < argv.length; k++) {
    const word = argv[k]!;
    if (word === '--') return undefined; // every word after it is a path
    if (!word.startsWith('-')) return word;
    if (!word.includes('=') && takesValue.has(word)) k++;
  }
  return undefined;
}

/**
 * When the command word is a command and also a folder here, how to scan the folder instead
 * (`dedupe -q check` and `dedupe --top 5 check` run the check command, as `dedupe check -q` does).
 */
function folderHint(argv: readonly string[], cwd: string): string {
  const first = commandWord(argv);
  if (first === undefined || !COMMAND_NAMES.includes(first) || !isFolder(first, cwd)) return '';
  return `; to scan the folder ${first}, write dedupe ./${first} (or dedupe -- ${first})`;
}

/**
 * When the command word names no file or folder here but is a command misspelt (`dedupe chek
 * seeds`), which command was meant: the error says "no such file or folder" for it.
 */
function commandTypoHint(argv: readonly string[], cwd: string): string {
  const word = commandWord(argv);
  if (word === undefined || COMMAND_NAMES.includes(word) || /[/\\.]/.test(word) || existsSync(path.resolve(cwd, word))) return '';
  const close = closeNames(word, COMMAND_NAMES.filter((name) => name !== 'help'));
  return close.length > 0 ? `; did you mean the command ${close.join(' or ')} (dedupe ${close[0]} ...)?` : '';
}

/** The commands that take a command of their own (`dedupe index add`), and those. */
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = { index: ['add', 'remove', 'list', 'stats'] };

/**
 * `dedupe index list`: commander says only "unknown command 'list'" (and suggests a name only
 * for a misspelt one): which commands there are (a new user's run).
 */
function subcommandHint(argv: readonly string[]): string {
  const [command, word] = argv;
  const known = command === undefined ? undefined : SUBCOMMANDS[command];
  if (!known || word === undefined || word.startsWith('-') || known.includes(word) || word === 'help') return '';
  return `; the ${command} commands are ${listed(known, 'and')}`;
}

/**
 * Options written between a command and its own command (`dedupe index --db x.db stats`) belong
 * after it: commander reads them as the first command's, which has none. How to write it.
 */
function orderHint(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  if (command !== undefined && command.startsWith('-')) return commandOptionHint(argv);
  const subcommands = command === undefined ? undefined : SUBCOMMANDS[command];
  const at = subcommands ? rest.findIndex((word) => subcommands.includes(word)) : -1;
  if (at <= 0 || !rest[0]!.startsWith('-')) return '';
  return `; options go after the command: dedupe ${command} ${rest[at]} ${[...rest.slice(0, at), ...rest.slice(at + 1)].join(' ')}`.trimEnd();
}

/**
 * An option the scan does not have, written before a command's name (`dedupe --db x check a.txt`):
 * commander says only "unknown option '--db'". The option is the command's, and goes after its
 * name. (The scan's own options there are refused with their own message: see
 * refuseRootOptionsBeforeCommand.)
 */
function commandOptionHint(argv: readonly string[]): string {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const at = argv.slice(0, end).findIndex((word) => COMMAND_NAMES.includes(word));
  const flag = argv[0]!.split('=')[0]!;
  // `dedupe --db x help check`: no command to move it after.
  if (at <= 0 || argv[at] === 'help' || scanOptionNames().all.has(flag)) return '';
  // `dedupe --db x index stats`: after both names.
  const names = SUBCOMMANDS[argv[at]!]?.includes(argv[at + 1] ?? '') ? 2 : 1;
  // Only an option the command has (`--dbb` and `diff --db` would fail again; found in review).
  if (!commandHasOption(argv.slice(at, at + names), flag)) return '';
  return `; options go after the command: dedupe ${[...argv.slice(at, at + names), ...argv.slice(0, at), ...argv.slice(at + names)].map(shellWord).join(' ')}`;
}

/** Whether the command named (with its subcommand: `index stats`) takes the option `flag` (--db, -q). */
function commandHasOption(names: readonly string[], flag: string): boolean {
  let command: Command | undefined = quietProgram();
  for (const name of names) command = command?.commands.find((c) => c.name() === name);
  return command !== undefined && hasOption(command, flag);
}

/** Parses argv (without node and script), runs the command, returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const verbose = argv.includes('--verbose');
  if (argv.length === 0) {
    io.stderr.write('dedupe: error: no files or folders given; usage: dedupe [options] <paths...> (see dedupe --help)\n');
    return EXIT_ERROR;
  }
  let code = EXIT_OK;
  const guarded: CliIO = { ...io, stdout: guardedOutput(io.stdout) };
  const hint = folderHint(argv, io.cwd) + orderHint(argv) + commandTypoHint(argv, io.cwd) + subcommandHint(argv);
  try {
    await buildProgram(guarded, (c) => (code = c), hint).parseAsync(withHelpCommand(withScanBeforeDoubleDash(argv)), { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof OutputError) {
      // The reader closed the pipe (| head): nothing more to say. Anything else: one line, exit 2.
      if (error.code === 'EPIPE') return code;
      io.stderr.write(`dedupe: error: ${error.message}\n`);
      return EXIT_ERROR;
    }
    if (error instanceof CommanderError) {
      // `dedupe index` alone: commander printed the index help on stderr; say what is missing
      // (and, with a folder named index here, how to scan it).
      if (error.code === 'commander.help' && error.exitCode !== 0 && argv[0] === 'index') {
        io.stderr.write(`dedupe: error: index needs a command: ${listed(SUBCOMMANDS.index!, 'or')}${hint}\n`);
      }
      // Help and --version exit 0; parse errors were already printed by commander.
      return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (error instanceof UsageError || error instanceof InputError || error instanceof OptionsError) {
      // Whatever failed, a folder named like the command is worth a word (README: Command).
      io.stderr.write(`dedupe: error: ${printable(error.message)}${hint}\n`);
      if (verbose && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`dedupe: internal error: ${printable(message)} (rerun with --verbose for details, and please report it)\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}
