/**
 * The report for people: a summary line, a table of syndication groups with per-document
 * counts, then each document's paragraph map (line span, status, best match, preview).
 * Readable without colour: statuses are words, not just colours.
 */
import Table from 'cli-table3';
import type { DocumentReport, Report, SegmentReport } from '../core/types.js';
import type { Palette } from './palette.js';
import { lineSpan, percent, plural, preview, relativeName } from './text.js';

export interface HumanOptions {
  palette: Palette;
  /** Terminal width; previews are cut to fit. */
  width: number;
  /** Only the summary line. */
  quiet: boolean;
  /** Wall time of the run, measured by the caller (the core does not read clocks). */
  elapsedMs: number;
}

export function renderSummary(report: Report, elapsedMs: number): string {
  const s = report.summary;
  const seconds = (elapsedMs / 1000).toFixed(2);
  return (
    `${plural(s.documents, 'file')}, ${plural(s.paragraphs, 'paragraph')} ` +
    `(${s.shared} shared, ${s.edited} edited, ${s.unique} unique), ` +
    `${plural(s.groups, 'group')} in ${seconds} s`
  );
}

function statusText(status: SegmentReport['status'], palette: Palette): string {
  return palette[status](status.padEnd(6));
}

export function renderGroupsTable(report: Report, palette: Palette): string {
  const table = new Table({
    head: ['Group', 'Document', 'Paragraphs', 'Shared', 'Edited', 'Unique', 'Reused'],
    colAligns: ['right', 'left', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    // No rule between rows: a group of forty reprints stays forty lines.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const ordered = [...report.documents].sort((a, b) => (a.group ?? Infinity) - (b.group ?? Infinity));
  for (const doc of ordered) {
    table.push([
      doc.group === null ? palette.dim('-') : String(doc.group),
      doc.path,
      String(doc.segments.length),
      palette.shared(String(doc.counts.shared)),
      palette.edited(String(doc.counts.edited)),
      palette.unique(String(doc.counts.unique)),
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

export function renderDocument(doc: DocumentReport, palette: Palette, width: number): string {
  const group = doc.group === null ? 'no group' : `group ${doc.group}`;
  const header =
    `${palette.bold(doc.path)}  ${palette.dim(
      `${group}, ${plural(doc.segments.length, 'paragraph')}, ${percent(doc.reusedShare)} reused, ${doc.layout} layout`,
    )}`;
  if (doc.segments.length === 0) return `${header}\n  ${palette.dim('(no paragraphs)')}`;
  const spanWidth = Math.max(5, ...doc.segments.map((s) => lineSpan(s.startLine, s.endLine).length));
  const labels = doc.segments.map((s) => matchLabel(doc, s));
  const labelWidth = Math.max(10, ...labels.map((l) => l.length));
  const rows = doc.segments.map((segment, i) => {
    const notes: string[] = [];
    if (segment.repeatOf !== undefined) {
      notes.push(`repeat of line ${doc.segments[segment.repeatOf]?.startLine ?? '?'}`);
    }
    if (segment.boilerplate) notes.push('boilerplate');
    const note = notes.length > 0 ? `[${notes.join(', ')}] ` : '';
    const fixed = 2 + spanWidth + 2 + 6 + 2 + labelWidth + 2;
    const text = preview(segment.text, Math.max(20, width - fixed - note.length));
    const span = lineSpan(segment.startLine, segment.endLine).padStart(spanWidth);
    const label = labels[i]!.padEnd(labelWidth);
    return `  ${span}  ${statusText(segment.status, palette)}  ${label}  ${palette.dim(note)}${text}`.trimEnd();
  });
  const head = palette.dim(`  ${'lines'.padStart(spanWidth)}  status  ${'best match'.padEnd(labelWidth)}  text`);
  return [header, head, ...rows].join('\n');
}

export function renderHuman(report: Report, options: HumanOptions): string {
  const { palette } = options;
  const parts = [renderSummary(report, options.elapsedMs)];
  if (!options.quiet && report.documents.length > 0) {
    parts.push(renderGroupsTable(report, palette));
    for (const doc of report.documents) parts.push(renderDocument(doc, palette, options.width));
  }
  return `${parts.join('\n\n')}\n`;
}
