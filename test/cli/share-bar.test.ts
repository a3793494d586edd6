/**
 * A scraped page's share bar ("Share this:", then "Facebook", "Twitter", "WhatsApp" on lines of
 * their own; fixtures/share-bar) is boilerplate, as "Share this:" and "Leave a Reply" are: its
 * buttons were a unique paragraph of the copy, and the copy no longer "identical apart from
 * boilerplate" (a new user's trial).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
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

describe('share buttons set apart by blank lines, each a paragraph of its own', () => {
  it('are boilerplate beside the bar\'s label; a network named alone in the story stays text', async () => {
    const dir = tempDir();
    const story = 'PORT ELLERY, Maine (AP) — A fire broke out early Sunday at the fish market on the main pier, the fire chief said.';
    writeFileSync(path.join(dir, 'page.txt'), `Fire damages fish market\n\n${story}\n\nShare this:\n\nFacebook\n\nTwitter\n\nWhatsApp\n\nLeave a Reply\n`);
    const { stdout } = await runCli([path.join(dir, 'page.txt'), '--no-color']);
    for (const [line, button] of [[7, 'Facebook'], [9, 'Twitter'], [11, 'WhatsApp']] as const) {
      expect(stdout).toMatch(new RegExp(`\\n +${line} +boilerplate +\\[footer\\] ${button}`));
    }
    expect(stdout).toContain('2 unique, 5 boilerplate');
  });
});
