/**
 * A split whose second part was reworded (core/align/align.ts, rewordedSplits;
 * fixtures/reworded-split): a bulletin cut the wire's lede in two and retold its second half.
 * `dedupe diff` and the scan's group line call it a split, not an edited lede beside an added
 * paragraph and a "new lede" (a new user's trial found both).
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const WIRE = 'fixtures/reworded-split/wire.txt';
const BULLETIN = 'fixtures/reworded-split/bulletin.txt';

describe("a wire story's lede split in two, its second half retold", () => {
  it('is one split block in dedupe diff, reworded, with the words changed', async () => {
    const { code, stdout } = await runInProcess(['diff', '--no-color', WIRE, BULLETIN]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/blocks: 2 same, 0 edited, 0 merged \(n→1\), 1 split \(1→n\), 1 dropped, 1 added;/);
    expect(stdout).toMatch(/\n {2}3 {4}→ 3,5 {2}split {4}~0\.\d\d {2}BOSTON \[-\(AP\)-\] — .* on Saturday\. \[-knocking-\] \{\+It knocked\+\} out power .* \[-forcing-\] \{\+forced\+\} the cancellation/);
    const json = JSON.parse((await runInProcess(['diff', '--json', WIRE, BULLETIN])).stdout) as { blocks: Array<{ kind: string; from: Array<{ startLine: number }>; to: Array<{ startLine: number }>; reworded?: boolean }> };
    const split = json.blocks.filter((b) => b.kind === 'split');
    expect(split.map((b) => [b.from.map((p) => p.startLine), b.to.map((p) => p.startLine), b.reworded])).toEqual([[[3], [3, 5], true]]);
    expect(json.blocks.filter((b) => b.kind === 'added').map((b) => b.to[0]!.startLine)).toEqual([1]);
  });

  it("is a paragraph split in the scan's group line, not a new lede", async () => {
    const { stdout } = await runInProcess(['--no-color', 'fixtures/reworded-split']);
    const reprint = stdout.split('\n').find((line) => line.startsWith('  reprint   fixtures/reworded-split/bulletin.txt'));
    expect(reprint).toMatch(/2 same, 2 changed, 1 added, 1 dropped; agency credit dropped, paragraph split, words substituted;/);
    expect(reprint).not.toMatch(/new lede|sentence dropped/);
  });
});
