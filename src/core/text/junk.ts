/**
 * Lines that are not article text, recognised paragraph by paragraph (the footer rule that
 * needs the whole corpus, a block recurring across unrelated documents, is in cluster.ts):
 * scraper artifacts (no words, or a word or two repeated, such as the seeds' bare "TT") and
 * publishing-system chrome ("Leave a Reply"). Both get status boilerplate: they link no
 * documents and count toward no reuse.
 */
import type { BoilerplateKind } from '../types.js';
import { foldWords } from './normalize.js';

/** Lines of at most this many words that occur more than once are scraper artifacts ("TT"). */
export const ARTIFACT_MAX_WORDS = 2;
/**
 * Chrome of common publishing systems (WordPress comment forms, "related" widgets), recognised
 * even on a single page. A paragraph must be exactly one of these (normalised words), so an
 * article sentence that merely starts with "Advertisement" or "Share" is not taken for one.
 */
const CMS_PHRASES = new Set([
  'leave a reply',
  'leave a reply cancel reply',
  'leave a comment',
  'check also',
  'your email address will not be published',
  'your email address will not be published required fields are marked',
  'required fields are marked',
  'related posts',
  'related articles',
  'related stories',
  'you may also like',
  'share this',
  'share this article',
  'click to share',
  'post navigation',
  'advertisement',
  'read more',
  // The rest of a WordPress comment form (its fields, FORM_FIELDS, below).
  'post comment',
  'cancel reply',
  'save my name email and website in this browser for the next time i comment',
  'notify me of follow up comments by email',
  'notify me of new posts by email',
  'this site uses akismet to reduce spam learn how your comment data is processed',
]);
/**
 * A comment form's fields, each a paragraph of one word ("Comment", "Name *", "Email *"): after
 * "Leave a Reply" they were unique paragraphs, 3 of a scraped copy's 4 "added" (a new user).
 * One word ending a sentence is article text: the last line of a hard-wrapped sentence ("...
 * declined to\ncomment.", 18 lines of Reuters-21578) read as chrome changed 400 statuses there.
 * So a field is chrome only as a whole paragraph without a sentence's end (isFormFieldText), and
 * never as a line before segmenting (isChromeLine).
 */
const FORM_FIELDS = ['comment', 'comments', 'name', 'email', 'website'];
export const FORM_FIELD_TOKENS: readonly string[][] = FORM_FIELDS.map((field) => [field]);
const SENTENCE_END = /[.!?]["'\u201d\u2019)\]]*\s*$/;

/** Whether a paragraph whose words are one of FORM_FIELDS is a form's field: not a sentence's end. */
export function isFormFieldText(text: string): boolean {
  return !SENTENCE_END.test(text);
}

/** The longest of the phrases above, in words: longer paragraphs are never chrome. */
export const CMS_MAX_WORDS = Math.max(...[...CMS_PHRASES].map((phrase) => phrase.split(' ').length));

/** One button of a share bar: a network's or a service's name, after "Share on" or not. */
const SHARE_BUTTON = String.raw`(?:share (?:on |via |to )?)?(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|print|reddit|pinterest|telegram|messenger|copy link|tumblr|threads|bluesky|flipboard|pocket)\b`;

/**
 * Chrome recognised by its shape rather than its exact words, on a single page too: a site's
 * copyright line, a blog's "Posted in ... | Tagged ..." line, a newsletter or cookie notice. Two
 * articles of one site share such lines word for word, and with fewer than three pages the
 * footer rule (scan/grouping.ts) cannot tell them from a copied paragraph: two unrelated
 * articles with one site's footer were grouped as copies (found by a new user). Each pattern
 * reads the paragraph's start, and the paragraph is short (CHROME_PATTERN_MAX_WORDS), so an
 * article sentence that mentions copyright or cookies is not taken for one.
 */
const CMS_SHAPE = new RegExp(
  [
    String.raw`(?:copyright\b|©|\(c\)\s*\d{4})[^\n]*\ball rights reserved\b`,
    String.raw`all rights reserved\b`,
    String.raw`posted in\b[^\n]*\|\s*tagged\b`,
    // "Sign up for our daily newsletter ...": a word or three may name it (found by a new user).
    String.raw`(?:click here to subscribe|(?:subscribe to|sign up for) (?:our|the) (?:[\w-]+ ){0,3}newsletters?)\b`,
    String.raw`(?:this (?:web)?site uses cookies|we use cookies)\b`,
    // A wire agency's standard notices, the same under every story it files: "The Associated
    // Press receives financial support from several private foundations ... The AP is solely
    // responsible for all content." Two unrelated AP stories were grouped through it, one a
    // "partial" use of the other (a new user's run; fixtures/agency-footer).
    String.raw`(?:the )?(?:associated press|ap)\b[^\n]{0,80}?\breceives\b[^\n]{0,40}?\bsupport\b`,
    String.raw`[^\n]{0,60}?\bis solely responsible for all content\b`,
    String.raw`find ap['’]s standards for working with philanthropies\b`,
    String.raw`(?:this material|the information contained in (?:this|the) [^\n]{0,40}?) may not be published, broadcast, rewritten,? or redistributed\b`,
    String.raw`follow (?:ap|the associated press)(?:['’]s?)? [^\n]{0,80}?\bat (?:https?://)?(?:www\.)?apnews\.com\b`,
    // A link to another story, by its label and a colon: "Read more: Austria counts the cost as
    // floods recede", "Related: ...", "See also: ...". Under a reprinted opening it read as a
    // paragraph the wire story lacks, so the reprint was no trimmed copy and the group's
    // original went undecided (a new user's run; fixtures/link-lines).
    String.raw`(?:read more|read also|also read|related|see also|more on this(?: story)?|recommended)\s*:\s*[^\n]{1,160}(?<![.!?]["'”’)]?)$`,
    // A newsroom's notice that a story will change, and a station's plug for its coverage: "This is
    // a developing story. Check back for updates.", "Stay with Channel 9 for the latest on this
    // developing story. Download our app for alerts." The two were paired as a reworded paragraph
    // at 0.17, and a reprint trimmed from the bottom read "paragraphs reworded" (a new user's run).
    // As notices are written, each a sentence of its own: "This is a developing story and police
    // are asking ..." or "Download the app and you are asked ..." is article text (review).
    String.raw`this (?:is an? )?(?:developing|breaking)(?: news)? (?:story|update)\s*[.!]`,
    String.raw`check back (?:later |soon )?for (?:updates|more updates)\s*[.!]`,
    String.raw`stay with [^\n]{1,40}? for (?:the latest|updates)\b[^\n.!?]{0,60}[.!]`,
    String.raw`download (?:our|the) (?:[\w'’-]+ ){0,3}app (?:for|to get) [^\n.!?]{1,40}[.!]`,
    // A share bar's buttons, two or more and nothing else: "Facebook / Twitter / Email", "Share on
    // Facebook | Share on X" (a new user's scraped page: "Facebook\nTwitter" under "Share this:"
    // was a unique paragraph). One name alone may be a word of the article; so may a sentence.
    String.raw`${SHARE_BUTTON}(?:\s*[/|•·,]?\s*${SHARE_BUTTON})+\s*$`,
  ]
    .map((shape) => `(?:${shape})`)
    .join('|')
    // One anchored expression, not one per shape: the signer asks it of every short paragraph.
    .replace(/^/, String.raw`^\s*(?:`) + ')',
  'i',
);
/** Paragraphs longer than this many words are never chrome by pattern. */
export const CHROME_PATTERN_MAX_WORDS = 40;

/** Whether a paragraph's text has the shape of publishing-system chrome (CMS_SHAPE). */
export function looksLikeChrome(text: string, words: number): boolean {
  return words > 0 && words <= CHROME_PATTERN_MAX_WORDS && CMS_SHAPE.test(text);
}

/** Words of a text folded by foldWords (one space between words). */
function wordsOfFolded(folded: string): number {
  return folded === '' ? 0 : folded.split(' ').length;
}

/** Words of a text as chrome is counted (normalised words, text/normalize.ts foldWords). */
function foldedWordCount(text: string): number {
  return wordsOfFolded(foldWords(text));
}

/**
 * Where chrome glued to the end of a paragraph starts (scrapers drop the line break before a
 * site's footer: "... officials in Kyiv say.Copyright 2024 The Associated Press. All rights
 * reserved. ..."), or -1: after a sentence's end, text to the paragraph's end that has the
 * shape of chrome (looksLikeChrome). Two unrelated articles of one site, each with the footer
 * glued to its last line, were linked through it and grouped as copies, and the last line was
 * "edited" from the footer (found by a new user). segment.ts cuts the paragraph there.
 */
export function chromeTrailerStart(text: string): number {
  // Most paragraphs hold none of the shapes' words: one test, and no position is tried.
  if (!CHROME_TRAILER_HINT.test(text)) return -1;
  // A paragraph that is chrome throughout ("Copyright 2024 ... Press. All rights reserved.") stays
  // whole; one of many words cannot be (its words are not folded: a long paragraph's took 0.8 s a MB).
  if (text.length <= CHROME_TRAILER_MAX_CHARS && looksLikeChrome(text, foldedWordCount(text))) return -1;
  // Chrome is short (CHROME_PATTERN_MAX_WORDS): only the paragraph's tail is tried, so that a
  // long paragraph with many sentences opening "Sign up for" is not read to its end from each.
  CHROME_TRAILER_AT.lastIndex = Math.max(0, text.length - CHROME_TRAILER_MAX_CHARS);
  for (let m = CHROME_TRAILER_AT.exec(text); m !== null; m = CHROME_TRAILER_AT.exec(text)) {
    const start = m.index + m[0].length;
    // A head of punctuation alone (".Copyright ...") is no text to cut the chrome from (review).
    if (!HAS_WORD.test(text.slice(0, start))) continue;
    // Lines joined as the paragraph's words are: a footer wrapped over two lines of a hard-wrapped file is one footer (review).
    const rest = text.slice(start).replace(/\n/g, ' ');
    if (looksLikeChrome(rest, foldedWordCount(rest))) return start;
  }
  return -1;
}

/** The longest tail chromeTrailerStart tries, in characters: CHROME_PATTERN_MAX_WORDS words of footer and more. */
const CHROME_TRAILER_MAX_CHARS = 1000;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** The words every CMS_SHAPE holds one of. */
const CHROME_TRAILER_HINT = /rights reserved|tagged|newsletter|cookies/i;
/**
 * A sentence's end (closing quotes or brackets after it) and the space after it, before a
 * CMS_SHAPE's first words; "copyright" with a sign or a year after it, as a footer has it
 * ("Copyright 2024", "Copyright ©"): a closing sentence about copyright law stays text.
 */
const CHROME_TRAILER_AT = /[.!?\u2026]["'\u201d\u2019)\]]*\s*(?=copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}|all rights reserved\b|posted in\b|click here to subscribe|subscribe to|sign up for|this (?:web)?site uses cookies|we use cookies)/giu;

/**
 * How a line of chrome can start (CMS_PHRASES' first words and CMS_SHAPE's), case aside: the
 * layout detection asks isChromeLine of every line that continues a block (430,000 of PAN's),
 * and most fail here at their first letters without a word being cut.
 */
const CHROME_LINE_START = /^\s*(?:facebook|twitter|x\b|linkedin|whatsapp|e-?mail|print|reddit|pinterest|telegram|messenger|copy link|tumblr|threads|bluesky|flipboard|pocket|leave|check|your|required|related|you may|share|click|post|advertisement|read more|read also|also read|see also|more on this|recommended|this is|this developing|this breaking|check back|stay with|download|copyright|©|\(c\)|all rights|subscribe|sign up|this (?:web)?site|we use|cancel|save my|notify me|the associated press|associated press|the ap\b|ap\b|find ap|this material|the information contained|follow)/i;

/**
 * Whether one line of a file is publishing-system chrome, by its exact words (CMS_PHRASES, case
 * and punctuation aside) or its shape (looksLikeChrome): read before the file is segmented
 * (text/segment.ts detectLayout), where "Leave a Reply" over the comment form's next line, no
 * sentence either, made an article of blank-line paragraphs hard-wrapped (found by a new user).
 */
export function isChromeLine(line: string): boolean {
  if (!CHROME_LINE_START.test(line)) return false;
  const folded = foldWords(line);
  const words = wordsOfFolded(folded);
  if (words === 0 || words > CHROME_PATTERN_MAX_WORDS) return false;
  return (words <= CMS_MAX_WORDS && CMS_PHRASES.has(folded)) || looksLikeChrome(line, words);
}

/** A paragraph that is one share button alone ("Facebook", "Share on X"): chrome only beside others (shareBarButtons). */
const SHARE_BUTTON_ALONE = new RegExp(String.raw`^\s*${SHARE_BUTTON}\s*$`, 'i');

/**
 * Paragraphs (indexes into `texts`, a document's in order) that are share buttons each on its
 * own ("Share this:", then "Facebook", "Twitter", "WhatsApp" as paragraphs of their own): a
 * lone button in a run of consecutive paragraphs each a lone button or a line of chrome
 * (isChromeLine), the run holding a line of chrome or two buttons or more. One name alone, with
 * article text either side, stays text (a review found buttons set apart by blank lines each a
 * unique paragraph).
 */
export function shareBarButtons(texts: readonly string[]): Set<number> {
  const out = new Set<number>();
  // Most documents have no lone button: one anchored test a paragraph, and no chrome test at all.
  const isButton = texts.map((text) => SHARE_BUTTON_ALONE.test(text));
  if (!isButton.includes(true)) return out;
  let runStart = 0;
  for (let i = 0; i <= texts.length; i++) {
    if (i < texts.length && (isButton[i] || isChromeLine(texts[i]!))) continue;
    const buttons: number[] = [];
    for (let k = runStart; k < i; k++) if (isButton[k]) buttons.push(k);
    if (buttons.length >= 2 || (buttons.length >= 1 && buttons.length < i - runStart)) for (const k of buttons) out.add(k);
    runStart = i + 1;
  }
  return out;
}

/** Why a paragraph is not article text, or null: a scraper artifact or publishing-system chrome. */
export function junkKind(paragraph: { words: number; chrome: boolean }, occurrences: number): BoilerplateKind | null {
  if (paragraph.words === 0) return 'artifact';
  if (paragraph.chrome) return 'footer';
  if (paragraph.words <= ARTIFACT_MAX_WORDS && occurrences >= 2) return 'artifact';
  return null;
}

/** The chrome lines as token lists (the signer recognises them by their text keys). */
export const CMS_PHRASE_TOKENS: readonly string[][] = [...CMS_PHRASES].map((phrase) => phrase.split(' '));
