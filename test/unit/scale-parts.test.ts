/**
 * The small rules of sign/join/report (issue 10): the shard rule is stable and splits files
 * about evenly; hashes keep their bits through the signed columns; the join's measures from
 * counts are exactly the scan's from sets; the SQL files fill every parameter they use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlap, toSortedSet } from '../../src/core/matching/overlap.js';
import { fnv1a, shardOf } from '../../src/engine/parquet/sign.js';
import { bigintToKey, keyToBigint, toSigned } from '../../src/engine/parquet/numbers.js';
import { overlapOfCounts } from '../../src/engine/parquet/pairs.js';
import { statement, type SqlName } from '../../src/engine/parquet/sql.js';
import { repoRoot } from '../helpers/cli.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the shard rule', () => {
  it('is FNV-1a of the UTF-8 path: the published test vectors, and any machine gets the same shard', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(shardOf('archive/2024/a.txt', 8)).toBe((fnv1a('archive/2024/a.txt') % 8) + 1);
    expect(shardOf('é.txt', 3)).toBe((fnv1a('é.txt') % 3) + 1);
  });

  it('puts every path in exactly one shard of n, about evenly', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) {
      const shard = shardOf(`corpus/outlet-${i % 24}/story-${i}.txt`, 8);
      expect(shard).toBeGreaterThanOrEqual(1);
      expect(shard).toBeLessThanOrEqual(8);
      counts[shard - 1]!++;
    }
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});

describe('hashes in signed columns', () => {
  it('a text key goes to a signed 64-bit value and back, high half first', () => {
    const next = random(7);
    for (let i = 0; i < 1000; i++) {
      const high = Math.floor(next() * 2 ** 32);
      const low = Math.floor(next() * 2 ** 32);
      expect(bigintToKey(keyToBigint(high, low))).toEqual([high, low]);
    }
    expect(keyToBigint(0xffffffff, 0xffffffff)).toBe(-1n);
    expect(keyToBigint(0, 1)).toBe(1n);
    expect(keyToBigint(1, 0)).toBe(2n ** 32n);
  });

  it('32-bit hashes become INTEGERs with the same bits', () => {
    const values = Uint32Array.from([0, 1, 0x7fffffff, 0x80000000, 0xffffffff]);
    const signed = toSigned(values);
    expect(signed).toEqual([0, 1, 0x7fffffff, -0x80000000, -1]);
    expect(Uint32Array.from(signed)).toEqual(values);
  });
});

describe('measures from counts', () => {
  it('are exactly those of the sets (the same doubles)', () => {
    const next = random(11);
    for (let trial = 0; trial < 2000; trial++) {
      const universe = 5 + Math.floor(next() * 200);
      const pick = (): Uint32Array => toSortedSet(Uint32Array.from({ length: 1 + Math.floor(next() * 60) }, () => Math.floor(next() * universe)));
      const [a, b] = [pick(), pick()];
      const common = a.filter((x) => b.includes(x)).length;
      expect(overlapOfCounts(common, a.length, b.length)).toEqual(overlap(a, b));
    }
  });
});

describe('sql/', () => {
  const names = readdirSync(path.join(repoRoot, 'sql'))
    .filter((name) => name.endsWith('.sql'))
    .map((name) => name.slice(0, -4) as SqlName);
  const parameters = { bucket_window: 64, anchor_max_paragraphs: 32, smaller_share_tenths: 7, threshold: 0.5, containment: 0.8 };

  it('every statement gets every parameter it names, and is one SELECT (or WITH ... SELECT)', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const sql = statement(name, parameters);
      expect(sql).not.toMatch(/\$\{/);
      const code = sql.replace(/--.*$/gm, '').trim();
      expect(code).toMatch(/^(SELECT|WITH)\b/);
      expect(code).not.toContain(';');
    }
  });

  it('names a parameter it is not given as an error', () => {
    expect(() => statement('band_pairs', {})).toThrow(/bucket_window/);
  });

  it('keeps to constructs both DuckDB and Spark SQL document (no DuckDB-only syntax)', () => {
    const duckdbOnly = [/::/, /\bEXCLUDE\b/i, /\bQUALIFY\b/i, /\blist_\w+\(/i, /\bunnest\(/i, /\bDISTINCT ON\b/i, /\/\//, /\bCOLUMNS\(/i];
    for (const name of names) {
      const code = readFileSync(path.join(repoRoot, 'sql', `${name}.sql`), 'utf8').replace(/--.*$/gm, '');
      for (const pattern of duckdbOnly) expect(code, `${name}.sql: ${pattern}`).not.toMatch(pattern);
    }
  });
});
