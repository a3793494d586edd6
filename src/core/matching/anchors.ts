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
 * shingles: on PAN (3.6 million shingles, 154,000 paragraphs) about 0.25 s.
 */
import { fmix32 } from '../signing/hash.js';
import type { PairBuffer } from './pairs.js';

export const ANCHOR_MAX_PARAGRAPHS = 32;
/**
 * Anchors look for paragraphs at most 70% the size of the one they lie in: a paragraph 80%
 * inside one at most 1/0.7 its size has Jaccard >= 0.49 with it, which LSH (tuned to 0.36)
 * finds. Near-duplicates of similar size are LSH's to find.
 */
export const SMALLER_SHARE_TENTHS = 7;

/** Entries per paragraph anchor in AnchorTable.entries: item, size, which anchor (1 first, 2 last, 3 both), anchors needed. */
const ENTRY_FIELDS = 4;

/**
 * Anchors by key, in flat arrays read in order: a hash table of anchor keys, and for each key
 * shared by at most ANCHOR_MAX_PARAGRAPHS paragraphs its entries side by side, smallest
 * paragraph first, so that a container reads one short run and stops at the first paragraph
 * too large to lie in it. (A linked list per key in separate arrays cost a cache miss per field
 * per entry: 2.7 times slower on PAN.)
 */
interface AnchorTable {
  mask: number;
  slotKey: Uint32Array;
  /** Paragraphs per key; 0: an empty slot. */
  slotCount: Int32Array;
  /** Each slot's entries: entries[ENTRY_FIELDS * start[slot] ...], ENTRY_FIELDS * end[slot]. */
  start: Int32Array;
  end: Int32Array;
  entries: Int32Array;
  /** A bitmap of usable anchor keys: most shingles are no anchor, and one bit test turns them away. */
  seen: Int32Array;
  seenMask: number;
}

function slotOf(table: Pick<AnchorTable, 'mask' | 'slotKey' | 'slotCount'>, key: number): number {
  let slot = fmix32(key) & table.mask;
  while (table.slotCount[slot] !== 0 && table.slotKey[slot] !== key) slot = (slot + 1) & table.mask;
  return slot;
}

/**
 * The bitmap's size: about eight bits per anchor (a shingle passes by chance one time in eight
 * or less), and at most 2^22 bits (512 KB, within a core's L2 cache here: 2^24 bits were
 * slower for the misses).
 */
function seenBits(anchorCount: number): number {
  let bits = 1 << 16;
  while (bits < anchorCount * 8 && bits < 1 << 22) bits *= 2;
  return bits;
}

function buildAnchorTable(sets: ShingleSets, anchors: Uint32Array): AnchorTable {
  const items = anchors.length >> 1;
  let capacity = 16;
  while (capacity < items * 4) capacity *= 2;
  const mask = capacity - 1;
  const slotKey = new Uint32Array(capacity);
  const slotCount = new Int32Array(capacity);
  const keyTable = { mask, slotKey, slotCount };
  const slotsOf = new Int32Array(items * 2).fill(-1);
  for (let i = 0; i < items; i++) {
    const first = anchors[2 * i]!;
    const last = anchors[2 * i + 1]!;
    for (const [k, key] of [first, last].entries()) {
      if (k === 1 && key === first) break;
      const slot = slotOf(keyTable, key);
      slotKey[slot] = key;
      slotCount[slot]!++;
      slotsOf[2 * i + k] = slot;
    }
  }
  // Offsets of the usable keys' runs, and the bitmap of usable keys.
  const bits = seenBits(items * 2);
  const seen = new Int32Array(bits >>> 5);
  const seenMask = bits - 1;
  const start = new Int32Array(capacity);
  let total = 0;
  for (let slot = 0; slot < capacity; slot++) {
    start[slot] = total;
    const count = slotCount[slot]!;
    if (count === 0 || count > ANCHOR_MAX_PARAGRAPHS) continue;
    total += count;
    const key = slotKey[slot]!;
    seen[(key & seenMask) >>> 5]! |= 1 << (key & 31);
  }
  const end = start.slice();
  const entries = new Int32Array(total * ENTRY_FIELDS);
  const usable = (slot: number): boolean => slot !== -1 && slotCount[slot]! <= ANCHOR_MAX_PARAGRAPHS;
  for (let i = 0; i < items; i++) {
    const firstSlot = slotsOf[2 * i]!;
    const lastSlot = slotsOf[2 * i + 1]!;
    // The anchors a paragraph needs found: the usable ones. One opening with a common phrase
    // ("how is the") is found by its last shingle alone.
    const needed = lastSlot === -1 ? (usable(firstSlot) ? 3 : 0) : (usable(firstSlot) ? 1 : 0) | (usable(lastSlot) ? 2 : 0);
    if (needed === 0) continue;
    const place = (slot: number, which: number): void => {
      const at = ENTRY_FIELDS * end[slot]!++;
      entries[at] = i;
      entries[at + 1] = sets.start[i + 1]! - sets.start[i]!;
      entries[at + 2] = which;
      entries[at + 3] = needed;
    };
    if (usable(firstSlot)) place(firstSlot, lastSlot === -1 ? 3 : 1);
    if (usable(lastSlot)) place(lastSlot, 2);
  }
  for (let slot = 0; slot < capacity; slot++) sortRunBySize(entries, start[slot]!, end[slot]!);
  return { mask, slotKey, slotCount, start, end, entries, seen, seenMask };
}

/** Insertion sort of one key's entries (at most ANCHOR_MAX_PARAGRAPHS) by paragraph size. */
function sortRunBySize(entries: Int32Array, from: number, to: number): void {
  for (let x = from + 1; x < to; x++) {
    for (let y = x; y > from && entries[ENTRY_FIELDS * (y - 1) + 1]! > entries[ENTRY_FIELDS * y + 1]!; y--) {
      for (let f = 0; f < ENTRY_FIELDS; f++) {
        const a = ENTRY_FIELDS * y + f;
        const b = a - ENTRY_FIELDS;
        const kept = entries[a]!;
        entries[a] = entries[b]!;
        entries[b] = kept;
      }
    }
  }
}

/** Sorted shingle sets one after another: item i's are `data[start[i]]` to `data[start[i + 1] - 1]`. */
export interface ShingleSets {
  data: Uint32Array;
  start: Uint32Array;
}

/**
 * Adds a pair for every paragraph whose anchors (first and last shingle, those usable) appear
 * in another paragraph at least 1/0.7 its size. `anchors` holds two shingles per item.
 */
export function addAnchorPairs(sets: ShingleSets, anchors: Uint32Array, pairs: PairBuffer): void {
  const table = buildAnchorTable(sets, anchors);
  const { entries, start, end, seen, seenMask, slotCount, slotKey, mask } = table;
  const { data } = sets;
  const items = anchors.length >> 1;
  // Per paragraph: the container it was last seen in, times 4, plus the anchors found there;
  // no clearing between containers.
  const state = new Int32Array(items).fill(-1);
  for (let container = 0; container < items; container++) {
    const from = sets.start[container]!;
    const to = sets.start[container + 1]!;
    const largest = ((to - from) * SMALLER_SHARE_TENTHS) / 10;
    for (let k = from; k < to; k++) {
      const shingle = data[k]!;
      if ((seen[(shingle & seenMask) >>> 5]! & (1 << (shingle & 31))) === 0) continue;
      let slot = fmix32(shingle) & mask;
      while (slotCount[slot] !== 0 && slotKey[slot] !== shingle) slot = (slot + 1) & mask;
      const last = ENTRY_FIELDS * end[slot]!;
      for (let e = ENTRY_FIELDS * start[slot]!; e < last; e += ENTRY_FIELDS) {
        if (entries[e + 1]! > largest) break;
        const item = entries[e]!;
        if (item === container) continue;
        const was = state[item]!;
        const before = was >> 2 === container ? was & 3 : 0;
        const found = before | entries[e + 2]!;
        state[item] = container * 4 + found;
        const want = entries[e + 3]!;
        if ((found & want) === want && (before & want) !== want) pairs.add(item, container);
      }
    }
  }
}
