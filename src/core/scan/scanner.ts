/**
 * The scan: prepared documents in, one `Report` out, through named stages. Pure: no console,
 * process, file system or colour; time comes from an injected clock.
 *
 *   variants.ts   documents ordered, paragraphs numbered, identical texts collapsed
 *   edges.ts      candidate pairs (LSH, containment anchors) verified exactly
 *   noise.ts      repeats inside a file, junk lines, stories
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
import type { Clock, PreparedDocument, PrepareTimings } from '../model.js';
import { resolveOptions } from '../options.js';
import { SCHEMA_VERSION, type InputDocument, type Report, type ResolvedOptions, type ScanOptions, type StageTimings, type Summary, type Warning } from '../types.js';
import { assembleDocuments } from './assemble.js';
import { buildClusters, identicalStories } from './clusters.js';
import { findCandidates, verifyCandidates } from './edges.js';
import { buildGroupReports } from './groups.js';
import { groupDocuments } from './grouping.js';
import { MatchLister } from './matches.js';
import { findNoise } from './noise.js';
import { collectVariants, orderDocuments } from './variants.js';

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
}

const noClock: Clock = () => 0;

/** Runs the report stages over prepared documents; `earlier` are the prepare stages' timings. */
export function buildReport(
  prepared: readonly PreparedDocument[],
  options: ResolvedOptions,
  extraWarnings: readonly Warning[],
  finish: FinishOptions = {},
  clock: Clock = noClock,
  earlier: PrepareTimings = { segment: 0, normalize: 0, shingle: 0, sign: 0 },
): ScanResult {
  const ordered = orderDocuments(prepared);
  const warnings = [...extraWarnings, ...ordered.warnings];
  let t = clock();
  const corpus = collectVariants(ordered.docs);
  const candidates = findCandidates(corpus, options.bands);
  const candidatesMs = clock() - t;

  t = clock();
  const edges = verifyCandidates(corpus, candidates, options);
  const verifyMs = clock() - t;

  t = clock();
  const noise = findNoise(corpus);
  const clusters = buildClusters(corpus, edges.byVariant, noise, options.minWords);
  const grouping = groupDocuments(clusters.storyWords, clusters.inputs, identicalStories(corpus, noise, options.minWords));
  const clusterMs = clock() - t;

  t = clock();
  const { groups, originalDocOfStory } = buildGroupReports(corpus, noise, clusters, grouping, options);
  const matches = new MatchLister(corpus, edges.byVariant, { ...options, wordOps: finish.wordOps ?? true });
  const summary: Summary = {
    documents: 0,
    paragraphs: 0,
    shared: 0,
    edited: 0,
    unique: 0,
    boilerplate: 0,
    repeats: 0,
    groups: grouping.groups.length,
    clusters: clusters.inputs.length,
    candidatePairs: candidates.pairs.length,
    verifiedPairs: edges.verifiedPairs,
  };
  const documents = assembleDocuments({ corpus, noise, clusters, grouping, matches, originalDocOfStory, minWords: options.minWords }, summary);
  const report: Report = { schemaVersion: SCHEMA_VERSION, options, summary, documents, groups, warnings };
  const timings = { ...earlier, candidates: candidatesMs, verify: verifyMs, cluster: clusterMs, report: clock() - t };
  return { report, timings };
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

  finish(extraWarnings: readonly Warning[] = [], options: FinishOptions = {}): ScanResult {
    return buildReport(this.prepared, this.signer.options, extraWarnings, options, this.clock, this.signer.timings);
  }
}

export async function createScanner(options: ResolvedOptions, clock?: Clock): Promise<Scanner> {
  return new Scanner(await createSigner(options, clock), clock);
}

/** Convenience for library users: scan a list of documents in one call. */
export async function scanDocuments(docs: readonly InputDocument[], options: Partial<ScanOptions> = {}): Promise<Report> {
  const scanner = await createScanner(resolveOptions(options));
  for (const doc of docs) scanner.add(doc);
  return scanner.finish().report;
}
