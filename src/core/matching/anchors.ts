/**
 * Containment anchors: the candidate channel for a paragraph lying inside a larger one.
 *
 * LSH (lsh.ts) finds pairs by Jaccard similarity and cannot see a short paragraph inside a long
 * one: a heading folded into the next paragraph ("How is the West reacting?" inside 000 line 23)
 * has Jaccard 0.06 with it, and each third of a paragraph split in three about 0.25, so whether
 * LSH proposes them depends on the seed. Every paragraph's first and last shingles are its
 * anchors; a paragraph lying at least 80% inside another nearly always keeps both ends there.
 * So every shingle of every paragraph is looked up in a hash table of anchors, and a paragraph
 * with both anchors found in another is a candidate (one anchor alone proposed 80 times more
 * pairs on the BBC corpus, nearly all chance). Anchors shared by more than
 * ANCHOR_MAX_PARAGRAPHS paragraphs are common phrases ("said on Tuesday"): they are not looked
 * up, and a paragraph needs only its other anchor. Deterministic, and linear in the number of
 * shingles.
 */
import { fmix32 } from '../signing/hash.js';
import type { PairBuffer } from './pairs.js';

export const ANCHOR_MAX_PARAGRAPHS = 32;
/**
 * Anchors look for paragraphs at most 70% the size of the one they lie in: a paragraph 80%
 * inside one at most 1/0.7 its size has Jaccard >= 0.49 with it, which LSH (tuned to 0.36)
 * finds. Near-duplicates of similar size are LSH's to find.
 */
const SMALLER_SHARE_TENTHS = 7;

/**
 * Adds a pair for every paragraph whose anchor (first or last shingle) appears in another,
 * larger-or-equal paragraph. `sets[i]` are sorted shingle sets; `anchors[i]` two shingles.
 */
export function addAnchorPairs(sets: readonly Uint32Array[], anchors: readonly Uint32Array[], pairs: PairBuffer): void {
  const entries = anchors.length * 2;
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotKey = new Uint32Array(capacity);
  const slotHead = new Int32Array(capacity).fill(-1);
  const slotCount = new Int32Array(capacity);
  const entryItem = new Int32Array(entries);
  const entryNext = new Int32Array(entries);
  const slotOf = (key: number): number => {
    let slot = fmix32(key) & mask;
    while (slotHead[slot] !== -1 && slotKey[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  };
  // Most shingles are no paragraph's anchor: a bitmap of anchor keys (2^24 bits, 2 MB) turns
  // nearly all lookups away with one bit test (anchor pass at 100 MB: 2.5 s before).
  const seen = new Uint32Array(1 << 19);
  const mayBeAnchor = (key: number): boolean => (seen[(key & 0xffffff) >>> 5]! & (1 << (key & 31))) !== 0;
  let used = 0;
  anchors.forEach((pair, item) => {
    for (const key of [pair[0]!, pair[1]!]) seen[(key & 0xffffff) >>> 5]! |= 1 << (key & 31);
    const [first, last] = [pair[0]!, pair[1]!];
    for (const key of first === last ? [first] : [first, last]) {
      const slot = slotOf(key);
      slotKey[slot] = key;
      entryItem[used] = item;
      entryNext[used] = slotHead[slot]!;
      slotHead[slot] = used++;
      slotCount[slot]!++;
    }
  });
  // The anchors an item needs found: those shared by at most ANCHOR_MAX_PARAGRAPHS items. A
  // paragraph opening with a common phrase ("how is the") is then found by its last shingle.
  // The cap bounds the work: every shingle of the corpus walks at most that many entries.
  const needed = new Uint8Array(anchors.length);
  anchors.forEach((pair, item) => {
    const usable = (key: number): boolean => slotCount[slotOf(key)]! <= ANCHOR_MAX_PARAGRAPHS;
    needed[item] = (usable(pair[0]!) ? 1 : 0) | (usable(pair[1]!) ? 2 : 0);
  });
  // Sizes and anchors in flat arrays: the loop below visits items at random.
  const sizeOf = Uint32Array.from(sets, (set) => set.length);
  const firstAnchor = Uint32Array.from(anchors, (pair) => pair[0]!);
  const lastAnchor = Uint32Array.from(anchors, (pair) => pair[1]!);
  // Anchors of each item found so far in the current container (bit 1 first, bit 2 last),
  // valid where foundIn[item] is the current container: no clearing between containers.
  const foundBits = new Uint8Array(anchors.length);
  const foundIn = new Int32Array(anchors.length).fill(-1);
  sets.forEach((set, container) => {
    const largest = (set.length * SMALLER_SHARE_TENTHS) / 10;
    for (const shingle of set) {
      if (!mayBeAnchor(shingle)) continue;
      const slot = slotOf(shingle);
      if (slotHead[slot] === -1 || slotCount[slot]! > ANCHOR_MAX_PARAGRAPHS) continue;
      for (let entry = slotHead[slot]!; entry !== -1; entry = entryNext[entry]!) {
        const item = entryItem[entry]!;
        if (item === container || needed[item] === 0 || sizeOf[item]! > largest) continue;
        const before = foundIn[item] === container ? foundBits[item]! : 0;
        const bits = before | (firstAnchor[item] === shingle ? 1 : 0) | (lastAnchor[item] === shingle ? 2 : 0);
        foundIn[item] = container;
        foundBits[item] = bits;
        const want = needed[item]!;
        if ((bits & want) === want && (before & want) !== want) pairs.add(item, container);
      }
    }
  });
}
