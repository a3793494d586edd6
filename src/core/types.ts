/**
 * The shapes the core takes and returns. Everything here is plain, serialisable data:
 * the JSON report (`dedupe --json`) is `JSON.stringify` of a `Report`, and
 * `schema/report.schema.json` describes it. Fields may be added; the ones documented
 * there keep their meaning for a given `schemaVersion`.
 */

/** Bumped only when a field changes meaning or disappears; adding fields keeps it. */
export const SCHEMA_VERSION = 1 as const;

/** One article handed to the core: an identifier (the CLI uses the file path) and its text. */
export interface InputDocument {
  id: string;
  text: string;
}

export type SegmentMode = 'auto' | 'line' | 'block';
/** How a file's lines were turned into paragraphs. */
export type Layout = 'line' | 'block';
export type SegmentStatus = 'shared' | 'edited' | 'unique';
export type MatchStatus = 'shared' | 'edited';

/** The knobs a user tunes; every one has a default in `DEFAULT_OPTIONS`. */
export interface ScanOptions {
  /** Jaccard similarity of shingle sets at or above which a paragraph is derived from another. */
  threshold: number;
  /** Share of the smaller paragraph's shingles found in the larger one at or above which it is derived (merges, splits). */
  containment: number;
  /** Words per shingle (k). */
  shingleSize: number;
  /** MinHash signature length. */
  numHashes: number;
  /** Paragraphs with fewer words are matched only when identical, and never link documents. */
  minWords: number;
  /** Seeds the hash functions; same seed, same signatures. */
  seed: number;
  segment: SegmentMode;
  /** At most this many matches are listed per paragraph (all are counted); 0 lists all. */
  maxMatches: number;
}

/** Options after validation, plus what was derived from them. */
export interface ResolvedOptions extends ScanOptions {
  /** LSH banding computed from the candidate threshold (see lsh.ts). */
  bands: number;
  rows: number;
  /** The Jaccard level LSH is tuned for: low enough to catch contained halves, see scan.ts. */
  candidateThreshold: number;
}

export interface Match {
  path: string;
  /** Index of the matched paragraph in that document's `segments`. */
  segment: number;
  startLine: number;
  endLine: number;
  status: MatchStatus;
  /** Jaccard similarity of the two paragraphs' shingle sets (1 for identical normalised text). */
  similarity: number;
  /** Share of this paragraph's shingles found in the matched paragraph. */
  containment: number;
  /** Share of the matched paragraph's shingles found in this one. */
  reverseContainment: number;
}

export interface SegmentReport {
  index: number;
  startLine: number;
  endLine: number;
  words: number;
  status: SegmentStatus;
  /** Set when the same normalised text already appeared earlier in this document (scraped twice). */
  repeatOf?: number;
  /** Set when this paragraph recurs across documents that are otherwise unrelated (a site footer). */
  boilerplate?: boolean;
  /** Paragraph cluster (syndicated copies and their edits) this paragraph belongs to; null when unique. */
  cluster: number | null;
  /** Best matches first; at most `options.maxMatches` of `matchCount`. */
  matches: Match[];
  matchCount: number;
  /** The paragraph as it stands in the file (lines joined with "\n"). */
  text: string;
}

export interface DocumentReport {
  path: string;
  layout: Layout;
  lines: number;
  words: number;
  counts: { shared: number; edited: number; unique: number; repeats: number };
  /**
   * Share of the document's words (repeats left out) in shared or edited paragraphs that are
   * evidence of reuse: at least --min-words words and not boilerplate.
   */
  reusedShare: number;
  /** 1-based index into `groups`, or null when the document is linked to no other. */
  group: number | null;
  segments: SegmentReport[];
}

export interface GroupReport {
  id: number;
  documents: string[];
  /** Paragraph clusters that link the group's documents. */
  clusters: number;
}

export type WarningCode =
  | 'binary'
  | 'invalid-utf8'
  | 'unreadable'
  | 'vanished'
  | 'duplicate-id';

export interface Warning {
  code: WarningCode;
  path: string;
  message: string;
}

export interface Summary {
  documents: number;
  paragraphs: number;
  shared: number;
  edited: number;
  unique: number;
  repeats: number;
  groups: number;
  clusters: number;
  candidatePairs: number;
  verifiedPairs: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  options: ResolvedOptions;
  summary: Summary;
  documents: DocumentReport[];
  groups: GroupReport[];
  warnings: Warning[];
}

/** Milliseconds per pipeline stage; kept out of the report so that two runs print the same report. */
export interface StageTimings {
  segment: number;
  normalize: number;
  shingle: number;
  sign: number;
  candidates: number;
  verify: number;
  cluster: number;
  report: number;
}
