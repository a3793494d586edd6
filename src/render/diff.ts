/**
 * Word-level diffs as text: coloured (deletions red and struck through, insertions green and
 * underlined) or, without colour, in wdiff's notation [-deleted-]{+inserted+}, so a diff
 * reads the same in a terminal, a log file or a pipe.
 */
import type { DiffReport, EditOp, SetAsideParagraph } from '../core/types.js';
import type { Palette } from './palette.js';
import { cutStart, fitLines, visibleWidth, wrap } from './fit.js';
import { lineSpan, paragraphSpans, percent, preview, printable, thousands, widest } from './text.js';

export interface DiffStyle {
  palette: Palette;
  color: boolean;
  /** Equal runs longer than this many words are shortened to their ends; 0 keeps all. */
  context: number;
}

function shorten(text: string, context: number, position: 'first' | 'middle' | 'last'): string {
  if (context === 0) return text;
  const words = text.split(' ');
  if (words.length <= context * 2 + 1) return text;
  if (position === 'first') return `… ${words.slice(-context).join(' ')}`;
  if (position === 'last') return `${words.slice(0, context).join(' ')} …`;
  return `${words.slice(0, context).join(' ')} … ${words.slice(-context).join(' ')}`;
}

/** A character of a script written without spaces at a text's end, or its start: two operations meeting there were one run of text (no space between). */
const UNSPACED_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*$/u;
const UNSPACED_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function renderOps(ops: readonly EditOp[], style: DiffStyle): string {
  const { palette, color } = style;
  // Operations are joined by a space, except inside a run of Chinese, Japanese or Thai text,
  // which has none: "東京都は[-火-]{+水+}曜日", not "東京都は [-火-] {+水+} 曜日" (found by a new user).
  const glued = (i: number): boolean => i > 0 && UNSPACED_END.test(ops[i - 1]!.text) && UNSPACED_START.test(ops[i]!.text);
  return ops
    .map((op, i) => {
      // Words come from the article: a control character in them must not reach the terminal.
      const text = printable(op.text);
      if (op.op === 'equal') {
        const position = i === 0 ? 'first' : i === ops.length - 1 ? 'last' : 'middle';
        return shorten(text, style.context, ops.length === 1 ? 'middle' : position);
      }
      if (op.op === 'delete') return color ? palette.deleted(text) : `[-${text}-]`;
      return color ? palette.inserted(text) : `{+${text}+}`;
    })
    .map((text, i) => (i === 0 ? text : glued(i) ? text : ` ${text}`))
    .join('');
}

/** A block's line is wrapped under its text while this many columns are left for it; else under the line spans. */
const MIN_BODY_WIDTH = 20;

/**
 * `dedupe diff` for people: one line per aligned block, in the order of the `to` article.
 * `fit` (a terminal, or COLUMNS): every line fits `width`, the word changes wrapped under
 * their text, paths cut from the left.
 */
/** `changed`: whether the alignment found a change (core's `differs`, which --exit-code reads too). */
/**
 * Which story of a file holding several was compared (DiffReport's `story`): "000.txt holds 2
 * stories; compared story 1, lines 1-30, the one sharing the most with the other file".
 */
function storyNotes(report: DiffReport): string[] {
  return [report.from, report.to].flatMap((side) =>
    side.story
      ? [`${printable(side.path)} holds ${side.story.stories} stories; compared story ${side.story.index + 1}, lines ${lineSpan(side.story.startLine, side.story.endLine)}, the one sharing the most with the other file`]
      : [],
  );
}

/**
 * The paragraphs a side left out of the comparison (DiffSide's `setAside`), by line and why; "both
 * files" when the two set aside the same lines with the same words. Then each one marked
 * `changed`, as a change: a headline repeated in both files and reworded in one (review).
 */
function setAsideNotes(report: DiffReport, style: DiffStyle, width: number): { notes: string[]; changes: string[] } {
  const why: Record<SetAsideParagraph['reason'], string> = { repeat: 'repeated in the file', artifact: 'artifact', chrome: 'site chrome' };
  const described = [report.from, report.to].map((side) => {
    const setAside = side.setAside ?? [];
    if (setAside.length === 0) return null;
    const reasons = [...new Set(setAside.map((p) => p.reason))];
    const parts = reasons.map((reason) => {
      const lines = paragraphSpans(setAside.filter((p) => p.reason === reason)).map(([start, end]) => lineSpan(start, end));
      return `line${lines.length === 1 && !lines[0]!.includes('-') ? '' : 's'} ${lines.join(', ')} (${why[reason]})`;
    });
    const count = paragraphSpans(setAside).length;
    return { path: printable(side.path), what: `${count} paragraph${count === 1 ? '' : 's'} left out, as a scan leaves them out of a story: ${parts.join('; ')}` };
  });
  const [from, to] = [described[0] ?? null, described[1] ?? null];
  const alone = [report.from, report.to].map((side) => (side.setAside ?? []).filter((p) => p.changed));
  const same = from !== null && to !== null && from.what === to.what && alone.every((list) => list.length === 0);
  const notes = same ? [`both files: ${from.what}`] : described.flatMap((side) => (side ? [`${side.path}: ${side.what}`] : []));
  const { palette } = style;
  const room = style.context === 0 ? Number.MAX_SAFE_INTEGER : Math.max(20, width - 40);
  const changes = alone.flatMap((list, k) =>
    list.map((p) => {
      const side = k === 0 ? report.from : report.to;
      const body = preview(p.text, room);
      const marked = k === 0 ? (style.color ? palette.deleted(body) : `[-${body}-]`) : style.color ? palette.inserted(body) : `{+${body}+}`;
      return `  set aside only in ${printable(side.path)}, line ${lineSpan(p.startLine, p.endLine)} (${why[p.reason]}): ${marked}`;
    }),
  );
  return { notes, changes };
}

/** The set-aside notes, dimmed and wrapped as the header's lines are, then the changes among them. */
function setAsideLines(report: DiffReport, style: DiffStyle, width: number, wrapped: (line: string) => string[]): string[] {
  const { notes, changes } = setAsideNotes(report, style, width);
  return [...notes.flatMap((note) => wrapped(note).map((part) => style.palette.dim(part))), ...changes.flatMap((line) => wrapped(line))];
}

export function renderDiffReport(report: DiffReport, style: DiffStyle & { width: number; fit?: boolean; changed: boolean }): string {
  const { palette, width } = style;
  const fit = style.fit === true;
  const s = report.summary;
  const spans = (refs: DiffReport['blocks'][number]['from']): string =>
    // Pieces of one long paragraph (cut at sentences) name its lines once.
    refs.length === 0 ? '-' : paragraphSpans(refs).map(([start, end]) => lineSpan(start, end)).join(',');
  const fromWidth = widest(report.blocks.map((b) => spans(b.from)), 4);
  const toWidth = widest(report.blocks.map((b) => spans(b.to)), 2);
  // "~0.62": a reworded paragraph, its similarity over content words (as in the scan's report).
  const simWidth = report.blocks.some((b) => b.reworded) ? 5 : 4;
  const paths = `${palette.bold(printable(report.from.path))} → ${palette.bold(printable(report.to.path))}`;
  const counts =
    `${thousands(report.from.paragraphs)} → ${thousands(report.to.paragraphs)} paragraphs; blocks: ${s.same} same, ${s.edited} edited, ${s.merged} merged (n→1), ` +
    `${s.split} split (1→n), ${s.dropped} dropped, ${s.added} added${s.moved > 0 ? `, ${s.moved} moved` : ''}; ` +
    `the second keeps ${percent(s.coverage)} of the first's words, and ${percent(s.reused)} of its own words come from it`;
  const pathLines = !fit || visibleWidth(paths) <= width ? [paths] : [palette.bold(cutStart(printable(report.from.path), width)), `→ ${palette.bold(cutStart(printable(report.to.path), width - 2))}`];
  // Nothing changed (a file against a copy of itself, or one that differs only in what matching
  // folds: case, punctuation, quote style): one line says so, as diff prints nothing, rather
  // than a row per paragraph that says "same".
  // A line of the header: wrapped under its first word when fitting the terminal.
  const wrapped = (line: string): string[] => (fit ? wrap(line, width, 2) : [line]);
  if (!style.changed) {
    const same =
      report.blocks.length === 0
        ? 'no change: neither has a paragraph'
        : `no change: the ${thousands(report.from.paragraphs)} paragraph${report.from.paragraphs === 1 ? ' has' : 's have'} the same words, in the same order`;
    const text = `${[...pathLines, ...storyNotes(report).flatMap((note) => wrapped(note)), ...setAsideLines(report, style, width, wrapped), ...wrapped(same)].join('\n')}\n`;
    return fit ? fitLines(text, width) : text;
  }
  // Auto segmentation decided differently for the two files: their paragraphs may differ where
  // their words do not (a copy without punctuation read as hard-wrapped blocks). Said only when
  // the alignment merged or split paragraphs, the sign of it: when every paragraph paired one
  // to one the layouts did no harm, and the option named could (found by a new user).
  const layoutNote =
    report.from.layout === report.to.layout || s.merged + s.split === 0
      ? null
      : `split into paragraphs differently: ${report.from.layout} layout → ${report.to.layout} layout; --segment ${report.from.layout} or --segment ${report.to.layout} splits both alike`;
  const header = [
    ...pathLines,
    ...storyNotes(report).flatMap((note) => wrapped(note)),
    ...wrapped(counts),
    ...setAsideLines(report, style, width, wrapped),
    ...(layoutNote === null ? [] : wrapped(layoutNote).map((part) => palette.dim(part))),
    palette.dim(`  ${'from'.padEnd(fromWidth)}   ${'to'.padEnd(toWidth)}  ${'change'.padEnd(7)}  ${'sim'.padEnd(simWidth)}  text`),
  ];
  // An unchanged paragraph is dim, not the scan's red for "shared": red in a diff is what was
  // deleted, and a reader scanning for it found every paragraph (found by a new user).
  const kindColour = (kind: DiffReport['blocks'][number]['kind']): ((t: string) => string) =>
    kind === 'same' ? palette.dim : kind === 'added' ? palette.unique : kind === 'dropped' ? palette.deleted : palette.edited;
  const rows = report.blocks.flatMap((block) => {
    const similarity = (block.similarity === null ? '' : `${block.reworded ? '~' : ''}${block.similarity.toFixed(2)}`).padStart(simWidth);
    const kind = kindColour(block.kind)(block.kind.padEnd(7));
    const moved = block.moved ? palette.dim('[moved] ') : '';
    const prefix = `  ${spans(block.from).padEnd(fromWidth)} → ${spans(block.to).padEnd(toWidth)}  ${kind}  ${similarity}  ${moved}`;
    // --context 0 keeps every word: a dropped or added paragraph whole too (it was cut to the
    // width when piped; found by a new user).
    const room = style.context === 0 ? Number.MAX_SAFE_INTEGER : Math.max(20, width - fromWidth - toWidth - 20 - simWidth);
    let body: string;
    if (block.ops) body = renderOps(block.ops, style);
    else if (block.kind === 'dropped') body = style.color ? palette.deleted(preview(block.text ?? '', room)) : `[-${preview(block.text ?? '', room)}-]`;
    else if (block.kind === 'added') body = style.color ? palette.inserted(preview(block.text ?? '', room)) : `{+${preview(block.text ?? '', room)}+}`;
    else body = preview(block.text ?? '', room);
    const line = `${prefix}${body}`.trimEnd();
    if (!fit) return [line];
    const indent = width - visibleWidth(prefix) >= MIN_BODY_WIDTH ? visibleWidth(prefix) : 4;
    return wrap(line, width, indent);
  });
  const text = `${[...header, ...rows].join('\n')}\n`;
  return fit ? fitLines(text, width) : text;
}
