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
  /**
   * A later piece of a paragraph cut at its sentences (segment.ts, LONG_PARAGRAPH_CHARS): it
   * continues the segment before it, the same paragraph. Alignment counts and shows such
   * pieces as one paragraph where they align whole (align/align.ts).
   */
  continues?: true;
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


/**
 * A prepared document, held flat (document.ts reads and writes it): every paragraph's numbers
 * in one Uint32Array and its text in one string.
 */
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
  /** Number of paragraphs. */
  count: number;
  numbers: Uint32Array;
  texts: string;
  /** Where each paragraph's numbers start (derived from `numbers`, see `indexed`). */
  at: Uint32Array;
  /** Where each paragraph's text starts in `texts`; one more entry, the end. */
  textAt: Uint32Array;
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
 * Held in flat arrays (a scan of PAN has 150,000 variants): variant v's members are
 * `members[memberStart[v] .. memberStart[v + 1])`, global paragraph numbers, ascending.
 */
export interface Variants {
  count: number;
  memberStart: Int32Array;
  members: Int32Array;
  /** Per variant: the one document all its members are in, or -1 when they span several. */
  soleDocument: Int32Array;
  /** Per variant: 1 when long enough to be compared (its first member has shingles, band keys and anchors). */
  comparable: Uint8Array;
}

/** All paragraphs of a scan, numbered globally in document order (scan/variants.ts). */
export interface Corpus {
  /** Sorted by id, each id once. */
  docs: readonly PreparedDocument[];
  /** Number of paragraphs in all. */
  size: number;
  /** Per paragraph: index into `docs`, and its position there. */
  paragraphDoc: Int32Array;
  paragraphIndex: Int32Array;
  /** Per paragraph: its words. */
  words: Uint32Array;
  /** Per document: global number of its first paragraph. */
  firstParagraphOf: Int32Array;
  /** Per paragraph: its variant, -1 for a paragraph without words. */
  variantOf: Int32Array;
  variants: Variants;
  /** Per document: a hash of its paragraphs' text keys, in order (scan/variants.ts, contentRanks). */
  contentHash: Uint32Array;
}

/**
 * The verified derived pairs of variants (scan/edges.ts), in flat arrays: pair k joins
 * `pairA[k]` and `pairB[k]` with the measures at k; variant v's pairs are listed at
 * `edgeOf[edgeStart[v] .. edgeStart[v + 1])` as k * 2, plus 1 when v is the pair's second.
 */
export interface Edges {
  pairA: Int32Array;
  pairB: Int32Array;
  jaccard: Float64Array;
  containmentOfA: Float64Array;
  containmentOfB: Float64Array;
  edgeStart: Int32Array;
  edgeOf: Int32Array;
  verifiedPairs: number;
  /**
   * Per pair: 1 when passage alignment found it (rewrite/stage.ts): its measures are then over
   * content words and aligned sentences, not shingles. Absent when there are none.
   */
  reworded?: Uint8Array;
}

/** A verified derived pair, seen from one of its two variants. */
export interface Edge {
  other: number;
  overlap: Overlap;
  /** True when `other` is the first variant of the pair (so containment directions swap). */
  reversed: boolean;
  /** Found by passage alignment (a reworded paragraph), not by shingles. */
  reworded: boolean;
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
  /** Its paragraphs in story bodies, and how many different texts they are (grouping.ts, isTemplateCluster). */
  paragraphs: number;
  texts: number;
  /** The median Jaccard similarity of its verified derived pairs, measured only where it can make a template (clusters.ts); else 1. */
  similarity: number;
  /** Its documents are joined by template fills alone (scan/fills.ts): no copy, no other derived pair. */
  fillsOnly?: boolean;
  /** The stories in which one of its paragraphs lies next to a junk line (site chrome, a scraper artifact): a footer's company (grouping.ts). */
  besideJunk?: Set<number>;
  /**
   * Set when template fills join parts of it that copies and other derived pairs join within
   * (scan/clusters.ts, markFills): its stories by part, each sorted, in order of their first.
   * It links the stories of each part, not one part with another.
   */
  parts?: number[][];
  /**
   * Set on a template's cluster (grouping.ts isTemplateCluster) and on one whose parts template
   * fills join: per story, which of the template's texts it holds (the variants of its
   * paragraphs there, or its part). Stories holding none of the same are different items of one
   * template (grouping.ts, toldApart).
   */
  fillOfStory?: Map<number, number[]>;
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
  /**
   * Per cluster: a passage of news prose recurring across otherwise unrelated stories, too few of
   * them for a site's footer (grouping.ts, PROSE_FOOTER_MIN_PAGES): a background paragraph of
   * follow-up stories, a wire paragraph quoted in local ones. Its paragraphs keep their status
   * (shared, edited: reuse, which --fail-on sees) but link no stories into a group.
   */
  unlinked: readonly boolean[];
  /** Groups of two or more stories, each sorted, ordered by their first story. */
  groups: number[][];
  /** Per story: index into `groups`, or -1. */
  groupOf: Int32Array;
  /** Per template cluster (by id), the stories it links as copies holding its texts word for word (grouping.ts, COPIED_TEMPLATE_SHARE). */
  copiedTemplates?: ReadonlyMap<number, ReadonlySet<number>>;
}
