/**
 * The human report's table of documents: group, role, path and paragraph counts per document.
 * In a pipe or a file it is a ruled table with whole paths. On a terminal it fits the width, in
 * the first layout of these that keeps every file name whole (what tells documents apart): the
 * ruled table with whole paths; the compact table (no rules, short headings) with whole paths;
 * the ruled table with paths cut from the left; the compact table with paths cut; and otherwise
 * a stacked list, the path on one line and the counts, wrapped, under it.
 *
 * The ruled table is drawn here, line by line, as cli-table3 drew it (the same characters,
 * padding and alignment): cli-table3 lays a table out by checking each cell against every cell
 * of the rows above it for spans, which is quadratic in the rows. A 100 MB scan's 43,917
 * documents took 5 minutes to draw, the rest of the scan 12 seconds.
 */
import type { DocumentHead, GroupReport } from '../core/types.js';
import { cutStart, visibleWidth, wrap } from './fit.js';
import type { Palette } from './palette.js';
import { largest, paragraphsInPieces, percent, printable, thousands, widest } from './text.js';

/** Columns of the documents table, and how a cell is padded (a space each side) and ruled. */
const TABLE_HEAD = ['Group', 'Role', 'Document', 'Paragraphs', 'Shared', 'Edited', 'Unique', 'Boilerplate', 'Reused'];
const CELL_PADDING = 2;
const DOCUMENT_COLUMN = 2;
/** The Document column is never cut below this: a path cut shorter says nothing. */
const MIN_DOCUMENT_WIDTH = 16;

/** Headings of the compact table, for terminals too narrow for the ruled one. */
const COMPACT_HEAD = ['Group', 'Role', 'Document', 'Paras', 'Shared', 'Edited', 'Unique', 'Boiler', 'Reused'];
const COMPACT_GAP = 2;
const LEFT_ALIGNED = new Set([1, DOCUMENT_COLUMN]);

function columnWidths(head: readonly string[], rows: readonly string[][]): number[] {
  return head.map((title, column) => largest(rows, (row) => visibleWidth(row[column]!), title.length));
}

/** The file name at the end of a path (all of it when it has no folder). */
function fileNameOf(shown: string): string {
  return shown.slice(shown.lastIndexOf('/') + 1);
}

/** Paths cut from the left to `room` columns: the file name is what tells documents apart. */
function cutPaths(rows: string[][], room: number): void {
  for (const row of rows) row[DOCUMENT_COLUMN] = cutStart(row[DOCUMENT_COLUMN]!, room);
}

/** The width the ruled table takes: one column of padding each side of a cell, a rule between and around. */
function ruledWidth(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w + CELL_PADDING, 0) + widths.length + 1;
}

/** The width of the compact table with paths of `documentWidth`. */
function compactWidth(rows: readonly string[][], documentWidth: number): number {
  const others = columnWidths(COMPACT_HEAD, rows).reduce((sum, w, column) => (column === DOCUMENT_COLUMN ? sum : sum + w), 0);
  return others + documentWidth + COMPACT_GAP * (COMPACT_HEAD.length - 1);
}

/**
 * Rules around and between the columns, none between the rows (a group of forty reprints stays
 * forty lines); the left-aligned columns (LEFT_ALIGNED) padded on the right, the others on the
 * left.
 */
function ruledTable(rows: readonly string[][]): string {
  const widths = columnWidths(TABLE_HEAD, rows);
  const rule = (left: string, middle: string, right: string): string => `${left}${widths.map((w) => '─'.repeat(w + CELL_PADDING)).join(middle)}${right}`;
  const line = (cells: readonly string[]): string =>
    `│${cells
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - visibleWidth(cell));
        return LEFT_ALIGNED.has(column) ? ` ${cell}${pad} ` : ` ${pad}${cell} `;
      })
      .join('│')}│`;
  return [rule('┌', '┬', '┐'), line(TABLE_HEAD), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

/** No rules, short headings, two spaces between columns. */
function compactTable(rows: string[][], width: number, palette: Palette): string {
  cutPaths(rows, Math.max(MIN_DOCUMENT_WIDTH, width - compactWidth(rows, 0)));
  const widths = columnWidths(COMPACT_HEAD, rows);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - visibleWidth(cell));
        return LEFT_ALIGNED.has(column) ? `${cell}${pad}` : `${pad}${cell}`;
      })
      .join(' '.repeat(COMPACT_GAP))
      .trimEnd();
  return [palette.dim(line(COMPACT_HEAD)), ...rows.map(line)].join('\n');
}

/**
 * One document per entry: group, role and path (cut from the left) on a line, then its counts
 * in words, wrapped under the path: for terminals too narrow for any table.
 */
function stackedList(documents: readonly DocumentHead[], roleOf: (doc: DocumentHead) => string, width: number, palette: Palette): string {
  const groups = documents.map(groupCell);
  const groupWidth = widest(groups, 5);
  const roleWidth = widest(documents.map(roleOf), 4);
  const indent = groupWidth + 2;
  const pathStart = indent + roleWidth + 2;
  const lines = [palette.dim(cutStart(`${'Group'.padStart(groupWidth)}  ${'Role'.padEnd(roleWidth)}  Document`, width))];
  documents.forEach((doc, i) => {
    const group = groups[i]!.padStart(groupWidth);
    const room = Math.max(MIN_DOCUMENT_WIDTH, width - pathStart);
    lines.push(`${doc.group === null ? palette.dim(group) : group}  ${roleOf(doc).padEnd(roleWidth)}  ${cutStart(printable(doc.path), room)}`.trimEnd());
    const c = doc.counts;
    const counts =
      `${paragraphsInPieces(paragraphCount(doc), doc.continuingPieces ?? 0)}: ` +
      `${palette.shared(`${thousands(c.shared)} shared`)}, ${palette.edited(`${thousands(c.edited)} edited`)}, ` +
      `${palette.unique(`${thousands(c.unique)} unique`)}, ${palette.boilerplate(`${thousands(c.boilerplate)} boilerplate`)}; ${percent(doc.reusedShare)} reused`;
    lines.push(...wrap(`${' '.repeat(indent)}${counts}`, width, indent));
  });
  return lines.join('\n');
}

/**
 * The groups of a document's stories, in story order, each once: a file bundling two stories of
 * two groups is in both (the table showed only the first group, so no row showed the second's
 * story; found by a new user).
 */
export function groupsOf(doc: Pick<DocumentHead, 'group' | 'stories'>): number[] {
  const groups: number[] = [];
  for (const story of doc.stories) if (story.group !== null && !groups.includes(story.group)) groups.push(story.group);
  if (groups.length === 0 && doc.group !== null) groups.push(doc.group);
  return groups;
}

/** Each group member's role by `${group id} ${path}` (the first of a file's stories in a group), a copy where the original is undecided. */
export function memberRoles(groups: readonly GroupReport[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const group of groups) {
    for (const member of group.members) if (!roles.has(`${group.id} ${member.path}`)) roles.set(`${group.id} ${member.path}`, member.role ?? 'copy');
  }
  return roles;
}

/** The Role cell: the document's role in each of its groups, in the Group cell's order ("reprint, copy"). */
export function rolesCell(groups: readonly number[], path: string, roles: ReadonlyMap<string, string>): string {
  return groups
    .map((group) => roles.get(`${group} ${path}`) ?? '')
    .filter((role) => role !== '')
    .join(', ');
}

/** The Group cell: "1", "1, 2" for a document in two groups, "-" in none. */
function groupCell(doc: DocumentHead): string {
  const groups = groupsOf(doc);
  return groups.length === 0 ? '-' : groups.join(', ');
}

export interface TableOptions {
  /** The documents listed (default: all), in group order. */
  documents?: readonly DocumentHead[];
  /** Groups in the order shown, when not by id (--top: largest first). */
  groupOrder?: ReadonlyMap<number, number>;
  /** Fit the table to this many columns. */
  fitWidth?: number;
}

/** A document's paragraphs as matched: its statuses' counts add up to them (a long paragraph's sentence pieces each count). */
export function paragraphCount(doc: DocumentHead): number {
  const c = doc.counts;
  return c.shared + c.edited + c.unique + c.boilerplate;
}

/**
 * The Paragraphs cell: "15", or with long paragraphs cut at their sentences "5 in 15" (the
 * statuses beside it count the 15 pieces), as the document's own line says "5 paragraphs in 15
 * pieces" (the table said 15 where the line said 5; found by a new user).
 */
function paragraphsCell(doc: DocumentHead): string {
  const count = paragraphCount(doc);
  const pieces = doc.continuingPieces ?? 0;
  return pieces > 0 ? `${thousands(count - pieces)} in ${thousands(count)}` : thousands(count);
}

/** The table of `report`'s documents (heads suffice: no paragraph is read) with their groups' roles. */
export function renderGroupsTable(report: { groups: readonly GroupReport[]; documents: readonly DocumentHead[] }, palette: Palette, options: TableOptions = {}): string {
  const roles = memberRoles(report.groups);
  const roleOf = (doc: DocumentHead): string => rolesCell(groupsOf(doc), doc.path, roles);
  // A document in two groups sorts with the first of them shown (--top may show its second only; review).
  const rank = (doc: DocumentHead): number => Math.min(Infinity, ...groupsOf(doc).map((group) => options.groupOrder?.get(group) ?? (options.groupOrder ? Infinity : group)));
  const ordered = [...(options.documents ?? report.documents)].sort((a, b) => rank(a) - rank(b));
  const rows = ordered.map((doc) => [
    doc.group === null ? palette.dim('-') : groupCell(doc),
    roleOf(doc),
    printable(doc.path),
    paragraphsCell(doc),
    palette.shared(thousands(doc.counts.shared)),
    palette.edited(thousands(doc.counts.edited)),
    palette.unique(thousands(doc.counts.unique)),
    palette.boilerplate(thousands(doc.counts.boilerplate)),
    percent(doc.reusedShare),
  ]);
  const width = options.fitWidth;
  if (width !== undefined) {
    const widths = columnWidths(TABLE_HEAD, rows);
    const pathWidth = widths[DOCUMENT_COLUMN]!;
    // Room for paths in each layout, and what they must keep: every whole file name (the end
    // of a path, what tells documents apart), and never under MIN_DOCUMENT_WIDTH.
    const ruledRoom = pathWidth - (ruledWidth(widths) - width);
    const compactRoom = width - compactWidth(rows, 0);
    const keep = largest(rows, (row) => visibleWidth(fileNameOf(row[DOCUMENT_COLUMN]!)) + 1, MIN_DOCUMENT_WIDTH);
    // The ruled table while whole paths fit, or cut paths keep their file names; then the
    // compact table, on the same terms (it has more room: no rules, shorter headings); then
    // the stacked list, a path on a line of its own.
    if (ruledRoom >= pathWidth) return ruledTable(rows);
    if (compactRoom >= pathWidth) return compactTable(rows, width, palette);
    if (ruledRoom >= keep) {
      cutPaths(rows, ruledRoom);
      return ruledTable(rows);
    }
    if (compactRoom >= keep) return compactTable(rows, width, palette);
    return stackedList(ordered, roleOf, width, palette);
  }
  return ruledTable(rows);
}
