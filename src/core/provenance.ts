/**
 * Which story of a syndication group is the original, which are later versions of it, which
 * are reprints, and what each changed.
 *
 * Evidence for the original, each with a weight (reasons are reported as data):
 * - wire dateline with an agency credit at the top ("KYIV, Ukraine (AP) —", "(Reuters) -"):
 *   +3; a bare dateline ("KYIV, Ukraine --"): +1; an agency credit closing the story: +1.
 *   Reprints often keep the dateline, so this alone does not decide between them.
 * - attribution to a wire ("The Associated Press said", "according to Reuters"): -2, the
 *   text names its source, so it is not that source. Seeds 000/001 add "The Associated Press
 *   said." to 002's second paragraph.
 * - explicit dates (2024-11-04, "October 31, 2024"): when members carry different latest
 *   dates, the earliest gets +1 and later ones -1.
 * - containment: the original holds most of the group's shared text; the member holding
 *   clearly the most (by HOLDS_MARGIN) gets +1.
 * - file time, weak: the earliest modification time, if earlier than all others by an hour,
 *   gets +0.25.
 * The member with the highest score is the original when it leads by more than zero;
 * confidence = 1 / (1 + e^-margin) (margin 1: 0.73, 3: 0.95). Otherwise original is null.
 *
 * Against the original each other member is a **version** (a write-through or update of the
 * same wire story: it carries wire evidence of its own or a later date, and reuses less than
 * VERSION_MAX_REUSE of its text, seed 003) or a **reprint** (another outlet's copy: mostly the
 * original's paragraphs, plus additions).
 */
import { alignParagraphs, type AlignedBlock, type AlignParagraph, type AlignRule } from './align.js';
import type { EditKind, EditSummary, MemberRole, ProvenanceReason } from './types.js';
import { round3 } from './verify.js';
import { changedWords } from './worddiff.js';

export const VERSION_MAX_REUSE = 0.6;
export const HOLDS_MARGIN = 0.1;
/** Word runs of at least this length with a sentence end count as whole sentences in edits. */
const SENTENCE_MIN_WORDS = 5;
/** A substitution replaces at most this many words on either side. */
const SUBSTITUTION_MAX_WORDS = 5;

const AGENCIES = 'AP|Reuters|AFP|dpa|UPI|Bloomberg|Xinhua|ANI|PTI|IANS|Anadolu|EFE|ANSA|Kyodo|Yonhap|TASS';
const DATELINE_WITH_CREDIT = new RegExp(
  String.raw`^(?:[\p{Lu}][\p{L}.'’ -]*(?:,\s*[\p{L}.'’ -]+)?\s*)?\((${AGENCIES}|Associated Press)\)\s*[—–-]+`,
  'u',
);
const BARE_DATELINE = /(?:^|\d{4}-\d{2}-\d{2}\s+)([\p{Lu}]{2,}[\p{Lu} .'’-]*(?:,\s*[\p{Lu}][\p{L}.'’ -]+)?)\s*(?:--|—|–)\s/u;
const CLOSING_CREDIT = new RegExp(String.raw`\((${AGENCIES})\)\s*$`, 'u');
const ATTRIBUTION = new RegExp(
  String.raw`\b(?:(?:[Tt]he\s+)?(Associated Press|${AGENCIES}|Agence France-Presse)\s+(?:said|reported|reports)\b|according to\s+(?:the\s+)?(Associated Press|${AGENCIES}|Agence France-Presse)\b)`,
  'u',
);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Dates stay on one line (BBC's "27 February\n\n1500 GMT" is a date and a time) and years
// are plausible for news (1900-2099).
const YEAR = '((?:19|20)\\d{2})';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const ISO_DATE = new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}[ \\t]+(\\d{1,2}),?[ \\t]+${YEAR}\\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})[ \\t]+${MONTH}[ \\t]+${YEAR}\\b`, 'g');

export interface StoryView {
  path: string;
  story: number;
  startLine: number;
  endLine: number;
  /** The story's paragraphs that carry its text: repeats, boilerplate and artifacts left out. */
  body: AlignParagraph[];
  /** Share of the group's shared text (by words) this story holds. */
  holds: number;
  /** File modification time in ms since the epoch, when known. */
  modifiedAt?: number;
}

export interface MemberProvenance {
  role: MemberRole | null;
  score: number;
  reasons: ProvenanceReason[];
  /** Against the original (null for the original itself or when there is none). */
  comparison: EditSummary | null;
}

export interface GroupProvenance {
  original: number | null;
  confidence: number | null;
  members: MemberProvenance[];
}

/** The latest full date a text mentions, as YYYY-MM-DD, or null. */
export function latestDate(text: string): string | null {
  let latest: string | null = null;
  const consider = (year: string, month: number, day: string): void => {
    if (month < 1 || month > 12) return;
    const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (latest === null || iso > latest) latest = iso;
  };
  for (const m of text.matchAll(ISO_DATE)) consider(m[1]!, Number(m[2]), m[3]!);
  for (const m of text.matchAll(MONTH_DAY_YEAR)) consider(m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, m[2]!);
  for (const m of text.matchAll(DAY_MONTH_YEAR)) consider(m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, m[1]!);
  return latest;
}

/** Signs that a story is wire copy itself, or that it cites a wire as its source. */
export function wireEvidence(body: readonly AlignParagraph[]): ProvenanceReason[] {
  const reasons: ProvenanceReason[] = [];
  const first = body[0]?.text.trim() ?? '';
  const head = first.slice(0, 160);
  const credited = DATELINE_WITH_CREDIT.exec(head);
  if (credited) reasons.push({ kind: 'dateline', detail: credited[0].trim(), weight: 3 });
  else {
    const bare = BARE_DATELINE.exec(head);
    if (bare && bare.index < 40) reasons.push({ kind: 'dateline', detail: `${bare[1]!.trim()} --`, weight: 1 });
  }
  const last = body[body.length - 1]?.text.trim() ?? '';
  const closing = CLOSING_CREDIT.exec(last);
  if (closing && body.length > 1) reasons.push({ kind: 'credit', detail: `(${closing[1]!})`, weight: 1 });
  for (const paragraph of body) {
    const attribution = ATTRIBUTION.exec(paragraph.text);
    if (attribution) {
      reasons.push({ kind: 'attribution', detail: attribution[0], weight: -2 });
      break;
    }
  }
  return reasons;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export function analyseGroup(members: readonly StoryView[], rule: AlignRule): GroupProvenance {
  const reasons: ProvenanceReason[][] = members.map((m) => wireEvidence(m.body));
  const dates = members.map((m) => latestDate(m.body.map((p) => p.text).join('\n')));
  const dated = dates.filter((d): d is string => d !== null);
  if (new Set(dated).size > 1) {
    const earliest = dated.reduce((a, b) => (a < b ? a : b));
    dates.forEach((date, i) => {
      if (date === null) return;
      reasons[i]!.push(
        date === earliest
          ? { kind: 'date', detail: `earliest date in the group: ${date}`, weight: 1 }
          : { kind: 'date', detail: `dated later: ${date}`, weight: -1 },
      );
    });
  }
  const byHolds = members.map((m, i) => [m.holds, i] as const).sort((a, b) => b[0] - a[0]);
  if (byHolds.length > 1 && byHolds[0]![0] - byHolds[1]![0] >= HOLDS_MARGIN) {
    const [holds, i] = byHolds[0]!;
    reasons[i]!.push({ kind: 'containment', detail: `holds ${Math.round(holds * 100)}% of the group's shared text`, weight: 1 });
  }
  const times = members.map((m) => m.modifiedAt);
  const known = times.filter((t): t is number => t !== undefined);
  if (known.length === members.length && known.length > 1) {
    const sorted = [...known].sort((a, b) => a - b);
    if (sorted[1]! - sorted[0]! >= 3_600_000) {
      const i = times.indexOf(sorted[0]!);
      reasons[i]!.push({ kind: 'file-time', detail: 'oldest file', weight: 0.25 });
    }
  }

  const scores = reasons.map((list) => list.reduce((sum, r) => sum + r.weight, 0));
  const ranked = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const margin = ranked.length > 1 ? ranked[0]![0] - ranked[1]![0] : 0;
  const original = margin > 0 ? ranked[0]![1] : null;

  const result: MemberProvenance[] = members.map((_, i) => ({ role: null, score: round3(scores[i]!), reasons: reasons[i]!, comparison: null }));
  if (original === null) return { original: null, confidence: null, members: result };
  result[original]!.role = 'original';
  const originalDate = dates[original];
  members.forEach((member, i) => {
    if (i === original) return;
    const comparison = compare(members[original]!.body, member.body, rule);
    const ownWire = reasons[i]!.some((r) => (r.kind === 'dateline' || r.kind === 'credit') && r.weight > 0);
    const cites = reasons[i]!.some((r) => r.kind === 'attribution');
    const later = dates[i] != null && originalDate != null && dates[i]! > originalDate;
    const rewritten = comparison.reused < VERSION_MAX_REUSE;
    result[i]!.role = !cites && rewritten && (ownWire || later) ? 'version' : 'reprint';
    result[i]!.comparison = comparison;
  });
  return { original, confidence: round3(logistic(margin)), members: result };
}

const wordsOf = (paragraphs: readonly AlignParagraph[], indexes: readonly number[]): number =>
  indexes.reduce((sum, i) => sum + paragraphs[i]!.words, 0);

const QUOTE = /["“”«»]/;

/** What `copy` kept, changed, added and dropped from `original`. */
export function compare(original: readonly AlignParagraph[], copy: readonly AlignParagraph[], rule: AlignRule): EditSummary {
  const blocks = alignParagraphs(original, copy, rule);
  const matched = blocks.filter((b) => b.from.length > 0 && b.to.length > 0);
  const originalWords = wordsOf(original, original.map((_, i) => i));
  const copyWords = wordsOf(copy, copy.map((_, i) => i));
  const count = (kinds: AlignedBlock['kind'][], side: 'from' | 'to'): number =>
    blocks.filter((b) => kinds.includes(b.kind)).reduce((n, b) => n + b[side].length, 0);
  const edits = new Map<EditKind, number>();
  const add = (kind: EditKind, n = 1): void => {
    if (n > 0) edits.set(kind, (edits.get(kind) ?? 0) + n);
  };

  for (const block of matched) {
    if (block.kind === 'merged') add('paragraphs-merged');
    if (block.kind === 'split') add('paragraph-split');
    const ops = block.ops ?? [];
    let substituted = false;
    ops.forEach((op, k) => {
      const next = ops[k + 1];
      if (op.op === 'delete' && next?.op === 'insert') {
        const { deleted } = changedWords([op]);
        const { inserted } = changedWords([next]);
        if (deleted <= SUBSTITUTION_MAX_WORDS && inserted <= SUBSTITUTION_MAX_WORDS) substituted = true;
      }
      const n = changedWords([op]);
      if (op.op === 'delete' && n.deleted >= SENTENCE_MIN_WORDS && /[.!?]["”’]?$/.test(op.text)) add('sentence-dropped');
      if (op.op === 'insert' && n.inserted >= SENTENCE_MIN_WORDS && /[.!?]["”’]?$/.test(op.text)) add('sentence-added');
    });
    if (substituted) add('words-substituted');
  }
  add('paragraphs-moved', matched.filter((b) => b.moved).length);

  // Trimmed from the bottom: the original's last paragraphs are all dropped.
  const droppedSet = new Set(blocks.filter((b) => b.kind === 'dropped').flatMap((b) => b.from));
  let trimmed = 0;
  for (let i = original.length - 1; i >= 0 && droppedSet.has(i); i--) trimmed++;
  if (trimmed > 0 && trimmed < original.length) add('trimmed-from-bottom', trimmed);

  // New lede: the copy opens with a paragraph that is not the original's opening one.
  const opening = blocks.find((b) => b.to.includes(0));
  if (copy.length > 0 && original.length > 0 && (!opening || opening.kind === 'added' || !opening.from.includes(0) || (opening.similarity ?? 0) < 0.5)) {
    add('new-lede');
  }
  for (const block of blocks) {
    if (block.kind !== 'added') continue;
    const text = copy[block.to[0]!]!.text;
    if (QUOTE.test(text) && (/^\s*["“«]/.test(text) || /\bsaid\b/.test(text))) add('quote-added');
  }

  const keptOriginal = matched.flatMap((b) => b.from);
  const keptCopy = matched.flatMap((b) => b.to);
  return {
    coverage: originalWords === 0 ? 0 : round3(wordsOf(original, keptOriginal) / originalWords),
    reused: copyWords === 0 ? 0 : round3(wordsOf(copy, keptCopy) / copyWords),
    paragraphs: {
      shared: count(['same'], 'to'),
      edited: count(['edited', 'merged', 'split'], 'to'),
      added: count(['added'], 'to'),
      dropped: count(['dropped'], 'from'),
      moved: matched.filter((b) => b.moved).reduce((n, b) => n + b.to.length, 0),
    },
    edits: [...edits].map(([kind, n]) => ({ kind, count: n })),
  };
}

