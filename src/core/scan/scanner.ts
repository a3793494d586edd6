/**
 * The scan: prepared documents in, one `Report` out, through named stages. Pure: no console,
 * process, file system or colour; time comes from an injected clock.
 *
 *   variants.ts   documents ordered, paragraphs numbered, identical texts collapsed
 *   edges.ts      candidate pairs (LSH, containment anchors) verified exactly
 *   noise.ts      repeats inside a file, junk lines, stories
 *   story-links.ts  stories the layout joined told apart by the documents they copy from
 *   rewrite/      reworded paragraphs: content-word candidates, passage alignment (rewrite/stage.ts)
 *   clusters.ts   paragraph clusters; stories identical paragraph for paragraph
 *   grouping.ts   site footers found, stories linked into syndication groups
 *   groups.ts     each group's original, versions and reprints (provenance.ts)
 *   matches.ts    each paragraph's matches
 *   assemble.ts   statuses (classify.ts), documents, stories, summary
 *
 * Documents are prepared (segmented and signed, signing/signer.ts) as they are added, so a
 * caller streaming files holds signatures, not raw buffers.
 */
import { createSigner, type Signer } from '../signing/signer.js';
import { withoutBom } from '../text/normalize.js';
import type { Clock, Corpus, DerivationRule, Edges, Noise, PreparedDocument, PrepareTimings } from '../model.js';
import { resolveOptions } from '../options.js';
import { continuesParagraph } from '../document.js';
import { diffDocuments } from '../align/diff-report.js';
import type { AlignRule } from '../align/align.js';
import {
  SCHEMA_VERSION,
  type DiffBlock,
  type DiffReport,
  type DocumentHead,
  type DocumentReport,
  type GroupReport,
  type InputDocument,
  type Report,
  type ReportOptions,
  type ReportSource,
  type ResolvedOptions,
  type RewordingMode,
  type SegmentStatus,
  type StoryPairReport,
  type ScanOptions,
  type StageTimings,
  type Summary,
  type TemplateKind,
  type Warning,
} from '../types.js';
import { assembleDocument, classifyAll, documentHead, statusOf, templateOf, type AssemblyInput, type Statuses } from './assemble.js';
import { buildClusters, identicalStories } from './clusters.js';
import { splitStoriesByLinks } from './story-links.js';
import { templateFills } from './name-fills.js';
import { findCandidates, verifyCandidates } from './edges.js';
import { alignStories, buildGroupReports, type GroupReports } from './groups.js';
import { groupDocuments, listedGroupsOnly } from './grouping.js';
import { MatchLister } from './matches.js';
import { findNoise } from './noise.js';
import { collectVariants, contentRanks, orderDocuments, storyRanks } from './variants.js';
import { COMMON_MIN_DOCUMENTS, countingTextsOnce, scanFrequencies, type ScanFrequencies } from '../rewrite/channel.js';
import { nearCopies } from '../rewrite/copied-pairs.js';
import { addRewordedEdges, ON_THIS_THREAD, startRewrite, type RewriteHelpers, type RewriteStart } from '../rewrite/stage.js';
import { buildStoryPairs } from '../rewrite/story-pairs.js';

export interface ScanResult {
  report: Report;
  timings: StageTimings;
}

export interface FinishOptions {
  /**
   * Whether edited matches carry their word operations (default true). The human report
   * without --diff does not show them, and computing them is a good part of the report's cost
   * on a large corpus.
   */
  wordOps?: boolean;
  /**
   * Pairs verified elsewhere (`dedupe join`, in SQL over the signed Parquet files): given the
   * numbered corpus, the derived pairs as edges and how many candidate pairs were measured.
   * The scan's own candidates and verification are then not run.
   */
  verified?: (corpus: Corpus) => { edges: Edges; candidatePairs: number };
  /** Threads the rewrite stage can share its work with (the engine's); by default it runs on the calling thread. */
  helpers?: RewriteHelpers;
  /** Whether to run the rewrite stage (default true): without it reworded paragraphs come out unique; for measuring what it costs. */
  rewording?: boolean;
  /**
   * Thorough rewording (`--reworded thorough`, rewrite/families.ts): a scan of 200 documents or
   * more also aligns its candidate pairs as a scan of two documents does (default false).
   */
  thoroughRewording?: boolean;
  /**
   * The words' document frequencies the rewrite stage weighs words by (rewrite/channel.ts,
   * ScanFrequencies), instead of those counted on the scan's documents: `check` gives the whole
   * archive's and its batch's (checkFrequencies), not those of the few archived articles its
   * lookup brings in. null: none (as in a scan of fewer than 200 documents).
   */
  frequencies?: ScanFrequencies | null;
  /**
   * Names read as agencies' credits besides the built-in ones (`--agency`; scan/provenance.ts,
   * creditPatterns): a regional agency's "(Northwire)" in its datelines. Written in the report's
   * options when given.
   */
  agencies?: readonly string[];
}

const noClock: Clock = () => 0;

/**
 * A finished scan, before its report is written: statuses, counts and groups are known; the
 * group reports (provenance) and each document's report (matches, word operations) are made
 * when asked for, so `-q` and `--fail-on` never pay for them and a large report is written one
 * document at a time.
 */
export class ScanAnalysis implements ReportSource {
  readonly schemaVersion = SCHEMA_VERSION;
  readonly summary: Summary;
  private groupReports: GroupReports | null = null;
  private pairs: StoryPairReport[] | null = null;

  constructor(
    readonly options: ReportOptions,
    readonly warnings: readonly Warning[],
    private readonly input: AssemblyInput,
    private readonly statuses: Statuses,
    summary: Summary,
  ) {
    this.summary = summary;
  }

  /** Indexes (into the scan's documents) of the documents the report lists, in order. */
  documentIndexes(): number[] {
    const out: number[] = [];
    this.input.corpus.docs.forEach((doc, i) => {
      if (!doc.context) out.push(i);
    });
    return out;
  }

  private groupData(): GroupReports {
    this.groupReports ??= buildGroupReports(this.input.corpus, this.input.noise, this.input.clusters, this.input.grouping, this.comparisonRule(), this.input.edges);
    return this.groupReports;
  }

  /** The syndication groups with their provenance (aligns each member with its original). */
  groups(): GroupReport[] {
    return this.groupData().groups;
  }

  /** Story-level reuse of the stories compared whole (rewrite/story-pairs.ts), made when first asked for. */
  storyPairs(): StoryPairReport[] {
    this.pairs ??= buildStoryPairs(this.input, this.input.channelStoryPairs, this.options);
    return this.pairs;
  }

  /** Paths of the listed documents, in order, then of the context documents. */
  files(): string[] {
    const { docs } = this.input.corpus;
    return [...docs.filter((d) => !d.context), ...docs.filter((d) => d.context)].map((d) => d.id);
  }

  /**
   * A group member aligned with its group's original, paragraph by paragraph: the blocks its
   * `comparison` counts (repeats and boilerplate left out), with the segments of both documents
   * and the word operations. `member` and `reference` index the group's `members`; `reference`
   * defaults to the original (a group whose original is undecided has none: name a member).
   * Null when there is nothing to compare with, or when the group or a member does not exist.
   */
  memberAlignment(groupId: number, member: number, reference?: number): DiffBlock[] | null {
    const group = this.groups()[groupId - 1];
    const units = this.input.grouping.groups[groupId - 1];
    if (!group || !units) return null;
    const from = reference ?? group.members.findIndex((m) => m.role === 'original');
    const inGroup = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < units.length;
    if (!inGroup(from) || !inGroup(member) || from === member) return null;
    const { corpus, noise, clusters, grouping, edges } = this.input;
    return alignStories(corpus, noise, clusters, grouping, this.comparisonRule(), edges, units[from]!, units[member]!);
  }

  /**
   * The rule group comparisons align by: the scan's options, whose seed pairs reworded paragraphs
   * by passage alignment, or without --no-reworded's (the group lines still counted reworded
   * paragraphs as edited where the table no longer did; found by a new user).
   */
  private comparisonRule(): AlignRule {
    const { threshold, containment, seed, minWords, agencies } = this.options;
    // Named, not the options whole: the report's options carry `reworded` (the mode, a string),
    // which an alignment rule reads as the scan's reworded pairs (align.ts, AlignRule).
    const credits = agencies !== undefined && agencies.length > 0 ? { agencies } : {};
    const withSeed: AlignRule = { threshold, containment, seed, minWords, ...credits };
    return this.input.rewording === false ? { threshold, containment, ...credits } : withSeed;
  }

  /** The reports of the listed documents, each made when reached. */
  *documents(): Generator<DocumentReport> {
    for (const i of this.documentIndexes()) yield this.document(i);
  }

  /** Status, words, repeat and template of every paragraph of the listed documents, without their reports. */
  *paragraphs(): Generator<{ status: SegmentStatus; words: number; repeat: boolean; template: TemplateKind | null; document: string; continues: boolean }> {
    const { corpus, noise } = this.input;
    for (let p = 0; p < corpus.size; p++) {
      const doc = corpus.docs[corpus.paragraphDoc[p]!]!;
      if (doc.context) continue;
      yield {
        status: statusOf(this.statuses, p),
        words: corpus.words[p]!,
        repeat: noise.repeated[p] === 1,
        template: templateOf(this.statuses, p),
        document: doc.id,
        continues: continuesParagraph(doc, corpus.paragraphIndex[p]!),
      };
    }
  }

  /** Every listed document's report without its paragraphs, in order (no match is listed: cheap). */
  documentHeads(): DocumentHead[] {
    return this.documentIndexes().map((i) => documentHead(this.input, this.statuses, i));
  }

  /** The report of one document (by index into the scan's documents); `head`, its head when already made (documentHeads). */
  document(docIndex: number, head?: DocumentHead): DocumentReport {
    return assembleDocument(this.input, this.statuses, this.groupData().originalDocOfStory, docIndex, head);
  }

  /** The whole report, held in memory. */
  report(): Report {
    const documents = [...this.documents()];
    return { schemaVersion: SCHEMA_VERSION, options: this.options, summary: this.summary, documents, groups: this.groups(), storyPairs: this.storyPairs(), warnings: [...this.warnings] };
  }
}

/**
 * The verified pairs (edges), found and verified here or given (`verified`), and how many
 * candidate pairs were measured. The candidates themselves are not kept past verification:
 * their shingle sets, copied flat for it (scan/edges.ts), were 20 MB of a PAN scan's peak
 * memory while the later stages ran.
 */
function verifiedPairs(
  corpus: Corpus,
  options: ResolvedOptions,
  given: FinishOptions['verified'],
  clock: Clock,
): { edges: Edges; candidatePairs: number; candidatesMs: number; verifyMs: number } {
  let t = clock();
  const external = given?.(corpus);
  if (external) return { ...external, candidatesMs: clock() - t, verifyMs: 0 };
  const candidates = findCandidates(corpus, options.bands);
  const candidatesMs = clock() - t;
  t = clock();
  const edges = verifyCandidates(corpus, candidates, options);
  return { edges, candidatePairs: candidates.pairs.length, candidatesMs, verifyMs: clock() - t };
}

/**
 * Runs the report stages that every caller needs (up to each paragraph's status) over prepared
 * documents; `earlier` are the prepare stages' timings. What is left is done by the analysis
 * on demand (`report`, `document`, `groups`).
 */
export async function analyse(
  prepared: readonly PreparedDocument[],
  options: ResolvedOptions,
  extraWarnings: readonly Warning[],
  finish: FinishOptions = {},
  clock: Clock = noClock,
  earlier: PrepareTimings = { segment: 0, normalize: 0, shingle: 0, sign: 0 },
): Promise<{ analysis: ScanAnalysis; timings: StageTimings }> {
  const ordered = orderDocuments(prepared);
  const warnings = [...extraWarnings, ...ordered.warnings];
  let t = clock();
  const corpus = collectVariants(ordered.docs);
  const variantsMs = clock() - t;
  const helpers = finish.helpers ?? ON_THIS_THREAD;
  const rewording = finish.rewording ?? true;
  // Documents in content order: where a stage picks among documents, it picks by content, so
  // that renaming files changes nothing (variants.ts).
  const documentRank = contentRanks(corpus);
  // The noise, the near copies and the words' document frequencies, and the rewrite stage
  // started: with helper threads its channel's signing starts now and runs beside the
  // candidates (it needs the scan's very common words, so all of these first); on one thread it
  // waits until the stage asks, and they are found after the candidates (found before, the
  // noise's arrays alive through them made PAN's candidates 0.2 s slower).
  const beforeRewrite = (): { noise: Noise; frequencies: ScanFrequencies | null; rewriteStart: RewriteStart | null; noiseMs: number; startMs: number } => {
    const noiseStart = clock();
    const noise = findNoise(corpus);
    // Copies of one document, word for word or nearly, are one text (copied-pairs.ts), for the
    // word frequencies and the rewrite stage: none found when neither is made.
    const counted = finish.frequencies !== undefined ? finish.frequencies !== null : corpus.docs.length >= COMMON_MIN_DOCUMENTS;
    const texts = rewording || counted ? nearCopies(corpus, noise, documentRank) : undefined;
    const noiseMs = clock() - noiseStart;
    const start = clock();
    // Given (check: the archive's and the batch's) or counted on the scan's documents, each
    // text once: the rewrite stage weighs words by them, and grouping tells names by them (fills.ts).
    const frequencies =
      finish.frequencies !== undefined
        ? finish.frequencies && countingTextsOnce(finish.frequencies, corpus, texts!, () => true)
        : scanFrequencies(corpus, texts);
    const rewriteStart = rewording ? startRewrite(corpus, options.seed, helpers, documentRank, frequencies, finish.thoroughRewording === true, texts) : null;
    return { noise, frequencies, rewriteStart, noiseMs, startMs: clock() - start };
  };
  const early = helpers.threads > 0 ? beforeRewrite() : null;
  const { edges: verified, candidatePairs, candidatesMs: foundMs, verifyMs } = verifiedPairs(corpus, options, finish.verified, clock);
  const candidatesMs = foundMs + variantsMs;
  const found = early ?? beforeRewrite();
  const { frequencies, rewriteStart, startMs: rewriteStartMs } = found;
  // Stories the layout joined and the verified pairs tell apart (a digest of two wire stories' ledes).
  t = clock();
  const noise = splitStoriesByLinks(corpus, verified, found.noise, options.minWords);
  const noiseMs = found.noiseMs + clock() - t;

  t = clock();
  const rewrite = rewriteStart
    ? await addRewordedEdges(corpus, verified, noise, options.minWords, options.seed, rewriteStart, helpers)
    : { edges: verified, storyPairs: [], rewordedPairs: 0 };
  const edges = rewrite.edges;
  const rewriteMs = clock() - t + rewriteStartMs;

  t = clock();
  const clusters = buildClusters(corpus, edges, noise, options.minWords, templateFills(corpus, noise, frequencies, options.seed));
  const grouping = listedGroupsOnly(
    groupDocuments(clusters.storyWords, clusters.inputs, identicalStories(corpus, noise, options.minWords), storyRanks(noise.stories, documentRank)),
    (story) => corpus.docs[noise.stories[story]!.doc]!.context !== true,
  );
  const clusterMs = clock() - t + noiseMs;

  t = clock();
  const matches = new MatchLister(corpus, edges, { ...options, wordOps: finish.wordOps ?? true });
  const summary: Summary = {
    documents: 0,
    paragraphs: 0,
    continuingPieces: 0,
    shared: 0,
    edited: 0,
    unique: 0,
    boilerplate: 0,
    repeats: 0,
    groups: grouping.groups.length,
    clusters: clusters.inputs.length,
    candidatePairs,
    verifiedPairs: edges.verifiedPairs,
    rewordedPairs: rewrite.rewordedPairs,
  };
  const input: AssemblyInput = { corpus, noise, clusters, grouping, matches, minWords: options.minWords, edges, channelStoryPairs: rewrite.storyPairs, rewording };
  const statuses = classifyAll(input, summary);
  const reworded: RewordingMode = !rewording ? 'off' : finish.thoroughRewording === true ? 'thorough' : 'precise';
  const agencies = finish.agencies !== undefined && finish.agencies.length > 0 ? { agencies: [...finish.agencies] } : {};
  const analysis = new ScanAnalysis({ ...options, reworded, ...agencies }, warnings, input, statuses, summary);
  const timings = { ...earlier, candidates: candidatesMs, verify: verifyMs, rewrite: rewriteMs, cluster: clusterMs, report: clock() - t };
  return { analysis, timings };
}

/** Runs every report stage over prepared documents (analyse's arguments) and returns the whole report. */
export async function buildReport(...args: Parameters<typeof analyse>): Promise<ScanResult> {
  const { analysis, timings } = await analyse(...args);
  const clock = args[4] ?? noClock;
  const t = clock();
  const report = analysis.report();
  return { report, timings: { ...timings, report: timings.report + clock() - t } };
}

/** Incremental scan: `add` documents in any order, then `finish` once. */
export class Scanner {
  private readonly prepared: PreparedDocument[] = [];

  constructor(
    private readonly signer: Signer,
    private readonly clock: Clock = noClock,
  ) {}

  get options(): ResolvedOptions {
    return this.signer.options;
  }

  add(doc: InputDocument): void {
    this.prepared.push(this.signer.prepare(doc));
  }

  /**
   * Adds a document prepared elsewhere (a worker thread, the index). It must have been prepared
   * with the same options; pass `context: true` to match against it without reporting it.
   */
  addPrepared(doc: PreparedDocument): void {
    this.prepared.push(doc);
  }

  finish(extraWarnings: readonly Warning[] = [], options: FinishOptions = {}): Promise<ScanResult> {
    return buildReport(this.prepared, this.signer.options, extraWarnings, options, this.clock, this.signer.timings);
  }
}

export async function createScanner(options: ResolvedOptions, clock?: Clock): Promise<Scanner> {
  return new Scanner(await createSigner(options, clock), clock);
}

/** A library caller's documents that cannot be scanned as given: which one, and why. */
export class DocumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentsError';
  }
}

/**
 * The documents as scanDocuments takes them, checked: an array of `{id, text}` with string ids
 * and texts (a missing text was a TypeError from deep inside, a numeric id a report its own
 * schema refused), and ids unique unless the text is the same too (a reprint given the id of
 * another feed's article was dropped with a warning, where the CLI stops; both found by a new
 * user).
 */
export function checkedDocuments(docs: unknown): InputDocument[] {
  if (!Array.isArray(docs)) throw new DocumentsError(`documents must be an array of {id, text}, got ${docs === null ? 'null' : typeof docs}`);
  const firstOf = new Map<string, number>();
  return docs.map((doc: unknown, k): InputDocument => {
    const checked = checkedDocument(doc, `documents[${k}]`);
    const first = firstOf.get(checked.id);
    // Compared as scanned: a byte order mark is no text (Signer.prepare).
    if (first !== undefined && withoutBom((docs[first] as { text: string }).text) !== withoutBom(checked.text)) {
      throw new DocumentsError(`documents[${k}]: id ${JSON.stringify(checked.id)} is already used by documents[${first}] with another text; ids must be unique`);
    }
    if (first === undefined) firstOf.set(checked.id, k);
    return checked;
  });
}

/** One document checked (checkedDocuments), named `where` in the error. */
function checkedDocument(doc: unknown, where: string): InputDocument {
  if (typeof doc !== 'object' || doc === null) throw new DocumentsError(`${where} must be an object {id, text}, got ${doc === null ? 'null' : typeof doc}`);
  const { id, text } = doc as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || id === '') {
    // JSONL ids may be numbers (the reader writes them as strings); a library caller writes String(id).
    const got = typeof id === 'number' || typeof id === 'bigint' ? `the ${typeof id} ${String(id)} (give String(id))` : id === '' ? '""' : id === null ? 'null' : typeof id;
    throw new DocumentsError(`${where}: id must be a non-empty string, got ${got}`);
  }
  if (typeof text !== 'string') throw new DocumentsError(`${where} (${JSON.stringify(id)}): text must be a string, got ${text === null ? 'null' : typeof text}`);
  return doc as InputDocument;
}

/**
 * `dedupe diff` of two texts in memory: their paragraphs aligned, with counts, coverage both ways
 * and each block's word operations, as `dedupe diff --json` gives them for two files (the
 * library had no way to compare two texts without writing them to files; found by a new user).
 */
export async function diffTexts(from: InputDocument, to: InputDocument, options: Partial<ScanOptions> = {}): Promise<DiffReport> {
  const [a, b] = [checkedDocument(from, 'from'), checkedDocument(to, 'to')];
  const resolved = resolveOptions(options);
  const signer = await createSigner(resolved);
  return diffDocuments(signer.prepare(a), signer.prepare(b), resolved);
}

/** Convenience for library users: scan a list of documents in one call (checkedDocuments says what it takes). */
export async function scanDocuments(docs: readonly InputDocument[], options: Partial<ScanOptions> = {}): Promise<Report> {
  const checked = checkedDocuments(docs);
  const scanner = await createScanner(resolveOptions(options));
  for (const doc of checked) scanner.add(doc);
  return (await scanner.finish()).report;
}
