/**
 * Densification in WebAssembly (signing/densify.wat) gives the signatures the JavaScript walk
 * gives, bit for bit, for every set size and signature size; and the module the core embeds is
 * the one its source assembles to.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmix32 } from '../../src/core/signing/hash.js';
import { MinHasher } from '../../src/core/signing/minhash.js';
import { repoRoot } from '../helpers/cli.js';

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = fmix32(state + 0x9e3779b9));
}

/** Signatures of random sets of 1 to maxWords shingles, each signed both ways; the first disagreement, or null. */
function firstDisagreement(size: number, seed: number, maxWords: number, sets: number): string | null {
  const next = generator(seed * 7919 + size);
  const withWasm = new MinHasher(size, seed);
  const plain = new MinHasher(size, seed, 'javascript');
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  for (let s = 0; s < sets; s++) {
    const count = 1 + (next() % maxWords);
    const lo = Uint32Array.from({ length: count }, next);
    // Some sets put several shingles in one bin, as real ones do.
    const hi = Uint32Array.from({ length: count }, (_, i) => (i > 0 && next() % 4 === 0 ? next() & 0xff : next()));
    // Only the first `bins` are filled in (LSH reads bands x rows): the rest must stay as they were.
    const bins = size - (s % 9);
    a.fill(s);
    b.fill(s);
    withWasm.signInto(lo, hi, count, a, bins);
    plain.signInto(lo, hi, count, b, bins);
    for (let i = 0; i < size; i++) if (a[i] !== b[i]) return `size ${size}, ${count} shingles, bin ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}

describe('densification in WebAssembly', () => {
  it('gives the same signatures as the JavaScript walk, from one shingle to hundreds', () => {
    for (const size of [128, 16, 64, 200, 256]) {
      expect(firstDisagreement(size, 1, 12, 3000)).toBeNull(); // the channel's content-word sets and short lines
      expect(firstDisagreement(size, 0x5bd1e995, 80, 2000)).toBeNull(); // paragraphs: up to the plane's limit
      expect(firstDisagreement(size, 3, 400, 300)).toBeNull(); // long paragraphs: past it, the walk
    }
  });

  it('serves signatures of up to 256 bins, in multiples of 8, and leaves the others to JavaScript', () => {
    const plane = (size: number): boolean => (new MinHasher(size, 1) as unknown as { plane: unknown }).plane !== null;
    expect([16, 128, 256].map(plane)).toEqual([true, true, true]);
    expect([100, 264, 1024].map(plane)).toEqual([false, false, false]);
    expect((new MinHasher(128, 1, 'javascript') as unknown as { plane: unknown }).plane).toBeNull();
    // The sizes JavaScript keeps still sign (numHashes 16..1024 are allowed).
    expect(firstDisagreement(100, 1, 40, 200)).toBeNull();
  });

  it('embeds the module densify.wat assembles to (npm run build:wasm)', () => {
    const check = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stdout).toBe('minhash-wasm.ts is densify.wat assembled\n');
    expect(check.status).toBe(0);
  });
});
