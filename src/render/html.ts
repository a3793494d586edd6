/**
 * The HTML report (`--html <file>`): one self-contained page that opens from disk, with the
 * report's data embedded as JSON in a `<script type="application/json">` element and the style
 * and script inline (html-page.ts); nothing is fetched. This module turns the report into the
 * page's data and writes the page as a sequence of strings, so a large one is never one string.
 *
 * It computes nothing the report does not hold. The side-by-side view needs each group member
 * aligned with its original, which the core computes (ScanAnalysis.memberAlignment); the CLI
 * asks for the members `planHtml` names and hands them in as `HtmlExtras`.
 *
 * A large corpus is summarised (a 100 MB corpus makes a 474 MB JSON report), as `planHtml`
 * decides and the page says:
 * - every group is listed, with its original, evidence, confidence and each member's role,
 *   coverage and kinds of edit; the largest groups, as many as hold `detailDocuments`
 *   documents (at least one group), are shown in detail: members side by side with the original;
 * - every document is listed with its counts and its paragraph map (line spans and statuses);
 *   paragraph texts and best matches only for the documents of the groups in detail, or for all
 *   documents when the scan has at most `allTextsParagraphs` paragraphs;
 * - boilerplate is listed by text (how often, in how many files), the most frequent first;
 *   repeated lines in document order; each list up to a cap.
 */
import type { BoilerplateKind, DiffBlock, DocumentReport, GroupMember, GroupReport, ReportOptions, SegmentReport, Summary, TemplateKind, Warning } from '../core/types.js';
import { largestFirst, memberStoryCalls, originalEvidence, type MemberStoryCall, type StorySide } from './human.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './html-page.js';
import { paragraphSpans, printable, repeatedLines, repeatLines } from './text.js';
import { groupsOf, memberRoles, rolesCell } from './documents-table.js';

/** How much of a large corpus the page shows in full. */
export interface HtmlLimits {
  /** Groups are shown in detail, largest first, while they hold at most this many documents together. */
  detailDocuments: number;
  /** Members of one group shown side by side at most (a group of thousands is a footer or a template, not a story). */
  alignedMembers: number;
  /** Every document's paragraph texts are included when the scan has at most this many paragraphs. */
  allTextsParagraphs: number;
  /** Distinct boilerplate texts listed at most, the most frequent first. */
  boilerplateShown: number;
  /** Repeated lines listed at most. */
  repeatsShown: number;
  /** Warnings listed at most (all are counted). */
  warningsShown: number;
}

/**
 * Chosen so that the 100 MB bench corpus (43,917 files, 637,319 paragraphs) makes a page that
 * loads in a few seconds: 19 MB, ready in 0.9 s in Chromium (README, "HTML report"), of which
 * the 1,000 documents in detail are about 9 MB (texts 3.3, alignments 5.4) and the rows of
 * every document (6.4) and group (5.5) the rest. The BBC corpus (2,224 articles read, 33,470
 * paragraphs) is shown whole: 7.5 MB, 0.3 s.
 */
export const HTML_LIMITS: HtmlLimits = {
  detailDocuments: 1000,
  alignedMembers: 100,
  allTextsParagraphs: 50_000,
  boilerplateShown: 500,
  repeatsShown: 1000,
  warningsShown: 100,
};

/** What the page shows in full. */
export interface HtmlPlan {
  limits: HtmlLimits;
  /**
   * Per group shown in detail (by id): the member the others are compared with (the original,
   * or the first member when the original is undecided) and the members shown side by side with
   * it (indexes into `members`).
   */
  aligned: ReadonlyMap<number, { reference: number; members: readonly number[] }>;
  /** Whether every document's paragraph texts are included. */
  allTexts: boolean;
  /** Documents of the groups shown in detail, whose paragraph texts are included. */
  textDocuments: ReadonlySet<string>;
}

/** Data computed elsewhere for the page: members aligned with their originals, keyed by alignmentKey. */
export interface HtmlExtras {
  alignments: ReadonlyMap<string, readonly DiffBlock[]>;
  /** The report's story pairs by story (human.ts, storySides): each member's story-level call. */
  stories?: ReadonlyMap<string, StorySide[]>;
}

export function alignmentKey(group: number, member: number): string {
  return `${group} ${member}`;
}

/** Which groups are shown in detail and which documents' texts are included. */
export function planHtml(groups: readonly GroupReport[], summary: Summary, limits: HtmlLimits = HTML_LIMITS): HtmlPlan {
  const aligned = new Map<number, { reference: number; members: number[] }>();
  const textDocuments = new Set<string>();
  for (const group of largestFirst(groups)) {
    const documents = group.documents.filter((d) => !textDocuments.has(d));
    if (aligned.size > 0 && textDocuments.size + documents.length > limits.detailDocuments) break;
    // Without an original the copies are still worth comparing: with the first member, as the page says.
    const reference = Math.max(0, group.members.findIndex((m) => m.role === 'original'));
    const members: number[] = [];
    group.members.forEach((_, i) => {
      if (i !== reference && members.length < limits.alignedMembers) members.push(i);
    });
    aligned.set(group.id, { reference, members });
    for (const d of documents) textDocuments.add(d);
  }
  return { limits, aligned, allTexts: summary.paragraphs <= limits.allTextsParagraphs, textDocuments };
}

/**
 * A paragraph's best match as the page shows it: path, first line, similarity, status, how many
 * more, 1 when reworded, and its template kind when its matches link nothing
 * (SegmentReport.template; `reworded` is 0 then when it is not).
 */
type BestMatch = [path: string, startLine: number, similarity: number, status: 'shared' | 'edited', more: number, reworded?: 0 | 1, template?: TemplateKind];

/** One document as the page holds it, made as the document goes by (the report is never held whole). */
export interface HtmlDocument {
  path: string;
  group: number | null;
  /** The groups of its stories, in order, each once (documents-table.ts, groupsOf): the page links each. */
  groups: number[];
  layout: string;
  lines: number;
  words: number;
  reusedShare: number;
  counts: DocumentReport['counts'];
  /** One letter per paragraph: u unique, s shared, e edited, f boilerplate (footer), a boilerplate (artifact); a capital when it is repeated in its file. */
  statuses: string;
  /** Line spans (encodeSpans). */
  spans: string;
  /** With two or more stories: [first segment, last segment, start line, end line, group, reused share] each. */
  stories: Array<[number, number, number, number, number | null, number]>;
  /** Paragraph texts and best matches, for the documents shown in detail. */
  detail: { text: string[]; best: Array<BestMatch | null>; repeatOf: Array<number | null> } | null;
  boilerplate: Array<[segment: number, kind: BoilerplateKind, text: string]>;
  /** Per repeated text: its lines in file order, its text, and the lines as the report names them (repeatLines). */
  repeats: Array<[lines: number[], text: string, label: string]>;
}

const STATUS_LETTER: Record<Exclude<SegmentReport['status'], 'boilerplate'> | BoilerplateKind, string> = { unique: 'u', shared: 's', edited: 'e', footer: 'f', artifact: 'a' };

function statusLetter(s: SegmentReport): string {
  const letter = STATUS_LETTER[s.status === 'boilerplate' ? (s.boilerplate ?? 'footer') : s.status];
  return s.repeat ? letter.toUpperCase() : letter;
}

/**
 * Line spans, compact: per paragraph its start line less the previous paragraph's end line,
 * then `+n` when it spans n more lines; comma-separated ("1,2,2+3"); `~` before a sentence piece
 * that continues a long paragraph (SegmentReport.continues: "1,2,~0"). A 637,319-paragraph
 * corpus takes about 2 MB so, against 4 MB as two arrays of numbers.
 */
export function encodeSpans(segments: readonly Pick<SegmentReport, 'startLine' | 'endLine' | 'continues'>[]): string {
  let previous = 0;
  return segments
    .map((s) => {
      const item = `${s.continues ? '~' : ''}${s.startLine - previous}${s.endLine > s.startLine ? `+${s.endLine - s.startLine}` : ''}`;
      previous = s.endLine;
      return item;
    })
    .join(',');
}

function repeatsOf(doc: DocumentReport): HtmlDocument['repeats'] {
  return [...repeatedLines(doc)].map(([first, lines]) => [lines, doc.segments[first]!.text, repeatLines(lines)]);
}

function detailOf(doc: DocumentReport): NonNullable<HtmlDocument['detail']> {
  return {
    text: doc.segments.map((s) => s.text),
    best: doc.segments.map((s): BestMatch | null => {
      const m = s.matches[0];
      if (!m) return null;
      const best: BestMatch = [m.path, m.startLine, m.similarity, m.status, s.matchCount - 1];
      if (m.reworded || s.template) best.push(m.reworded ? 1 : 0);
      if (s.template) best.push(s.template);
      return best;
    }),
    repeatOf: doc.segments.map((s) => s.repeatOf ?? null),
  };
}

/** What the page keeps of one document. */
export function htmlDocument(doc: DocumentReport, plan: HtmlPlan): HtmlDocument {
  const statuses = doc.segments.map(statusLetter).join('');
  const boilerplate: HtmlDocument['boilerplate'] = [];
  for (const s of doc.segments) if (s.boilerplate) boilerplate.push([s.index, s.boilerplate, s.text]);
  return {
    path: doc.path,
    group: doc.group,
    groups: groupsOf(doc),
    layout: doc.layout,
    lines: doc.lines,
    words: doc.words,
    reusedShare: doc.reusedShare,
    counts: doc.counts,
    statuses,
    spans: encodeSpans(doc.segments),
    stories: doc.stories.length < 2 ? [] : doc.stories.map((s) => [s.segments[0], s.segments[1], s.startLine, s.endLine, s.group, s.reusedShare]),
    detail: plan.allTexts || plan.textDocuments.has(doc.path) ? detailOf(doc) : null,
    boilerplate,
    repeats: repeatsOf(doc),
  };
}

/** Everything the page is made of. */
export interface HtmlPage {
  /** The page's title: the command and what it read. */
  title: string;
  /** "dedupe 0.1.0". */
  generator: string;
  command: 'scan' | 'check';
  summary: Summary;
  options: ReportOptions;
  warnings: readonly Warning[];
  groups: readonly GroupReport[];
  documents: readonly HtmlDocument[];
  plan: HtmlPlan;
  extras: HtmlExtras;
  /** `dedupe check`: what the gate decided, as the JSON report's `check` says it. */
  check?: HtmlGate;
}

/** The check's verdict: the rule, the incoming articles it flagged, and those stored with --add (null without it). */
export interface HtmlGate {
  failOn: string | null;
  copyShare: number;
  flagged: readonly string[];
  added: readonly string[] | null;
}

/** Field names of the rows the page's data holds as arrays (documents, members), so the script reads them by name. */
export const DOCUMENT_FIELDS = ['path', 'group', 'groups', 'role', 'layout', 'lines', 'words', 'reused', 'shared', 'edited', 'unique', 'boilerplate', 'repeats', 'statuses', 'spans', 'stories', 'detail'] as const;
export const MEMBER_FIELDS = ['doc', 'path', 'story', 'startLine', 'endLine', 'role', 'score', 'coverage', 'reusedShare', 'same', 'edited', 'added', 'dropped', 'moved', 'edits', 'reasons', 'aligned', 'storyCall'] as const;

const OP_CODES = { equal: 0, delete: 1, insert: 2 } as const;

/** An aligned block as the page holds it: spans as [start, end], ops as [code, text]. */
function pageBlock(block: DiffBlock): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: block.kind,
    // A paragraph once, however many pieces of it (cut at sentences) the block holds: the page counts them ("merged 2 → 1").
    from: paragraphSpans(block.from),
    to: paragraphSpans(block.to),
    similarity: block.similarity,
    moved: block.moved,
  };
  // Found by passage alignment: its similarity is of content words, as the text report's "~0.59" says.
  if (block.reworded === true) out.reworded = 1;
  // An unchanged run or a same block the original writes otherwise (case, quotes) carries its own words for the left side.
  if (block.ops) out.ops = block.ops.map((op) => (op.from === undefined ? [OP_CODES[op.op], op.text] : [OP_CODES[op.op], op.text, op.from]));
  else {
    out.text = block.text ?? '';
    if (block.fromText !== undefined) out.fromText = block.fromText;
  }
  return out;
}

/** A member's story-level call for the page: [call, words, bigrams, reused, the other story's path], or null. */
function storyCallCell(member: GroupMember, storyCall: MemberStoryCall | null): unknown[] | null {
  const found = storyCall ? storyCall(member) : null;
  if (!found) return null;
  const { side, other } = found;
  return [side.call, side.words, side.bigrams, side.reused, printable(other.path)];
}

function memberRow(member: GroupMember, doc: number, aligned: readonly DiffBlock[] | undefined, storyCall: unknown[] | null): unknown[] {
  const c = member.comparison;
  return [
    doc,
    printable(member.path),
    member.story,
    member.startLine,
    member.endLine,
    member.role,
    member.score,
    c?.coverage ?? null,
    c?.reused ?? null,
    c?.paragraphs.shared ?? null,
    c?.paragraphs.edited ?? null,
    c?.paragraphs.added ?? null,
    c?.paragraphs.dropped ?? null,
    c?.paragraphs.moved ?? null,
    c ? c.edits.map((e) => [e.kind, e.count]) : [],
    member.reasons.map((r) => [r.kind, printable(r.detail), r.weight]),
    aligned ? aligned.map(pageBlock) : null,
    storyCall,
  ];
}

function groupData(page: HtmlPage, docIndex: ReadonlyMap<string, number>): unknown[] {
  return page.groups.map((group) => {
    const aligned = page.plan.aligned.get(group.id);
    const storyCall = page.extras.stories ? memberStoryCalls(group, page.extras.stories) : null;
    const members = group.members.map((member, i) => {
      const blocks = aligned?.members.includes(i) ? page.extras.alignments.get(alignmentKey(group.id, i)) : undefined;
      return memberRow(member, docIndex.get(member.path) ?? -1, blocks, storyCallCell(member, storyCall));
    });
    return {
      id: group.id,
      documents: group.documents.length,
      clusters: group.clusters,
      original: group.original === null ? null : printable(group.original),
      confidence: group.confidence,
      reasons: originalEvidence(group).map((r) => [r.kind, printable(r.detail), r.weight]),
      detail: aligned !== undefined,
      reference: aligned?.reference ?? null,
      members,
    };
  });
}

/** Boilerplate by text, the most frequent first: [text, kind, occurrences, files, first document, its line]. */
function boilerplateData(documents: readonly HtmlDocument[], limits: HtmlLimits): { total: number; distinct: number; shown: unknown[] } {
  const byText = new Map<string, { kind: BoilerplateKind; count: number; files: number; doc: number; line: number; lastDoc: number }>();
  let total = 0;
  documents.forEach((doc, d) => {
    if (doc.boilerplate.length === 0) return;
    const starts = decodeStarts(doc.spans);
    for (const [segment, kind, text] of doc.boilerplate) {
      total++;
      const seen = byText.get(text);
      if (!seen) byText.set(text, { kind, count: 1, files: 1, doc: d, line: starts[segment] ?? 0, lastDoc: d });
      else {
        seen.count++;
        if (seen.lastDoc !== d) seen.files++;
        seen.lastDoc = d;
      }
    }
  });
  const sorted = [...byText].sort((a, b) => b[1].count - a[1].count || a[1].doc - b[1].doc);
  const shown = sorted.slice(0, limits.boilerplateShown).map(([text, e]) => [text, e.kind, e.count, e.files, e.doc, e.line]);
  return { total, distinct: byText.size, shown };
}

/** Start lines of encodeSpans' paragraphs. */
export function decodeStarts(spans: string): number[] {
  if (spans === '') return [];
  let end = 0;
  return spans.split(',').map((item) => {
    const [delta, more] = item.replace(/^~/, '').split('+');
    const start = end + Number(delta);
    end = start + Number(more ?? 0);
    return start;
  });
}

/** Repeated texts (`total`, one per text and file) and the paragraphs they fill (`paragraphs`, as the JSON summary's `repeats` counts). */
function repeatsData(documents: readonly HtmlDocument[], limits: HtmlLimits): { total: number; paragraphs: number; shown: unknown[] } {
  const shown: unknown[] = [];
  let total = 0;
  let paragraphs = 0;
  documents.forEach((doc, d) => {
    // Counted as the document counts them: the first copy of a page scraped twice heads its list but is no repeat.
    paragraphs += doc.counts.repeats;
    for (const [lines, text, label] of doc.repeats) {
      total++;
      if (shown.length < limits.repeatsShown) shown.push([d, lines, text, label]);
    }
  });
  return { total, paragraphs, shown };
}

const count = (n: number): string => n.toLocaleString('en-US');
const counted = (n: number, singular: string): string => `${count(n)} ${n === 1 ? singular : `${singular}s`}`;

/** What the page says it left out. */
export function htmlNotes(page: Pick<HtmlPage, 'groups' | 'documents' | 'plan' | 'summary'>, boilerplate: { distinct: number }, repeats: { total: number }): string[] {
  const { plan, groups, documents } = page;
  const { limits } = plan;
  const notes: string[] = [];
  if (plan.aligned.size < groups.length) {
    notes.push(
      `The ${counted(plan.aligned.size, 'largest group')} (${counted(plan.textDocuments.size, 'document')}) ${plan.aligned.size === 1 ? 'is' : 'are'} shown in detail, each member side by side with its original; ` +
        `the other ${count(groups.length - plan.aligned.size)} are listed with their members' roles, coverage and kinds of edit (dedupe diff <original> <member> shows any of them side by side).`,
    );
  }
  for (const group of groups) {
    const aligned = plan.aligned.get(group.id);
    const comparable = group.members.length - 1;
    if (aligned && aligned.members.length < comparable) notes.push(`Group ${group.id}: side by side for the first ${count(aligned.members.length)} of its ${count(comparable)} copies.`);
  }
  if (!plan.allTexts) {
    const withText = documents.filter((d) => d.detail !== null).length;
    notes.push(
      `Paragraph texts and matches are included for the ${counted(withText, 'document')} of the groups shown in detail; the paragraph maps of the other ` +
        `${count(documents.length - withText)} give line spans and statuses (the scan has ${count(page.summary.paragraphs)} paragraphs; texts are included for all up to ${count(limits.allTextsParagraphs)}).`,
    );
  }
  if (boilerplate.distinct > limits.boilerplateShown) notes.push(`Boilerplate: the ${count(limits.boilerplateShown)} most frequent of ${count(boilerplate.distinct)} texts are listed.`);
  if (repeats.total > limits.repeatsShown) notes.push(`Repeated lines: the first ${count(limits.repeatsShown)} of ${count(repeats.total)} are listed.`);
  return notes;
}

/** JSON safe inside a script element: no `<`, so neither `</script>` nor `<!--` in an article ends or changes it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rows of about this many characters are written at a time (see OUTPUT_PIECE_CHARS in text.ts). */
const CHUNK_CHARS = 1 << 20;

function* rowsJson(rows: Iterable<unknown>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  let first = true;
  for (const row of rows) {
    const text = scriptJson(row);
    pending.push(text);
    size += text.length;
    if (size >= CHUNK_CHARS) {
      yield `${first ? '' : ','}${pending.join(',')}`;
      first = false;
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield `${first ? '' : ','}${pending.join(',')}`;
}

/** The document rows, as DOCUMENT_FIELDS names their cells; `detail` numbers the document's entry in `details`, or is -1. */
function* documentRows(page: HtmlPage): Generator<unknown[]> {
  const roles = memberRoles(page.groups);
  let details = 0;
  for (const doc of page.documents) {
    const detail = doc.detail === null ? -1 : details++;
    yield [
      printable(doc.path),
      doc.group,
      doc.groups,
      // A file whose stories are in two groups has a role in each ("reprint, copy"), as the human report's table.
      rolesCell(doc.groups, doc.path, roles),
      doc.layout,
      doc.lines,
      doc.words,
      doc.reusedShare,
      doc.counts.shared,
      doc.counts.edited,
      doc.counts.unique,
      doc.counts.boilerplate,
      doc.counts.repeats,
      doc.statuses,
      doc.spans,
      doc.stories,
      detail,
    ];
  }
}

/** Texts, best matches (paths as document numbers where known) and first occurrences of repeats, of the documents shown in detail. */
function* detailRows(page: HtmlPage, docIndex: ReadonlyMap<string, number>): Generator<unknown> {
  for (const doc of page.documents) {
    if (doc.detail === null) continue;
    const best = doc.detail.best.map((b) => (b === null ? 0 : [docIndex.get(b[0]) ?? printable(b[0]), ...b.slice(1)]));
    yield [doc.detail.text, best, doc.detail.repeatOf];
  }
}

/** The page, a piece at a time. */
export function* renderHtmlChunks(page: HtmlPage): Generator<string> {
  const docIndex = new Map(page.documents.map((d, i) => [d.path, i]));
  const boilerplate = boilerplateData(page.documents, page.plan.limits);
  const repeats = repeatsData(page.documents, page.plan.limits);
  const head = {
    version: 1,
    generator: page.generator,
    title: printable(page.title),
    command: page.command,
    summary: page.summary,
    options: page.options,
    warnings: { total: page.warnings.length, shown: page.warnings.slice(0, page.plan.limits.warningsShown).map((w) => printable(w.message)) },
    check: page.check
      ? { ...page.check, flagged: page.check.flagged.map(printable), added: page.check.added === null ? null : page.check.added.map(printable) }
      : null,
    notes: htmlNotes(page, boilerplate, repeats),
    documentFields: DOCUMENT_FIELDS,
    memberFields: MEMBER_FIELDS,
    groups: groupData(page, docIndex),
    boilerplate,
    repeats,
  };
  const title = escapeHtml(printable(page.title));
  yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${escapeHtml(page.generator)}">\n<title>${title}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${title}</h1><p id="summary"></p></header>\n<noscript><p>This report is drawn by its script; its data is the JSON in the element with id dedupe-data.</p></noscript>\n` +
    `<main id="app"></main>\n<script type="application/json" id="dedupe-data">`;
  yield `${scriptJson(head).slice(0, -1)},"documents":[`;
  yield* rowsJson(documentRows(page));
  yield '],"details":[';
  yield* rowsJson(detailRows(page, docIndex));
  yield `]}</script>\n<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`;
}
