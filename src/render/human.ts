/**
 * The report for people. It leads with each syndication group (original, versions, reprints
 * with what they kept and changed), then a table of documents, then each document's paragraph
 * map (line span, status, best match, preview; with `diff`, the word changes under each edited
 * paragraph), and ends with the boilerplate and repeated lines a scraper leaked, so they can
 * be fixed at the source. Readable without colour: statuses are words, diffs use [-x-]{+y+}.
 */
import Table from 'cli-table3';
import type { DocumentReport, EditSummary, GroupMember, GroupReport, Report, SegmentReport, Summary, Warning, WarningCode } from '../core/types.js';
import { renderOps } from './diff.js';
import type { Palette } from './palette.js';
import { cut, lineSpan, percent, plural, preview, printable, relativeName, widest } from './text.js';

export interface HumanOptions {
  palette: Palette;
  /** Whether the palette colours; decides the diff notation. */
  color: boolean;
  /** Terminal width; previews are cut to fit. */
  width: number;
  /** Only the summary line. */
  quiet: boolean;
  /** Word diffs under edited paragraphs. */
  diff: boolean;
  /** Wall time of the run, measured by the caller (the core does not read clocks). */
  elapsedMs: number;
  /** What the summary calls the documents (see renderSummary). */
  noun?: 'file' | 'document';
  /** --only reused: leave out paragraphs that are neither shared nor edited, and documents with none. */
  only?: 'reused';
  /** --top n: the n largest groups, largest first, and only their documents (0 or absent: all). */
  top?: number;
  /** Fit tables and group lines to `width` (stdout is a terminal of that width). */
  fit?: boolean;
}

/** Warnings that mean a whole file was not read. */
const SKIPPED_FILE: ReadonlySet<WarningCode> = new Set<WarningCode>(['binary', 'invalid-utf8', 'unreadable', 'vanished', 'too-large']);

/**
 * The first line. `noun`: what the documents are, files (the default) or documents (when some
 * came from JSONL lines, which are not files).
 */
export function renderSummary(report: { summary: Summary; warnings: readonly Warning[] }, elapsedMs: number, noun: 'file' | 'document' = 'file'): string {
  const s = report.summary;
  const seconds = (elapsedMs / 1000).toFixed(2);
  const skipped = report.warnings.filter((w) => SKIPPED_FILE.has(w.code)).length;
  const badLines = report.warnings.filter((w) => w.code === 'bad-line').length;
  // "10 files (8 skipped)" read as ten files of which eight were skipped: say which are which.
  const skips = [
    ...(skipped > 0 ? [noun === 'file' ? `${skipped} skipped` : `${plural(skipped, 'file')} skipped`] : []),
    ...(badLines > 0 ? [`${plural(badLines, 'line')} skipped`] : []),
  ];
  return (
    `${plural(s.documents, noun)}${skips.length > 0 ? ` read, ${skips.join(', ')}` : ''}, ${plural(s.paragraphs, 'paragraph')} ` +
    `(${s.shared} shared, ${s.edited} edited, ${s.unique} unique, ${s.boilerplate} boilerplate), ` +
    `${plural(s.groups, 'group')} in ${seconds} s`
  );
}

const EDIT_NAMES: Record<string, string> = {
  'words-substituted': 'words substituted',
  'sentence-dropped': 'sentence dropped',
  'sentence-added': 'sentence added',
  'paragraphs-merged': 'paragraphs merged',
  'paragraph-split': 'paragraph split',
  'paragraphs-moved': 'paragraphs moved',
  'trimmed-from-bottom': 'trimmed from the bottom',
  'new-lede': 'new lede',
  'quote-added': 'quote added',
};

export function describeComparison(c: EditSummary): string {
  const p = c.paragraphs;
  const counts = `${p.shared} same, ${p.edited} edited, ${p.added} added, ${p.dropped} dropped${p.moved > 0 ? `, ${p.moved} moved` : ''}`;
  const edits = c.edits.map((e) => (e.count > 1 ? `${EDIT_NAMES[e.kind] ?? e.kind} (${e.count})` : (EDIT_NAMES[e.kind] ?? e.kind))).join(', ');
  return `keeps ${percent(c.coverage)} of the original; ${counts}${edits ? `; ${edits}` : ''}`;
}

/** The member's path, with its line span when its file holds more than one story. */
function memberLabel(member: GroupMember, storiesIn: (path: string) => number): string {
  const name = printable(member.path);
  return storiesIn(member.path) > 1 ? `${name}:${lineSpan(member.startLine, member.endLine)}` : name;
}

/** `fitWidth`: cut each member's line to this many columns. */
export function renderGroup(group: GroupReport, palette: Palette, storiesIn: (path: string) => number = () => 1, fitWidth?: number): string {
  const lines: string[] = [];
  const original = group.members.find((m) => m.role === 'original');
  const head = `Group ${group.id}: ${plural(group.documents.length, 'document')}`;
  if (original) {
    const why = printable(group.originalReasons.map((r) => (r.kind === 'dateline' || r.kind === 'credit' ? `${r.kind} ${r.detail}` : r.detail)).join('; '));
    const rest = `, original ${memberLabel(original, storiesIn)} (confidence ${group.confidence?.toFixed(2)}: ${why})`;
    lines.push(`${palette.bold(head)}${fitWidth === undefined ? rest : cut(rest, fitWidth - head.length)}`);
  } else {
    lines.push(`${palette.bold(head)}, original undecided (no dateline, date or containment evidence tells the copies apart)`);
  }
  const order: Record<string, number> = { original: 0, version: 1, reprint: 2 };
  const members = [...group.members].sort((a, b) => (order[a.role ?? ''] ?? 3) - (order[b.role ?? ''] ?? 3));
  const labelWidth = widest(members.map((m) => memberLabel(m, storiesIn)));
  for (const member of members) {
    const role = (member.role ?? 'copy').padEnd(8);
    const detail = member.comparison ? describeComparison(member.comparison) : '';
    const start = `  ${role}  ${memberLabel(member, storiesIn).padEnd(labelWidth)}  `;
    if (fitWidth !== undefined && start.length >= fitWidth - 1) lines.push(cut(`${start}${detail}`, fitWidth).trimEnd());
    else lines.push(`${start}${palette.dim(fitWidth === undefined ? detail : cut(detail, fitWidth - start.length))}`.trimEnd());
  }
  return lines.join('\n');
}

/** Columns of the documents table, and how a cell is padded and ruled (cli-table3's defaults). */
const TABLE_HEAD = ['Group', 'Role', 'Document', 'Paragraphs', 'Shared', 'Edited', 'Unique', 'Boilerplate', 'Reused'];
const CELL_PADDING = 2;
const DOCUMENT_COLUMN = 2;
/** The Document column is never cut below this: a path cut shorter says nothing. */
const MIN_DOCUMENT_WIDTH = 16;

/** Headings of the compact table, for terminals too narrow for the ruled one. */
const COMPACT_HEAD = ['Group', 'Role', 'Document', 'Paras', 'Shared', 'Edited', 'Unique', 'Boiler', 'Reused'];
const COMPACT_GAP = 2;
const LEFT_ALIGNED = new Set([1, DOCUMENT_COLUMN]);

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function columnWidths(head: readonly string[], rows: readonly string[][]): number[] {
  return head.map((title, column) => Math.max(title.length, ...rows.map((row) => stripAnsi(row[column]!).length)));
}

/** Paths cut from the left to `room` characters: the file name is what tells documents apart. */
function cutPaths(rows: string[][], room: number): void {
  for (const row of rows) {
    const cell = row[DOCUMENT_COLUMN]!;
    if (cell.length > room) row[DOCUMENT_COLUMN] = `…${cell.slice(cell.length - room + 1)}`;
  }
}

/** The width the ruled table takes (cli-table3: one column of padding each side, a rule between and around). */
function ruledWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w + CELL_PADDING, 0) + widths.length + 1;
}

/** No rules, short headings, two spaces between columns. */
function compactTable(rows: string[][], width: number, palette: Palette): string {
  const others = columnWidths(COMPACT_HEAD, rows).reduce((sum, w, column) => (column === DOCUMENT_COLUMN ? sum : sum + w), 0);
  cutPaths(rows, Math.max(MIN_DOCUMENT_WIDTH, width - others - COMPACT_GAP * (COMPACT_HEAD.length - 1)));
  const widths = columnWidths(COMPACT_HEAD, rows);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - stripAnsi(cell).length);
        return LEFT_ALIGNED.has(column) ? `${cell}${pad}` : `${pad}${cell}`;
      })
      .join(' '.repeat(COMPACT_GAP))
      .trimEnd();
  return [palette.dim(line(COMPACT_HEAD)), ...rows.map(line)].join('\n');
}

export interface TableOptions {
  /** The documents listed (default: all), in group order. */
  documents?: readonly DocumentReport[];
  /** Groups in the order shown, when not by id (--top: largest first). */
  groupOrder?: ReadonlyMap<number, number>;
  /** Fit the table to this many columns. */
  fitWidth?: number;
}

export function renderGroupsTable(report: Report, palette: Palette, options: TableOptions = {}): string {
  const table = new Table({
    head: TABLE_HEAD,
    colAligns: ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    // No rule between rows: a group of forty reprints stays forty lines.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const roles = new Map<string, string>();
  for (const group of report.groups) {
    for (const member of group.members) if (!roles.has(`${group.id} ${member.path}`)) roles.set(`${group.id} ${member.path}`, member.role ?? '');
  }
  const roleOf = (doc: DocumentReport): string => roles.get(`${doc.group} ${doc.path}`) ?? '';
  const rank = (doc: DocumentReport): number => (doc.group === null ? Infinity : (options.groupOrder?.get(doc.group) ?? doc.group));
  const ordered = [...(options.documents ?? report.documents)].sort((a, b) => rank(a) - rank(b));
  const rows = ordered.map((doc) => [
    doc.group === null ? palette.dim('-') : String(doc.group),
    roleOf(doc),
    printable(doc.path),
    String(doc.segments.length),
    palette.shared(String(doc.counts.shared)),
    palette.edited(String(doc.counts.edited)),
    palette.unique(String(doc.counts.unique)),
    palette.boilerplate(String(doc.counts.boilerplate)),
    percent(doc.reusedShare),
  ]);
  const width = options.fitWidth;
  if (width !== undefined) {
    const widths = columnWidths(TABLE_HEAD, rows);
    const over = ruledWidth(widths) - width;
    // Too wide: shorter paths; still too wide with paths at their shortest: the compact table.
    if (over > 0 && widths[DOCUMENT_COLUMN]! - over < MIN_DOCUMENT_WIDTH) return compactTable(rows, width, palette);
    if (over > 0) cutPaths(rows, widths[DOCUMENT_COLUMN]! - over);
  }
  table.push(...rows);
  return table.toString();
}

function matchLabel(doc: DocumentReport, segment: SegmentReport): string {
  const best = segment.matches[0];
  if (!best) return '';
  const more = segment.matchCount > 1 ? ` +${segment.matchCount - 1}` : '';
  return `${relativeName(doc.path, best.path)}:${lineSpan(best.startLine, best.endLine)} ${best.similarity.toFixed(2)}${more}`;
}

export interface DocumentOptions extends Pick<HumanOptions, 'palette' | 'width' | 'diff' | 'color' | 'only'> {
  /** Path of the original of the document's group, if any. */
  originalOf?: (doc: DocumentReport) => string | null;
}


/** Whether a paragraph is shown: all are, but only shared and edited ones with --only reused. */
function shownSegment(segment: SegmentReport, only: HumanOptions['only']): boolean {
  return only !== 'reused' || segment.status === 'shared' || segment.status === 'edited';
}

/** With --diff, the line of word changes under a shared or edited paragraph, or null. */
function diffRow(doc: DocumentReport, segment: SegmentReport, options: DocumentOptions, indent: number): string | null {
  if (segment.status !== 'edited' && segment.status !== 'shared') return null;
  const { palette } = options;
  // Against the group's original when this paragraph matches it (the edit a reader wants
  // to see, or nothing when it is the original's text word for word); otherwise against
  // the closest edited match. The original itself is compared with nothing.
  const original = options.originalOf?.(doc) ?? null;
  const toOriginal = original === doc.path ? undefined : segment.matches.find((m) => m.path === original);
  const best = original === doc.path ? undefined : toOriginal ?? segment.matches.find((m) => m.ops);
  // Several paragraphs of that document merged into this one are diffed as one text (the report's `merges`).
  const merge = best ? segment.merges?.find((m) => m.path === best.path) : undefined;
  const ops = merge ? merge.ops : best?.ops;
  if (!best || !ops) return null;
  const lines = merge ? merge.parts.map((m) => lineSpan(m.startLine, m.endLine)).join('+') : lineSpan(best.startLine, best.endLine);
  const from = `${relativeName(doc.path, best.path)}:${lines}${merge ? ' (merged)' : ''}`;
  return `  ${' '.repeat(indent)}  ${palette.dim(`from ${from}:`)} ${renderOps(ops, { palette, color: options.color, context: 6 })}`;
}

export function renderDocument(doc: DocumentReport, options: DocumentOptions): string {
  const { palette, width } = options;
  const group = doc.group === null ? 'no group' : `group ${doc.group}`;
  const storyNote = doc.stories.length > 1 ? `${doc.stories.length} stories, ` : '';
  const header = `${palette.bold(printable(doc.path))}  ${palette.dim(
    `${group}, ${storyNote}${plural(doc.segments.length, 'paragraph')}, ${percent(doc.reusedShare)} reused, ${doc.layout} layout`,
  )}`;
  if (doc.segments.length === 0) return `${header}\n  ${palette.dim('(no paragraphs)')}`;
  const shown = doc.segments.filter((s) => shownSegment(s, options.only));
  const spanWidth = widest(shown.map((s) => lineSpan(s.startLine, s.endLine)), 5);
  const labels = new Map(shown.map((s) => [s, matchLabel(doc, s)]));
  const labelWidth = widest(labels.values(), 10);
  const statusWidth = 11;
  const rows: string[] = [];
  let previousStory = -1;
  for (const segment of shown) {
    // A file of several stories: a line before the first paragraph shown of each.
    if (doc.stories.length > 1 && segment.story !== previousStory) {
      const story = doc.stories[segment.story]!;
      const storyGroup = story.group === null ? 'no group' : `group ${story.group}`;
      rows.push(palette.dim(`  -- story ${story.index + 1}, lines ${lineSpan(story.startLine, story.endLine)}: ${storyGroup}, ${percent(story.reusedShare)} reused`));
    }
    previousStory = segment.story;
    const notes: string[] = [];
    if (segment.repeat) notes.push(segment.repeatOf !== undefined ? `repeat of line ${doc.segments[segment.repeatOf]?.startLine ?? '?'}` : 'repeated');
    if (segment.boilerplate) notes.push(segment.boilerplate);
    const note = notes.length > 0 ? `[${notes.join(', ')}] ` : '';
    const fixed = 2 + spanWidth + 2 + statusWidth + 2 + labelWidth + 2;
    const text = preview(segment.text, Math.max(20, width - fixed - note.length));
    const span = lineSpan(segment.startLine, segment.endLine).padStart(spanWidth);
    const label = labels.get(segment)!.padEnd(labelWidth);
    const status = palette[segment.status](segment.status.padEnd(statusWidth));
    rows.push(`  ${span}  ${status}  ${label}  ${palette.dim(note)}${text}`.trimEnd());
    const changes = options.diff ? diffRow(doc, segment, options, spanWidth) : null;
    if (changes) rows.push(changes);
  }
  const head = palette.dim(`  ${'lines'.padStart(spanWidth)}  ${'status'.padEnd(statusWidth)}  ${'best match'.padEnd(labelWidth)}  text`);
  return [header, head, ...rows].join('\n');
}

/** Boilerplate, artifacts and repeated lines: what a scraper should stop collecting. */
export function renderScraperNoise(documents: readonly DocumentReport[], palette: Palette, width: number): string | null {
  const boilerplate: string[] = [];
  const repeats: string[] = [];
  for (const doc of documents) {
    for (const segment of doc.segments) {
      if (segment.boilerplate) {
        const where = `${printable(doc.path)}:${lineSpan(segment.startLine, segment.endLine)}`;
        boilerplate.push(`  ${where}  ${segment.boilerplate.padEnd(8)}  ${preview(segment.text, Math.max(20, width - where.length - 14))}`);
      }
    }
    const byFirst = new Map<number, number[]>();
    doc.segments.forEach((segment, i) => {
      if (!segment.repeat) return;
      const first = segment.repeatOf ?? i;
      const lines = byFirst.get(first);
      if (lines) lines.push(segment.startLine);
      else byFirst.set(first, [segment.startLine]);
    });
    for (const [first, lines] of byFirst) {
      const where = `${printable(doc.path)}: lines ${lines.join(', ')}`;
      repeats.push(`  ${where}  ${preview(doc.segments[first]!.text, Math.max(20, width - where.length - 4))}`);
    }
  }
  const parts: string[] = [];
  if (boilerplate.length > 0) {
    parts.push(`${palette.bold(`Boilerplate (${boilerplate.length})`)} ${palette.dim('footers and scraper artifacts; they link no documents and count toward no reuse')}`, boilerplate.join('\n'));
  }
  if (repeats.length > 0) {
    if (parts.length > 0) parts.push('');
    parts.push(`${palette.bold(`Repeated lines (${repeats.length})`)} ${palette.dim('the same text more than once in one file, as when a headline or caption is scraped twice')}`, repeats.join('\n'));
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

/** What the human report shows of a report under --top and --only, and notes saying what it leaves out. */
interface Shown {
  groups: readonly GroupReport[];
  documents: readonly DocumentReport[];
  /** Rank of each group shown, when not by id. */
  groupOrder?: Map<number, number>;
  notes: string[];
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Groups largest first: most documents, then most stories, then the first found (--top, the HTML report's detail). */
export function largestFirst(groups: readonly GroupReport[]): GroupReport[] {
  return [...groups].sort((a, b) => b.documents.length - a.documents.length || b.members.length - a.members.length || a.id - b.id);
}

export function shownParts(report: Report, options: Pick<HumanOptions, 'top' | 'only'>): Shown {
  const shown: Shown = { groups: report.groups, documents: report.documents, notes: [] };
  const top = options.top ?? 0;
  if (top > 0) {
    shown.groups = largestFirst(report.groups).slice(0, top);
    shown.groupOrder = new Map(shown.groups.map((g, rank) => [g.id, rank]));
    const inGroups = new Set(shown.groups.flatMap((g) => g.documents));
    shown.documents = report.documents.filter((d) => inGroups.has(d.path));
    const others = report.documents.length - shown.documents.length;
    shown.notes.push(
      `Showing the ${plural(shown.groups.length, 'largest group')} of ${count(report.groups.length)} (--top ${top}) and their ${plural(shown.documents.length, 'document')}` +
        `${others > 0 ? `; ${plural(others, 'other document')} not shown` : ''}.`,
    );
  }
  if (options.only === 'reused') {
    const withReuse = shown.documents.filter((d) => d.counts.shared + d.counts.edited > 0);
    const hiddenParagraphs = withReuse.reduce((sum, d) => sum + d.segments.filter((s) => !shownSegment(s, 'reused')).length, 0);
    const hiddenDocuments = shown.documents.length - withReuse.length;
    shown.documents = withReuse;
    shown.notes.push(
      `Showing shared and edited paragraphs only (--only reused): ${plural(hiddenParagraphs, 'other paragraph')}` +
        `${hiddenDocuments > 0 ? ` and ${plural(hiddenDocuments, 'document')} without reuse` : ''} not shown.`,
    );
  }
  return shown;
}

export function renderHuman(report: Report, options: HumanOptions): string {
  const { palette } = options;
  const parts = [renderSummary(report, options.elapsedMs, options.noun)];
  if (!options.quiet && report.documents.length > 0) {
    const shown = shownParts(report, options);
    if (shown.notes.length > 0) parts.push(palette.dim(shown.notes.join('\n')));
    const fitWidth = options.fit ? options.width : undefined;
    const storyCounts = new Map(report.documents.map((d) => [d.path, d.stories.length]));
    const storiesIn = (path: string): number => storyCounts.get(path) ?? 1;
    for (const group of shown.groups) parts.push(renderGroup(group, palette, storiesIn, fitWidth));
    const table: TableOptions = { documents: shown.documents };
    if (shown.groupOrder) table.groupOrder = shown.groupOrder;
    if (fitWidth !== undefined) table.fitWidth = fitWidth;
    if (shown.documents.length > 0) parts.push(renderGroupsTable(report, palette, table));
    const originals = new Map(report.groups.map((g) => [g.id, g.original]));
    const originalOf = (doc: DocumentReport): string | null => (doc.group === null ? null : (originals.get(doc.group) ?? null));
    for (const doc of shown.documents) parts.push(renderDocument(doc, { ...options, originalOf }));
    const noise = renderScraperNoise(shown.documents, palette, options.width);
    if (noise) parts.push(noise);
  }
  return `${parts.join('\n\n')}\n`;
}
