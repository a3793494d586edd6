/**
 * The report for people. It leads with each syndication group (original, versions, reprints
 * with what they kept and changed), then a table of documents, then each document's paragraph
 * map (line span, status, best match, preview; with `diff`, the word changes under each edited
 * paragraph), and ends with the boilerplate and repeated lines a scraper leaked, so they can
 * be fixed at the source. Readable without colour: statuses are words, diffs use [-x-]{+y+}.
 */
import type {
  DocumentHead,
  DocumentReport,
  EditSummary,
  GroupMember,
  GroupReport,
  ProvenanceReason,
  Report,
  ReuseCall,
  SegmentReport,
  StoryPairReport,
  Summary,
  Warning,
} from '../core/types.js';
import { SKIPPED_FILE_CODES } from '../core/warnings.js';
import { renderOps } from './diff.js';
import { groupsOf, paragraphCount, renderGroupsTable, type TableOptions } from './documents-table.js';
import { cutEnd, cutStart, fitLines, visibleWidth, wrap } from './fit.js';
import { CALL_NAMES, EDIT_NAMES } from './names.js';
import type { Palette } from './palette.js';
import { lineSpan, paragraphsInPieces, percent, plural, preview, printable, relativeName, repeatedLines, repeatLines, thousands, widest } from './text.js';

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

/**
 * The first line. `noun`: what the documents are, files (the default) or documents (when some
 * came from JSONL lines, which are not files).
 */
export function renderSummary(report: { summary: Summary; warnings: readonly Warning[] }, elapsedMs: number, noun: 'file' | 'document' = 'file'): string {
  const s = report.summary;
  const seconds = (elapsedMs / 1000).toFixed(2);
  const skipped = report.warnings.filter((w) => SKIPPED_FILE_CODES.has(w.code)).length;
  const badLines = report.warnings.filter((w) => w.code === 'bad-line').length;
  // A folder it could not enter hides files it never counted: said, or the line reads as complete.
  const folders = report.warnings.filter((w) => w.code === 'unreadable-folder').length;
  // "10 files (8 skipped)" read as ten files of which eight were skipped: say which are which.
  const skips = [
    ...(skipped > 0 ? [noun === 'file' ? `${thousands(skipped)} skipped` : `${plural(skipped, 'file')} skipped`] : []),
    ...(badLines > 0 ? [`${plural(badLines, 'line')} skipped`] : []),
    ...(folders > 0 ? [`${plural(folders, 'folder')} not read`] : []),
  ];
  return (
    `${plural(s.documents, noun)}${skips.length > 0 ? ` read, ${skips.join(', ')}` : ''}, ${paragraphsInPieces(s.paragraphs, s.continuingPieces)} ` +
    `(${thousands(s.shared)} shared, ${thousands(s.edited)} edited, ${thousands(s.unique)} unique, ${thousands(s.boilerplate)} boilerplate), ` +
    `${plural(s.groups, 'group')} in ${seconds} s`
  );
}

export function describeComparison(c: EditSummary, role: GroupMember['role'] = null): string {
  const p = c.paragraphs;
  const edits = c.edits.map((e) => (e.count > 1 ? `${EDIT_NAMES[e.kind]} (${e.count})` : EDIT_NAMES[e.kind])).join(', ');
  // A story of its own using part of the original: what it uses, and how much is its own; the
  // original's paragraphs it did not use were not "dropped" from it (a new user).
  if (role === 'partial') {
    const used = `${p.shared} same, ${p.edited} changed${p.moved > 0 ? `, ${p.moved} moved` : ''}`;
    return `uses ${percent(c.coverage)} of the original (${used}), with ${p.added} paragraph${p.added === 1 ? '' : 's'} of its own${edits ? `; ${edits}` : ''}`;
  }
  // "changed", not "edited": these count the comparison's blocks against the original, while
  // the table's Edited column counts paragraph statuses (a reprint's paragraphs are "shared"
  // with another reprint, though changed from the original: a new user read the two as one).
  const counts = `${p.shared} same, ${p.edited} changed, ${p.added} added, ${p.dropped} dropped${p.moved > 0 ? `, ${p.moved} moved` : ''}`;
  // A member that shares no paragraph with the original is in the group through other members
  // (a story chained to it by one of them): "reprint ... keeps 0%" read as a contradiction
  // beside its story-level call (found by a new user).
  const through = p.shared + p.edited === 0 ? 'shares no paragraph with the original (in the group through other members); ' : '';
  return `${through}keeps ${percent(c.coverage)} of the original; ${counts}${edits ? `; ${edits}` : ''}`;
}

/** The member's path, with its line span when its file holds more than one story. */
function memberLabel(member: GroupMember, storiesIn: (path: string) => number): string {
  const name = printable(member.path);
  return storiesIn(member.path) > 1 ? `${name}:${lineSpan(member.startLine, member.endLine)}` : name;
}

/** A story pair seen from one of its stories: that story's call, measures and the other story. */
export interface StorySide {
  call: ReuseCall;
  words: number;
  bigrams: number;
  reused: number;
  other: { path: string; story: number };
}

/** Story pairs by story: every pair seen from each of its two stories (key: path and story index). */
export function storySides(pairs: readonly StoryPairReport[]): Map<string, StorySide[]> {
  const out = new Map<string, StorySide[]>();
  for (const pair of pairs) {
    for (const k of [0, 1] as const) {
      const key = storyKey(pair.stories[k]);
      const side: StorySide = { call: pair.calls[k], words: pair.words[k], bigrams: pair.bigrams[k], reused: pair.reused[k], other: pair.stories[1 - k]! };
      const list = out.get(key);
      if (list) list.push(side);
      else out.set(key, [side]);
    }
  }
  return out;
}

export const CALL_STRENGTH: Record<ReuseCall, number> = { derived: 2, 'partly-derived': 1, 'not-derived': 0 };

/** A member's story-level call: the side of the story pair and the member it is against. */
export type MemberStoryCall = (member: GroupMember) => { side: StorySide; other: GroupMember; mutual?: true } | null;

/**
 * Two members' shares of words in each other at most this far apart (with the same call) tell
 * nothing about which copied which: a write-through and a reprint of it with three words
 * substituted measured 0.995 and 0.993, and the write-through was named "closest to" its
 * reprint (a new user). Both lines then name the other, "either may be the copy".
 */
export const CLOSEST_TIE = 0.02;

/**
 * The story-level calls of a group's members as the group reports show them: against the
 * original when there is one (none for the original itself); in a group whose original is
 * undecided, the strongest call against another member ("not derived" when that is all there
 * is), or none. The
 * original and the members by path and story are found once per group, so that a group of a
 * thousand members is looked up, not scanned, per member.
 */
export function memberStoryCalls(group: GroupReport, sides: ReadonlyMap<string, StorySide[]>): MemberStoryCall {
  const original = group.members.find((m) => m.role === 'original');
  const byKey = new Map(group.members.map((m) => [storyKey(m), m]));
  return (member) => {
    if (original) {
      if (member === original) return null;
      const side = sideAgainst(sides, member, original);
      return side ? { side, other: original } : null;
    }
    // The strongest call; "not derived" only when no other member's story is a source of this
    // one's (it is likely theirs): a member line with nothing after it read as a missing figure
    // (found by a new user).
    return strongestAgainst(sides.get(storyKey(member)) ?? [], byKey, [member]);
  };
}

/** The key of a story (a member, or a story pair's side) in storySides' map. */
function storyKey(story: { story: number; path: string }): string {
  return `${story.story} ${story.path}`;
}

/** `member`'s side of its story pair with `other`, if they have one. */
function sideAgainst(sides: ReadonlyMap<string, StorySide[]>, member: GroupMember, other: GroupMember): StorySide | undefined {
  return sides.get(storyKey(member))?.find((s) => s.other.path === other.path && s.other.story === other.story);
}

/** Of a member's sides (`own`), the strongest call against a member of its group (`byKey`) other than those in `except`; ties: more words. */
function strongestAgainst(own: readonly StorySide[], byKey: ReadonlyMap<string, GroupMember>, except: readonly GroupMember[]): { side: StorySide; other: GroupMember } | null {
  let best: { side: StorySide; other: GroupMember } | null = null;
  for (const side of own) {
    const other = byKey.get(storyKey(side.other));
    if (!other || except.includes(other)) continue;
    if (!best || CALL_STRENGTH[side.call] > CALL_STRENGTH[best.side.call] || (side.call === best.side.call && side.words > best.side.words)) best = { side, other };
  }
  return best;
}

/**
 * In a group with an original, the member whose story a member's story is more derived from
 * than from the original's (a stronger call), if any: a reprint of an agency's write-through
 * compared with the first brief read "keeps 81% of the original; ... 8 added ... story partly
 * derived", while it was a reprint of the write-through, word for word (a new user's run). Its
 * line then adds "closest to wt.txt: story derived (...)".
 */
export function closerMembers(group: GroupReport, sides: ReadonlyMap<string, StorySide[]>): MemberStoryCall {
  const original = group.members.find((m) => m.role === 'original');
  const byKey = new Map(group.members.map((m) => [storyKey(m), m]));
  return (member) => {
    if (!original || member === original) return null;
    const best = strongestAgainst(sides.get(storyKey(member)) ?? [], byKey, [member, original]);
    if (!best || CALL_STRENGTH[best.side.call] <= CALL_STRENGTH[sideAgainst(sides, member, original)?.call ?? 'not-derived']) return null;
    // Only from the copy's side: measured the other way, a write-through "derived" from its own
    // reprint was named closest to it (review). The member is the derived one when the other's
    // call on it is weaker, or as strong with fewer of the other's words in it.
    const back = sideAgainst(sides, best.other, member);
    if (!back || CALL_STRENGTH[back.call] < CALL_STRENGTH[best.side.call]) return best;
    if (CALL_STRENGTH[back.call] > CALL_STRENGTH[best.side.call]) return null;
    // At most CLOSEST_TIE apart, shares being rounded to thousandths (0.995 and 0.975 are a tie).
    if (Math.abs(back.words - best.side.words) <= CLOSEST_TIE + 1e-9) return { ...best, mutual: true };
    return back.words > best.side.words ? null : best;
  };
}

/**
 * "identical to wire.txt", or "identical to wire.txt apart from boilerplate" when only the body
 * is the same (a copy with a footer added: `dedupe diff` lists the footer as added, and
 * "identical" alone contradicted it; found by a new user). `copy` is the member whose
 * `duplicateOf` names the other; `other` defaults to that one.
 */
function identicalTo(copy: GroupMember, label: (m: GroupMember) => string, other: GroupMember = copy): string {
  return `identical to ${label(other)}${copy.duplicateExceptBoilerplate ? ' apart from boilerplate' : ''}`;
}

/**
 * In a group whose original is undecided no member is compared with an original: its line says
 * instead how the member's story compares with another member's, the strongest call
 * ("compared with wire.txt: story derived (words 76%, bigrams 43%, reused 97%)"), or nothing.
 * Not "derived from": with nothing to tell the copies apart, two members each read as written
 * from the other (found by a new user).
 */
function undecidedCall(member: GroupMember, group: GroupReport, storyCall: MemberStoryCall, label: (m: GroupMember) => string): string {
  const best = storyCall(member);
  if (!best) return '';
  // The first of identical copies is closest to its own copy: said as the copy's line says it.
  if (best.other.duplicateOf !== null && group.members[best.other.duplicateOf] === member) return identicalTo(best.other, label);
  return `compared with ${label(best.other)}: story ${describeSide(best.side)}`;
}

/** "partly derived (words 45%, bigrams 21%, reused 0%)" */
export function describeSide(side: StorySide): string {
  return `${CALL_NAMES[side.call]} (words ${percent(side.words)}, bigrams ${percent(side.bigrams)}, reused ${percent(side.reused)})`;
}

/**
 * Below this many columns beside the members' paths, their comparisons (about 100 to 200
 * columns each) go on the lines under the paths: wrapped into a narrower column they would
 * take five lines or more a member.
 */
const MIN_DETAIL_WIDTH = 50;
/** Where a member's comparison starts when it goes under the path: under the path. */
const DETAIL_INDENT = 12;

/**
 * The evidence for a group's original as the reports show it: its own reasons, or, when nothing
 * speaks for it, what speaks against the other members (a reprint crediting another source,
 * "Reuters reported"), each named by its document ("b.txt: Reuters reported"), so that neither
 * the text report nor the page says "(confidence 0.88: )". The HTML page lists the same (the
 * text report names last what every copy carries: renderGroup).
 */
export function originalEvidence(group: GroupReport): ProvenanceReason[] {
  const original = group.members.find((m) => m.role === 'original');
  if (!original || group.originalReasons.length > 0) return group.originalReasons;
  return group.members
    .filter((m) => m !== original)
    .flatMap((m) => m.reasons.filter((r) => r.weight < 0).map((r) => ({ ...r, detail: `${m.path}: ${r.detail}` })));
}

/**
 * A group: its head (original, confidence, evidence), then one line per member with its role,
 * path and comparison with the original. `fitWidth`: fit every line to this many columns, the
 * head and comparisons wrapped, paths cut from the left only when longer than a line; the
 * comparison stays beside the path while MIN_DETAIL_WIDTH columns are left for it, else it
 * goes under. `sides` (storySides of the report's story pairs) adds each member's story-level
 * call against the original.
 */
export function renderGroup(
  group: GroupReport,
  palette: Palette,
  storiesIn: (path: string) => number = () => 1,
  fitWidth?: number,
  sides: ReadonlyMap<string, StorySide[]> = new Map(),
): string {
  const lines: string[] = [];
  const original = group.members.find((m) => m.role === 'original');
  const storyCall = memberStoryCalls(group, sides);
  const closer = closerMembers(group, sides);
  const head = `Group ${group.id}: ${plural(group.documents.length, 'document')}`;
  // On a terminal no path is longer than a line, so wrapping never breaks one.
  const label = (member: GroupMember, room = fitWidth === undefined ? Infinity : fitWidth - DETAIL_INDENT): string => {
    const text = memberLabel(member, storiesIn);
    return room === Infinity ? text : cutStart(text, room);
  };
  if (original) {
    const evidence = originalEvidence(group);
    // A dateline or credit is quoted as found: bare, "dateline KYIV, Ukraine (AP) —" read as cut off (a stranger's run).
    const shown = (r: ProvenanceReason): string => (r.kind === 'dateline' || r.kind === 'credit' ? `${r.kind} "${r.detail}"` : r.detail);
    // Evidence every other text has too decided nothing: said last, as all the copies' ("oldest
    // file" chose among copies that all carry the dateline, which read as the reason; found by a new user).
    const others = group.members.filter((m) => m !== original && m.duplicateOf === null);
    const everyone = (r: ProvenanceReason): boolean => others.length > 0 && others.every((m) => m.reasons.some((o) => o.kind === r.kind && o.detail === r.detail));
    const own = evidence.filter((r) => !everyone(r));
    const common = evidence.filter(everyone);
    const reasons = [...own.map(shown), ...(common.length > 0 ? [`all the copies carry ${common.map(shown).join(', ')}`] : [])].join('; ');
    const why = printable(evidence === group.originalReasons ? reasons : reasons ? `nothing for it, against the others: ${reasons}` : 'the others score lower');
    const rest = `, original ${label(original)} (confidence ${group.confidence?.toFixed(2)}: ${why})`;
    lines.push(...fitted(`${palette.bold(head)}${rest}`, fitWidth, 2));
  } else {
    lines.push(...fitted(`${palette.bold(head)}, original undecided (no evidence tells the copies apart: datelines, dates, containment and file times tie or are missing)`, fitWidth, 2));
  }
  const order: Record<string, number> = { original: 0, version: 1, reprint: 2, partial: 3 };
  const members = [...group.members].sort((a, b) => (order[a.role ?? ''] ?? 4) - (order[b.role ?? ''] ?? 4));
  const names = members.map((m) => label(m));
  const nameWidth = widest(names);
  const beside = fitWidth === undefined || fitWidth - (2 + 8 + 2 + nameWidth + 2) >= MIN_DETAIL_WIDTH;
  members.forEach((member, i) => {
    const role = (member.role ?? 'copy').padEnd(8);
    const copyOf = member.duplicateOf === null ? undefined : group.members[member.duplicateOf];
    const side = original ? storyCall(member)?.side : undefined;
    const closest = closer(member);
    const story = (side ? `; story ${describeSide(side)}` : '') + (closest ? `; closest to ${label(closest.other)}${closest.mutual ? ' (either may be the copy)' : ''}: story ${describeSide(closest.side)}` : '');
    const detail = copyOf
      ? identicalTo(member, label, copyOf)
      : member.comparison
        ? describeComparison(member.comparison, member.role) + story
        : original
          ? ''
          : undecidedCall(member, group, storyCall, label);
    if (beside) {
      const start = `  ${role}  ${names[i]!.padEnd(nameWidth)}  `;
      lines.push(...fitted(`${start}${palette.dim(detail)}`.trimEnd(), fitWidth, start.length));
      return;
    }
    lines.push(`  ${role}  ${names[i]!}`.trimEnd());
    if (detail) lines.push(...fitted(`${' '.repeat(DETAIL_INDENT)}${palette.dim(detail)}`, fitWidth, DETAIL_INDENT));
  });
  return lines.join('\n');
}

/** `line` as it is (not fitted), or wrapped to `width` with `indent` on the lines after the first. */
function fitted(line: string, width: number | undefined, indent: number): string[] {
  return width === undefined ? [line] : wrap(line, width, indent);
}

function matchLabel(doc: DocumentReport, segment: SegmentReport): string {
  const best = segment.matches[0];
  if (!best) return '';
  const more = segment.matchCount > 1 ? ` +${segment.matchCount - 1}` : '';
  // "~0.62": a reworded match, whose similarity is over content words (core/types.ts, Match.reworded).
  return `${relativeName(doc.path, best.path)}:${lineSpan(best.startLine, best.endLine)} ${best.reworded ? '~' : ''}${best.similarity.toFixed(2)}${more}`;
}

export interface DocumentOptions extends Pick<HumanOptions, 'palette' | 'width' | 'diff' | 'color' | 'only' | 'fit'> {
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
  // to see, or nothing when it is the original's text word for word); otherwise, for an
  // edited paragraph, against the closest edited match. A shared paragraph is its best
  // match word for word: nothing else to show, whatever --max-matches lists. The original
  // itself is compared with nothing.
  const original = options.originalOf?.(doc) ?? null;
  const toOriginal = original === doc.path ? undefined : segment.matches.find((m) => m.path === original);
  const closestEdit = segment.status === 'edited' ? segment.matches.find((m) => m.ops) : undefined;
  const best = original === doc.path ? undefined : (toOriginal ?? closestEdit);
  // Several paragraphs of that document merged into this one are diffed as one text (the report's `merges`).
  const merge = best ? segment.merges?.find((m) => m.path === best.path) : undefined;
  const ops = merge ? merge.ops : best?.ops;
  if (!best || !ops) return null;
  const lines = merge ? merge.parts.map((m) => lineSpan(m.startLine, m.endLine)).join('+') : lineSpan(best.startLine, best.endLine);
  const from = `${relativeName(doc.path, best.path)}:${lines}${merge ? ' (merged)' : ''}`;
  return `  ${' '.repeat(indent)}  ${palette.dim(`from ${from}:`)} ${renderOps(ops, { palette, color: options.color, context: 6 })}`;
}

/** Columns of the status column ("boilerplate" and a space). */
const STATUS_WIDTH = 11;
/** On a terminal, a paragraph's text keeps at least this many columns beside its best match; else it goes under it. */
const MIN_TEXT_WIDTH = 24;
/** A best match is not cut shorter than this to keep the text beside it ("…f8.txt:12 0.84 +1"). */
const MIN_MATCH_WIDTH = 18;

/** How a document's paragraph rows are laid out: the columns' widths, and whether the text goes under the row. */
interface RowLayout {
  spanWidth: number;
  labelWidth: number;
  /** Text on a line of its own under span, status and best match (a narrow terminal). */
  stacked: boolean;
}

/**
 * A paragraph's lines in its row; "+" before those of a later sentence piece of a long paragraph
 * (SegmentReport.continues), whose rows all showed the same line as if they were paragraphs of
 * their own (found by a new user).
 */
function rowSpan(segment: SegmentReport): string {
  return `${segment.continues ? '+' : ''}${lineSpan(segment.startLine, segment.endLine)}`;
}

function rowLayout(shown: readonly SegmentReport[], labels: ReadonlyMap<SegmentReport, string>, options: DocumentOptions): RowLayout {
  const spanWidth = widest(shown.map(rowSpan), 5);
  const labelWidth = widest(labels.values(), 10);
  if (!options.fit) return { spanWidth, labelWidth, stacked: false };
  const room = options.width - (2 + spanWidth + 2 + STATUS_WIDTH + 2) - 2 - MIN_TEXT_WIDTH;
  if (labelWidth <= room) return { spanWidth, labelWidth, stacked: false };
  // Best matches cut from the left (the line and similarity stay) to keep the text beside them,
  // down to their file names: cut further, "…_9df642e36ad14cf8.txt:1" lost the "001" that tells
  // the seeds apart, where other rows of the table kept it whole (found by a new user); the text
  // goes under the rows instead, as the README says.
  const fileNames = widest([...labels.values()].map((label) => label.slice(label.lastIndexOf('/') + 1)));
  if (room >= Math.max(MIN_MATCH_WIDTH, fileNames)) return { spanWidth, labelWidth: room, stacked: false };
  return { spanWidth, labelWidth: options.width - (2 + spanWidth + 2 + STATUS_WIDTH + 2), stacked: true };
}

/** The document's first line: its path and what it holds; on a terminal too narrow for both, the details go under the path. */
function documentHeader(doc: DocumentReport, options: DocumentOptions): string[] {
  const { palette } = options;
  const groups = groupsOf(doc);
  const group = groups.length === 0 ? 'no group' : groups.length === 1 ? `group ${groups[0]}` : `groups ${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`;
  const storyNote = doc.stories.length > 1 ? `${doc.stories.length} stories, ` : '';
  // Long paragraphs are matched by their sentence pieces, a row each: the header counts both.
  const pieces = doc.continuingPieces ?? 0;
  const paragraphs = `${paragraphsInPieces(doc.segments.length, pieces)}${pieces > 0 ? ' (+ continues a long paragraph)' : ''}`;
  const details = `${group}, ${storyNote}${paragraphs}, ${percent(doc.reusedShare)} reused, ${doc.layout} layout`;
  const name = printable(doc.path);
  const line = `${palette.bold(name)}  ${palette.dim(details)}`;
  if (!options.fit || visibleWidth(line) <= options.width) return [line];
  return [palette.bold(cutStart(name, options.width)), ...wrap(`  ${palette.dim(details)}`, options.width, 2)];
}

/** One paragraph's line (two when stacked): span, status, best match, notes and the start of its text. */
function paragraphRow(segment: SegmentReport, doc: DocumentReport, label: string, layout: RowLayout, options: DocumentOptions): string[] {
  const { palette, width } = options;
  const { spanWidth, labelWidth } = layout;
  const notes: string[] = [];
  if (segment.repeat) notes.push(segment.repeatOf !== undefined ? `repeat of line ${doc.segments[segment.repeatOf]?.startLine ?? '?'}` : 'repeated');
  if (segment.boilerplate) notes.push(segment.boilerplate);
  // Why a matched paragraph links no group (a user saw "edited" and "81% reused" in "no group").
  if (segment.template) notes.push(segment.template === 'fill' ? 'template fill, links nothing' : 'template lines, link nothing');
  const note = notes.length > 0 ? `[${notes.join(', ')}] ` : '';
  const span = rowSpan(segment).padStart(spanWidth);
  // Padded outside the colour, so that a row ending at its status has no trailing spaces in colour either (found by a new user).
  const status = `${palette[segment.status](segment.status)}${' '.repeat(Math.max(0, STATUS_WIDTH - segment.status.length))}`;
  const match = (options.fit ? cutStart(label, labelWidth) : label).padEnd(labelWidth);
  const fixed = 2 + spanWidth + 2 + STATUS_WIDTH + 2 + labelWidth + 2;
  const textRoom = width - fixed - note.length;
  // On a terminal, a row whose notes leave its text too little room is stacked as well.
  if (!layout.stacked && (!options.fit || textRoom >= MIN_TEXT_WIDTH / 2)) {
    return [`  ${span}  ${status}  ${match}  ${palette.dim(note)}${preview(segment.text, options.fit ? textRoom : Math.max(20, textRoom))}`.trimEnd()];
  }
  const indent = 2 + spanWidth + 2;
  const under = `${' '.repeat(indent)}${palette.dim(note)}${preview(segment.text, Math.max(12, width - indent - note.length))}`;
  return [`  ${span}  ${status}  ${cutStart(label, width - (indent + STATUS_WIDTH + 2))}`.trimEnd(), cutEnd(under, width)];
}

export function renderDocument(doc: DocumentReport, options: DocumentOptions): string {
  const { palette } = options;
  const header = documentHeader(doc, options);
  if (doc.segments.length === 0) return [...header, `  ${palette.dim('(no paragraphs)')}`].join('\n');
  const shown = doc.segments.filter((s) => shownSegment(s, options.only));
  const labels = new Map(shown.map((s) => [s, matchLabel(doc, s)]));
  const layout = rowLayout(shown, labels, options);
  const { spanWidth, labelWidth } = layout;
  const fit = options.fit ? options.width : undefined;
  const rows: string[] = [];
  let previousStory = -1;
  for (const segment of shown) {
    // A file of several stories: a line before the first paragraph shown of each.
    if (doc.stories.length > 1 && segment.story !== previousStory) {
      const story = doc.stories[segment.story]!;
      const storyGroup = story.group === null ? 'no group' : `group ${story.group}`;
      rows.push(...fitted(palette.dim(`  -- story ${story.index + 1}, lines ${lineSpan(story.startLine, story.endLine)}: ${storyGroup}, ${percent(story.reusedShare)} reused`), fit, 5));
    }
    previousStory = segment.story;
    rows.push(...paragraphRow(segment, doc, labels.get(segment)!, layout, options));
    const changes = options.diff ? diffRow(doc, segment, options, spanWidth) : null;
    if (changes) rows.push(...fitted(changes, fit, 2 + spanWidth + 2 + 2));
  }
  const titles = `  ${'lines'.padStart(spanWidth)}  ${'status'.padEnd(STATUS_WIDTH)}  `;
  const head = layout.stacked
    ? [palette.dim(`${titles}best match`), palette.dim(`${' '.repeat(2 + spanWidth + 2)}text`)]
    : [palette.dim(`${titles}${'best match'.padEnd(labelWidth)}  text`)];
  return [...header, ...head, ...rows].join('\n');
}

/**
 * One line of the scraper-noise lists: where, then the start of the text. On a terminal
 * (`fit`) too narrow for both, `where` (cut from the left if need be) and the text under it.
 */
function noiseLine(where: string, detail: string, text: string, width: number, fit: boolean): string[] {
  const inline = `  ${where}  ${detail}${preview(text, Math.max(20, width - where.length - detail.length - 4))}`;
  if (!fit || visibleWidth(inline) <= width) return [inline];
  return [`  ${cutStart(where.trimEnd(), width - 2)}`, `    ${detail}${preview(text, Math.max(1, width - 4 - detail.length))}`];
}

/**
 * Boilerplate, artifacts and repeated lines: what a scraper should stop collecting. Documents
 * are added one at a time as the report is written (only their lines are kept); `fit`: lines
 * fit `width` (a terminal).
 */
export class ScraperNoise {
  /** Boilerplate entries, formatted when rendered: the place column is padded over the whole list (found by a new user: per file, the kinds drifted). */
  private readonly boilerplate: Array<{ where: string; kind: string; text: string }> = [];
  private readonly repeats: string[] = [];
  /** Counted apart from the lines: on a narrow terminal an entry takes two lines. */
  private boilerplateCount = 0;
  private repeatedTexts = 0;
  private repeatedParagraphs = 0;

  constructor(
    private readonly width: number,
    private readonly fit: boolean,
  ) {}

  add(doc: DocumentReport): void {
    const { width, fit } = this;
    for (const segment of doc.segments) {
      if (segment.boilerplate) {
        // A later sentence piece of a long paragraph as in the rows ("+9"): two pieces read as one line listed twice.
        const where = `${printable(doc.path)}:${segment.continues ? '+' : ''}${lineSpan(segment.startLine, segment.endLine)}`;
        // Only what a preview can show is kept (preview reads no further).
        this.boilerplate.push({ where, kind: segment.boilerplate, text: segment.text.slice(0, 4 * width + 256) });
        this.boilerplateCount++;
      }
    }
    // Counted as the document counts them: the first copy of a page scraped twice heads its list but is no repeat.
    this.repeatedParagraphs += doc.counts.repeats;
    for (const [first, lines] of repeatedLines(doc)) {
      const text = doc.segments[first]!.text;
      const where = `${printable(doc.path)}: ${repeatLines(lines)}`;
      this.repeatedTexts++;
      const inline = noiseLine(where, '', text, width, fit);
      if (inline.length === 1) {
        this.repeats.push(...inline);
        continue;
      }
      // The path, then the line numbers and the text under it (the text on a line of its own when the numbers are many).
      const numbers = repeatLines(lines);
      const room = width - 4 - numbers.length - 2;
      const under = room >= 12 ? [`    ${numbers}  ${preview(text, room)}`] : [...wrap(`    ${numbers}`, width, 4), `    ${preview(text, width - 4)}`];
      this.repeats.push(`  ${cutStart(`${printable(doc.path)}:`, width - 2)}`, ...under);
    }
  }

  /** The two lists with their headings, or null when there is nothing to list. */
  render(palette: Palette): string | null {
    const { boilerplate, repeats, width, fit, repeatedTexts, repeatedParagraphs } = this;
    const parts: string[] = [];
    const heading = (title: string, about: string): string[] => fitted(`${palette.bold(title)} ${palette.dim(about)}`, fit ? width : undefined, 2);
    if (boilerplate.length > 0) {
      const whereWidth = widest(boilerplate.map((entry) => entry.where));
      const lines = boilerplate.flatMap((entry) => noiseLine(entry.where.padEnd(whereWidth), `${entry.kind.padEnd(8)}  `, entry.text, width, fit));
      parts.push(...heading(`Boilerplate (${thousands(this.boilerplateCount)})`, 'footers and scraper artifacts; they link no documents and count toward no reuse'), lines.join('\n'));
    }
    if (repeats.length > 0) {
      if (parts.length > 0) parts.push('');
      parts.push(...heading(
          `Repeated lines (${plural(repeatedParagraphs, 'paragraph')}, ${plural(repeatedTexts, 'text')})`,
          'the same text more than once in one file, as when a headline or caption is scraped twice',
        ), repeats.join('\n'));
    }
    return parts.length > 0 ? parts.join('\n') : null;
  }
}

/**
 * Stories derived or partly derived from a story they share no group with: written from another
 * without a paragraph in common (a story retold in a paper's own words), or linked too weakly to
 * group. Pairs inside a group are on its members' lines. Only pairs with a story of `shown`.
 */
export function renderStoryReuse(
  pairs: readonly StoryPairReport[],
  shown: ReadonlySet<string>,
  palette: Palette,
  storiesIn: (path: string) => number,
  fitWidth?: number,
): string | null {
  const label = (s: { path: string; story: number }): string => (storiesIn(s.path) > 1 ? `${printable(s.path)} (story ${s.story + 1})` : printable(s.path));
  const lines: string[] = [];
  let partly = false;
  for (const pair of pairs) {
    if (pair.group !== null || pair.call === 'not-derived') continue;
    if (!pair.stories.some((s) => shown.has(s.path))) continue;
    for (const k of [0, 1] as const) {
      if (pair.calls[k] === 'not-derived') continue;
      if (pair.calls[k] === 'partly-derived') partly = true;
      const side: StorySide = { call: pair.calls[k], words: pair.words[k], bigrams: pair.bigrams[k], reused: pair.reused[k], other: pair.stories[1 - k]! };
      // "compared with", not "from": a partly derived story may be another outlet's own report
      // of the event (review), and the line says what the comparison found, as a group's does.
      lines.push(...fitted(`  ${label(pair.stories[k])} compared with ${label(side.other)}: story ${describeSide(side)}`, fitWidth, 4));
    }
  }
  if (lines.length === 0) return null;
  // Not "written from": a partly derived story may be another outlet's own report of the same
  // event (an AP original was read as written from one; found by a new user, README step 12).
  const note = partly ? 'compared whole with a story they share no group with; partly derived is shared wording, which independent reports of one event also have' : 'compared whole with a story they share no group with';
  const head = `${palette.bold(`Story reuse outside groups (${lines.length})`)} ${palette.dim(note)}`;
  return [...fitted(head, fitWidth, 2), ...lines].join('\n');
}

/** What the human report shows under --top and --only, and notes saying what it leaves out. */
interface Shown {
  groups: readonly GroupReport[];
  /** The documents shown: their places in the view's `heads`. */
  indexes: number[];
  /** Rank of each group shown, when not by id. */
  groupOrder?: Map<number, number>;
  notes: string[];
}

/**
 * What the human report is drawn from: a whole Report (viewOfReport), or a scan whose
 * documents are made one at a time as the report is written (the CLI's), so that the report of
 * a large corpus is never held whole: the table of documents needs only their heads.
 */
export interface HumanView {
  summary: Summary;
  warnings: readonly Warning[];
  groups: readonly GroupReport[];
  storyPairs: readonly StoryPairReport[];
  /** Every listed document without its paragraphs, in order. */
  heads: readonly DocumentHead[];
  /** The reports of the documents at these places in `heads` (ascending), in that order, each made when reached. Called once. */
  documents(indexes: readonly number[]): Iterable<DocumentReport>;
}

export function viewOfReport(report: Report): HumanView {
  return {
    summary: report.summary,
    warnings: report.warnings,
    groups: report.groups,
    storyPairs: report.storyPairs,
    heads: report.documents,
    documents: (indexes) => indexes.map((k) => report.documents[k]!),
  };
}

/** Groups largest first: most documents, then most stories, then the first found (--top, the HTML report's detail). */
export function largestFirst(groups: readonly GroupReport[]): GroupReport[] {
  return [...groups].sort((a, b) => b.documents.length - a.documents.length || b.members.length - a.members.length || a.id - b.id);
}

export function shownParts(view: Pick<HumanView, 'groups' | 'heads'>, options: Pick<HumanOptions, 'top' | 'only'>): Shown {
  let indexes = view.heads.map((_, k) => k);
  const shown: Shown = { groups: view.groups, indexes, notes: [] };
  const top = options.top ?? 0;
  if (top > 0) {
    shown.groups = largestFirst(view.groups).slice(0, top);
    shown.groupOrder = new Map(shown.groups.map((g, rank) => [g.id, rank]));
    const inGroups = new Set(shown.groups.flatMap((g) => g.documents));
    indexes = indexes.filter((k) => inGroups.has(view.heads[k]!.path));
    const others = view.heads.length - indexes.length;
    const [count, total] = [shown.groups.length, view.groups.length];
    // "the largest of 2 groups ... and its 4 documents", "the 3 largest of 9 groups ... and their ...", "all 2 groups ...".
    // ("the largest group of 3" read as a group of 3 documents above "Group 1: 2 documents"; a new user's run.)
    const which =
      count === total ? (total === 1 ? 'the only group' : `all ${thousands(total)} groups`) : count === 1 ? `the largest of ${thousands(total)} groups` : `the ${thousands(count)} largest of ${thousands(total)} groups`;
    shown.notes.push(
      total === 0
        ? `No group to show (--top ${top}): no documents share enough text to form one; ${plural(others, 'document')} not shown.`
        : `Showing ${which} (--top ${top}) and ${count === 1 ? 'its' : 'their'} ${plural(indexes.length, 'document')}` +
            `${others > 0 ? `; ${plural(others, 'other document')} not shown` : ''}.`,
    );
  }
  if (options.only === 'reused') {
    const withReuse = indexes.filter((k) => view.heads[k]!.counts.shared + view.heads[k]!.counts.edited > 0);
    // A paragraph neither shared nor edited is unique or boilerplate (shownSegment).
    const hiddenParagraphs = withReuse.reduce((sum, k) => sum + view.heads[k]!.counts.unique + view.heads[k]!.counts.boilerplate, 0);
    const shownSet = new Set(withReuse);
    const hidden = indexes.filter((k) => !shownSet.has(k));
    const hiddenDocumentParagraphs = hidden.reduce((sum, k) => sum + paragraphCount(view.heads[k]!), 0);
    indexes = withReuse;
    // "0 other paragraphs and 2 documents without reuse" read as nothing hidden (found by a new user).
    const parts = [
      ...(hiddenParagraphs > 0 ? [`${plural(hiddenParagraphs, 'other paragraph')} of the documents shown`] : []),
      ...(hidden.length > 0 ? [`${plural(hidden.length, 'document')} without reuse (${plural(hiddenDocumentParagraphs, 'paragraph')})`] : []),
    ];
    shown.notes.push(`Showing shared and edited paragraphs only (--only reused): ${parts.length > 0 ? `${parts.join(' and ')} not shown` : 'every paragraph is one'}.`);
  }
  shown.indexes = indexes;
  return shown;
}

/** The summary line, wrapped to `fitWidth` on a terminal. */
export function fitSummary(line: string, fitWidth: number | undefined): string {
  return fitted(line, fitWidth, 2).join('\n');
}

/**
 * The human report in pieces, written as they come: the summary, notes, groups and the table of
 * documents first, then each document's paragraphs as it is made (the view makes them one at a
 * time), then story reuse and the scraper-noise lists. Joined, the pieces are the whole report.
 */
export function* renderHumanChunks(view: HumanView, options: HumanOptions): Generator<string> {
  const { palette } = options;
  const fitWidth = options.fit ? options.width : undefined;
  // Parts are separated by a blank line; each is laid out to fit, and fitLines is the guarantee
  // (a character wider than its estimate).
  let first = true;
  const part = (text: string): string => {
    const out = `${first ? '' : '\n\n'}${fitWidth === undefined ? text : fitLines(text, fitWidth)}`;
    first = false;
    return out;
  };
  yield part(fitSummary(renderSummary(view, options.elapsedMs, options.noun), fitWidth));
  if (!options.quiet && view.heads.length > 0) {
    const shown = shownParts(view, options);
    if (shown.notes.length > 0) yield part(shown.notes.flatMap((note) => fitted(palette.dim(note), fitWidth, 2)).join('\n'));
    const storyCounts = new Map(view.heads.map((d) => [d.path, d.stories.length]));
    const storiesIn = (path: string): number => storyCounts.get(path) ?? 1;
    const sides = storySides(view.storyPairs);
    for (const group of shown.groups) yield part(renderGroup(group, palette, storiesIn, fitWidth, sides));
    const shownHeads = shown.indexes.map((k) => view.heads[k]!);
    const table: TableOptions = { documents: shownHeads };
    if (shown.groupOrder) table.groupOrder = shown.groupOrder;
    if (fitWidth !== undefined) table.fitWidth = fitWidth;
    if (shownHeads.length > 0) yield part(renderGroupsTable({ groups: view.groups, documents: view.heads }, palette, table));
    const originals = new Map(view.groups.map((g) => [g.id, g.original]));
    const originalOf = (doc: DocumentReport): string | null => (doc.group === null ? null : (originals.get(doc.group) ?? null));
    // --only reused shows reuse alone: not the boilerplate and repeated lines either.
    const noise = options.only === 'reused' ? null : new ScraperNoise(options.width, options.fit === true);
    for (const doc of view.documents(shown.indexes)) {
      yield part(renderDocument(doc, { ...options, originalOf }));
      noise?.add(doc);
    }
    const reuse = renderStoryReuse(view.storyPairs, new Set(shownHeads.map((d) => d.path)), palette, storiesIn, fitWidth);
    if (reuse) yield part(reuse);
    const noiseLists = noise?.render(palette);
    if (noiseLists) yield part(noiseLists);
  }
  yield '\n';
}

/** The whole human report of a Report, as one string. */
export function renderHuman(report: Report, options: HumanOptions): string {
  return [...renderHumanChunks(viewOfReport(report), options)].join('');
}
