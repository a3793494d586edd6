/**
 * Golden values of the per-paragraph hot path (segment, tokenize, token/shingle/text hashes,
 * MinHash signatures, LSH band keys), recorded before the speed work of `npm run bench`. The
 * optimisations of these modules must not change a single value: the hashes are part of the
 * index format, and the seeds' expected results depend on all of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXXHash, TokenHasher } from '../../src/core/signing/hash.js';
import { bandKeys } from '../../src/core/matching/lsh.js';
import { MinHasher } from '../../src/core/signing/minhash.js';
import { tokenize } from '../../src/core/text/normalize.js';
import { segment } from '../../src/core/text/segment.js';
import { toSortedSet } from '../../src/core/matching/overlap.js';
import { seeds } from '../helpers/fixtures.js';

/** FNV-1a style fold of 32-bit values into one. */
const mix = (acc: number, value: number): number => Math.imul(acc ^ value, 0x01000193) >>> 0;
function mixString(acc: number, text: string): number {
  let h = acc;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return mix(h, 0xffff);
}

describe('hot path golden values', () => {
  it('tokenizes as before: ASCII fast path, joiners, NFKC, Urdu, Chinese, Thai, invisible characters', async () => {
    const hasher = new TokenHasher(await loadXXHash(), 1);
    const cases: Array<[string, string[], boolean, string]> = [
      [
        'The U.S. economy grew 2.5% \u2014 \u201cthere\u2019s\u201d 10,000 jobs\u2026 Stra\u00dfe \ufb01nance \uff21\uff22\uff23',
        ['the', 'u', 's', 'economy', 'grew', '25', 'theres', '10000', 'jobs', 'strasse', 'finance', 'abc'],
        false,
        '1440aa1c7ae581ef',
      ],
      [
        "Don't stop: rock'n'roll, 3.14 and 1,000,000; a.b, 1.a, a.1, x'",
        ['dont', 'stop', 'rocknroll', '314', 'and', '1000000', 'a', 'b', '1', 'a', 'a', '1', 'x'],
        false,
        '0d7ee35228c89ba8',
      ],
      [
        '\u0648\u0632\u06cc\u0631 \u0627\u0639\u0638\u0645 \u0646\u06d2 \u06a9\u06c1\u0627 \u06a9\u06c1 \u067e\u0627\u06a9\u0633\u062a\u0627\u0646 \u0645\u06cc\u06ba \u06f1\u06f0\u06f0 \u0627\u0641\u0631\u0627\u062f',
        ['\u0648\u0632\u06cc\u0631', '\u0627\u0639\u0638\u0645', '\u0646\u06d2', '\u06a9\u06c1\u0627', '\u06a9\u06c1', '\u067e\u0627\u06a9\u0633\u062a\u0627\u0646', '\u0645\u06cc\u06ba', '\u06f1\u06f0\u06f0', '\u0627\u0641\u0631\u0627\u062f'],
        false,
        'c9b2ba8b0e02d77d',
      ],
      [
        '\u5317\u4eac\u65f6\u95f410\u670821\u65e5\uff0c\u97e9\u56fd\u56fd\u5bb6\u60c5\u62a5\u9662\u8868\u793a',
        ['\u5317', '\u4eac', '\u65f6', '\u95f4', '10', '\u6708', '21', '\u65e5', '\u97e9', '\u56fd', '\u56fd', '\u5bb6', '\u60c5', '\u62a5', '\u9662', '\u8868', '\u793a'],
        true,
        '738e4efd0e0e6a46',
      ],
      [
        'soft\u00adhyphen zero\u200bwidth \u0646\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03cc\u03c2 \u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3',
        ['softhyphen', 'zerowidth', '\u0646\u0645\u06cc\u062e\u0648\u0627\u0647\u0645', '\u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03cc\u03c3', '\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c3'],
        false,
        'd3cbb3ed64905302',
      ],
    ];
    for (const [text, tokens, unspaced, key] of cases) {
      expect(tokenize(text), text).toEqual({ tokens, unspaced });
      expect(hasher.textKey(tokens), text).toBe(key);
    }
  });

  it('hashes tokens, shingles and text as before', async () => {
    const hasher = new TokenHasher(await loadXXHash(), 1);
    const tokens = ['north', 'korean', 'troops', 'in', 'russia'];
    expect(hasher.textKey(tokens)).toBe('eb4ecef1ff7eab52');
    expect(hasher.tokenHash('korea')).toEqual([1153106929, 1931980413]);
    const shingles = hasher.shingles(tokens, 3);
    expect([...shingles.lo]).toEqual([884907742, 899972833, 1829920692]);
    expect([...shingles.hi]).toEqual([603356876, 922747752, 86831129]);
  });

  it('gives the seeds the same tokens, text keys, shingle sets, signatures and band keys as before', async () => {
    const hasher = new TokenHasher(await loadXXHash(), 1);
    const minHasher = new MinHasher(128, 1);
    const digests: Record<string, { tokens: number; tk: number; sh: number; sg: number }> = {};
    for (const file of readdirSync(seeds).sort()) {
      const text = readFileSync(path.join(seeds, file), 'utf8');
      let tk = 0x811c9dc5;
      let sh = 0x811c9dc5;
      let sg = 0x811c9dc5;
      let count = 0;
      for (const seg of segment(text).segments) {
        const { tokens } = tokenize(seg.text);
        count += tokens.length;
        for (const token of tokens) tk = mixString(tk, token);
        if (tokens.length > 0) tk = mixString(tk, hasher.textKey(tokens));
        if (tokens.length < 3) continue;
        const hashes = hasher.shingles(tokens, 3);
        for (const v of toSortedSet(hashes.lo)) sh = mix(sh, v);
        for (const v of hashes.hi) sh = mix(sh, v);
        const signature = minHasher.sign(hashes)!;
        for (const v of signature) sg = mix(sg, v);
        for (const v of bandKeys(signature, { bands: 37, rows: 3 })) sg = mix(sg, v);
      }
      digests[file.slice(0, 3)] = { tokens: count, tk, sh, sg };
    }
    expect(digests).toEqual({
      '000': { tokens: 1433, tk: 616877837, sh: 3392210608, sg: 2245050379 },
      '001': { tokens: 1635, tk: 2588795363, sh: 695312503, sg: 2175733514 },
      '002': { tokens: 721, tk: 704465012, sh: 4286882366, sg: 1747836008 },
      '003': { tokens: 1016, tk: 92490180, sh: 3825235137, sg: 3688954192 },
      '004': { tokens: 1261, tk: 3290081083, sh: 2193499877, sg: 1859691138 },
    });
  });
});
