/**
 * The join's connected components (sql/components_*.sql: large-star and small-star, Kiveris
 * et al. 2014, run in DuckDB) are the components union-find finds over the same verified
 * pairs: every pair's two variants in one component, named by its smallest item, and no two
 * components joined by a pair.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Duck, literal } from '../../src/engine/parquet/duck.js';
import { components } from '../../src/engine/parquet/join.js';
import { statement } from '../../src/engine/parquet/sql.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';

/** The smallest item of each set, by union-find over `pairs`. */
function unionFind(pairs: ReadonlyArray<[number, number]>): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    // The smaller root wins, so each set's root is its smallest item.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  return new Map([...parent.keys()].map((x) => [x, find(x)]));
}

describe('connected components in SQL', () => {
  it('are union-find components of the verified pairs (all fixtures, three shards)', async () => {
    const out = path.join(tempDir(), 'signed');
    for (const n of [1, 2, 3]) expect((await runInProcess(['sign', 'fixtures', '--out', out, '--shard', `${n}/3`], { cwd: repoRoot })).code).toBe(0);
    const joined = await runInProcess(['join', out], { cwd: repoRoot });
    expect(joined.code).toBe(0);
    // The line's counts read as what they are: distinct pairs, and how often bands and anchors proposed them.
    const [, distinct, proposed, byBands, byAnchors] = /([\d,]+) distinct candidate pairs \(proposed ([\d,]+) times: ([\d,]+) by bands, ([\d,]+) by anchors\)/.exec(joined.stderr + joined.stdout)!.map((n) => Number(n.replaceAll(',', '')));
    expect(proposed).toBe(byBands! + byAnchors!);
    expect(distinct).toBeLessThanOrEqual(proposed!);
    const duck = await Duck.open({ memoryLimit: '256MB', threads: 1, tempDirectory: tempDir() });
    try {
      const pairs = (await duck.rows(`SELECT a, b FROM read_parquet(${literal(path.join(out, 'join', 'pairs.parquet'))})`)).map((r) => [Number(r.a), Number(r.b)] as [number, number]);
      const rows = await duck.rows(`SELECT item, component FROM read_parquet(${literal(path.join(out, 'join', 'components.parquet'))})`);
      const found = new Map(rows.map((r) => [Number(r.item), Number(r.component)]));
      expect(pairs.length).toBeGreaterThan(20);
      expect(found).toEqual(unionFind(pairs));
      expect(new Set(found.values()).size).toBeGreaterThan(5);
    } finally {
      duck.close();
    }
  });

  it('settle in a few rounds on a long chain and a random graph, as union-find says', async () => {
    let state = 5;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    // A chain of 3,000 nodes numbered at random (the worst case for label propagation:
    // 3,000 rounds), and 2,000 random edges among 6,000 other nodes.
    const order = Array.from({ length: 3000 }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = next(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const pairs: Array<[number, number]> = [];
    for (let i = 1; i < order.length; i++) pairs.push([order[i - 1]!, order[i]!]);
    for (let k = 0; k < 2000; k++) pairs.push([3000 + next(6000), 3000 + next(6000)]);
    const edges = pairs.filter(([a, b]) => a !== b);
    const duck = await Duck.open({ memoryLimit: '256MB', threads: 2, tempDirectory: tempDir() });
    try {
      await duck.run('CREATE TEMP TABLE verified (a BIGINT, b BIGINT)');
      await duck.run(`INSERT INTO verified VALUES ${edges.map(([a, b]) => `(${a}, ${b})`).join(', ')}`);
      const rounds = await components(duck, (name) => statement(name, {}));
      const rows = await duck.rows(`SELECT * FROM (${statement('components', {})})`);
      const found = new Map(rows.map((r) => [Number(r.item), Number(r.component)]));
      expect(found).toEqual(unionFind(edges));
      expect(rounds).toBeLessThan(30);
    } finally {
      duck.close();
    }
  });
});

describe('sign and join with -q', () => {
  it('print their one summary line, as index add -q does (they printed nothing; found by a new user)', async () => {
    const out = path.join(tempDir(), 'signed');
    const sign = await runInProcess(['sign', path.join(repoRoot, 'fixtures/seeds'), '--out', out, '-q']);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toMatch(/^shard 1\/1: 5 files, 196 paragraphs, .* written to .*shard-00001-of-00001 in [\d.]+ s\n$/);
    const join = await runInProcess(['join', out, '-q']);
    expect(join.code).toBe(0);
    expect(join.stdout).toMatch(/^joined 1 shard: 5 documents, 196 paragraphs, .* in [\d.]+ s\n$/);
  });

  it("count paragraphs as the scan's summary does, a long one cut at its sentences once, with its pieces (they counted pieces as paragraphs; a new user)", async () => {
    const folder = path.join(repoRoot, 'fixtures/merged-long-paragraphs');
    const out = path.join(tempDir(), 'signed');
    expect((await runInProcess(['-q', folder])).stdout).toMatch(/^2 files, 7 paragraphs in 10 pieces /);
    expect((await runInProcess(['sign', folder, '--out', out, '-q'])).stdout).toMatch(/^shard 1\/1: 2 files, 7 paragraphs in 10 pieces, /);
    expect((await runInProcess(['join', out, '-q'])).stdout).toMatch(/^joined 1 shard: 2 documents, 7 paragraphs in 10 pieces, /);
  });
});
