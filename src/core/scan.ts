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
import { type AlignParagraph } from './align.js';
import { groupDocuments, type ClusterInput } from './cluster.js';
import { loadXXHash, TokenHasher } from './hash.js';
import { addAnchorPairs, PairBuffer } from './candidates.js';
import { addBandPairs, bandKeys } from './lsh.js';
import { MinHasher } from './minhash.js';
import { isChrome, JUNK_KINDS, junkKind } from './junk.js';
import { tokenize } from './normalize.js';
import { resolveOptions } from './options.js';
import { analyseGroup, type StoryView } from './provenance.js';
import { segment, type Segment } from './segment.js';
import { detectStories, looksLikeHeadline, type StorySpan } from './stories.js';
import {
  SCHEMA_VERSION,
  type BoilerplateKind,
  type DocumentReport,
  type GroupMember,
  type GroupReport,
  type InputDocument,
  type Layout,
  type Match,
  type Report,
  type ResolvedOptions,
  type ScanOptions,
  type SegmentReport,
  type SegmentStatus,
  type StageTimings,
  type StoryReport,
  type Warning,
} from './types.js';
import { UnionFind } from './unionfind.js';
import { CONTAINED_MIN_SHARE, isDerived, overlap, round3, toSortedSet, type Overlap } from './verify.js';
import { WordDiffer } from './worddiff.js';

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
  /** The first and last shingles (containment anchors, see candidates.ts); null exactly when `shingles` is. */
  anchors: Uint32Array | null;
  /** The MinHash signature itself, kept only when asked for (the index stores it). */
  signature?: Uint32Array;
  /** The paragraph is a known line of publishing-system chrome ("Leave a Reply"). */
  chrome?: true;
}

export interface PreparedDocument {
  id: string;
  /**
   * A context document (an archived article in `dedupe check`) takes part in matching and
   * grouping and can be named in matches, but is not itself listed in the report's documents.
   */
  context?: boolean;
  modifiedAt?: number;
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
      const paragraph: PreparedParagraph = { segment: seg, words: tokens.length, textKey, shingles: null, bandKeys: null, anchors: null };
      if (isChrome(tokens)) paragraph.chrome = true;
      const size = shingleLength(this.options.shingleSize, unspaced);
      if (tokens.length < this.options.minWords || tokens.length < size) return paragraph;
      t = now;
      const hashes = this.hasher.shingles(tokens, size);
      paragraph.shingles = toSortedSet(hashes.lo);
      paragraph.anchors = Uint32Array.of(hashes.lo[0]!, hashes.lo[hashes.lo.length - 1]!);
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
    const prepared: PreparedDocument = { id: doc.id, layout, lineCount, words, paragraphs };
    if (doc.modifiedAt !== undefined) prepared.modifiedAt = doc.modifiedAt;
    return prepared;
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

  /**
   * Builds the report. `wordOps: false` leaves out the word operations of edited matches, for
   * callers that will not show them (the human report without --diff): computing them is a
   * good part of the report's cost on a large corpus.
   */
  finish(extraWarnings: readonly Warning[] = [], output: { wordOps?: boolean } = {}): ScanResult {
    return buildReport(this.prepared, this.signer.options, extraWarnings, this.clock, this.signer.timings, output.wordOps ?? true);
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
  anchors: Uint32Array | null;
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
  wordOps: boolean,
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
        variants.push({ members: [], shingles: paragraph.shingles, bandKeys: paragraph.bandKeys, anchors: paragraph.anchors, soleDocument: docIndex });
        variantByKey.set(paragraph.textKey, v);
      }
      const variant = variants[v]!;
      if (variant.soleDocument !== docIndex) variant.soleDocument = -1;
      variant.members.push(p);
      variantOf.push(v);
    }
  });

  // Candidates: LSH and containment anchors over the variants long enough to be compared.
  const comparable: number[] = [];
  variants.forEach((variant, v) => {
    if (variant.bandKeys) comparable.push(v);
  });
  const keys = new Uint32Array(comparable.length * options.bands);
  comparable.forEach((v, i) => keys.set(variants[v]!.bandKeys!, i * options.bands));
  const candidates = new PairBuffer(comparable.length);
  addBandPairs(keys, comparable.length, options.bands, candidates);
  addAnchorPairs(
    comparable.map((v) => variants[v]!.shingles!),
    comparable.map((v) => variants[v]!.anchors!),
    candidates,
  );
  const pairs = candidates.toArray();
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

  // Per document: repeats (every occurrence), junk lines and stories.
  t = clock();
  const repeated = new Uint8Array(paragraphs.length);
  const repeatOf = new Int32Array(paragraphs.length).fill(-1);
  const junk = new Int8Array(paragraphs.length).fill(-1); // index into JUNK_KINDS, -1 for text
  const storyOf = new Int32Array(paragraphs.length);
  const stories: Array<{ doc: number; span: StorySpan }> = [];
  const firstStoryOf: number[] = [];
  docs.forEach((doc, docIndex) => {
    const base = firstParagraphOf[docIndex]!;
    const firstByKey = new Map<string, number>();
    doc.paragraphs.forEach((paragraph, index) => {
      const p = base + index;
      const v = variantOf[p]!;
      const kind = junkKind(paragraph, v < 0 ? 0 : variants[v]!.members.length);
      if (kind) junk[p] = JUNK_KINDS.indexOf(kind);
      if (paragraph.textKey === null) return;
      const first = firstByKey.get(paragraph.textKey);
      if (first === undefined) firstByKey.set(paragraph.textKey, index);
      else {
        repeatOf[p] = first;
        repeated[p] = 1;
        repeated[base + first] = 1;
      }
    });
    firstStoryOf.push(stories.length);
    for (const span of detectStories(doc.paragraphs.map((x) => x.segment))) {
      const unit = stories.length;
      stories.push({ doc: docIndex, span });
      for (let i = span.firstSegment; i <= span.lastSegment; i++) storyOf[base + i] = unit;
    }
  });
  /** Text that carries an article: not a repeat and not a junk line. */
  const isBody = (p: number): boolean => repeated[p] === 0 && junk[p]! < 0;

  // Paragraph clusters: variants joined by derived pairs. Ids go to clusters spanning two or
  // more documents, in order of their first paragraph. Grouping works on stories, so a file
  // bundling two articles can take part in two groups.
  const variantSets = new UnionFind(variants.length);
  edges.forEach((list, a) => {
    for (const edge of list) variantSets.union(a, edge.other);
  });
  const docsOfRoot = new Map<number, Set<number>>();
  for (let p = 0; p < paragraphs.length; p++) {
    const v = variantOf[p]!;
    if (v < 0) continue;
    const root = variantSets.find(v);
    let set = docsOfRoot.get(root);
    if (!set) docsOfRoot.set(root, (set = new Set()));
    set.add(paragraphDoc[p]!);
  }
  const clusterOfRoot = new Map<number, number>();
  const clusterInputs: ClusterInput[] = [];
  const paragraphCluster = new Int32Array(paragraphs.length).fill(-1);
  const storyWords = new Array<number>(stories.length).fill(0);
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const unit = storyOf[p]!;
    if (isBody(p)) storyWords[unit] = storyWords[unit]! + paragraph.words;
    const v = variantOf[p]!;
    if (v < 0) continue;
    const root = variantSets.find(v);
    if (docsOfRoot.get(root)!.size < 2) continue;
    let cluster = clusterOfRoot.get(root);
    if (cluster === undefined) {
      cluster = clusterInputs.length;
      clusterOfRoot.set(root, cluster);
      clusterInputs.push({ wordsByDocument: new Map(), eligible: false });
    }
    paragraphCluster[p] = cluster;
    if (!isBody(p)) continue;
    const input = clusterInputs[cluster]!;
    if (paragraph.words >= options.minWords) input.eligible = true;
    input.wordsByDocument.set(unit, (input.wordsByDocument.get(unit) ?? 0) + paragraph.words);
  }
  // Stories with the same text paragraph for paragraph after their headline (at least
  // --min-words words that are not artifacts or chrome) are copies, linked whatever their
  // lines are classified as: a wire repeat under a new headline ("THOMPSON MEDICAL CO INC
  // <TM> SETS QUARTERLY", then "... DECLARES QTLY DIV") over the same short dividend table.
  const storiesByText = new Map<string, number[]>();
  stories.forEach(({ doc, span }, unit) => {
    const base = firstParagraphOf[doc]!;
    const keys: string[] = [];
    let words = 0;
    let first = span.firstSegment;
    const opening = docs[doc]!.paragraphs[first]!;
    if (span.lastSegment > first && looksLikeHeadline(opening.segment.text)) first++;
    for (let i = first; i <= span.lastSegment; i++) {
      const paragraph = docs[doc]!.paragraphs[i]!;
      if (paragraph.textKey === null || junk[base + i]! >= 0) continue;
      keys.push(paragraph.textKey);
      words += paragraph.words;
    }
    if (words < options.minWords) return;
    const key = keys.join(' ');
    const same = storiesByText.get(key);
    if (same) same.push(unit);
    else storiesByText.set(key, [unit]);
  });
  const identicalStories = [...storiesByText.values()].filter((units) => new Set(units.map((u) => stories[u]!.doc)).size > 1);
  const grouping = groupDocuments(storyWords, clusterInputs, identicalStories);
  const clusterMs = clock() - t;

  // Classification and the report.
  t = clock();
  const boilerplateKindOf = (p: number): BoilerplateKind | null => {
    if (junk[p]! >= 0) return JUNK_KINDS[junk[p]!]!;
    const cluster = paragraphCluster[p]!;
    return cluster >= 0 && grouping.boilerplate[cluster] === true ? 'footer' : null;
  };
  // Groups, with provenance: original, versions, reprints.
  const rule = { threshold: options.threshold, containment: options.containment };
  // Each group's linking clusters (eligible, not boilerplate, in two or more of its stories),
  // weighted by their longest paragraph, in one pass over the clusters.
  const linkingOf: Array<Array<{ weight: number; units: Set<number> }>> = grouping.groups.map(() => []);
  clusterInputs.forEach((cluster, id) => {
    if (!cluster.eligible || grouping.boilerplate[id]) return;
    const unitsByGroup = new Map<number, Set<number>>();
    for (const unit of cluster.wordsByDocument.keys()) {
      const group = grouping.groupOf[unit]!;
      if (group < 0) continue;
      let units = unitsByGroup.get(group);
      if (!units) unitsByGroup.set(group, (units = new Set()));
      units.add(unit);
    }
    let weight = 0;
    for (const words of cluster.wordsByDocument.values()) weight = Math.max(weight, words);
    for (const [group, units] of unitsByGroup) if (units.size >= 2) linkingOf[group]!.push({ weight, units });
  });
  const originalDocOfUnit = new Int32Array(stories.length).fill(-1);
  const groups: GroupReport[] = grouping.groups.map((units, index) => {
    const linking = linkingOf[index]!;
    const totalLinked = linking.reduce((sum, { weight }) => sum + weight, 0);
    // Shared text each story holds, in one pass over the linking clusters (not stories x clusters).
    const heldBy = new Map<number, number>();
    for (const { weight, units: linked } of linking) for (const unit of linked) heldBy.set(unit, (heldBy.get(unit) ?? 0) + weight);
    const views: StoryView[] = units.map((unit) => {
      const { doc, span } = stories[unit]!;
      const base = firstParagraphOf[doc]!;
      const body: AlignParagraph[] = [];
      for (let i = span.firstSegment; i <= span.lastSegment; i++) {
        if (!isBody(base + i) || boilerplateKindOf(base + i)) continue;
        const paragraph = docs[doc]!.paragraphs[i]!;
        body.push({ ...paragraph.segment, words: paragraph.words, textKey: paragraph.textKey, shingles: paragraph.shingles });
      }
      const held = heldBy.get(unit) ?? 0;
      const view: StoryView = { path: docs[doc]!.id, story: span.index, startLine: span.startLine, endLine: span.endLine, body, holds: share(held, totalLinked) };
      const modifiedAt = docs[doc]!.modifiedAt;
      if (modifiedAt !== undefined) view.modifiedAt = modifiedAt;
      return view;
    });
    const provenance = analyseGroup(views, rule);
    const members: GroupMember[] = views.map((view, i) => ({
      path: view.path,
      story: view.story,
      startLine: view.startLine,
      endLine: view.endLine,
      role: provenance.members[i]!.role,
      score: provenance.members[i]!.score,
      reasons: provenance.members[i]!.reasons,
      comparison: provenance.members[i]!.comparison,
    }));
    const original = provenance.original === null ? null : views[provenance.original]!;
    if (provenance.original !== null) {
      const originalDoc = stories[units[provenance.original]!]!.doc;
      for (const unit of units) originalDocOfUnit[unit] = originalDoc;
    }
    return {
      id: index + 1,
      documents: [...new Set(views.map((v) => v.path))],
      clusters: linking.length,
      original: original?.path ?? null,
      originalStory: original?.story ?? null,
      confidence: provenance.confidence,
      originalReasons: provenance.original === null ? [] : provenance.members[provenance.original]!.reasons.filter((r) => r.weight > 0),
      members,
    };
  });
  // Matches of a paragraph: exact copies and derived paragraphs in other documents. Linear in
  // what is listed: a line repeated on a thousand pages is counted, not compared a million
  // times. Matches in the preferred document (the original of the paragraph's group) first.
  const sameDocumentCount = new Map<number, Map<number, number>>(); // variant -> doc -> members
  const membersIn = (v: number, doc: number): number => {
    const variant = variants[v]!;
    if (variant.soleDocument >= 0) return variant.soleDocument === doc ? variant.members.length : 0;
    let byDoc = sameDocumentCount.get(v);
    if (!byDoc) {
      byDoc = new Map();
      for (const q of variant.members) byDoc.set(paragraphDoc[q]!, (byDoc.get(paragraphDoc[q]!) ?? 0) + 1);
      sameDocumentCount.set(v, byDoc);
    }
    return byDoc.get(doc) ?? 0;
  };
  const limit = options.maxMatches === 0 ? Infinity : options.maxMatches;
  const differ = new WordDiffer();
  /** Up to `limit` members of a variant outside `doc`, members in `preferred` first. */
  const listMembers = (v: number, doc: number, preferred: number): number[] => {
    const out: number[] = [];
    const members = variants[v]!.members;
    if (preferred >= 0 && preferred !== doc && membersIn(v, preferred) > 0) {
      for (const q of members) if (paragraphDoc[q] === preferred && out.length < limit) out.push(q);
    }
    for (const q of members) {
      if (out.length >= limit) break;
      const d = paragraphDoc[q]!;
      if (d !== doc && d !== preferred) out.push(q);
    }
    return out;
  };
  const rawStatus = (p: number, preferred: number): { status: SegmentStatus; matches: Match[]; matchCount: number } => {
    const v = variantOf[p]!;
    if (v < 0) return { status: 'unique', matches: [], matchCount: 0 };
    const doc = paragraphDoc[p]!;
    const text = paragraphs[p]!.segment.text;
    const describe = (q: number, o: Overlap | null, reversed: boolean): Match => {
      const other = paragraphs[q]!.segment;
      const match: Match = {
        path: docs[paragraphDoc[q]!]!.id,
        segment: other.index,
        startLine: other.startLine,
        endLine: other.endLine,
        status: o ? 'edited' : 'shared',
        similarity: o ? round3(o.jaccard) : 1,
        containment: o ? round3(reversed ? o.containmentOfB : o.containmentOfA) : 1,
        reverseContainment: o ? round3(reversed ? o.containmentOfA : o.containmentOfB) : 1,
      };
      // How the other paragraph became this one, word by word.
      if (o && wordOps) match.ops = differ.diff(other.text, text);
      return match;
    };
    const exactCount = variants[v]!.members.length - membersIn(v, doc);
    const exact = listMembers(v, doc, preferred).map((q) => describe(q, null, false));
    // Edges to paragraphs in other documents. A paragraph derives from another when it is
    // similar to it or lies inside it; one that only contains others (a short line quoted in
    // a long sentence) counts as edited when those make up at least CONTAINED_MIN_SHARE of it.
    const relevant = edges[v]!.filter((edge) => variants[edge.other]!.members.length > membersIn(edge.other, doc));
    let supported = false;
    let containedShare = 0;
    for (const edge of relevant) {
      const inside = edge.reversed ? edge.overlap.containmentOfB : edge.overlap.containmentOfA;
      if (edge.overlap.jaccard >= options.threshold || inside >= options.containment) supported = true;
      else containedShare += inside;
    }
    let editedCount = 0;
    const edited: Array<{ q: number; edge: Edge }> = [];
    if (supported || containedShare >= CONTAINED_MIN_SHARE) {
      for (const edge of relevant) {
        editedCount += variants[edge.other]!.members.length - membersIn(edge.other, doc);
        for (const q of listMembers(edge.other, doc, preferred)) edited.push({ q, edge });
      }
    }
    const rank = (x: { q: number; edge: Edge }): number => (paragraphDoc[x.q] === preferred ? 0 : 1);
    edited.sort(
      (x, y) =>
        rank(x) - rank(y) ||
        y.edge.overlap.jaccard - x.edge.overlap.jaccard ||
        x.q - y.q,
    );
    const room = Math.max(0, limit - exact.length);
    const matches = exact.concat(edited.slice(0, room).map(({ q, edge }) => describe(q, edge.overlap, edge.reversed)));
    const status: SegmentStatus = exactCount > 0 ? 'shared' : editedCount > 0 ? 'edited' : 'unique';
    return { status, matches, matchCount: exactCount + editedCount };
  };
  const summary = {
    documents: 0,
    paragraphs: 0,
    shared: 0,
    edited: 0,
    unique: 0,
    boilerplate: 0,
    repeats: 0,
    groups: grouping.groups.length,
    clusters: clusterInputs.length,
    candidatePairs: pairs.length,
    verifiedPairs,
  };
  const storyGroup = (unit: number): number | null => {
    const group = grouping.groupOf[unit]!;
    return group >= 0 ? group + 1 : null;
  };
  const storyReused = new Array<number>(stories.length).fill(0);
  const storyCounted = new Array<number>(stories.length).fill(0);
  const documents: DocumentReport[] = [];
  docs.forEach((doc, docIndex) => {
    if (doc.context) return;
    summary.documents++;
    summary.paragraphs += doc.paragraphs.length;
    const base = firstParagraphOf[docIndex]!;
    const counts = { shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0 };
    const segments = doc.paragraphs.map((paragraph, index): SegmentReport => {
      const p = base + index;
      const raw = rawStatus(p, originalDocOfUnit[storyOf[p]!]!);
      const boilerplate = boilerplateKindOf(p);
      const status: SegmentStatus = boilerplate ? 'boilerplate' : raw.status;
      const cluster = paragraphCluster[p]!;
      const unit = storyOf[p]!;
      counts[status]++;
      summary[status]++;
      const report: SegmentReport = {
        index,
        startLine: paragraph.segment.startLine,
        endLine: paragraph.segment.endLine,
        words: paragraph.words,
        status,
        story: stories[unit]!.span.index,
        cluster: cluster >= 0 ? cluster + 1 : null,
        matches: raw.matches,
        matchCount: raw.matchCount,
        text: paragraph.segment.text,
      };
      if (boilerplate) report.boilerplate = boilerplate;
      if (repeated[p]) {
        report.repeat = true;
        if (repeatOf[p]! >= 0) report.repeatOf = repeatOf[p]!;
        counts.repeats++;
        summary.repeats++;
      } else if (!boilerplate && paragraph.words >= options.minWords) {
        // Only paragraphs that could be evidence of reuse count, on both sides of the share:
        // a whole article copied is 100% reused, whatever its short headings.
        storyCounted[unit]! += paragraph.words;
        if (status !== 'unique') storyReused[unit]! += paragraph.words;
      }
      return report;
    });
    const docStories: Array<{ story: (typeof stories)[number]; unit: number }> = [];
    for (let unit = firstStoryOf[docIndex]!; unit < stories.length && stories[unit]!.doc === docIndex; unit++) {
      docStories.push({ story: stories[unit]!, unit });
    }
    const storyReports: StoryReport[] = docStories.map(({ story, unit }) => ({
      index: story.span.index,
      startLine: story.span.startLine,
      endLine: story.span.endLine,
      segments: [story.span.firstSegment, story.span.lastSegment],
      words: storyWords[unit]!,
      reusedShare: share(storyReused[unit]!, storyCounted[unit]!),
      group: storyGroup(unit),
    }));
    const reused = docStories.reduce((sum, { unit }) => sum + storyReused[unit]!, 0);
    const counted = docStories.reduce((sum, { unit }) => sum + storyCounted[unit]!, 0);
    documents.push({
      path: doc.id,
      layout: doc.layout,
      lines: doc.lineCount,
      words: doc.words,
      counts,
      reusedShare: share(reused, counted),
      group: storyReports.find((s) => s.group !== null)?.group ?? null,
      stories: storyReports,
      segments,
    });
  });

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

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : round3(part / whole);
}

