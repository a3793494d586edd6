/**
 * A wire story and its write-through filed the same day, each with the time it says it was
 * published or updated ("Published June 13, 2026 3:05 PM", "Updated June 13, 2026 9:40 PM";
 * fixtures/same-day-times): the earlier is the original. Dates alone tied, and the write-through,
 * holding most of the group's text with its reprint, was named the original of the story filed
 * 6½ hours before it (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';

const FOLDER = 'fixtures/same-day-times';

describe('a story and its write-through filed the same day', () => {
  it('names the first the original, by the times the texts give', async () => {
    const { stdout, code } = await runCli([FOLDER, '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toContain(`original ${FOLDER}/wire-first.txt (confidence`);
    expect(stdout).toContain('earliest time in the group: 2026-06-13 15:05');
    expect(stdout).toMatch(new RegExp(`version +${FOLDER}/wire-writethru\\.txt`));
    expect(stdout).toMatch(new RegExp(`reprint +${FOLDER}/paper-reprint\\.txt .*closest to ${FOLDER}/wire-writethru\\.txt: story derived`));
    // The station's plug and the wire's "developing story" notice are footers, not a reworded pair (text/junk.ts).
    expect(stdout).toMatch(new RegExp(`reprint +${FOLDER}/tv-reprint\\.txt +keeps \\d+% of the original; 3 same, 0 changed, 2 added, \\d dropped; trimmed from the bottom`));
  });
});
