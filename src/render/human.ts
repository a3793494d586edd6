/**
 * The report for people. It leads with each syndication group (original, versions, reprints
 * with what they kept and changed), then a table of documents, then each document's paragraph
 * map (line span, status, best match, preview; with `diff`, the word changes under each edited
 * paragraph), and ends with the boilerplate and repeated lines a scraper leaked, so they can
 * be fixed at the source. Readable without colour: statuses are words, diffs use [-x-]{+y+}.
 */
import Table from 'cli-table3';
import type { DocumentReport, EditSummary, GroupMember, GroupReport, Report, SegmentReport, WarningCode } from '../core/types.js';
import { renderOps } from './diff.js';
import type { Palette } from './palette.js';
import { lineSpan, percent, plural, preview, printable, relativeName } from './text.js';

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
}

/** Warnings that mean a whole file was not read. */
const SKIPPED_FILE: ReadonlySet<WarningCode> = new Set<WarningCode>(['binary', 'invalid-utf8', 'unreadable', 'vanished', 'too-large']);

/**
 * The first line. `noun`: what the documents are, files (the default) or documents (when some
 * came from JSONL lines, which are not files).
 */
export function renderSummary(report: Report, elapsedMs: number, noun: 'file' | 'document' = 'file'): string {
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

export function renderGroup(group: GroupReport, palette: Palette, storiesIn: (path: string) => number = () => 1): string {
  const lines: string[] = [];
  const original = group.members.find((m) => m.role === 'original');
  const head = `Group ${group.id}: ${plural(group.documents.length, 'document')}`;
  if (original) {
    const why = printable(group.originalReasons.map((r) => (r.kind === 'dateline' || r.kind === 'credit' ? `${r.kind} ${r.detail}` : r.detail)).join('; '));
    lines.push(`${palette.bold(head)}, original ${memberLabel(original, storiesIn)} (confidence ${group.confidence?.toFixed(2)}: ${why})`);
  } else {
    lines.push(`${palette.bold(head)}, original undecided (no dateline, date or containment evidence tells the copies apart)`);
  }
  const order: Record<string, number> = { original: 0, version: 1, reprint: 2 };
  const members = [...group.members].sort((a, b) => (order[a.role ?? ''] ?? 3) - (order[b.role ?? ''] ?? 3));
  const labelWidth = Math.max(...members.map((m) => memberLabel(m, storiesIn).length));
  for (const member of members) {
    const role = (member.role ?? 'copy').padEnd(8);
    const detail = member.comparison ? describeComparison(member.comparison) : '';
    lines.push(`  ${role}  ${memberLabel(member, storiesIn).padEnd(labelWidth)}  ${palette.dim(detail)}`.trimEnd());
  }
  return lines.join('\n');
}

export function renderGroupsTable(report: Report, palette: Palette): string {
  const table = new Table({
    head: ['Group', 'Role', 'Document', 'Paragraphs', 'Shared', 'Edited', 'Unique', 'Boilerplate', 'Reused'],
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
  const ordered = [...report.documents].sort((a, b) => (a.group ?? Infinity) - (b.group ?? Infinity));
  for (const doc of ordered) {
    table.push([
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
  }
  return table.toString();
}

function matchLabel(doc: DocumentReport, segment: SegmentReport): string {
  const best = segment.matches[0];
  if (!best) return '';
  const more = segment.matchCount > 1 ? ` +${segment.matchCount - 1}` : '';
  return `${relativeName(doc.path, best.path)}:${lineSpan(best.startLine, best.endLine)} ${best.similarity.toFixed(2)}${more}`;
}

export interface DocumentOptions extends Pick<HumanOptions, 'palette' | 'width' | 'diff' | 'color'> {
  /** Path of the original of the document's group, if any. */
  originalOf?: (doc: DocumentReport) => string | null;
}


export function renderDocument(doc: DocumentReport, options: DocumentOptions): string {
  const { palette, width } = options;
  const group = doc.group === null ? 'no group' : `group ${doc.group}`;
  const storyNote = doc.stories.length > 1 ? `${doc.stories.length} stories, ` : '';
  const header = `${palette.bold(printable(doc.path))}  ${palette.dim(
    `${group}, ${storyNote}${plural(doc.segments.length, 'paragraph')}, ${percent(doc.reusedShare)} reused, ${doc.layout} layout`,
  )}`;
  if (doc.segments.length === 0) return `${header}\n  ${palette.dim('(no paragraphs)')}`;
  const spanWidth = Math.max(5, ...doc.segments.map((s) => lineSpan(s.startLine, s.endLine).length));
  const labels = doc.segments.map((s) => matchLabel(doc, s));
  const labelWidth = Math.max(10, ...labels.map((l) => l.length));
  const statusWidth = 11;
  const rows: string[] = [];
  doc.segments.forEach((segment, i) => {
    const story = doc.stories.length > 1 ? doc.stories.find((s) => s.segments[0] === i) : undefined;
    if (story) {
      const storyGroup = story.group === null ? 'no group' : `group ${story.group}`;
      rows.push(palette.dim(`  -- story ${story.index + 1}, lines ${lineSpan(story.startLine, story.endLine)}: ${storyGroup}, ${percent(story.reusedShare)} reused`));
    }
    const notes: string[] = [];
    if (segment.repeat) notes.push(segment.repeatOf !== undefined ? `repeat of line ${doc.segments[segment.repeatOf]?.startLine ?? '?'}` : 'repeated');
    if (segment.boilerplate) notes.push(segment.boilerplate);
    const note = notes.length > 0 ? `[${notes.join(', ')}] ` : '';
    const fixed = 2 + spanWidth + 2 + statusWidth + 2 + labelWidth + 2;
    const text = preview(segment.text, Math.max(20, width - fixed - note.length));
    const span = lineSpan(segment.startLine, segment.endLine).padStart(spanWidth);
    const label = labels[i]!.padEnd(labelWidth);
    const status = palette[segment.status](segment.status.padEnd(statusWidth));
    rows.push(`  ${span}  ${status}  ${label}  ${palette.dim(note)}${text}`.trimEnd());
    if (options.diff && (segment.status === 'edited' || segment.status === 'shared')) {
      // Against the group's original when this paragraph matches it (the edit a reader wants
      // to see, or nothing when it is the original's text word for word); otherwise against
      // the closest edited match. The original itself is compared with nothing.
      const original = options.originalOf?.(doc) ?? null;
      const toOriginal = original === doc.path ? undefined : segment.matches.find((m) => m.path === original);
      const best = original === doc.path ? undefined : toOriginal ?? segment.matches.find((m) => m.ops);
      // Several paragraphs of that document merged into this one are diffed as one text (the report's `merges`).
      const merge = best ? segment.merges?.find((m) => m.path === best.path) : undefined;
      const ops = merge ? merge.ops : best?.ops;
      if (best && ops) {
        const lines = merge ? merge.parts.map((m) => lineSpan(m.startLine, m.endLine)).join('+') : lineSpan(best.startLine, best.endLine);
        const from = `${relativeName(doc.path, best.path)}:${lines}${merge ? ' (merged)' : ''}`;
        rows.push(`  ${' '.repeat(spanWidth)}  ${palette.dim(`from ${from}:`)} ${renderOps(ops, { palette, color: options.color, context: 6 })}`);
      }
    }
  });
  const head = palette.dim(`  ${'lines'.padStart(spanWidth)}  ${'status'.padEnd(statusWidth)}  ${'best match'.padEnd(labelWidth)}  text`);
  return [header, head, ...rows].join('\n');
}

/** Boilerplate, artifacts and repeated lines: what a scraper should stop collecting. */
export function renderScraperNoise(report: Report, palette: Palette, width: number): string | null {
  const boilerplate: string[] = [];
  const repeats: string[] = [];
  for (const doc of report.documents) {
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
      byFirst.set(first, [...(byFirst.get(first) ?? []), segment.startLine]);
    });
    for (const [first, lines] of byFirst) {
      const where = `${printable(doc.path)}: lines ${lines.join(', ')}`;
      repeats.push(`  ${where}  ${preview(doc.segments[first]!.text, Math.max(20, width - where.length - 4))}`);
    }
  }
  const parts: string[] = [];
  if (boilerplate.length > 0) {
    parts.push(`${palette.bold(`Boilerplate (${boilerplate.length})`)} ${palette.dim('footers and scraper artifacts; they link no documents and count toward no reuse')}`, ...boilerplate);
  }
  if (repeats.length > 0) {
    if (parts.length > 0) parts.push('');
    parts.push(`${palette.bold(`Repeated lines (${repeats.length})`)} ${palette.dim('the same text more than once in one file, as when a headline or caption is scraped twice')}`, ...repeats);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

export function renderHuman(report: Report, options: HumanOptions): string {
  const { palette } = options;
  const parts = [renderSummary(report, options.elapsedMs, options.noun)];
  if (!options.quiet && report.documents.length > 0) {
    const storyCounts = new Map(report.documents.map((d) => [d.path, d.stories.length]));
    const storiesIn = (path: string): number => storyCounts.get(path) ?? 1;
    for (const group of report.groups) parts.push(renderGroup(group, palette, storiesIn));
    parts.push(renderGroupsTable(report, palette));
    const originals = new Map(report.groups.map((g) => [g.id, g.original]));
    const originalOf = (doc: DocumentReport): string | null => (doc.group === null ? null : (originals.get(doc.group) ?? null));
    for (const doc of report.documents) parts.push(renderDocument(doc, { ...options, originalOf }));
    const noise = renderScraperNoise(report, palette, options.width);
    if (noise) parts.push(noise);
  }
  return `${parts.join('\n\n')}\n`;
}
