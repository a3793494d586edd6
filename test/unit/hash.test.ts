/**
 * Golden values: the hashes are part of the index format and of every reported similarity.
 * If one of these changes, signatures stored by an older version no longer match: bump the
 * index format and say so in the changelog, do not just update the numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fmix32, loadXXHash, TokenHasher } from '../../src/core/signing/hash.js';
import { bandKeys } from '../../src/core/matching/lsh.js';
import { MinHasher } from '../../src/core/signing/minhash.js';
import { tokenize } from '../../src/core/text/normalize.js';
import { createSigner } from '../../src/core/signing/signer.js';
import { resolveOptions } from '../../src/core/options.js';
import { archivedContent, ContentWordSigner } from '../../src/core/rewrite/channel.js';
import { stopTokens } from '../../src/core/rewrite/stopwords.js';

const hex = (values: ArrayLike<number>) => Array.from(values, (v) => v.toString(16).padStart(8, '0'));

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = new TokenHasher(await loadXXHash(), 1);
});

describe('golden hash values', () => {
  it('xxh64 of a token (xxhash-wasm, seed 1)', async () => {
    const api = await loadXXHash();
    expect(api.h64('north', 1n).toString(16)).toBe('a6e1c6292b7849e8');
    expect(hex(hasher.tokenHash('north'))).toEqual(['2b7849e8', 'a6e1c629']);
  });

  it('shingle hashes, text key, MinHash signature and band keys of a lede', () => {
    const { tokens } = tokenize('US and South Korean officials said Wednesday');
    const shingles = hasher.shingles(tokens, 3);
    expect(hex(shingles.lo)).toEqual(['72b2053c', '00218def', 'a59dbd7f', 'e31fd3c0', 'cb43698f']);
    expect(hex(shingles.hi)).toEqual(['def31442', 'eb03ad0a', 'af1c3df2', 'cdf48c5d', '64dbe4fb']);
    expect(hasher.textKey(tokens)).toBe('354630ecf40fb041');
    const signature = new MinHasher(128, 1).sign(shingles)!;
    expect(hex(signature.subarray(0, 8))).toEqual(['a59dbd7f', '72b2053c', '72b2053c', '72b2053c', '72b2053c', '00218def', '00218def', 'e31fd3c0']);
    expect(hex(bandKeys(signature, { bands: 4, rows: 3 }))).toEqual(['cfbc09a6', 'ce5444c2', '9b7cf874', 'b0be7bf3']);
  });

  it("the index's content words and content keys of a paragraph (index schema 3: a change needs a new schema that keys content_keys again)", async () => {
    const doc = (await createSigner(resolveOptions({}))).prepare({ id: 'a.txt', text: 'The regional water authority on Thursday awarded a flood barrier contract.\n' });
    const archived = archivedContent(new ContentWordSigner(1, stopTokens(1)), doc, 0)!;
    expect(hex(archived.content)).toEqual(['04d944ae', '44c4378e', '4e48c343', '50697fa0', '7dcc85b1', '9f5959d0', 'c456cc5b', 'd4210e72']);
    expect(hex(archived.keys)).toEqual([
      'ea5fa498', '3eede3c8', '326583ad', 'cab1b70a', '7e66475a', '56317618', '8f13279b', '0a1d990b',
      '05e9586e', 'ee81145a', '6919ee0c', 'fd0f928d', '5d4f535f', '57118fb5', '88c780f5', 'a5cf7838',
    ]);
  });

  it('fmix32 is MurmurHash3 finaliser', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1).toString(16)).toBe('514e28b7');
  });
});

describe('hash properties', () => {
  it('depends on word order and on the seed', async () => {
    const a = hasher.shingles(['a', 'b', 'c'], 3).lo[0];
    const b = hasher.shingles(['b', 'a', 'c'], 3).lo[0];
    expect(a).not.toBe(b);
    const other = new TokenHasher(await loadXXHash(), 2);
    expect(other.shingles(['a', 'b', 'c'], 3).lo[0]).not.toBe(a);
  });

  it('memoises tokens: the vocabulary grows with distinct tokens only', async () => {
    const fresh = new TokenHasher(await loadXXHash(), 7);
    fresh.shingles(['the', 'cat', 'the', 'cat', 'the'], 2);
    expect(fresh.vocabularySize).toBe(2);
  });

  it('text keys differ for different token sequences of the same multiset', () => {
    expect(hasher.textKey(['a', 'b'])).not.toBe(hasher.textKey(['b', 'a']));
    expect(hasher.textKey(['ab'])).not.toBe(hasher.textKey(['a', 'b']));
  });
});
