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
 * another and changing a figure, and the two stories do not name the same places, people and
 * bodies (text/names.ts). A reprint that changes the credit ("(AP)" -> "(Reuters)"), spells a
 * name another way or corrects it, or changes a sentence's first word keeps its figures (a
 * review found each of those ungrouped by a first version without the figures); a write-through
 * changes figures and keeps its names; a rewording changes common words. As in fills.ts, such a
 * pair links nothing (clusters.ts markFills, grouping.ts); the paragraphs' statuses are
 * unchanged.
 */
import { paragraphTexts, text } from '../document.js';
import type { Corpus, Edges, Noise } from '../model.js';
import { wordDiff } from '../align/worddiff.js';
import { fillsFrame, nameChanges, sameNames, storyNames } from '../text/names.js';
import { firstMember, lowerTextKeyFirst } from './edges.js';
import { TemplateFills, type FillTest } from './fills.js';
import type { ScanFrequencies } from '../rewrite/channel.js';

/** Whether a word diff changes only names and figures, keeps some words, and fills a frame in anew: swaps a name and changes a figure (text/names.ts). */
export function fillsOnlyNamesAndFigures(ops: ReadonlyArray<{ op: 'equal' | 'delete' | 'insert'; text: string }>): boolean {
  const changes = nameChanges(ops);
  return changes.kept && !changes.otherWords && fillsFrame(changes);
}

export class NameFills implements FillTest {
  /**
   * Capitals tell less than rarity: a cluster some of whose pairs are not fills by this test
   * (two notices of one frame that happen to fill in the same figure) is left as it is, where
   * the template's other rules (grouping.ts) tell its lines apart. Splitting it into parts
   * linked fixtures/template-notices' other lines (a payable line, a tagline) as evidence.
   */
  readonly splitsClusters = false;

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
    if (!fillsOnlyNamesAndFigures(wordDiff(this.paragraphText(pa), this.paragraphText(pb)))) return false;
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
      this.names.set(story, (found = storyNames(paragraphTexts(this.corpus.docs[doc]!, span.firstSegment, span.lastSegment))));
    }
    return found;
  }
}

/**
 * The test for a scan with word weights (scan/fills.ts TemplateFills), and without them
 * (below 200 documents: NameFills, which reads names from the words' capitals). Asked only of the
 * edges that could link stories (clusters.ts).
 */
export function templateFills(corpus: Corpus, noise: Noise, frequencies: ScanFrequencies | null, seed: number): FillTest {
  return frequencies === null ? new NameFills(corpus, noise) : new TemplateFills(corpus, noise, frequencies, seed);
}
