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

import { TOKEN_HASH_PRIME, TOKEN_HASH_START, tokenHashEnd } from '../signing/hash.js';

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
/** The tokens of lower-cased text of the fast path (word diffs key ASCII words by them too: align/worddiff.ts). */
export const FAST_TOKEN = /[a-z0-9]+(?:(?:['\u2018\u2019]|(?<=[0-9])[.,](?=[0-9]))[a-z0-9]+)*/g;
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

/** `text` without a leading byte order mark (the library's texts, the eval's files). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the text holds characters of a script written without spaces between words. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED_SCRIPT.test(text);
}

/**
 * A run of words compared case and punctuation aside, as a comparable key: letters and digits of
 * any script, lower-cased, one space between. Cheaper than tokenize (no NFKC): what finds a
 * moved sentence among word operations and a line of chrome among a file's lines.
 */
export function foldWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
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

/**
 * Token spans of one paragraph, written by `tokenizeInto`: token k's folded characters are
 * `chars[ends[k - 1] .. ends[k])` (from 0 for the first). Buffers are reused and grown.
 */
export class TokenBuffer {
  chars = new Uint16Array(4096);
  ends = new Uint32Array(1024);
  /** Per token: the token table's hash of its characters (signing/hash.ts, tokenHashEnd). */
  hashes = new Uint32Array(1024);
  count = 0;

  /** The tokens as strings (tests, and the few places that need them). */
  strings(): string[] {
    const out: string[] = [];
    let start = 0;
    for (let k = 0; k < this.count; k++) {
      out.push(String.fromCharCode(...this.chars.subarray(start, this.ends[k]!)));
      start = this.ends[k]!;
    }
    return out;
  }
}

/**
 * Characters the one-pass tokenizer reads outside ASCII: separators whose NFKC form is
 * themselves or a space (non-breaking and typographic spaces, dashes, curly quotes, the
 * ellipsis, guillemets, currency and other symbols), so skipping them gives the tokens that
 * folding first would. Anything else (letters with accents, ligatures, superscripts, the one-dot
 * leader, soft hyphens, zero-width characters, other scripts) goes through `tokenize`.
 */
const SEPARATOR_ABOVE_ASCII = new Uint8Array(0x2070);
for (const [from, to] of [
  [0x00a0, 0x00a7], [0x00a9, 0x00a9], [0x00ab, 0x00ac], [0x00ae, 0x00ae], [0x00b0, 0x00b1], [0x00b6, 0x00b7], [0x00bb, 0x00bb], [0x00bf, 0x00bf],
  [0x00d7, 0x00d7], [0x00f7, 0x00f7], [0x2000, 0x200a], [0x2010, 0x2010], [0x2012, 0x2016], [0x201a, 0x2023], [0x2026, 0x2027],
  [0x2030, 0x2032], [0x2035, 0x2035], [0x2039, 0x203b], [0x2041, 0x2043], [0x2045, 0x2046],
] as const) {
  for (let c = from; c <= to; c++) SEPARATOR_ABOVE_ASCII[c] = 1;
}
/** ASCII character classes of the one-pass tokenizer: 1 letter or digit, 2 apostrophe, 3 point or comma, 0 separator. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
ASCII_CLASS[39] = 2;
ASCII_CLASS[44] = 3;
ASCII_CLASS[46] = 3;

/**
 * A character as the one-pass readers (tokenizeInto, sentenceCutsInto) read it: ASCII as it is,
 * ‘ and ’ as an apostrophe, the separators above as a space; -1 for one they do not read.
 */
function readChar(c: number): number {
  if (c < 128) return c;
  if (c === 0x2018 || c === 0x2019) return 39;
  if (c < 0x2070 && SEPARATOR_ABOVE_ASCII[c] === 1) return 32;
  return -1;
}

function isTokenChar(c: number): boolean {
  return c < 128 && ASCII_CLASS[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function grown(ends: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(ends.length * 2);
  bigger.set(ends);
  return bigger;
}

/**
 * The tokens of `text` in one pass over its characters, without building a string per token:
 * exactly what `tokenize(text).tokens` gives for text of ASCII and the separators above (most
 * English news), checked on every corpus the project is measured on (test/eval/tokenizer.test.ts).
 * Returns false, writing nothing usable, for text it does not read; `tokenize` is then the way.
 *
 * Rules, as FAST_TOKEN's: a token is a run of letters and digits (lower-cased); an apostrophe
 * (' ‘ ’) between two of them joins them and is dropped; a point or comma joins two digits.
 */
export function tokenizeInto(text: string, out: TokenBuffer): boolean {
  const length = text.length;
  if (out.chars.length < length) out.chars = new Uint16Array(Math.max(length, out.chars.length * 2));
  const chars = out.chars;
  let ends = out.ends;
  let hashes = out.hashes;
  let count = 0;
  let at = 0; // next free position in chars
  let tokenStart = 0;
  let h = TOKEN_HASH_START;
  let inToken = false;
  for (let i = 0; i < length; i++) {
    const c = readChar(text.charCodeAt(i));
    if (c < 0) return false;
    const kind = ASCII_CLASS[c]!;
    if (kind === 1) {
      const folded = c <= 90 && c >= 65 ? c + 32 : c;
      if (!inToken) {
        inToken = true;
        tokenStart = at;
        h = TOKEN_HASH_START;
      }
      chars[at++] = folded;
      h = Math.imul(h ^ folded, TOKEN_HASH_PRIME);
      continue;
    }
    if (!inToken) continue;
    if (i + 1 < length) {
      // A joiner stays inside the token when a token character follows (apostrophe), or when
      // digits stand on both sides (point or comma).
      const next = text.charCodeAt(i + 1);
      if ((kind === 2 && isTokenChar(next)) || (kind === 3 && isDigit(next) && isDigit(chars[at - 1]!))) continue;
    }
    if (count === ends.length) {
      out.ends = ends = grown(ends);
      out.hashes = hashes = grown(hashes);
    }
    hashes[count] = tokenHashEnd(h, at - tokenStart);
    ends[count++] = at;
    inToken = false;
  }
  if (inToken) {
    if (count === ends.length) {
      out.ends = ends = grown(ends);
      out.hashes = hashes = grown(hashes);
    }
    hashes[count] = tokenHashEnd(h, at - tokenStart);
    ends[count++] = at;
  }
  out.count = count;
  return true;
}

/** Whitespace as `\s` reads it, among the characters the one-pass tokenizer reads. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a);
}

/** Closing quotes and brackets a sentence's end may carry before its space: " ' ” ’ » ) ] */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0x00bb || c === 41 || c === 93;
}

/**
 * A paragraph's sentence cuts in token positions, from one pass over its characters: `cuts` are
 * the token counts before each break that segment.ts's SENTENCE_BREAK finds (a break at the
 * very end left out, as there), and `digits[k]` is 1 when token k is all digits. Written by
 * `sentenceCutsInto` for text the one-pass tokenizer reads (tokenizeInto).
 */
export class SentenceCuts {
  cuts: number[] = [];
  digits = new Uint8Array(1024);
  count = 0;
}

/**
 * Where the sentence after the first break at or after `from` starts (SENTENCE_BREAK's first
 * branch, see sentenceCutsInto), or -1 when there is none before the end.
 */
function breakFrom(text: string, from: number): number {
  const length = text.length;
  for (let i = from; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < length && isCloser(text.charCodeAt(j))) j++;
    if (j >= length || !isSpace(text.charCodeAt(j))) continue;
    let end = j;
    while (end < length && isSpace(text.charCodeAt(end))) end++;
    if (end >= length) return -1; // a break at the very end is no cut
    const after = text.charCodeAt(end);
    if (!(after >= 97 && after <= 122)) return end;
    if (end - j >= 2) return end - 1;
  }
  return -1;
}

/**
 * The sentence cuts and tokens' digit flags of `text` (SentenceCuts), without a regular
 * expression and without tokenising each sentence again: what cutting the text at
 * SENTENCE_BREAK and tokenising each piece gives (checked against that in
 * test/unit/sentence-cuts.test.ts). Within text this tokenizer reads, SENTENCE_BREAK's first
 * branch is all that can match: a . ! ? or … then closing quotes or brackets, then whitespace
 * not followed by a lower-case letter (a-z is every lower-case letter such text holds), or two
 * or more whitespace characters (the pattern backtracks one). A token never spans a break (a
 * break ends with whitespace), so the tokens of the pieces are the tokens of the whole.
 * Returns false, writing nothing usable, for text it does not read.
 */
export function sentenceCutsInto(text: string, out: SentenceCuts): boolean {
  const length = text.length;
  out.cuts.length = 0;
  let count = 0;
  // A paragraph has fewer tokens than characters: sized once, not grown in the loop.
  if (out.digits.length < length) out.digits = new Uint8Array(length);
  const digits = out.digits;
  let inToken = false;
  let allDigits = true;
  let previous = 0; // the last character put into the current token
  // The character position where the next sentence starts, -1 when no break lies ahead.
  let nextBreak = breakFrom(text, 0);
  for (let i = 0; i < length; i++) {
    const c = readChar(text.charCodeAt(i));
    if (c < 0) return false;
    const kind = ASCII_CLASS[c]!;
    if (kind === 1) {
      if (!inToken) {
        while (nextBreak !== -1 && nextBreak <= i) {
          out.cuts.push(count);
          nextBreak = breakFrom(text, nextBreak);
        }
        inToken = true;
        allDigits = true;
      }
      if (!isDigit(c)) allDigits = false;
      previous = c;
      continue;
    }
    if (!inToken) continue;
    if (i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if ((kind === 2 && isTokenChar(next)) || (kind === 3 && isDigit(next) && isDigit(previous))) continue;
    }
    digits[count++] = allDigits ? 1 : 0;
    inToken = false;
  }
  if (inToken) {
    digits[count++] = allDigits ? 1 : 0;
  }
  while (nextBreak !== -1) {
    out.cuts.push(count);
    nextBreak = breakFrom(text, nextBreak);
  }
  out.count = count;
  return true;
}
