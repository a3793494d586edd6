/**
 * Text and JSON for the index commands (`dedupe index add|remove|list|stats`) and the part of
 * `dedupe check`'s human output that names the archived articles each incoming one matches.
 * Pure functions returning strings; the CLI prints them.
 */
import type { DocumentReport, Report } from '../core/types.js';
import { CALL_STRENGTH, describeSide, storySides, type StorySide } from './human.js';
import type { AddResult, IndexStats, ListResult, RemoveResult } from '../engine/index.js';
import type { Palette } from './palette.js';
import { cutEnd, cutStart, visibleWidth, wrap } from './fit.js';
import { plural, printable, thousands, widest } from './text.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function indexSize(index: { documents: number; paragraphs: number }): string {
  return `${plural(index.documents, 'document')}, ${plural(index.paragraphs, 'paragraph')} in the index`;
}

export function renderAddResult(result: AddResult, options: { palette: Palette; quiet: boolean; elapsedMs: number }): string {
  const { palette } = options;
  const lines: string[] = [];
  if (!options.quiet) {
    for (const doc of result.added) lines.push(`${palette.unique('added  ')}  ${printable(doc.path)} ${palette.dim(`(${plural(doc.paragraphs, 'paragraph')})`)}`);
    for (const doc of result.updated) lines.push(`${palette.edited('updated')}  ${printable(doc.path)} ${palette.dim(`(${plural(doc.paragraphs, 'paragraph')})`)}`);
    for (const file of result.unchanged) lines.push(`${palette.dim('skipped')}  ${printable(file)} ${palette.dim('(unchanged)')}`);
    for (const file of result.keptStored) lines.push(`${palette.shared('kept   ')}  ${printable(file)} ${palette.dim('(empty now; its stored version stays)')}`);
  }
  const folders = result.unreadableFolders.length;
  const unreadable = (result.unreadable.length > 0 ? `, ${result.unreadable.length} unreadable` : '') + (folders > 0 ? `, ${plural(folders, 'folder')} not read` : '');
  const kept = result.keptStored.length > 0 ? `, ${result.keptStored.length} empty (stored version kept)` : '';
  lines.push(
    `${result.database}: ${thousands(result.added.length)} added, ${thousands(result.updated.length)} updated, ` +
      `${thousands(result.unchanged.length)} skipped (unchanged)${unreadable}${kept}; ${indexSize(result.index)} (${seconds(options.elapsedMs)})`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderRemoveResult(result: RemoveResult, options: { palette: Palette; quiet: boolean }): string {
  const lines = options.quiet ? [] : result.removed.map((p) => `${options.palette.shared('removed')}  ${printable(p)}`);
  lines.push(`${result.database}: ${thousands(result.removed.length)} removed; ${indexSize(result.index)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `dedupe index list`: a stored document a line, its paragraphs and when it was stored, and
 * whether a file is at its path now; then a count. With -q the paths alone, one a line, for
 * scripts.
 */
export function renderList(result: ListResult, options: { palette: Palette; quiet: boolean; missingOnly: boolean }): string {
  const { palette } = options;
  if (options.quiet) return result.documents.map((doc) => `${printable(doc.path)}\n`).join('');
  const lines = result.documents.map(
    (doc) => `${printable(doc.path)}  ${palette.dim(`(${plural(doc.paragraphs, 'paragraph')}, stored ${isoTime(doc.addedAt)})`)}${doc.present === false ? `  ${palette.shared('no file at this path now')}` : ''}`,
  );
  const absent = result.documents.filter((doc) => doc.present === false).length;
  const missing = result.documents.length === 0 ? 'every stored document has a file at its path' : `${plural(result.documents.length, 'stored document')} with no file at its path now`;
  const what = options.missingOnly ? missing : plural(result.documents.length, 'document');
  const note = !options.missingOnly && absent > 0 ? `; ${thousands(absent)} with no file at its path now (renamed, moved or deleted)` : '';
  const hint = absent > 0 ? `; dedupe index remove <path> takes one out` : '';
  lines.push(`${printable(result.database)}: ${what}${note}${hint}`);
  return `${lines.join('\n')}\n`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function isoTime(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderStats(stats: IndexStats, palette: Palette, verification?: { ok: boolean; problems: string[] }, quiet = false): string {
  if (quiet) {
    // -q: one line, as index add and remove print with it.
    const verified = verification ? `; verify ${verification.ok ? 'ok' : plural(verification.problems.length, 'problem')}` : '';
    return `${printable(stats.database)}: ${plural(stats.documents, 'document')}, ${plural(stats.paragraphs, 'paragraph')}, ${megabytes(stats.bytes)}, schema ${stats.schemaVersion}${verified}\n`;
  }
  const p = stats.parameters;
  const perParagraph = stats.paragraphs === 0 ? '' : `, ${Math.round(stats.bytes / stats.paragraphs)} bytes per paragraph`;
  const rows: Array<[string, string]> = [
    ['documents', thousands(stats.documents)],
    ['paragraphs', `${thousands(stats.paragraphs)} (${thousands(stats.variants)} distinct texts, ${thousands(stats.signedVariants)} long enough to compare)`],
    ['words', `${thousands(stats.words)} (${thousands(stats.distinctWords)} distinct; how many articles hold each weighs words for reworded copies)`],
    ['band keys', `${thousands(stats.bandKeys)} (shingles), ${thousands(stats.contentKeys)} (content words, for reworded copies)`],
    ['size', `${megabytes(stats.bytes)}${perParagraph}`],
    [
      'parameters',
      `--segment ${p.segment} --min-words ${p.minWords} --shingle-size ${p.shingleSize} --num-hashes ${p.numHashes} --seed ${p.seed} ` +
        `--threshold ${p.threshold} --containment ${p.containment} (LSH ${p.bands} bands × ${p.rows} rows)`,
    ],
    ['schema', String(stats.schemaVersion)],
    ['created', `${isoTime(stats.createdAt)}${stats.createdBy ? ` by ${stats.createdBy}` : ''}`],
    ['last added', isoTime(stats.lastAddedAt)],
  ];
  if (verification) {
    rows.push(['verify', verification.ok ? palette.unique('ok') : palette.shared(`${plural(verification.problems.length, 'problem')}`)]);
  }
  const width = widest(rows.map(([k]) => k));
  const lines = [palette.bold(stats.database), ...rows.map(([k, v]) => `  ${palette.dim(k.padEnd(width))}  ${v}`)];
  if (verification) for (const problem of verification.problems) lines.push(`    ${problem}`);
  return `${lines.join('\n')}\n`;
}

/** Per incoming document, the archived documents its paragraphs match and how. */
export interface ArchiveMatch {
  path: string;
  shared: number;
  edited: number;
}

/**
 * Paragraphs, not pieces: a long paragraph cut at its sentences counts once, as edited when any
 * of its pieces matched there is ("16 paragraphs matched" of an article of 4 paragraphs in 16
 * pieces; a new user's run).
 */
export function archiveMatches(report: Report, archived: ReadonlySet<string>): Map<string, ArchiveMatch[]> {
  const out = new Map<string, ArchiveMatch[]>();
  for (const doc of report.documents) {
    // Per archived document: the incoming paragraphs (numbered as the pieces go by) matched there, and how.
    const byPath = new Map<string, Map<number, 'shared' | 'edited'>>();
    let paragraph = -1;
    for (const segment of doc.segments) {
      if (segment.continues !== true) paragraph++;
      // Boilerplate links no documents: a shared "Leave a Reply" is no match (the summary line
      // above counted it as boilerplate, while this list said "1 shared"; a new user's run).
      if (segment.status === 'boilerplate') continue;
      // A piece is shared with a document when any of its matches there is word for word, as
      // its status says: a lede copied from the wire's, and paired with the wire's headline as
      // reworded too, counted as edited here while the summary said shared (a new user's check).
      const pieceStatus = new Map<string, 'shared' | 'edited'>();
      for (const match of segment.matches) {
        if (!archived.has(match.path)) continue;
        if (match.status === 'shared' || !pieceStatus.has(match.path)) pieceStatus.set(match.path, match.status);
      }
      for (const [path, status] of pieceStatus) {
        let paragraphs = byPath.get(path);
        if (!paragraphs) byPath.set(path, (paragraphs = new Map()));
        if (paragraphs.get(paragraph) !== 'edited') paragraphs.set(paragraph, status);
      }
    }
    const list = [...byPath].map(([path, paragraphs]): ArchiveMatch => {
      const entry = { path, shared: 0, edited: 0 };
      for (const status of paragraphs.values()) entry[status]++;
      return entry;
    });
    list.sort((a, b) => b.shared + b.edited - (a.shared + a.edited) || (a.path < b.path ? -1 : 1));
    out.set(doc.path, list);
  }
  return out;
}

/**
 * The incoming story's strongest story-level call against an archived document (its story
 * pairs, issue 11), as "story partly derived (words 45%, bigrams 21%, reused 0%)", or ''.
 */
function storyAgainst(sides: ReadonlyMap<string, StorySide[]>, doc: DocumentReport, archivedPath: string): string {
  let best: StorySide | undefined;
  for (const story of doc.stories) {
    for (const side of sides.get(`${story.index} ${doc.path}`) ?? []) {
      if (side.other.path !== archivedPath) continue;
      if (!best || CALL_STRENGTH[side.call] > CALL_STRENGTH[best.call] || (side.call === best.call && side.words > best.words)) best = side;
    }
  }
  return best ? `; story ${describeSide(best)}` : '';
}

/** `fitWidth`: fit every line to this many columns (paths cut from the left, counts under them when need be). */
export function renderArchiveMatches(
  report: Report,
  archived: ReadonlySet<string>,
  database: string,
  palette: Palette,
  fitWidth?: number,
  alreadyIndexed: ReadonlySet<string> = new Set(),
): string {
  const name = (path: string, room: number): string => (fitWidth === undefined ? printable(path) : cutStart(printable(path), fitWidth - room));
  const lines = [fitWidth === undefined ? palette.bold(`Matches in the index ${database}`) : cutEnd(palette.bold(`Matches in the index ${database}`), fitWidth)];
  const sides = storySides(report.storyPairs);
  const byPath = new Map(report.documents.map((d) => [d.path, d]));
  if (report.documents.length === 0) lines.push(`  ${palette.dim('no incoming article')}`);
  for (const [incoming, matches] of archiveMatches(report, archived)) {
    if (matches.length === 0) {
      // An article the index holds unchanged is compared with the rest of the index, not with itself.
      const none = alreadyIndexed.has(incoming) ? 'no match besides itself: the index holds it unchanged' : 'no match';
      lines.push(`  ${name(incoming, none.length + 4)}  ${palette.dim(none)}`);
      continue;
    }
    lines.push(`  ${name(incoming, 2)}`);
    for (const m of matches) {
      const story = storyAgainst(sides, byPath.get(incoming)!, m.path);
      // The incoming article's paragraphs matched there ("19 paragraphs" alone read as the archived article's size; a new user's run).
      const counts = `${plural(m.shared + m.edited, 'paragraph')} matched ${palette.dim(`(${m.shared} shared, ${m.edited} edited${story})`)}`;
      const line = `    ${printable(m.path)}  ${counts}`;
      if (fitWidth === undefined || visibleWidth(line) <= fitWidth) lines.push(line);
      else lines.push(`    ${name(m.path, 4)}`, ...wrap(`      ${counts}`, fitWidth, 6));
    }
  }
  return `${lines.join('\n')}\n`;
}
