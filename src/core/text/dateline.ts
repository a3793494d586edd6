/**
 * The shape of a news dateline, the place (and perhaps a region, a date and the agency's
 * credit) that opens a story's lede: "KYIV, Ukraine (AP) —", "NEW YORK, June 4 (Reuters) -",
 * "PORTSMOUTH, Maine —". Provenance reads it as evidence of wire copy (scan/provenance.ts,
 * which knows the agencies); story detection reads it as the start of a story (stories.ts),
 * where any credit in brackets will do, the outlet's own included.
 */

/** A dateline is looked for in a lede's opening characters, and a bare one must start within BARE_DATELINE_MAX_OFFSET (after a date stamp, say). */
export const DATELINE_SEARCH_CHARS = 160;
export const BARE_DATELINE_MAX_OFFSET = 40;

/**
 * A dateline without an agency's credit: a place in capitals (perhaps a region and a date after a
 * comma), then a dash; a hyphen only after a region or date ("NEW YORK, June 4 - ", a Reuters
 * dateline with its credit cut, is a dateline whose credit was dropped; a new user's run), since
 * an all-capitals headline or acronym before a hyphen is common ("PEP BOYS -", "NASA - the US
 * space agency": review). The words that head a story's label rather than name a place are none
 * (BREAKING, EXCLUSIVE, UPDATE, ...; found in review), and a place has three capitals or more.
 */
const STORY_LABELS = 'UPDATE|UPDATED|EXCLUSIVE|BREAKING|OPINION|ANALYSIS|EDITORIAL|COMMENT|LIVE|WATCH|VIDEO|PHOTOS?|CORRECTED|CORRECTION|REFILE|REPEAT|URGENT|FLASH|ALERT|FACTBOX|EXPLAINER|INTERVIEW|REVIEW|SPONSORED|ADVERTISEMENT';
const DATELINE_PLACE = String.raw`[\p{Lu}]{3,}[\p{Lu} .'’-]*?`;
/** ", June 4", ", Ukraine", ", Nov. 4, 2024": a region or a date after the place. */
const DATELINE_AFTER_COMMA = String.raw`,\s*[\p{Lu}][\p{L}\p{N}.,'’ -]*?`;
export const BARE_DATELINE = new RegExp(
  String.raw`(?:^|\d{4}-\d{2}-\d{2}\s+)(?!(?:${STORY_LABELS})\b)(${DATELINE_PLACE}(?:${DATELINE_AFTER_COMMA})?)(?:\s*(?:--|—|–)|(?<=${DATELINE_AFTER_COMMA})\s+-)\s`,
  'u',
);
/**
 * A dateline with a credit in brackets, whoever's: the place in capitals as above, then the
 * credit and a dash ("HOLLOWAY, Wales (AP) —", "MARLOW BAY (Coastal Press) —"). Provenance
 * counts only an agency's credit as evidence; for where a story starts, an outlet's will do.
 */
const CREDITED_DATELINE = new RegExp(
  String.raw`^(?!(?:${STORY_LABELS})\b)${DATELINE_PLACE}(?:,\s*[\p{L}\p{N}.,'’ -]+?)?\s*\([^()\n]{1,40}\)\s*[—–-]`,
  'u',
);

/**
 * A bare dateline as a story's start needs its region or date after a comma, in three words at
 * most ("PORTSMOUTH, Maine —", "NEW YORK, June 4 -"): a capitalised word before a dash alone is
 * as often an acronym or a label ("NATO — the alliance ...", "EDITOR'S NOTE — ..."), and a comma
 * followed by a clause ("USA, Canada and Mexico agreed on Monday - ...") is a sentence (review).
 */
const STORY_BARE_DATELINE = new RegExp(
  String.raw`^(?!(?:${STORY_LABELS}))[\p{Lu}]{3,}[\p{Lu} .'’-]*?,\s*[\p{Lu}][\p{L}\p{N}.'’-]*(?:\s+[\p{L}\p{N}.,'’-]+){0,2}?,?\s*(?:--|—|–|-)\s`,
  'u',
);

/**
 * Whether a paragraph opens with a dateline as a story's lede does: credited, or bare with a
 * region or date (STORY_BARE_DATELINE). Provenance reads more (BARE_DATELINE, as evidence only).
 */
export function opensWithDateline(text: string): boolean {
  const head = text.trimStart().slice(0, DATELINE_SEARCH_CHARS);
  return CREDITED_DATELINE.test(head) || STORY_BARE_DATELINE.test(head);
}
