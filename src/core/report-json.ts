/**
 * The JSON report (`dedupe --json`, schema version 4) from the in-memory Report, and back.
 *
 * The in-memory Report (types.ts) is convenient to read: paths everywhere, every field present.
 * Written out whole it was four times the corpus (PAN: 128 MB for 30 MB of text), half of it
 * paths repeated in matches and texts repeated in word operations. The JSON form says the same
 * with less:
 * - every path once, in `files`; documents, matches, merges and groups name files by index
 *   (a report's listed documents are its first files, in order: `files[i]` is `documents[i].path`);
 * - what the rest says is left out: a document's `counts` (its segments' statuses), and the one
 *   story of a single-story document (only its `storyWords` are given; its lines, share and
 *   group are the document's);
 * - fields at their usual value are left out: a unique paragraph has no `status`, a paragraph on
 *   one line no `endLine`, the paragraphs of a single-story document no `story`, no `cluster`
 *   when there is none, no `matches` when there are none, no `matchCount` when all are listed,
 *   no status and no measures on an exact (`shared`) match (an edited match has its
 *   similarity and containments), no line numbers on a match in a listed document (they are
 *   that segment's);
 * - word operations are one string of counts, `"-5 +1 =27"` (schema 4; the idea of SAM's CIGAR
 *   strings): `=n` the next n words of both paragraphs are unchanged, `+n` the next n words of
 *   this paragraph's text are inserted, `-n` the next n words of the matched paragraph's text
 *   are deleted (align/worddiff.ts cuts words the same way, countUnits). The texts are all in the
 *   report; an archived paragraph in a `check` report, which is not, comes with its match
 *   (`text`). Written out as `{"op","text"}` objects they were a third of PAN's report;
 * - a paragraph whose text is, byte for byte, that of a paragraph earlier in the report has
 *   `sameText: [file, segment]` instead of `text`.
 * `fromJsonReport` rebuilds the in-memory Report exactly (tested on every fixture).
 */
import { countUnits, unitsOf } from './align/worddiff.js';
import type {
  BoilerplateKind,
  DocumentReport,
  EditOp,
  GroupMember,
  GroupReport,
  Match,
  MergePart,
  MergeReport,
  Metadata,
  Report,
  ReportOptions,
  SegmentReport,
  SegmentStatus,
  StoryPairReport,
  StoryReport,
  Summary,
  TemplateKind,
  Warning,
} from './types.js';
import { SCHEMA_VERSION } from './types.js';

/** Word operations as counts of words, `"-5 +1 =27"` (see above). */
export type JsonOps = string;

/** The sign of each kind of word operation in JsonOps. */
const OP_SIGNS: Record<EditOp['op'], string> = { equal: '=', insert: '+', delete: '-' };
const OP_OF_SIGN: Record<string, EditOp['op']> = { '=': 'equal', '+': 'insert', '-': 'delete' };
const OP_STEP = /^[=+-][1-9][0-9]*$/;

export interface JsonMatch {
  file: number;
  segment: number;
  /** Only for a file the report does not list (an archived article in `check`). */
  line?: number;
  endLine?: number;
  /** Edited matches only: an exact copy (status shared) has no measures, all would be 1. */
  similarity?: number;
  containment?: number;
  reverseContainment?: number;
  ops?: JsonOps;
  /** Only for a file the report does not list, with `ops`: the matched paragraph's text (the deleted words are read from it). */
  text?: string;
  /** A reworded match (passage alignment): its measures are over content words and aligned sentences. */
  reworded?: true;
}

export interface JsonMerge {
  file: number;
  parts: number[];
  /** Only for a file the report does not list (an archived article in `check`): each part's first and last line. */
  lines?: Array<[number, number]>;
  /** Only for a file the report does not list: each part's text (the deleted words are read from them, joined by a space). */
  texts?: string[];
  ops: JsonOps;
}

export interface JsonSegment {
  line: number;
  endLine?: number;
  words: number;
  status?: Exclude<SegmentStatus, 'unique'>;
  story?: number;
  cluster?: number;
  repeat?: true;
  repeatOf?: number;
  boilerplate?: BoilerplateKind;
  template?: TemplateKind;
  matches?: JsonMatch[];
  matchCount?: number;
  merges?: JsonMerge[];
  text?: string;
  sameText?: [number, number];
}

export interface JsonDocument {
  path: string;
  metadata?: Metadata;
  layout: DocumentReport['layout'];
  lines: number;
  words: number;
  reusedShare: number;
  group: number | null;
  /** A file of several stories (or none: an empty file): each. */
  stories?: StoryReport[];
  /** A file of one story: that story's words (its body, repeats and junk lines left out). */
  storyWords?: number;
  /**
   * Long paragraphs cut at their sentences, each as [its first segment, its pieces]: the
   * segments after the first are SegmentReport.continues. One pair per paragraph, not a flag per
   * piece: PAN's 158,000 continuing pieces took its report from 1.45 to 1.54 times the corpus.
   */
  pieces?: Array<[number, number]>;
  segments: JsonSegment[];
}

export interface JsonGroupMember extends Omit<GroupMember, 'path' | 'duplicateOf'> {
  file: number;
  /** Only for an identical copy of another member: that member's index. */
  duplicateOf?: number;
}

export interface JsonGroup extends Omit<GroupReport, 'documents' | 'original' | 'members'> {
  files: number[];
  original: number | null;
  members: JsonGroupMember[];
}

/** A story pair with its stories as [file, story]; `group` left out when null. */
export interface JsonStoryPair extends Omit<StoryPairReport, 'stories' | 'group'> {
  stories: [[number, number], [number, number]];
  group?: number;
}

export interface JsonReport {
  schemaVersion: typeof SCHEMA_VERSION;
  options: ReportOptions;
  summary: Summary;
  files: string[];
  documents: JsonDocument[];
  groups: JsonGroup[];
  /** Left out when there are none. */
  storyPairs?: JsonStoryPair[];
  warnings: Warning[];
}

/** Paths to file numbers, and where each distinct paragraph text first appeared. */
export class JsonWriter {
  private readonly index = new Map<string, number>();
  private readonly firstText = new Map<string, [number, number]>();

  /** `listed`: how many of the files are the report's documents (the first ones). */
  constructor(
    readonly files: readonly string[],
    private readonly listed: number,
  ) {
    files.forEach((path, i) => this.index.set(path, i));
  }

  file(path: string): number {
    const i = this.index.get(path);
    if (i === undefined) throw new Error(`report-json: ${path} is not among the report's files`);
    return i;
  }

  storyPair(p: StoryPairReport): JsonStoryPair {
    return jsonStoryPair(p, (path) => this.file(path));
  }

  ops(ops: readonly EditOp[]): JsonOps {
    return ops.map((op) => OP_SIGNS[op.op] + String(countUnits(op.text))).join(' ');
  }

  match(m: Match): JsonMatch {
    const file = this.file(m.path);
    // Keys in reading order: where, then how.
    const out = { file, segment: m.segment } as JsonMatch;
    if (file >= this.listed) {
      out.line = m.startLine;
      if (m.endLine !== m.startLine) out.endLine = m.endLine;
    }
    if (m.status === 'edited') {
      out.similarity = m.similarity;
      out.containment = m.containment;
      out.reverseContainment = m.reverseContainment;
      if (m.reworded) out.reworded = true;
      if (m.ops) {
        out.ops = this.ops(m.ops);
        if (file >= this.listed) out.text = m.text ?? oldSide(m.ops);
      }
    }
    return out;
  }

  merge(m: MergeReport): JsonMerge {
    const file = this.file(m.path);
    const out = { file, parts: m.parts.map((p) => p.segment) } as JsonMerge;
    if (file >= this.listed) {
      out.lines = m.parts.map((p) => [p.startLine, p.endLine]);
      // Each part's text; a Report made without them (not by a scan) gives the words the operations need in the first.
      out.texts = m.parts.every((p) => p.text !== undefined) ? m.parts.map((p) => p.text!) : m.parts.map((_, k) => (k === 0 ? oldSide(m.ops) : ''));
    }
    out.ops = this.ops(m.ops);
    return out;
  }

  segment(s: SegmentReport, file: number, multiStory: boolean): JsonSegment {
    const out = { line: s.startLine } as JsonSegment;
    if (s.endLine !== s.startLine) out.endLine = s.endLine;
    out.words = s.words;
    if (s.status !== 'unique') out.status = s.status;
    if (multiStory) out.story = s.story;
    if (s.cluster !== null) out.cluster = s.cluster;
    if (s.repeat) out.repeat = true;
    if (s.repeatOf !== undefined) out.repeatOf = s.repeatOf;
    if (s.boilerplate) out.boilerplate = s.boilerplate;
    if (s.template) out.template = s.template;
    if (s.matches.length > 0) out.matches = s.matches.map((m) => this.match(m));
    if (s.matchCount > s.matches.length) out.matchCount = s.matchCount;
    if (s.merges) out.merges = s.merges.map((m) => this.merge(m));
    // A text written before can only be a copy: shared, boilerplate or repeated in its file.
    // Only those are remembered, and only when long enough to be worth a reference.
    const copy = s.status === 'shared' || s.status === 'boilerplate' || s.repeat === true;
    const first = copy ? this.firstText.get(s.text) : undefined;
    if (first) out.sameText = first;
    else {
      out.text = s.text;
      if (copy && s.text.length > SAME_TEXT_MIN_CHARS) this.firstText.set(s.text, [file, s.index]);
    }
    return out;
  }

  document(doc: DocumentReport): JsonDocument {
    const file = this.file(doc.path);
    const multiStory = doc.stories.length > 1;
    const out: JsonDocument = { path: doc.path } as JsonDocument;
    if (doc.metadata !== undefined) out.metadata = doc.metadata;
    Object.assign(out, { layout: doc.layout, lines: doc.lines, words: doc.words, reusedShare: doc.reusedShare, group: doc.group });
    if (doc.stories.length === 1) out.storyWords = doc.stories[0]!.words;
    else out.stories = doc.stories;
    const pieces = piecesOf(doc.segments);
    if (pieces.length > 0) out.pieces = pieces;
    out.segments = doc.segments.map((s) => this.segment(s, file, multiStory));
    return out;
  }

  group(g: GroupReport): JsonGroup {
    const { documents, original, members, ...rest } = g;
    return {
      id: rest.id,
      files: documents.map((p) => this.file(p)),
      clusters: rest.clusters,
      original: original === null ? null : this.file(original),
      originalStory: rest.originalStory,
      confidence: rest.confidence,
      originalReasons: rest.originalReasons,
      members: members.map(({ path, duplicateOf, ...member }) => ({ file: this.file(path), ...member, ...(duplicateOf === null ? {} : { duplicateOf }) })),
    };
  }
}

/** The segments of a JSON document that continue a long paragraph (JsonDocument.pieces). */
function continuingSegments(doc: JsonDocument): Set<number> {
  const continuing = new Set<number>();
  for (const [first, count] of doc.pieces ?? []) for (let k = first + 1; k < first + count; k++) continuing.add(k);
  // A report written for a while in session 13 marked each piece (continues: true) instead (review).
  doc.segments.forEach((s, k) => {
    if ((s as { continues?: true }).continues === true) continuing.add(k);
  });
  return continuing;
}

/** Each long paragraph's [first segment, pieces] (JsonDocument.pieces), from the segments' `continues`. */
function piecesOf(segments: readonly SegmentReport[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < segments.length; i++) {
    if (!segments[i]!.continues) continue;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i - 1, 2]);
  }
  return out;
}

/** A story pair as the JSON report writes it (files by number). */
export function jsonStoryPair(p: StoryPairReport, file: (path: string) => number): JsonStoryPair {
  const [a, b] = p.stories;
  const out: JsonStoryPair = { stories: [[file(a.path), a.story], [file(b.path), b.story]], words: p.words, bigrams: p.bigrams, reused: p.reused, calls: p.calls, call: p.call };
  if (p.group !== null) out.group = p.group;
  return out;
}

/** A text at most this long is written again rather than referred to (a reference costs about as much). */
export const SAME_TEXT_MIN_CHARS = 16;

/** Every path a report names: its documents' first, in order, then the others its matches name (archived ones, in `check`). */
export function filesOf(report: Pick<Report, 'documents' | 'groups'> & { storyPairs?: Report['storyPairs'] }): string[] {
  const files = report.documents.map((d) => d.path);
  const known = new Set(files);
  const add = (path: string): void => {
    if (!known.has(path)) {
      known.add(path);
      files.push(path);
    }
  };
  for (const doc of report.documents) {
    for (const s of doc.segments) {
      for (const m of s.matches) add(m.path);
      for (const m of s.merges ?? []) add(m.path);
    }
  }
  for (const g of report.groups) for (const p of g.documents) add(p);
  for (const pair of report.storyPairs ?? []) for (const s of pair.stories) add(s.path);
  return files;
}

export function toJsonReport(report: Report): JsonReport {
  const files = filesOf(report);
  const writer = new JsonWriter(files, report.documents.length);
  return {
    schemaVersion: SCHEMA_VERSION,
    options: report.options,
    summary: report.summary,
    files,
    documents: report.documents.map((d) => writer.document(d)),
    groups: report.groups.map((g) => writer.group(g)),
    ...(report.storyPairs.length > 0 ? { storyPairs: report.storyPairs.map((p) => writer.storyPair(p)) } : {}),
    warnings: report.warnings,
  };
}

// ---- Reading it back ----------------------------------------------------------------------

/**
 * The words of the text word operations turned into another, when the report does not hold it:
 * its unchanged and deleted words, which is all the operations need (a writer handed a Match
 * without `text`).
 */
function oldSide(ops: readonly EditOp[]): string {
  return ops
    .filter((op) => op.op !== 'insert')
    .map((op) => op.text)
    .join(' ');
}

/** Word operations with their words written out again, read from the two texts they join (`to` is this paragraph's). */
function expandOps(ops: JsonOps, from: string, to: string): EditOp[] {
  const units = { from: unitsOf(from), to: unitsOf(to) };
  const at = { from: 0, to: 0 };
  const out: EditOp[] = [];
  for (const step of ops === '' ? [] : ops.split(' ')) {
    const op = OP_OF_SIGN[step.charAt(0)];
    if (op === undefined || !OP_STEP.test(step)) throw new Error(`report-json: "${step}" is not a word operation (=n, +n or -n)`);
    const count = Number(step.slice(1));
    const side = op === 'delete' ? 'from' : 'to';
    if (at[side] + count > units[side].length) throw new Error(`report-json: "${ops}" reads past the end of ${side === 'from' ? 'the matched' : 'this'} paragraph's ${units[side].length} words`);
    out.push({ op, text: joinUnits(units[side].slice(at[side], at[side] + count)) });
    if (op !== 'insert') at.from += count;
    if (op !== 'delete') at.to += count;
  }
  return out;
}

function joinUnits(units: ReadonlyArray<{ text: string; spaced: boolean }>): string {
  return units.map((u, k) => (k < units.length - 1 && !u.spaced ? u.text : `${u.text} `)).join('').trimEnd();
}

function readStoryPair(p: JsonStoryPair, pathOf: (file: number) => string): StoryPairReport {
  return {
    stories: [
      { path: pathOf(p.stories[0][0]), story: p.stories[0][1] },
      { path: pathOf(p.stories[1][0]), story: p.stories[1][1] },
    ],
    words: p.words,
    bigrams: p.bigrams,
    reused: p.reused,
    calls: p.calls,
    call: p.call,
    group: p.group ?? null,
  };
}

/** Every paragraph's text, per document, its `sameText` references followed (they point back, maybe within the same document). */
function textsOf(json: JsonReport): string[][] {
  const texts: string[][] = [];
  for (const doc of json.documents) {
    const own: string[] = [];
    texts.push(own);
    for (const s of doc.segments) own.push(s.text ?? texts[s.sameText![0]]![s.sameText![1]]!);
  }
  return texts;
}

/**
 * Throws, saying what it is, for anything but a --json scan report of this schema: a diff report
 * or an --ndjson line was a TypeError from inside, a string "a report of schema undefined"
 * (found by a new user).
 */
function assertScanReport(given: unknown): asserts given is JsonReport {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`report-json: not a dedupe scan report but ${typeof given === 'string' ? 'a string (parse it first: JSON.parse)' : given === null ? 'null' : Array.isArray(given) ? 'an array' : typeof given}`);
  }
  if ('blocks' in given) throw new Error('report-json: a dedupe diff report, not a scan report (dedupe diff --json); it is read as it is');
  if ('type' in given) throw new Error('report-json: one line of dedupe --ndjson, not a --json report; read --json output, or the ndjson lines one by one');
  const { schemaVersion, documents, files } = given as Partial<JsonReport>;
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new Error(`report-json: a report of schema ${String(schemaVersion)}; this dedupe reads schema ${SCHEMA_VERSION} (README, "Schema changes")`);
  }
  if (!Array.isArray(documents) || !Array.isArray(files)) throw new Error('report-json: not a dedupe scan report (no documents or files)');
}

/** The in-memory Report of a JSON report of this schema version; another version, or word operations that do not fit their texts, is refused with an Error. */
export function fromJsonReport(json: JsonReport): Report {
  assertScanReport(json);
  // Every text first: word operations read the matched paragraph's, which may come later.
  const texts = textsOf(json);
  const textOf = (file: number, segment: number): string => texts[file]?.[segment] ?? '';
  const pathOf = (file: number): string => json.files[file]!;
  const lineSpan = (file: number, segment: number, given?: { line?: number; endLine?: number }): { startLine: number; endLine: number } => {
    if (given?.line !== undefined) return { startLine: given.line, endLine: given.endLine ?? given.line };
    const s = json.documents[file]?.segments[segment];
    return s ? { startLine: s.line, endLine: s.endLine ?? s.line } : { startLine: 0, endLine: 0 };
  };
  const documents = json.documents.map((doc, file): DocumentReport => {
    const continuing = continuingSegments(doc);
    const segments = doc.segments.map((s, index): SegmentReport => {
      const text = texts[file]![index]!;
      const out: SegmentReport = {
        index,
        startLine: s.line,
        endLine: s.endLine ?? s.line,
        words: s.words,
        status: s.status ?? 'unique',
        story: s.story ?? 0,
        cluster: s.cluster ?? null,
        matches: (s.matches ?? []).map((m): Match => {
          const match: Match = {
            path: pathOf(m.file),
            segment: m.segment,
            ...lineSpan(m.file, m.segment, m),
            status: m.similarity === undefined ? 'shared' : 'edited',
            similarity: m.similarity ?? 1,
            containment: m.containment ?? 1,
            reverseContainment: m.reverseContainment ?? 1,
          };
          if (m.ops) match.ops = expandOps(m.ops, m.text ?? textOf(m.file, m.segment), text);
          if (m.text !== undefined) match.text = m.text;
          if (m.reworded) match.reworded = true;
          return match;
        }),
        matchCount: s.matchCount ?? (s.matches ?? []).length,
        text,
      };
      if (s.merges) {
        out.merges = s.merges.map((m): MergeReport => ({
          path: pathOf(m.file),
          parts: m.parts.map((segment, k): MergePart => {
            const given = m.lines?.[k];
            const part: MergePart = { segment, ...lineSpan(m.file, segment, given && { line: given[0], endLine: given[1] }) };
            if (m.texts?.[k] !== undefined) part.text = m.texts[k];
            return part;
          }),
          ops: expandOps(m.ops, (m.texts ?? m.parts.map((segment) => textOf(m.file, segment))).join(' '), text),
        }));
      }
      if (s.boilerplate) out.boilerplate = s.boilerplate;
      if (s.template) out.template = s.template;
      if (s.repeat) out.repeat = true;
      if (s.repeatOf !== undefined) out.repeatOf = s.repeatOf;
      if (continuing.has(index)) out.continues = true;
      return out;
    });
    const counts = { shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0 };
    for (const s of segments) {
      counts[s.status]++;
      if (s.repeat) counts.repeats++;
    }
    const stories = doc.stories ?? [
      {
        index: 0,
        startLine: segments[0]?.startLine ?? 1,
        endLine: segments[segments.length - 1]?.endLine ?? 1,
        segments: [0, Math.max(0, segments.length - 1)] as [number, number],
        words: doc.storyWords ?? 0,
        reusedShare: doc.reusedShare,
        group: doc.group,
      },
    ];
    const out: DocumentReport = { path: doc.path, layout: doc.layout, lines: doc.lines, words: doc.words, counts, ...(continuing.size > 0 ? { continuingPieces: continuing.size } : {}), reusedShare: doc.reusedShare, group: doc.group, stories, segments };
    if (doc.metadata === undefined) return out;
    const { path, ...rest } = out;
    return { path, metadata: doc.metadata, ...rest };
  });
  const groups = json.groups.map(
    (g): GroupReport => ({
      id: g.id,
      documents: g.files.map(pathOf),
      clusters: g.clusters,
      original: g.original === null ? null : pathOf(g.original),
      originalStory: g.originalStory,
      confidence: g.confidence,
      originalReasons: g.originalReasons,
      members: g.members.map(({ file, duplicateOf, ...member }) => ({ path: pathOf(file), ...member, duplicateOf: duplicateOf ?? null })),
    }),
  );
  const storyPairs = (json.storyPairs ?? []).map((p) => readStoryPair(p, pathOf));
  // Fields added to schema 4 later read as their defaults from a report written before them.
  const summary = { ...json.summary, rewordedPairs: (json.summary as Partial<Summary>).rewordedPairs ?? 0, continuingPieces: (json.summary as Partial<Summary>).continuingPieces ?? 0 };
  return { schemaVersion: SCHEMA_VERSION, options: json.options, summary, documents, groups, storyPairs, warnings: json.warnings };
}
