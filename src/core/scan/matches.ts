/**
 * The matches of a paragraph: its exact copies and the paragraphs it is derived from, in other
 * documents, best first, with the word operations of each edited match. Linear in what is
 * listed: a line repeated on a thousand pages is counted, not compared a million times.
 * Matches in the preferred document (the original of the paragraph's group) come first.
 */
import { MERGE_PART_CONTAINMENT } from '../align/align.js';
import { isEditedBy } from '../classify.js';
import { wordDiff } from '../align/worddiff.js';
import { endLine, startLine, text } from '../document.js';
import type { Corpus, DerivationRule, Edge, Edges, Overlap } from '../model.js';
import { edgesOf } from './edges.js';
import { memberCount } from './variants.js';
import { round3 } from '../numbers.js';
import type { Match, MergePart, MergeReport } from '../types.js';

/**
 * Paragraphs merged into one hold at most this many times its words between them: a merge
 * trimmed by a third still fits (1.5 times), lines of one template do not (merges, below).
 */
export const MERGE_MAX_WORDS_SHARE = 2;

export interface ParagraphMatches {
  /** Copies with the same normalised words in other documents. */
  exactCount: number;
  /** Paragraphs in other documents this one is derived from (0 unless the rule says edited). */
  derivedCount: number;
  /** At most maxMatches of them, best first. */
  matches: Match[];
  /** With word operations: the listed matches that are parts of a merge into this paragraph, per document. */
  merges: MergeReport[];
}

export interface MatchOptions extends DerivationRule {
  /** Matches listed per paragraph; 0 lists all. */
  maxMatches: number;
  /** Whether edited matches carry their word operations. */
  wordOps: boolean;
}

export class MatchLister {
  private readonly limit: number;

  constructor(
    private readonly corpus: Corpus,
    private readonly edges: Edges,
    private readonly options: MatchOptions,
  ) {
    this.limit = options.maxMatches === 0 ? Infinity : options.maxMatches;
  }

  /**
   * Where document `doc`'s members of variant `v` lie in its member list: [start, end). Members
   * are in global paragraph order, so a document's members are one run, found by binary search.
   * (Scanning the list for every member was quadratic: 140,000 equal lines in one file.)
   */
  private rangeIn(v: number, doc: number): [number, number] {
    const { members, memberStart } = this.corpus.variants;
    const paragraphDoc = this.corpus.paragraphDoc;
    const firstAtLeast = (target: number): number => {
      let low = memberStart[v]!;
      let high = memberStart[v + 1]!;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (paragraphDoc[members[mid]!]! < target) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return [firstAtLeast(doc), firstAtLeast(doc + 1)];
  }

  private textOf(p: number): string {
    return text(this.corpus.docs[this.corpus.paragraphDoc[p]!]!, this.corpus.paragraphIndex[p]!);
  }

  /** Members of variant `v` in document `doc`. */
  private membersIn(v: number, doc: number): number {
    const sole = this.corpus.variants.soleDocument[v]!;
    if (sole >= 0) return sole === doc ? memberCount(this.corpus.variants, v) : 0;
    const [start, end] = this.rangeIn(v, doc);
    return end - start;
  }

  /** Up to `limit` members of a variant outside `doc`, members in `preferred` first. */
  private listMembers(v: number, doc: number, preferred: number): number[] {
    const out: number[] = [];
    const { members, memberStart, soleDocument } = this.corpus.variants;
    if (soleDocument[v] === doc) return out;
    const [skipStart, skipEnd] = this.rangeIn(v, doc);
    const [firstStart, firstEnd] = preferred >= 0 && preferred !== doc ? this.rangeIn(v, preferred) : [0, 0];
    for (let k = firstStart; k < firstEnd && out.length < this.limit; k++) out.push(members[k]!);
    for (let k = memberStart[v]!; k < memberStart[v + 1]! && out.length < this.limit; ) {
      if (k >= skipStart && k < skipEnd) k = skipEnd;
      else if (k >= firstStart && k < firstEnd) k = firstEnd;
      else out.push(members[k++]!);
    }
    return out;
  }

  private describe(p: number, q: number, o: Overlap | null, reversed: boolean, reworded = false): Match {
    const { docs, paragraphDoc, paragraphIndex } = this.corpus;
    const otherDoc = docs[paragraphDoc[q]!]!;
    const other = paragraphIndex[q]!;
    const match: Match = {
      path: otherDoc.id,
      segment: other,
      startLine: startLine(otherDoc, other),
      endLine: endLine(otherDoc, other),
      status: o ? 'edited' : 'shared',
      similarity: o ? round3(o.jaccard) : 1,
      containment: o ? round3(reversed ? o.containmentOfB : o.containmentOfA) : 1,
      reverseContainment: o ? round3(reversed ? o.containmentOfA : o.containmentOfB) : 1,
    };
    if (reworded) match.reworded = true;
    // How the other paragraph became this one, word by word.
    if (o && this.options.wordOps) {
      const otherText = text(otherDoc, other);
      match.ops = wordDiff(otherText, this.textOf(p));
      // The report holds no other copy of an archived paragraph's text (the JSON's ops read it).
      if (otherDoc.context) match.text = otherText;
    }
    return match;
  }

  /** The derived pairs of paragraph `p`'s variant with paragraphs of other documents, when they make it edited. */
  private derivedEdges(v: number, doc: number): Edge[] {
    if (this.edges.edgeStart[v] === this.edges.edgeStart[v + 1]) return [];
    const variants = this.corpus.variants;
    const relevant = edgesOf(this.edges, v).filter((edge) => memberCount(variants, edge.other) > this.membersIn(edge.other, doc));
    const links = relevant.map((edge) => ({
      jaccard: edge.overlap.jaccard,
      inside: edge.reversed ? edge.overlap.containmentOfB : edge.overlap.containmentOfA,
      reworded: edge.reworded,
    }));
    return isEditedBy(links, this.options) ? relevant : [];
  }

  /** How many exact copies and derived paragraphs paragraph `p` has in other documents, without listing them. */
  counts(p: number): { exactCount: number; derivedCount: number } {
    const { variantOf, variants, paragraphDoc } = this.corpus;
    const v = variantOf[p]!;
    if (v < 0) return { exactCount: 0, derivedCount: 0 };
    const doc = paragraphDoc[p]!;
    let derivedCount = 0;
    for (const edge of this.derivedEdges(v, doc)) derivedCount += memberCount(variants, edge.other) - this.membersIn(edge.other, doc);
    return { exactCount: memberCount(variants, v) - this.membersIn(v, doc), derivedCount };
  }

  /** Paragraph `p`'s matches; `preferred` is the document listed first (-1: none). */
  find(p: number, preferred: number): ParagraphMatches {
    const { variantOf, variants, paragraphDoc } = this.corpus;
    const v = variantOf[p]!;
    if (v < 0) return { exactCount: 0, derivedCount: 0, matches: [], merges: [] };
    const doc = paragraphDoc[p]!;
    const exactCount = memberCount(variants, v) - this.membersIn(v, doc);
    const exact = this.listMembers(v, doc, preferred);
    let derivedCount = 0;
    const edited: Array<{ q: number; edge: Edge }> = [];
    for (const edge of this.derivedEdges(v, doc)) {
      derivedCount += memberCount(variants, edge.other) - this.membersIn(edge.other, doc);
      for (const q of this.listMembers(edge.other, doc, preferred)) edited.push({ q, edge });
    }
    const inPreferred = (q: number): boolean => paragraphDoc[q] === preferred;
    // Edits sharing the paragraph's words (shingles) before reworded ones: a reworded match's
    // similarity is over content words, not comparable, and a sentence piece copied word for word
    // from the wire was listed with a reworded copy's ~0.52 as its best match (a new user).
    edited.sort(
      (x, y) =>
        Number(inPreferred(y.q)) - Number(inPreferred(x.q)) ||
        Number(x.edge.reworded === true) - Number(y.edge.reworded === true) ||
        y.edge.overlap.jaccard - x.edge.overlap.jaccard ||
        x.q - y.q,
    );
    // The order shown: what the paragraph is in its group's original (a copy, else an edit),
    // then copies elsewhere, then edits elsewhere; best first within each.
    const listed: Array<{ q: number; edge: Edge | null }> = [
      ...exact.filter(inPreferred).map((q) => ({ q, edge: null })),
      ...edited.filter((x) => inPreferred(x.q)),
      ...exact.filter((q) => !inPreferred(q)).map((q) => ({ q, edge: null })),
      ...edited.filter((x) => !inPreferred(x.q)),
    ].slice(0, this.limit);
    const matches = listed.map(({ q, edge }) => (edge ? this.describe(p, q, edge.overlap, edge.reversed, edge.reworded) : this.describe(p, q, null, false)));
    const merges = this.options.wordOps ? this.merges(p, edited) : [];
    return { exactCount, derivedCount, matches, merges };
  }

  /**
   * Per document, two or more paragraphs this one is derived from lying mostly
   * (MERGE_PART_CONTAINMENT) inside it: paragraphs merged into it, diffed as one text, so that a
   * merged-in sentence does not read as written by this document. Found among all its derived
   * paragraphs, not only the listed matches. An exact copy is this paragraph, not a part of it.
   */
  private merges(p: number, edited: ReadonlyArray<{ q: number; edge: Edge }>): MergeReport[] {
    const { docs, paragraphDoc, paragraphIndex, words } = this.corpus;
    const partsByDoc = new Map<number, number[]>();
    for (const { q, edge } of edited) {
      const inside = edge.reversed ? edge.overlap.containmentOfA : edge.overlap.containmentOfB;
      if (round3(inside) < MERGE_PART_CONTAINMENT) continue;
      const doc = paragraphDoc[q]!;
      const parts = partsByDoc.get(doc);
      if (parts) parts.push(q);
      else partsByDoc.set(doc, [q]);
    }
    const merges: MergeReport[] = [];
    for (const [doc, parts] of partsByDoc) {
      if (parts.length < 2) continue;
      // Parts merged into a paragraph are pieces of it: together about its size. Far more words
      // are lines of one template, each mostly inside every other ("Item 3 was sold ..." and
      // "Item 5002 was sold ..."): a two-file scan of 5,000 such lines each diffed each line
      // against dozens of them joined (60% of its time).
      let partWords = 0;
      for (const q of parts) partWords += words[q]!;
      if (partWords > MERGE_MAX_WORDS_SHARE * words[p]!) continue;
      const document = docs[doc]!;
      parts.sort((a, b) => startLine(document, paragraphIndex[a]!) - startLine(document, paragraphIndex[b]!) || a - b);
      const from = parts.map((q) => this.textOf(q)).join(' ');
      merges.push({
        path: document.id,
        parts: parts.map((q): MergePart => {
          const part: MergePart = { segment: paragraphIndex[q]!, startLine: startLine(document, paragraphIndex[q]!), endLine: endLine(document, paragraphIndex[q]!) };
          if (document.context) part.text = this.textOf(q);
          return part;
        }),
        ops: wordDiff(from, this.textOf(p)),
      });
    }
    return merges;
  }
}
