/**
 * The channel's signing (core/rewrite/channel.ts, signChannel) writes each signed item's band
 * keys into band-major columns a block of items at a time: every item's keys there must be the
 * keys its own content-word set gives, across block boundaries and with items left unsigned
 * (too few content words) between signed ones.
 */
import { describe, expect, it } from 'vitest';
import { random as seeded } from '../helpers/articles.js';
import { archiveSigner, channelPairs, CHANNEL_MIN_WORDS, ContentWordSigner, signChannel, type ChannelPairs, type ChannelSource } from '../../src/core/rewrite/channel.js';
import { stopTokens } from '../../src/core/rewrite/stopwords.js';

const SEED = 7;

/** `count` items of random token hashes; every seventh has too few to be signed. */
function source(count: number): ChannelSource {
  const random = seeded(3);
  const items = Array.from({ length: count }, (_, k) => {
    const length = k % 7 === 3 ? CHANNEL_MIN_WORDS - 1 : 5 + Math.floor(random() * 40);
    return Uint32Array.from({ length }, () => Math.floor(random() * 5000) + 1);
  });
  return {
    variants: Int32Array.from({ length: count }, (_, k) => 10 + k),
    soleDocument: Int32Array.from({ length: count }, (_, k) => k % 5),
    keyHigh: Uint32Array.from({ length: count }, (_, k) => k * 7919),
    keyLow: Uint32Array.from({ length: count }, (_, k) => k),
    tokensOf: (k) => items[k]!,
    tokenCount: items.reduce((sum, item) => sum + item.length, 0),
    common: new Uint32Array(0),
    seed: SEED,
  };
}

describe('signChannel', () => {
  it('gives every signed item the band keys of its own content words, in band-major columns', () => {
    const input = source(1000);
    const signed = signChannel(input);
    const signer: ContentWordSigner = archiveSigner(SEED);
    expect(signer.banding.bands).toBeGreaterThan(1);
    const contentSigner = new ContentWordSigner(SEED, stopTokens(SEED));
    let item = 0;
    for (let k = 0; k < input.variants.length; k++) {
      const found = contentSigner.contentOf(input.tokensOf(k));
      const content = found && found.slice();
      if (content === null) continue;
      expect(signed.variants[item]).toBe(input.variants[k]);
      expect(signed.soleDocument[item]).toBe(input.soleDocument[k]);
      expect([...signed.sets.subarray(signed.setAt[item], signed.setAt[item + 1])]).toEqual([...content]);
      const keys = [...signer.keysOf(content)];
      const columns = keys.map((_, band) => signed.keys[band * signed.stride + item]);
      expect(columns).toEqual(keys);
      item++;
    }
    // Items were left out (too few words), and more were signed than one block holds.
    expect(item).toBeLessThan(input.variants.length);
    expect(item).toBeGreaterThan(600);
    expect(signed.variants.length).toBe(item);
  });
});

/** `families` groups of five items, each its family's 20 words with 3 of them changed: pairs the channel finds. */
function familySource(families: number): ChannelSource {
  const random = seeded(5);
  const items: Uint32Array[] = [];
  for (let f = 0; f < families; f++) {
    const base = Array.from({ length: 20 }, () => Math.floor(random() * 100_000) + 1);
    for (let m = 0; m < 5; m++) {
      const words = [...base];
      for (let c = 0; c < 3; c++) words[Math.floor(random() * words.length)] = Math.floor(random() * 100_000) + 1;
      items.push(Uint32Array.from(words));
    }
  }
  return {
    variants: Int32Array.from(items, (_, k) => 10 + k),
    soleDocument: Int32Array.from(items, (_, k) => k),
    keyHigh: Uint32Array.from(items, (_, k) => k * 7919),
    keyLow: Uint32Array.from(items, (_, k) => k),
    tokensOf: (k) => items[k]!,
    tokenCount: items.reduce((sum, item) => sum + item.length, 0),
    common: new Uint32Array(0),
    seed: SEED,
  };
}

/** A channel's pairs as variant pairs, each with whether it is strong. */
function variantPairs(channel: ChannelPairs): string[] {
  const count = channel.variants.length;
  return [...channel.pairs].map((packed, k) => `${channel.variants[Math.floor(packed / count)]}-${channel.variants[packed % count]}${channel.strong[k] === 1 ? ' strong' : ''}`);
}

describe('channelPairs with the matched variants known', () => {
  it('finds the pairs it finds without them, less those of two matched variants', () => {
    const input = familySource(60);
    // Every third variant has a match already.
    const matched = Uint8Array.from({ length: 10 + input.variants.length }, (_, v) => (v % 3 === 0 ? 1 : 0));
    const all = variantPairs(channelPairs(input));
    const bothMatched = (pair: string): boolean => pair.split(' ')[0]!.split('-').every((v) => matched[Number(v)] === 1);
    const kept = variantPairs(channelPairs({ ...input, matched }));
    expect(kept).toEqual(all.filter((pair) => !bothMatched(pair)));
    // Pairs of both kinds were there to keep and to leave out.
    expect(kept.length).toBeGreaterThan(50);
    expect(all.length - kept.length).toBeGreaterThan(10);
  });
});
