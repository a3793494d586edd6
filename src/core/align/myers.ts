/**
 * The shortest edit script between two sequences: Myers' O(ND) difference algorithm (E. W.
 * Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1, 1986), for the
 * word operations of worddiff.ts.
 *
 * Of the many shortest scripts, it returns the one jsdiff's `diffArrays` (the `diff` package,
 * 8.x, which the word diffs used before) returns, so that reports did not change
 * (test/unit/myers.test.ts compares the two): on each diagonal the path is extended from the
 * neighbouring diagonal whose path, after the step, ends further into the old sequence (an
 * insertion when both end as far); diagonals past the edit graph's right or bottom edge are no
 * longer tried (jsdiff's pruning, which keeps an appended tail linear); the script is made of
 * runs of equal, inserted and deleted items, a run growing while the same kind repeats.
 *
 * Why not jsdiff itself: it keeps its furthest paths in a JavaScript array indexed by negative
 * diagonals (a dictionary, not an array, to the engine), makes an object per step and asks the
 * clock once per edit length; here paths and runs live in typed arrays reused from call to call.
 * On PAN's --json report the diffs took 0.7 s in jsdiff (npm run bench:pan).
 */

/** A run of the script: EQUAL items kept, INSERTED items of the new sequence, DELETED items of the old. */
export const EQUAL = 0;
export const INSERTED = 1;
export const DELETED = 2;
export type RunKind = typeof EQUAL | typeof INSERTED | typeof DELETED;

/** An edit script: `count` runs, run r of kind `kinds[r]` and `lengths[r]` items (views, valid until the next call). */
export interface EditScript {
  count: number;
  kinds: Uint8Array;
  lengths: Int32Array;
}

/**
 * Runs kept before unreached ones are dropped (makeRoom), below which growing is cheaper; and
 * scratch space larger than this is let go once a script is made, not kept for the next call.
 */
const COMPACT_MIN_RUNS = 1 << 16;

/** Shortest edit scripts, with scratch space kept between calls. */
export class SequenceDiffer {
  /** Per diagonal (offset by `offset`): the furthest old position reached (-2: no path; -1 is a position), and the last run of its path. */
  private furthest = new Int32Array(64);
  private lastRun = new Int32Array(64);
  /** Runs of every path tried, as a persistent list: kind, length, the run before. */
  private runKind = new Uint8Array(256);
  private runLength = new Int32Array(256);
  private runPrevious = new Int32Array(256);
  private runs = 0;
  /** The diagonals of the current call: the first `diagonals` entries of `furthest` and `lastRun`. */
  private diagonals = 0;
  private outKinds = new Uint8Array(64);
  private outLengths = new Int32Array(64);

  /** The script turning `from` into `to`, items compared with ===. */
  diff<T>(from: ArrayLike<T>, to: ArrayLike<T>): EditScript {
    const oldLength = from.length;
    const newLength = to.length;
    const offset = oldLength + newLength + 1;
    if (this.furthest.length < 2 * offset + 1) {
      this.furthest = new Int32Array(2 * (2 * offset + 1));
      this.lastRun = new Int32Array(2 * (2 * offset + 1));
    }
    const { furthest, lastRun } = this;
    this.diagonals = 2 * offset + 1;
    furthest.fill(-2, 0, this.diagonals);
    this.runs = 0;
    // The furthest point on diagonal 0 with no edit: the common start.
    let oldPos = this.follow(from, to, -1, 0, -1);
    let last = this.followed;
    if (oldPos + 1 >= oldLength && oldPos + 1 >= newLength) return this.script(last);
    furthest[offset] = oldPos;
    lastRun[offset] = last;
    let lowest = -Infinity;
    let highest = Infinity;
    for (let edits = 1; edits <= oldLength + newLength; edits++) {
      for (let diagonal = Math.max(lowest, -edits); diagonal <= Math.min(highest, edits); diagonal += 2) {
        const removeAt = offset + diagonal - 1;
        const addAt = offset + diagonal + 1;
        const removeOld = furthest[removeAt]!;
        const addOld = furthest[addAt]!;
        // A path read here as the one to delete from is not read again.
        if (removeOld !== -2) furthest[removeAt] = -2;
        const canAdd = addOld !== -2 && addOld - diagonal >= 0 && addOld - diagonal < newLength;
        const canRemove = removeOld !== -2 && removeOld + 1 < oldLength;
        if (!canAdd && !canRemove) {
          furthest[offset + diagonal] = -2;
          continue;
        }
        let baseOld: number;
        let baseRun: number;
        if (!canRemove || (canAdd && removeOld < addOld)) {
          baseOld = addOld;
          baseRun = this.extend(lastRun[addAt]!, INSERTED);
        } else {
          baseOld = removeOld + 1;
          baseRun = this.extend(lastRun[removeAt]!, DELETED);
        }
        oldPos = this.follow(from, to, baseOld, diagonal, baseRun);
        last = this.followed;
        const newPos = oldPos - diagonal;
        if (oldPos + 1 >= oldLength && newPos + 1 >= newLength) return this.script(last);
        furthest[offset + diagonal] = oldPos;
        lastRun[offset + diagonal] = last;
        if (oldPos + 1 >= oldLength) highest = Math.min(highest, diagonal - 1);
        if (newPos + 1 >= newLength) lowest = Math.max(lowest, diagonal + 1);
      }
    }
    throw new Error('SequenceDiffer: no script within oldLength + newLength edits (cannot happen)');
  }

  /** The last run of the path `follow` extended last. */
  private followed = -1;

  /**
   * Follows diagonal `diagonal` from old position `oldPos` while the items agree and returns
   * where it stops; a run of them ends the path (`followed`).
   */
  private follow<T>(from: ArrayLike<T>, to: ArrayLike<T>, oldPos: number, diagonal: number, run: number): number {
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < to.length && oldPos + 1 < from.length && from[oldPos + 1] === to[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    this.followed = common > 0 ? this.push(EQUAL, common, run) : run;
    return oldPos;
  }

  /** The path ending in run `run`, one item of `kind` longer: its last run grows when of that kind. */
  private extend(run: number, kind: RunKind): number {
    if (run >= 0 && this.runKind[run] === kind) return this.push(kind, this.runLength[run]! + 1, this.runPrevious[run]!);
    return this.push(kind, 1, run);
  }

  private push(kind: RunKind, length: number, previous: number): number {
    if (this.runs === this.runKind.length) previous = this.makeRoom(previous);
    const at = this.runs++;
    this.runKind[at] = kind;
    this.runLength[at] = length;
    this.runPrevious[at] = previous;
    return at;
  }

  /**
   * Room for another run, the list full: the runs no path reaches any more are dropped when there
   * are many (a path left behind keeps its runs otherwise; two unrelated 2,000-word texts made 4
   * million), and the list grows when most are still reached. Returns where run `keep` (the run
   * being extended) now is.
   */
  private makeRoom(keep: number): number {
    if (this.runs >= COMPACT_MIN_RUNS) {
      keep = this.compact(keep);
      if (this.runs <= this.runKind.length / 2) return keep;
    }
    const size = this.runKind.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.runKind);
    const lengths = new Int32Array(size);
    lengths.set(this.runLength);
    const previouses = new Int32Array(size);
    previouses.set(this.runPrevious);
    [this.runKind, this.runLength, this.runPrevious] = [kinds, lengths, previouses];
    return keep;
  }

  /**
   * Keeps only the runs on the paths of the diagonals (and of run `keep`), in their order; a run's
   * previous run was made before it, so moving them down in order moves each after its previous.
   * Returns where `keep` now is.
   */
  private compact(keep: number): number {
    const moved = new Int32Array(this.runs).fill(-1);
    const mark = (run: number): void => {
      for (let r = run; r >= 0 && moved[r] === -1; r = this.runPrevious[r]!) moved[r] = 0;
    };
    mark(keep);
    for (let d = 0; d < this.diagonals; d++) if (this.furthest[d] !== -2) mark(this.lastRun[d]!);
    let live = 0;
    for (let r = 0; r < this.runs; r++) {
      if (moved[r] === -1) continue;
      const previous = this.runPrevious[r]!;
      this.runKind[live] = this.runKind[r]!;
      this.runLength[live] = this.runLength[r]!;
      this.runPrevious[live] = previous >= 0 ? moved[previous]! : -1;
      moved[r] = live++;
    }
    this.runs = live;
    for (let d = 0; d < this.diagonals; d++) if (this.furthest[d] !== -2) this.lastRun[d] = moved[this.lastRun[d]!]!;
    return keep >= 0 ? moved[keep]! : -1;
  }

  /** The runs of the path ending in `last`, first to last. */
  private script(last: number): EditScript {
    let count = 0;
    for (let run = last; run >= 0; run = this.runPrevious[run]!) count++;
    if (this.outKinds.length < count) {
      this.outKinds = new Uint8Array(count * 2);
      this.outLengths = new Int32Array(count * 2);
    }
    let at = count;
    for (let run = last; run >= 0; run = this.runPrevious[run]!) {
      at--;
      this.outKinds[at] = this.runKind[run]!;
      this.outLengths[at] = this.runLength[run]!;
    }
    if (this.runKind.length > COMPACT_MIN_RUNS) {
      // A long diff's scratch is let go: a thread keeps what typical paragraphs need.
      [this.runKind, this.runLength, this.runPrevious] = [new Uint8Array(256), new Int32Array(256), new Int32Array(256)];
      [this.furthest, this.lastRun] = [new Int32Array(64), new Int32Array(64)];
    }
    return { count, kinds: this.outKinds.subarray(0, count), lengths: this.outLengths.subarray(0, count) };
  }
}
