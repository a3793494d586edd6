/**
 * The everyday reprint: a wire story's opening paragraphs word for word under the outlet's own
 * headline (fixtures/reprint-own-headline), or under the same headline with links to other
 * stories below ("Read more: ...", "Related: ..."; fixtures/link-lines). Both came out
 * "original undecided": the trimmed-copy evidence compared the two texts from their first
 * paragraph, the headlines, and read a link line as a paragraph the wire story lacks (a new
 * user's run). Now the wire story is the original and the copy a reprint trimmed from the bottom.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';

describe.each([
  ['fixtures/reprint-own-headline', 'wire-dam.txt', 'reprint-dam.txt'],
  ['fixtures/link-lines', 'wire-ferry.txt', 'reprint-ferry.txt'],
])('%s', (folder, wire, reprint) => {
  it('names the wire story the original, by the copy being its opening paragraphs', async () => {
    const { stdout, code } = await runCli([folder, '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toContain(`original ${folder}/${wire} (confidence 0.73: the other copy is its opening paragraphs, word for word`);
    expect(stdout).toMatch(new RegExp(`reprint +${folder}/${reprint} +keeps \\d+% of the original; 4 same, 0 changed, [01] added, \\d dropped; trimmed from the bottom`));
  });
});

describe('link lines', () => {
  it('are boilerplate footers, not paragraphs the copy added', async () => {
    const { stdout } = await runCli(['fixtures/link-lines', '--no-color']);
    expect(stdout).toMatch(/boilerplate +\[footer\] Read more: Lobster prices/);
    expect(stdout).toMatch(/boilerplate +\[footer\] Related: How the islands/);
  });
});
