/**
 * Normalisation for matching (the report always shows the original text). Two paragraphs
 * that differ only in typography must produce the same tokens:
 *
 * - Unicode NFKC (full-width forms, ligatures, superscripts, the ellipsis "…" become plain
 *   characters; a non-breaking space becomes a space), then lower case, with the two folds
 *   lower-casing misses (ß → ss, final sigma ς → σ).
 * - Soft hyphens and zero-width (non-)joiners are removed, so Persian/Urdu words written with
 *   ZWNJ stay one word.
 * - Tokens are runs of letters, digits and combining marks of any script (\p{L}\p{N}\p{M}),
 *   so Urdu and Arabic words survive. Everything else (punctuation, curly or straight quotes,
 *   dashes, symbols) separates tokens and is dropped.
 * - An apostrophe inside a word joins it ("there’s" = "there's" = "theres"); a comma or point
 *   between digits joins them ("10,000" = "10000").
 * - Scripts written without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer,
 *   Myanmar) are cut into one token per character; such paragraphs are shingled on characters
 *   (see shingleLength in scan.ts).
 */

export interface Tokens {
  tokens: string[];
  /** True when most tokens are single characters of a script written without spaces. */
  unspaced: boolean;
}

/**
 * Text made only of these characters takes the fast ASCII path: ASCII plus the Latin-1 and
 * General Punctuation symbols of typical English news (curly quotes, dashes, ellipsis, NBSP).
 * The soft hyphen and zero-width characters are left out on purpose: they join words and must
 * be removed first, which the Unicode path does.
 */
const FAST_PATH = /[^\x00-\x7f\u00a0-\u00ac\u00ae-\u00bf\u2000-\u200a\u200e-\u205f\u2061-\u206f]/;
const FAST_TOKEN = /[a-z0-9]+(?:(?:['\u2018\u2019]|(?<=[0-9])[.,](?=[0-9]))[a-z0-9]+)*/g;
const FAST_HAS_JOINER = /[^a-z0-9]/;
const FAST_JOINERS = /[^a-z0-9]/g;

const UNICODE_TOKEN =
  /[\p{L}\p{N}\p{M}]+(?:(?:['\u2018\u2019\u02bc]|(?<=\p{N})[.,\u066b\u066c](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;
const UNICODE_JOINERS = /['\u2018\u2019\u02bc.,\u066b\u066c]/g;
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_SPLIT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;

/** True when the text holds characters of a script written without spaces between words. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED_SCRIPT.test(text);
}

/** The text as matching sees it, before tokenising: NFKC, case-folded, invisible characters removed. */
export function foldText(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase();
  if (FAST_PATH.test(folded)) folded = folded.replace(INVISIBLE, '').replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  return folded;
}

export function tokenize(text: string): Tokens {
  const folded = foldText(text);
  if (!FAST_PATH.test(folded)) {
    const matches = folded.match(FAST_TOKEN) ?? [];
    for (let i = 0; i < matches.length; i++) {
      const token = matches[i]!;
      if (FAST_HAS_JOINER.test(token)) matches[i] = token.replace(FAST_JOINERS, '');
    }
    return { tokens: matches, unspaced: false };
  }
  const words = (folded.match(UNICODE_TOKEN) ?? []).map((w) => w.replace(UNICODE_JOINERS, ''));
  if (!UNSPACED_SCRIPT.test(folded)) return { tokens: words, unspaced: false };
  const tokens: string[] = [];
  let characterTokens = 0;
  for (const word of words) {
    if (!UNSPACED_SCRIPT.test(word)) {
      tokens.push(word);
      continue;
    }
    for (const piece of word.match(UNSPACED_SPLIT) ?? []) {
      tokens.push(piece);
      if (UNSPACED_SCRIPT.test(piece)) characterTokens++;
    }
  }
  return { tokens, unspaced: characterTokens * 2 > tokens.length };
}
