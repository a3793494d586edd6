/**
 * `dedupe check <paths...>`, the ingest gate, as data. Incoming articles are prepared on all
 * cores, the archived articles they match are looked up in the index (store/lookup.ts) and
 * handed to the report stages as context documents, so statuses, matches and groups come from
 * the scan's own code. Then the gate decides (gate.ts) and, with `add`, the clean articles are
 * stored in one transaction.
 */
import type { ScanAnalysis } from '../core/scan/scanner.js';
import type { PreparedDocument } from '../core/model.js';
import { checkFrequencies } from '../core/rewrite/channel.js';
import type { DocumentReport, Report, ScanOptions, StageTimings, Warning } from '../core/types.js';
import { IndexStore, type WriteBatch } from '../store/index-store.js';
import { findContext } from '../store/lookup.js';
import type { RequestOrigins } from '../store/parameters.js';
import { archivedName, locationOptions, putPrepared, upgradeNotice, waitNotice, type IndexLocation, type StoreTally } from './archive.js';
import { documentPath, nameAsIndexed, nothingRead } from './files.js';
import { EmptyListError } from '../input/errors.js';
import { isFlagged, type CheckFailOn } from './gate.js';
import { defaultThreads, prepareFiles } from './prepare-pool.js';
import { analyseOnThreads, prepareProgress, type EngineHooks } from './scan.js';
import { collectSources, type SourceRequest, type Sources } from './sources.js';

/**
 * Archived articles loaded per incoming paragraph at most. A paragraph in more archived
 * articles than this is clearly not unique; comparing it with all of them would only make
 * the check slow (a footer on every page of a site).
 */
export const MAX_ARCHIVED_PER_PARAGRAPH = 100;

export interface CheckRequest extends SourceRequest, IndexLocation {
  /** Options given on the command line or in a config file; the index's parameters fill the rest (and must agree). */
  requested: Partial<ScanOptions>;
  /** The config file each of `requested` came from, when one did (store/parameters.ts names it). */
  requestedFrom?: RequestOrigins;
  threads?: number;
  /** Whether files' modification times are evidence of which copy came first (default true). */
  fileTimes?: boolean;
  wordOps: boolean;
  /** undefined: report only (`add` then stores articles with no shared or edited paragraph). */
  failOn?: CheckFailOn;
  copyShare: number;
  add: boolean;
  /** Unix milliseconds recorded as the time added. */
  now: number;
  /** Whether to look for reworded paragraphs (the rewrite stage and the index's content keys; default true). */
  rewording?: boolean;
  /** `--reworded thorough`: the check's candidate pairs aligned again as a scan of two documents aligns them (core/rewrite/families.ts). */
  thoroughRewording?: boolean;
  /** `--agency`: names read as agencies' credits besides the built-in ones (core/scan/provenance.ts). */
  agencies?: readonly string[];
}

export interface CheckRun {
  report: Report;
  /** The scan behind the report (group members aligned with their originals on demand, for the HTML report). */
  analysis: ScanAnalysis;
  /** Ids of the archived articles loaded as context. */
  archived: string[];
  /** Incoming articles the index already holds under the same name with the same text: each stands for its stored version, so they are compared with the rest of the index only. */
  alreadyIndexed: string[];
  /** Incoming documents that trip the rule (`edited` when no --fail-on was given). */
  flagged: DocumentReport[];
  /**
   * With `add`: what was stored, and under which names articles whose name the index held with
   * other text were stored beside it (archivedName: `today.txt` as `today.txt#3f2a9c01b7e4`);
   * null without.
   */
  added: (StoreTally & { beside: Array<{ name: string; storedAs: string }> }) | null;
  /** Incoming paragraphs whose archived matches were cut at MAX_ARCHIVED_PER_PARAGRAPH. */
  cappedParagraphs: number;
  /** Archived variants proposed by shingle LSH and verified; and by the rewording channel and kept (store/lookup.ts). */
  lookup: { candidates: number; verified: number; contentCandidates: number; contentProposed: number };
  timings: StageTimings & { lookup: number };
  /** JSONL sources read (files and standard input). */
  jsonlSources: number;
  /**
   * Nothing came in (an empty --files-from list, or JSONL input holding no line): a day with
   * nothing new, which a gate passes, with a report of no documents; what it was, else null.
   */
  nothingIncoming: string | null;
}

interface Incoming {
  docs: PreparedDocument[];
  versions: Map<string, { contentHash: string; bytes: number }>;
  warnings: Warning[];
}

/** `warnings`: the walk's so far; the reader's are added. */
async function prepareIncoming(
  request: CheckRequest,
  sources: Sources,
  store: IndexStore,
  hooks: EngineHooks,
  warnings: Warning[],
): Promise<Incoming & { timings: StageTimings }> {
  const pool = { options: store.options, threads: request.threads ?? defaultThreads(), contentHash: true, cwd: request.cwd, fileTimes: request.fileTimes ?? true };
  const run = await prepareFiles(sources.jobs, { ...pool, ...(hooks.clock ? { clock: hooks.clock } : {}) });
  const incoming: Incoming = { docs: [], versions: new Map(), warnings };
  const progress = prepareProgress(sources.jobs.length, hooks);
  for await (const outcome of run.outcomes) {
    progress(outcome);
    if (outcome.status === 'unreadable') {
      incoming.warnings.push(outcome.warning);
      hooks.warning?.(outcome.warning);
    } else if (outcome.status === 'prepared') {
      if (outcome.warning) {
        incoming.warnings.push(outcome.warning);
        hooks.warning?.(outcome.warning);
      }
      incoming.docs.push(outcome.prepared);
      incoming.versions.set(outcome.prepared.id, { contentHash: outcome.contentHash!, bytes: outcome.bytes });
    }
  }
  const empty = sources.jobs.length === 0 || (sources.files === 0 && sources.records === 0 && incoming.warnings.length === 0);
  if (incoming.docs.length === 0 && !empty) throw nothingRead({ ...sources, warned: incoming.warnings.length > 0 });
  return { ...incoming, timings: { ...run.timings, candidates: 0, verify: 0, rewrite: 0, cluster: 0, report: 0 } };
}

export async function checkPaths(request: CheckRequest, hooks: EngineHooks = {}): Promise<CheckRun> {
  const walkWarnings: Warning[] = [];
  let emptyInput: string | null = null;
  const sources = await collectSources(request, (file) => documentPath(file, request.cwd, request.root), (warning) => {
    walkWarnings.push(warning);
    hooks.warning?.(warning);
  }).catch((error: unknown): Sources => {
    // An empty list is a day with nothing new for the gate: it passes, with an empty report.
    if (!(error instanceof EmptyListError)) throw error;
    emptyInput = error.what;
    return { jobs: [], files: 0, jsonlSources: 0, records: 0, listing: '' };
  });
  const store = await IndexStore.open(request.db, {
    mode: 'read',
    ...locationOptions(request),
    requested: request.requested,
    ...(request.requestedFrom ? { requestedFrom: request.requestedFrom } : {}),
    cwd: request.cwd,
    onUpgrade: upgradeNotice(request.db, hooks),
  });
  let examined: Examined;
  let incoming: Incoming & { timings: StageTimings };
  let marker: string;
  try {
    nameAsIndexed(sources.jobs, store, request.cwd, request.root);
    incoming = await prepareIncoming(request, sources, store, hooks, walkWarnings);
    marker = store.changeMarker();
    examined = await examine(store, { request, sources, incoming, emptyInput, walkWarnings, hooks });
  } finally {
    store.close();
  }
  const verdict = decide(examined, request);
  if (!request.add) return { ...examined, flagged: verdict.flagged, added: null };
  const added = await addClean(request, incoming, verdict.notStored, marker, hooks);
  if (added !== INDEX_CHANGED) return { ...examined, flagged: verdict.flagged, added };
  // Another writer stored articles between this check and its --add (two `check --add` runs at
  // once: each let the other's copy of one article through, and both stored it; a new user's
  // run). Checked again against the index as it is now, holding the write lock throughout.
  hooks.notice?.(`${request.db} changed while this batch was checked (another process wrote to it): checking again against it as it is now`);
  return checkHoldingLock({ request, sources, incoming, emptyInput, walkWarnings, hooks });
}

type Examined = Omit<CheckRun, 'flagged' | 'added'>;

/** What a check is made of once its articles are read and prepared: looked up once, or again under the write lock. */
interface CheckBatch {
  request: CheckRequest;
  sources: Sources;
  incoming: Incoming & { timings: StageTimings };
  /** What the empty input was (an empty --files-from list), if it was. */
  emptyInput: string | null;
  walkWarnings: readonly Warning[];
  hooks: EngineHooks;
}

/** Looks the incoming articles up in the index and runs the report stages over them and what they match. */
async function examine(store: IndexStore, { request, sources, incoming, emptyInput, walkWarnings, hooks }: CheckBatch): Promise<Examined> {
  const clock = hooks.clock ?? (() => 0);
  const nothingIncoming = incoming.docs.length > 0 ? null : (emptyInput ?? quietDayReason(sources, walkWarnings, request.paths));
  const lookupStart = clock();
  hooks.progress?.({ stage: 'lookup', file: request.db });
  const rewording = request.rewording ?? true;
  // Held unchanged: under its name, or beside another text of its name (archivedName: a feed
  // file reused every day, checked again after --add stored it).
  const storedAs = new Map<string, string>();
  for (const d of incoming.docs) {
    const hash = incoming.versions.get(d.id)!.contentHash;
    const beside = archivedName(d.id, hash);
    if (store.contentHashOf(d.id) === hash) storedAs.set(d.id, d.id);
    else if (store.contentHashOf(beside) === hash) storedAs.set(d.id, beside);
  }
  const alreadyIndexed = [...storedAs.keys()];
  const context = findContext(store, incoming.docs, {
    rewording,
    threshold: store.options.threshold,
    containment: store.options.containment,
    maxDocumentsPerParagraph: MAX_ARCHIVED_PER_PARAGRAPH,
    // An incoming file already indexed unchanged stands for its stored version. A file of the
    // same name with other text (a feed file reused day after day) is compared with what the
    // index holds under that name, reported as "<path> (as indexed)".
    exclude: new Set(storedAs.values()),
  });
  for (const doc of context.documents) if (incoming.versions.has(doc.id)) doc.id = `${doc.id} (as indexed)`;
  const lookupMs = clock() - lookupStart;
  const all = [...context.documents, ...incoming.docs];
  const paragraphs = all.reduce((sum, doc) => sum + doc.count, 0);
  // Words weigh as in the whole archive and the batch together (checkFrequencies), not as in
  // the few archived articles the lookup brought in: an article's verdict must not turn on
  // what else came in with it. An incoming article indexed unchanged is counted in the archive.
  const batch = incoming.docs.filter((d) => !storedAs.has(d.id));
  const others = [...context.documents, ...incoming.docs.filter((d) => storedAs.has(d.id))];
  const frequencies = rewording ? checkFrequencies(batch, others, (words) => store.archiveWordCounts(words)) : null;
  hooks.progress?.({ stage: 'match', paragraphs });
  const { analysis, timings } = await analyseOnThreads(
    all,
    store.options,
    incoming.warnings,
    { wordOps: request.wordOps, rewording, thoroughRewording: request.thoroughRewording === true, threads: request.threads ?? defaultThreads(), paragraphs, earlier: incoming.timings, frequencies, ...(request.agencies ? { agencies: request.agencies } : {}) },
    hooks,
  );
  const reportStart = clock();
  const report = analysis.report();
  return {
    report,
    analysis,
    archived: context.documents.map((d) => d.id),
    alreadyIndexed,
    cappedParagraphs: context.cappedParagraphs,
    lookup: { candidates: context.candidates, verified: context.verified, contentCandidates: context.contentCandidates, contentProposed: context.contentProposed },
    timings: { ...timings, report: timings.report + clock() - reportStart, lookup: lookupMs },
    jsonlSources: sources.jsonlSources,
    nothingIncoming,
  };
}

/** The gate's verdict: the incoming documents that trip the rule, and those --add leaves out (all of them but a new story's first copy). */
function decide(examined: Examined, request: CheckRequest): { flagged: DocumentReport[]; notStored: Set<string> } {
  const { report } = examined;
  const flagged = report.documents.filter((doc) => isFlagged(doc, report, request.failOn ?? 'edited', request.copyShare));
  const notStored = new Set(flagged.map((d) => d.path));
  for (const first of firstOfNewStories(report, new Set([...examined.archived, ...examined.alreadyIndexed]), notStored)) notStored.delete(first);
  return { flagged, notStored };
}

/**
 * The check done again under the index's write lock, and the clean articles stored in the same
 * transaction: no other writer can store anything between the lookup and the --add. Only when
 * the index changed during a check (checkPaths): holding the lock through a whole check would
 * make every other writer wait for it.
 */
async function checkHoldingLock(batch: CheckBatch): Promise<CheckRun> {
  const { request, incoming, hooks } = batch;
  const store = await IndexStore.open(request.db, { mode: 'write', requested: request.requested, cwd: request.cwd });
  try {
    return await store.write(async (writing) => {
      const examined = await examine(store, batch);
      const verdict = decide(examined, request);
      hooks.progress?.({ stage: 'store', file: request.db });
      return { ...examined, flagged: verdict.flagged, added: storeClean(writing, request, incoming, verdict.notStored, hooks) };
    }, waitNotice(request.db, hooks));
  } finally {
    store.close();
  }
}

/**
 * What was empty on a quiet day prepareIncoming let through: JSONL input holding no line, said
 * as such when that was all there was; else, whatever the walk warned about (an empty feed
 * beside an empty folder, found in review), that no article came in.
 */
function quietDayReason(sources: Sources, walkWarnings: readonly Warning[], paths: readonly string[]): string {
  if (sources.files > 0 || sources.jsonlSources === 0 || walkWarnings.length > 0) return 'no article came in';
  return sources.jsonlSources === 1 && paths.includes('-') ? 'standard input holds no article' : 'the JSONL input holds no article';
}

/**
 * Of each group of incoming articles that holds nothing the index has (a new story that came in
 * more than once in one batch), the one --add stores though it is flagged: the group's original,
 * else its first document. Every copy of such a story trips the rule, so none was stored, and the
 * next batch's copy passed the gate and was stored instead (found by a new user). The gate's
 * verdict is unchanged: the copies are still flagged. Never a file that is in a group with
 * something the index has (`known`: archived, or already indexed unchanged), nor one in two
 * groups (a file of several stories), nor any of a group one member of which is stored anyway
 * (not flagged): so no copy of what the index holds, and one copy of a story (found in review).
 */
function firstOfNewStories(report: Report, known: ReadonlySet<string>, notStored: ReadonlySet<string>): string[] {
  const withKnown = new Set<string>();
  const groupsOf = new Map<string, number>();
  for (const group of report.groups) {
    for (const path of group.documents) groupsOf.set(path, (groupsOf.get(path) ?? 0) + 1);
    if (group.documents.some((path) => known.has(path))) for (const path of group.documents) withKnown.add(path);
  }
  const picks: string[] = [];
  for (const group of report.groups) {
    if (group.documents.some((path) => withKnown.has(path) || !notStored.has(path))) continue;
    const pick = group.original ?? group.documents[0]!;
    if (groupsOf.get(pick) === 1) picks.push(pick);
  }
  return picks;
}

/** What addClean returns when another writer changed the index after `marker` was read: nothing was stored. */
const INDEX_CHANGED = Symbol('index changed');

/**
 * `add`: stores the incoming articles that are not in `notStored` (those that tripped the rule,
 * but a new story's first copy), in one transaction; INDEX_CHANGED, storing nothing, when the
 * index is not as it was when the check read it (`marker`, IndexStore.changeMarker).
 */
async function addClean(
  request: CheckRequest,
  incoming: Incoming,
  notStored: ReadonlySet<string>,
  marker: string,
  hooks: EngineHooks,
): Promise<NonNullable<CheckRun['added']> | typeof INDEX_CHANGED> {
  if (!incoming.docs.some((doc) => !notStored.has(doc.id))) return emptyTally();
  const store = await IndexStore.open(request.db, { mode: 'write', requested: request.requested, cwd: request.cwd });
  try {
    hooks.progress?.({ stage: 'store', file: request.db });
    let changed = false;
    try {
      return await store.write(async (batch) => {
        // Rolled back (nothing stored) when another writer got in first.
        if (batch.changeMarker() !== marker) {
          changed = true;
          throw new Error(`${request.db} changed during the check`);
        }
        return storeClean(batch, request, incoming, notStored, hooks);
      }, waitNotice(request.db, hooks));
    } catch (error) {
      if (changed) return INDEX_CHANGED;
      throw error;
    }
  } finally {
    store.close();
  }
}

function emptyTally(): NonNullable<CheckRun['added']> {
  return { added: [], updated: [], unchanged: [], keptStored: [], beside: [] };
}

/** Stores the clean incoming articles (not in `notStored`) in the open write transaction. */
function storeClean(batch: WriteBatch, request: CheckRequest, incoming: Incoming, notStored: ReadonlySet<string>, hooks: EngineHooks): NonNullable<CheckRun['added']> {
  const result = emptyTally();
  for (const doc of incoming.docs) {
    if (notStored.has(doc.id)) continue;
    const version = incoming.versions.get(doc.id)!;
    const stored = batch.contentHashOf(doc.id);
    if (stored === version.contentHash) result.unchanged.push(doc.id);
    // A name the index holds with other text (a feed file reused every day): the new
    // article is stored beside the old one, not over it (archivedName).
    else if (stored !== undefined) {
      const storedAs = archivedName(doc.id, version.contentHash);
      if (putPrepared(batch, { ...doc, id: storedAs }, version, request.now, result, hooks) === 'added') result.beside.push({ name: doc.id, storedAs });
    } else putPrepared(batch, doc, version, request.now, result, hooks);
  }
  return result;
}
