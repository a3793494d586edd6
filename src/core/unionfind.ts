/** Disjoint sets over 0..n-1 with path halving and union by size (Tarjan 1975). */
export class UnionFind {
  private readonly parent: Uint32Array;
  private readonly size: Uint32Array;

  constructor(count: number) {
    this.parent = new Uint32Array(count);
    this.size = new Uint32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(item: number): number {
    let x = item;
    while (this.parent[x] !== x) {
      const grandparent = this.parent[this.parent[x]!]!;
      this.parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /**
   * Makes each of `items` a set of its own again: a union-find over a large range reused for
   * small groups of it, one after another (scan/clusters.ts, markFills). `items` must hold every
   * item joined since the last reset.
   */
  reset(items: Iterable<number>): void {
    for (const item of items) {
      this.parent[item] = item;
      this.size[item] = 1;
    }
  }

  /** Joins the sets of a and b; returns false when they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}
