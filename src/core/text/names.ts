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
 * dividend notice names its company only in an all-capitals headline, so it has no names here.
 *
 * A name is a word in title case (a capital, then a small letter) that does not open a sentence
 * or a line, lower-cased, without a possessive "'s"; month and weekday names are dates, not
 * names (two weekly notices' "April" and "Tuesday"). Read from a story's first NAMES_TEXT_CHARS
 * characters: a news story names its subjects up front, and a long document (PAN's) is read
 * this far only.
 */

/** Characters of a story read for its names. */
export const NAMES_TEXT_CHARS = 4000;
/** Two stories state the same names when they share at least this many ... */
export const NAMES_MIN_SHARED = 3;
/**
 * ... and these make up this share of the names of the one stating fewer. Two eurobond notices
 * (fixtures/template-fixed-line) share 4 of 8 (Australian, Bank, Ltd, Luxembourg); a wire story
 * and its write-through, which names new victims and drops a town, 24 of 29
 * (fixtures/write-through), another 22 of 26 (fixtures/write-through-figures).
 */
export const NAMES_MIN_CONTAINMENT = 2 / 3;

const DATE_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

const TITLE_CASE_WORD = /(?<![\p{L}\p{M}\p{N}'’])\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:['’-]\p{L}+)*/gu;
/** What may stand between a sentence's end and its first word: spaces, quotes and brackets. */
const OPENING = /[\s"'“‘«(\[]/u;
const SENTENCE_END = /[.!?…:;—–-]/u;

/** Whether the word at `at` opens a sentence or a line of `text`. */
function opensSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text[k] !== '\n' && OPENING.test(text[k]!)) k--;
  return k < 0 || text[k] === '\n' || SENTENCE_END.test(text[k]!);
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
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    if (isTitleCased(paragraph)) continue;
    const text = paragraph.length > left ? paragraph.slice(0, left) : paragraph;
    left -= paragraph.length;
    for (const match of text.matchAll(TITLE_CASE_WORD)) {
      if (opensSentence(text, match.index)) continue;
      const name = match[0].toLowerCase().replace(/['’]s$/u, '');
      if (!DATE_WORDS.has(name)) names.add(name);
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
