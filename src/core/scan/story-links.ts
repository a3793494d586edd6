/**
 * Stories told apart by what they copy: a file that the layout reads as one story (text/stories.ts)
 * is cut where its paragraphs before a headline-like line are copied from documents that none of
 * its paragraphs after it are copied from, and the reverse.
 *
 * The layout cue finds a bundle whose stories are set apart by wider gaps (the seeds' 000 and
 * 001). A digest ("Morning briefing") or a scraped page that runs its articles on with the
 * file's usual gap, each opening with its headline, was one story: it held all of two unrelated
 * wire stories' ledes, was named the original of both and put them in one group (a new user's
 * run; fixtures/digest-two-stories). Matching says what the layout cannot: within one article
 * the other copies of it hold its early paragraphs and its later ones alike (a reprint, the wire
 * story, a write-through), so two runs of paragraphs linked to two disjoint sets of documents
 * are two articles. A run linked to nothing (a page's own text) gives no evidence and is never
 * cut off on its own.
 *
 * Runs after the shingle channel's verified pairs, before the rewrite stage and clustering,
 * which work on stories (scan/scanner.ts). Linear in a document's paragraphs and their links.
 */
import { continuesParagraph, endLine, isChrome, startLine, text } from '../document.js';
import { isBodyShaped } from '../align/align.js';
import type { Corpus, Edges, Noise, Story } from '../model.js';
import { looksLikeHeadline, MIN_STORY_PARAGRAPHS } from '../text/stories.js';
import { isBody } from './noise.js';

/**
 * A paragraph found in more documents than this is no evidence of where it came from (a site's
 * standard sentence, a notice): it links nothing here. Copies of one wire story run to dozens.
 */
export const LINK_MAX_DOCUMENTS = 64;

/**
 * The documents other than `doc` holding paragraph p's text or a verified edit of it, or null
 * when p is no evidence (not article body text, too short, not running text, or in more than
 * LINK_MAX_DOCUMENTS documents).
 */
function linkedDocuments(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, p: number, doc: number): Set<number> | null {
  const { variants, variantOf, paragraphDoc, paragraphIndex } = corpus;
  const v = variantOf[p]!;
  const document = corpus.docs[doc]!;
  const i = paragraphIndex[p]!;
  if (v < 0 || corpus.words[p]! < minWords || !isBody(noise, p) || isChrome(document, i) || !isBodyShaped(text(document, i), corpus.words[p]!)) return null;
  const linked = new Set<number>();
  const add = (variant: number): boolean => {
    for (let m = variants.memberStart[variant]!; m < variants.memberStart[variant + 1]!; m++) {
      const other = paragraphDoc[variants.members[m]!]!;
      if (other !== doc) linked.add(other);
      if (linked.size > LINK_MAX_DOCUMENTS) return false;
    }
    return true;
  };
  if (!add(v)) return null;
  for (let e = edges.edgeStart[v]!; e < edges.edgeStart[v + 1]!; e++) {
    const code = edges.edgeOf[e]!;
    const k = code >>> 1;
    if (!add((code & 1) === 0 ? edges.pairB[k]! : edges.pairA[k]!)) return null;
  }
  return linked;
}

/** Three spaces or more between two words: a table's columns ("Imports     Nil     Nil"), never a headline. */
const COLUMN_GAP = /\S {3,}\S/;

/** A word with a letter in it, and a figure with none. */
const LETTER_WORD = /\p{L}/u;
const FIGURE = /^[^\p{L}]*\p{N}[^\p{L}]*$/u;

/**
 * A line that can open a story: headline-like (text/stories.ts) and read as words, not as a
 * table's row or heading ("1986/87  1985/86", "All Wheat  119,800  368,300"): no columns set
 * apart by runs of spaces, and more words with letters than figures, two at least. Reuters' USDA tables were cut at their column headings,
 * their rows copied across the season's other tables; its "COMMODITIES NEWS HIGHLIGHTS", a
 * digest of one-paragraph items, is still cut at "LONDON - Cargill U.K.'s oilseed ...".
 */
function opensLikeStory(line: string): boolean {
  if (!looksLikeHeadline(line) || COLUMN_GAP.test(line.trim())) return false;
  let words = 0;
  let figures = 0;
  for (const token of line.trim().split(/\s+/)) {
    if (LETTER_WORD.test(token)) words++;
    else if (FIGURE.test(token)) figures++;
  }
  return words >= 2 && words > figures;
}

/** A sentence's start: no lowercase letter first ("and Corprostate Inc ..." goes on a wrapped line). */
const LOWERCASE_START = /^\s*["“‘(]?\p{Ll}/u;

/**
 * Whether the paragraph after a would-be headline reads as a story's first paragraph: running
 * text (align/align.ts) opening a sentence. A table's next row ("Cotton-Y 60,200 31,900") is
 * not, nor the rest of a hard-wrapped sentence whose first line ended with no full stop
 * (Reuters 17167, "The bonus awards were made to Cam USA Inc (36,000 tonnes)" then "and
 * Corprostate Inc ...").
 */
function readsAsLede(paragraph: string, words: number): boolean {
  return isBodyShaped(paragraph, words) && !LOWERCASE_START.test(paragraph);
}

/**
 * Where story `story` of document `doc` is cut (its paragraphs' indexes that open a new story,
 * in order; none for most). A cut opens on a headline-like line that starts a paragraph and is
 * followed by a lede (readsAsLede), with at
 * least MIN_STORY_PARAGRAPHS paragraphs on each side, when the paragraphs since the last cut
 * link some documents, the paragraphs from it to the story's end link some, and none of the
 * first are among the second.
 */
function cutsOf(corpus: Corpus, edges: Edges, noise: Noise, minWords: number, story: Story): number[] {
  const { doc, span } = story;
  const document = corpus.docs[doc]!;
  const base = corpus.firstParagraphOf[doc]!;
  const { firstSegment: first, lastSegment: last } = span;
  if (last - first + 1 < 2 * MIN_STORY_PARAGRAPHS) return [];
  // The lines a cut may open on, by their text alone, first: most stories have none, and their
  // paragraphs' links are not gathered (PAN's were 0.1 s of a scan; session 31's profile).
  const opensAt = (i: number): boolean =>
    !continuesParagraph(document, i) && opensLikeStory(text(document, i)) && readsAsLede(text(document, i + 1), corpus.words[base + i + 1]!);
  let candidates = false;
  for (let i = first + MIN_STORY_PARAGRAPHS; i <= last + 1 - MIN_STORY_PARAGRAPHS && !candidates; i++) candidates = opensAt(i);
  if (!candidates) return [];
  const links: Array<Set<number> | null> = [];
  // Per linked document, the last paragraph of the story that links it.
  const lastLink = new Map<number, number>();
  for (let i = first; i <= last; i++) {
    const linked = linkedDocuments(corpus, edges, noise, minWords, base + i, doc);
    links.push(linked);
    if (linked) for (const other of linked) lastLink.set(other, i);
  }
  if (lastLink.size < 2) return [];
  // Whether paragraphs i .. last link any document.
  const linksFrom = new Uint8Array(last - first + 2);
  for (let i = last; i >= first; i--) linksFrom[i - first] = linksFrom[i - first + 1]! === 1 || (links[i - first]?.size ?? 0) > 0 ? 1 : 0;
  const cuts: number[] = [];
  let start = first;
  // The last paragraph linking a document that the paragraphs since `start` link (-1: none yet).
  let reach = -1;
  for (let i = first; i <= last; i++) {
    const opens =
      reach >= 0 &&
      reach < i &&
      linksFrom[i - first] === 1 &&
      i - start >= MIN_STORY_PARAGRAPHS &&
      last - i + 1 >= MIN_STORY_PARAGRAPHS &&
      opensAt(i);
    if (opens) {
      cuts.push(i);
      start = i;
      reach = -1;
    }
    const linked = links[i - first];
    if (linked) for (const other of linked) reach = Math.max(reach, lastLink.get(other)!);
  }
  return cuts;
}

/**
 * The noise with its stories cut where their paragraphs' links say they are several
 * (cutsOf); the same object when no story is cut.
 */
export function splitStoriesByLinks(corpus: Corpus, edges: Edges, noise: Noise, minWords: number): Noise {
  const cutsByStory = noise.stories.map((story) => cutsOf(corpus, edges, noise, minWords, story));
  if (cutsByStory.every((cuts) => cuts.length === 0)) return noise;
  const storyOf = new Int32Array(noise.storyOf.length);
  const stories: Story[] = [];
  const firstStoryOf = new Int32Array(noise.firstStoryOf.length);
  corpus.docs.forEach((document, doc) => {
    firstStoryOf[doc] = stories.length;
    const base = corpus.firstParagraphOf[doc]!;
    const end = noise.firstStoryOf[doc + 1] ?? noise.stories.length;
    for (let s = noise.firstStoryOf[doc]!; s < end; s++) {
      const { span } = noise.stories[s]!;
      const bounds = [span.firstSegment, ...cutsByStory[s]!, span.lastSegment + 1];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const [from, to] = [bounds[k]!, bounds[k + 1]! - 1];
        const unit = stories.length;
        stories.push({ doc, span: { index: unit - firstStoryOf[doc]!, firstSegment: from, lastSegment: to, startLine: startLine(document, from), endLine: endLine(document, to) } });
        for (let i = from; i <= to; i++) storyOf[base + i] = unit;
      }
    }
  });
  return { ...noise, storyOf, stories, firstStoryOf };
}
