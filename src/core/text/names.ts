/**
 * The proper names a story states, and whether two stories state the same ones: what tells an
 * agency's write-through from another notice of one template when both keep paragraphs word for
 * word and a sentence differs only in its figures.
 *
 * A write-through updates its figures ("More than 900 firefighters ..." became "More than 1,700
 * firefighters ...") about the same places, people and bodies ("Shasta Lake", "Cal Fire");
 * two notices of one template (Reuters' eurobond notices: "Hamburgische Landesbank Girozentrale
 * is issuing a 50 mln Australian dlr eurobond ..., lead manager Orion Royal Bank Ltd said" and
 * "General Electric Credit Corp is issuing a 75 mln ..., lead manager Hambros Bank Ltd said")
 * share a fixed line and the template's words, but name different issuers and banks, and a
 * dividend notice opens its lede with its company ("Acme Corp said ..."), which names only "Corp".
 *
 * A name is a word in title case (a capital, then a small letter: "O'Brien" too) or an acronym
 * of two to five capitals that does not open a sentence or a line (a full stop after an
 * abbreviation, "Gov. Gavin Newsom", ends none), lower-cased, without a possessive "'s"; month
 * and weekday names are dates, not names (two weekly notices' "April" and "Tuesday"), and
 * function words ("The", "Mr") are none either. Read from a story's first NAMES_TEXT_CHARS
 * characters, headlines in title case or capitals skipped: a news story names its subjects up
 * front, and a long document (PAN's) is read this far only. Scripts without capitals (Chinese,
 * Arabic) state no names here, so such documents never count as naming the same ones.
 */
import { ENGLISH_STOP_WORDS } from '../rewrite/stopwords.js';
import { wordDiff } from '../align/worddiff.js';

/** Characters of a story read for its names. */
export const NAMES_TEXT_CHARS = 4000;
/** Two stories state the same names when they share at least this many ... */
export const NAMES_MIN_SHARED = 3;
/**
 * ... and these make up this share of the names of the one stating fewer. Two eurobond notices
 * (fixtures/template-fixed-line) share 4 of 8 (Australian, Bank, Ltd, Luxembourg); a wire story
 * and its write-through, which names new victims and drops a town, about four in five
 * (fixtures/write-through, fixtures/write-through-figures; test/unit/story-names.test.ts).
 */
export const NAMES_MIN_CONTAINMENT = 2 / 3;

const DATE_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** A word in title case (O'Brien, Sheriff's, Anglo-American), or an acronym of two to five capitals (IBM, NYSE). */
const NAME_WORD = /(?<![\p{L}\p{M}\p{N}'’])(?:(?:\p{Lu}['’])?\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:['’-]\p{L}+)*|\p{Lu}{2,5}(?![\p{L}\p{M}]))/gu;
/** What may stand between a sentence's end and its first word: spaces, quotes and brackets. */
const OPENING = /[\s"'“‘«(\[]/u;
const SENTENCE_END = /[.!?…]/u;
/** A word of up to four letters before a full stop is an abbreviation ("Gov. Gavin Newsom", "Mr. Smith", "U.S. Navy"), which ends no sentence. */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}.])(?:\p{Lu}[\p{L}]{0,3}|(?:\p{L}\.)+\p{L})$/u;

/** Whether the word at `at` opens a sentence or a line of `text`. */
function opensSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text[k] !== '\n' && OPENING.test(text[k]!)) k--;
  if (k < 0 || text[k] === '\n') return true;
  if (!SENTENCE_END.test(text[k]!)) return false;
  return !(text[k] === '.' && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, k - 12), k)));
}

/**
 * A headline set in title case ("Storm Knocks Out Power to Thousands Along Gulf Coast") has a
 * capital on nearly every word of four letters or more, which are not names; the story names its
 * subjects again. A notice's sentence naming an issuer and its bank ("General Electric Credit
 * Corp is issuing ..., lead manager Hambros Bank Ltd said") capitalises 9 of its 15.
 */
export const HEADLINE_MAX_WORDS = 20;
export const HEADLINE_MIN_CAPITALISED = 0.8;
const WORD = /[\p{L}\p{M}]{4,}/gu;
const CAPITALISED = /^\p{Lu}/u;

/** Whether a paragraph is a headline in title case: HEADLINE_MAX_WORDS words at most, HEADLINE_MIN_CAPITALISED of those of four letters or more capitalised. */
function isTitleCased(paragraph: string): boolean {
  const words = paragraph.match(WORD);
  if (!words || words.length > HEADLINE_MAX_WORDS) return false;
  return words.filter((word) => CAPITALISED.test(word)).length >= HEADLINE_MIN_CAPITALISED * words.length;
}

/** The names stated in the first NAMES_TEXT_CHARS characters of a story's paragraphs. */
export function storyNames(paragraphs: Iterable<string>): Set<string> {
  const names = new Set<string>();
  let left = NAMES_TEXT_CHARS;
  let first = true;
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    const text = paragraph.length > left ? paragraph.slice(0, left) : paragraph;
    left -= text.length;
    // Only a story's first paragraph may be its headline: a short lede naming four leaders is
    // in title case by that count too (a review: it stated no names).
    if (first && isTitleCased(text)) continue;
    if (/\p{L}/u.test(text)) first = false;
    for (const match of text.matchAll(NAME_WORD)) {
      if (opensSentence(text, match.index)) continue;
      const name = match[0].toLowerCase().replace(/['’]s$/u, '');
      if (!DATE_WORDS.has(name) && !ENGLISH_STOP_WORDS.has(name)) names.add(name);
    }
  }
  return names;
}

/** Whether two stories' names (storyNames) are the same story's: NAMES_MIN_SHARED in common, NAMES_MIN_CONTAINMENT of the smaller set. */
export function sameNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const name of small) if (large.has(name)) common++;
  return common >= NAMES_MIN_SHARED && common >= NAMES_MIN_CONTAINMENT * small.size;
}

/** A word holding a capital or a digit: a name or a figure a frame is filled in with ("Quarry", "AUSTIN", "14", "$28.42"). */
const NAME_OR_FIGURE = /[\p{Lu}\p{N}]/u;
const STARTS_CAPITALISED = /^\P{L}*\p{Lu}/u;
const DIGIT = /\p{N}/u;
const NOT_LETTERS = /[^\p{L}\p{M}]+/u;

/** What a word diff changes: the names it deletes and inserts, and whether it changes any other word (not a name or figure). */
export interface NameChanges {
  deleted: Set<string>;
  inserted: Set<string>;
  /** A word changed that holds neither a capital nor a digit. */
  otherWords: boolean;
  /** Some words are kept. */
  kept: boolean;
  /** A changed word holds a digit: a figure changed. */
  figures: boolean;
}

/**
 * The names a word diff deletes and inserts: its changed words that start with a capital, in
 * lower-case parts ("1-Chile" is "chile"), months, weekdays and function words ("The", "Mr")
 * left out.
 */
export function nameChanges(ops: ReadonlyArray<{ op: 'equal' | 'delete' | 'insert'; text: string }>): NameChanges {
  const changes: NameChanges = { deleted: new Set(), inserted: new Set(), otherWords: false, kept: false, figures: false };
  for (const { op, text: words } of ops) {
    if (op === 'equal') {
      changes.kept = true;
      continue;
    }
    const names = op === 'delete' ? changes.deleted : changes.inserted;
    for (const word of words.split(/\s+/u)) {
      if (word === '') continue;
      if (!NAME_OR_FIGURE.test(word)) changes.otherWords = true;
      if (DIGIT.test(word)) changes.figures = true;
      if (!STARTS_CAPITALISED.test(word)) continue;
      for (const part of word.toLowerCase().split(NOT_LETTERS)) if (part !== '' && !DATE_WORDS.has(part) && !ENGLISH_STOP_WORDS.has(part)) names.add(part);
    }
  }
  return changes;
}

/**
 * Whether a diff swaps a name for another: deletes a name no inserted word holds and inserts one
 * no deleted word holds ("General Electric Credit Corp" -> "Hamburgische Landesbank
 * Girozentrale"; not "Chile" -> "UPDATE 1-Chile", nor a name added to a sentence).
 */
export function swapsName(changes: NameChanges): boolean {
  const own = (side: Set<string>, other: Set<string>): boolean => [...side].some((name) => !other.has(name));
  return own(changes.deleted, changes.inserted) && own(changes.inserted, changes.deleted);
}

/**
 * Whether a word diff fills a frame in anew: it swaps a name for another (swapsName) and changes
 * a figure, as a template's notice for another company does ("General Electric Credit Corp is
 * issuing a 75 mln ..." -> "Hamburgische Landesbank Girozentrale is issuing a 50 mln ...").
 * A reprint that changes the credit ("(AP)" -> "(Reuters)"), a correction of a misspelt name
 * and a transliteration ("Gadhafi" -> "Gaddafi") keep their figures (a review).
 */
export function fillsFrame(changes: NameChanges): boolean {
  return changes.figures && swapsName(changes);
}

/**
 * Whether a pair of paragraphs that passage alignment made with figures free to differ
 * (rewrite/passages.ts, figuresFree) shows the two documents are not one story after all: its
 * word diff fills a frame in anew (fillsFrame). Two eurobond notices of different issuers with
 * the same lead manager name the same bank and place, so their names agree (sameNames), but
 * the issuer and the amount in the lede are swapped (a review); a write-through keeps its names
 * where it updates figures, and one that corrects a name there changes no figure beside it.
 */
export function refutedByNames(a: string, b: string): boolean {
  // No figure to change without a digit (the cheap test first: most aligned pairs have none).
  if (!DIGIT.test(a) && !DIGIT.test(b)) return false;
  return fillsFrame(nameChanges(wordDiff(a, b)));
}
