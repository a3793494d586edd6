/**
 * `dedupe check <paths...>`: the ingest gate. Incoming articles are compared with the index
 * and with each other, and reported exactly as the scan reports them: the archived articles
 * they match are looked up in the index (store/lookup.ts) and handed to the scanner as
 * context documents, so statuses, matches and groups come from the scan's own code.
 *
 * --fail-on document: an incoming article is a copy when at least --copy-share (0.8) of its
 * words, in-file repeats left out, are in paragraphs shared with or edited from another
 * article, archived or incoming. Boilerplate (a site footer) does not count as reuse: this is
 * the report's `reusedShare`.
 */
import { Command, Option } from 'commander';
import { createSigner, resolveOptions, Scanner, type PreparedDocument } from '../core/index.js';
import type { DocumentReport, Report, Warning } from '../core/types.js';
import { renderHuman, renderSummary } from '../render/human.js';
import { renderArchiveMatches } from '../render/ingest.js';
import { renderJson } from '../render/json.js';
import { contentHash } from '../store/codec.js';
import { IndexStore } from '../store/index-store.js';
import { findContext } from '../store/lookup.js';
import { outputStyle } from './color.js';
import { parseNumber } from './option-parsers.js';
import { EXIT_FOUND, EXIT_OK, UsageError } from './exit-codes.js';
import {
  type ArticleVersion,
  addDbOption,
  addOutputOptions,
  addSigningOptions,
  addWalkOptions,
  dbPath,
  documentPath,
  findArticles,
  putArticle,
  readFiles,
  requestedOptions,
  type DbFlags,
  type OutputFlags,
  type PutSummary,
  type SigningFlags,
  type WalkFlags,
} from './index-shared.js';
import { warn, type CliIO } from './io.js';
import { failingParagraphs, FAIL_ON_VALUES, type FailOn } from './scan-command.js';

export type CheckFailOn = FailOn | 'document';
export const CHECK_FAIL_ON: readonly CheckFailOn[] = [...FAIL_ON_VALUES, 'document'];

/** --fail-on document: the share of an article's words that makes it a copy (issue 4: "say >= 80%"). */
export const DEFAULT_COPY_SHARE = 0.8;

/**
 * Archived articles loaded per incoming paragraph at most. A paragraph in more archived
 * articles than this is clearly not unique; comparing it with all of them would only make
 * the check slow (a footer on every page of a site).
 */
export const MAX_ARCHIVED_PER_PARAGRAPH = 100;

export interface CheckFlags extends DbFlags, OutputFlags, WalkFlags, SigningFlags {
  maxMatches?: number;
  failOn?: string;
  copyShare: number;
  add?: boolean;
  diff?: boolean;
}

/**
 * Whether a reported (incoming) document trips the --fail-on rule. For `document`, each story
 * the file holds is judged on its own: a reprint bundled with an unrelated story (seed 000:
 * the AP story reprinted whole, then a Lebanon story) is a copy, though only 60% of the file is.
 */
export function isFlagged(doc: DocumentReport, report: Report, failOn: CheckFailOn, copyShare: number): boolean {
  if (failOn === 'document') return copiedStories(doc, copyShare).length > 0;
  return failingParagraphs({ ...report, documents: [doc] }, failOn) > 0;
}

function copiedStories(doc: DocumentReport, copyShare: number): DocumentReport['stories'] {
  return doc.stories.filter((story) => story.reusedShare >= copyShare);
}

/** The file, with the copied story's lines when the file holds more than one. */
function copyLabel(doc: DocumentReport, copyShare: number): string {
  if (doc.stories.length < 2) return doc.path;
  return `${doc.path} (lines ${copiedStories(doc, copyShare)
    .map((s) => `${s.startLine}-${s.endLine}`)
    .join(', ')})`;
}

export async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIO, cwd: string): Promise<number> {
  const started = io.now();
  const failOn = flags.failOn as CheckFailOn | undefined;
  if (failOn !== undefined && !CHECK_FAIL_ON.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${CHECK_FAIL_ON.join(', ')}, got ${flags.failOn}`);
  }
  if (!(flags.copyShare > 0 && flags.copyShare <= 1)) {
    throw new UsageError(`--copy-share must be above 0 and at most 1, got ${flags.copyShare}`);
  }
  const requested = requestedOptions(flags);
  resolveOptions(requested);
  const files = await findArticles(paths, flags);
  const { file } = dbPath(flags);

  const store = IndexStore.open(file, { mode: 'read', requested });
  const warnings: Warning[] = [];
  const incoming: PreparedDocument[] = [];
  const versions = new Map<string, ArticleVersion>();
  let archived: PreparedDocument[];
  let report: Report;
  let timings: Record<string, number>;
  try {
    const signer = await createSigner(store.options, () => io.now());
    for (const { file: article, outcome } of readFiles(files)) {
      if (!outcome.ok) {
        warnings.push(outcome.warning);
        warn(io, outcome.warning.message);
        continue;
      }
      const id = documentPath(article, cwd);
      // Signatures are kept only when the clean articles will be stored afterwards.
      incoming.push(signer.prepare({ id, text: outcome.text }, flags.add === true));
      versions.set(id, { path: id, contentHash: contentHash(outcome.text), bytes: outcome.bytes });
    }
    if (incoming.length === 0) {
      throw new UsageError(`none of the ${files.length} matching files could be read (see the warnings above)`);
    }
    const lookupStart = io.now();
    const context = findContext(store, incoming, {
      threshold: store.options.threshold,
      containment: store.options.containment,
      maxDocumentsPerParagraph: MAX_ARCHIVED_PER_PARAGRAPH,
      // An incoming file already indexed unchanged stands for its stored version. A file of the
      // same name with other text (a feed file reused day after day) is compared with what the
      // index holds under that name, reported as "<path> (as indexed)".
      exclude: new Set(incoming.filter((d) => store.contentHashOf(d.id) === versions.get(d.id)!.contentHash).map((d) => d.id)),
    });
    for (const doc of context.documents) if (versions.has(doc.id)) doc.id = `${doc.id} (as indexed)`;
    const lookupMs = io.now() - lookupStart;
    archived = context.documents;
    if (context.cappedParagraphs > 0) {
      warn(
        io,
        `${context.cappedParagraphs} incoming paragraph${context.cappedParagraphs === 1 ? ' matches' : 's match'} more than ` +
          `${MAX_ARCHIVED_PER_PARAGRAPH} archived articles; each was compared with the first ${MAX_ARCHIVED_PER_PARAGRAPH} added, so its match count is a lower bound`,
      );
    }
    const scanner = new Scanner(signer, () => io.now());
    for (const doc of archived) scanner.addPrepared(doc);
    for (const doc of incoming) scanner.addPrepared(doc);
    const result = scanner.finish(warnings, { wordOps: flags.json === true || flags.diff === true });
    report = result.report;
    timings = { lookup: lookupMs, ...result.timings };
    if (flags.verbose) {
      io.stderr.write(
        `dedupe: check: ${archived.length} archived articles loaded from ${file} ` +
          `(${context.candidates} LSH candidates, ${context.verified} verified)\n`,
      );
    }
  } finally {
    store.close();
  }

  const flagged = report.documents.filter((doc) => isFlagged(doc, report, failOn ?? 'edited', flags.copyShare));
  const added = flags.add ? await addClean(file, requested, incoming, versions, new Set(flagged.map((d) => d.path)), io) : null;
  const elapsedMs = io.now() - started;
  if (flags.json) {
    // The report is the scan's; `check` adds what the gate decided, so a saved report says why a job failed.
    const gate = {
      failOn: failOn ?? null,
      copyShare: flags.copyShare,
      flagged: failOn === undefined ? [] : flagged.map((d) => d.path),
      added: added ? [...added.added, ...added.updated].map((entry) => entry.path) : null,
    };
    io.stdout.write(renderJson({ ...report, check: gate }));
  } else {
    const { palette, color } = outputStyle(flags, io);
    let text = renderHuman(report, { palette, color, diff: flags.diff === true, width: io.stdout.columns ?? 100, quiet: flags.quiet === true, elapsedMs });
    if (!flags.quiet) text += `\n${renderArchiveMatches(report, new Set(archived.map((d) => d.id)), file, palette)}`;
    io.stdout.write(text);
  }
  if (flags.verbose) {
    const stages = Object.entries(timings)
      .map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`)
      .join(', ');
    io.stderr.write(`dedupe: ${renderSummary(report, elapsedMs)}; ${stages}\n`);
  }

  if (failOn === undefined) return EXIT_OK;
  if (failOn === 'document') {
    if (flagged.length === 0) return EXIT_OK;
    const share = Math.round(flags.copyShare * 100);
    io.stderr.write(
      `dedupe: --fail-on document: ${flagged.length} article${flagged.length === 1 ? ' is a copy' : 's are copies'} ` +
        `(>= ${share}% of a story's words reused): ${flagged.map((d) => copyLabel(d, flags.copyShare)).join(', ')}\n`,
    );
    return EXIT_FOUND;
  }
  const found = failingParagraphs(report, failOn);
  if (found === 0) return EXIT_OK;
  io.stderr.write(`dedupe: --fail-on ${failOn}: ${found} paragraph${found === 1 ? '' : 's'} found in ${flagged.map((d) => d.path).join(', ')}\n`);
  return EXIT_FOUND;
}

/** --add: stores the incoming articles that did not trip the rule, in one transaction. */
async function addClean(
  file: string,
  requested: ReturnType<typeof requestedOptions>,
  incoming: readonly PreparedDocument[],
  versions: ReadonlyMap<string, ArticleVersion>,
  flagged: ReadonlySet<string>,
  io: CliIO,
): Promise<PutSummary> {
  const summary: PutSummary = { added: [], updated: [], unchanged: [] };
  const clean = incoming.filter((doc) => !flagged.has(doc.id));
  if (clean.length === 0) {
    io.stderr.write(`dedupe: --add: nothing added to ${file}; every article has reuse\n`);
    return summary;
  }
  const store = IndexStore.open(file, { mode: 'write', requested });
  try {
    const addedAt = Date.now();
    await store.write(async (batch) => {
      for (const doc of clean) putArticle(batch, versions.get(doc.id)!, () => doc, addedAt, summary);
    });
  } finally {
    store.close();
  }
  const held = flagged.size > 0 ? `; ${flagged.size} with reuse not added` : '';
  io.stderr.write(
    `dedupe: --add: ${summary.added.length} added, ${summary.updated.length} updated, ` +
      `${summary.unchanged.length} unchanged in ${file}${held}\n`,
  );
  return summary;
}

const CHECK_HELP = `
Compares incoming articles with the index (dedupe index add) and with each other, and
reports them as the scan does: shared, edited and unique paragraphs, and their matches,
archived or incoming. Nothing is written to the index unless --add is given.

--fail-on:
  shared    exit 1 if an incoming paragraph of at least --min-words words (not
            boilerplate, not repeated in its file) has an exact copy elsewhere
  edited    the same for shared or edited paragraphs
  document  exit 1 if an incoming article is a copy: at least --copy-share (default
            0.8) of the words of one of its stories (a file can bundle several), in-file
            repeats left out, are in paragraphs shared with or edited from another
            article; boilerplate does not count
--add stores the articles that do not trip the --fail-on rule (without --fail-on:
those with no shared or edited paragraph) after the check.

Exit codes:
  0  finished; nothing found that --fail-on asks about
  1  --fail-on given and such reuse found
  2  usage or input error, or the index is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be used

Examples:
  dedupe check incoming/
  dedupe check --fail-on edited --json incoming/ | jq '.documents[].reusedShare'
  dedupe check --fail-on document --add incoming/`;

export function registerCheckCommand(program: Command, io: CliIO, cwd: string): void {
  const check = addOutputOptions(
    addSigningOptions(addWalkOptions(addDbOption(program.command('check').argument('<paths...>', 'incoming files or folders')))),
    'print the report as JSON (the scan\'s format, schema/report.schema.json)',
  )
    .description('compare incoming articles with the index and with each other (the ingest gate)')
    .option('--max-matches <n>', 'matches listed per paragraph, 0 for all', parseNumber)
    .addOption(new Option('--fail-on <what>', 'exit 1 when found: shared, edited (paragraphs) or document (a copy)').choices(CHECK_FAIL_ON))
    .option('--copy-share <share>', 'with --fail-on document: share of reused words that makes an article a copy', parseNumber, DEFAULT_COPY_SHARE)
    .option('--diff', "show the word changes of each reused paragraph, against its group's original")
    .option('--add', 'store the articles without reuse in the index after the check');
  check.addHelpText('after', CHECK_HELP);
  check.action(async (paths: string[], flags: CheckFlags) => {
    process.exitCode = await runCheck(paths, flags, io, cwd);
  });
}
