/**
 * The scan pipeline: documents in, one `Report` out. Pure apart from instantiating the
 * xxhash wasm module; no console, process, file system or colour.
 *
 *   segment → normalise → shingle → sign (MinHash) → candidates (LSH) → verify → classify → cluster
 *
 * Documents are prepared (segmented and signed) as they are added, so a caller streaming
 * files holds signatures, not raw buffers. `finish` sorts documents by id before anything
 * order-dependent happens: the report does not depend on the order documents were added.
 *
 * Identical paragraphs (same normalised tokens) collapse into one *variant* first; LSH and
 * verification run over variants, so a footer repeated on a thousand pages is signed and
 * compared once, not a million times.
 */
import { groupDocuments, type ClusterInput } from './cluster.js';
import { loadXXHash, TokenHasher } from './hash.js';
import { bandKeys, candidatePairs } from './lsh.js';
import { MinHasher } from './minhash.js';
import { tokenize } from './normalize.js';
import { resolveOptions } from './options.js';
import { segment, type Segment } from './segment.js';
import {
  SCHEMA_VERSION,
  type DocumentReport,
  type InputDocument,
  type Layout,
  type Match,
  type Report,
  type ResolvedOptions,
  type ScanOptions,
  type SegmentReport,
  type SegmentStatus,
  type StageTimings,
  type Warning,
} from './types.js';
import { UnionFind } from './unionfind.js';
import { isDerived, overlap, toSortedSet, type Overlap } from './verify.js';

/** Character shingles for unspaced scripts span 2k-1 characters: about k words of Chinese. */
export function shingleLength(shingleSize: number, unspaced: boolean): number {
  return unspaced ? 2 * shingleSize - 1 : shingleSize;
}

/** A paragraph after normalising and signing. */
export interface PreparedParagraph {
  segment: Segment;
  words: number;
  /** 64-bit hash of the normalised tokens; null when the paragraph has no words. */
  textKey: string | null;
  /** Sorted distinct shingle hashes; null when the paragraph is too short to be compared (matched only exactly). */
  shingles: Uint32Array | null;
  /** LSH band keys of the signature; null exactly when `shingles` is. */
  bandKeys: Uint32Array | null;
  /** The MinHash signature itself, kept only when asked for (the index stores it). */
  signature?: Uint32Array;
}

export interface PreparedDocument {
  id: string;
  /**
   * A context document (an archived article in `dedupe check`) takes part in matching and
   * grouping and can be named in matches, but is not itself listed in the report's documents.
   */
  context?: boolean;
  layout: Layout;
  lineCount: number;
  words: number;
  paragraphs: PreparedParagraph[];
}

export interface ScanResult {
  report: Report;
  timings: StageTimings;
}

/** Injected clock (milliseconds); the core does not read time itself. */
export type Clock = () => number;

const noClock: Clock = () => 0;

export type PrepareTimings = Pick<StageTimings, 'segment' | 'normalize' | 'shingle' | 'sign'>;

/**
 * Segments, normalises, shingles and signs documents: the per-document half of the pipeline,
 * which the persistent index (issue 4) reuses.
 */
export class Signer {
  readonly timings: PrepareTimings = { segment: 0, normalize: 0, shingle: 0, sign: 0 };
  private readonly signatureScratch: Uint32Array;
  private readonly banding: { bands: number; rows: number };

  constructor(
    readonly options: ResolvedOptions,
    private readonly hasher: TokenHasher,
    private readonly minHasher: MinHasher,
    private readonly clock: Clock = noClock,
  ) {
    this.signatureScratch = new Uint32Array(options.numHashes);
    this.banding = { bands: options.bands, rows: options.rows };
  }

  prepare(doc: InputDocument, keepSignatures = false): PreparedDocument {
    const clock = this.clock;
    const timings = this.timings;
    let t = clock();
    const { layout, lineCount, segments } = segment(doc.text, this.options.segment);
    let now = clock();
    timings.segment += now - t;
    let words = 0;
    const paragraphs = segments.map((seg): PreparedParagraph => {
      t = now;
      const { tokens, unspaced } = tokenize(seg.text);
      const textKey = tokens.length > 0 ? this.hasher.textKey(tokens) : null;
      now = clock();
      timings.normalize += now - t;
      words += tokens.length;
      const paragraph: PreparedParagraph = { segment: seg, words: tokens.length, textKey, shingles: null, bandKeys: null };
      const size = shingleLength(this.options.shingleSize, unspaced);
      if (tokens.length < this.options.minWords || tokens.length < size) return paragraph;
      t = now;
      const hashes = this.hasher.shingles(tokens, size);
      paragraph.shingles = toSortedSet(hashes.lo);
      now = clock();
      timings.shingle += now - t;
      t = now;
      const signature = this.minHasher.sign(hashes, keepSignatures ? undefined : this.signatureScratch)!;
      paragraph.bandKeys = bandKeys(signature, this.banding);
      if (keepSignatures) paragraph.signature = signature;
      now = clock();
      timings.sign += now - t;
      return paragraph;
    });
    return { id: doc.id, layout, lineCount, words, paragraphs };
  }
}

export async function createSigner(options: Partial<ScanOptions> = {}, clock?: Clock): Promise<Signer> {
  const resolved = resolveOptions(options);
  const api = await loadXXHash();
  return new Signer(
    resolved,
    new TokenHasher(api, resolved.seed),
    new MinHasher(resolved.numHashes, resolved.seed),
    clock,
  );
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
   * Adds a document prepared elsewhere (for instance loaded from the index). It must have been
   * prepared with the same options; pass `context: true` to match against it without reporting it.
   */
  addPrepared(doc: PreparedDocument): void {
    this.prepared.push(doc);
  }

  finish(extraWarnings: readonly Warning[] = []): ScanResult {
    return buildReport(this.prepared, this.signer.options, extraWarnings, this.clock, this.signer.timings);
  }
}

export async function createScanner(options: Partial<ScanOptions> = {}, clock?: Clock): Promise<Scanner> {
  return new Scanner(await createSigner(options, clock), clock);
}

/** Convenience for library users: scan a list of documents in one call. */
export async function scanDocuments(docs: readonly InputDocument[], options: Partial<ScanOptions> = {}): Promise<Report> {
  const scanner = await createScanner(options);
  for (const doc of docs) scanner.add(doc);
  return scanner.finish().report;
}

interface Variant {
  /** Global paragraph numbers, ascending (document order, then position). */
  members: number[];
  shingles: Uint32Array | null;
  bandKeys: Uint32Array | null;
  /** The one document all members are in, or -1 when they span several. */
  soleDocument: number;
}

interface Edge {
  other: number;
  overlap: Overlap;
  /** True when `other` is the second variant of the pair (so containment directions swap). */
  reversed: boolean;
}

function buildReport(
  unsorted: PreparedDocument[],
  options: ResolvedOptions,
  extraWarnings: readonly Warning[],
  clock: Clock,
  earlier: PrepareTimings,
): ScanResult {
  const warnings: Warning[] = [...extraWarnings];
  const sorted = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs: PreparedDocument[] = [];
  for (const doc of sorted) {
    if (docs.length > 0 && docs[docs.length - 1]!.id === doc.id) {
      warnings.push({ code: 'duplicate-id', path: doc.id, message: `${doc.id}: given more than once; scanned once` });
      continue;
    }
    docs.push(doc);
  }

  // Global paragraph numbering and exact-text variants.
  let t = clock();
  const paragraphDoc: number[] = [];
  const paragraphs: PreparedParagraph[] = [];
  const firstParagraphOf: number[] = [];
  const variantOf: number[] = [];
  const variants: Variant[] = [];
  const variantByKey = new Map<string, number>();
  docs.forEach((doc, docIndex) => {
    firstParagraphOf.push(paragraphs.length);
    for (const paragraph of doc.paragraphs) {
      const p = paragraphs.length;
      paragraphs.push(paragraph);
      paragraphDoc.push(docIndex);
      if (paragraph.textKey === null) {
        variantOf.push(-1);
        continue;
      }
      let v = variantByKey.get(paragraph.textKey);
      if (v === undefined) {
        v = variants.length;
        variants.push({ members: [], shingles: paragraph.shingles, bandKeys: paragraph.bandKeys, soleDocument: docIndex });
        variantByKey.set(paragraph.textKey, v);
      }
      const variant = variants[v]!;
      if (variant.soleDocument !== docIndex) variant.soleDocument = -1;
      variant.members.push(p);
      variantOf.push(v);
    }
  });

  // Candidates: LSH over the variants long enough to be compared.
  const comparable: number[] = [];
  variants.forEach((variant, v) => {
    if (variant.bandKeys) comparable.push(v);
  });
  const keys = new Uint32Array(comparable.length * options.bands);
  comparable.forEach((v, i) => keys.set(variants[v]!.bandKeys!, i * options.bands));
  const pairs = candidatePairs(keys, comparable.length, options.bands);
  const candidatesMs = clock() - t;

  // Verification: exact overlap of shingle sets; only derived pairs become edges.
  t = clock();
  const edges: Edge[][] = variants.map(() => []);
  let verifiedPairs = 0;
  const count = comparable.length;
  for (const packed of pairs) {
    const a = comparable[Math.floor(packed / count)]!;
    const b = comparable[packed % count]!;
    const va = variants[a]!;
    const vb = variants[b]!;
    // Both only ever in the same single document: says nothing about reuse across documents.
    if (va.soleDocument >= 0 && va.soleDocument === vb.soleDocument) continue;
    const o = overlap(va.shingles!, vb.shingles!);
    if (!isDerived(o, options.threshold, options.containment)) continue;
    verifiedPairs++;
    edges[a]!.push({ other: b, overlap: o, reversed: false });
    edges[b]!.push({ other: a, overlap: o, reversed: true });
  }
  const verifyMs = clock() - t;

  // Paragraph clusters: variants joined by derived pairs. Ids go to clusters spanning two or
  // more documents, in order of their first paragraph.
  t = clock();
  const variantSets = new UnionFind(variants.length);
  edges.forEach((list, a) => {
    for (const edge of list) variantSets.union(a, edge.other);
  });
  const clusterOfRoot = new Map<number, number>();
  const clusterInputs: ClusterInput[] = [];
  const docsOfRoot = new Map<number, Set<number>>();
  for (let p = 0; p < paragraphs.length; p++) {
    const v = variantOf[p]!;
    if (v < 0) continue;
    const root = variantSets.find(v);
    let set = docsOfRoot.get(root);
    if (!set) docsOfRoot.set(root, (set = new Set()));
    set.add(paragraphDoc[p]!);
  }
  const paragraphCluster = new Int32Array(paragraphs.length).fill(-1);
  const repeatOf = new Int32Array(paragraphs.length).fill(-1);
  docs.forEach((doc, docIndex) => {
    const firstByKey = new Map<string, number>();
    doc.paragraphs.forEach((paragraph, index) => {
      const p = firstParagraphOf[docIndex]! + index;
      if (paragraph.textKey !== null) {
        const first = firstByKey.get(paragraph.textKey);
        if (first === undefined) firstByKey.set(paragraph.textKey, index);
        else repeatOf[p] = first;
      }
      const v = variantOf[p]!;
      if (v < 0) return;
      const root = variantSets.find(v);
      if (docsOfRoot.get(root)!.size < 2) return;
      let cluster = clusterOfRoot.get(root);
      if (cluster === undefined) {
        cluster = clusterInputs.length;
        clusterOfRoot.set(root, cluster);
        clusterInputs.push({ wordsByDocument: new Map(), eligible: false });
      }
      paragraphCluster[p] = cluster;
      const input = clusterInputs[cluster]!;
      if (paragraph.words >= options.minWords) input.eligible = true;
      if (repeatOf[p]! < 0) input.wordsByDocument.set(docIndex, (input.wordsByDocument.get(docIndex) ?? 0) + paragraph.words);
    });
  });
  const grouping = groupDocuments(
    docs.map((d) => d.words),
    clusterInputs,
  );
  const clusterMs = clock() - t;

  // Classification and the report.
  t = clock();
  const matchesOf = (p: number): { status: SegmentStatus; matches: Match[]; matchCount: number } => {
    const v = variantOf[p]!;
    if (v < 0) return { status: 'unique', matches: [], matchCount: 0 };
    const doc = paragraphDoc[p]!;
    const describe = (q: number, status: Match['status'], o: Overlap | null, reversed: boolean): Match => {
      const other = paragraphs[q]!.segment;
      return {
        path: docs[paragraphDoc[q]!]!.id,
        segment: other.index,
        startLine: other.startLine,
        endLine: other.endLine,
        status,
        similarity: o ? round(o.jaccard) : 1,
        containment: o ? round(reversed ? o.containmentOfB : o.containmentOfA) : 1,
        reverseContainment: o ? round(reversed ? o.containmentOfA : o.containmentOfB) : 1,
      };
    };
    // Members are in paragraph order, so this document's own ones are a run: count and skip
    // it instead of visiting every member for every member (quadratic in how many pages carry
    // the same footer line).
    const members = variants[v]!.members;
    const ownStart = firstIndexAtLeast(members, firstParagraphOf[doc]!);
    const ownEnd = firstIndexAtLeast(members, firstParagraphOf[doc]! + docs[doc]!.paragraphs.length);
    const exactCount = members.length - (ownEnd - ownStart);
    const exactListed = options.maxMatches === 0 ? exactCount : Math.min(exactCount, options.maxMatches);
    const exact: Match[] = [];
    for (let i = 0; exact.length < exactListed; i++) {
      if (i === ownStart) i = ownEnd;
      exact.push(describe(members[i]!, 'shared', null, false));
    }
    const edited: Match[] = [];
    const seen = new Set<number>();
    for (const edge of edges[v]!) {
      for (const q of variants[edge.other]!.members) {
        if (paragraphDoc[q] === doc || seen.has(q)) continue;
        seen.add(q);
        edited.push(describe(q, 'edited', edge.overlap, edge.reversed));
      }
    }
    edited.sort(
      (x, y) =>
        y.similarity - x.similarity ||
        y.containment - x.containment ||
        (x.path < y.path ? -1 : x.path > y.path ? 1 : 0) ||
        x.segment - y.segment,
    );
    const matchCount = exactCount + edited.length;
    const status: SegmentStatus = exactCount > 0 ? 'shared' : edited.length > 0 ? 'edited' : 'unique';
    const all = exact.concat(edited);
    return { status, matches: options.maxMatches === 0 ? all : all.slice(0, options.maxMatches), matchCount };
  };

  const summary = {
    documents: 0,
    paragraphs: 0,
    shared: 0,
    edited: 0,
    unique: 0,
    repeats: 0,
    groups: grouping.groups.length,
    clusters: clusterInputs.length,
    candidatePairs: pairs.length,
    verifiedPairs,
  };
  const documents: DocumentReport[] = [];
  docs.forEach((doc, docIndex) => {
    if (doc.context) return;
    summary.documents++;
    summary.paragraphs += doc.paragraphs.length;
    const counts = { shared: 0, edited: 0, unique: 0, repeats: 0 };
    let countedWords = 0;
    let reusedWords = 0;
    const segments = doc.paragraphs.map((paragraph, index): SegmentReport => {
      const p = firstParagraphOf[docIndex]! + index;
      const { status, matches, matchCount } = matchesOf(p);
      const cluster = paragraphCluster[p]!;
      const boilerplate = cluster >= 0 && grouping.boilerplate[cluster] === true;
      counts[status]++;
      summary[status]++;
      const report: SegmentReport = {
        index,
        startLine: paragraph.segment.startLine,
        endLine: paragraph.segment.endLine,
        words: paragraph.words,
        status,
        cluster: cluster >= 0 ? cluster + 1 : null,
        matches,
        matchCount,
        text: paragraph.segment.text,
      };
      if (repeatOf[p]! >= 0) {
        report.repeatOf = repeatOf[p]!;
        counts.repeats++;
        summary.repeats++;
      } else {
        countedWords += paragraph.words;
        if (status !== 'unique' && !boilerplate) reusedWords += paragraph.words;
      }
      if (boilerplate) report.boilerplate = true;
      return report;
    });
    const group = grouping.groupOf[docIndex]!;
    documents.push({
      path: doc.id,
      layout: doc.layout,
      lines: doc.lineCount,
      words: doc.words,
      counts,
      reusedShare: countedWords === 0 ? 0 : round(reusedWords / countedWords),
      group: group >= 0 ? group + 1 : null,
      segments,
    });
  });
  // One pass over the clusters, not one per group: groups x clusters took 56 s of a 100 MB scan.
  const linking = grouping.groups.map(() => new Set<number>());
  clusterInputs.forEach((cluster, id) => {
    if (!cluster.eligible || grouping.boilerplate[id]) return;
    for (const doc of cluster.wordsByDocument.keys()) linking[grouping.groupOf[doc]!]?.add(id);
  });
  const groups = grouping.groups.map((members, index) => ({
    id: index + 1,
    documents: members.map((d) => docs[d]!.id),
    clusters: linking[index]!.size,
  }));
  const report: Report = { schemaVersion: SCHEMA_VERSION, options, summary, documents, groups, warnings };
  return {
    report,
    timings: {
      ...earlier,
      candidates: candidatesMs,
      verify: verifyMs,
      cluster: clusterMs,
      report: clock() - t,
    },
  };
}

/** Index of the first value >= `target` in ascending `values` (their length when none is). */
function firstIndexAtLeast(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Similarities are reported to three decimals: enough to rank, stable across platforms. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
