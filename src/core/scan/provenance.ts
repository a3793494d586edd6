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
 * - explicit dates (2024-11-04, "October 31, 2024") where a story says when it was published
 *   (publicationText: above the lede, in the dateline, a "Published ..." line; not in its
 *   text): when members carry different latest dates, the earliest gets +1 and later ones -1.
 * - containment: the original holds most of the group's shared text; the member holding
 *   clearly the most (by HOLDS_MARGIN) gets +1, and so does, among candidates that tie on the
 *   rest of the evidence, the one holding clearly the most of them (a full wire story against
 *   a reprint trimmed to its first paragraphs, both with the story's dateline).
 * - file time, weak: the earliest modification time, if earlier than all others by an hour,
 *   gets +0.25.
 * The member with the highest score is the original when it leads by more than zero;
 * confidence = 1 / (1 + e^-margin) (margin 1: 0.73, 3: 0.95). Otherwise original is null.
 *
 * Identical copies (the same words, paragraph for paragraph) are one candidate: the evidence
 * ranks texts, so a byte-identical copy of the original neither ties with it nor hides it; the
 * copies name their representative (`duplicateOf`).
 *
 * Against the original each other member is a **version** (a write-through or update of the
 * same wire story: it carries wire evidence of its own or a later date, and has less than
 * VERSION_MAX_MATCHED_SHARE of its words in paragraphs matched to the original, seed 003) or a **reprint** (another outlet's copy: mostly the
 * original's paragraphs, plus additions).
 */
import { BARE_DATELINE, BARE_DATELINE_MAX_OFFSET, DATELINE_SEARCH_CHARS } from '../text/dateline.js';
import { literally } from '../text/regexp.js';
import { paragraphNumbers, type AlignParagraph, type AlignRule } from '../align/align.js';
import { isDerived } from '../classify.js';
import { overlap } from '../matching/overlap.js';
import { compareCopy, ledeIndex } from '../align/edit-summary.js';
import { round3 } from '../numbers.js';
import { DEFAULT_OPTIONS } from '../options.js';
import type { EditKind, EditSummary, MemberRole, ProvenanceReason } from '../types.js';

/**
 * Evidence weights, added to a member's score; positive points to the original. Why each:
 * - creditedDateline: a wire dateline with the agency's credit is how the agency itself opens
 *   its copy; reprints often keep it too, so it needs the other evidence to decide between them.
 * - bareDateline, closingCredit: weaker signs of wire copy.
 * - attribution: a text naming a wire as its source ("The Associated Press said") is not that
 *   source; it outweighs a kept dateline (seeds 000 and 001 against 002).
 * - updateLabel: a headline labelled as a write-through ("UPDATE 2-...") says the story updates an
 *   earlier one, which is not itself; as strong as attribution, so that the write-through and a
 *   reprint of it, holding most of the group's text, do not outweigh the first brief.
 * - earliestDate, laterDate: an update carries a later date than what it updates.
 * - holdsMost: the original holds most of the group's shared text; a trimmed reprint does not.
 * - oldestFile: file times are easily changed by copying; a tie-breaker at most.
 */
export const PROVENANCE_WEIGHTS = {
  creditedDateline: 3,
  bareDateline: 1,
  closingCredit: 1,
  attribution: -2,
  updateLabel: -2,
  earliestDate: 1,
  laterDate: -1,
  holdsMost: 1,
  oldestFile: 0.25,
} as const;

/** A member with less than this share of its words in paragraphs matched to the original may be a version (a rewrite), not a reprint (compareCopy's matchedShare). */
export const VERSION_MAX_MATCHED_SHARE = 0.6;
/**
 * ... and, when it is no version, is `partial` (a story of its own using part of the original)
 * with at least this share of its words in paragraphs no other member holds (StoryView.ownShare):
 * a reprint of the agency's write-through also keeps little of the first brief, the original,
 * but all its text is the write-through's.
 */
export const PARTIAL_MIN_OWN_SHARE = 0.5;
/**
 * A copy is trimmed from a fuller one (collectEvidence) when the fuller goes on for at least
 * this many paragraphs after the copy's end: a wire story cut by its last few paragraphs is (a
 * share of the words as well missed the usual trim of 3 paragraphs in 23, found in review); a
 * reprint that appends a newsletter line (one paragraph) is not thereby the original.
 */
export const TRIMMED_MIN_PARAGRAPHS = 2;

/** The member holding the most shared text gets holdsMost only when it leads the next by this share. */
export const HOLDS_MARGIN = 0.1;
/** The oldest file time counts only when it precedes every other by at least this long. */
export const OLDEST_FILE_LEAD_MS = 3_600_000;

const AGENCIES = 'AP|Reuters|AFP|dpa|UPI|Bloomberg|Xinhua|ANI|PTI|IANS|Anadolu|EFE|ANSA|Kyodo|Yonhap|TASS';
/**
 * Agencies known by the credit in brackets of a dateline or of a story's end, besides AGENCIES
 * (which attribution also reads, "Reuters said": these are left out there, where "CP said" or
 * "SPA said" could be anyone). A name in brackets that is none of these is as often an outlet's
 * own credit as an agency's, and the reprints of `npm run bench`'s corpus put their outlet's
 * there ("NEW YORK (The Kingsbury Courier) —"): read as a dateline, it made reprints originals
 * (447 of 1,008 groups of the 10 MB corpus decided, 25 before; found in review of a new user's
 * "MARLOW BAY (Coastal Press) —", which counts for nothing, as before). Names, not short
 * acronyms that are as often something else ("Artificial general intelligence (AGI) —",
 * "Canadian Pacific Kansas City (CP) -"; review).
 */
const CREDITED_AGENCIES = `${AGENCIES}|Associated Press|Agence France-Presse|Canadian Press|AAP|PA Media|Press Association|Jiji|Interfax|Belga|Lusa|Europa Press|Bernama|Antara|ANTARA|Prensa Latina|Notimex|Ritzau|Keystone-SDA|Adnkronos|Tanjug|Ukrinform|UNIAN|RIA Novosti|Sputnik|Kyodo News|Anadolu Agency|Xinhua News Agency|REUTERS`;
/**
 * A wire dateline with its agency's credit: a place, perhaps a region and a date after a comma
 * ("NEW YORK, June 4 (Reuters) -", "WASHINGTON, Nov. 4, 2024 (AP) —": a date read as no
 * dateline at all, and a Reuters desk's group had no original; a new user's run), the credit,
 * a dash.
 */
function datelineWithCredit(agencies: string): RegExp {
  return new RegExp(String.raw`^(?:[\p{Lu}][\p{L}.'’ -]*(?:,\s*[\p{L}\p{N}.,'’ -]+?)?\s*)?\((${agencies})\)\s*[—–-]+`, 'u');
}
/**
 * A story citing a wire as its source: "the Associated Press said", "according to Reuters", and
 * the credit line an outlet closes a story with, "The Associated Press contributed to this
 * report" (the commonest way to name AP as a source, which gave no evidence; a new user's run).
 */
const ATTRIBUTION_AGENCIES = String.raw`(?:[Tt]he\s+)?(?:Associated Press|${AGENCIES}|Agence France-Presse)`;
const ATTRIBUTION = new RegExp(
  [
    String.raw`\b(?:[Tt]he\s+)?(?:Associated Press|${AGENCIES}|Agence France-Presse)\s+(?:said|reported|reports|contributed to this (?:report|story|article)|contributed reporting)\b`,
    String.raw`\baccording to\s+${ATTRIBUTION_AGENCIES}\b`,
    // The credit lines newspapers close a rewrite of wire copy with: "Information from The
    // Associated Press was used in this report", "This article includes reporting from
    // Reuters" (a new user's rewrite with one of them came out a wire "version", no evidence).
    String.raw`\b(?:[Ii]nformation|[Mm]aterial)\s+from\s+${ATTRIBUTION_AGENCIES}\s+(?:was|were|is)\s+used\b`,
    String.raw`\b(?:includes|contains|[Ww]ith)\s+(?:additional\s+)?reporting\s+(?:from|by)\s+${ATTRIBUTION_AGENCIES}\b`,
  ].join('|'),
  'u',
);
/**
 * A credit line of the outlet's own staff ("Staff writer John Roe contributed to this report
 * from Springfield."): closing the paragraphs one text has beyond another's whole text, it says
 * they were added by the outlet that reprinted the wire story, not cut by the other (a new
 * user's reprint with a local quote and its reporter's credit was called the original of the
 * AP story it reprinted, "the other copy is its opening paragraphs"). An agency's own credit
 * ("Associated Press writer Jim Heintz contributed to this report") is the wire's tail.
 */
const STAFF_CREDIT = /\b(?:contributed to this (?:report|story|article)|contributed reporting|staff (?:writer|reporter|correspondent)s?)\b/i;

/**
 * What reads as an agency's credit: the built-in names (CREDITED_AGENCIES) and the names a run
 * adds (`--agency`, the config's `agencies`): a regional agency's desk names its own, and a copy
 * that stripped its credit was taken for the original of the agency's story, whose "(Northwire)"
 * counted for nothing (a new user's trial).
 */
export interface CreditPatterns {
  /** A wire dateline with an agency's credit (see datelineWithCredit). */
  datelineWithCredit: RegExp;
  /** A credit closing a story, "(AP)". */
  closingCredit: RegExp;
  /** A credit ending the text before a dateline's dash. */
  creditBeforeDash: RegExp;
  /** An agency named anywhere (a staff credit naming one is the agency's: isStaffCredit). */
  agencyNamed: RegExp;
}

const creditPatternsMade = new Map<string, CreditPatterns>();

/** The credit patterns of the built-in agencies and `extra` names (as written; regular-expression characters in them match themselves). */
export function creditPatterns(extra: readonly string[] = []): CreditPatterns {
  const key = extra.join('\n');
  let made = creditPatternsMade.get(key);
  if (made) return made;
  const names = [CREDITED_AGENCIES, ...extra.map(literally)].join('|');
  made = {
    datelineWithCredit: datelineWithCredit(names),
    closingCredit: new RegExp(String.raw`\((${names})\)\s*$`, 'u'),
    creditBeforeDash: new RegExp(String.raw`\((?:${names})\)\s*$`, 'u'),
    // Word edges by Unicode letters: `\b` knows ASCII words only, so a name such as ČTK or
    // Agência Brasil (--agency) was never found after a space (a stranger's run).
    agencyNamed: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${names}|Associated Press writers?)(?![\p{L}\p{N}_])`, 'u'),
  };
  creditPatternsMade.set(key, made);
  return made;
}

/** A credit line is short: a name or two, a place (longer text that mentions "staff reporters" is prose). */
const CREDIT_MAX_WORDS = 30;

/**
 * Edits that describe a reprint made from the whole original (cut short, a new lede, its
 * dateline or credit dropped, a quote added): a story of its own that uses a few paragraphs of
 * the original made none of them. A local story quoting two wire paragraphs read "dateline
 * dropped, trimmed from the bottom (19), new lede, quote added" (a new user).
 */
const WHOLE_STORY_EDITS: ReadonlySet<EditKind> = new Set<EditKind>(['trimmed-from-bottom', 'new-lede', 'quote-added', 'dateline-dropped', 'dateline-replaced', 'credit-dropped']);

/** A partial member's comparison: the edits made to the paragraphs it uses, not WHOLE_STORY_EDITS. */
function partialUse(comparison: EditSummary): EditSummary {
  return { ...comparison, edits: comparison.edits.filter((edit) => !WHOLE_STORY_EDITS.has(edit.kind)) };
}

/** Whether a paragraph is a credit line of the reprinting outlet's staff (STAFF_CREDIT), not an agency's. */
export function isStaffCredit(text: string, credits: CreditPatterns = creditPatterns()): boolean {
  return STAFF_CREDIT.test(text) && !credits.agencyNamed.test(text);
}

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
  /** Share of its body's words in paragraphs no other member of the group holds (copied or derived): its own text. */
  ownShare?: number;
  /** File modification time in ms since the epoch, when known. */
  modifiedAt?: number;
  /** The publication date its metadata gives (publishedDate), when it gives one. */
  published?: PublishedDate;
}

/** A publication date (YYYY-MM-DD) and the metadata field it was read from. */
export interface PublishedDate {
  date: string;
  field: string;
  /** The moment, in milliseconds since 1970 UTC, when the value gives a time of day with its zone (instantOfString). */
  instant?: number;
}

/**
 * Metadata fields read as an article's publication date, the first present first: the names
 * feeds and scrapers give it (RSS's pubDate, schema.org's datePublished, and the plain ones;
 * the README's JSONL example has "published"). A JSONL article has no file time, and its text
 * often no dateline; a feed's date is the best evidence of which copy came first it carries.
 */
export const PUBLISHED_FIELDS = ['published', 'published_at', 'publishedAt', 'datePublished', 'pubDate', 'date'] as const;

/** "2024-10-23", "2024-10-23T09:14:00Z": ISO 8601, its date as written. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
/** "Wed, 23 Oct 2024 09:14:00 GMT", "23 October 2024": RFC 2822 (RSS's pubDate) and the like, its date as written. */
const DAY_MONTH_YEAR_FIELD = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})(?:$|[\s,T])/;
/** "October 23, 2024", "Oct. 23 2024": its date as written. */
const MONTH_DAY_YEAR_FIELD = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:$|[\s,T])/;

/** YYYY-MM-DD of a day that exists (not 2024-02-31), else null. */
function dayOf(year: number, month: number, day: number): string | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (month < 1 || month > 12 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The UTC day of seconds since 1970 (until the year 5138), or of milliseconds from there. */
function epochDay(value: number): string {
  return new Date(value < 1e11 ? value * 1000 : value).toISOString().slice(0, 10);
}

/** An ISO 8601 time with its zone: "2024-10-01T08:00:00Z", "2024-10-01 08:00+02:00", fractions of a second allowed. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
/** An RFC 2822 time with its zone: "Wed, 23 Oct 2024 09:14:00 GMT", "23 Oct 2024 09:14 +0200". */
const RFC2822_INSTANT = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC?|Z|[+-]\d{4})$/i;

/** Minutes east of UTC of a zone as written ("Z", "GMT", "+02:00", "-0500"). */
function zoneMinutes(zone: string): number {
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
}

/**
 * The moment a metadata value names, when it names one: a time of day with its zone (ISO 8601
 * or RFC 2822), or seconds or milliseconds since 1970. A time without a zone, or a day alone, is
 * no moment: compared across feeds of other zones it would put a later story first. Wire desks
 * publish and reprint within the day, so the day alone left a group's original undecided though
 * its feed timed the agency's story hours before every reprint (a new user's trial).
 */
function instantOfString(value: string): number | null {
  const text = value.trim();
  // Digits are seconds or milliseconds when dayOfString reads them so: not a compact date.
  if (/^\d{10}$|^\d{13}$/.test(text) && compactDay(text) === null) return text.length === 10 ? Number(text) * 1000 : Number(text);
  const iso = ISO_INSTANT.exec(text);
  const rfc = iso ? null : RFC2822_INSTANT.exec(text);
  const [year, month, day, hour, minute, second, zone] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), iso[7]!]
    : rfc
      ? [Number(rfc[3]), MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, Number(rfc[1]), Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0), rfc[7]!]
      : [];
  if (year === undefined || dayOf(year, month!, day!) === null || hour! > 23 || minute! > 59 || second! > 59) return null;
  return Date.UTC(year, month! - 1, day!, hour!, minute!, second!) - zoneMinutes(zone!) * 60_000;
}

/** The day of a compact date, YYYYMMDD with the time after it or not ("202406121000"), or null. */
function compactDay(digits: string): string | null {
  const compact = /^((?:19|20)\d\d)(\d\d)(\d\d)(?:\d\d){0,3}$/.exec(digits);
  return compact ? dayOf(Number(compact[1]), Number(compact[2]), Number(compact[3])) : null;
}

/** The day of a metadata date string in one of the forms above, or null (no lenient parsing: "Sept. 5", "Page 12" are no dates). */
function dayOfString(value: string): string | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    // A compact date, YYYYMMDD with the time after it or not ("202406121000"), else seconds
    // (10 digits) or milliseconds (13) since 1970 written as a string, as some feeds do; a
    // 12-digit compact date was read as milliseconds, 1976 (found in review).
    const day = compactDay(text);
    if (day !== null) return day;
    return text.length === 10 || text.length === 13 ? epochDay(Number(text)) : null;
  }
  const iso = ISO_DAY.exec(text);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_MONTH_YEAR_FIELD.exec(text);
  if (dayFirst) return dayOf(Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase()) + 1, Number(dayFirst[1]));
  const monthFirst = MONTH_DAY_YEAR_FIELD.exec(text);
  if (monthFirst) return dayOf(Number(monthFirst[3]), MONTHS.indexOf(monthFirst[1]!.slice(0, 3).toLowerCase()) + 1, Number(monthFirst[2]));
  return null;
}

/**
 * The publication date of an article's metadata (PUBLISHED_FIELDS) as YYYY-MM-DD, to the day as
 * text dates are: an ISO 8601 date or time ("2024-10-23", "2024-10-23T23:30:00-05:00"), an RFC
 * 2822 date ("Wed, 23 Oct 2024 09:14:00 GMT") or "October 23, 2024", each its date as written
 * whatever its zone, so that no form and no machine's time zone moves it; or seconds or
 * milliseconds since 1970 (the UTC day). Anything else is no date: a lenient parser read "Sept.
 * 5" as 2001-09-05 and made that the earliest date in a group (found in review). Null when no
 * field holds one.
 */
export function publishedDate(metadata: { [key: string]: unknown } | undefined): PublishedDate | null {
  if (!metadata) return null;
  for (const field of PUBLISHED_FIELDS) {
    const value = metadata[field];
    let date: string | null = null;
    let written: string | null = null;
    if (typeof value === 'string') written = value;
    // A number as its digits: 20240612 is a compact date, 1718000000 seconds; 1 (a "published"
    // flag) or 100 no date (they read as 1970 and decided groups; found by a new user).
    else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) written = String(value);
    if (written !== null) date = dayOfString(written);
    if (date !== null) {
      const instant = instantOfString(written!);
      return instant === null ? { date, field } : { date, field, instant };
    }
  }
  return null;
}

export interface MemberProvenance {
  role: MemberRole | null;
  score: number;
  reasons: ProvenanceReason[];
  /** Against the original (null for the original itself or when there is none). */
  comparison: EditSummary | null;
  /** The member whose text this one is, word for word (the representative of its copies), or null. */
  duplicateOf: number | null;
}

export interface GroupProvenance {
  original: number | null;
  confidence: number | null;
  members: MemberProvenance[];
}

/** How a publication line begins ("Published 3 March 2025", "Updated: 14:02 GMT, 4 Nov 2024", "Last updated ..."). */
const PUBLICATION_LINE = /^\W*(?:(?:first|last)\s+)?(?:published|updated|posted|modified|dated)\b/i;
/** A paragraph of at most this many words can be a publication line. */
const PUBLICATION_LINE_MAX_WORDS = 12;
/** Where a dateline ends: the dash after "WASHINGTON, Nov. 4, 2024 (Reuters)". */
const DATELINE_DASH = /\s(?:--|—|–|-)\s|—/;
/** An agency's credit ending the text before a dash: "WASHINGTON, Nov. 4, 2024 (Reuters)". */
/** A date right after the dateline's dash is the story's too ("PORTSMOUTH, Maine (AP) — Nov. 4, 2024:"): "September 30, 2024" is 18 characters. */
const DATE_AFTER_DATELINE_CHARS = 24;

/**
 * Where a story states when it was published: the lines above its lede (headline, byline, a
 * date line), its dateline (the lede's opening, up to just past the dateline's dash), and short lines
 * saying "published" or "updated". A date in the text itself is what the story is about: "the
 * road was first paved on May 9, 1955" made a story the group's earliest, and so its original,
 * as did a eurobond "due March 30, 1990" among notices of 1987 (found by a new user).
 */
export function publicationText(body: readonly AlignParagraph[], credits: CreditPatterns = creditPatterns()): string {
  const lede = Math.max(0, ledeIndex(body));
  const parts = body.slice(0, lede).map((p) => p.text);
  const head = body[lede]?.text.trim().slice(0, DATELINE_SEARCH_CHARS) ?? '';
  const dash = DATELINE_DASH.exec(head);
  // Only a dateline's dash: an agency's credit right before it, or a bare dateline ("KYIV,
  // Ukraine --"); "which first opened on May 9, 1955 - will close" is the story's text (found in review).
  const bare = BARE_DATELINE.exec(head);
  const isDateline = dash !== null && (credits.creditBeforeDash.test(head.slice(0, dash.index)) || (bare !== null && bare.index < BARE_DATELINE_MAX_OFFSET && bare.index + bare[0].length >= dash.index));
  if (dash && isDateline) parts.push(head.slice(0, dash.index + dash[0].length + DATE_AFTER_DATELINE_CHARS));
  for (const p of body) if (p.words <= PUBLICATION_LINE_MAX_WORDS && PUBLICATION_LINE.test(p.text)) parts.push(p.text);
  return parts.join('\n');
}

/** The latest full date a text mentions, as YYYY-MM-DD, or null. */
export function latestDate(text: string): string | null {
  return latestMoment(text)?.date ?? null;
}

/**
 * A time of day written right after a date ("June 13, 2026 3:05 PM", "2026-06-13 15:05",
 * "13 June 2026, at 9:40 p.m."), as HH:MM on a 24-hour clock; its zone, if any, is not read.
 */
const TIME_AFTER_DATE = /^,?[ \t]*(?:at[ \t]+)?(\d{1,2})[:.](\d{2})(?:[ \t]*([ap])\.?m\b\.?)?/i;

function timeAfter(text: string, at: number): string | null {
  const m = TIME_AFTER_DATE.exec(text.slice(at, at + 24));
  if (m === null) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half !== undefined && (hour < 1 || hour > 12)) return null;
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The latest full date a text mentions, with the time of day written after it when there is one
 * (on that day, the latest such time): "Published June 13, 2026 3:05 PM" and "Updated June 13,
 * 2026 9:40 PM" are the same day, and the first version was "dated later" than nothing (a new
 * user's run: the write-through was named the original of the story filed 6½ hours before it).
 */
export function latestMoment(text: string): { date: string; time: string | null } | null {
  let latest: { date: string; time: string | null } | null = null;
  // Only days that exist: "February 31, 2024" in a dateline is a typo, not the latest date (dayOf).
  const consider = (year: string, month: number, day: string, end: number): void => {
    const iso = dayOf(Number(year), month, Number(day));
    if (iso === null) return;
    const time = timeAfter(text, end);
    if (latest === null || iso > latest.date || (iso === latest.date && time !== null && (latest.time === null || time > latest.time))) latest = { date: iso, time };
  };
  const end = (m: RegExpMatchArray): number => m.index! + m[0].length;
  for (const m of text.matchAll(ISO_DATE)) consider(m[1]!, Number(m[2]), m[3]!, end(m));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) consider(m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, m[2]!, end(m));
  for (const m of text.matchAll(DAY_MONTH_YEAR)) consider(m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, m[1]!, end(m));
  return latest;
}

/**
 * The label a wire puts before the headline of a write-through: "UPDATE 2-", "UPDATE 1 -",
 * "UPDATED:", "WRAPUP 1-" (Reuters' forms). Not "CORRECTED" nor "REFILE": a corrected or
 * refiled story is the same story again, not a later one built on it.
 */
const UPDATE_LABEL = /^(?:UPDATE\s*\d+|UPDATED|WRAPUP\s*\d*)\s*[-–—:]/;

/** Signs that a story is wire copy itself, or that it cites a wire as its source. */
export function wireEvidence(body: readonly AlignParagraph[], credits: CreditPatterns = creditPatterns()): ProvenanceReason[] {
  const reasons: ProvenanceReason[] = [];
  // The lede, past a headline: a headline above "GLASGOW, Scotland (AP) —" hid the dateline (found by a new user).
  const first = body[Math.max(0, ledeIndex(body))]?.text.trim() ?? '';
  const head = first.slice(0, DATELINE_SEARCH_CHARS);
  const credited = credits.datelineWithCredit.exec(head);
  if (credited) reasons.push({ kind: 'dateline', detail: credited[0].trim(), weight: PROVENANCE_WEIGHTS.creditedDateline });
  else {
    const bare = BARE_DATELINE.exec(head);
    if (bare && bare.index < BARE_DATELINE_MAX_OFFSET) {
      // Quoted as written, from the place to the dash (it was given as "MARLOW BAY --" whatever the dash; a new user's run).
      const from = bare.index + bare[0].indexOf(bare[1]!);
      reasons.push({ kind: 'dateline', detail: head.slice(from, bare.index + bare[0].length).trim(), weight: PROVENANCE_WEIGHTS.bareDateline });
    }
  }
  // A headline labelled as an update of an earlier story (a new user's run: the agency's first
  // brief, two hours older, was called the "reprint" of "UPDATE 2-Chile copper mine halts ...").
  const lede = ledeIndex(body);
  const update = lede > 0 ? UPDATE_LABEL.exec(body[0]!.text.trim()) : null;
  if (update) reasons.push({ kind: 'update', detail: `an update by its headline: "${update[0].trim()}"`, weight: PROVENANCE_WEIGHTS.updateLabel });
  const last = body[body.length - 1]?.text.trim() ?? '';
  const closing = credits.closingCredit.exec(last);
  if (closing && body.length > 1) reasons.push({ kind: 'credit', detail: `(${closing[1]!})`, weight: PROVENANCE_WEIGHTS.closingCredit });
  for (const paragraph of body) {
    const attribution = ATTRIBUTION.exec(paragraph.text);
    if (attribution) {
      reasons.push({ kind: 'attribution', detail: attribution[0], weight: PROVENANCE_WEIGHTS.attribution });
      break;
    }
  }
  return reasons;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The earliest-date and dated-later evidence. Members are compared by the moment their
 * metadata gives when every dated member has one (a feed's times with their zones: the agency's
 * story at 08:00 before its reprints at 10:00 the same day), else by their days.
 */
function addDateEvidence(members: readonly StoryView[], dates: ReadonlyArray<string | null>, reasons: ProvenanceReason[][], writtenTimes: ReadonlyArray<string | null>): void {
  const dated = dates.flatMap((date, i) => (date === null ? [] : [i]));
  const timed = dated.every((i) => members[i]!.published?.instant !== undefined);
  // Times the texts write beside their dates ("Published June 13, 2026 3:05 PM"), read when
  // every dated member writes one (one zone assumed: a wire story and its write-through are
  // one desk's), not beside a feed's metadata.
  const written = !timed && dated.every((i) => members[i]!.published === undefined && writtenTimes[i] !== null);
  // Each dated member's key once: its moment as an ISO time, or its day (both sort as text).
  const keyOf = (i: number): string => (timed ? new Date(members[i]!.published!.instant!).toISOString() : written ? `${dates[i]!}T${writtenTimes[i]!}` : dates[i]!);
  const keys = new Map(dated.map((i): [number, string] => [i, keyOf(i)]));
  if (new Set(keys.values()).size < 2) return;
  const earliest = [...keys.values()].reduce((a, b) => (a < b ? a : b));
  for (const [i, key] of keys) {
    const from = members[i]!.published ? ` ("${members[i]!.published!.field}")` : '';
    const when = timed ? `${key.slice(0, 10)} ${key.slice(11, 16)} UTC` : written ? `${key.slice(0, 10)} ${key.slice(11, 16)}` : key;
    const what = timed || written ? 'time' : 'date';
    reasons[i]!.push(
      key === earliest
        ? { kind: 'date', detail: `earliest ${what} in the group: ${when}${from}`, weight: PROVENANCE_WEIGHTS.earliestDate }
        : { kind: 'date', detail: `dated later: ${when}${from}`, weight: PROVENANCE_WEIGHTS.laterDate },
    );
  }
}

/** Every member's evidence (wire signs, dates, share of the group's text, file time) and latest date. */
function collectEvidence(members: readonly StoryView[], rule: AlignRule, minWords: number): { reasons: ProvenanceReason[][]; dates: Array<string | null> } {
  const credits = creditPatterns(rule.agencies);
  const reasons: ProvenanceReason[][] = members.map((m) => wireEvidence(m.body, credits));
  // The date its metadata gives (a feed's), else the one its text states.
  const written = members.map((m) => (m.published ? null : latestMoment(publicationText(m.body, credits))));
  const dates = members.map((m, i) => m.published?.date ?? written[i]?.date ?? null);
  addDateEvidence(
    members,
    dates,
    reasons,
    written.map((moment) => moment?.time ?? null),
  );
  const byHolds = members.map((m, i) => [m.holds, i] as const).sort((a, b) => b[0] - a[0]);
  if (byHolds.length > 1 && byHolds[0]![0] - byHolds[1]![0] >= HOLDS_MARGIN) {
    const [holds, i] = byHolds[0]!;
    reasons[i]!.push({ kind: 'containment', detail: `holds ${Math.round(holds * 100)}% of the group's shared text`, weight: PROVENANCE_WEIGHTS.holdsMost });
  } else {
    // Texts that share only what all hold tie on the shares (two texts alone always do); but
    // when one text's opening paragraphs are each other's whole text, word for word, they were
    // trimmed from its bottom (the most common syndication edit; a new user's wire story and its
    // first twelve paragraphs came out undecided). Evidence like the rest, not a tie-break: an
    // older file must not push it out (found by a new user). Only a cut at the bottom counts: a
    // copy with a headline or a caption more at its top, as scraped pages have, holds the
    // other's text too, and is not its original; nor is one with a one-paragraph tail more
    // (TRIMMED_MIN_PARAGRAPHS), as a reprint appending a newsletter line is (found in review).
    addTrimmedEvidence(members, members.map((_, i) => i), reasons, rule, minWords);
  }
  const times = members.map((m) => m.modifiedAt);
  const known = times.filter((t): t is number => t !== undefined);
  if (known.length === members.length && known.length > 1) {
    const sorted = [...known].sort((a, b) => a - b);
    if (sorted[1]! - sorted[0]! >= OLDEST_FILE_LEAD_MS) {
      const i = times.indexOf(sorted[0]!);
      reasons[i]!.push({ kind: 'file-time', detail: 'oldest file', weight: PROVENANCE_WEIGHTS.oldestFile });
    }
  }
  return { reasons, dates };
}

/**
 * Copies of one text (identical word for word) are one candidate for the original: the evidence
 * ranks texts, not files, so a byte-identical copy of the original does not tie with it (issue
 * 11, defect 2). Among the copies of a text the representative is the oldest file when it
 * precedes the others by OLDEST_FILE_LEAD_MS (which adds the file-time weight to its score),
 * else the first in path order.
 */
function representative(members: readonly StoryView[], copies: readonly number[]): { index: number; byTime: boolean; byDate: PublishedDate | null } {
  // A publication date its metadata gives (JSONL): the copy that gives the text its date (the
  // earliest, when alone the earliest) is the one read, and decides among the copies when all
  // are dated: identical copies of a feed's article with different dates were "undecided"
  // (found by a new user).
  const dated = copies.filter((i) => members[i]!.published !== undefined).sort((a, b) => (members[a]!.published!.date < members[b]!.published!.date ? -1 : 1));
  const [first, second] = [dated[0], dated[1]];
  if (first !== undefined && (second === undefined || members[first]!.published!.date < members[second]!.published!.date)) {
    return { index: first, byTime: false, byDate: copies.length > 1 && dated.length === copies.length ? members[first]!.published! : null };
  }
  const times = copies.map((i) => members[i]!.modifiedAt);
  if (copies.length > 1 && times.every((t) => t !== undefined)) {
    const sorted = [...(times as number[])].sort((a, b) => a - b);
    if (sorted[1]! - sorted[0]! >= OLDEST_FILE_LEAD_MS) return { index: copies[times.indexOf(sorted[0]!)]!, byTime: true, byDate: null };
  }
  return { index: copies[0]!, byTime: false, byDate: null };
}

/** A candidate text as the evidence sees it: its first copy, with the copies' oldest file time when all have one, and their earliest publication date. */
function candidateView(members: readonly StoryView[], copies: readonly number[]): StoryView {
  const times = copies.map((i) => members[i]!.modifiedAt);
  const view: StoryView = { ...members[copies[0]!]! };
  delete view.modifiedAt;
  if (times.every((t) => t !== undefined)) view.modifiedAt = (times as number[]).reduce((a, b) => Math.min(a, b));
  delete view.published;
  for (const i of copies) {
    const published = members[i]!.published;
    if (published && (!view.published || published.date < view.published.date)) view.published = published;
  }
  return view;
}

/**
 * When the texts that could be the original tie on their evidence (two copies of a wire story
 * both with its dateline: the full story and a reprint trimmed to its first paragraphs), the
 * containment evidence is read among them: the one holding clearly the most (HOLDS_MARGIN) of the
 * group's shared text gets it, as the group's clear top holder does. Members are given by the
 * representatives of their texts; `reasons` is amended in place.
 */
function breakTieByHolds(members: readonly StoryView[], candidates: readonly number[], reasons: ProvenanceReason[][], rule: AlignRule, minWords: number): void {
  const score = (i: number): number => reasons[i]!.reduce((sum, r) => sum + r.weight, 0);
  const top = candidates.reduce((best, i) => Math.max(best, score(i)), -Infinity);
  const tied = candidates.filter((i) => score(i) === top);
  if (tied.length < 2 || tied.some((i) => reasons[i]!.some((r) => r.kind === 'containment'))) return;
  const byHolds = [...tied].sort((a, b) => members[b]!.holds - members[a]!.holds);
  const [first, second] = [byHolds[0]!, byHolds[1]!];
  if (members[first]!.holds - members[second]!.holds >= HOLDS_MARGIN) {
    reasons[first]!.push({
      kind: 'containment',
      detail: `holds ${Math.round(members[first]!.holds * 100)}% of the group's shared text`,
      weight: PROVENANCE_WEIGHTS.holdsMost,
    });
    return;
  }
  // The trimmed-copy rule among the tied alone (collectEvidence reads it among all texts): a third
  // copy that is no prefix of the full story (a reprint that dropped the dateline) must not switch
  // it off between the two that tie (found in review).
  addTrimmedEvidence(members, tied, reasons, rule, minWords);
}

/** The trimmed-copy evidence among `candidates` (fullerThanTrimmed): the holder's containment reason, when there is one. */
function addTrimmedEvidence(members: readonly StoryView[], candidates: readonly number[], reasons: ProvenanceReason[][], rule: AlignRule, minWords: number): void {
  const found = candidates.length > 1 ? fullerThanTrimmed(members, candidates, reasons, rule, minWords) : null;
  if (found === null) return;
  const others = candidates.length - 1;
  const subject = others === 1 ? 'the other copy is' : `the ${others} other copies are`;
  const how = found.edited === 0 ? 'word for word' : `word for word but for ${found.edited} edited paragraph${found.edited === 1 ? '' : 's'}`;
  reasons[found.holder]!.push({ kind: 'containment', detail: `${subject} its opening paragraphs, ${how}`, weight: PROVENANCE_WEIGHTS.holdsMost });
}

/**
 * The one candidate whose body opens with each other candidate's whole body and goes on for at
 * least TRIMMED_MIN_PARAGRAPHS paragraphs of at least `minWords` words, with `edited`, how many
 * of the others' paragraphs are edits (derived, by the scan's rule) of the holder's paragraph in
 * their place rather than the same words (the last may also stop inside the holder's paragraph,
 * word for word: a copy cut there); null when none or several. At least one other body
 * must be its opening word for word: that is the evidence of a trim, which the rest, trimmed
 * and edited, agree with but cannot give (a story of ten edited paragraphs and one of those ten
 * and twelve more may as well be a brief and the write-through that grew from it). Without the
 * edited ones, a third reprint that trimmed the story and changed a word hid the original (found
 * by a new user). Shorter lines do not count: "Facebook" and "Twitter" under a scraped copy made
 * it the original of the clean wire story it holds (found by a new user), as a paragraph under
 * --min-words never links documents either.
 */
function fullerThanTrimmed(
  members: readonly StoryView[],
  candidates: readonly number[],
  reasons: readonly ProvenanceReason[][],
  rule: AlignRule,
  minWords: number,
): { holder: number; edited: number } | null {
  const bodyOf = (i: number): AlignParagraph[] => members[i]!.body.filter((p) => p.textKey !== null);
  const sameOrEdited = (full: AlignParagraph, part: AlignParagraph): 'same' | 'edited' | null => {
    if (full.textKey === part.textKey) return 'same';
    return full.shingles !== null && part.shingles !== null && isDerived(overlap(full.shingles, part.shingles), rule) ? 'edited' : null;
  };
  /**
   * Whether `part` stops inside the holder's paragraph read from piece `at` on: a copy cut off
   * there (`head -c`, a feed's excerpt). Its words but the last (the cut may split it: "Ukrai";
   * a lone "Nei" is all cut) are that paragraph's next words, read across its sentence pieces: a
   * paragraph of over 600 characters is cut into pieces, and the copy's remnant of it may be
   * short enough to be one (found in review).
   */
  const cutShort = (longer: readonly AlignParagraph[], numbers: Int32Array, at: number, part: AlignParagraph): boolean => {
    const words: number[] = [];
    for (let j = at; j < longer.length && numbers[j] === numbers[at]; j++) for (const token of longer[j]!.tokens) words.push(token);
    const n = part.tokens.length;
    if (n >= words.length) return false;
    for (let k = 0; k < n - 1; k++) if (part.tokens[k] !== words[k]) return false;
    return true;
  };
  /**
   * How many of `shorter`'s paragraphs are edits of `longer`'s opening, or -1 when it is no
   * opening of `longer`. Both are read from their ledes (ledeIndex): a reprint under the outlet's
   * own headline, or none, is the wire story's opening all the same (the commonest reprint came
   * out "original undecided": a new user's run).
   */
  const editsOfOpening = (longer: readonly AlignParagraph[], numbers: Int32Array, shorter: readonly AlignParagraph[]): number => {
    const [from, start] = [Math.max(0, ledeIndex(longer)), Math.max(0, ledeIndex(shorter))];
    const count = shorter.length - start;
    if (count <= 0 || count >= longer.length - from) return -1;
    const last = from + count - 1;
    let edited = 0;
    let cut = false;
    for (let k = from; k <= last; k++) {
      const part = shorter[start + k - from]!;
      let kind = sameOrEdited(longer[k]!, part);
      // The last paragraph may stop short, word for word: the copy was cut inside it.
      if (k === last && kind !== 'same' && cutShort(longer, numbers, k, part)) {
        kind = 'same';
        cut = true;
      }
      if (kind === null) return -1;
      if (kind === 'edited') edited++;
    }
    // The paragraph cut inside is no paragraph of the tail.
    const tail = new Set<number>();
    for (let k = last + 1; k < longer.length; k++) if (longer[k]!.words >= minWords && !(cut && numbers[k] === numbers[last])) tail.add(numbers[k]!);
    return tail.size >= TRIMMED_MIN_PARAGRAPHS ? edited : -1;
  };
  // Each body and its paragraph numbers once (paragraphs, not pieces: an "About us" block of
  // over 600 characters is one; found in review), not once per pair of candidates.
  const bodies = new Map(candidates.map((i) => [i, bodyOf(i)]));
  const found: Array<{ holder: number; edited: number }> = [];
  for (const i of candidates) {
    const longer = bodies.get(i)!;
    if (closesWithStaffCredit(longer, reasons[i]!, creditPatterns(rule.agencies))) continue;
    const numbers = paragraphNumbers(longer);
    let edited = 0;
    let wordForWord = 0;
    const opensWithAll = candidates.every((j) => {
      if (j === i) return true;
      const edits = editsOfOpening(longer, numbers, bodies.get(j)!);
      if (edits === 0) wordForWord++;
      edited += Math.max(0, edits);
      return edits >= 0;
    });
    if (opensWithAll && wordForWord > 0) found.push({ holder: i, edited });
  }
  return found.length === 1 ? found[0]! : null;
}

/**
 * Whether a body is a wire story (its evidence has an agency's dateline) closed by an outlet's
 * own staff credit (STAFF_CREDIT): its paragraphs beyond another copy's were added, not cut, and
 * it holds no trimmed copy. Only the closing line, credit-shaped, and only under an agency's
 * dateline: an outlet's own story closes with its staff's credit as a matter of course
 * ("Choe Sang-Hun contributed reporting from Seoul"), and prose may mention "staff reporters"
 * (review).
 */
function closesWithStaffCredit(body: readonly AlignParagraph[], reasons: readonly ProvenanceReason[], credits: CreditPatterns): boolean {
  const closing = body[body.length - 1];
  if (closing === undefined || closing.words > CREDIT_MAX_WORDS || !isStaffCredit(closing.text, credits)) return false;
  return reasons.some((r) => r.kind === 'dateline' && r.weight === PROVENANCE_WEIGHTS.creditedDateline);
}

/** The agency a dateline or credit names in brackets ("ap" of "KYIV, Ukraine (AP) —"), case aside, or null. */
function creditedAgency(detail: string): string | null {
  return /\(([^)]+)\)/.exec(detail)?.[1]?.trim().toLowerCase() ?? null;
}

/**
 * Whether a member's own wire evidence (a dateline, an agency's credit) is the original's wire:
 * its dateline's place or its agency. A version is the agency's own write-through (seed 003:
 * "KYIV, Ukraine --" and "(AP)" under 002's "KYIV, Ukraine (AP) —"); a local story that opens
 * "SPRINGFIELD, Ohio —" and quotes the wire's lede is a story of its own (a new user's run read
 * it as a version). Over an original without wire evidence, any of its own counts.
 */
function wireOf(reasons: readonly ProvenanceReason[]): ProvenanceReason[] {
  return reasons.filter((r) => (r.kind === 'dateline' || r.kind === 'credit') && r.weight > 0);
}

/** Whether a member carries wire evidence of its own (a dateline, an agency's credit). */
function ownWire(reasons: readonly ProvenanceReason[]): boolean {
  return wireOf(reasons).length > 0;
}

function sameWire(original: readonly ProvenanceReason[], member: readonly ProvenanceReason[]): boolean {
  const [from, own] = [wireOf(original), wireOf(member)];
  if (own.length === 0) return false;
  if (from.length === 0) return true;
  const places = new Set(from.filter((r) => r.kind === 'dateline').map((r) => datelinePlace(r.detail)).filter((place) => place !== ''));
  const agencies = new Set(from.map((r) => creditedAgency(r.detail)).filter((agency): agency is string => agency !== null));
  return own.some((r) => (r.kind === 'dateline' && places.has(datelinePlace(r.detail))) || agencies.has(creditedAgency(r.detail) ?? ''));
}

/** A dateline's place, as written before its first comma, bracket or dash ("kyiv" of "KYIV, Ukraine (AP) —"), case aside. */
function datelinePlace(dateline: string): string {
  return (dateline.split(/[,(\u2014\u2013-]/)[0] ?? '').trim().toLowerCase();
}

/**
 * What became of the original's wire dateline in a copy's lede, from the two texts' evidence
 * (wireEvidence): gone ("dateline-dropped"), replaced by the copy's own of another place
 * ("dateline-replaced": SPRINGFIELD — for KYIV, Ukraine (AP) —) or its agency's credit gone
 * ("credit-dropped": KYIV, Ukraine -- without the (AP)). Listed first among the edits: a reprint that removed "KYIV,
 * Ukraine (AP) —" is the change a licensing desk looks for first, and the comparison named no
 * edit at all (found by a new user). A credit closing the copy ("(AP)") is the credit kept.
 */
function datelineEdit(original: readonly ProvenanceReason[], copy: readonly ProvenanceReason[], copyBody: readonly AlignParagraph[]): EditKind | null {
  const datelineOf = (reasons: readonly ProvenanceReason[]): ProvenanceReason | undefined => reasons.find((r) => r.kind === 'dateline');
  const [from, to] = [datelineOf(original), datelineOf(copy)];
  if (from === undefined) return null;
  // The original's dated lede kept further down, under the copy's own lede ("SPRINGFIELD, Ohio —
  // ..." then "KYIV, Ukraine (AP) — ..." word for word): nothing of the dateline was dropped (a
  // new user's local story quoting the wire read "dateline dropped").
  if (copyBody.some((p) => p.text.trimStart().startsWith(from.detail))) return null;
  if (to === undefined) return 'dateline-dropped';
  // A dateline of another place is the copy's own ("SPRINGFIELD —" for "KYIV, Ukraine (AP) —"):
  // the original's was replaced, not only its credit dropped (a new user's local rewrite, which
  // read "agency credit dropped"; then "dateline dropped", though the copy has one: a desk asks
  // whether an outlet put its own place on the wire's story). A credit without a place ("(AP) —")
  // on either side says nothing of the place (review).
  const [placeFrom, placeTo] = [datelinePlace(from.detail), datelinePlace(to.detail)];
  if (placeFrom !== '' && placeTo !== '' && placeFrom !== placeTo) return 'dateline-replaced';
  // A bare dateline with the credit closing the story (003 of the seeds: "KYIV, Ukraine --" ... "(AP)") kept it.
  const credited = to.weight === PROVENANCE_WEIGHTS.creditedDateline || copy.some((r) => r.kind === 'credit');
  return from.weight === PROVENANCE_WEIGHTS.creditedDateline && !credited ? 'credit-dropped' : null;
}

/**
 * `sameAs[i]` is the first member with member i's text word for word (i itself when none comes
 * earlier); without it every member is a text of its own.
 */
export function analyseGroup(
  members: readonly StoryView[],
  rule: AlignRule,
  sameAs: readonly number[] = members.map((_, i) => i),
): GroupProvenance {
  const texts = members.map((_, i) => i).filter((i) => sameAs[i] === i);
  const copiesOf = texts.map((head) => members.map((_, i) => i).filter((i) => sameAs[i] === head));
  const minWords = rule.minWords ?? DEFAULT_OPTIONS.minWords;
  const { reasons: textReasons, dates } = collectEvidence(copiesOf.map((copies) => candidateView(members, copies)), rule, minWords);
  const reps = copiesOf.map((copies) => representative(members, copies));
  const textOf = new Int32Array(members.length);
  copiesOf.forEach((copies, t) => copies.forEach((i) => (textOf[i] = t)));
  const reasons = members.map((_, i) => {
    const t = textOf[i]!;
    const own = textReasons[t]!.filter((r) => (r.kind !== 'file-time' && r.kind !== 'date') || reps[t]!.index === i);
    const rep = reps[t]!;
    if (rep.index === i && rep.byTime) own.push({ kind: 'file-time', detail: `oldest of ${copiesOf[t]!.length} identical copies`, weight: PROVENANCE_WEIGHTS.oldestFile });
    if (rep.index === i && rep.byDate) {
      own.push({ kind: 'date', detail: `earliest of ${copiesOf[t]!.length} identical copies: ${rep.byDate.date} ("${rep.byDate.field}")`, weight: PROVENANCE_WEIGHTS.earliestDate });
    }
    return own;
  });
  breakTieByHolds(members, reps.map((rep) => rep.index), reasons, rule, minWords);
  const scores = reasons.map((list) => list.reduce((sum, r) => sum + r.weight, 0));
  const ranked = reps.map((rep, t) => [scores[rep.index]!, t] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  // With one text only, the dates or file times among its copies are all the evidence there is.
  const margin = ranked.length > 1 ? ranked[0]![0] - ranked[1]![0] : reps[0]!.byDate ? PROVENANCE_WEIGHTS.earliestDate : reps[0]!.byTime ? PROVENANCE_WEIGHTS.oldestFile : 0;
  const originalText = margin > 0 ? ranked[0]![1] : null;
  const result: MemberProvenance[] = members.map((_, i) => {
    const rep = reps[textOf[i]!]!.index;
    return { role: null, score: round3(scores[i]!), reasons: reasons[i]!, comparison: null, duplicateOf: rep === i ? null : rep };
  });
  if (originalText === null) return { original: null, confidence: null, members: result };
  const original = reps[originalText]!.index;
  result[original]!.role = 'original';
  copiesOf.forEach((copies, t) => {
    const rep = reps[t]!.index;
    if (t === originalText && copies.length === 1) return;
    const { summary: compared, matchedShare } = compareCopy(members[original]!.body, members[rep]!.body, rule);
    const dateline = datelineEdit(textReasons[originalText]!, textReasons[t]!, members[rep]!.body);
    const comparison: EditSummary = dateline === null ? compared : { ...compared, edits: [{ kind: dateline, count: 1 }, ...compared.edits] };
    const cites = textReasons[t]!.some((r) => r.kind === 'attribution');
    const later = dates[t] != null && dates[originalText] != null && dates[t]! > dates[originalText]!;
    const rewritten = matchedShare < VERSION_MAX_MATCHED_SHARE;
    // An identical copy of the original is a reprint of it; copies of another text share its role.
    // Most of its words its own: the agency's version, or a story of its own using part of the
    // original (partial).
    // A later date makes a version of a member without wire evidence of its own; one whose own
    // dateline is another place's is a story of its own whatever its date (review: a local
    // story published a day after the AP story it quotes was its version).
    const version = !cites && (sameWire(textReasons[originalText]!, textReasons[t]!) || (later && !ownWire(textReasons[t]!)));
    const own = (members[rep]!.ownShare ?? 0) >= PARTIAL_MIN_OWN_SHARE;
    // Labelled as an update of the original's wire ("UPDATE 1-..."): the agency's version however
    // much of the first brief it keeps (a new user's trial: an UPDATE 1 keeping 97% was its
    // "reprint"), when it adds a paragraph or changes one besides its labelled headline: a copy
    // word for word under an outlet's "UPDATED:" headline is a reprint (a review).
    const updates = compared.paragraphs.added > 0 || compared.paragraphs.edited > 1;
    const labelled = version && updates && textReasons[t]!.some((r) => r.kind === 'update');
    const role: MemberRole = t === originalText ? 'reprint' : labelled ? 'version' : !rewritten ? 'reprint' : version ? 'version' : own ? 'partial' : 'reprint';
    for (const i of copies) {
      if (i === original) continue;
      result[i]!.role = role;
      result[i]!.comparison = role === 'partial' ? partialUse(comparison) : comparison;
    }
  });
  return { original, confidence: round3(logistic(margin)), members: result };
}
