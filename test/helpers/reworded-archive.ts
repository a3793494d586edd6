/**
 * A large scan's archive around fixtures/reworded-reprint (wire.txt and its rewrite.txt): 400
 * generated notices, each word of the two stories in SPREAD of them (not rare, yet rare enough
 * for the rewording channel), around words of their own. The precise mode finds no seed between
 * the two stories there; the tests of `--reworded thorough` and of partly reworded copies
 * (copied-pairs.ts) use it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './fixtures.js';

/**
 * Notices, and how many of them hold each word of the two stories. A word is then in SPREAD + 2
 * documents: more than a large scan's rare words (passages.ts, RARE_MIN_DOCUMENTS: 5 below 1,000
 * documents), at most the rewording channel's very common ones leave out (2% of the scan: 8).
 */
export const NOTICES = 400;
const SPREAD = 4;

/** A word of letters only, different for each (notice, place). */
function ownWord(notice: number, place: number): string {
  return `q${notice}x${place}`.replace(/[0-9]/g, (digit) => 'abcdefghij'[Number(digit)]!);
}

/**
 * The archive; `copies`: that many more copies of the rewrite, each paragraph ending in a word
 * of its own (texts of their own, edited from one another by shingles); `extra`: files of
 * these names and texts besides. The notices hold the words of wire.txt and rewrite.txt only.
 */
export function archiveWithRewrite(copies = 0, spread = SPREAD, extra: Readonly<Record<string, string>> = {}): string {
  const dir = tempDir('reworded-archive-');
  const wire = readFileSync('fixtures/reworded-reprint/wire.txt', 'utf8');
  const rewrite = readFileSync('fixtures/reworded-reprint/rewrite.txt', 'utf8');
  writeFileSync(path.join(dir, 'wire.txt'), wire);
  writeFileSync(path.join(dir, 'rewrite.txt'), rewrite);
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  for (let c = 0; c < copies; c++) {
    const copy = rewrite.split('\n').map((line, k) => (line.trim() === '' ? line : line.replace(/\.\s*$/, ` ${ownWord(900 + c, k)}.`)));
    writeFileSync(path.join(dir, `rewrite-${c}.txt`), copy.join('\n'));
  }
  // Every word, short ones and figures too: a word left out of the notices is in the stories'
  // documents alone, rare, and two of them make a seed.
  const words = [...new Set(`${wire} ${rewrite}`.toLowerCase().match(/[a-z0-9]+/g) ?? [])].sort();
  const notices = Array.from({ length: NOTICES }, (): string[] => []);
  words.forEach((word, j) => {
    for (let k = 0; k < spread; k++) notices[(spread * j + k) % NOTICES]!.push(word);
  });
  notices.forEach((own, i) => {
    const name = `notice-${String(i).padStart(3, '0')}.txt`;
    writeFileSync(path.join(dir, name), `Notice ${ownWord(i, 0)}\n\n${[ownWord(i, 1), ...own, ownWord(i, 2)].join(' ')}.\n`);
  });
  return dir;
}

