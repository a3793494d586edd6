/**
 * A scraped page's share bar ("Share this:", then "Facebook", "Twitter", "WhatsApp" on lines of
 * their own; fixtures/share-bar) is boilerplate, as "Share this:" and "Leave a Reply" are: its
 * buttons were a unique paragraph of the copy, and the copy no longer "identical apart from
 * boilerplate" (a new user's trial).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';

describe("a scraped copy's share bar", () => {
  it('is boilerplate, and the copy identical to the wire story apart from it', async () => {
    const { stdout, code } = await runCli(['fixtures/share-bar', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n +8-10 +boilerplate +\[footer\] Facebook Twitter WhatsApp/);
    expect(stdout).toContain('identical to fixtures/share-bar/wire-harbour-fire.txt apart from boilerplate');
    expect(stdout).toContain('0 unique');
  });
});
