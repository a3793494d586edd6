/**
 * HTML character references in plain text: what a scraper leaves when it takes an article's
 * text out of its page without decoding it ("don&#8217;t", "Jos&#233;", "AT&amp;T", "&nbsp;").
 * The same sentence written with the characters and with their references must give the same
 * tokens, or every apostrophe and accented name of a scraped copy breaks three word shingles
 * and a verbatim reprint comes out "edited" against its wire story (fixtures/html-entities).
 *
 * Decoded before segmenting (signing/signer.ts), so a paragraph's text in every report reads
 * as the article does; line numbers do not move, since a reference to a line break or any
 * other control character is left as written.
 *
 * What is decoded, following the HTML standard's "character reference" rules where they apply
 * to text (https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state):
 * - numeric references, decimal (&#233;) and hexadecimal (&#xE9;), with the semicolon; 128-159
 *   are read as Windows-1252, as browsers do (&#150; is "–", &#146; is "’"), the one place
 *   where legacy pages and news feeds still differ from Unicode;
 * - the named references of HTML 4 that news text uses: markup (amp, lt, gt, quot, apos), the
 *   Latin-1 set (nbsp … yuml) and typography (dashes, quotes, ellipsis, euro …), with the
 *   semicolon and case as written (&Eacute; is "É", &eacute; is "é"). The full HTML 5 table
 *   (2,231 names, mostly mathematics) is not worth its size in a news tool.
 * - a reference escaped twice ("&amp;#8217;", a feed that escaped its already escaped text),
 *   the commonest scraping slip after not decoding at all.
 * Anything else, a name not in the table or a bare "&", is text and stays as it is.
 */

/** Windows-1252's characters at 128-159, where Unicode has C1 controls (0 where 1252 has none). */
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** HTML 4's Latin-1 names, in code point order from 160 (nbsp) to 255 (yuml). */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
  'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** The other names news text uses: markup, HTML 4's special characters and a few symbols. */
const OTHER_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['amp', 0x26], ['lt', 0x3c], ['gt', 0x3e], ['quot', 0x22], ['apos', 0x27],
  ['OElig', 0x152], ['oelig', 0x153], ['Scaron', 0x160], ['scaron', 0x161], ['Yuml', 0x178],
  ['fnof', 0x192], ['circ', 0x2c6], ['tilde', 0x2dc],
  ['ensp', 0x2002], ['emsp', 0x2003], ['thinsp', 0x2009], ['zwnj', 0x200c], ['zwj', 0x200d],
  ['lrm', 0x200e], ['rlm', 0x200f], ['ndash', 0x2013], ['mdash', 0x2014],
  ['lsquo', 0x2018], ['rsquo', 0x2019], ['sbquo', 0x201a], ['ldquo', 0x201c], ['rdquo', 0x201d], ['bdquo', 0x201e],
  ['dagger', 0x2020], ['Dagger', 0x2021], ['bull', 0x2022], ['hellip', 0x2026], ['permil', 0x2030],
  ['prime', 0x2032], ['Prime', 0x2033], ['lsaquo', 0x2039], ['rsaquo', 0x203a], ['euro', 0x20ac],
  ['trade', 0x2122], ['larr', 0x2190], ['rarr', 0x2192], ['minus', 0x2212],
];

const NAMED: ReadonlyMap<string, string> = new Map([
  ...LATIN_1.split(' ').map((name, k): [string, string] => [name, String.fromCodePoint(0xa0 + k)]),
  ...OTHER_NAMES.map(([name, code]): [string, string] => [name, String.fromCodePoint(code)]),
]);

/** A reference, escaped once more or not ("&amp;" before it): decimal, hexadecimal or named. */
const REFERENCE = /&(?:amp;)?(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));/g;
/** REFERENCE at one place only (sticky), so looking at a place never scans the text after it. */
const REFERENCE_AT = new RegExp(REFERENCE.source, 'y');
/** Whether a text may hold one: the cheap test that leaves most texts untouched. */
const MAY_HOLD_REFERENCE = /&(?:#|[A-Za-z])/;

/** The character a numeric reference stands for, or null to leave it as written. */
function numericCharacter(code: number): string | null {
  if (code >= 0x80 && code <= 0x9f) {
    const mapped = WINDOWS_1252[code - 0x80] ?? 0;
    return mapped === 0 ? null : String.fromCodePoint(mapped);
  }
  // Controls (line breaks included: line numbers must not move), surrogates, beyond Unicode.
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return null;
  return String.fromCodePoint(code);
}

/** What one match of REFERENCE stands for, or null when it is text. */
function referenced(decimal: string | undefined, hex: string | undefined, name: string | undefined): string | null {
  if (decimal !== undefined) return numericCharacter(Number.parseInt(decimal, 10));
  if (hex !== undefined) return numericCharacter(Number.parseInt(hex, 16));
  return name !== undefined ? (NAMED.get(name) ?? null) : null;
}

/**
 * What one match of REFERENCE stands for and how many of its characters that takes, or null when
 * it is text: "&amp;" before a name the table lacks ("Marks&amp;Spencer;") is the ampersand alone.
 */
function decodedMatch(whole: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): { decoded: string; length: number } | null {
  const character = referenced(decimal, hex, name);
  if (character !== null) return { decoded: character, length: whole.length };
  return whole.startsWith('&amp;') ? { decoded: '&', length: 5 } : null;
}

/**
 * The reference starting at `at` in `text`, if any: the characters it stands for and how many
 * characters of `text` it takes. What decodeCharacterReferences replaces there (the eval finds
 * a report's decoded paragraphs in the files' text with it).
 */
export function characterReferenceAt(text: string, at: number): { decoded: string; length: number } | null {
  if (text.charCodeAt(at) !== 0x26) return null;
  REFERENCE_AT.lastIndex = at;
  const match = REFERENCE_AT.exec(text);
  return match === null ? null : decodedMatch(match[0], match[1], match[2], match[3]);
}

/** `text` with its HTML character references decoded (see the header for which). */
export function decodeCharacterReferences(text: string): string {
  if (!MAY_HOLD_REFERENCE.test(text)) return text;
  // Line by line: a line that holds only references to spaces (a scraped "<p>&nbsp;</p>" spacer)
  // stays as written, or it would turn blank and widen the gap between paragraphs into a story
  // break (review). Lines are found from each "&" by indexOf, not by a /[^\n]*&[^\n]*/ regex:
  // that one retries from every character of a line without "&", quadratic in the line's
  // length, and PAN's one-line paragraphs made it a fifth of a scan (cpu profile).
  let decodedText = '';
  let copiedUpTo = 0;
  let ampersand = text.indexOf('&');
  while (ampersand !== -1) {
    const lineStart = text.lastIndexOf('\n', ampersand) + 1;
    const newline = text.indexOf('\n', ampersand);
    const lineEnd = newline === -1 ? text.length : newline;
    decodedText += text.slice(copiedUpTo, lineStart) + decodedLine(text.slice(lineStart, lineEnd));
    copiedUpTo = lineEnd;
    ampersand = newline === -1 ? -1 : text.indexOf('&', lineEnd);
  }
  return decodedText + text.slice(copiedUpTo);
}

/** One line with its references decoded, or as written when that would leave it blank. */
function decodedLine(line: string): string {
  const decoded = line.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const found = decodedMatch(whole, decimal, hex, name);
    return found === null ? whole : found.decoded + whole.slice(found.length);
  });
  return decoded.trim() === '' ? line : decoded;
}
