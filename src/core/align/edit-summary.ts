/**
 * What a copy kept, changed, added and dropped from its original, as the group report states it
 * (`comparison` of a group member): coverage both ways, paragraph counts, and the kinds of edit
 * syndication makes, read off the paragraph alignment (align.ts) and its word operations.
 */
import { share } from '../numbers.js';
import type { EditKind, EditSummary } from '../types.js';
import { alignParagraphs, isBodyShaped, keptTotals, paragraphNumbers, paragraphsIn, sentenceRuns, wordsIn, type AlignedBlock, type AlignParagraph, type AlignRule } from './align.js';
import { changedWords, countUnits } from './worddiff.js';

/** A substitution replaces at most this many words on either side. */
const SUBSTITUTION_MAX_WORDS = 5;
/** The first paragraph that is not a headline (isBodyShaped), else the first; -1 for none. Provenance reads a wire dateline there too. */
export function ledeIndex(paragraphs: readonly AlignParagraph[]): number {
  if (paragraphs.length === 0) return -1;
  const found = paragraphs.findIndex((p) => isBodyShaped(p.text, p.words));
  return found >= 0 ? found : 0;
}

/** An opening block this similar to the original's opening paragraph keeps the lede. */
const SAME_LEDE_SIMILARITY = 0.5;

/**
 * An added paragraph is a quote when it holds quotation marks and opens with one, or says
 * "said": English, German and Polish („…“), French and Russian («…»), Swiss (‹…›), Chinese and
 * Japanese (「…」). A German desk's added quote was no "quote added" (found by a new user).
 */
const QUOTE = /["“”«»„‚‹›「」『』]/;
const OPENS_WITH_QUOTE = /^\s*["“«»„‚‹›「『]/;

/** What a paragraph's pieces are in (flags): a same block, an added or dropped one, or one that changed words. */
const IN_SAME = 1;
const IN_ADDED = 2;
const IN_DROPPED = 4;
const IN_CHANGED = 8;

/**
 * The comparison's paragraph counts, each paragraph in one kind: a long paragraph cut at its
 * sentences is a block per piece, and one with a sentence kept and one added counted as shared
 * and as added (review; a long paragraph reworded read "7 edited" for five paragraphs before
 * paragraphs were counted once per kind). A copy's paragraph is shared when all its pieces are
 * in same blocks and the original's paragraphs they come from lost none of theirs, added when
 * all are added, and edited otherwise; an original's paragraph is dropped when all its pieces are.
 */
function paragraphCounts(blocks: readonly AlignedBlock[], numbers: { from: Int32Array; to: Int32Array }): { shared: number; edited: number; added: number; dropped: number } {
  const flagsFrom = new Map<number, number>();
  const flagsTo = new Map<number, number>();
  const mark = (flags: Map<number, number>, paragraph: number, flag: number): void => {
    flags.set(paragraph, (flags.get(paragraph) ?? 0) | flag);
  };
  for (const block of blocks) {
    const flag = block.kind === 'same' ? IN_SAME : block.kind === 'added' ? IN_ADDED : block.kind === 'dropped' ? IN_DROPPED : IN_CHANGED;
    for (const i of block.from) mark(flagsFrom, numbers.from[i]!, flag);
    for (const j of block.to) mark(flagsTo, numbers.to[j]!, flag);
  }
  // Kept word for word, but from a paragraph that lost a sentence: the copy's paragraph was cut.
  for (const block of blocks) {
    if (block.kind !== 'same' || !block.from.some((i) => (flagsFrom.get(numbers.from[i]!)! & IN_DROPPED) !== 0)) continue;
    for (const j of block.to) mark(flagsTo, numbers.to[j]!, IN_CHANGED);
  }
  const out = { shared: 0, edited: 0, added: 0, dropped: 0 };
  for (const flags of flagsTo.values()) {
    if (flags === IN_SAME) out.shared++;
    else if (flags === IN_ADDED) out.added++;
    else out.edited++;
  }
  for (const flags of flagsFrom.values()) if (flags === IN_DROPPED) out.dropped++;
  return out;
}

/**
 * A block passage alignment paired (reworded) that keeps a sentence's worth of words in a row
 * (IN_PLACE_MIN_RUN) and half or more of its words in order (IN_PLACE_MIN_EQUAL_SHARE of the
 * longer side's) is an edit made in place, named by its sentences and substitutions like any
 * edit: an agency's write-through that added "on Tuesday" to a paragraph and replaced its last
 * sentence changed too many shingles to be paired as an edit, and was named "paragraphs
 * reworded" (a new user's run). A paraphrase keeps words in runs of a few (the reworded
 * fixture's longest is 8; that write-through paragraph kept 16 in a row).
 */
const IN_PLACE_MIN_RUN = 12;
const IN_PLACE_MIN_EQUAL_SHARE = 0.5;

function editedInPlace(block: AlignedBlock): boolean {
  if (!block.ops) return false;
  let [longest, equal, deleted, inserted] = [0, 0, 0, 0];
  for (const op of block.ops) {
    const n = countUnits(op.text);
    if (op.op === 'equal') {
      equal += n;
      longest = Math.max(longest, n);
    } else if (op.op === 'delete') deleted += n;
    else inserted += n;
  }
  return longest >= IN_PLACE_MIN_RUN && equal >= IN_PLACE_MIN_EQUAL_SHARE * (equal + Math.max(deleted, inserted));
}

/** What `copy` kept, changed, added and dropped from `original`. */
export function editSummary(original: readonly AlignParagraph[], copy: readonly AlignParagraph[], rule: AlignRule): EditSummary {
  return compareCopy(original, copy, rule).summary;
}

/**
 * editSummary, and the share of the copy's words in paragraphs matched to the original, whole
 * (what `reused` was before it counted words kept word for word): provenance tells a version
 * from a reprint by it, VERSION_MAX_MATCHED_SHARE being set on that measure (found in review: a copy
 * adding 14 words to each paragraph became a version).
 */
export function compareCopy(original: readonly AlignParagraph[], copy: readonly AlignParagraph[], rule: AlignRule): { summary: EditSummary; matchedShare: number } {
  const blocks = alignParagraphs(original, copy, rule);
  const matched = blocks.filter((b) => b.from.length > 0 && b.to.length > 0);
  const originalWords = wordsIn(original, original.map((_, i) => i));
  const copyWords = wordsIn(copy, copy.map((_, i) => i));
  // Paragraphs, not pieces: a long paragraph cut at sentences that a block holds whole counts once (align.ts, paragraphNumbers).
  const numbers = { from: paragraphNumbers(original), to: paragraphNumbers(copy) };
  const counts = paragraphCounts(blocks, numbers);
  const edits = new Map<EditKind, number>();
  const add = (kind: EditKind, n = 1): void => {
    if (n > 0) edits.set(kind, (edits.get(kind) ?? 0) + n);
  };

  // Whole sentences deleted and inserted over the whole comparison; one deleted here and inserted
  // there, word for word (case and punctuation aside), moved: a sentence moved inside a paragraph
  // read "sentence dropped, sentence added", and then one moved to another paragraph did (both
  // found by new users).
  const runs = sentenceRuns(blocks, original, copy);
  const reworded = new Set<number>();
  blocks.forEach((block, b) => {
    if (block.from.length === 0 || block.to.length === 0) {
      // A dropped one-sentence paragraph that went into another paragraph: moved (it counts as dropped among paragraphs).
      for (const run of runs.deleted[b]!) if (run.moved) add('sentence-moved');
      return;
    }
    // Retold in other words (passage alignment): its word operations are a paraphrase's, whose
    // reordered clauses read as "sentence added" and its synonyms as "words substituted" (a
    // copy reworded paragraph by paragraph was "sentence added (4), words substituted (9)";
    // found by a new user).
    // Merged, also when a part was retold (align.ts, rewordedMerges).
    if (block.kind === 'merged') add('paragraphs-merged');
    if (block.reworded === true && !editedInPlace(block)) {
      // Paragraphs, not pieces: a long paragraph reworded is one block per piece pair.
      for (const j of block.to) reworded.add(numbers.to[j]!);
      // A sentence it lost that went word for word into another paragraph is still a move.
      for (const run of runs.deleted[b]!) if (run.moved === 'across') add('sentence-moved');
      return;
    }
    if (block.kind === 'split') add('paragraph-split');
    const ops = block.ops ?? [];
    let substituted = false;
    ops.forEach((op, k) => {
      const next = ops[k + 1];
      if (op.op === 'delete' && next?.op === 'insert') {
        const { deleted } = changedWords([op]);
        const { inserted } = changedWords([next]);
        if (deleted <= SUBSTITUTION_MAX_WORDS && inserted <= SUBSTITUTION_MAX_WORDS) substituted = true;
      }
    });
    // Named where the sentence was deleted (moved or dropped) or inserted (added).
    for (const run of runs.deleted[b]!) add(run.moved ? 'sentence-moved' : 'sentence-dropped');
    for (const run of runs.inserted[b]!) if (!run.moved) add('sentence-added');
    if (substituted) add('words-substituted');
  });
  add('paragraphs-reworded', reworded.size);
  const moved = matched.filter((b) => b.moved).reduce((n, b) => n + paragraphsIn(b.to, numbers.to), 0);
  add('paragraphs-moved', moved);

  // Trimmed from the bottom: the original's last paragraphs are all dropped (counted as
  // paragraphs, a long one cut at its sentences once).
  const droppedSet = new Set(blocks.filter((b) => b.kind === 'dropped').flatMap((b) => b.from));
  let trimmedPieces = 0;
  for (let i = original.length - 1; i >= 0 && droppedSet.has(i); i--) trimmedPieces++;
  const trimmed = trimmedPieces === 0 ? 0 : numbers.from[original.length - 1]! - numbers.from[original.length - trimmedPieces]! + 1;
  if (trimmed > 0 && trimmedPieces < original.length) add('trimmed-from-bottom', trimmed);

  // New lede: the copy's lede (its first paragraph past the headlines: ledeIndex) is not the
  // original's. The original's lede retold (a reworded block: its similarity is over content
  // words, lower for the same facts) is that lede reworded, counted with the reworded paragraphs,
  // not a new one (a new user's reworded copy read "new lede" beside its lede paired ~0.40).
  const [ledeOfOriginal, ledeOfCopy] = [ledeIndex(original), ledeIndex(copy)];
  const opening = blocks.find((b) => b.to.includes(ledeOfCopy));
  const keptLede = opening !== undefined && opening.from.includes(ledeOfOriginal) && (opening.reworded === true || (opening.similarity ?? 0) >= SAME_LEDE_SIMILARITY);
  if (ledeOfCopy >= 0 && ledeOfOriginal >= 0 && (!opening || opening.kind === 'added' || !keptLede)) {
    add('new-lede');
  }
  for (const block of blocks) {
    if (block.kind !== 'added') continue;
    const text = copy[block.to[0]!]!.text;
    if (QUOTE.test(text) && (OPENS_WITH_QUOTE.test(text) || /\bsaid\b/.test(text))) add('quote-added');
  }

  // The sentences found once for the kinds and the kept words (they were found twice: +20% on PAN's --json).
  const kept = keptTotals(blocks, original, copy, runs);
  const matchedCopy = wordsIn(copy, matched.flatMap((b) => b.to));
  const summary: EditSummary = {
    coverage: share(kept.from, originalWords),
    reused: share(kept.to, copyWords),
    paragraphs: { ...counts, moved },
    edits: [...edits].map(([kind, n]) => ({ kind, count: n })),
  };
  return { summary, matchedShare: copyWords === 0 ? 0 : matchedCopy / copyWords };
}

