/**
 * The shapes the core takes and returns. Everything here is plain, serialisable data:
 * the JSON report (`dedupe --json`) is `JSON.stringify` of a `Report`, and
 * `schema/report.schema.json` describes it. Fields may be added; the ones documented
 * there keep their meaning for a given `schemaVersion`.
 */
import type { JsonValue, Layout, Metadata } from './model.js';

/**
 * Bumped only when a field changes meaning or disappears; adding fields keeps it.
 * 4: word operations in the JSON form are one string of counts (`"-5 +1 =27"`): deleted words
 *    are read from the matched paragraph's text, inserted and unchanged ones from this one's;
 *    a match or merge in a file the report does not list (check's archive) gives that text.
 *    PAN's report went from 1.63 to 1.45 times the corpus (issue 9).
 * 3: the JSON form is compact (core/report-json.ts): paths once in `files`, referred to by
 *    index; defaults and what the rest implies left out; unchanged words counted, not repeated.
 *    The in-memory Report keeps its shape.
 * 2: status gains `boilerplate` (footers and scraper artifacts, formerly `shared` with
 *    `boilerplate: true`); `boilerplate` says which kind; `repeat` marks every occurrence of
 *    a line repeated inside its file; groups are built from stories and carry provenance.
 */
export const SCHEMA_VERSION = 4 as const;

/** One article handed to the core: an identifier (the CLI uses the file path) and its text. */
export interface InputDocument {
  id: string;
  text: string;
  /** File modification time (ms since the epoch): weak evidence of which copy came first. */
  modifiedAt?: number;
  metadata?: Metadata;
}

export type { JsonValue, Layout, Metadata };
export type SegmentMode = 'auto' | 'line' | 'block';
export type SegmentStatus = 'shared' | 'edited' | 'unique' | 'boilerplate';
/** footer: recurs across otherwise unrelated documents; artifact: scraper junk such as a bare "TT" or "<". */
export type BoilerplateKind = 'footer' | 'artifact';
/**
 * Why a copied or edited paragraph links no document (scan/grouping.ts, templateKind): its
 * cluster is a template's lines (a frame filled in anew in five documents or more, the texts far
 * apart), or a frame filled in with other names (a template fill, scan/fills.ts).
 */
export type TemplateKind = 'lines' | 'fill';
export type MemberRole = 'original' | 'version' | 'reprint' | 'partial';
export type EditKind =
  | 'words-substituted'
  | 'sentence-dropped'
  | 'sentence-added'
  | 'sentence-moved'
  | 'paragraphs-merged'
  | 'paragraph-split'
  | 'paragraphs-moved'
  | 'trimmed-from-bottom'
  | 'new-lede'
  | 'quote-added'
  | 'paragraphs-reworded'
  | 'dateline-dropped'
  | 'dateline-replaced'
  | 'credit-dropped';
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

/**
 * How a scan found reworded paragraphs (the rewrite stage, issue 11): `off` (--no-reworded, or
 * DEDUPE_REWORDING=0), `precise` (the default) or `thorough` (--reworded thorough).
 */
export type RewordingMode = 'off' | 'precise' | 'thorough';

/**
 * A report's options: the scan's resolved options and its rewording mode. The mode is absent
 * from reports written before it was added (read back with fromJsonReport), and always written now.
 */
export interface ReportOptions extends ResolvedOptions {
  reworded?: RewordingMode;
  /** Names read as agencies' credits besides the built-in ones (`--agency`), when any was given. */
  agencies?: string[];
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
  /** For edited matches: word operations turning the matched paragraph into this one. */
  ops?: EditOp[];
  /**
   * The matched paragraph's text, given only when it is in a context document (an archived
   * article in `dedupe check`): the report holds no other copy of it, and the JSON form's word
   * operations are read from it (report-json.ts).
   */
  text?: string;
  /**
   * Set on a reworded match, found by passage alignment (issue 11) rather than by shingles:
   * `similarity` is then the Jaccard similarity of the two paragraphs' content words (stop words
   * left out, in any order), `containment` the share of this paragraph's words in sentences
   * aligned with the other, `reverseContainment` the same for the other.
   */
  reworded?: true;
}

export interface MergeReport {
  path: string;
  /** The matched paragraphs lying inside this one, in line order. */
  parts: MergePart[];
  ops: EditOp[];
}

export interface EditOp {
  op: 'equal' | 'delete' | 'insert';
  /** The words: the new side's for an unchanged (equal) run, as a diff reads. */
  text: string;
  /**
   * An unchanged run's words as the old side writes them, when they differ from `text` (case,
   * quotes, punctuation). Only where DiffBlock.fromText is given (withOriginalWords).
   */
  from?: string;
}

export interface SegmentReport {
  index: number;
  startLine: number;
  endLine: number;
  words: number;
  status: SegmentStatus;
  /** Set on every occurrence of a text that appears more than once in this document (scraped twice), except the first copy of a page scraped twice (scan/noise.ts, REPEATED_RUN). */
  repeat?: true;
  /** On later occurrences: index of the first one. */
  repeatOf?: number;
  /** With status `boilerplate`: why. */
  boilerplate?: BoilerplateKind;
  /** With status shared or edited: its matches link no document, being a template's (TemplateKind). */
  template?: TemplateKind;
  /**
   * A later sentence piece of the paragraph before: a paragraph of over 600 characters is cut at
   * its sentences for matching, and each piece has its own status and matches (`dedupe diff`
   * and a group member's comparison count it as one paragraph).
   */
  continues?: true;
  /** Index into the document's `stories`. */
  story: number;
  /** Paragraph cluster (syndicated copies and their edits) this paragraph belongs to; null when unique. */
  cluster: number | null;
  /** Best matches first; at most `options.maxMatches` of `matchCount`. */
  matches: Match[];
  matchCount: number;
  /**
   * With word operations (--json, --diff): per document of which two or more listed matches lie
   * mostly inside this paragraph (a merge of its paragraphs), those parts in order and the word
   * operations turning their joined text into this one.
   */
  merges?: MergeReport[];
  /** The paragraph as it stands in the file (lines joined with "\n"). */
  text: string;
}

export interface DocumentReport {
  path: string;
  /** The input's own fields (JSONL), as given; absent when there are none. */
  metadata?: Metadata;
  layout: Layout;
  lines: number;
  words: number;
  counts: { shared: number; edited: number; unique: number; boilerplate: number; repeats: number };
  /** Of its segments, the later sentence pieces of long paragraphs (SegmentReport.continues); absent when none. */
  continuingPieces?: number;
  /**
   * Share of the document's words in shared or edited paragraphs, counting only paragraphs
   * that can be evidence of reuse: at least --min-words words, not boilerplate, not repeats.
   */
  reusedShare: number;
  /** Group of the document's first grouped story, or null when no story is linked to another document. */
  group: number | null;
  /** The articles a file holds (most hold one); see stories.ts. */
  stories: StoryReport[];
  segments: SegmentReport[];
}

/**
 * What a document's report says of it without its paragraphs (their statuses counted): made
 * without listing matches, so a large report's table of documents can be drawn before each
 * document's paragraphs are made and written (render/human.ts). The four statuses' counts add
 * up to its paragraphs.
 */
export type DocumentHead = Omit<DocumentReport, 'segments'>;

export interface StoryReport {
  index: number;
  startLine: number;
  endLine: number;
  /** Indexes of the story's first and last segments. */
  segments: [number, number];
  words: number;
  reusedShare: number;
  group: number | null;
}

export interface ProvenanceReason {
  kind: 'dateline' | 'credit' | 'attribution' | 'update' | 'date' | 'containment' | 'file-time';
  detail: string;
  /** Added to the member's score; positive points to the original. */
  weight: number;
}

export interface EditSummary {
  /** Share of the original's words this member reuses. */
  coverage: number;
  /** Share of this member's words taken from the original. */
  reused: number;
  paragraphs: { shared: number; edited: number; added: number; dropped: number; moved: number };
  edits: Array<{ kind: EditKind; count: number }>;
}

export interface GroupMember {
  path: string;
  story: number;
  startLine: number;
  endLine: number;
  /** null when the group has no original (the evidence does not decide). */
  role: MemberRole | null;
  score: number;
  reasons: ProvenanceReason[];
  /** Against the original; null for the original itself or when there is none. */
  comparison: EditSummary | null;
  /**
   * When this story's text is, word for word, another member's (a byte-identical copy): that
   * member's index in `members`, the copy the evidence was read from; null otherwise.
   */
  duplicateOf: number | null;
  /**
   * Only with `duplicateOf`: the two stories' bodies are word for word the same, their files
   * not: they differ in boilerplate (footers, scraper artifacts), which a body leaves out, as a
   * copy with a site's footer added does.
   */
  duplicateExceptBoilerplate?: true;
}

export interface GroupReport {
  id: number;
  documents: string[];
  /** Paragraph clusters that link the group's stories. */
  clusters: number;
  /** Path of the likely original, or null when the evidence does not decide. */
  original: string | null;
  originalStory: number | null;
  /** Confidence in `original`, 0.5-1; null with no original. */
  confidence: number | null;
  originalReasons: ProvenanceReason[];
  members: GroupMember[];
}

/** Whether a story was written from another: most of its words are in it, part of them and its phrasing, or neither. */
export type ReuseCall = 'derived' | 'partly-derived' | 'not-derived';

/** A story: its file and its index among the file's stories. */
export interface StoryRef {
  path: string;
  story: number;
}

/**
 * Two stories compared whole (issue 11; core/rewrite/story-reuse.ts): stories that share a
 * paragraph cluster, or that the rewording channel paired. Index k of each pair of values is
 * about `stories[k]` as found in the other.
 */
export interface StoryPairReport {
  stories: [StoryRef, StoryRef];
  /** Share of the story's distinct words, stop words left out, found in the other story. */
  words: [number, number];
  /** Share of the story's distinct pairs of consecutive words found in the other. */
  bigrams: [number, number];
  /**
   * Share of the story's words (in paragraphs of at least --min-words words, repeats and
   * boilerplate left out) in paragraphs matched to the other story: copies, edits and reworded
   * paragraphs.
   */
  reused: [number, number];
  /** The story as derived from the other: derived, partly derived or not derived. */
  calls: [ReuseCall, ReuseCall];
  /** The pair's call: the stronger of the two (one story derived from the other makes the pair derived). */
  call: ReuseCall;
  /** The group both stories are in, or null. */
  group: number | null;
}

/**
 * binary, invalid-utf8, unreadable, vanished, too-large: a file skipped; not-found: a path listed
 * by --files-from that does not exist (the list may be older than the files: not a file skipped,
 * so no gate fails on it); nul-bytes: a file read
 * with its stray NUL bytes as spaces; unreadable-folder: a folder whose files were not listed;
 * bad-line: a line of a JSONL file skipped; exclude-unmatched: an --exclude pattern that
 * matched nothing in a folder (`path` is the pattern); no-files: a folder named (or listed)
 * holding no file the walk reads, while other paths had some; duplicate-id: a file given twice, read
 * once; empty: a document with no text, listed with no paragraphs; empty-not-stored (index add,
 * check --add): an emptied file did not replace its stored version; replaced-unrelated (index
 * add, check --add): an article replaced a stored one of its name that shares no paragraph with
 * it; option-not-stored (index add): a --threshold or --containment other than the existing
 * index's, which it keeps; renamed (index add): an added file whose text the index holds under
 * a path with no file now.
 */
export type WarningCode =
  | 'binary'
  | 'invalid-utf8'
  | 'unreadable'
  | 'vanished'
  | 'not-found'
  | 'too-large'
  | 'nul-bytes'
  | 'cut-character'
  | 'unreadable-folder'
  | 'bad-line'
  | 'exclude-unmatched'
  | 'no-files'
  | 'empty-not-stored'
  | 'replaced-unrelated'
  | 'duplicate-id'
  | 'empty'
  | 'option-not-stored'
  | 'renamed';

export interface Warning {
  code: WarningCode;
  path: string;
  /** For bad-line: the 1-based line of the file. */
  line?: number;
  message: string;
}

export interface Summary {
  documents: number;
  /** Paragraphs as matched: a long paragraph cut at its sentences counts each of its pieces (SegmentReport.continues). */
  paragraphs: number;
  /** Of those, the later sentence pieces of long paragraphs: `paragraphs` less these is the count of paragraphs as written. */
  continuingPieces: number;
  shared: number;
  edited: number;
  unique: number;
  boilerplate: number;
  repeats: number;
  groups: number;
  clusters: number;
  candidatePairs: number;
  verifiedPairs: number;
  /** Pairs of distinct paragraph texts found reworded by passage alignment (issue 11), beside the verified ones. */
  rewordedPairs: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  options: ReportOptions;
  summary: Summary;
  documents: DocumentReport[];
  groups: GroupReport[];
  /** Story-level reuse of the stories compared whole (StoryPairReport), each pair once. */
  storyPairs: StoryPairReport[];
  warnings: Warning[];
}

/**
 * A report whose documents are made one at a time as they are read (core/scan/scanner.ts,
 * ScanAnalysis), so a renderer can write a report of any size without holding it whole.
 * `documents` and `groups` give the same values as the Report's fields of those names.
 */
export interface ReportSource {
  schemaVersion: typeof SCHEMA_VERSION;
  options: ReportOptions;
  summary: Summary;
  warnings: readonly Warning[];
  /** Every path the report names: the listed documents' first, in order, then the others (archived, in check). */
  files(): string[];
  documents(): Iterable<DocumentReport>;
  groups(): GroupReport[];
  storyPairs(): StoryPairReport[];
}

/** Milliseconds per pipeline stage; kept out of the report so that two runs print the same report. */
export interface StageTimings {
  segment: number;
  normalize: number;
  shingle: number;
  sign: number;
  candidates: number;
  verify: number;
  /** The rewrite stage: content-word candidates and passage alignment (core/rewrite/). */
  rewrite: number;
  cluster: number;
  report: number;
}

/** What `dedupe diff <from> <to> --json` prints. */
/** One side of `dedupe diff`. */
export interface DiffSide {
  path: string;
  paragraphs: number;
  words: number;
  layout: Layout;
  story?: DiffStory;
  /**
   * Paragraphs left out of the comparison, as a scan leaves them out of a story's text: a
   * paragraph repeated inside the file (a headline or caption scraped twice, every copy; of a
   * page scraped twice, the second copy; `artifact` when it is also a word or two, a bare "TT")
   * or publishing-system chrome ("Leave a Reply"). Absent when none. `paragraphs` and `words` do
   * not count them.
   */
  setAside?: SetAsideParagraph[];
}

/** A paragraph `dedupe diff` left out of its comparison (DiffSide.setAside), and why. */
export interface SetAsideParagraph extends SegmentRef {
  reason: 'repeat' | 'artifact' | 'chrome';
  /** For a repeat: the first line of its first copy in the file. */
  repeatOfLine?: number;
  text: string;
  /**
   * A change (`differs`), shown as such: the other file sets aside paragraphs for the same
   * reason, and none of these words (case, punctuation and quotes aside; one for one), as a
   * headline repeated in both files and reworded in one. False where the other file sets aside
   * the same words, or nothing for this reason (this file's noise, as a scan reads it).
   */
  changed: boolean;
}

/**
 * The story of a file holding several (a scraped page bundling articles, text/stories.ts) that
 * `dedupe diff` compared: the one sharing the most with the other side, as a scan compares
 * stories, not files. `index` from 0, of `stories`.
 */
export interface DiffStory {
  index: number;
  stories: number;
  startLine: number;
  endLine: number;
}

export interface DiffReport {
  schemaVersion: typeof SCHEMA_VERSION;
  /**
   * Each side's paragraphs, words, and how its lines became paragraphs (--segment auto decides
   * per file); of a file that holds several stories, the story compared (DiffStory), and its
   * paragraphs and words.
   */
  from: DiffSide;
  to: DiffSide;
  summary: {
    same: number;
    edited: number;
    merged: number;
    split: number;
    dropped: number;
    added: number;
    moved: number;
    /** Share of `from`'s words kept (same, edited, merged or split) in `to`. */
    coverage: number;
    /** Share of `to`'s words taken from `from`. */
    reused: number;
  };
  blocks: DiffBlock[];
}

export interface SegmentRef {
  segment: number;
  startLine: number;
  endLine: number;
  /**
   * In `dedupe diff` blocks: this piece continues the paragraph of the ref before it in the
   * list (a paragraph over 600 characters cut at its sentences): the two are one paragraph.
   */
  continues?: true;
}

/** A paragraph merged into another (MergeReport). */
export interface MergePart extends SegmentRef {
  /** Its text, given only when it is in a context document (an archived article in `dedupe check`), as a Match gives it. */
  text?: string;
}

export interface DiffBlock {
  kind: 'same' | 'edited' | 'merged' | 'split' | 'dropped' | 'added';
  from: SegmentRef[];
  to: SegmentRef[];
  similarity: number | null;
  moved: boolean;
  /** Word operations turning the `from` side into the `to` side. */
  ops?: EditOp[];
  /** The text of a same, dropped or added block (the `to` side when present). */
  text?: string;
  /**
   * The `from` side's own text of a same block, when it differs from `text` (case, quotes,
   * punctuation: the words compare equal). Only in a group member's alignment with its original
   * (the HTML report's side-by-side view, which shows each side in its own words); never in
   * `dedupe diff`'s report.
   */
  fromText?: string;
  /**
   * An edited block found by passage alignment (issue 11): the paragraph was reworded, so
   * `similarity` is the Jaccard similarity of the two paragraphs' content words.
   */
  reworded?: true;
}
