/**
 * Template fills in a scan without word weights (under 200 documents, where scan/fills.ts cannot
 * tell a name from a frame's word by how rare it is): two paragraphs of one frame filled in for
 * different companies, such as one newsroom's automated dividend notices ("DENVER (Metrowire) -
 * Quarry Ltd raised its quarterly dividend to 14 cents a share from 12 cents ..." and "AUSTIN
 * (Metrowire) - Redwood Inc raised its quarterly dividend to 16 cents a share from 14 cents
 * ..."). Passage alignment pairs them (their content words agree), and six such notices in a
 * folder were one syndication group of "copies" (session 33's trial).
 *
 * Here names are read from capitals instead: a pair is a fill when the word diff of its two
 * paragraphs changes nothing but words in capitals and figures, swapping a capitalised word for
 * another somewhere, and the two stories do not name the same places, people and bodies
 * (text/names.ts). A write-through changes figures and keeps its names; a correction fixes a
 * name in a story that keeps the rest of them; a rewording changes common words. As in
 * fills.ts, such a pair links nothing (clusters.ts markFills, grouping.ts); the paragraphs'
 * statuses are unchanged.
 */
import { text } from '../document.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { wordDiff } from '../align/worddiff.js';
import { sameNames, storyNames } from '../text/names.js';
import { firstMember, lowerTextKeyFirst } from './edges.js';
import type { FillTest } from './fills.js';

/** A word that may be a frame's fill: it holds a capital or a digit ("Quarry", "AUSTIN", "14", "$28.42"). */
const NAME_OR_FIGURE = /[\p{Lu}\p{N}]/u;
const CAPITALISED = /^\P{L}*\p{Lu}/u;
const NOT_LETTERS = /[^\p{L}\p{M}]+/u;

/**
 * Whether a word diff changes only names and figures, and swaps a name for another somewhere: a
 * word in capitals deleted that no inserted word holds, and one inserted that no deleted word
 * holds ("Chile" -> "UPDATE 1-Chile" adds a tag and swaps no name).
 */
export function swapsOnlyNames(ops: ReadonlyArray<{ op: 'equal' | 'delete' | 'insert'; text: string }>): boolean {
  let kept = false;
  const names = { delete: new Set<string>(), insert: new Set<string>() };
  for (const { op, text: words } of ops) {
    if (op === 'equal') {
      kept = true;
      continue;
    }
    for (const word of words.split(/\s+/u)) {
      if (word === '') continue;
      if (!NAME_OR_FIGURE.test(word)) return false;
      if (CAPITALISED.test(word)) for (const part of word.toLowerCase().split(NOT_LETTERS)) if (part !== '') names[op].add(part);
    }
  }
  const ownName = (side: Set<string>, other: Set<string>): boolean => [...side].some((name) => !other.has(name));
  return kept && ownName(names.delete, names.insert) && ownName(names.insert, names.delete);
}

export class NameFills implements FillTest {
  private readonly names = new Map<number, Set<string>>();

  constructor(
    private readonly corpus: Corpus,
    private readonly noise: Noise,
  ) {}

  isFill(edges: Edges, k: number): boolean {
    const { corpus, noise } = this;
    const [va, vb] = lowerTextKeyFirst(corpus, edges.pairA[k]!, edges.pairB[k]!);
    const [pa, pb] = [firstMember(corpus, va), firstMember(corpus, vb)];
    const [sa, sb] = [noise.storyOf[pa]!, noise.storyOf[pb]!];
    if (sa === sb) return false;
    if (!swapsOnlyNames(wordDiff(this.paragraphText(pa), this.paragraphText(pb)))) return false;
    return !sameNames(this.namesOf(sa), this.namesOf(sb));
  }

  private paragraphText(p: number): string {
    return text(this.corpus.docs[this.corpus.paragraphDoc[p]!]!, this.corpus.paragraphIndex[p]!);
  }

  /** The names a story states (text/names.ts), read once. */
  private namesOf(story: number): Set<string> {
    let found = this.names.get(story);
    if (!found) {
      const { doc, span } = this.noise.stories[story]!;
      const base = this.corpus.firstParagraphOf[doc]!;
      const texts: string[] = [];
      for (let i = span.firstSegment; i <= span.lastSegment; i++) texts.push(this.paragraphText(base + i));
      this.names.set(story, (found = storyNames(texts)));
    }
    return found;
  }
}
