/**
 * The pipeline's model: the shapes the stages hand each other, from a segmented paragraph to a
 * signed document and the measures of a pair. One home for them, so a stage imports types
 * from here and never from another stage (no import cycles inside the core).
 *
 * What the report says (the JSON contract) is in types.ts; this file is what the scan works on.
 */

/** One paragraph of a file, as the segmenter cut it (text/segment.ts). */
export interface Segment {
  index: number;
  startLine: number;
  endLine: number;
  /** Original lines joined with "\n", line ends stripped of trailing whitespace (or one sentence of them). */
  text: string;
  /** Blank lines between the previous paragraph (or the top of the file) and this one. */
  blankLinesBefore: number;
}

/** A paragraph after normalising and signing (signing/signer.ts). */
export interface PreparedParagraph {
  segment: Segment;
  words: number;
  /** 64-bit hash of the normalised tokens as 16 hex digits; null when the paragraph has no words. */
  textKey: string | null;
  /**
   * The paragraph's tokens in order, each as the low 32 bits of its xxh64: what alignment
   * compares when a paragraph is too short to have shingles (a heading folded into the next
   * paragraph), so it need not tokenise the text again.
   */
  tokens: Uint32Array;
  /** Sorted distinct shingle hashes; null when the paragraph is too short to be compared (matched only exactly). */
  shingles: Uint32Array | null;
  /** LSH band keys of the MinHash signature, one per band; null exactly when `shingles` is. */
  bandKeys: Uint32Array | null;
  /** The first and last shingles (containment anchors, see matching/anchors.ts); null exactly when `shingles` is. */
  anchors: Uint32Array | null;
  /** The paragraph is a known line of publishing-system chrome ("Leave a Reply"). */
  chrome?: true;
}

/** How a file's lines were turned into paragraphs. */
export type Layout = 'line' | 'block';

/** A JSON value, as metadata holds them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What the caller knows about a document besides its text (from JSONL input: every field of
 * the line but `id` and `text`). Carried through unchanged into the report's document.
 */
export type Metadata = { [key: string]: JsonValue };

export interface PreparedDocument {
  id: string;
  /**
   * A context document (an archived article in `dedupe check`) takes part in matching and
   * grouping and can be named in matches, but is not itself listed in the report's documents.
   */
  context?: boolean;
  modifiedAt?: number;
  /** Passed through to the report's document as it came in (InputDocument.metadata). */
  metadata?: Metadata;
  layout: Layout;
  lineCount: number;
  words: number;
  paragraphs: PreparedParagraph[];
}

/** Measures of two shingle sets A and B (matching/overlap.ts). */
export interface Overlap {
  /** |A ∩ B| / |A ∪ B| */
  jaccard: number;
  /** |A ∩ B| / |A|: how much of A lies inside B. */
  containmentOfA: number;
  /** |A ∩ B| / |B| */
  containmentOfB: number;
}

/** What decides whether two paragraphs are derived from one another (classify.ts). */
export interface DerivationRule {
  /** Jaccard similarity at or above which two paragraphs are derived. */
  threshold: number;
  /** Share of one paragraph inside the other at or above which they are derived (merges, splits). */
  containment: number;
}

/** One article inside a file (text/stories.ts). */
export interface StorySpan {
  index: number;
  /** Indexes into the document's segments, inclusive. */
  firstSegment: number;
  lastSegment: number;
  startLine: number;
  endLine: number;
}

/** Injected clock (milliseconds); the core does not read time itself. */
export type Clock = () => number;

/** Milliseconds spent in each per-document step, summed over documents (and threads). */
export interface PrepareTimings {
  segment: number;
  normalize: number;
  shingle: number;
  sign: number;
}

// ---- The scan's tables (scan/*.ts), built once per report ------------------------------

/**
 * Paragraphs with the same normalised words collapse into one variant: matching runs over
 * variants, so a footer repeated on a thousand pages is compared once, not a million times.
 */
export interface Variant {
  /** Global paragraph numbers, ascending (document order, then position). */
  members: number[];
  shingles: Uint32Array | null;
  bandKeys: Uint32Array | null;
  anchors: Uint32Array | null;
  /** The one document all members are in, or -1 when they span several. */
  soleDocument: number;
}

/** All paragraphs of a scan, numbered globally in document order (scan/variants.ts). */
export interface Corpus {
  /** Sorted by id, each id once. */
  docs: readonly PreparedDocument[];
  paragraphs: readonly PreparedParagraph[];
  /** Per paragraph: index into `docs`. */
  paragraphDoc: Int32Array;
  /** Per document: global number of its first paragraph. */
  firstParagraphOf: Int32Array;
  /** Per paragraph: index into `variants`, -1 for a paragraph without words. */
  variantOf: Int32Array;
  variants: readonly Variant[];
}

/** A verified derived pair, seen from one of its two variants (scan/edges.ts). */
export interface Edge {
  other: number;
  overlap: Overlap;
  /** True when `other` is the first variant of the pair (so containment directions swap). */
  reversed: boolean;
}

/** A story of the scan: which document, and where in it. */
export interface Story {
  doc: number;
  span: StorySpan;
}

/** What in each document is not article text, and where its stories are (scan/noise.ts). */
export interface Noise {
  /** Per paragraph: 1 when its text occurs more than once in its document. */
  repeated: Uint8Array;
  /** Per paragraph: position (in its document) of the first occurrence, or -1. */
  repeatOf: Int32Array;
  /** Per paragraph: junk kind (artifact, chrome footer) or null. */
  junk: ReadonlyArray<'artifact' | 'footer' | null>;
  /** Per paragraph: global story number. */
  storyOf: Int32Array;
  stories: readonly Story[];
  /** Per document: global number of its first story. */
  firstStoryOf: Int32Array;
}

/** A paragraph cluster as grouping sees it (scan/grouping.ts). */
export interface ClusterInput {
  /** Words of the cluster's paragraphs in each story it occurs in (in-document repeats left out). */
  wordsByDocument: Map<number, number>;
  /** Whether the cluster may link stories at all (long enough to be evidence). */
  eligible: boolean;
}

/** Paragraph clusters: copies and derived paragraphs, joined (scan/clusters.ts). */
export interface Clusters {
  /** Per paragraph: cluster number (0-based), or -1 when its text is in one document only. */
  paragraphCluster: Int32Array;
  inputs: readonly ClusterInput[];
  /** Per story: words of its body (repeats and junk left out). */
  storyWords: readonly number[];
}

/** Stories grouped into syndication groups (scan/grouping.ts). */
export interface Grouping {
  /** Per cluster: recurs across otherwise unrelated stories (a site footer). */
  boilerplate: readonly boolean[];
  /** Groups of two or more stories, each sorted, ordered by their first story. */
  groups: number[][];
  /** Per story: index into `groups`, or -1. */
  groupOf: Int32Array;
}
